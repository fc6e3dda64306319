/**
 * `docker rmi` / `docker image rm` / `docker image remove` (cli/command/image/remove.go): one
 * DELETE /images/{name} per argument, printing `Untagged: …` and `Deleted: …` as they come.
 * Errors are joined and printed at the end (exit 1); with `-f`, "No such image" errors are
 * printed but do not fail the command.
 */
import { ApiError } from '../../daemon/errors.ts';
import { imageDelete } from '../../daemon/router/images.ts';
import { bool, StatusError, type Command } from './command.ts';

export const rmi: Command = {
  name: 'rmi', path: 'docker rmi', use: 'docker rmi [OPTIONS] IMAGE [IMAGE...]', short: 'Remove one or more images',
  aliases: 'docker image rm, docker image remove, docker rmi', args: { kind: 'min', n: 1 },
  flags: [
    { name: 'force', short: 'f', type: 'bool', usage: 'Force removal of the image' },
    { name: 'no-prune', type: 'bool', usage: 'Do not delete untagged parents' },
    { name: 'platform', type: 'list', valueName: 'strings', usage: 'Remove only the given platform variant. Formatted as "os[/arch[/variant]]" (e.g., "linux/amd64")' },
  ],
  *run(cli, f) {
    const force = bool(f, 'force');
    const errors: string[] = [];
    let fatal = false;
    for (const name of f.args) {
      try {
        for (const r of imageDelete(cli.daemon, name, { force, noPrune: bool(f, 'no-prune') })) {
          cli.out('Deleted' in r ? `Deleted: ${r.Deleted}\n` : `Untagged: ${r.Untagged}\n`);
        }
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        if (e.status !== 404) fatal = true;
        errors.push(`Error response from daemon: ${e.message}`);
      }
    }
    if (errors.length === 0) return 0;
    if (!force || fatal) throw new StatusError(errors.join('\n'), 1);
    cli.err(`${errors.join('\n')}\n`);
    return 0;
  },
};

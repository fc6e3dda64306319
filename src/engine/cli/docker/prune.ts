/**
 * `docker image prune` (cli/command/image/prune.go): asks for confirmation unless `-f`, then
 * POST /images/prune with `dangling=true` (or `false` with `-a`) and prints the deleted
 * references and images and the space reclaimed. Answering anything but y/Y cancels quietly
 * (exit 0, as the CLI treats a cancelled prompt).
 */
import { imagesPrune } from '../../daemon/router/images.ts';
import { humanSize } from '../../image/units.ts';
import { EOF } from '../../kernel/streams.ts';
import { bool, list, StatusError, type Command } from './command.ts';

const ALL_WARNING = 'WARNING! This will remove all images without at least one container associated to them.\nAre you sure you want to continue?';
const DANGLING_WARNING = 'WARNING! This will remove all dangling images.\nAre you sure you want to continue?';

export const imagePrune: Command = {
  name: 'prune', path: 'docker image prune', use: 'docker image prune [OPTIONS]', short: 'Remove unused images', args: { kind: 'none' },
  flags: [
    { name: 'all', short: 'a', type: 'bool', usage: 'Remove all unused images, not just dangling ones' },
    { name: 'filter', type: 'list', valueName: 'filter', usage: 'Provide filter values (e.g. "until=<timestamp>")' },
    { name: 'force', short: 'f', type: 'bool', usage: 'Do not prompt for confirmation' },
  ],
  *run(cli, f) {
    const filters: Record<string, string[]> = {};
    for (const spec of list(f, 'filter')) {
      if (spec === '') continue;
      const eq = spec.indexOf('=');
      if (eq < 0) {
        throw new StatusError(`invalid argument "${spec}" for "--filter" flag: bad format of filter (expected name=value)\n\nUsage:  ${this.use}\n\nRun '${this.path} --help' for more information`, 125);
      }
      (filters[spec.slice(0, eq).trim().toLowerCase()] ??= []).push(spec.slice(eq + 1).trim());
    }
    const all = bool(f, 'all');
    (filters.dangling ??= []).push(String(!all));
    if (!bool(f, 'force')) {
      cli.out(`${all ? ALL_WARNING : DANGLING_WARNING} [y/N] `);
      const answer = yield cli.ctx.read(0, { line: true });
      if (answer === EOF || typeof answer !== 'string' || answer.trim().toLowerCase() !== 'y') return 0;
    }
    const report = imagesPrune(cli.daemon, filters);
    let reclaimed = 0;
    if (report.ImagesDeleted) {
      let out = 'Deleted Images:\n';
      for (const r of report.ImagesDeleted) out += 'Untagged' in r ? `untagged: ${r.Untagged}\n` : `deleted: ${r.Deleted}\n`;
      cli.out(`${out}\n`);
      reclaimed = report.SpaceReclaimed;
    }
    cli.out(`Total reclaimed space: ${humanSize(reclaimed)}\n`);
    return 0;
  },
};

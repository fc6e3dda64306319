/**
 * `docker push [OPTIONS] NAME[:TAG]` (docker/cli `cli/command/image/push.go`): parses the
 * reference (`Using default tag: latest` for a bare name; `-a` pushes every tag), sends the
 * stored credentials for the registry as X-Registry-Auth, and renders the daemon's JSON stream
 * like jsonmessage: on a terminal one line per layer redrawn in place (`Pushing [==>  ] …`),
 * otherwise the status lines only. An error in the stream is printed bare, exit 1.
 */
import { imagePush, type PushMessage } from '../../daemon/router/push.ts';
import { familiarString, isNameOnly, parseNormalizedNamed, referenceName, tagNameOnly } from '../../image/reference.ts';
import { bool, StatusError, type Command } from './command.ts';
import { authKey, storedAuth } from './login.ts';
import { progressString } from './pull.ts';

export const push: Command = {
  name: 'push', path: 'docker push', use: 'docker push [OPTIONS] NAME[:TAG]', short: 'Upload an image to a registry',
  aliases: 'docker image push, docker push', args: { kind: 'exact', n: 1 },
  flags: [
    { name: 'all-tags', short: 'a', type: 'bool', usage: 'Push all tags of an image to the repository' },
    { name: 'disable-content-trust', type: 'bool', usage: 'Skip image signing', default: 'true' },
    { name: 'platform', type: 'string', usage: "Push a platform-specific manifest as a single-platform image to the registry.\nImage index won't be pushed, meaning that other manifests, including attestations won't be preserved.\n'os[/arch[/variant]]': Explicit platform (eg. linux/amd64)" },
    { name: 'quiet', short: 'q', type: 'bool', usage: 'Suppress verbose output' },
  ],
  *run(cli, f) {
    const all = bool(f, 'all-tags');
    const quiet = bool(f, 'quiet');
    const parsed = parseNormalizedNamed(f.args[0]);
    if (!parsed.ok) throw new StatusError(parsed.error.message, 1);
    let ref = parsed.ref;
    if (all && !isNameOnly(ref)) throw new StatusError("tag can't be used with --all-tags/-a", 1);
    if (!all && isNameOnly(ref)) {
      ref = tagNameOnly(ref);
      if (!quiet) cli.out(`Using default tag: ${ref.tag}\n`);
    }
    if (ref.digest) throw new StatusError('cannot push a digest reference', 1);
    const stored = storedAuth(cli, authKey(ref.domain));
    const ctx = cli.ctx;
    const fancy = ctx.isatty(1) && !ctx.kernel.machine.headless;
    const width = ctx.kernel.machine.terminalWidth?.() ?? 80;
    const lines = new Map<string, number>();
    let error: string | null = null;
    const render = (m: PushMessage) => {
      if (m.error !== undefined) {
        error = m.error;
        return;
      }
      if (quiet) return;
      if (!m.id) {
        lines.clear();
        cli.out(`${m.status}\n`);
        return;
      }
      const text = `${m.id}: ${m.status}${m.progress ? ` ${progressString(m.progress, width)}` : ''}`;
      if (!fancy) {
        if (!m.progress) cli.out(`${text}\n`);
        return;
      }
      let line = lines.get(m.id);
      if (line === undefined) {
        line = lines.size;
        lines.set(m.id, line);
        cli.out('\n');
      }
      const up = lines.size - line;
      cli.out(`\x1b[${up}A\r\x1b[2K${text}\r\x1b[${up}B`);
    };
    const name = familiarString({ ...ref, tag: '', digest: '' });
    yield* imagePush(cli.daemon, name, all ? null : ref.tag, stored ? { username: stored.username } : null, render);
    if (error !== null) throw new StatusError(error, 1);
    if (quiet) cli.out(`${referenceName(ref)}${ref.tag ? `:${ref.tag}` : ''}\n`);
    return 0;
  },
};

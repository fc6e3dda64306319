/**
 * `docker push [OPTIONS] NAME[:TAG]` (docker/cli `cli/command/image/push.go`): parses the
 * reference (`Using default tag: latest` for a bare name; `-a` pushes every tag), sends the
 * stored credentials for the registry as X-Registry-Auth, and renders the daemon's JSON stream
 * with the pull's jsonmessage display (`Pushing [==>  ] …` redrawn in place on a terminal). An error in the stream is printed bare, exit 1.
 */
import { imagePush, type PushMessage } from '../../daemon/router/push.ts';
import { familiarString, isNameOnly, parseNormalizedNamed, referenceName, tagNameOnly } from '../../image/reference.ts';
import { bool, StatusError, type Command } from './command.ts';
import { authKey, storedAuth } from './login.ts';
import { jsonMessageDisplay } from './pull.ts';

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
    const display = jsonMessageDisplay(cli, 1);
    let error: string | null = null;
    const render = (m: PushMessage) => {
      if (m.error !== undefined) error = m.error;
      else if (!quiet) display(m);
    };
    const name = familiarString({ ...ref, tag: '', digest: '' });
    yield* imagePush(cli.daemon, name, all ? null : ref.tag, stored ? { username: stored.username } : null, render);
    if (error !== null) throw new StatusError(error, 1);
    if (quiet) cli.out(`${referenceName(ref)}${ref.tag ? `:${ref.tag}` : ''}\n`);
    return 0;
  },
};

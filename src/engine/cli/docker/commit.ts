/** `docker commit`: a new image from a container's changes (its read-write layer as a new layer). */
import { commitContainer } from '../../daemon/router/commit.ts';
import { familiarName, parseNormalizedNamed, tagNameOnly } from '../../image/reference.ts';
import { list, str, StatusError, type Command } from './command.ts';

export const commit: Command = {
  name: 'commit', path: 'docker commit', use: 'docker commit [OPTIONS] CONTAINER [REPOSITORY[:TAG]]', short: "Create a new image from a container's changes",
  aliases: 'docker container commit, docker commit', args: { kind: 'range', min: 1, max: 2 }, interspersed: false,
  flags: [
    { name: 'author', short: 'a', type: 'string', usage: 'Author (e.g., "John Hannibal Smith <hannibal@a-team.com>")' },
    { name: 'change', short: 'c', type: 'list', usage: 'Apply Dockerfile instruction to the created image' },
    { name: 'message', short: 'm', type: 'string', usage: 'Commit message' },
    { name: 'pause', short: 'p', type: 'bool', usage: 'Pause container during commit', default: 'true' },
  ],
  *run(cli, f) {
    let repo = '';
    let tag = '';
    const reference = f.args[1] ?? '';
    if (reference) {
      // client.ContainerCommit: parse the reference, refuse digests, split name and tag.
      const r = parseNormalizedNamed(reference);
      if (!r.ok) throw new StatusError(r.error.message, 1);
      if (r.ref.digest) throw new StatusError('refusing to create a tag with a digest reference', 1);
      const t = tagNameOnly(r.ref);
      repo = familiarName(t);
      tag = t.tag;
    }
    const res = commitContainer(cli.daemon, {
      container: f.args[0], repo, tag, comment: str(f, 'message'), author: str(f, 'author'), changes: list(f, 'change'), pause: f.values.get('pause') !== false,
    });
    cli.out(`${res.Id}\n`);
    return 0;
  },
};

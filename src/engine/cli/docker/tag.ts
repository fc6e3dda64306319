/**
 * `docker tag` / `docker image tag` (cli/command/image/tag.go and the client's ImageTag): the
 * client validates both references, then POST /images/{source}/tag?repo=&tag=.
 */
import { imageTag } from '../../daemon/router/images.ts';
import { parseAnyReference, parseNormalizedNamed, referenceName, tagNameOnly } from '../../image/reference.ts';
import { StatusError, type Command } from './command.ts';

export const tag: Command = {
  name: 'tag', path: 'docker tag', use: 'docker tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]', short: 'Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE',
  aliases: 'docker image tag, docker tag', args: { kind: 'exact', n: 2 }, flags: [],
  *run(cli, f) {
    const [source, target] = f.args;
    const invalid = (s: string, message: string) => new StatusError(`Error parsing reference: ${JSON.stringify(s)} is not a valid repository/tag: ${message}`, 1);
    const src = parseAnyReference(source);
    if (!src.ok) throw invalid(source, src.error.message);
    const dst = parseNormalizedNamed(target);
    if (!dst.ok) throw invalid(target, dst.error.message);
    if (dst.ref.digest) throw new StatusError('refusing to create a tag with a digest reference', 1);
    const ref = tagNameOnly(dst.ref);
    imageTag(cli.daemon, source, referenceName(ref), ref.tag);
    return 0;
  },
};

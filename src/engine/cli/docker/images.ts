/**
 * `docker images` / `docker image ls` (classic table: REPOSITORY TAG IMAGE ID CREATED SIZE)
 * and `docker image inspect`.
 */
import { ApiError } from '../../daemon/errors.ts';
import { humanDuration } from '../../image/units.ts';
import { imageInspect as apiImageInspect, imageList } from '../../daemon/router/images.ts';
import { digestHex } from '../../image/digest.ts';
import { imageSizeString } from '../../image/units.ts';
import { goStruct } from '../format/index.ts';
import { bool, FORMAT_FLAG, list, str, StatusError, type Command, type DockerCli } from './command.ts';
import { formatTable, TemplateFailure } from './formatter.ts';
import { inspectObjects } from './inspect.ts';

const DEFAULT_FORMAT = 'table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}';
const DIGESTS_FORMAT = 'table {{.Repository}}\t{{.Tag}}\t{{.Digest}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}';
const HEADERS = { Repository: 'REPOSITORY', Tag: 'TAG', ID: 'IMAGE ID', Digest: 'DIGEST', CreatedSince: 'CREATED', CreatedAt: 'CREATED AT', Size: 'SIZE', Containers: 'CONTAINERS', SharedSize: 'SHARED SIZE', UniqueSize: 'UNIQUE SIZE', VirtualSize: 'VIRTUAL SIZE' };

/** The image rows docker prints: one per tag (and `<none>` rows), as formatter/image.go expands them. */
function imageRows(cli: DockerCli, all: boolean, noTrunc: boolean, filterRef: string | null): Record<string, string>[] {
  const now = cli.daemon.clock.unix();
  const out: Record<string, string>[] = [];
  for (const img of imageList(cli.daemon, { all })) {
    const id = noTrunc ? img.Id : digestHex(img.Id).slice(0, 12);
    const created = new Date(img.Created * 1000);
    const p = (n: number) => String(n).padStart(2, '0');
    const base = {
      ID: id, CreatedSince: img.Created ? `${humanDuration((now - img.Created) * 1000)} ago` : 'N/A',
      CreatedAt: `${created.getUTCFullYear()}-${p(created.getUTCMonth() + 1)}-${p(created.getUTCDate())} ${p(created.getUTCHours())}:${p(created.getUTCMinutes())}:${p(created.getUTCSeconds())} +0000 UTC`,
      Size: imageSizeString(img.Size), VirtualSize: imageSizeString(img.Size), SharedSize: 'N/A', UniqueSize: 'N/A', Containers: 'N/A',
    };
    const digestOf = (repo: string) => img.RepoDigests.find((d) => d.startsWith(`${repo}@`))?.split('@')[1] ?? '<none>';
    if (img.RepoTags.length === 0) {
      const repo = img.RepoDigests[0]?.split('@')[0] ?? '<none>';
      if (filterRef === null) out.push({ ...base, Repository: repo, Tag: '<none>', Digest: img.RepoDigests[0]?.split('@')[1] ?? '<none>' });
      continue;
    }
    for (const t of img.RepoTags) {
      const cut = t.lastIndexOf(':');
      const repo = t.slice(0, cut);
      const tag = t.slice(cut + 1);
      if (filterRef !== null && !matchesRef(filterRef, repo, tag)) continue;
      out.push({ ...base, Repository: repo, Tag: tag, Digest: digestOf(repo) });
    }
  }
  return out;
}

function matchesRef(pattern: string, repo: string, tag: string): boolean {
  // A tag's colon comes after the last slash (`localhost:5000/app` has none).
  const colon = pattern.lastIndexOf(':') > pattern.lastIndexOf('/') ? pattern.lastIndexOf(':') : -1;
  const [pr, pt] = colon >= 0 ? [pattern.slice(0, colon), pattern.slice(colon + 1)] : [pattern, null];
  const re = (glob: string) => new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`);
  return re(pr).test(repo) && (pt === null || re(pt).test(tag));
}

export const images: Command = {
  name: 'images', path: 'docker images', use: 'docker images [OPTIONS] [REPOSITORY[:TAG]]', short: 'List images',
  aliases: 'docker image ls, docker image list, docker images', args: { kind: 'range', min: 0, max: 1 },
  flags: [
    { name: 'all', short: 'a', type: 'bool', usage: 'Show all images (default hides intermediate images)' },
    { name: 'digests', type: 'bool', usage: 'Show digests' },
    { name: 'filter', short: 'f', type: 'list', usage: 'Filter output based on conditions provided', valueName: 'filter' },
    FORMAT_FLAG,
    { name: 'no-trunc', type: 'bool', usage: "Don't truncate output" },
    { name: 'quiet', short: 'q', type: 'bool', usage: 'Only show image IDs' },
  ],
  *run(cli, f) {
    for (const spec of list(f, 'filter')) {
      const key = spec.split('=')[0];
      if (!['dangling', 'label', 'before', 'since', 'reference', 'until'].includes(key)) throw new ApiError(400, `invalid filter '${key}'`);
    }
    const refFilter = f.args[0] ?? list(f, 'filter').find((x) => x.startsWith('reference='))?.slice('reference='.length) ?? null;
    const rows = imageRows(cli, bool(f, 'all'), bool(f, 'no-trunc'), refFilter);
    if (bool(f, 'quiet') && !f.set.has('format')) {
      const seen = new Set<string>();
      for (const r of rows) if (!seen.has(r.ID)) {
        seen.add(r.ID);
        cli.out(`${r.ID}\n`);
      }
      return 0;
    }
    let format = str(f, 'format') || (bool(f, 'digests') ? DIGESTS_FORMAT : DEFAULT_FORMAT);
    if (format === 'table') format = DEFAULT_FORMAT;
    try {
      const contexts = rows.map((r) => goStruct('*formatter.imageContext', { ...r, MarshalJSON: () => r }));
      cli.out(formatTable(format, contexts, HEADERS));
    } catch (e) {
      if (e instanceof TemplateFailure) throw new StatusError(e.message, 1);
      throw e;
    }
    return 0;
  },
};

export const imageLs: Command = { ...images, name: 'ls', path: 'docker image ls', use: 'docker image ls [OPTIONS] [REPOSITORY[:TAG]]' };

/** The inspect object of an image, or null (for `docker inspect`'s fallback from containers). */
export function imageInspectObject(cli: DockerCli, ref: string): Record<string, unknown> | null {
  try {
    return apiImageInspect(cli.daemon, ref);
  } catch (e) {
    if (e instanceof ApiError) return null;
    throw e;
  }
}

export const imageInspect: Command = {
  name: 'inspect', path: 'docker image inspect', use: 'docker image inspect [OPTIONS] IMAGE [IMAGE...]', short: 'Display detailed information on one or more images',
  args: { kind: 'min', n: 1 },
  flags: [{ name: 'format', short: 'f', type: 'string', usage: "Format output using a custom template:\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates" }],
  *run(cli, f) {
    return yield* inspectObjects(cli, f.args, 'image', str(f, 'format'));
  },
};

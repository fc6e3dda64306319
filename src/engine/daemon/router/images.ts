/**
 * Image routes of the Engine API: GET /images/json (docker images), GET /images/{name}/json
 * (docker image inspect), DELETE /images/{name} (docker rmi), POST /images/{name}/tag (docker
 * tag), GET /images/{name}/history (docker history), POST /images/prune (docker image prune),
 * GET /system/df (docker system df), POST /images/create (docker pull — in pull.ts, it takes time).
 */
import { digestHex } from '../../image/digest.ts';
import { familiarName, familiarString, parseNormalizedNamed, referenceString, tagNameOnly, withTag } from '../../image/reference.ts';
import type { ContainerImageUse, DeleteRecord, ImageStore } from '../../image/store.ts';
import { imageHistory, listImages, inspectImage, type HistoryItem, type ImageSummary } from '../../image/views.ts';
import type { Daemon } from '../daemon.ts';
import { ApiError, filtersJSON } from '../errors.ts';
import { containerList, type ContainerSummary } from './query.ts';
import { buildCacheUsage } from './build.ts';

export function store(d: Daemon): ImageStore {
  return d.images as unknown as ImageStore;
}

/** Containers using each image (API ≥ 1.51 fills `Containers`). */
function containerCount(d: Daemon): (id: string) => number {
  return (id) => [...d.containers.values()].filter((c) => c.imageId === id).length;
}

/** GET /images/json?all= */
export function imageList(d: Daemon, opts: { all: boolean; dangling?: boolean }): ImageSummary[] {
  const q = [opts.all ? 'all=1' : '', opts.dangling ? `filters=${encodeURIComponent('{"dangling":{"true":true}}')}` : ''].filter(Boolean).join('&');
  return d.call('GET', `/images/json${q ? `?${q}` : ''}`, 200, () => listImages(store(d), { all: opts.all, containerCount: containerCount(d), danglingOnly: opts.dangling }));
}

/** GET /images/{name}/json */
export function imageInspect(d: Daemon, name: string): Record<string, unknown> {
  return d.call('GET', `/images/${name}/json`, 200, () => {
    const r = store(d).resolve(name);
    if (!r.ok) throw new ApiError(r.error.status, r.error.message);
    return inspectImage(store(d), r.value.id)!;
  });
}

// ── DELETE /images/{name}, POST /images/{name}/tag, GET /images/{name}/history ─────────────

/** The containers that exist, in creation order (the first match is named in conflicts). */
function containerUses(d: Daemon): ContainerImageUse[] {
  return [...d.containers.values()].map((c) => ({ id: c.id, imageId: c.imageId, running: c.state.Running }));
}

/** Logs `untag` / `delete` events for a DELETE /images response, as the image service does. */
function logDeleteEvents(d: Daemon, imageId: string, records: readonly DeleteRecord[]): void {
  for (const r of records) {
    if ('Untagged' in r) d.emit('image', 'untag', imageId, { name: imageId });
    else if (r.Deleted === imageId) d.emit('image', 'delete', imageId, { name: imageId });
  }
}

function removeImage(d: Daemon, name: string, force: boolean, prune: boolean): DeleteRecord[] {
  const s = store(d);
  const target = s.resolve(name);
  const r = s.remove(name, { force, prune }, containerUses(d));
  if (!r.ok) throw new ApiError(r.error.status, r.error.message);
  if (target.ok) logDeleteEvents(d, target.value.id, r.value);
  return r.value;
}

/** DELETE /images/{name}?force=&noprune= (docker rmi). */
export function imageDelete(d: Daemon, name: string, opts: { force: boolean; noPrune: boolean }): DeleteRecord[] {
  const q = [opts.force ? 'force=1' : '', opts.noPrune ? 'noprune=1' : ''].filter(Boolean).join('&');
  return d.call('DELETE', `/images/${name}${q ? `?${q}` : ''}`, 200, () => removeImage(d, name, opts.force, !opts.noPrune));
}

/** POST /images/{name}/tag?repo=&tag= (docker tag); `repo` and `tag` come from the CLI's parsed target. */
export function imageTag(d: Daemon, name: string, repo: string, tag: string): void {
  const q = `repo=${encodeURIComponent(repo)}${tag ? `&tag=${encodeURIComponent(tag)}` : ''}`;
  d.call('POST', `/images/${name}/tag?${q}`, 201, () => {
    // httputils.RepoTagReference
    const parsed = parseNormalizedNamed(repo);
    if (!parsed.ok) throw new ApiError(400, parsed.error.message);
    if (parsed.ref.digest) throw new ApiError(400, 'cannot import digest reference');
    const withT = tag ? withTag(parsed.ref, tag) : { ok: true as const, ref: tagNameOnly(parsed.ref) };
    if (!withT.ok) throw new ApiError(400, withT.error.message);
    if (familiarName(withT.ref) === 'sha256') throw new ApiError(400, 'refusing to create an ambiguous tag using digest algorithm as name');
    const s = store(d);
    const img = s.resolve(name);
    if (!img.ok) throw new ApiError(img.error.status === 400 ? 400 : 404, img.error.message);
    const r = s.tag(img.value.id, withT.ref, d.clock.rfc3339Nano(d.now));
    if (!r.ok) throw new ApiError(r.error.status, r.error.message);
    d.emit('image', 'tag', img.value.id, { name: familiarString(withT.ref) });
  });
}

/** GET /images/{name}/history (docker history). */
export function imageHistoryGet(d: Daemon, name: string): HistoryItem[] {
  return d.call('GET', `/images/${name}/history`, 200, () => {
    const r = store(d).resolve(name);
    if (!r.ok) throw new ApiError(r.error.status, r.error.message);
    return imageHistory(store(d), r.value.id)!;
  });
}

// ── POST /images/prune ─────────────────────────────────────────────────────────────────────

export interface ImagesPruneReport {
  readonly ImagesDeleted: DeleteRecord[] | null;
  readonly SpaceReclaimed: number;
}

const PRUNE_FILTERS = ['dangling', 'label', 'label!', 'until'];

/** filters.Args.MatchKVList: every `key` / `key=value` in the filter matches the labels. */
function matchKV(specs: readonly string[], labels: Record<string, string>): boolean {
  return specs.every((spec) => {
    const eq = spec.indexOf('=');
    if (eq < 0) return spec in labels;
    return labels[spec.slice(0, eq)] === spec.slice(eq + 1);
  });
}

/**
 * POST /images/prune?filters= (moby daemon/images/image_prune.go, classic store): dangling
 * heads (or every image with `dangling=false`) not kept by a container, a tag or a child;
 * conflicts are skipped silently. Go iterates a map; we go by image ID for determinism.
 */
export function imagesPrune(d: Daemon, filters: Record<string, string[]>): ImagesPruneReport {
  const q = `filters=${encodeURIComponent(filtersJSON(filters))}`;
  return d.call('POST', `/images/prune?${q}`, 200, () => {
    for (const k of Object.keys(filters)) if (!PRUNE_FILTERS.includes(k)) throw new ApiError(400, `invalid filter '${k}'`);
    const dv = filters.dangling ?? [];
    for (const v of dv) if (!/^(1|0|true|false)$/i.test(v)) throw new ApiError(400, `invalid filter 'dangling=${v}'`);
    const danglingOnly = dv.length === 0 || /^(1|true)$/i.test(dv[0]);
    let until = Infinity;
    if (filters.until) {
      if (filters.until.length > 1) throw new ApiError(400, 'more than one until filter specified');
      const t = parseUntil(filters.until[0], d.clock.unix());
      if (t === undefined) throw new ApiError(400, `invalid value for 'until' filter: failed to parse value as time or duration: "${filters.until[0]}"`);
      until = t;
    }
    const s = store(d);
    const layerSize = new Map(s.layers().map((l) => [l.chainId as string, l.size]));
    const deleted: DeleteRecord[] = [];
    for (const img of s.images()) {
      if (!s.has(img.id)) continue;
      const children = s.children(img.id).length;
      if (danglingOnly && children > 0) continue;
      const refs = s.references(img.id);
      if (refs.length === 0 && children > 0) continue;
      if (img.created > until) continue;
      const labels = img.doc.config.Labels ?? {};
      if (!matchKV(filters.label ?? [], labels)) continue;
      if (filters['label!'] && matchKV(filters['label!'], labels)) continue;
      if (refs.length > 0) {
        if (danglingOnly && refs.some((r) => !r.digest)) continue;
        for (const ref of refs) {
          const r = s.remove(referenceString(ref), { prune: true }, containerUses(d));
          if (r.ok) {
            logDeleteEvents(d, img.id, r.value);
            deleted.push(...r.value);
          }
        }
      } else {
        const r = s.remove(digestHex(img.id), { prune: true }, containerUses(d));
        if (r.ok) {
          logDeleteEvents(d, img.id, r.value);
          deleted.push(...r.value);
        }
      }
    }
    let reclaimed = 0;
    for (const r of deleted) if ('Deleted' in r) reclaimed += layerSize.get(r.Deleted) ?? 0;
    d.emit('image', 'prune', '', { reclaimed: String(reclaimed) });
    return { ImagesDeleted: deleted.length > 0 ? deleted : null, SpaceReclaimed: reclaimed };
  });
}

/** timestamp.Parse for the forms people type: a Go duration before now, Unix seconds, or an RFC 3339 date. */
function parseUntil(v: string, nowUnix: number): number | undefined {
  const dur = parseGoDuration(v);
  if (dur !== undefined) return nowUnix - dur / 1000;
  if (/^\d+(\.\d+)?$/.test(v)) return Number(v);
  const ms = Date.parse(v);
  return Number.isNaN(ms) ? undefined : ms / 1000;
}

function parseGoDuration(s: string): number | undefined {
  let total = 0;
  let consumed = 0;
  for (const m of s.matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g)) {
    if (m.index !== consumed) return undefined;
    consumed += m[0].length;
    total += Number(m[1]) * { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[m[2] as 's'];
  }
  return consumed === s.length && consumed > 0 ? total : undefined;
}

// ── GET /system/df ─────────────────────────────────────────────────────────────────────────

export interface DiskUsage {
  /** Sum of the DiffSize of every layer an image references (each layer once). */
  readonly LayersSize: number;
  readonly Images: ImageSummary[];
  readonly Containers: ContainerSummary[];
  readonly Volumes: never[];
  readonly BuildCache: import('./build.ts').BuildCacheSummary[];
}

/** The daemon itself, minus API logging: handlers that reuse another route's view inside one call. */
function unlogged(d: Daemon): Daemon {
  return Object.create(d, { call: { value: <T>(_m: string, _p: string, _ok: number, fn: () => T): T => fn() } }) as Daemon;
}

/** GET /system/df (moby daemon/disk_usage.go): images with SharedSize and Containers, containers with SizeRw. */
export function systemDf(d: Daemon): DiskUsage {
  return d.call('GET', '/system/df', 200, () => {
    const s = store(d);
    const used = new Set(s.images().flatMap((i) => i.chainIds));
    const layersSize = s.layers().filter((l) => used.has(l.chainId)).reduce((n, l) => n + l.size, 0);
    return {
      LayersSize: layersSize,
      Images: listImages(s, { sharedSize: true, containerCount: containerCount(d) }),
      Containers: containerList(unlogged(d), { all: true, filters: {}, size: true }),
      Volumes: [],
      BuildCache: buildCacheUsage(d),
    };
  });
}

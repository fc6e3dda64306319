/**
 * The Engine API's image views (API v1.51, classic store): `GET /images/json` rows,
 * `GET /images/{name}/json`, `GET /images/{name}/history`. Field order is the daemon's JSON
 * order, so `goJson` of these objects is what the API returns.
 */
import { digestHex, type Digest } from './digest.ts';
import { byteOrder, sortedKeys } from './gojson.ts';
import { inspectConfig } from './config.ts';
import type { ImageStore } from './store.ts';

/** One item of `GET /images/json` (image.Summary, fields in its JSON order). */
export interface ImageSummary {
  readonly Containers: number;
  readonly Created: number;
  readonly Id: Digest;
  readonly Labels: Record<string, string> | null;
  readonly ParentId: string;
  readonly RepoDigests: string[];
  readonly RepoTags: string[];
  readonly SharedSize: number;
  readonly Size: number;
}

export interface ListOptions {
  /** `all=1`: include intermediate images (with children and no tags). */
  readonly all?: boolean;
  /** `shared-size=1`: compute SharedSize (else -1). */
  readonly sharedSize?: boolean;
  /** Containers using an image (API ≥ 1.51 reports the count; -1 when not given). */
  readonly containerCount?: (id: Digest) => number;
  /** `filters={"dangling":["true"]}`. */
  readonly danglingOnly?: boolean;
}

/** `GET /images/json`: newest first. */
export function listImages(store: ImageStore, opts: ListOptions = {}): ImageSummary[] {
  const rows: ImageSummary[] = [];
  for (const img of store.images()) {
    const repoTags = store.repoTags(img.id);
    const repoDigests = store.repoDigests(img.id);
    const hasChildren = store.children(img.id).length > 0;
    if (opts.danglingOnly && hasChildren) continue;
    if (repoTags.length === 0 && repoDigests.length === 0) {
      if (!opts.all && hasChildren) continue;
    } else if (opts.danglingOnly && repoTags.length > 0) continue;
    let shared = -1;
    if (opts.sharedSize) {
      shared = 0;
      for (const l of store.imageLayers(img.id)) if (store.layerRefCount(l.chainId) > 1) shared += l.size;
    }
    const labels = img.doc.config.Labels;
    rows.push({
      Containers: opts.containerCount ? opts.containerCount(img.id) : -1,
      Created: img.created,
      Id: img.id,
      Labels: labels && Object.keys(labels).length > 0 ? sortedKeys(labels) : null,
      ParentId: img.parent,
      RepoDigests: repoDigests,
      RepoTags: repoTags,
      SharedSize: shared,
      Size: img.size,
    });
  }
  return rows.sort((a, b) => b.Created - a.Created || byteOrder(b.Id, a.Id));
}

/** overlay2 paths of an image (`GraphDriver.Data`, keys sorted; LowerDir only with lower layers). */
export function graphDriverData(store: ImageStore, id: Digest): Record<string, string> {
  const layers = store.imageLayers(id);
  if (layers.length === 0) return {};
  const dir = (cacheId: string) => `/var/lib/docker/overlay2/${cacheId}`;
  const top = layers[layers.length - 1];
  const data: Record<string, string> = {};
  if (layers.length > 1) {
    data.LowerDir = layers
      .slice(0, -1)
      .reverse()
      .map((l) => `${dir(l.cacheId)}/diff`)
      .join(':');
  }
  data.MergedDir = `${dir(top.cacheId)}/merged`;
  data.UpperDir = `${dir(top.cacheId)}/diff`;
  data.WorkDir = `${dir(top.cacheId)}/work`;
  return data;
}

/**
 * `GET /images/{name}/json` on Docker 28.5 (API v1.51, classic store). NOTE: since 28.3 the
 * daemon re-marshals the response with `Config` as a Go map to backfill empty fields, which
 * moves `Config` after `Metadata` and sorts its keys; this object reproduces that order.
 */
export function inspectImage(store: ImageStore, id: Digest): Record<string, unknown> | undefined {
  const img = store.get(id);
  if (!img) return undefined;
  const doc = img.doc;
  // An empty top-level comment falls back to the last history entry's (`buildkit.dockerfile.v0`).
  const comment = doc.comment || (doc.history.length > 0 ? (doc.history[doc.history.length - 1].comment ?? '') : '');
  return {
    Id: img.id,
    RepoTags: store.repoTags(id),
    RepoDigests: store.repoDigests(id),
    Parent: img.parent,
    Comment: comment,
    Created: doc.created || undefined,
    DockerVersion: doc.dockerVersion,
    Author: doc.author,
    Architecture: doc.architecture,
    Os: doc.os,
    Size: img.size,
    GraphDriver: { Data: graphDriverData(store, id), Name: 'overlay2' },
    RootFS: { Type: 'layers', Layers: [...img.diffIds] },
    Metadata: { LastTagTime: store.lastTagTime(id) },
    Config: inspectConfig(doc.config),
  };
}

/** One item of `GET /images/{name}/history` (image.HistoryResponseItem). */
export interface HistoryItem {
  readonly Id: string;
  readonly Created: number;
  readonly CreatedBy: string;
  readonly Tags: string[] | null;
  readonly Size: number;
  readonly Comment: string;
}

/** `GET /images/{name}/history`: newest first; `<missing>` for rows with no local image. */
export function imageHistory(store: ImageStore, id: Digest): HistoryItem[] | undefined {
  const img = store.get(id);
  if (!img) return undefined;
  const layers = store.imageLayers(id);
  const rows: { created: number; createdBy: string; comment: string; size: number }[] = [];
  let li = 0;
  for (const h of img.doc.history) {
    let size = 0;
    if (!h.emptyLayer) {
      size = layers[li]?.size ?? 0;
      li++;
    }
    const ms = h.created ? Date.parse(h.created) : NaN;
    rows.unshift({ created: Number.isNaN(ms) ? 0 : Math.floor(ms / 1000), createdBy: h.createdBy ?? '', comment: h.comment ?? '', size });
  }
  // Image IDs and tags walk the legacy parent chain from the top row.
  const out: HistoryItem[] = rows.map((r) => ({ Id: '<missing>', Created: r.created, CreatedBy: r.createdBy, Tags: null, Size: r.size, Comment: r.comment }));
  let cur: Digest = id;
  for (let i = 0; i < out.length && cur; i++) {
    const tags = store.repoTags(cur);
    out[i] = { ...out[i], Id: cur, Tags: tags.length > 0 ? tags : null };
    const next = store.get(cur)?.parent ?? '';
    cur = next && store.has(next) ? next : '';
  }
  return out;
}

/** The short image ID as `docker images` prints it (12 hex digits). */
export function shortImageId(id: Digest): string {
  return digestHex(id).slice(0, 12);
}

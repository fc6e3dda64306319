/**
 * The layer store as the Layers view sees it: one record per ChainID with its diff_id, parent,
 * size, how many images use it, and the history entry that made it. `created_by` is not stored
 * on a layer (moby keeps it in each image's config `history`); it is recovered the way
 * `docker history` pairs them: the i-th non-empty history entry describes the i-th diff_id
 * (is: `config.md`). A layer shared by several images takes the entry of the first image by ID,
 * so the answer does not depend on pull order.
 */
import type { LayerView } from '../snapshot.ts';
import type { Digest } from './digest.ts';
import type { ImageStore } from './store.ts';

/** What a layer's history entry says about it. */
export interface LayerOrigin {
  readonly createdBy: string;
  /** Unix seconds, 0 when absent. */
  readonly created: number;
}

function unixSeconds(rfc3339: string | undefined): number {
  if (!rfc3339) return 0;
  const ms = Date.parse(rfc3339);
  return Number.isNaN(ms) ? 0 : Math.floor(ms / 1000);
}

/** ChainID → the history entry that produced it, over every image in the store. */
export function layerOrigins(store: ImageStore): Map<Digest, LayerOrigin> {
  const out = new Map<Digest, LayerOrigin>();
  for (const img of store.images()) {
    let i = 0;
    for (const h of img.doc.history) {
      if (h.emptyLayer) continue;
      const chainId = img.chainIds[i++];
      if (chainId === undefined) break;
      if (!out.has(chainId)) out.set(chainId, { createdBy: h.createdBy ?? '', created: unixSeconds(h.created) });
    }
  }
  return out;
}

/**
 * Every layer in the store, sorted by ChainID. `rev` is left at 0: the snapshot builder gives a
 * record its revision (and keeps the previous object when nothing in it changed).
 */
export function buildLayerViews(store: ImageStore): LayerView[] {
  const origins = layerOrigins(store);
  return store.layers().map((l) => {
    const origin = origins.get(l.chainId);
    return {
      id: l.chainId,
      rev: 0,
      diffId: l.diffId,
      parent: l.parent || null,
      size: l.size,
      createdBy: origin?.createdBy ?? '',
      created: origin?.created ?? 0,
      images: store.layerRefCount(l.chainId),
    };
  });
}

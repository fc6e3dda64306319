/**
 * On-demand questions the UI asks the engine, too big for the snapshot: a layer's files with
 * dive's marks, an image's efficiency, a container's overlay mount laid open. Each answer is
 * computed from the engine's state at the moment it is asked (the host pushes overlay answers
 * again whenever the mount changes).
 */
import type { Daemon } from './daemon/daemon.ts';
import { inspectOverlay, overlayKey, type OverlayInspection, type OverlayLowerView } from './fs/inspect.ts';
import { imageEfficiency, layerFiles, type ImageEfficiency, type LayerFilesView } from './image/dive.ts';
import { layerOrigins } from './image/layerViews.ts';
import { ImageStore } from './image/store.ts';

export type { ImageEfficiency, Inefficiency, LayerFileEntry, LayerFilesView, FileMark } from './image/dive.ts';
export type { OverlayInspection, OverlayLowerView, OverlayMergedEntry, OverlayUpperEntry, UpperKind } from './fs/inspect.ts';
export type { OverlayEvent, OverlayOp } from './fs/overlay.ts';

export type EngineQuery =
  /** A layer's files marked added / modified / removed against the layers below (dive). */
  | { readonly kind: 'layerFiles'; readonly chainId: string }
  /** An image's efficiency, wasted bytes and inefficient paths (dive). */
  | { readonly kind: 'imageEfficiency'; readonly imageId: string }
  /** A container's overlay: lowers, upper dir, merged tree, recent operations. */
  | { readonly kind: 'overlay'; readonly containerId: string };

export type EngineQueryKind = EngineQuery['kind'];

/** What each query answers (null when the layer, image or container does not exist). */
export interface QueryResults {
  readonly layerFiles: LayerFilesView | null;
  readonly imageEfficiency: ImageEfficiency | null;
  readonly overlay: OverlayInspection | null;
}

export type QueryResult = { readonly [K in EngineQueryKind]: { readonly kind: K; readonly value: QueryResults[K] } }[EngineQueryKind];

function storeOf(d: Daemon): ImageStore | null {
  return d.images instanceof ImageStore ? d.images : null;
}

/** The lower dirs of a container's mount: its init layer, then its image's layers top → bottom. */
function lowersOf(d: Daemon, containerId: string): OverlayLowerView[] {
  const c = d.containers.get(containerId)!;
  const store = storeOf(d);
  const layers = store ? store.imageLayers(c.imageId) : [];
  const origins = store ? layerOrigins(store) : new Map();
  const count = c.rootfs.lowers.length;
  const known = layers.length === count - 1;
  return c.rootfs.lowers.map((_, index) => {
    if (index === 0) return { index, role: 'init', chainId: null, diffId: null, position: 0, createdBy: '', size: 0 };
    const position = count - index;
    const l = known ? layers[position - 1] : undefined;
    return {
      index, role: 'image', chainId: l?.chainId ?? null, diffId: l?.diffId ?? null, position,
      createdBy: l ? (origins.get(l.chainId)?.createdBy ?? '') : '', size: l?.size ?? 0,
    };
  });
}

/** The overlay of a container, or null when there is no such container. */
export function overlayOf(d: Daemon, containerId: string): OverlayInspection | null {
  const c = d.containers.get(containerId);
  return c ? inspectOverlay(c.id, c.rootfs, lowersOf(d, c.id)) : null;
}

/** Cheap change test for `overlayOf` (null when the container is gone). */
export function overlayKeyOf(d: Daemon, containerId: string): string | null {
  const c = d.containers.get(containerId);
  return c ? overlayKey(c.rootfs) : null;
}

export function runQuery(d: Daemon, q: EngineQuery): QueryResult {
  const store = storeOf(d);
  switch (q.kind) {
    case 'layerFiles':
      return { kind: q.kind, value: store ? layerFiles(store, q.chainId) : null };
    case 'imageEfficiency':
      return { kind: q.kind, value: store ? imageEfficiency(store, q.imageId) : null };
    case 'overlay':
      return { kind: q.kind, value: overlayOf(d, q.containerId) };
    default: {
      const never: never = q;
      throw new Error(`unknown query ${JSON.stringify(never)}`);
    }
  }
}

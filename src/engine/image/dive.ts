/**
 * What dive (github.com/wagoodman/dive) shows about an image, computed from the layer store:
 *
 * - a layer's files compared with everything below it (dive's `CompareAndMark` in
 *   `dive/filetree/file_tree.go`): each entry of the layer's tar is **added** (not below),
 *   **modified** (below, with other content or metadata), **unmodified** (below, identical) or
 *   **removed** (a `.wh.` whiteout); directories are modified when something inside changed;
 * - the image's efficiency and wasted space (`dive/filetree/efficiency.go` `Efficiency`, and
 *   `Image.Analyze` in `dive/image/image.go`). For every layer, bottom → top, each leaf of its
 *   tree (a path with nothing below it in that layer) is a "node" of its path, sized by its tar
 *   size; a whiteout's node weighs what it deletes when that was a directory (0 for a file).
 *   A path with two or more nodes is inefficient: its bytes were stored more than once, or
 *   stored and then deleted. `wasted` = the sum of those paths' cumulative sizes; `efficiency`
 *   = Σ smallest node size per path / Σ cumulative size per path (1 when nothing is stored);
 *   `userWastedPercent` = wasted / the size of every layer but the first.
 *
 * NOTE: as in dive, tar sizes are used: directories and symlinks weigh 0, and opaque markers
 * (`.wh..wh..opq`) are not nodes.
 */
import { applyLayer } from './rootfs.ts';
import { FileTree, type FileNode, type NodeType } from '../fs/tree.ts';
import { OPAQUE_WHITEOUT, opaqueDir, whiteoutTarget, type LayerFile } from './layer.ts';
import type { Digest } from './digest.ts';
import type { ImageStore, LayerRecord } from './store.ts';

export type FileMark = 'added' | 'modified' | 'removed' | 'unmodified';

/** One path of a layer, dive-style. */
export interface LayerFileEntry {
  readonly path: string;
  readonly type: NodeType;
  readonly mark: FileMark;
  /** Tar size: a file's bytes; for a removed path, what it deleted; 0 for directories and symlinks. */
  readonly size: number;
  /** Symlink target ('' otherwise). */
  readonly target: string;
  /** True for a parent directory that is not itself in the layer's tar (shown for the tree's shape). */
  readonly implied: boolean;
}

export interface LayerFilesView {
  readonly chainId: string;
  readonly diffId: string;
  /** Position in its chain, 1 = the base layer. */
  readonly position: number;
  /** Tree order (a directory, then what is inside it). */
  readonly entries: readonly LayerFileEntry[];
  readonly counts: { readonly added: number; readonly modified: number; readonly removed: number };
  /** Entries left out beyond the limit. */
  readonly truncated: number;
}

/** A path stored more than once in an image (dive's inefficiency list). */
export interface Inefficiency {
  readonly path: string;
  /** How many layers hold it (or delete it). */
  readonly count: number;
  /** Cumulative size over those layers. */
  readonly size: number;
}

export interface ImageEfficiency {
  readonly imageId: string;
  readonly repoTags: readonly string[];
  readonly layerCount: number;
  /** Σ layer sizes (dive's "Total Image size"). */
  readonly sizeBytes: number;
  /** Σ sizes of every layer but the first (what the image adds on its base). */
  readonly userSizeBytes: number;
  readonly wastedBytes: number;
  /** wastedBytes / userSizeBytes; null when the image adds nothing on its base layer. */
  readonly userWastedPercent: number | null;
  /** 0…1. */
  readonly efficiency: number;
  /** Paths with more than one node and a size, largest first (at most 20). */
  readonly inefficiencies: readonly Inefficiency[];
}

/** Entries listed per layer at most (the catalog's largest layer has a few hundred). */
export const LAYER_FILES_LIMIT = 3000;
const INEFFICIENCY_LIMIT = 20;

/** The chain ending at `chainId`, bottom → top (empty when unknown). */
export function chainOf(store: ImageStore, chainId: Digest): LayerRecord[] {
  const out: LayerRecord[] = [];
  for (let l = store.layer(chainId); l; l = l.parent ? store.layer(l.parent) : undefined) out.unshift(l);
  return out;
}

function stackOf(layers: readonly LayerRecord[]): FileTree {
  const tree = new FileTree();
  for (const l of layers) applyLayer(tree, l.files);
  return tree;
}

function nodeAt(tree: FileTree, path: string): FileNode | null {
  const n = tree.lookup(path, true);
  return typeof n === 'string' ? null : n;
}

/** Tar bytes of a node: a file's size; a directory's files (recursively); 0 for a symlink. */
function tarSize(n: FileNode): number {
  if (n.type === 'file') return n.size;
  if (n.type === 'symlink') return 0;
  let total = 0;
  for (const c of n.children!.values()) total += tarSize(c);
  return total;
}

const parentOf = (path: string) => path.slice(0, Math.max(1, path.lastIndexOf('/')));

/** Orders paths as a tree prints them: `/etc`, `/etc/nginx`, `/etc/nginx/x`, `/etc/nginx.conf`. */
export function treeOrder(a: string, b: string): number {
  const pa = a.split('/');
  const pb = b.split('/');
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    if (pa[i] !== pb[i]) return pa[i] < pb[i] ? -1 : 1;
  }
  return pa.length - pb.length;
}

function sameFile(below: FileNode, f: LayerFile): boolean {
  return below.type === f.type && below.mode === f.mode && below.uid === f.uid && below.gid === f.gid &&
    (f.type !== 'file' || (below.size === f.size && below.content === f.content)) && (f.type !== 'symlink' || below.target === f.target);
}

/** A layer's entries marked against the layers below it (pure; `below` is their stacked tree). */
export function markLayerFiles(files: readonly LayerFile[], below: FileTree): LayerFileEntry[] {
  const opaque = new Set<string>();
  for (const f of files) {
    const dir = opaqueDir(f.path);
    if (dir !== null) opaque.add(dir);
  }
  const hiddenByOpaque = (path: string) => {
    for (let p = parentOf(path); ; p = parentOf(p)) {
      if (opaque.has(p)) return true;
      if (p === '/') return false;
    }
  };
  const belowAt = (path: string) => (hiddenByOpaque(path) ? null : nodeAt(below, path));

  const out = new Map<string, { type: NodeType; mark: FileMark; size: number; target: string; implied: boolean }>();
  for (const f of files) {
    if (f.path.endsWith(`/${OPAQUE_WHITEOUT}`)) continue;
    const removed = whiteoutTarget(f.path);
    if (removed !== null) {
      const was = belowAt(removed);
      out.set(removed, { type: was?.type ?? 'file', mark: 'removed', size: was ? tarSize(was) : 0, target: was?.type === 'symlink' ? was.target : '', implied: false });
      continue;
    }
    const was = belowAt(f.path);
    const mark: FileMark = !was ? 'added' : f.type === 'dir' && was.type === 'dir' ? (f.mode === was.mode && f.uid === was.uid && f.gid === was.gid ? 'unmodified' : 'modified') : sameFile(was, f) ? 'unmodified' : 'modified';
    out.set(f.path, { type: f.type, mark, size: f.type === 'file' ? f.size : 0, target: f.type === 'symlink' ? f.target : '', implied: false });
  }
  // Parents not in the tar, so the list reads as a tree.
  for (const path of [...out.keys()]) {
    for (let p = parentOf(path); p !== '/' && !out.has(p); p = parentOf(p)) {
      out.set(p, { type: 'dir', mark: belowAt(p) ? 'unmodified' : 'added', size: 0, target: '', implied: true });
    }
  }
  // A directory that was below is modified when anything inside it changed.
  const paths = [...out.keys()].sort(treeOrder);
  for (let i = paths.length - 1; i >= 0; i--) {
    const e = out.get(paths[i])!;
    if (e.mark === 'unmodified') continue;
    const parent = parentOf(paths[i]);
    const pe = parent === '/' ? undefined : out.get(parent);
    if (pe && pe.mark === 'unmodified') pe.mark = 'modified';
  }
  return paths.map((path) => ({ path, ...out.get(path)! }));
}

const filesCache = new Map<string, LayerFilesView>();
const efficiencyCache = new Map<string, ImageEfficiency>();
const CACHE_LIMIT = 64;

function remember<V>(cache: Map<string, V>, key: string, value: V): V {
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(key, value);
  return value;
}

/**
 * A layer's files, dive-style. A ChainID fixes everything below the layer, so the answer never
 * changes for a given ChainID (it is cached).
 */
export function layerFiles(store: ImageStore, chainId: Digest, limit = LAYER_FILES_LIMIT): LayerFilesView | null {
  const chain = chainOf(store, chainId);
  const top = chain[chain.length - 1];
  if (!top) return null;
  const key = `${chainId} ${limit}`;
  const hit = filesCache.get(key);
  if (hit) return hit;
  const all = markLayerFiles(top.files, stackOf(chain.slice(0, -1)));
  const counts = { added: 0, modified: 0, removed: 0 };
  for (const e of all) {
    // Files, links and removed paths: a directory is "modified" whenever anything inside it is.
    if (e.implied || e.mark === 'unmodified' || (e.type === 'dir' && e.mark !== 'removed')) continue;
    counts[e.mark] += 1;
  }
  return remember(filesCache, key, {
    chainId, diffId: top.diffId, position: chain.length, entries: all.slice(0, limit), counts, truncated: Math.max(0, all.length - limit),
  });
}

/** The paths dive visits in one layer: its leaves (whiteouts under the path they delete). */
function leavesOf(files: readonly LayerFile[]): { path: string; file: LayerFile; whiteout: boolean }[] {
  const nodes = new Map<string, { file: LayerFile; whiteout: boolean }>();
  for (const f of files) {
    if (f.path.endsWith(`/${OPAQUE_WHITEOUT}`)) continue;
    const removed = whiteoutTarget(f.path);
    nodes.set(removed ?? f.path, { file: f, whiteout: removed !== null });
  }
  const inner = new Set<string>();
  for (const path of nodes.keys()) for (let p = parentOf(path); p !== '/' && !inner.has(p); p = parentOf(p)) inner.add(p);
  return [...nodes.entries()].filter(([path]) => !inner.has(path)).sort(([a], [b]) => treeOrder(a, b)).map(([path, n]) => ({ path, ...n }));
}

/** dive's efficiency analysis of the layers of one image, bottom → top (pure). */
export function efficiencyOf(layers: readonly { readonly size: number; readonly files: readonly LayerFile[] }[]): Omit<ImageEfficiency, 'imageId' | 'repoTags'> {
  const data = new Map<string, { count: number; cumulative: number; min: number }>();
  const stack = new FileTree();
  let sizeBytes = 0;
  let userSizeBytes = 0;
  layers.forEach((layer, i) => {
    sizeBytes += layer.size;
    if (i > 0) userSizeBytes += layer.size;
    for (const leaf of leavesOf(layer.files)) {
      let size = 0;
      if (leaf.whiteout) {
        const was = nodeAt(stack, leaf.path);
        if (was?.type === 'dir') size = tarSize(was);
      } else if (leaf.file.type === 'file') size = leaf.file.size;
      const d = data.get(leaf.path);
      if (d) {
        d.count += 1;
        d.cumulative += size;
        d.min = Math.min(d.min, size);
      } else data.set(leaf.path, { count: 1, cumulative: size, min: size });
    }
    applyLayer(stack, layer.files);
  });
  let minimum = 0;
  let discovered = 0;
  let wastedBytes = 0;
  const inefficiencies: Inefficiency[] = [];
  for (const [path, d] of data) {
    minimum += d.min;
    discovered += d.cumulative;
    if (d.count > 1) {
      wastedBytes += d.cumulative;
      if (d.cumulative > 0) inefficiencies.push({ path, count: d.count, size: d.cumulative });
    }
  }
  inefficiencies.sort((a, b) => b.size - a.size || treeOrder(a.path, b.path));
  return {
    layerCount: layers.length,
    sizeBytes,
    userSizeBytes,
    wastedBytes,
    userWastedPercent: userSizeBytes > 0 ? wastedBytes / userSizeBytes : null,
    efficiency: discovered === 0 ? 1 : minimum / discovered,
    inefficiencies: inefficiencies.slice(0, INEFFICIENCY_LIMIT),
  };
}

/** An image's efficiency and wasted space, as dive reports them (cached: images never change). */
export function imageEfficiency(store: ImageStore, imageId: Digest): ImageEfficiency | null {
  const img = store.get(imageId);
  if (!img) return null;
  const repoTags = store.repoTags(imageId);
  const hit = efficiencyCache.get(imageId);
  if (hit) return hit.repoTags.join() === repoTags.join() ? hit : { ...hit, repoTags };
  return remember(efficiencyCache, imageId, { imageId, repoTags, ...efficiencyOf(store.imageLayers(imageId)) });
}

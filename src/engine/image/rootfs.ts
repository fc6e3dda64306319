/**
 * Unpacking layers into a file tree, bottom → top, as `docker pull` extracts them and as an
 * overlay mount presents them: a later entry replaces an earlier one, `.wh.NAME` deletes NAME
 * from the layers below, `.wh..wh..opq` hides everything below in its directory. Within one
 * layer whiteouts only affect lower layers (they are applied before the layer's own entries).
 */
import { BOOT_EPOCH_MS } from '../clock.ts';
import { FileTree, normalizePath, type FileNode } from '../fs/tree.ts';
import { opaqueDir, sortLayerFiles, whiteoutTarget, type LayerFile } from './layer.ts';

/** A tar mtime (Unix seconds) as the engine's virtual milliseconds. */
export function virtualMtime(unixSeconds: number): number {
  return unixSeconds * 1000 - BOOT_EPOCH_MS;
}

function splitPath(path: string): [string, string] {
  const p = normalizePath(path);
  const i = p.lastIndexOf('/');
  return [i <= 0 ? '/' : p.slice(0, i), p.slice(i + 1)];
}

/** The directory node at `dir`, created (0755, root) with its parents when missing. */
function ensureDir(tree: FileTree, dir: string, mtime: number): FileNode | null {
  let n = tree.lookup(dir);
  if (typeof n === 'string') {
    if (n !== 'ENOENT') return null;
    if (tree.mkdir(dir, mtime, { parents: true })) return null;
    n = tree.lookup(dir);
    if (typeof n === 'string') return null;
  }
  return n.type === 'dir' ? n : null;
}

function nodeFor(f: LayerFile, mtime: number): FileNode {
  return {
    type: f.type,
    mode: f.mode,
    uid: f.uid,
    gid: f.gid,
    mtime,
    content: f.type === 'file' ? f.content : '',
    size: f.type === 'dir' ? 4096 : f.type === 'symlink' ? f.target.length : f.size,
    target: f.type === 'symlink' ? f.target : '',
    children: f.type === 'dir' ? new Map() : null,
  };
}

/** Applies one layer's entries on top of `tree` (which must be writable). */
export function applyLayer(tree: FileTree, files: readonly LayerFile[]): void {
  const sorted = sortLayerFiles(files);
  // 1. opaque directories: hide the lower content
  for (const f of sorted) {
    const dir = opaqueDir(f.path);
    if (dir === null) continue;
    const n = tree.lookup(dir, true);
    if (typeof n !== 'string' && n.type === 'dir') n.children!.clear();
  }
  // 2. whiteouts: delete the lower path
  for (const f of sorted) {
    const target = whiteoutTarget(f.path);
    if (target === null) continue;
    const [dir, name] = splitPath(target);
    const parent = tree.lookup(dir);
    if (typeof parent !== 'string' && parent.type === 'dir') parent.children!.delete(name);
  }
  // 3. the layer's own entries
  for (const f of sorted) {
    if (opaqueDir(f.path) !== null || whiteoutTarget(f.path) !== null) continue;
    const mtime = virtualMtime(f.mtime);
    const [dir, name] = splitPath(f.path);
    if (!name) continue;
    const parent = ensureDir(tree, dir, mtime);
    if (!parent) continue;
    const existing = parent.children!.get(name);
    if (f.type === 'dir' && existing && existing.type === 'dir') {
      existing.mode = f.mode;
      existing.uid = f.uid;
      existing.gid = f.gid;
      existing.mtime = mtime;
      continue;
    }
    parent.children!.set(name, nodeFor(f, mtime));
  }
  tree.rev += 1;
}

/** A fresh tree holding the given layers (bottom → top). */
export function buildRootfs(layers: readonly (readonly LayerFile[])[]): FileTree {
  const first = layers.find((l) => l.length > 0);
  const tree = new FileTree(first ? virtualMtime(first[0].mtime) : 0);
  for (const l of layers) applyLayer(tree, l);
  return tree;
}

/**
 * A layer as a snapshot's diff dir: its entries as they are in the tar, whiteouts and opaque
 * markers included (an overlay mount interprets them), read-only. Lower dirs of containers.
 */
export function layerTree(files: readonly LayerFile[]): FileTree {
  const sorted = sortLayerFiles(files);
  const tree = new FileTree(sorted.length > 0 ? virtualMtime(sorted[0].mtime) : 0);
  for (const f of sorted) {
    const mtime = virtualMtime(f.mtime);
    const [dir, name] = splitPath(f.path);
    if (!name) {
      if (f.type === 'dir') Object.assign(tree.root, { mode: f.mode, uid: f.uid, gid: f.gid, mtime });
      continue;
    }
    const parent = ensureDir(tree, dir, mtime);
    if (!parent) continue;
    const existing = parent.children!.get(name);
    if (f.type === 'dir' && existing && existing.type === 'dir') {
      Object.assign(existing, { mode: f.mode, uid: f.uid, gid: f.gid, mtime });
      continue;
    }
    parent.children!.set(name, nodeFor(f, mtime));
  }
  tree.readOnly = true;
  return tree;
}

/** A diff dir's entries as a layer (the tar `docker commit` writes), whiteouts included. */
export function layerFilesOf(tree: FileTree): LayerFile[] {
  const out: LayerFile[] = [];
  for (const [path, n] of tree.walk('/')) {
    if (path === '/') continue;
    out.push({
      path, type: n.type, mode: n.mode, uid: n.uid, gid: n.gid,
      size: n.type === 'dir' ? 4096 : n.size,
      content: n.type === 'file' ? n.content : '',
      target: n.type === 'symlink' ? n.target : '',
      mtime: Math.floor((n.mtime + BOOT_EPOCH_MS) / 1000),
    });
  }
  return out;
}

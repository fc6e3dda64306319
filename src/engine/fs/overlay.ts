/**
 * An overlay mount (`mount -t overlay -o lowerdir=…,upperdir=…`; kernel
 * `Documentation/filesystems/overlayfs.rst`): read-only lower dirs — the image's layers, shared
 * by every container of the image — under one writable upper dir, presented as one merged tree.
 *
 * - A name resolves to the topmost layer that has it; directories present in several layers
 *   merge their name lists; metadata comes from the topmost.
 * - The first write to a lower file (content, mtime) copies it up whole into the upper dir,
 *   creating its parent directories there first (metadata only, timestamps preserved).
 * - Deleting a lower name leaves a whiteout in the upper dir; re-creating a deleted directory
 *   makes it opaque, so the old children stay hidden.
 * - Renaming a lower directory is EXDEV without `redirect_dir`; `mv` then copies and deletes,
 *   which is what `rename` does here: copy up the merged subtree, whiteout the source.
 *
 * NOTE: whiteouts and opaque markers are kept in their layer-tar form (`.wh.NAME`,
 * `.wh..wh..opq`) rather than as 0/0 character devices and xattrs, in the upper dir and in the
 * lower dirs alike, so committing an upper dir is just reading it (as Docker converts them when
 * it tars a diff). Names starting with `.wh.` are never shown.
 */
import { mkdirParents, totalFileSize, type DiskStat, type FileInfo, type Filesystem } from './filesystem.ts';
import { basename, byteLength, dirname, nodeBytes, nodeCount, normalizePath, type FileNode, type FsError, type FileTree, type NodeType } from './tree.ts';

export const WHITEOUT_PREFIX = '.wh.';
export const OPAQUE_MARKER = '.wh..wh..opq';

/** A path of the merged view: its topmost node and, for a directory, its dir nodes top → bottom. */
interface Merged {
  readonly node: FileNode;
  readonly dirs: readonly FileNode[];
}

interface Resolved {
  /** Canonical path (no symlinks). */
  readonly path: string;
  readonly m: Merged;
}

interface Parent {
  readonly dir: string;
  readonly dm: Merged;
  readonly name: string;
}

/**
 * What an overlay mount just did, as the Overlay view animates it: a lower file copied up, a
 * whiteout left for a deleted lower name, a re-created directory made opaque, a name created in
 * (or removed from) the upper dir alone.
 */
export type OverlayOp = 'copy-up' | 'whiteout' | 'opaque' | 'create' | 'remove';

export interface OverlayEvent {
  /** 1, 2, 3… per mount; never reused. */
  readonly seq: number;
  /** Virtual ms. */
  readonly t: number;
  readonly op: OverlayOp;
  /** The merged path the operation was about (for a whiteout: the path deleted, not `.wh.NAME`). */
  readonly path: string;
  readonly type: NodeType;
  /** Index in `lowers` (top → bottom) of the layer the file came from (copy-up) or that a whiteout hides; else null. */
  readonly layer: number | null;
}

/** How many overlay events a mount keeps (a ring: the oldest go first). */
export const OVERLAY_EVENT_LOG = 64;

export function joinPath(dir: string, name: string): string {
  return dir === '/' ? `/${name}` : `${dir}/${name}`;
}

function marker(mtime: number): FileNode {
  return { type: 'file', mode: 0o644, uid: 0, gid: 0, mtime, content: '', size: 0, target: '', children: null };
}

function shallowCopy(n: FileNode): FileNode {
  return { ...n, children: n.type === 'dir' ? new Map() : null };
}

function withMtime(n: FileNode, mtime: number): FileNode {
  n.mtime = mtime;
  if (n.children) for (const c of n.children.values()) withMtime(c, mtime);
  return n;
}

/** The child `name` of a merged directory, or null (missing or whited out). */
function childOf(m: Merged, name: string): Merged | null {
  if (name.startsWith(WHITEOUT_PREFIX)) return null;
  for (let i = 0; i < m.dirs.length; i++) {
    const d = m.dirs[i].children!;
    const n = d.get(name);
    if (n) {
      if (n.type !== 'dir') return { node: n, dirs: [] };
      const dirs = [n];
      if (!n.children!.has(OPAQUE_MARKER)) {
        for (let j = i + 1; j < m.dirs.length; j++) {
          const below = m.dirs[j].children!;
          if (below.has(WHITEOUT_PREFIX + name)) break;
          const c = below.get(name);
          if (!c) continue;
          if (c.type !== 'dir') break;
          dirs.push(c);
          if (c.children!.has(OPAQUE_MARKER)) break;
        }
      }
      return { node: n, dirs };
    }
    if (d.has(WHITEOUT_PREFIX + name)) return null;
  }
  return null;
}

/** The merged entries of a directory, sorted by name. */
function entriesOf(m: Merged): [string, FileNode][] {
  const seen = new Map<string, FileNode>();
  const hidden = new Set<string>();
  for (const d of m.dirs) {
    const layerHides: string[] = [];
    for (const [name, n] of d.children!) {
      if (name.startsWith(WHITEOUT_PREFIX)) {
        if (name !== OPAQUE_MARKER) layerHides.push(name.slice(WHITEOUT_PREFIX.length));
        continue;
      }
      if (!seen.has(name) && !hidden.has(name)) seen.set(name, n);
    }
    for (const h of layerHides) hidden.add(h);
  }
  return [...seen.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The root of a stack of layers (top first). */
function rootOf(layers: readonly FileTree[]): Merged {
  const dirs: FileNode[] = [];
  for (const l of layers) {
    dirs.push(l.root);
    if (l.root.children!.has(OPAQUE_MARKER)) break;
  }
  return { node: dirs[0], dirs };
}

/** Follows a canonical path through a stack of layers without resolving symlinks. */
function walkStack(layers: readonly FileTree[], path: string): Merged | null {
  if (layers.length === 0) return null;
  let m: Merged | null = rootOf(layers);
  for (const part of path.split('/').filter(Boolean)) {
    if (m.node.type !== 'dir') return null;
    m = childOf(m, part);
    if (!m) return null;
  }
  return m;
}

export class OverlayFs implements Filesystem {
  /** Lower dirs, top → bottom. Never written. */
  readonly lowers: readonly FileTree[];
  /** The writable layer (the snapshot's diff dir). */
  readonly upper: FileTree;
  readOnly = false;
  rev = 0;
  /** seq of the newest overlay event (0 before the first). */
  eventSeq = 0;
  readonly #now: () => number;
  readonly #events: OverlayEvent[] = [];
  /** Upper nodes that are copies of lower files (a copy-up), as opposed to names created here. */
  readonly #copies = new WeakSet<FileNode>();

  constructor(lowers: readonly FileTree[], upper: FileTree, now: () => number) {
    this.lowers = lowers;
    this.upper = upper;
    this.#now = now;
    const base = lowers[0]?.root;
    if (base && upper.root.children!.size === 0) {
      upper.root.mode = base.mode;
      upper.root.mtime = base.mtime;
    }
  }

  // ── resolution ───────────────────────────────────────────────────────────────────────────

  #root(): Merged {
    return rootOf([this.upper, ...this.lowers]);
  }

  #resolve(path: string, nofollow: boolean, depth = 0): Resolved | FsError {
    if (depth > 40) return 'ELOOP';
    const parts = normalizePath(path).split('/').filter(Boolean);
    let m = this.#root();
    let at = '';
    for (let i = 0; i < parts.length; i++) {
      if (m.node.type !== 'dir') return 'ENOTDIR';
      const next = childOf(m, parts[i]);
      if (!next) return 'ENOENT';
      const last = i === parts.length - 1;
      if (next.node.type === 'symlink' && (!last || !nofollow)) {
        const target = next.node.target.startsWith('/') ? next.node.target : `${at}/${next.node.target}`;
        const rest = parts.slice(i + 1).join('/');
        return this.#resolve(rest ? `${target}/${rest}` : target, nofollow, depth + 1);
      }
      m = next;
      at += `/${parts[i]}`;
    }
    return { path: at || '/', m };
  }

  #parent(path: string): Parent | FsError {
    const p = normalizePath(path);
    if (p === '/') return 'EEXIST';
    const r = this.#resolve(dirname(p), false);
    if (typeof r === 'string') return r;
    if (r.m.node.type !== 'dir') return 'ENOTDIR';
    return { dir: r.path, dm: r.m, name: basename(p) };
  }

  /** Whether a canonical path exists in the lower dirs (what was there before this mount wrote). */
  lowerHas(path: string): boolean {
    return walkStack(this.lowers, path) !== null;
  }

  /** The most recent overlay operations, oldest first (at most OVERLAY_EVENT_LOG). */
  get events(): readonly OverlayEvent[] {
    return this.#events;
  }

  /** Whether the upper node at `path` was copied up from a lower layer (rather than created in the upper dir). */
  isCopiedUp(path: string): boolean {
    const n = this.#upperNode(normalizePath(path));
    return n !== null && this.#copies.has(n);
  }

  /** Whether an upper dir node is a copy of a lower one (a copy-up), as opposed to a name created here. */
  isCopy(node: FileNode): boolean {
    return this.#copies.has(node);
  }

  /** Index in `lowers` of the layer that provides `node` at the canonical `path`, or null. */
  layerOf(path: string, node: FileNode): number | null {
    const parts = path.split('/').filter(Boolean);
    for (let i = 0; i < this.lowers.length; i++) {
      let n: FileNode | undefined = this.lowers[i].root;
      for (const part of parts) {
        n = n.children?.get(part);
        if (!n) break;
      }
      if (n === node) return i;
    }
    return null;
  }

  #log(op: OverlayOp, path: string, type: NodeType, layer: number | null): void {
    this.#events.push({ seq: ++this.eventSeq, t: this.#now(), op, path, type, layer });
    if (this.#events.length > OVERLAY_EVENT_LOG) this.#events.splice(0, this.#events.length - OVERLAY_EVENT_LOG);
  }

  #upperNode(path: string): FileNode | null {
    let n: FileNode = this.upper.root;
    for (const part of path.split('/').filter(Boolean)) {
      const next = n.children?.get(part);
      if (!next) return null;
      n = next;
    }
    return n;
  }

  /** The upper dir node of a canonical directory path, copying the directories up on the way. */
  #upperDir(dir: string): FileNode {
    let node = this.upper.root;
    let m = this.#root();
    for (const part of dir.split('/').filter(Boolean)) {
      m = childOf(m, part)!;
      let next = node.children!.get(part);
      if (!next || next.type !== 'dir') {
        next = shallowCopy(m.node);
        node.children!.set(part, next);
        this.upper.chargeInodes(1);
      }
      node = next;
    }
    return node;
  }

  /** Copy-up: the upper node for an existing canonical path (the whole file, a dir's metadata). */
  #copyUp(r: Resolved): FileNode {
    if (r.path === '/') return this.upper.root;
    const parent = this.#upperDir(dirname(r.path));
    const name = basename(r.path);
    const existing = parent.children!.get(name);
    if (existing) return existing;
    const copy = shallowCopy(r.m.node);
    if (r.m.node.type !== 'dir') copy.children = null;
    parent.children!.set(name, copy);
    if (copy.type === 'file') this.upper.charge(copy.size, true);
    this.upper.chargeInodes(1);
    this.#copies.add(copy);
    this.#log('copy-up', r.path, copy.type, this.layerOf(r.path, r.m.node));
    this.upper.rev += 1;
    return copy;
  }

  /** Puts a new node at `dir/name` in the upper dir, over a whiteout or a lower entry. */
  #place(dir: string, name: string, node: FileNode, mtime: number): void {
    const parent = this.#upperDir(dir);
    const hadWhiteout = parent.children!.delete(WHITEOUT_PREFIX + name);
    const replaced = parent.children!.get(name);
    if (replaced) this.upper.charge(-nodeBytes(replaced), true);
    // Inodes: the new subtree's, less what it replaces (a whiteout is a 0/0 character device).
    this.upper.chargeInodes(nodeCount(node) - (replaced ? nodeCount(replaced) : 0) - (hadWhiteout ? 1 : 0));
    let opaque = false;
    if (node.type === 'dir' && (hadWhiteout || this.lowerHas(joinPath(dir, name))) && !node.children!.has(OPAQUE_MARKER)) {
      node.children!.set(OPAQUE_MARKER, marker(mtime));
      opaque = true;
    }
    parent.children!.set(name, node);
    parent.mtime = mtime;
    this.#log(opaque ? 'opaque' : 'create', joinPath(dir, name), node.type, null);
    this.#changed();
  }

  /** A private deep copy of a merged subtree (whiteouts resolved). */
  #materialize(m: Merged): FileNode {
    if (m.node.type !== 'dir') return { ...m.node };
    const children = new Map<string, FileNode>();
    for (const [name] of entriesOf(m)) children.set(name, this.#materialize(childOf(m, name)!));
    return { ...m.node, children };
  }

  #changed(): void {
    this.rev += 1;
    this.upper.rev += 1;
  }

  // ── reading ──────────────────────────────────────────────────────────────────────────────

  lookup(path: string, nofollow = false): FileInfo | FsError {
    const r = this.#resolve(path, nofollow);
    return typeof r === 'string' ? r : r.m.node;
  }

  exists(path: string): boolean {
    return typeof this.#resolve(path, false) !== 'string';
  }

  isDir(path: string): boolean {
    const r = this.#resolve(path, false);
    return typeof r !== 'string' && r.m.node.type === 'dir';
  }

  readFile(path: string): string | FsError {
    const r = this.#resolve(path, false);
    if (typeof r === 'string') return r;
    if (r.m.node.type === 'dir') return 'EISDIR';
    return r.m.node.content;
  }

  list(path: string): [string, FileInfo][] | FsError {
    const r = this.#resolve(path, false);
    if (typeof r === 'string') return r;
    if (r.m.node.type !== 'dir') return 'ENOTDIR';
    return entriesOf(r.m);
  }

  *walk(path = '/'): Generator<[string, FileInfo]> {
    const r = this.#resolve(path, true);
    if (typeof r === 'string') return;
    yield* this.#walk(normalizePath(path), r.m);
  }

  *#walk(base: string, m: Merged): Generator<[string, FileInfo]> {
    yield [base, m.node];
    if (m.node.type !== 'dir') return;
    for (const [name] of entriesOf(m)) yield* this.#walk(joinPath(base, name), childOf(m, name)!);
  }

  totalSize(): number {
    return totalFileSize(this);
  }

  /** The upper dir's disk (an overlay's free space is its upper filesystem's). */
  statfs(): DiskStat | null {
    return this.upper.statfs();
  }

  // ── writing ──────────────────────────────────────────────────────────────────────────────

  mkdir(path: string, mtime: number, opts: { parents?: boolean; mode?: number } = {}): FsError | null {
    if (this.readOnly) return 'EROFS';
    const p = normalizePath(path);
    if (opts.parents) return mkdirParents(this, p, mtime, opts.mode);
    const parent = this.#parent(p);
    if (typeof parent === 'string') return parent;
    if (childOf(parent.dm, parent.name)) return 'EEXIST';
    if (!this.upper.hasInodes(1)) return 'ENOSPC';
    const node: FileNode = { type: 'dir', mode: opts.mode ?? 0o755, uid: 0, gid: 0, mtime, content: '', size: 4096, target: '', children: new Map() };
    this.#place(parent.dir, parent.name, node, mtime);
    return null;
  }

  writeFile(path: string, content: string, mtime: number, opts: { append?: boolean; mode?: number; size?: number; parents?: boolean; uid?: number } = {}): FsError | null {
    if (this.readOnly) return 'EROFS';
    if (opts.parents) {
      const e = this.mkdir(dirname(path), mtime, { parents: true });
      if (e) return e;
    }
    const r = this.#resolve(path, false);
    if (typeof r !== 'string') {
      if (r.m.node.type === 'dir') return 'EISDIR';
      const n = this.#copyUp(r);
      const size = opts.size ?? (opts.append ? n.size + byteLength(content) : byteLength(content));
      if (!this.upper.charge(size - n.size)) return 'ENOSPC';
      n.content = opts.append ? n.content + content : content;
      n.size = size;
      n.mtime = mtime;
      if (opts.mode !== undefined) n.mode = opts.mode;
      this.#changed();
      return null;
    }
    if (r !== 'ENOENT') return r;
    const parent = this.#parent(path);
    if (typeof parent === 'string') return parent;
    const node: FileNode = { type: 'file', mode: opts.mode ?? 0o644, uid: opts.uid ?? 0, gid: opts.uid ?? 0, mtime, content, size: opts.size ?? byteLength(content), target: '', children: null };
    if (!this.upper.hasInodes(1) || !this.upper.charge(node.size)) return 'ENOSPC';
    this.#place(parent.dir, parent.name, node, mtime);
    return null;
  }

  symlink(target: string, path: string, mtime: number): FsError | null {
    if (this.readOnly) return 'EROFS';
    const parent = this.#parent(path);
    if (typeof parent === 'string') return parent;
    if (childOf(parent.dm, parent.name)) return 'EEXIST';
    if (!this.upper.hasInodes(1)) return 'ENOSPC';
    this.#place(parent.dir, parent.name, { type: 'symlink', mode: 0o777, uid: 0, gid: 0, mtime, content: '', size: target.length, target, children: null }, mtime);
    return null;
  }

  utime(path: string, mtime: number): FsError | null {
    if (this.readOnly) return 'EROFS';
    const r = this.#resolve(path, false);
    if (typeof r === 'string') return r;
    this.#copyUp(r).mtime = mtime;
    this.#changed();
    return null;
  }

  /** chmod copies the file up first, like any change to a lower layer's file. */
  chmod(path: string, mode: number): FsError | null {
    if (this.readOnly) return 'EROFS';
    const r = this.#resolve(path, false);
    if (typeof r === 'string') return r;
    this.#copyUp(r).mode = mode & 0o7777;
    this.#changed();
    return null;
  }

  remove(path: string, opts: { recursive?: boolean; dirOk?: boolean } = {}): FsError | null {
    if (this.readOnly) return 'EROFS';
    const parent = this.#parent(path);
    if (typeof parent === 'string') return parent === 'EEXIST' ? 'EINVAL' : parent;
    const m = childOf(parent.dm, parent.name);
    if (!m) return 'ENOENT';
    if (m.node.type === 'dir') {
      if (!opts.recursive && !opts.dirOk) return 'EISDIR';
      if (!opts.recursive && entriesOf(m).length > 0) return 'ENOTEMPTY';
    }
    const full = joinPath(parent.dir, parent.name);
    const now = this.#now();
    const below = walkStack(this.lowers, full);
    if (below) {
      const up = this.#upperDir(parent.dir);
      const gone = up.children!.get(parent.name);
      if (gone) this.upper.charge(-nodeBytes(gone), true);
      const hadWhiteout = up.children!.has(WHITEOUT_PREFIX + parent.name);
      this.upper.chargeInodes((hadWhiteout ? 0 : 1) - (gone ? nodeCount(gone) : 0));
      up.children!.delete(parent.name);
      up.children!.set(WHITEOUT_PREFIX + parent.name, marker(now));
      up.mtime = now;
      this.#log('whiteout', full, m.node.type, this.layerOf(full, below.node));
    } else {
      const up = this.#upperNode(parent.dir)!;
      const gone = up.children!.get(parent.name);
      if (gone) {
        this.upper.charge(-nodeBytes(gone), true);
        this.upper.chargeInodes(-nodeCount(gone));
      }
      up.children!.delete(parent.name);
      up.mtime = now;
      this.#log('remove', full, m.node.type, null);
    }
    this.#changed();
    return null;
  }

  rename(from: string, to: string, mtime: number): FsError | null {
    if (this.readOnly) return 'EROFS';
    const src = this.#parent(from);
    if (typeof src === 'string') return src;
    const m = childOf(src.dm, src.name);
    if (!m) return 'ENOENT';
    let dest = normalizePath(to);
    if (this.isDir(dest)) dest = joinPath(dest, src.name);
    const dst = this.#parent(dest);
    if (typeof dst === 'string') return dst;
    const srcPath = joinPath(src.dir, src.name);
    if (srcPath === joinPath(dst.dir, dst.name)) return null;
    if (m.node.type === 'dir' && `${joinPath(dst.dir, dst.name)}/`.startsWith(`${srcPath}/`)) return 'EINVAL';
    // A file is copied up under its new name; a directory too (EXDEV → mv's copy + delete).
    const node = this.#materialize(m);
    node.mtime = mtime;
    const e = this.remove(srcPath, { recursive: true });
    if (e) return e;
    this.upper.charge(nodeBytes(node), true);
    this.#place(dst.dir, dst.name, node, mtime);
    return null;
  }

  copy(from: string, to: string, mtime: number): FsError | null {
    if (this.readOnly) return 'EROFS';
    const r = this.#resolve(from, false);
    if (typeof r === 'string') return r;
    let dest = normalizePath(to);
    if (this.isDir(dest)) dest = joinPath(dest, basename(from));
    const dst = this.#parent(dest);
    if (typeof dst === 'string') return dst;
    const node = withMtime(this.#materialize(r.m), mtime);
    if (!this.upper.hasInodes(nodeCount(node)) || !this.upper.charge(nodeBytes(node))) return 'ENOSPC';
    this.#place(dst.dir, dst.name, node, mtime);
    return null;
  }
}

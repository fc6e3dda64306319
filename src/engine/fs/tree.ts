/**
 * An in-memory file tree: directories, regular files and symlinks with mode, owner, size and
 * mtime. It is the host's filesystem, an image layer's content (a snapshot's diff dir) and a
 * container's upper dir. Paths are absolute and normalised here; the
 * callers resolve relative paths against a working directory with `resolvePath`.
 */
import type { Disk } from './disk.ts';
import type { DiskStat, Filesystem } from './filesystem.ts';

import { mkdirParents, totalFileSize } from './filesystem.ts';
export type NodeType = 'file' | 'dir' | 'symlink';

export interface FileNode {
  type: NodeType;
  mode: number;
  uid: number;
  gid: number;
  mtime: number;
  /** Regular files: content (may be empty for large binaries whose `size` is set). */
  content: string;
  /** Size in bytes; for text files it follows the content unless a binary size was given. */
  size: number;
  /** Symlinks: target. */
  target: string;
  children: Map<string, FileNode> | null;
}

export type FsError = 'ENOENT' | 'ENOTDIR' | 'EISDIR' | 'EEXIST' | 'ENOTEMPTY' | 'EROFS' | 'EACCES' | 'ELOOP' | 'EINVAL' | 'EBUSY' | 'ENOSPC';

/** Error texts as coreutils/busybox print them after `cmd: path: `. */
export const FS_ERROR_TEXT: Record<FsError, string> = {
  ENOENT: 'No such file or directory',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
  EEXIST: 'File exists',
  ENOTEMPTY: 'Directory not empty',
  EROFS: 'Read-only file system',
  EACCES: 'Permission denied',
  ELOOP: 'Too many levels of symbolic links',
  EINVAL: 'Invalid argument',
  EBUSY: 'Resource busy',
  ENOSPC: 'No space left on device',
};

export function normalizePath(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return `/${out.join('/')}`;
}

/** Resolves `path` against `cwd` (and `~` against `home`). */
export function resolvePath(cwd: string, path: string, home = '/root'): string {
  if (path === '~' || path.startsWith('~/')) path = home + path.slice(1);
  return normalizePath(path.startsWith('/') ? path : `${cwd}/${path}`);
}

export function dirname(path: string): string {
  const p = normalizePath(path);
  const i = p.lastIndexOf('/');
  return i <= 0 ? '/' : p.slice(0, i);
}

export function basename(path: string): string {
  const p = normalizePath(path);
  return p.slice(p.lastIndexOf('/') + 1);
}

function newNode(type: NodeType, mtime: number, init: Partial<FileNode> = {}): FileNode {
  return {
    type, mode: type === 'dir' ? 0o755 : type === 'symlink' ? 0o777 : 0o644, uid: 0, gid: 0, mtime, content: '', size: type === 'dir' ? 4096 : 0,
    target: '', children: type === 'dir' ? new Map() : null, ...init,
  };
}

export class FileTree implements Filesystem {
  readonly root: FileNode;
  readOnly = false;
  /** Bumped on every change. */
  rev = 0;
  /** The disk this tree's file bytes are on (null: not accounted, e.g. tmpfs or a layer the image store counts). */
  disk: Disk | null = null;
  /** Bytes this tree charged to `disk`. */
  charged = 0;
  /** Inodes this tree charged to `disk`. */
  inodes = 0;

  constructor(mtime = 0) {
    this.root = newNode('dir', mtime);
  }

  /** Puts this tree on `disk`, charging the files it already holds. */
  attachDisk(disk: Disk): void {
    this.disk = disk;
    this.charged = nodeBytes(this.root);
    disk.charge(this.charged);
    this.inodes = nodeCount(this.root);
    disk.chargeInodes(this.inodes);
  }

  /** Whether `count` new files, directories or links fit (ext4's inodes); true off any disk. */
  hasInodes(count: number): boolean {
    return !this.disk || this.disk.hasInodes(count);
  }

  /** Moves the inode counter by `count` (new nodes +, removed subtrees −). */
  chargeInodes(count: number): void {
    if (!this.disk || count === 0) return;
    this.disk.chargeInodes(count);
    this.inodes += count;
  }

  /** Gives back everything this tree holds on its disk (its snapshot is removed). */
  release(): void {
    this.charge(-this.charged, true);
    this.chargeInodes(-this.inodes);
  }

  /** Moves the disk counter by `delta` bytes; false when growing would not fit (ENOSPC). */
  charge(delta: number, force = false): boolean {
    if (!this.disk || delta === 0) return true;
    if (force) this.disk.charge(delta);
    else if (!this.disk.allocate(delta)) return false;
    this.charged += delta;
    return true;
  }

  /** Looks a path up; follows symlinks (also in the last component unless `nofollow`). */
  lookup(path: string, nofollow = false, depth = 0): FileNode | FsError {
    if (depth > 40) return 'ELOOP';
    const parts = normalizePath(path).split('/').filter(Boolean);
    let node = this.root;
    let at = '';
    for (let i = 0; i < parts.length; i++) {
      if (node.type !== 'dir') return 'ENOTDIR';
      const next = node.children!.get(parts[i]);
      if (!next) return 'ENOENT';
      const last = i === parts.length - 1;
      if (next.type === 'symlink' && (!last || !nofollow)) {
        const target = next.target.startsWith('/') ? next.target : `${at}/${next.target}`;
        const rest = parts.slice(i + 1).join('/');
        return this.lookup(rest ? `${target}/${rest}` : target, nofollow, depth + 1);
      }
      node = next;
      at += `/${parts[i]}`;
    }
    return node;
  }

  exists(path: string): boolean {
    return typeof this.lookup(path) !== 'string';
  }

  isDir(path: string): boolean {
    const n = this.lookup(path);
    return typeof n !== 'string' && n.type === 'dir';
  }

  #parentOf(path: string): { dir: FileNode; name: string } | FsError {
    const p = normalizePath(path);
    if (p === '/') return 'EEXIST';
    const dir = this.lookup(dirname(p));
    if (typeof dir === 'string') return dir;
    if (dir.type !== 'dir') return 'ENOTDIR';
    return { dir, name: basename(p) };
  }

  mkdir(path: string, mtime: number, opts: { parents?: boolean; mode?: number } = {}): FsError | null {
    if (this.readOnly) return 'EROFS';
    const p = normalizePath(path);
    if (opts.parents) return mkdirParents(this, p, mtime, opts.mode);
    const parent = this.#parentOf(p);
    if (typeof parent === 'string') return parent;
    if (parent.dir.children!.has(parent.name)) return 'EEXIST';
    if (!this.hasInodes(1)) return 'ENOSPC';
    this.chargeInodes(1);
    parent.dir.children!.set(parent.name, newNode('dir', mtime, opts.mode !== undefined ? { mode: opts.mode } : {}));
    parent.dir.mtime = mtime;
    this.rev += 1;
    return null;
  }

  /** Creates or replaces a regular file (creating parent directories when `parents`). */
  writeFile(path: string, content: string, mtime: number, opts: { append?: boolean; mode?: number; size?: number; parents?: boolean; uid?: number } = {}): FsError | null {
    if (this.readOnly) return 'EROFS';
    if (opts.parents) {
      const e = this.mkdir(dirname(path), mtime, { parents: true });
      if (e) return e;
    }
    const existing = this.lookup(path);
    if (typeof existing !== 'string') {
      if (existing.type === 'dir') return 'EISDIR';
      const size = opts.size ?? (opts.append ? existing.size + byteLength(content) : byteLength(content));
      if (!this.charge(size - existing.size)) return 'ENOSPC';
      existing.content = opts.append ? existing.content + content : content;
      existing.size = size;
      existing.mtime = mtime;
      if (opts.mode !== undefined) existing.mode = opts.mode;
      this.rev += 1;
      return null;
    }
    if (existing !== 'ENOENT') return existing;
    const parent = this.#parentOf(path);
    if (typeof parent === 'string') return parent;
    if (!this.hasInodes(1) || !this.charge(opts.size ?? byteLength(content))) return 'ENOSPC';
    this.chargeInodes(1);
    parent.dir.children!.set(parent.name, newNode('file', mtime, { content, size: opts.size ?? byteLength(content), mode: opts.mode ?? 0o644, uid: opts.uid ?? 0, gid: opts.uid ?? 0 }));
    parent.dir.mtime = mtime;
    this.rev += 1;
    return null;
  }

  symlink(target: string, path: string, mtime: number): FsError | null {
    if (this.readOnly) return 'EROFS';
    const parent = this.#parentOf(path);
    if (typeof parent === 'string') return parent;
    if (parent.dir.children!.has(parent.name)) return 'EEXIST';
    if (!this.hasInodes(1)) return 'ENOSPC';
    this.chargeInodes(1);
    parent.dir.children!.set(parent.name, newNode('symlink', mtime, { target, size: target.length }));
    this.rev += 1;
    return null;
  }

  readFile(path: string): string | FsError {
    const n = this.lookup(path);
    if (typeof n === 'string') return n;
    if (n.type === 'dir') return 'EISDIR';
    return n.content;
  }

  /** Directory entries, sorted by name. */
  list(path: string): [string, FileNode][] | FsError {
    const n = this.lookup(path);
    if (typeof n === 'string') return n;
    if (n.type !== 'dir') return 'ENOTDIR';
    return [...n.children!.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }

  remove(path: string, opts: { recursive?: boolean; dirOk?: boolean } = {}): FsError | null {
    if (this.readOnly) return 'EROFS';
    const parent = this.#parentOf(path);
    if (typeof parent === 'string') return parent === 'EEXIST' ? 'EINVAL' : parent;
    const n = parent.dir.children!.get(parent.name);
    if (!n) return 'ENOENT';
    if (n.type === 'dir') {
      if (!opts.recursive && !opts.dirOk) return 'EISDIR';
      if (!opts.recursive && n.children!.size > 0) return 'ENOTEMPTY';
    }
    parent.dir.children!.delete(parent.name);
    this.charge(-nodeBytes(n));
    this.chargeInodes(-nodeCount(n));
    this.rev += 1;
    return null;
  }

  rename(from: string, to: string, mtime: number): FsError | null {
    if (this.readOnly) return 'EROFS';
    const src = this.#parentOf(from);
    if (typeof src === 'string') return src;
    const node = src.dir.children!.get(src.name);
    if (!node) return 'ENOENT';
    let dest = normalizePath(to);
    if (this.isDir(dest)) dest = `${dest === '/' ? '' : dest}/${src.name}`;
    const dst = this.#parentOf(dest);
    if (typeof dst === 'string') return dst;
    src.dir.children!.delete(src.name);
    const replaced = dst.dir.children!.get(dst.name);
    if (replaced) {
      this.charge(-nodeBytes(replaced));
      this.chargeInodes(-nodeCount(replaced));
    }
    dst.dir.children!.set(dst.name, node);
    node.mtime = mtime;
    this.rev += 1;
    return null;
  }

  utime(path: string, mtime: number): FsError | null {
    if (this.readOnly) return 'EROFS';
    const n = this.lookup(path);
    if (typeof n === 'string') return n;
    n.mtime = mtime;
    this.rev += 1;
    return null;
  }

  chmod(path: string, mode: number): FsError | null {
    if (this.readOnly) return 'EROFS';
    const n = this.lookup(path);
    if (typeof n === 'string') return n;
    n.mode = mode & 0o7777;
    this.rev += 1;
    return null;
  }

  /** Deep copy of the subtree at `from` to `to` (cp -r). */
  copy(from: string, to: string, mtime: number): FsError | null {
    if (this.readOnly) return 'EROFS';
    const n = this.lookup(from);
    if (typeof n === 'string') return n;
    let dest = normalizePath(to);
    if (this.isDir(dest)) dest = `${dest === '/' ? '' : dest}/${basename(from)}`;
    const dst = this.#parentOf(dest);
    if (typeof dst === 'string') return dst;
    const replaced = dst.dir.children!.get(dst.name);
    const inodes = nodeCount(n) - (replaced ? nodeCount(replaced) : 0);
    if (!this.hasInodes(inodes) || !this.charge(nodeBytes(n) - (replaced ? nodeBytes(replaced) : 0))) return 'ENOSPC';
    this.chargeInodes(inodes);
    dst.dir.children!.set(dst.name, cloneNode(n, mtime));
    this.rev += 1;
    return null;
  }

  /** Visits every path under `path` (depth first, sorted). */
  *walk(path = '/'): Generator<[string, FileNode]> {
    const n = this.lookup(path, true);
    if (typeof n === 'string') return;
    const base = normalizePath(path);
    yield [base, n];
    if (n.type === 'dir') {
      for (const [name] of [...n.children!.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
        yield* this.walk(base === '/' ? `/${name}` : `${base}/${name}`);
      }
    }
  }

  /** Total bytes of regular files. */
  totalSize(): number {
    return totalFileSize(this);
  }

  statfs(): DiskStat | null {
    return this.disk ? { capacity: this.disk.capacity, used: this.disk.used } : null;
  }
}

/** Bytes of the regular files in a subtree (what it takes on disk here). */
/** Nodes in a subtree, itself included: the inodes it takes. */
export function nodeCount(n: FileNode): number {
  if (n.type !== 'dir') return 1;
  let total = 1;
  for (const c of n.children!.values()) total += nodeCount(c);
  return total;
}

export function nodeBytes(n: FileNode): number {
  if (n.type === 'file') return n.size;
  if (n.type !== 'dir') return 0;
  let total = 0;
  for (const c of n.children!.values()) total += nodeBytes(c);
  return total;
}

export function cloneNode(n: FileNode, mtime?: number): FileNode {
  return {
    ...n,
    mtime: mtime ?? n.mtime,
    children: n.children ? new Map([...n.children].map(([k, v]) => [k, cloneNode(v, mtime)])) : null,
  };
}

export function byteLength(s: string): number {
  let bytes = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

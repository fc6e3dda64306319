/**
 * The filesystem API every program, the shell and the daemon use: implemented by `FileTree`
 * (the host's disk, one layer's content) and by `OverlayFs` (a container's root: read-only
 * image layers under a writable upper dir, see snapshotter.ts). Paths are absolute; callers
 * resolve relative paths with `resolvePath`.
 */
import type { FileNode, FsError } from './tree.ts';

/**
 * What a lookup returns. NOTE: read-only — in an overlay the node may belong to a shared image
 * layer; change metadata through the filesystem (`utime`, `writeFile`) so it is copied up first.
 */
export type FileInfo = Readonly<FileNode>;

export interface Filesystem {
  /** Mounted read-only (`docker run --read-only`): writes fail with EROFS. */
  readOnly: boolean;
  /** Bumped on every change. */
  rev: number;
  /** Looks a path up; follows symlinks (also in the last component unless `nofollow`). */
  lookup(path: string, nofollow?: boolean): FileInfo | FsError;
  exists(path: string): boolean;
  isDir(path: string): boolean;
  readFile(path: string): string | FsError;
  /** Directory entries, sorted by name. */
  list(path: string): [string, FileInfo][] | FsError;
  mkdir(path: string, mtime: number, opts?: { parents?: boolean; mode?: number }): FsError | null;
  /** Creates or replaces a regular file (creating parent directories when `parents`). */
  writeFile(path: string, content: string, mtime: number, opts?: { append?: boolean; mode?: number; size?: number; parents?: boolean; uid?: number }): FsError | null;
  symlink(target: string, path: string, mtime: number): FsError | null;
  remove(path: string, opts?: { recursive?: boolean; dirOk?: boolean }): FsError | null;
  rename(from: string, to: string, mtime: number): FsError | null;
  /** Deep copy of the subtree at `from` to `to` (cp -r). */
  copy(from: string, to: string, mtime: number): FsError | null;
  /** Sets the modification time (touch on an existing path). */
  utime(path: string, mtime: number): FsError | null;
  /** Sets the permission bits (chmod; follows symlinks). */
  chmod(path: string, mode: number): FsError | null;
  /** Visits every path under `path` (depth first, sorted). */
  walk(path?: string): Generator<[string, FileInfo]>;
  /** Total bytes of regular files. */
  totalSize(): number;
  /** statfs(2) for the filesystem holding `path`: the disk's size and usage, or null when not on a disk (tmpfs, a bare tree). */
  statfs(path: string): DiskStat | null;
}

/** What statfs tells df: bytes, no reserved blocks. */
export interface DiskStat {
  readonly capacity: number;
  readonly used: number;
}

/** `mkdir -p`: creates each missing directory of a normalised `path` in turn through `fs.mkdir`. */
export function mkdirParents(fs: Filesystem, path: string, mtime: number, mode?: number): FsError | null {
  let at = '';
  for (const part of path.split('/').filter(Boolean)) {
    at += `/${part}`;
    const n = fs.lookup(at);
    if (typeof n === 'string') {
      const e = fs.mkdir(at, mtime, { mode });
      if (e) return e;
    } else if (n.type !== 'dir') return 'ENOTDIR';
  }
  return null;
}

/** Total bytes of the regular files under `/`. */
export function totalFileSize(fs: Filesystem): number {
  let total = 0;
  for (const [, n] of fs.walk('/')) if (n.type === 'file') total += n.size;
  return total;
}

/**
 * A process's view of a container's files: the overlay rootfs with a mount table on top —
 * volumes, host bind mounts (directories or single files like `/etc/hosts`) and tmpfs — as the
 * kernel's mount namespace presents them (runc mounts each `Mounts[]` entry of the OCI spec,
 * libcontainer/rootfs_linux.go mountToRootfs). Every path goes to the mount with the longest
 * matching destination; inside it, the path is relative to the mount's source.
 *
 * - Symlinks are resolved one component at a time across mounts, so a link in the image that
 *   points into a volume lands in the volume.
 * - A mount hides what the rootfs has at its destination (shadowing); writes under a mount go
 *   to its source, never to the container's r/w layer (so `docker diff`/`commit` miss them).
 * - A read-only mount (`:ro`, `readonly`) fails writes with EROFS; the rootfs keeps its own
 *   `readOnly` (`--read-only`).
 * - Renames across mounts are EXDEV in the kernel; `mv` then copies and deletes, which is what
 *   `rename` does here. A mount point itself cannot be removed or renamed (EBUSY).
 */
import { mkdirParents, totalFileSize, type DiskStat, type FileInfo, type Filesystem } from './filesystem.ts';
import { basename, cloneNode, dirname, normalizePath, type FileNode, type FsError } from './tree.ts';
import { joinPath } from './overlay.ts';

export interface MountEntry {
  /** Absolute path inside the container. */
  readonly destination: string;
  /** The filesystem holding the source (the host's, or a tmpfs of its own). */
  fs: Filesystem;
  /** Path of the source inside `fs` (a directory, or a file for a file bind mount). */
  readonly source: string;
  readonly readOnly: boolean;
}

function under(path: string, dest: string): boolean {
  return dest === '/' || path === dest || path.startsWith(`${dest}/`);
}

export class MountFs implements Filesystem {
  readonly root: Filesystem;
  /** Sorted by destination length, longest first (the lookup order). */
  #mounts: MountEntry[] = [];

  constructor(root: Filesystem, mounts: readonly MountEntry[] = []) {
    this.root = root;
    this.setMounts(mounts);
  }

  get mounts(): readonly MountEntry[] {
    return this.#mounts;
  }

  setMounts(mounts: readonly MountEntry[]): void {
    this.#mounts = mounts.map((m) => ({ ...m, destination: normalizePath(m.destination) })).sort((a, b) => b.destination.length - a.destination.length);
  }

  get readOnly(): boolean {
    return this.root.readOnly;
  }
  set readOnly(v: boolean) {
    this.root.readOnly = v;
  }

  get rev(): number {
    let r = this.root.rev;
    for (const m of this.#mounts) r += m.fs.rev;
    return r;
  }

  /** The mount a canonical path belongs to (null: the rootfs) and the path inside its filesystem. */
  route(path: string): { fs: Filesystem; path: string; mount: MountEntry | null } {
    for (const m of this.#mounts) {
      if (under(path, m.destination)) {
        const rest = path.slice(m.destination === '/' ? 0 : m.destination.length);
        return { fs: m.fs, path: normalizePath(`${m.source}/${rest}`), mount: m };
      }
    }
    return { fs: this.root, path, mount: null };
  }

  statfs(path: string): DiskStat | null {
    const c = this.canonical(path);
    const r = this.route(c.startsWith('/') ? c : normalizePath(path));
    return r.fs.statfs(r.path);
  }

  /** Is `path` (canonical) a mount point itself? */
  #isMountPoint(path: string): boolean {
    return this.#mounts.some((m) => m.destination === path);
  }

  /** Resolves symlinks component by component across mounts; a missing component ends the walk. */
  canonical(path: string, nofollow = false, depth = 0): string | FsError {
    if (depth > 40) return 'ELOOP';
    const parts = normalizePath(path).split('/').filter(Boolean);
    let at = '/';
    for (let i = 0; i < parts.length; i++) {
      const next = joinPath(at, parts[i]);
      const r = this.route(next);
      const n = r.fs.lookup(r.path, true);
      const last = i === parts.length - 1;
      if (typeof n === 'string') {
        if (n === 'ENOENT') return normalizePath(`${next}/${parts.slice(i + 1).join('/')}`);
        return n;
      }
      if (n.type === 'symlink' && (!last || !nofollow)) {
        const target = n.target.startsWith('/') ? n.target : joinPath(at, n.target);
        const rest = parts.slice(i + 1).join('/');
        return this.canonical(rest ? `${target}/${rest}` : target, nofollow, depth + 1);
      }
      if (!last && n.type !== 'dir') return 'ENOTDIR';
      at = next;
    }
    return at;
  }

  #at(path: string, nofollow = false): { fs: Filesystem; path: string; mount: MountEntry | null; canonical: string } | FsError {
    const c = this.canonical(path, nofollow);
    if (c.startsWith('/')) return { ...this.route(c), canonical: c };
    return c as FsError;
  }

  #writable(path: string, nofollow = false): { fs: Filesystem; path: string; mount: MountEntry | null; canonical: string } | FsError {
    const at = this.#at(path, nofollow);
    if (typeof at === 'string') return at;
    if (at.mount ? at.mount.readOnly : this.root.readOnly) return 'EROFS';
    return at;
  }

  lookup(path: string, nofollow = false): FileInfo | FsError {
    const at = this.#at(path, nofollow);
    if (typeof at === 'string') return at;
    return at.fs.lookup(at.path, true);
  }

  exists(path: string): boolean {
    return typeof this.lookup(path) !== 'string';
  }

  isDir(path: string): boolean {
    const n = this.lookup(path);
    return typeof n !== 'string' && n.type === 'dir';
  }

  readFile(path: string): string | FsError {
    const n = this.lookup(path);
    if (typeof n === 'string') return n;
    if (n.type === 'dir') return 'EISDIR';
    return n.content;
  }

  list(path: string): [string, FileInfo][] | FsError {
    const at = this.#at(path);
    if (typeof at === 'string') return at;
    const entries = at.fs.list(at.path);
    if (typeof entries === 'string') return entries;
    const byName = new Map<string, FileInfo>(entries);
    // Mount points directly below replace (or add) their entry with the mounted root.
    for (const m of this.#mounts) {
      if (m.destination !== '/' && dirname(m.destination) === at.canonical) {
        const n = m.fs.lookup(m.source, true);
        if (typeof n !== 'string') byName.set(basename(m.destination), n);
      }
    }
    return [...byName].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }

  mkdir(path: string, mtime: number, opts: { parents?: boolean; mode?: number } = {}): FsError | null {
    if (opts.parents) return mkdirParents(this, normalizePath(path), mtime, opts.mode);
    const at = this.#writable(path, true);
    if (typeof at === 'string') return at;
    if (this.#isMountPoint(at.canonical)) return 'EEXIST';
    return at.fs.mkdir(at.path, mtime, { mode: opts.mode });
  }

  writeFile(path: string, content: string, mtime: number, opts: { append?: boolean; mode?: number; size?: number; parents?: boolean; uid?: number } = {}): FsError | null {
    if (opts.parents) {
      const e = this.mkdir(dirname(normalizePath(path)), mtime, { parents: true });
      if (e) return e;
    }
    const at = this.#writable(path);
    if (typeof at === 'string') return at;
    return at.fs.writeFile(at.path, content, mtime, { ...opts, parents: false });
  }

  symlink(target: string, path: string, mtime: number): FsError | null {
    const at = this.#writable(path, true);
    if (typeof at === 'string') return at;
    if (this.#isMountPoint(at.canonical)) return 'EEXIST';
    return at.fs.symlink(target, at.path, mtime);
  }

  remove(path: string, opts: { recursive?: boolean; dirOk?: boolean } = {}): FsError | null {
    const at = this.#writable(path, true);
    if (typeof at === 'string') return at;
    if (this.#isMountPoint(at.canonical)) return 'EBUSY';
    if (this.#mounts.some((m) => m.destination.startsWith(`${at.canonical}/`))) return 'EBUSY';
    return at.fs.remove(at.path, opts);
  }

  rename(from: string, to: string, mtime: number): FsError | null {
    const src = this.#writable(from, true);
    if (typeof src === 'string') return src;
    if (this.#isMountPoint(src.canonical)) return 'EBUSY';
    let destPath = normalizePath(to);
    if (this.isDir(destPath)) destPath = joinPath(destPath, basename(src.canonical));
    const dst = this.#writable(destPath, true);
    if (typeof dst === 'string') return dst;
    if (this.#isMountPoint(dst.canonical)) return 'EBUSY';
    if (src.mount === dst.mount) return src.fs.rename(src.path, dst.path, mtime);
    // EXDEV: copy across, then delete the source (as mv does).
    const e = this.#copyAcross(src, dst, mtime);
    return e ?? src.fs.remove(src.path, { recursive: true });
  }

  copy(from: string, to: string, mtime: number): FsError | null {
    const src = this.#at(from);
    if (typeof src === 'string') return src;
    let destPath = normalizePath(to);
    if (this.isDir(destPath)) destPath = joinPath(destPath, basename(src.canonical));
    const dst = this.#writable(destPath, true);
    if (typeof dst === 'string') return dst;
    if (src.mount === dst.mount) return src.fs.copy(src.path, dst.path, mtime);
    return this.#copyAcross(src, dst, mtime);
  }

  /** Recreates the subtree at `src` under `dst` (another filesystem) node by node. */
  #copyAcross(src: { fs: Filesystem; path: string }, dst: { fs: Filesystem; path: string }, mtime: number): FsError | null {
    if (typeof src.fs.lookup(src.path, true) === 'string') return 'ENOENT';
    for (const [p, n] of src.fs.walk(src.path)) {
      const target = normalizePath(`${dst.path}/${p.slice(src.path.length)}`);
      const e = writeNode(dst.fs, target, n, mtime);
      if (e) return e;
    }
    return null;
  }

  utime(path: string, mtime: number): FsError | null {
    const at = this.#writable(path);
    if (typeof at === 'string') return at;
    return at.fs.utime(at.path, mtime);
  }

  chmod(path: string, mode: number): FsError | null {
    const at = this.#writable(path);
    if (typeof at === 'string') return at;
    return at.fs.chmod(at.path, mode);
  }

  *walk(path = '/'): Generator<[string, FileInfo]> {
    const base = normalizePath(path);
    const n = this.lookup(base, true);
    if (typeof n === 'string') return;
    yield [base, n];
    if (n.type !== 'dir') return;
    const entries = this.list(base);
    if (typeof entries === 'string') return;
    for (const [name] of entries) yield* this.walk(joinPath(base, name));
  }

  totalSize(): number {
    return totalFileSize(this);
  }
}

/** Writes one node (dir, file or symlink) at `path` of `fs`, keeping its metadata. */
export function writeNode(fs: Filesystem, path: string, n: Readonly<FileNode>, mtime?: number): FsError | null {
  const t = mtime ?? n.mtime;
  let e: FsError | null;
  if (n.type === 'dir') {
    const cur = fs.lookup(path, true);
    e = typeof cur !== 'string' && cur.type === 'dir' ? null : fs.mkdir(path, t, { mode: n.mode });
  } else if (n.type === 'symlink') {
    e = fs.symlink(n.target, path, t);
  } else {
    e = fs.writeFile(path, n.content, t, { mode: n.mode, size: n.size, uid: n.uid });
  }
  if (e) return e;
  fs.utime(path, n.mtime);
  return null;
}

/** Copies the children of `fromPath` in `from` into the directory `toPath` of `to` (docker's copyExistingContents). */
export function copyContents(from: Filesystem, fromPath: string, to: Filesystem, toPath: string): FsError | null {
  const root = normalizePath(fromPath);
  for (const [p, n] of from.walk(root)) {
    if (p === root) continue;
    const e = writeNode(to, normalizePath(`${toPath}/${p.slice(root.length)}`), cloneNode(n as FileNode));
    if (e) return e;
  }
  return null;
}

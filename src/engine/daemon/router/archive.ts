/**
 * Filesystem routes of a container (moby api/server/router/container, daemon/archive.go,
 * daemon/changes.go): GET /containers/{id}/changes (docker diff), HEAD|GET|PUT
 * /containers/{id}/archive (docker cp). They work on stopped containers too: the snapshot
 * lives as long as the container.
 */
import { type Change, overlayChanges, upperSummary } from '../../fs/snapshotter.ts';
import type { FileInfo, Filesystem } from '../../fs/filesystem.ts';
import { basename, normalizePath, type FsError } from '../../fs/tree.ts';
import type { Daemon } from '../daemon.ts';
import { ApiError } from '../errors.ts';

/** GET /containers/{id}/changes; what it listed is kept on the container, counted (the snapshot's `lastDiff`). */
export function containerChanges(d: Daemon, ref: string): Change[] {
  return d.call('GET', `/containers/${ref}/changes`, 200, () => {
    const c = d.lookup(ref);
    const changes = overlayChanges(c.rootfs);
    const { copiedUp, whiteouts, added } = upperSummary(c.rootfs);
    c.lastDiff = { copiedUp, whiteouts, added };
    c.touch();
    return changes;
  });
}

function notFound(file: string, ref: string): ApiError {
  return new ApiError(404, `Could not find the file ${file} in container ${ref}`);
}

/** A subtree as a tar would carry it (what `docker cp` moves). */
export interface ArchiveEntry {
  readonly name: string;
  readonly node: FileInfo;
  readonly children: ArchiveEntry[];
}

/** The bytes of the tar stream for an entry (512-byte headers, data padded to 512, 1 KiB trailer). */
export function tarSize(e: ArchiveEntry): number {
  const body = (x: ArchiveEntry): number => 512 + (x.node.type === 'file' ? Math.ceil(x.node.size / 512) * 512 : 0) + x.children.reduce((s, c) => s + body(c), 0);
  return body(e) + 1024;
}

/** HEAD /containers/{id}/archive?path= — the stat of a path, or null when it does not exist. */
export function containerStatPath(d: Daemon, ref: string, path: string): FileInfo | null {
  let out: FileInfo | null = null;
  try {
    d.call('HEAD', `/containers/${ref}/archive?path=${encodeURIComponent(path)}`, 200, () => {
      const c = d.lookup(ref);
      const n = c.fs.lookup(normalizePath(path), true);
      if (typeof n === 'string') throw notFound(path, ref);
      out = n;
    });
  } catch (e) {
    if (e instanceof ApiError && e.status === 404 && d.tryLookup(ref)) return null;
    throw e;
  }
  return out;
}

/** GET /containers/{id}/archive?path= — the path's subtree. */
export function containerArchiveGet(d: Daemon, ref: string, path: string): ArchiveEntry {
  return d.call('GET', `/containers/${ref}/archive?path=${encodeURIComponent(path)}`, 200, () => {
    const a = archiveOf(d.lookup(ref).fs, path);
    if (typeof a === 'string') throw notFound(path, ref);
    return a;
  });
}

/** PUT /containers/{id}/archive?path= — extracts an entry into a directory of the container (copied up into its r/w layer). */
export function containerArchivePut(d: Daemon, ref: string, dir: string, entry: ArchiveEntry, keepOwner: boolean): void {
  d.call('PUT', `/containers/${ref}/archive?noOverwriteDirNonDir=true&path=${encodeURIComponent(dir)}`, 200, () => {
    const c = d.lookup(ref);
    const fs = c.fs;
    const base = normalizePath(dir);
    if (!fs.isDir(base)) {
      if (fs.exists(base)) throw new ApiError(400, `extraction point is not a directory`);
      throw notFound(dir, ref);
    }
    if (fs.readOnly) throw new ApiError(403, 'container rootfs is marked read-only');
    const put = (at: string, e: ArchiveEntry): void => {
      const n = e.node;
      const opts = { mode: n.mode, uid: keepOwner ? n.uid : 0 };
      if (n.type === 'dir') {
        if (!fs.isDir(at)) fs.mkdir(at, n.mtime, { mode: n.mode });
        for (const k of e.children) put(`${at === '/' ? '' : at}/${k.name}`, k);
      } else if (n.type === 'symlink') {
        if (fs.exists(at) || typeof fs.lookup(at, true) !== 'string') fs.remove(at);
        fs.symlink(n.target, at, n.mtime);
      } else {
        fs.writeFile(at, n.content, n.mtime, { ...opts, size: n.size });
      }
    };
    put(`${base === '/' ? '' : base}/${entry.name}`, entry);
  });
}

/** A path's subtree as a tar carries it (the CLI packs a local path this way; the daemon a container's). */
export function archiveOf(fs: Filesystem, path: string): ArchiveEntry | FsError {
  const p = normalizePath(path);
  const n = fs.lookup(p, true);
  if (typeof n === 'string') return n;
  const walk = (at: string, node: FileInfo): ArchiveEntry => {
    const kids = node.type === 'dir' ? fs.list(at) : [];
    const children = typeof kids === 'string' ? [] : kids.map(([name, k]) => walk(at === '/' ? `/${name}` : `${at}/${name}`, k));
    return { name: at === '/' ? '/' : basename(at), node, children };
  };
  return walk(p, n);
}

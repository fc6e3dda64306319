/**
 * The overlay snapshotter: how a container gets a root filesystem from read-only layers, after
 * containerd's `core/snapshots/snapshotter.go` and dockerd's overlay2 driver.
 *
 * Lifecycle of a snapshot (keyed by a string, e.g. the container ID):
 *
 *   prepare(key, lowers) → an *active* snapshot: an empty upper dir mounted over the lowers
 *                          (an `OverlayFs`); writes copy up, deletes leave whiteouts.
 *   view(key, lowers)    → the same, mounted read-only (nothing can be written).
 *   commit(key)          → the active snapshot's upper dir becomes a read-only layer (a
 *                          FileTree in `.wh.` tar form) that can be a lower of later snapshots:
 *                          the container's init layer, a `docker commit` layer.
 *   remove(key)          → drops the snapshot and its upper dir (`docker rm`: uncommitted
 *                          changes are gone).
 *
 * `changes(key)` is the driver's `Changes` (`docker diff`): the upper dir compared with the
 * lowers, as go-archive's `OverlayChanges` walks it.
 */
import { OPAQUE_MARKER, OverlayFs, WHITEOUT_PREFIX, joinPath } from './overlay.ts';
import type { Disk } from './disk.ts';
import { basename, dirname, FileTree, type FileNode } from './tree.ts';

/** `GET /containers/{id}/changes` kinds (moby ChangeType). */
export const CHANGE_KIND = { modified: 0, added: 1, deleted: 2 } as const;
export type ChangeKind = (typeof CHANGE_KIND)[keyof typeof CHANGE_KIND];

export interface Change {
  readonly Path: string;
  readonly Kind: ChangeKind;
}

export type SnapshotKind = 'active' | 'view';

interface Snapshot {
  readonly kind: SnapshotKind;
  readonly mount: OverlayFs;
}

export class Snapshotter {
  readonly #snapshots = new Map<string, Snapshot>();
  readonly #now: () => number;
  /** The disk upper dirs are on (/var/lib/docker/overlay2/<id>/diff); null: not accounted. */
  disk: Disk | null = null;

  constructor(now: () => number) {
    this.#now = now;
  }

  /** A writable snapshot over `lowers` (top → bottom). */
  prepare(key: string, lowers: readonly FileTree[]): OverlayFs {
    const upper = new FileTree();
    upper.disk = this.disk;
    const mount = new OverlayFs(lowers, upper, this.#now);
    this.#snapshots.set(key, { kind: 'active', mount });
    return mount;
  }

  /** A read-only snapshot over `lowers`. */
  view(key: string, lowers: readonly FileTree[]): OverlayFs {
    const mount = new OverlayFs(lowers, new FileTree(), this.#now);
    mount.readOnly = true;
    this.#snapshots.set(key, { kind: 'view', mount });
    return mount;
  }

  /** Freezes an active snapshot's upper dir into a read-only layer and forgets the snapshot. */
  commit(key: string): FileTree | undefined {
    const s = this.#snapshots.get(key);
    if (!s || s.kind !== 'active') return undefined;
    this.#snapshots.delete(key);
    // NOTE: a committed dir stops being counted here; an image's layers are counted by the image store.
    s.mount.upper.release();
    s.mount.upper.disk = null;
    s.mount.upper.readOnly = true;
    return s.mount.upper;
  }

  remove(key: string): boolean {
    const s = this.#snapshots.get(key);
    if (s) s.mount.upper.release();
    return this.#snapshots.delete(key);
  }

  mounts(key: string): OverlayFs | undefined {
    return this.#snapshots.get(key)?.mount;
  }

  keys(): string[] {
    return [...this.#snapshots.keys()].sort();
  }
}

/** Whether a lower layer deletes `path` (a whiteout for it or for one of its parents). */
function whitedOut(layer: FileTree, path: string): boolean {
  for (let p = path; p !== '/'; p = dirname(p)) {
    if (typeof layer.lookup(joinPath(dirname(p), WHITEOUT_PREFIX + basename(p)), true) !== 'string') return true;
  }
  return false;
}

/** Whether `path` was in the lowers, looking down until a layer deleted it. */
function existedBelow(lowers: readonly FileTree[], path: string): boolean {
  for (const l of lowers) {
    if (whitedOut(l, path)) return false;
    if (typeof l.lookup(path, true) !== 'string') return true;
  }
  return false;
}

/**
 * What changed in a mount's upper dir against its lowers (go-archive `changes` with
 * `overlayDeletedFile`), in walk order: whiteouts and re-created (opaque) directories are `D`,
 * new paths `A`, paths that existed below `C` — except directories whose mode, size and mtime
 * did not change; the parent of an `A` or `D` is always reported `C` (not `/`).
 */
export function overlayChanges(mount: OverlayFs): Change[] {
  const out: Change[] = [];
  const changedDirs = new Set<string>();
  const lowers = mount.lowers;
  const visit = (dir: FileNode, base: string): void => {
    const items: [string, FileNode | null][] = [];
    for (const [name, n] of dir.children!) {
      if (name === OPAQUE_MARKER) continue;
      if (name.startsWith(WHITEOUT_PREFIX)) items.push([name.slice(WHITEOUT_PREFIX.length), null]);
      else items.push([name, n]);
    }
    items.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [name, n] of items) {
      const path = joinPath(base, name);
      let kind: ChangeKind = CHANGE_KIND.added;
      let same = false;
      if (n === null || (n.type === 'dir' && n.children!.has(OPAQUE_MARKER) && existedBelow(lowers, path))) {
        kind = CHANGE_KIND.deleted;
      } else {
        for (const l of lowers) {
          if (whitedOut(l, path)) break;
          const s = l.lookup(path, true);
          if (typeof s === 'string') continue;
          if (s.type === 'dir' && n.type === 'dir' && s.size === n.size && s.mode === n.mode && s.mtime === n.mtime) same = true;
          kind = CHANGE_KIND.modified;
          break;
        }
      }
      if (!same) {
        if (n?.type === 'dir') changedDirs.add(path);
        if (kind !== CHANGE_KIND.modified) {
          const parent = dirname(path);
          if (parent !== '/' && !changedDirs.has(parent)) {
            out.push({ Path: parent, Kind: CHANGE_KIND.modified });
            changedDirs.add(parent);
          }
        }
        out.push({ Path: path, Kind: kind });
      }
      if (n?.type === 'dir') visit(n, path);
    }
  };
  visit(mount.upper.root, '/');
  return out;
}

/** What an upper dir holds against its lowers: image files copied up, whiteouts, files of its own. */
export interface UpperCounts {
  /** Files (not directories) copied up from a lower layer: lower files that were changed. */
  readonly copiedUp: number;
  /** Whiteouts: lower files or directories that were deleted. */
  readonly whiteouts: number;
  /** Files created in the upper dir alone (nothing below them). */
  readonly added: number;
}

/** A mount's upper dir in one walk: its `UpperCounts` and `SizeRw` (the snapshot's `rwLayer` and `rwSize`). */
export function upperSummary(mount: OverlayFs): UpperCounts & { readonly size: number } {
  let size = 0;
  let copiedUp = 0;
  let whiteouts = 0;
  let added = 0;
  for (const [path, n] of mount.upper.walk('/')) {
    if (n.type === 'dir') continue;
    const name = basename(path);
    if (name === OPAQUE_MARKER) continue;
    if (name.startsWith(WHITEOUT_PREFIX)) whiteouts += 1;
    else if (mount.isCopy(n)) copiedUp += 1;
    else added += 1;
    if (n.type === 'file') size += n.size;
  }
  return { size, copiedUp, whiteouts, added };
}

/** The size of a mount's upper dir (`SizeRw`): bytes of its regular files. */
export function upperSize(mount: OverlayFs): number {
  let total = 0;
  for (const [, n] of mount.upper.walk('/')) if (n.type === 'file') total += n.size;
  return total;
}

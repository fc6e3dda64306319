/**
 * A container's overlay mount laid open for the Overlay view (kernel
 * `Documentation/filesystems/overlayfs.rst`; Docker's overlay2 layout): its lower dirs (the init
 * layer over the image's layers, read-only, top first), its upper dir (the read-write layer:
 * files copied up, files created there, whiteouts, opaque directories), the merged tree the
 * container sees with where each name comes from, and the recent overlay operations.
 */
import { OPAQUE_MARKER, WHITEOUT_PREFIX, joinPath, type OverlayEvent, type OverlayFs } from './overlay.ts';
import type { FileNode, FileTree, NodeType } from './tree.ts';

/** What a lower dir is: the container's init layer or one of its image's layers. */
export interface OverlayLowerView {
  /** Index in the mount's lower dirs, 0 = topmost. */
  readonly index: number;
  readonly role: 'init' | 'image';
  /** The image layer's ChainID / diff_id (null for the init layer, or when the image is gone). */
  readonly chainId: string | null;
  readonly diffId: string | null;
  /** 1 = the image's base layer; 0 for the init layer. */
  readonly position: number;
  readonly createdBy: string;
  readonly size: number;
}

/**
 * An upper-dir entry: `copied-up` (a lower file copied whole on first write), `new` (created in
 * the upper dir), `whiteout` (`.wh.NAME`: hides NAME below), `opaque` (a re-created directory
 * that hides the lower one), `dir` (a lower directory copied up only to hold what is inside).
 */
export type UpperKind = 'copied-up' | 'new' | 'whiteout' | 'opaque' | 'dir';

export interface OverlayUpperEntry {
  /** Path in the upper dir (`/etc/.wh.motd` for a whiteout). */
  readonly path: string;
  readonly type: NodeType;
  readonly kind: UpperKind;
  readonly size: number;
  /** For a whiteout, the merged path it deletes; else the entry's own path. */
  readonly hides: string;
  /** The lower dir (index) the file came from or that the whiteout hides; null when none. */
  readonly layer: number | null;
}

export interface OverlayMergedEntry {
  readonly path: string;
  readonly type: NodeType;
  readonly size: number;
  readonly target: string;
  /** Where the name comes from: the upper dir, or a lower dir's index. */
  readonly from: 'upper' | number;
}

export interface OverlayInspection {
  readonly containerId: string;
  /** Changes whenever the mount writes or logs an operation (a cheap change test). */
  readonly key: string;
  readonly lowers: readonly OverlayLowerView[];
  /** Tree order. */
  readonly upper: readonly OverlayUpperEntry[];
  /** The merged tree in walk order (depth first, sorted), `/` left out. */
  readonly merged: readonly OverlayMergedEntry[];
  /** Merged entries left out beyond the limit. */
  readonly mergedTruncated: number;
  /** The mount's recent operations, oldest first. */
  readonly events: readonly OverlayEvent[];
  /** Bytes of regular files in the upper dir (SizeRw). */
  readonly rwSize: number;
}

/** Merged entries sent at most (the catalog's images have a few hundred). */
export const MERGED_LIMIT = 5000;

/** The change key of a mount. */
export function overlayKey(mount: OverlayFs): string {
  return `${mount.rev}:${mount.eventSeq}`;
}

function rawLookup(tree: FileTree, path: string): FileNode | null {
  let n: FileNode | undefined = tree.root;
  for (const part of path.split('/').filter(Boolean)) {
    n = n.children?.get(part);
    if (!n) return null;
  }
  return n;
}

/** The topmost lower dir holding `path` (no symlinks followed, stopping at a whiteout), or null. */
function lowerIndexOf(mount: OverlayFs, path: string): number | null {
  const parts = path.split('/').filter(Boolean);
  for (let i = 0; i < mount.lowers.length; i++) {
    let n: FileNode | undefined = mount.lowers[i].root;
    for (let k = 0; k < parts.length; k++) {
      if (n.children?.has(WHITEOUT_PREFIX + parts[k])) return null;
      n = n.children?.get(parts[k]);
      if (!n) break;
    }
    if (n) return i;
  }
  return null;
}

/** Describes a mount; `lowers` says what each lower dir is (same order as `mount.lowers`). */
export function inspectOverlay(containerId: string, mount: OverlayFs, lowers: readonly OverlayLowerView[], mergedLimit = MERGED_LIMIT): OverlayInspection {
  const upper: OverlayUpperEntry[] = [];
  let rwSize = 0;
  const visit = (dir: FileNode, base: string) => {
    const names = [...dir.children!.keys()].sort();
    for (const name of names) {
      if (name === OPAQUE_MARKER) continue;
      const n = dir.children!.get(name)!;
      const path = joinPath(base, name);
      if (name.startsWith(WHITEOUT_PREFIX)) {
        const hides = joinPath(base, name.slice(WHITEOUT_PREFIX.length));
        upper.push({ path, type: 'file', kind: 'whiteout', size: 0, hides, layer: lowerIndexOf(mount, hides) });
        continue;
      }
      const below = lowerIndexOf(mount, path);
      let kind: UpperKind;
      if (n.type === 'dir') kind = n.children!.has(OPAQUE_MARKER) ? 'opaque' : below !== null ? 'dir' : 'new';
      else kind = mount.isCopiedUp(path) ? 'copied-up' : 'new';
      if (n.type === 'file') rwSize += n.size;
      upper.push({ path, type: n.type, kind, size: n.type === 'file' ? n.size : 0, hides: path, layer: kind === 'new' ? null : below });
      if (n.type === 'dir') visit(n, path);
    }
  };
  visit(mount.upper.root, '/');

  const merged: OverlayMergedEntry[] = [];
  let total = 0;
  for (const [path, info] of mount.walk('/')) {
    if (path === '/') continue;
    total += 1;
    if (merged.length >= mergedLimit) continue;
    const node = info as FileNode;
    const from = rawLookup(mount.upper, path) === node ? 'upper' : (mount.layerOf(path, node) ?? 'upper');
    merged.push({ path, type: node.type, size: node.type === 'file' ? node.size : 0, target: node.type === 'symlink' ? node.target : '', from });
  }
  return { containerId, key: overlayKey(mount), lowers, upper, merged, mergedTruncated: total - merged.length, events: [...mount.events], rwSize };
}

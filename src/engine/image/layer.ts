/**
 * A layer as the image spec sees it: a tar of file entries, with deletions encoded as
 * whiteouts (`.wh.NAME`) and opaque directories (`.wh..wh..opq`) (is: `layer.md`). Here the
 * tar is a list of entries; its diff_id is the sha256 of a canonical, tar-like serialization
 * (sorted paths, type, mode, owner, size, mtime, link target, content), so equal content gives
 * equal IDs and any change gives a new one. The compressed blob is not materialised: its digest
 * is derived from the diff_id (the empty layer keeps the real, well-known digests).
 */
import { byteLength } from '../fs/tree.ts';
import { digestOf, EMPTY_LAYER_DIFF_ID, EMPTY_LAYER_GZIP_DIGEST, type Digest } from './digest.ts';
import { byteOrder } from './gojson.ts';

export type LayerFileType = 'file' | 'dir' | 'symlink';

/** One tar entry. Paths are absolute and normalised (`/usr/bin/bash`). */
export interface LayerFile {
  readonly path: string;
  readonly type: LayerFileType;
  /** Permission bits incl. setuid/setgid/sticky (`0o755`, `0o1777`). */
  readonly mode: number;
  readonly uid: number;
  readonly gid: number;
  /** Bytes; for text files the UTF-8 length of `content`, for binaries a realistic size. */
  readonly size: number;
  /** Text content; '' for binaries (whose size is still set). */
  readonly content: string;
  /** Symlink target; '' otherwise. */
  readonly target: string;
  /** Modification time, Unix seconds (as in a tar header). */
  readonly mtime: number;
}

export const WHITEOUT_PREFIX = '.wh.';
export const OPAQUE_WHITEOUT = '.wh..wh..opq';

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function dirName(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

/** `/dir/.wh..wh..opq` → `/dir` (the directory made opaque), else null. */
export function opaqueDir(path: string): string | null {
  return baseName(path) === OPAQUE_WHITEOUT ? dirName(path) : null;
}

/** `/etc/.wh.motd` → `/etc/motd` (the path deleted), else null. Opaque markers return null. */
export function whiteoutTarget(path: string): string | null {
  const name = baseName(path);
  if (!name.startsWith(WHITEOUT_PREFIX) || name === OPAQUE_WHITEOUT) return null;
  const dir = dirName(path);
  return `${dir === '/' ? '' : dir}/${name.slice(WHITEOUT_PREFIX.length)}`;
}

/** The whiteout entry that deletes `path` in an upper layer. */
export function whiteoutFor(path: string, mtime: number): LayerFile {
  const dir = dirName(path);
  return { path: `${dir === '/' ? '' : dir}/${WHITEOUT_PREFIX}${baseName(path)}`, type: 'file', mode: 0o644, uid: 0, gid: 0, size: 0, content: '', target: '', mtime };
}

/** The marker that makes `dir` opaque in an upper layer. */
export function opaqueMarkerFor(dir: string, mtime: number): LayerFile {
  return { path: `${dir === '/' ? '' : dir}/${OPAQUE_WHITEOUT}`, type: 'file', mode: 0o644, uid: 0, gid: 0, size: 0, content: '', target: '', mtime };
}

/** Entries sorted by path (byte order), as a tar lists them after its parents. */
export function sortLayerFiles(files: readonly LayerFile[]): LayerFile[] {
  return [...files].sort((a, b) => byteOrder(a.path, b.path));
}

/** The canonical serialization whose sha256 is the diff_id ('' for an empty layer). */
export function serializeLayer(files: readonly LayerFile[]): string {
  let out = '';
  for (const f of sortLayerFiles(files)) {
    out += `${f.path}\t${f.type}\t${f.mode.toString(8)}\t${f.uid}\t${f.gid}\t${f.size}\t${f.mtime}\t${f.target}\t${byteLength(f.content)}\n${f.content}\n`;
  }
  return out;
}

/** The diff_id (digest of the uncompressed layer). An empty layer has the real empty-tar ID. */
export function diffIdOf(files: readonly LayerFile[]): Digest {
  return files.length === 0 ? EMPTY_LAYER_DIFF_ID : digestOf(serializeLayer(files));
}

/** The digest of the gzip-compressed blob for a diff_id. */
export function compressedDigestOf(diffId: Digest): Digest {
  return diffId === EMPTY_LAYER_DIFF_ID ? EMPTY_LAYER_GZIP_DIGEST : digestOf(`gzip\n${diffId}`);
}

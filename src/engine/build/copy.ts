/**
 * COPY and ADD as BuildKit's FileOp copy does them (bk: solver/llbsolver/file/backend.go,
 * tonistiigi/fsutil copy): sources resolved in the build context or another stage's root
 * (wildcards allowed), a directory source copies its *contents*, a destination ending in `/`
 * (or naming an existing directory) receives the sources by name, missing parents are created,
 * file modes and mtimes are kept unless `--chmod`, ownership is root unless `--chown`.
 */
import type { Filesystem } from '../fs/filesystem.ts';
import type { OverlayFs } from '../fs/overlay.ts';
import { basename, dirname, normalizePath, type FileNode } from '../fs/tree.ts';
import { hasWildcards, matchElement, treeChecksum } from './context.ts';

export interface SourceMatch {
  /** Absolute path in the source filesystem. */
  readonly path: string;
  readonly node: FileNode;
}

/** Resolves one source argument (relative to `root` of `fs`); null when nothing matches. */
export function matchSource(fs: Filesystem, root: string, src: string): SourceMatch[] | null {
  const rel = normalizePath(`/${src}`);
  const full = normalizePath(`${root}/${rel}`);
  if (!hasWildcards(rel)) {
    const n = fs.lookup(full);
    return typeof n === 'string' ? null : [{ path: full, node: n as FileNode }];
  }
  let candidates = [normalizePath(root)];
  for (const part of rel.split('/').filter(Boolean)) {
    const next: string[] = [];
    for (const dir of candidates) {
      const entries = fs.list(dir);
      if (typeof entries === 'string') continue;
      for (const [name] of entries) if (hasWildcards(part) ? matchElement(part, name) : name === part) next.push(`${dir === '/' ? '' : dir}/${name}`);
    }
    candidates = next;
  }
  const out: SourceMatch[] = [];
  for (const p of candidates) {
    const n = fs.lookup(p);
    if (typeof n !== 'string') out.push({ path: p, node: n as FileNode });
  }
  return out.length ? out : null;
}

/** The entries under a match, relative to it (`''` for the match itself), for checksums. */
export function* entriesOf(fs: Filesystem, m: SourceMatch): Generator<[string, FileNode]> {
  for (const [p, n] of fs.walk(m.path)) yield [`${basename(m.path)}${p.slice(m.path.length)}`, n as FileNode];
}

export function matchesChecksum(fs: Filesystem, matches: readonly SourceMatch[]): string {
  const all: [string, FileNode][] = [];
  for (const m of matches) all.push(...entriesOf(fs, m));
  return treeChecksum(all);
}

export interface CopyOptions {
  /** Absolute destination; a trailing `/` means a directory. */
  readonly dest: string;
  readonly destIsDir: boolean;
  readonly uid: number | null;
  readonly gid: number | null;
  /** `--chmod` bits, or null to keep the sources' modes. */
  readonly mode: number | null;
  readonly now: number;
}

function own(mount: OverlayFs, path: string, o: CopyOptions, mode: number | null): void {
  const n = mount.upper.lookup(path, true);
  if (typeof n === 'string') return;
  if (o.uid !== null) n.uid = o.uid;
  if (o.gid !== null) n.gid = o.gid;
  if (mode !== null) n.mode = mode;
}

function ensureDir(mount: OverlayFs, path: string, o: CopyOptions): void {
  let at = '';
  for (const part of path.split('/').filter(Boolean)) {
    at += `/${part}`;
    const n = mount.lookup(at);
    if (typeof n === 'string') {
      mount.mkdir(at, o.now, { mode: 0o755 });
      own(mount, at, o, null);
    } else if (n.type !== 'dir') {
      mount.remove(at, { recursive: true });
      mount.mkdir(at, o.now, { mode: 0o755 });
    }
  }
}

/** Copies one node (recursively) to `target` in the mount. */
function put(mount: OverlayFs, src: Filesystem, from: string, node: FileNode, target: string, o: CopyOptions): void {
  const existing = mount.lookup(target, true);
  if (node.type === 'dir') {
    if (typeof existing !== 'string' && existing.type !== 'dir') mount.remove(target, { recursive: true });
    if (typeof existing === 'string' || existing.type !== 'dir') mount.mkdir(target, node.mtime, { mode: node.mode });
    else mount.utime(target, node.mtime);
    own(mount, target, o, o.mode ?? node.mode);
    const entries = src.list(from);
    if (typeof entries !== 'string') for (const [name, child] of entries) put(mount, src, `${from === '/' ? '' : from}/${name}`, child as FileNode, `${target === '/' ? '' : target}/${name}`, o);
    return;
  }
  if (typeof existing !== 'string' && (existing.type === 'dir' || node.type === 'symlink')) mount.remove(target, { recursive: true });
  if (node.type === 'symlink') mount.symlink(node.target, target, node.mtime);
  else mount.writeFile(target, node.content, node.mtime, { mode: o.mode ?? node.mode, size: node.size });
  own(mount, target, o, node.type === 'file' ? (o.mode ?? node.mode) : null);
}

/** Copies the matched sources into the mount. */
export function copyInto(mount: OverlayFs, src: Filesystem, matches: readonly SourceMatch[], o: CopyOptions): void {
  const dest = normalizePath(o.dest);
  const destNode = mount.lookup(dest);
  const intoDir = o.destIsDir || (typeof destNode !== 'string' && destNode.type === 'dir');
  for (const m of matches) {
    if (m.node.type === 'dir') {
      ensureDir(mount, dest, o);
      put(mount, src, m.path, m.node, dest, o);
      continue;
    }
    const target = intoDir ? `${dest === '/' ? '' : dest}/${basename(m.path)}` : dest;
    ensureDir(mount, dirname(target), o);
    put(mount, src, m.path, m.node, target, o);
  }
}

/** COPY <<EOF /path: a heredoc as a file. */
export function writeHeredoc(mount: OverlayFs, name: string, content: string, o: CopyOptions): void {
  const dest = normalizePath(o.dest);
  const target = o.destIsDir ? `${dest === '/' ? '' : dest}/${name}` : dest;
  ensureDir(mount, dirname(target), o);
  mount.writeFile(target, content, o.now, { mode: o.mode ?? 0o644 });
  own(mount, target, o, o.mode ?? 0o644);
}

/**
 * What apk, apt-get and dpkg share: which distribution a root filesystem is (from
 * /etc/os-release), downloads that take virtual time at a mirror's bandwidth, unpacking a
 * package's files into the filesystem (replacing symlinks such as busybox applets, honouring
 * dpkg's path-exclude filters) and removing them again.
 */
import { alpineIndex, debIndex, type CatalogPackage, type DebRelease, type PackageIndex } from '../catalog/packages.ts';
import { globToRegExp } from '../cli/shell/expand.ts';
import type { Filesystem } from '../fs/filesystem.ts';
import { mkdirParents } from '../fs/filesystem.ts';
import { dirname } from '../fs/tree.ts';
import type { LayerFile } from '../image/layer.ts';
import { virtualMtime } from '../image/rootfs.ts';
import type { ProcessContext } from '../kernel/context.ts';
import type { Wait } from '../kernel/process.ts';

export type Distro =
  | { readonly family: 'apk'; readonly index: PackageIndex; readonly version: string; readonly minor: string }
  | { readonly family: 'deb'; readonly index: PackageIndex; readonly release: DebRelease; readonly id: 'debian' | 'ubuntu' };

/** `KEY=value` pairs of an os-release file. */
export function osRelease(fs: Filesystem): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of (readText(fs, '/etc/os-release') ?? '').split('\n')) {
    const m = /^([A-Z_]+)=(.*)$/.exec(line);
    if (m) out.set(m[1], m[2].replace(/^"(.*)"$/, '$1'));
  }
  return out;
}

/** A regular file's text, or null when there is none at `path`. */
export function readText(fs: Filesystem, path: string): string | null {
  const n = fs.lookup(path);
  if (typeof n === 'string' || n.type !== 'file') return null;
  return n.content;
}

/** The distribution (and so the package archive) of a root filesystem, if it is one we carry. */
export function detectDistro(fs: Filesystem): Distro | null {
  const os = osRelease(fs);
  const id = os.get('ID');
  if (id === 'alpine') {
    const version = os.get('VERSION_ID') ?? '3.21.3';
    return { family: 'apk', index: alpineIndex(), version, minor: version.split('.').slice(0, 2).join('.') };
  }
  if (id === 'debian' || id === 'ubuntu') {
    const codename = os.get('VERSION_CODENAME') ?? '';
    const release: DebRelease | null = codename === 'bookworm' || codename === 'noble' || codename === 'jammy' ? codename : id === 'debian' ? 'bookworm' : null;
    if (!release) return null;
    return { family: 'deb', index: debIndex(release), release, id };
  }
  return null;
}

/** A request to a mirror: round-trip latency, then the bytes at the mirror's bandwidth. */
export function transfer(ctx: ProcessContext, bytes: number, bytesPerSecond: number, latencyMs = 120): Wait {
  return ctx.sleep(Math.max(1, Math.round(latencyMs + (bytes / bytesPerSecond) * 1000)));
}

/** Busy on one core for `ms` (unpacking, solving, rebuilding a cache). */
export function* busy(ctx: ProcessContext, ms: number): Generator<Wait, void, unknown> {
  ctx.cpu(1);
  yield ctx.sleep(Math.max(1, Math.round(ms)));
  ctx.cpu(0);
}

/** Unpack throughput (bytes of installed files per virtual second of one busy core). */
export const UNPACK_RATE = 60 * 1000 * 1000;

/**
 * dpkg's `path-exclude`/`path-include` filters from /etc/dpkg/dpkg.cfg.d (the slim images drop
 * docs, man pages and locales this way): the last matching rule decides (dpkg `src/main/filters.c`).
 */
export function dpkgPathFilter(fs: Filesystem): (path: string) => boolean {
  const rules: { include: boolean; re: RegExp }[] = [];
  const dir = fs.list('/etc/dpkg/dpkg.cfg.d');
  if (typeof dir !== 'string') {
    for (const [name, node] of dir) {
      if (node.type !== 'file') continue;
      for (const line of (readText(fs, `/etc/dpkg/dpkg.cfg.d/${name}`) ?? '').split('\n')) {
        const m = /^\s*path-(exclude|include)[=\s]\s*(\S+)/.exec(line);
        if (m) rules.push({ include: m[1] === 'include', re: globToRegExp(m[2]) });
      }
    }
  }
  return (path) => {
    let keep = true;
    for (const r of rules) if (r.re.test(path)) keep = r.include;
    return keep;
  };
}

/**
 * Writes a package's files into the filesystem, parents first. A path that is a symlink or a
 * file already is replaced (GNU wget replacing busybox's `wget` applet link). Returns the
 * paths written, in order (for the package database's file list).
 */
export function installFiles(fs: Filesystem, files: readonly LayerFile[], keep: (path: string) => boolean = () => true): string[] {
  const written: string[] = [];
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const f of sorted) {
    if (!keep(f.path)) continue;
    const mtime = virtualMtime(f.mtime);
    const parent = dirname(f.path);
    if (!fs.isDir(parent) && mkdirParents(fs, parent, mtime)) continue;
    const existing = fs.lookup(f.path, true);
    if (f.type === 'dir') {
      if (typeof existing === 'string') fs.mkdir(f.path, mtime, { mode: f.mode });
      written.push(f.path);
      continue;
    }
    if (typeof existing !== 'string' && existing.type !== 'dir') fs.remove(f.path);
    if (f.type === 'symlink') fs.symlink(f.target, f.path, mtime);
    else fs.writeFile(f.path, f.content, mtime, { mode: f.mode, size: f.size, uid: f.uid });
    written.push(f.path);
  }
  return written;
}

/** Removes a package's files and symlinks, then its directories that are left empty (deepest first). */
export function removeFiles(fs: Filesystem, paths: readonly string[]): void {
  const dirs: string[] = [];
  for (const p of paths) {
    const n = fs.lookup(p, true);
    if (typeof n === 'string') continue;
    if (n.type === 'dir') dirs.push(p);
    else fs.remove(p);
  }
  for (const d of dirs.sort((a, b) => b.length - a.length)) {
    const entries = fs.list(d);
    if (typeof entries !== 'string' && entries.length === 0) fs.remove(d, { dirOk: true });
  }
}

/** The packages to install for `roots`, dependencies first (post-order DFS), skipping `installed`. */
export function dependencyClosure(index: PackageIndex, roots: readonly string[], installed: (name: string) => boolean, opts: { recommends?: boolean } = {}): CatalogPackage[] {
  const out: CatalogPackage[] = [];
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name) || installed(name)) return;
    seen.add(name);
    const p = index.packages.get(name);
    if (!p) return;
    for (const d of p.depends) visit(d);
    out.push(p);
    if (opts.recommends) for (const r of p.recommends) visit(r);
    for (const c of p.companions) visit(c);
  };
  for (const r of roots) visit(r);
  return out;
}

/** Pseudo-random but stable hex for checksums in package databases. */
export function stableHex(seed: string, length: number): string {
  let h = 2166136261;
  let out = '';
  for (let round = 0; out.length < length; round++) {
    for (let i = 0; i < seed.length; i++) {
      h ^= seed.charCodeAt(i) + round;
      h = Math.imul(h, 16777619) >>> 0;
    }
    out += h.toString(16).padStart(8, '0');
  }
  return out.slice(0, length);
}

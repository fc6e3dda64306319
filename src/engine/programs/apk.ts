/**
 * apk (apk-tools 2.14.6, Alpine 3.21): `add` (with --no-cache, -U/--update, -t/--virtual), `del`,
 * `update`, `info`, `list`, `search`, `--version`. The lifecycle of `apk add`, after
 * apk-tools `src/app_add.c` and `src/commit.c`:
 *
 *   1. read the repository indexes — from /var/cache/apk/APKINDEX.*.tar.gz when cached and
 *      fresh, else `fetch https://dl-cdn…/APKINDEX.tar.gz` (kept in the cache unless --no-cache:
 *      that is why --no-cache makes a smaller layer);
 *   2. add the names to the world (/etc/apk/world) and solve: every name must exist, else
 *      `ERROR: unable to select packages` and nothing changes;
 *   3. commit: `(i/n) Installing NAME (VERSION)` per package, dependencies first, each one
 *      downloaded and unpacked into the root filesystem and recorded in /lib/apk/db/installed;
 *   4. run triggers (busybox's when /bin or /usr/bin changed) and print
 *      `OK: <installed bytes / MiB> MiB in <packages> packages`, computed from the database.
 */
import type { CatalogPackage, PackageIndex } from '../catalog/packages.ts';
import { globToRegExp } from '../cli/shell/expand.ts';
import { APK_REPOSITORIES } from '../archives/alpine.ts';
import type { Filesystem } from '../fs/filesystem.ts';
import type { ProcessContext } from '../kernel/context.ts';
import type { ProgramGenerator } from '../kernel/process.ts';
import { busy, dependencyClosure, detectDistro, installFiles, readText, removeFiles, stableHex, transfer, UNPACK_RATE } from './packaging.ts';
import { MiB, pad2, wallDate } from './util.ts';

const APK_VERSION = '2.14.6';
/** dl-cdn.alpinelinux.org as seen from a container: bytes per virtual second. */
const CDN_BANDWIDTH = 2_500_000;
/** apk refreshes a cached index older than this (apk-tools `db->cache_max_age`). */
const CACHE_MAX_AGE_MS = 4 * 60 * 60 * 1000;
const DB = '/lib/apk/db/installed';
const WORLD = '/etc/apk/world';
const TRIGGER_DIRS = new Set(['/bin', '/sbin', '/usr/bin', '/usr/sbin']);

/** One package in /lib/apk/db/installed: its fields and the files it owns. */
interface Installed {
  readonly name: string;
  readonly version: string;
  readonly installedSize: number;
  readonly lines: readonly string[];
  readonly files: readonly string[];
}

export function parseInstalledDb(text: string): Installed[] {
  const out: Installed[] = [];
  for (const block of text.split(/\n\n+/)) {
    const lines = block.split('\n').filter(Boolean);
    if (lines.length === 0) continue;
    const field = (k: string) => lines.find((l) => l.startsWith(`${k}:`))?.slice(2) ?? '';
    const files: string[] = [];
    let dir = '';
    for (const l of lines) {
      if (l.startsWith('F:')) {
        dir = l.slice(2);
        files.push(`/${dir}`);
      } else if (l.startsWith('R:')) files.push(`/${dir ? `${dir}/` : ''}${l.slice(2)}`);
    }
    out.push({ name: field('P'), version: field('V'), installedSize: Number(field('I')) || 0, lines, files });
  }
  return out;
}

function dbText(entries: readonly Installed[]): string {
  return entries.map((e) => `${e.lines.join('\n')}\n`).join('\n');
}

/** The db record apk writes for a package it installed (apk-tools `apk_db_write_fdb`). */
function dbEntry(p: CatalogPackage, files: readonly string[], built: number): Installed {
  const lines = [
    `C:Q1${stableHex(`${p.name}-${p.version}`, 27)}=`, `P:${p.name}`, `V:${p.version}`, `A:${p.arch}`, `S:${p.downloadSize}`, `I:${p.installedSize}`,
    `T:${p.description}`, `U:${p.url}`, `L:${p.license}`, `o:${p.origin}`, `m:${p.maintainer}`, `t:${built}`, `c:${stableHex(`${p.origin}@${p.version}`, 40)}`,
  ];
  if (p.depends.length) lines.push(`D:${p.depends.join(' ')}`);
  // Files grouped by directory: `F:usr/bin` then `R:curl` (with `a:`/`Z:` details left out).
  const byDir = new Map<string, string[]>();
  for (const f of files) {
    const i = f.lastIndexOf('/');
    const dir = f.slice(1, i);
    if (!byDir.has(dir)) byDir.set(dir, []);
    byDir.get(dir)!.push(f.slice(i + 1));
  }
  for (const [dir, names] of byDir) {
    lines.push(`F:${dir}`);
    for (const n of names) lines.push(`R:${n}`);
  }
  return { name: p.name, version: p.version, installedSize: p.installedSize, lines, files };
}

function virtualEntry(name: string, version: string, deps: readonly string[], built: number): Installed {
  const lines = [`P:${name}`, `V:${version}`, 'A:noarch', 'S:0', 'I:0', 'T:virtual meta package', 'U:', 'L:', `t:${built}`];
  if (deps.length) lines.push(`D:${deps.join(' ')}`);
  return { name, version, installedSize: 0, lines, files: [] };
}

interface Repository {
  readonly url: string;
  readonly name: 'main' | 'community';
}

function repositories(fs: Filesystem): Repository[] {
  const out: Repository[] = [];
  for (const raw of (readText(fs, '/etc/apk/repositories') ?? '').split('\n')) {
    const url = raw.trim().replace(/\/$/, '');
    if (!url || url.startsWith('#')) continue;
    const name = url.slice(url.lastIndexOf('/') + 1);
    if (name === 'main' || name === 'community') out.push({ url, name });
  }
  return out;
}

/** sha1(url)[:8] of the repositories the images list (apk-tools names the cached index after it). */
const INDEX_CSUM: Readonly<Record<string, string>> = {
  'https://dl-cdn.alpinelinux.org/alpine/v3.21/main': 'a71a4834', 'https://dl-cdn.alpinelinux.org/alpine/v3.21/community': 'af87a261',
  'https://dl-cdn.alpinelinux.org/alpine/v3.20/main': 'a7d0ee1f', 'https://dl-cdn.alpinelinux.org/alpine/v3.20/community': '2064c4a0',
  'https://dl-cdn.alpinelinux.org/alpine/v3.19/main': '6bd8ca47', 'https://dl-cdn.alpinelinux.org/alpine/v3.19/community': '728a4eb9',
};

/** /var/cache/apk/APKINDEX.<csum>.tar.gz (apk-tools `apk_repo_format_cache_index`). */
const cacheFile = (r: Repository) => `/var/cache/apk/APKINDEX.${INDEX_CSUM[r.url] ?? stableHex(r.url, 8)}.tar.gz`;

/** apk's `apk_get_human_size`: divide by 1024 while ≥ 10000. */
function humanSize(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let s = bytes;
  let i = 0;
  while (s >= 10000 && i < units.length - 1) {
    s = Math.floor(s / 1024);
    i++;
  }
  return `${s} ${units[i]}`;
}

interface Options {
  noCache: boolean;
  update: boolean;
  quiet: boolean;
  virtual: string | null;
  installed: boolean;
  exists: boolean;
  help: boolean;
  version: boolean;
}

const USAGE = `apk-tools ${APK_VERSION}, compiled for x86_64.

usage: apk [<OPTIONS>...] COMMAND [<ARGUMENTS>...]

Package installation and removal:
  add        Add packages to WORLD and commit changes
  del        Remove packages from WORLD and commit changes

System maintenance:
  fix        Fix, reinstall or upgrade packages without modifying WORLD
  update     Update repository indexes
  upgrade    Install upgrades available from repositories
  cache      Manage the local package cache

Querying package information:
  info       Give detailed information about packages or repositories
  list       List packages matching a pattern or other criteria
  dot        Render dependencies as graphviz graphs
  policy     Show repository policy for packages
  search     Search for packages by name or description

Repository maintenance:
  index      Create repository index file from packages
  fetch      Download packages from global repositories to a local directory
  manifest   Show checksums of package contents
  verify     Verify package integrity and signature

Miscellaneous:
  audit      Audit system for changes
  stats      Show statistics about repositories and installations
  version    Compare package versions or perform tests on version strings

This apk has coffee making abilities.
For more information: man 8 apk
`;

const COMMANDS = new Set(['add', 'del', 'fix', 'update', 'upgrade', 'cache', 'info', 'list', 'dot', 'policy', 'search', 'index', 'fetch', 'manifest', 'verify', 'audit', 'stats', 'version']);

export function* apk(ctx: ProcessContext): ProgramGenerator {
  ctx.rss(3 * MiB);
  const o: Options = { noCache: false, update: false, quiet: false, virtual: null, installed: false, exists: false, help: false, version: false };
  let command: string | null = null;
  const args: string[] = [];
  const argv = ctx.argv.slice(1);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      args.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const [flag, inline] = a.split('=', 2);
      switch (flag) {
        case '--no-cache': o.noCache = true; break;
        case '--update-cache': case '--update': o.update = true; break;
        case '--quiet': o.quiet = true; break;
        case '--virtual': o.virtual = inline ?? argv[++i] ?? null; break;
        case '--installed': o.installed = true; break;
        case '--help': o.help = true; break;
        case '--version': o.version = true; break;
        case '--repository': if (inline === undefined) i++; break;
        case '--no-progress': case '--progress': case '--verbose': case '--allow-untrusted': case '--force-broken-world': case '--upgrade': case '--latest': case '--interactive': case '--no-interactive': case '--purge': break;
        default:
          ctx.err(`apk: unrecognized option '${flag}'\n`);
          return 1;
      }
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let k = 1; k < a.length; k++) {
        const c = a[k];
        if (c === 'U') o.update = true;
        else if (c === 'q') o.quiet = true;
        else if (c === 'V') o.version = true;
        else if (c === 'h') o.help = true;
        else if (c === 'I') o.installed = true;
        else if (c === 'e') o.exists = true;
        else if (c === 't') o.virtual = a.slice(k + 1) || argv[++i] || null;
        else if (c === 'X') i++;
        else if (c === 'v' || c === 'f' || c === 'u' || c === 'l' || c === 'a' || c === 'i' || c === 's' || c === 'L' || c === 'w' || c === 'R' || c === 'd' || c === 'P') continue;
        else {
          ctx.err(`apk: invalid option -- '${c}'\n`);
          return 1;
        }
        if (c === 't') break;
      }
      continue;
    }
    if (command === null) command = a;
    else args.push(a);
  }
  if (o.version) {
    ctx.out(`apk-tools ${APK_VERSION}, compiled for x86_64.\n`);
    return 0;
  }
  if (command === null || o.help) {
    ctx.out(USAGE);
    return command === null && !o.help ? 1 : 0;
  }
  if (!COMMANDS.has(command)) {
    ctx.err(`ERROR: '${command}' is not an apk command. See 'apk --help'.\n`);
    return 1;
  }
  const fs = ctx.fs;
  const distro = detectDistro(fs);
  if (!distro || distro.family !== 'apk') {
    ctx.err('ERROR: Unable to read database: No such file or directory\n');
    return 99;
  }
  const state = new ApkState(ctx, fs, distro.index, o.quiet);
  switch (command) {
    case 'add': return yield* state.add(args, o);
    case 'del': return yield* state.del(args);
    case 'update': return yield* state.updateIndexes(o);
    case 'info': return yield* state.info(args, o);
    case 'list': return yield* state.list(args, o);
    case 'search': return yield* state.search(args, o);
    default:
      ctx.err(`${ctx.proc.comm}: apk ${command} is not simulated in this playground yet\n`);
      return 1;
  }
}

/** The database, world and repositories of one root filesystem, and the operations on them. */
class ApkState {
  readonly db: Installed[];
  readonly world: string[];
  readonly repos: Repository[];

  constructor(
    readonly ctx: ProcessContext,
    readonly fs: Filesystem,
    readonly index: PackageIndex,
    /** -q: apk_message() lines (fetch, Installing, Executing, OK) are not printed. */
    readonly quiet: boolean,
  ) {
    this.db = parseInstalledDb(readText(fs, DB) ?? '');
    this.world = (readText(fs, WORLD) ?? '').split('\n').map((l) => l.trim()).filter(Boolean);
    this.repos = repositories(fs);
  }

  msg(text: string): void {
    if (!this.quiet) this.ctx.out(text);
  }

  installed(name: string): Installed | undefined {
    return this.db.find((e) => e.name === name);
  }

  /** A package the configured repositories offer. */
  available(name: string): CatalogPackage | undefined {
    const p = this.index.packages.get(name);
    return p && this.repos.some((r) => r.name === (p.repo as string)) ? p : undefined;
  }

  /** Step 1: the indexes, fetched unless cached and fresh (or forced by -U). */
  *fetchIndexes(o: Pick<Options, 'noCache' | 'update' | 'quiet'>, force = false): Generator<import('../kernel/process.ts').Wait, void, unknown> {
    for (const r of this.repos) {
      const cached = this.fs.lookup(cacheFile(r));
      const fresh = typeof cached !== 'string' && this.ctx.now - cached.mtime < CACHE_MAX_AGE_MS;
      if (fresh && !o.update && !force) continue;
      this.msg(`fetch ${r.url}/x86_64/APKINDEX.tar.gz\n`);
      this.ctx.cpu(0.05);
      yield transfer(this.ctx, APK_REPOSITORIES[r.name].indexSize, CDN_BANDWIDTH);
      if (!o.noCache) this.fs.writeFile(cacheFile(r), '', this.ctx.now, { size: APK_REPOSITORIES[r.name].indexSize, parents: true });
    }
  }

  *updateIndexes(o: Options): ProgramGenerator {
    yield* this.fetchIndexes(o, true);
    let total = 0;
    for (const r of this.repos) {
      this.ctx.out(`${APK_REPOSITORIES[r.name].description} [${r.url}]\n`);
      total += APK_REPOSITORIES[r.name].packages;
    }
    this.ctx.out(`OK: ${total} distinct packages available\n`);
    return 0;
  }

  *add(names: readonly string[], o: Options): ProgramGenerator {
    const ctx = this.ctx;
    if (names.length === 0 && !o.virtual) {
      ctx.err('usage: apk add [<OPTIONS>...] PACKAGES...\n');
      return 1;
    }
    yield* this.fetchIndexes(o);
    ctx.rss(6 * MiB);
    yield* busy(ctx, 40);
    const missing = names.filter((n) => !this.available(n) && !this.installed(n));
    if (missing.length) {
      const virt = o.virtual;
      ctx.err(`ERROR: unable to select packages:\n${missing.map((n) => `  ${n} (no such package):\n    required by: ${virt ? `${virt}-${this.virtualVersion()}[${n}]` : `world[${n}]`}\n`).join('')}`);
      return 1;
    }
    const plan = dependencyClosure(this.index, [...new Set(names)].sort(), (n) => this.installed(n) !== undefined);
    const virtual = o.virtual ? virtualEntry(o.virtual, this.virtualVersion(), names, this.index.built) : null;
    const total = plan.length + (virtual && !this.installed(virtual.name) ? 1 : 0);
    let step = 0;
    let triggerBusybox = false;
    for (const p of plan) {
      step++;
      this.msg(`(${step}/${total}) Installing ${p.name} (${p.version})\n`);
      ctx.cpu(0.05);
      yield transfer(ctx, p.downloadSize, CDN_BANDWIDTH, 30);
      yield* busy(ctx, 10 + (p.installedSize / UNPACK_RATE) * 1000);
      const files = installFiles(this.fs, p.files);
      if (files.some((f) => TRIGGER_DIRS.has(f.slice(0, f.lastIndexOf('/'))))) triggerBusybox = true;
      this.db.push(dbEntry(p, files, this.index.built));
      for (const s of p.scripts.filter((x) => x !== 'pre-deinstall')) {
        this.msg(`Executing ${p.name}-${p.version}.${s}\n`);
        if (p.scriptOutput) ctx.out(p.scriptOutput);
        this.runScript(p.name, s);
      }
    }
    if (virtual && !this.installed(virtual.name)) {
      step++;
      this.msg(`(${step}/${total}) Installing ${virtual.name} (${virtual.version})\n`);
      this.db.push(virtual);
    }
    const newWorld = new Set(this.world);
    if (virtual) newWorld.add(virtual.name);
    else for (const n of names) newWorld.add(n);
    this.runTriggers(triggerBusybox, plan.some((p) => p.name === 'ca-certificates'));
    this.commit([...newWorld]);
    return 0;
  }

  *del(names: readonly string[]): ProgramGenerator {
    const ctx = this.ctx;
    let errors = 0;
    for (const n of names) {
      if (!this.installed(n) && !this.index.packages.has(n)) {
        ctx.err(`ERROR: No such package: ${n}\n`);
        errors++;
      }
    }
    if (errors) return errors;
    const world = this.world.filter((w) => !names.includes(w));
    // Everything still needed by the new world stays; the rest is purged, dependents first.
    const keep = new Set<string>();
    const need = (name: string) => {
      if (keep.has(name)) return;
      keep.add(name);
      const e = this.installed(name);
      for (const l of e?.lines ?? []) if (l.startsWith('D:')) for (const d of l.slice(2).split(' ')) need(d);
      // install_if companions (python3-pyc, git-init-template) stay while what pulled them in does.
      for (const c of this.index.packages.get(name)?.companions ?? []) need(c);
    };
    for (const w of world) need(w);
    for (const b of this.index.baseSystem) need(b);
    const purge = this.db.filter((e) => !keep.has(e.name)).reverse();
    let triggerBusybox = false;
    purge.forEach((e, i) => {
      this.msg(`(${i + 1}/${purge.length}) Purging ${e.name} (${e.version})\n`);
      const p = this.index.packages.get(e.name);
      if (p?.version === e.version && p.scripts.includes('pre-deinstall')) {
        this.msg(`Executing ${e.name}-${e.version}.pre-deinstall\n`);
        this.runScript(e.name, 'pre-deinstall');
      }
      if (e.files.some((f) => TRIGGER_DIRS.has(f.slice(0, f.lastIndexOf('/'))))) triggerBusybox = true;
      removeFiles(this.fs, e.files);
    });
    if (purge.length) yield* busy(ctx, 20 * purge.length);
    for (const e of purge) this.db.splice(this.db.indexOf(e), 1);
    // Names taken out of the world but still required by what remains (apk-tools `app_del.c`).
    const kept = names.filter((n) => this.installed(n));
    if (kept.length) {
      ctx.out('World updated, but the following packages are not removed due to:\n');
      for (const n of kept) ctx.out(`  ${n}: ${world.filter((w) => this.requires(w, n)).join(' ')}\n`);
      ctx.out('\n');
    }
    this.runTriggers(triggerBusybox, false);
    this.commit(world);
    return 0;
  }

  *info(names: readonly string[], o: Options): ProgramGenerator {
    const ctx = this.ctx;
    if (names.length === 0) {
      ctx.out(this.db.map((e) => `${e.name}\n`).join(''));
      return 0;
    }
    if (o.exists) {
      let missing = 0;
      for (const n of names) {
        if (this.installed(n)) ctx.out(`${n}\n`);
        else missing++;
      }
      return missing;
    }
    for (const n of names) {
      const e = this.installed(n);
      const p = this.index.packages.get(n);
      if (!e && !p) continue;
      const id = `${n}-${e?.version ?? p!.version}`;
      const field = (k: string) => e?.lines.find((l) => l.startsWith(`${k}:`))?.slice(2);
      ctx.out(`${id} description:\n${field('T') ?? p?.description ?? ''}\n\n`);
      ctx.out(`${id} webpage:\n${field('U') ?? p?.url ?? ''}\n\n`);
      ctx.out(`${id} installed size:\n${humanSize(e?.installedSize ?? p!.installedSize)}\n\n`);
    }
    return 0;
  }

  *list(patterns: readonly string[], o: Options): ProgramGenerator {
    const rows = new Map<string, string>();
    const match = (n: string) => patterns.length === 0 || patterns.some((p) => globToRegExp(p).test(n));
    for (const e of this.db) {
      if (!match(e.name)) continue;
      const field = (k: string) => e.lines.find((l) => l.startsWith(`${k}:`))?.slice(2) ?? '';
      rows.set(e.name, `${e.name}-${e.version} ${field('A')} {${field('o') || e.name}} (${field('L')}) [installed]`);
    }
    if (!o.installed) {
      for (const p of this.index.packages.values()) {
        if (rows.has(p.name) || !match(p.name) || !this.available(p.name)) continue;
        rows.set(p.name, `${p.name}-${p.version} ${p.arch} {${p.origin}} (${p.license})`);
      }
    }
    this.ctx.out([...rows.keys()].sort().map((k) => `${rows.get(k)}\n`).join(''));
    return 0;
  }

  *search(patterns: readonly string[], _o: Options): ProgramGenerator {
    const names = new Set<string>();
    for (const p of this.index.packages.values()) if (this.available(p.name)) names.add(p.name);
    for (const e of this.db) names.add(e.name);
    const out: string[] = [];
    for (const n of [...names].sort()) {
      if (patterns.length && !patterns.some((p) => globToRegExp(p.includes('*') ? p : `*${p}*`).test(n))) continue;
      const e = this.installed(n);
      out.push(this.quiet ? `${n}\n` : `${n}-${e?.version ?? this.index.packages.get(n)!.version}\n`);
    }
    this.ctx.out(out.join(''));
    return 0;
  }

  /** What the scripts do to the filesystem: bash registers itself in /etc/shells (aports `main/bash`). */
  runScript(name: string, script: string): void {
    if (name !== 'bash') return;
    const shells = readText(this.fs, '/etc/shells') ?? '';
    const lines = shells.split('\n').filter((l) => l && l !== '/bin/bash');
    if (script === 'post-install') lines.push('/bin/bash');
    const text = `${lines.join('\n')}\n`;
    if (text !== shells) this.fs.writeFile('/etc/shells', text, this.ctx.now);
  }

  /** Whether installed `from` needs `name`, directly or through its dependencies. */
  requires(from: string, name: string, seen = new Set<string>()): boolean {
    if (seen.has(from)) return false;
    seen.add(from);
    const deps = this.installed(from)?.lines.find((l) => l.startsWith('D:'))?.slice(2).split(' ') ?? [];
    return deps.includes(name) || deps.some((d) => this.requires(d, name, seen));
  }

  /** `.build-deps` gets a version from the date: 20260112.090000. */
  virtualVersion(): string {
    const d = wallDate(this.ctx);
    return `${d.getUTCFullYear()}${pad2(d.getUTCMonth() + 1)}${pad2(d.getUTCDate())}.${pad2(d.getUTCHours())}${pad2(d.getUTCMinutes())}${pad2(d.getUTCSeconds())}`;
  }

  runTriggers(busybox: boolean, caCertificates: boolean): void {
    const bb = this.installed('busybox');
    if (busybox && bb) this.msg(`Executing busybox-${bb.version}.trigger\n`);
    const ca = this.installed('ca-certificates');
    if (caCertificates && ca) this.msg(`Executing ca-certificates-${ca.version}.trigger\n`);
  }

  /** Writes the world and the database, and reports what is installed now. */
  commit(world: readonly string[]): void {
    const now = this.ctx.now;
    this.fs.writeFile(WORLD, [...new Set(world)].sort().map((w) => `${w}\n`).join(''), now);
    this.fs.writeFile(DB, dbText(this.db), now);
    const bytes = this.db.reduce((n, e) => n + e.installedSize, 0);
    this.msg(`OK: ${Math.floor(bytes / MiB)} MiB in ${this.db.length} packages\n`);
  }
}


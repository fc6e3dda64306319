/**
 * dpkg (1.21, Debian 12; 1.22 on Ubuntu 24.04): the package database apt-get drives —
 * /var/lib/dpkg/status (one stanza per package, sorted by name), /var/lib/dpkg/info/NAME.list
 * (the files a package owns) — and the query side of the CLI: `dpkg -l`, `-L`, `-s`, `-S`,
 * `--print-architecture`, `dpkg-query -W`. Installing .deb files by hand is not simulated.
 */
import type { CatalogPackage } from '../catalog/packages.ts';
import { globToRegExp } from '../cli/shell/expand.ts';
import type { Filesystem } from '../fs/filesystem.ts';
import type { ProcessContext } from '../kernel/context.ts';
import type { ProgramGenerator } from '../kernel/process.ts';
import { readText, stableHex } from './packaging.ts';

export const STATUS = '/var/lib/dpkg/status';
const INFO = '/var/lib/dpkg/info';

/** One stanza of /var/lib/dpkg/status: its fields in file order. */
export interface Stanza {
  readonly name: string;
  readonly fields: ReadonlyMap<string, string>;
}

export function parseStatus(text: string): Stanza[] {
  const out: Stanza[] = [];
  for (const block of text.split(/\n\n+/)) {
    const fields = new Map<string, string>();
    let last = '';
    for (const line of block.split('\n')) {
      if (!line) continue;
      if (/^\s/.test(line) && last) fields.set(last, `${fields.get(last)}\n${line}`);
      else {
        const i = line.indexOf(':');
        if (i < 0) continue;
        last = line.slice(0, i);
        fields.set(last, line.slice(i + 1).trim());
      }
    }
    const name = fields.get('Package');
    if (name) out.push({ name, fields });
  }
  return out;
}

export function statusText(stanzas: readonly Stanza[]): string {
  return [...stanzas]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((s) => `${[...s.fields].map(([k, v]) => `${k}: ${v}`).join('\n')}\n`)
    .join('\n');
}

export function readStatus(fs: Filesystem): Stanza[] {
  return parseStatus(readText(fs, STATUS) ?? '');
}

export function isInstalled(s: Stanza): boolean {
  return s.fields.get('Status') === 'install ok installed';
}

/** Libraries are `Multi-Arch: same`: dpkg names them `libcurl4:amd64` in its messages and files. */
export function multiArchSame(p: CatalogPackage): boolean {
  return p.arch !== 'all' && p.name.startsWith('lib') && !p.name.endsWith('-perl');
}

/** `libcurl4:amd64` or `curl`, as dpkg prints a package. */
export function dpkgName(p: CatalogPackage): string {
  return multiArchSame(p) ? `${p.name}:${p.arch}` : p.name;
}

export function listFile(p: CatalogPackage): string {
  return `${INFO}/${dpkgName(p)}.list`;
}

/** The status stanza dpkg writes once a package is configured. */
export function stanzaFor(p: CatalogPackage): Stanza {
  const f = new Map<string, string>([
    ['Package', p.name], ['Status', 'install ok installed'], ['Priority', p.priority], ['Section', p.license],
    ['Installed-Size', String(Math.round(p.installedSize / 1024))], ['Maintainer', p.maintainer], ['Architecture', p.arch],
  ]);
  if (multiArchSame(p)) f.set('Multi-Arch', 'same');
  f.set('Version', p.version);
  if (p.depends.length) f.set('Depends', p.depends.join(', '));
  if (p.recommends.length) f.set('Recommends', p.recommends.join(', '));
  f.set('Description', p.description);
  return { name: p.name, fields: f };
}

/** Writes NAME.list and NAME.md5sums for an unpacked package (dpkg `src/main/archives.c`). */
export function writeInfo(fs: Filesystem, p: CatalogPackage, paths: readonly string[], now: number): void {
  const dirs = new Set<string>();
  for (const path of paths) {
    let d = path.slice(0, path.lastIndexOf('/'));
    while (d) {
      dirs.add(d);
      d = d.slice(0, d.lastIndexOf('/'));
    }
  }
  // In the order of the .deb's tar: directories and files depth-first, symlinks at the end.
  const isLink = (x: string) => {
    const n = fs.lookup(x, true);
    return typeof n !== 'string' && n.type === 'symlink';
  };
  const entries = [...new Set([...dirs, ...paths])].sort();
  const list = ['/.', ...entries.filter((x) => !isLink(x)), ...entries.filter(isLink)];
  fs.writeFile(listFile(p), `${list.join('\n')}\n`, now, { parents: true });
  const sums = paths.filter((x) => {
    const n = fs.lookup(x, true);
    return typeof n !== 'string' && n.type === 'file';
  });
  fs.writeFile(`${INFO}/${dpkgName(p)}.md5sums`, sums.map((x) => `${stableHex(`${p.name}${x}`, 32)}  ${x.slice(1)}\n`).join(''), now);
}

/** The paths a package owns, from its .list (without `/.`). */
export function ownedPaths(fs: Filesystem, name: string): string[] | null {
  for (const file of [`${INFO}/${name}.list`, `${INFO}/${name}:amd64.list`]) {
    const text = readText(fs, file);
    if (text !== null) return text.split('\n').filter((l) => l && l !== '/.');
  }
  return null;
}

export function removeInfo(fs: Filesystem, name: string): void {
  for (const stem of [name, `${name}:amd64`]) for (const ext of ['list', 'md5sums']) fs.remove(`${INFO}/${stem}.${ext}`);
}

/** "files and directories currently installed": the base image's count plus what the .list files add. */
export function databaseCount(fs: Filesystem, base: number): number {
  let n = base;
  const entries = fs.list(INFO);
  if (typeof entries === 'string') return n;
  for (const [name] of entries) {
    if (!name.endsWith('.list')) continue;
    n += (readText(fs, `${INFO}/${name}`) ?? '').split('\n').filter((l) => l && l !== '/.').length;
  }
  return n;
}

// ── the CLI ─────────────────────────────────────────────────────────────────────────────────

const DPKG_VERSION: Record<string, string> = { bookworm: '1.21.22', noble: '1.22.6ubuntu6.1', jammy: '1.21.1ubuntu2.3' };

function dpkgVersion(fs: Filesystem): string {
  const v = readStatus(fs).find((s) => s.name === 'dpkg')?.fields.get('Version');
  return v ?? DPKG_VERSION.bookworm;
}

function pkgLabel(s: Stanza): string {
  return s.fields.get('Multi-Arch') === 'same' ? `${s.name}:${s.fields.get('Architecture')}` : s.name;
}

/** `dpkg -l` (dpkg-query `src/query/main.c` list1): columns widen to fit when not truncated. */
function list(ctx: ProcessContext, patterns: readonly string[]): number {
  const all = readStatus(ctx.fs);
  let rows = all;
  if (patterns.length) {
    rows = [];
    let status = 0;
    for (const p of patterns) {
      const re = globToRegExp(p);
      const hit = all.filter((s) => re.test(s.name) || re.test(pkgLabel(s)));
      if (hit.length === 0) {
        ctx.err(`dpkg-query: no packages found matching ${p}\n`);
        status = 1;
      }
      rows.push(...hit.filter((h) => !rows.includes(h)));
    }
    if (rows.length === 0) return status;
  }
  rows = [...rows].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const desc = (s: Stanza) => (s.fields.get('Description') ?? '').split('\n')[0];
  const width = (f: (s: Stanza) => string, min: number) => Math.max(min, ...rows.map((s) => f(s).length));
  let nw = width(pkgLabel, 14);
  let vw = width((s) => s.fields.get('Version') ?? '', 12);
  let aw = width((s) => s.fields.get('Architecture') ?? '', 12);
  // On a terminal the columns share its width (dpkg-query `list_format_init`) and cut what does not fit.
  const extra = ctx.isatty(1) ? Math.max(0, (ctx.kernel.machine.terminalWidth?.() ?? 80) - 80) >> 2 : 0;
  const tty = ctx.isatty(1);
  const [nwT, vwT, awT, dwT] = [14 + extra, 12 + extra, 12, 33 + 2 * extra];
  const dw = tty ? dwT : width(desc, 33);
  const pad = (s: string, w: number) => s.slice(0, w).padEnd(w);
  if (tty) [nw, vw, aw] = [nwT, vwT, awT];
  let out = 'Desired=Unknown/Install/Remove/Purge/Hold\n| Status=Not/Inst/Conf-files/Unpacked/halF-conf/Half-inst/trig-aWait/Trig-pend\n|/ Err?=(none)/Reinst-required (Status,Err: uppercase=bad)\n';
  out += `||/ ${pad('Name', nw)} ${pad('Version', vw)} ${pad('Architecture', aw)} Description\n`;
  out += `+++-${'='.repeat(nw)}-${'='.repeat(vw)}-${'='.repeat(aw)}-${'='.repeat(dw)}\n`;
  for (const s of rows) {
    const st = s.fields.get('Status') ?? '';
    const code = st === 'install ok installed' ? 'ii' : st.startsWith('deinstall ok config-files') ? 'rc' : 'un';
    out += `${code}  ${pad(pkgLabel(s), nw)} ${pad(s.fields.get('Version') ?? '', vw)} ${pad(s.fields.get('Architecture') ?? '', aw)} ${desc(s).slice(0, dw)}\n`;
  }
  ctx.out(out);
  return 0;
}

function notInstalled(ctx: ProcessContext, name: string, hint: string): void {
  ctx.err(`dpkg-query: package '${name}' is not installed${hint === 'info' ? ' and no information is available' : ''}\n${hint === 'info' ? 'Use dpkg --info (= dpkg-deb --info) to examine archive files.' : 'Use dpkg --contents (= dpkg-deb --contents) to list archive files contents.'}\n`);
}

function find(ctx: ProcessContext, name: string): Stanza | undefined {
  const base = name.replace(/:amd64$/, '');
  return readStatus(ctx.fs).find((s) => s.name === base && isInstalled(s));
}

const NEED_ACTION = `dpkg: error: need an action option

Type dpkg --help for help about installing and deinstalling packages [*];
Use 'apt' or 'aptitude' for user-friendly package management;
Type dpkg -Dhelp for a list of dpkg debug flag values;
Type dpkg --force-help for a list of forcing options;
Type dpkg-deb --help for help about manipulating *.deb files;

Options marked [*] produce a lot of output - pipe it through 'less' or 'more' !
`;

export function* dpkg(ctx: ProcessContext): ProgramGenerator {
  ctx.rss(4 * 1024 * 1024);
  const [action, ...rest] = ctx.argv.slice(1);
  const fs = ctx.fs;
  switch (action) {
    case undefined:
      ctx.err(NEED_ACTION);
      return 2;
    case '--print-architecture':
      ctx.out('amd64\n');
      return 0;
    case '--version':
      ctx.out(`Debian 'dpkg' package management program version ${dpkgVersion(fs).replace(/ubuntu.*$/, '')} (amd64).\nThis is free software; see the GNU General Public License version 2 or\nlater for copying conditions. There is NO warranty.\n`);
      return 0;
    case '-l': case '--list':
      return list(ctx, rest);
    case '-s': case '--status': {
      if (rest.length === 0) {
        ctx.err('dpkg-query: error: --status needs at least one package name argument\n\nUse --help for help about querying packages.\n');
        return 2;
      }
      let status = 0;
      const blocks: string[] = [];
      for (const n of rest) {
        const s = find(ctx, n);
        if (!s) {
          notInstalled(ctx, n, 'info');
          status = 1;
          continue;
        }
        blocks.push(`${[...s.fields].map(([k, v]) => `${k}: ${v}`).join('\n')}\n`);
      }
      ctx.out(blocks.join('\n'));
      return status;
    }
    case '-L': case '--listfiles': {
      let status = 0;
      for (const n of rest) {
        const s = find(ctx, n);
        if (!s) {
          notInstalled(ctx, n, 'contents');
          status = 1;
          continue;
        }
        const paths = ownedPaths(fs, n.replace(/:amd64$/, ''));
        if (!paths || paths.length === 0) ctx.out(`Package '${n}' does not contain any files (!)\n`);
        else ctx.out(`/.\n${paths.join('\n')}\n`);
      }
      return status;
    }
    case '-S': case '--search': {
      let status = 0;
      const installed = readStatus(fs).filter(isInstalled);
      for (const pattern of rest) {
        const re = globToRegExp(pattern.includes('*') || pattern.startsWith('/') ? pattern : `*${pattern}*`);
        const hits: string[] = [];
        for (const s of installed) for (const p of ownedPaths(fs, s.name) ?? []) if (re.test(p)) hits.push(`${pkgLabel(s)}: ${p}`);
        if (hits.length === 0) {
          ctx.err(`dpkg-query: no path found matching pattern ${pattern}\n`);
          status = 1;
        } else ctx.out(`${hits.join('\n')}\n`);
      }
      return status;
    }
    default:
      if (action === '-i' || action === '--install' || action === '-r' || action === '--remove' || action === '-P' || action === '--purge' || action === '--configure') {
        ctx.err(`${ctx.proc.comm}: installing .deb files by hand is not simulated in this playground yet; use apt-get\n`);
        return 1;
      }
      ctx.err(`dpkg: error: unknown option ${action}\n\nType dpkg --help for help about installing and deinstalling packages [*];\nUse 'apt' or 'aptitude' for user-friendly package management;\nType dpkg -Dhelp for a list of dpkg debug flag values;\nType dpkg --force-help for a list of forcing options;\nType dpkg-deb --help for help about manipulating *.deb files;\n\nOptions marked [*] produce a lot of output - pipe it through 'less' or 'more' !\n`);
      return 2;
  }
}

/** dpkg-query: `-W [-f=FORMAT] [PATTERN…]`, plus the `-l`/`-L`/`-s` shared with dpkg. */
export function* dpkgQuery(ctx: ProcessContext): ProgramGenerator {
  const args = ctx.argv.slice(1);
  if (args[0] === '-W' || args[0] === '--show') {
    let format = '${binary:Package}\t${Version}\n';
    const pats: string[] = [];
    for (let i = 1; i < args.length; i++) {
      const a = args[i];
      if (a.startsWith('-f=') || a.startsWith('--showformat=')) format = a.slice(a.indexOf('=') + 1);
      else if (a === '-f') format = args[++i] ?? format;
      else pats.push(a);
    }
    const rows = readStatus(ctx.fs).filter(isInstalled).filter((s) => pats.length === 0 || pats.some((p) => globToRegExp(p).test(s.name)));
    const expand = (s: Stanza) =>
      format.replace(/\\n/g, '\n').replace(/\\t/g, '\t').replace(/\$\{([^}:]+(?::[^}]+)?)\}/g, (_, k: string) => (k === 'binary:Package' ? pkgLabel(s) : k === 'Package' ? s.name : (s.fields.get(k) ?? '')));
    ctx.out(rows.map(expand).join(''));
    if (rows.length === 0 && pats.length) {
      ctx.err(`dpkg-query: no packages found matching ${pats.join(' ')}\n`);
      return 1;
    }
    return 0;
  }
  return yield* dpkg(ctx);
}

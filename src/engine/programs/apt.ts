/**
 * apt-get and apt (APT 2.6 on Debian 12, 2.7 on Ubuntu 24.04, 2.4 on 22.04): `update`,
 * `install`, `remove`/`purge`, `autoremove`, `clean`, plus apt's `list` and `search`. Lifecycle
 * of `apt-get install`, after apt `apt-private/private-install.cc` and `apt-pkg/deb/dpkgpm.cc`:
 *
 *   1. read the package lists /var/lib/apt/lists/* written by `apt-get update` (a fresh image
 *      has none: `E: Unable to locate package curl`, exit 100 — forgetting `apt-get update`
 *      in a Dockerfile is a classic), the dpkg status and the auto-installed marks;
 *   2. resolve Depends (and Recommends, unless --no-install-recommends), list what will be
 *      installed, and ask `Do you want to continue? [Y/n]` when more than what was named
 *      would change — without a terminal the answer is EOF, and apt says `Abort.`;
 *   3. download the .debs (`Get:N …`), then hand them to dpkg: unpack each (in apt's order:
 *      priority, then name, dependencies first), then configure them all (`Setting up`, in
 *      dpkg's own hash order), then run the triggers (`Processing triggers for libc-bin`).
 *
 * Output follows APT's non-interactive form (no progress bars; `... Done` only on a terminal),
 * sizes and times are apt's `SizeToStr`/`TimeToStr`. The debian image's
 * /etc/apt/apt.conf.d/docker-clean deletes downloaded .debs after each run; without it they
 * stay in /var/cache/apt/archives until `apt-get clean`.
 */
import type { CatalogPackage } from '../catalog/packages.ts';
import { DEB_INDEX_SIZES, type DebRelease } from '../archives/debian.ts';
import type { Filesystem } from '../fs/filesystem.ts';
import type { ProcessContext } from '../kernel/context.ts';
import type { ProgramGenerator, Wait } from '../kernel/process.ts';
import { databaseCount, dpkgName, isInstalled, ownedPaths, readStatus, removeInfo, stanzaFor, STATUS, statusText, writeInfo, type Stanza } from './dpkg.ts';
import { busy, detectDistro, dpkgPathFilter, installFiles, readText, removeFiles, transfer, UNPACK_RATE } from './packaging.ts';
import { APT_GET_HELP, APT_HELP, byName, configureOrder, debFile, showList, sizeToStr, timeToStr, unpackOrder } from './apt-output.ts';
import { archiveLabel, inReleaseFile, LISTS, packagesFile, readSources, type Source } from './apt-sources.ts';
import { MiB, pad2, wallDate } from './util.ts';

/** deb.debian.org / archive.ubuntu.com as seen from a container, bytes per virtual second. */
const MIRROR_BANDWIDTH = 1_500_000;
/** Uncompressed Packages files are about this much larger than the .xz apt downloads. */
const PACKAGES_RATIO = 5.3;
const ARCHIVES = '/var/cache/apt/archives';
const EXTENDED = '/var/lib/apt/extended_states';
/** "files and directories currently installed" in each base image before anything is added. */
const BASE_DB_COUNT: Record<DebRelease, number> = { bookworm: 6096, noble: 4381, jammy: 4395 };
/** `@INC` of the base image's perl, in debconf's complaint about Term::ReadLine. */
const PERL_INC: Record<DebRelease, [string, string, number]> = {
  bookworm: ['5.36.0', '5.36', 7],
  noble: ['5.38.2', '5.38', 8],
  jammy: ['5.34.0', '5.34', 7],
};

// ── the program ──────────────────────────────────────────────────────────────────────────────

interface Options {
  yes: boolean;
  quiet: number;
  recommends: boolean;
  purge: boolean;
  installed: boolean;
}

export const aptGet = (ctx: ProcessContext) => aptMain(ctx, 'apt-get');
export const apt = (ctx: ProcessContext) => aptMain(ctx, 'apt');

function* aptMain(ctx: ProcessContext, tool: 'apt-get' | 'apt'): ProgramGenerator {
  ctx.rss(12 * MiB);
  const o: Options = { yes: false, quiet: ctx.isatty(1) ? 0 : 1, recommends: true, purge: false, installed: false };
  const words: string[] = [];
  const argv = ctx.argv.slice(1);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const flag = a.split('=')[0];
      switch (flag) {
        case '--yes': case '--assume-yes': case '--force-yes': o.yes = true; break;
        case '--quiet': o.quiet++; break;
        case '--no-install-recommends': o.recommends = false; break;
        case '--install-recommends': o.recommends = true; break;
        case '--purge': o.purge = true; break;
        case '--installed': o.installed = true; break;
        case '--help': words.unshift('help'); break;
        case '--version': words.unshift('version'); break;
        case '--option': i++; break;
        case '--no-install-suggests': case '--fix-missing': case '--fix-broken': case '--no-upgrade': case '--allow-unauthenticated': case '--allow-downgrades': case '--reinstall': case '--auto-remove': case '--autoremove': case '--upgradable': break;
        default:
          ctx.err(`E: Command line option ${a} is not understood in combination with the other options\n`);
          return 100;
      }
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let k = 1; k < a.length; k++) {
        const c = a[k];
        if (c === 'y') o.yes = true;
        else if (c === 'q') o.quiet++;
        else if (c === 'f' || c === 'm' || c === 'u' || c === 'V') continue;
        else if (c === 'h') words.unshift('help');
        else if (c === 'v') words.unshift('version');
        else if (c === 'o') {
          if (k === a.length - 1) i++;
          break;
        } else {
          ctx.err(`E: Command line option '${c}' [from ${a}] is not known.\n`);
          return 100;
        }
      }
      continue;
    }
    words.push(a);
  }
  const fs = ctx.fs;
  const distro = detectDistro(fs);
  const aptVersion = (readStatus(fs).find((s) => s.name === 'apt')?.fields.get('Version') ?? '2.6.1').replace(/build\d+$/, '');
  const [command, ...names] = words;
  if (command === 'version') {
    ctx.out(`apt ${aptVersion} (amd64)\n`);
    return 0;
  }
  if (command === undefined || command === 'help') {
    ctx.out((tool === 'apt' ? APT_HELP : APT_GET_HELP)(aptVersion));
    return command === undefined ? 1 : 0;
  }
  if (tool === 'apt' && !ctx.isatty(1)) ctx.err('\nWARNING: apt does not have a stable CLI interface. Use with caution in scripts.\n\n');
  if (!distro || distro.family !== 'deb') {
    ctx.err('E: Could not open lock file /var/lib/dpkg/lock-frontend - open (2: No such file or directory)\n');
    return 100;
  }
  const state = new AptState(ctx, fs, distro.release, o, tool);
  switch (command) {
    case 'update': return yield* state.update();
    case 'install': return yield* state.install(names);
    case 'remove': return yield* state.remove(names, o.purge);
    case 'purge': return yield* state.remove(names, true);
    case 'autoremove': case 'autopurge': return yield* state.autoremove(command === 'autopurge' || o.purge);
    case 'clean': case 'autoclean': return state.clean();
    case 'list': if (tool === 'apt') return state.list(names); break;
    case 'search': if (tool === 'apt') return state.search(names); break;
    case 'upgrade': case 'dist-upgrade': case 'full-upgrade':
      yield* state.header();
      if (tool === 'apt' || command !== 'upgrade') ctx.out('Calculating upgrade...' + (state.done ? ' Done' : '') + '\n');
      ctx.out('0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n');
      return 0;
  }
  ctx.err(`E: Invalid operation ${command}\n`);
  return 100;
}

/** One run of apt over a root filesystem: its sources, lists, dpkg status and auto marks. */
class AptState {
  readonly index;
  readonly sources: Source[];
  status: Stanza[];
  readonly auto: Set<string>;
  /** `... Done` is printed only when a terminal shows progress (quiet 0). */
  readonly done: boolean;
  readonly screenWidth: number;

  constructor(
    readonly ctx: ProcessContext,
    readonly fs: Filesystem,
    readonly release: DebRelease,
    readonly o: Options,
    readonly tool: 'apt-get' | 'apt',
  ) {
    this.index = detectDistro(fs)!.index;
    this.sources = readSources(fs);
    this.status = readStatus(fs);
    this.auto = new Set(parseAuto(readText(fs, EXTENDED) ?? ''));
    this.done = o.quiet === 0 && ctx.isatty(1);
    this.screenWidth = ctx.isatty(1) ? (ctx.kernel.machine.terminalWidth?.() ?? 80) - 1 : 79;
  }

  say(text: string): void {
    if (this.o.quiet < 2) this.ctx.out(text);
  }

  installedStanza(name: string): Stanza | undefined {
    return this.status.find((s) => s.name === name && isInstalled(s));
  }

  /** Installed, or part of every real base image. */
  present(name: string): boolean {
    return this.installedStanza(name) !== undefined || this.index.baseSystem.has(name);
  }

  /** Where a package can be downloaded from, if the lists know it. */
  sourceOf(p: CatalogPackage): Source | undefined {
    const [suite, component] = p.repo.split('/');
    return this.sources.find((s) => s.suite === suite && s.components.includes(component) && this.fs.exists(packagesFile(s, component)));
  }

  *header(): Generator<Wait, void, unknown> {
    const d = this.done ? ' Done' : '';
    this.say(`Reading package lists...${d}\n`);
    yield* busy(this.ctx, this.listsPresent() ? 350 : 40);
    this.say(`Building dependency tree...${d}\n`);
    this.ctx.rss(38 * MiB);
    yield* busy(this.ctx, 120);
    this.say(`Reading state information...${d}\n`);
  }

  listsPresent(): boolean {
    return this.sources.some((s) => s.components.some((c) => this.fs.exists(packagesFile(s, c))));
  }

  *update(): ProgramGenerator {
    const ctx = this.ctx;
    const sizes = DEB_INDEX_SIZES[this.release];
    const start = ctx.now;
    let n = 0;
    let fetched = 0;
    const refresh: Source[] = [];
    ctx.cpu(0.05);
    for (const s of this.sources) {
      const size = sizes.inRelease[s.suite];
      if (size === undefined) continue;
      n++;
      if (this.fs.exists(inReleaseFile(s))) {
        this.say(`Hit:${n} ${s.uri} ${s.suite} InRelease\n`);
        yield transfer(ctx, 0, MIRROR_BANDWIDTH, 60);
        continue;
      }
      this.say(`Get:${n} ${s.uri} ${s.suite} InRelease [${sizeToStr(size)}]\n`);
      yield transfer(ctx, size, MIRROR_BANDWIDTH);
      this.fs.writeFile(inReleaseFile(s), '', ctx.now, { size, parents: true });
      fetched += size;
      refresh.push(s);
    }
    for (const s of refresh) {
      for (const c of s.components) {
        const size = sizes.packages[`${s.suite}/${c}`];
        if (size === undefined) continue;
        n++;
        this.say(`Get:${n} ${s.uri} ${s.suite}/${c} amd64 Packages [${sizeToStr(size)}]\n`);
        yield transfer(ctx, size, MIRROR_BANDWIDTH);
        this.fs.writeFile(packagesFile(s, c), '', ctx.now, { size: Math.round(size * PACKAGES_RATIO) });
        fetched += size;
      }
    }
    if (!this.fs.exists(`${LISTS}/lock`)) this.fs.writeFile(`${LISTS}/lock`, '', ctx.now, { mode: 0o640, parents: true });
    this.fetchedLine(fetched, ctx.now - start);
    this.say(`Reading package lists...${this.done ? ' Done' : ''}\n`);
    yield* busy(ctx, 250 + fetched / 40_000);
    if (fetched > 0 && !this.fs.exists('/etc/apt/apt.conf.d/docker-clean')) {
      this.fs.writeFile('/var/cache/apt/pkgcache.bin', '', ctx.now, { size: 31_244_288, parents: true });
      this.fs.writeFile('/var/cache/apt/srcpkgcache.bin', '', ctx.now, { size: 31_133_696 });
    }
    if (this.tool === 'apt') {
      this.say(`Building dependency tree...${this.done ? ' Done' : ''}\nReading state information...${this.done ? ' Done' : ''}\nAll packages are up to date.\n`);
    }
    return 0;
  }

  fetchedLine(bytes: number, elapsedMs: number): void {
    if (bytes <= 0) return;
    const sec = elapsedMs / 1000;
    const rate = sec < 0.01 ? 0 : bytes / sec;
    this.say(`Fetched ${sizeToStr(bytes)} in ${timeToStr(Math.floor(sec))} (${sizeToStr(rate)}/s)\n`);
  }

  *install(names: readonly string[]): ProgramGenerator {
    const ctx = this.ctx;
    yield* this.header();
    const roots: CatalogPackage[] = [];
    const missing: string[] = [];
    const already: string[] = [];
    for (const raw of names) {
      const name = raw.replace(/:amd64$/, '').replace(/=.*$/, '');
      if (this.installedStanza(name)) already.push(name);
      else {
        const p = this.index.packages.get(name);
        if (p && this.sourceOf(p)) roots.push(p);
        else missing.push(name);
      }
    }
    if (missing.length) {
      ctx.err(missing.map((m) => `E: Unable to locate package ${m}\n`).join(''));
      return 100;
    }
    for (const name of already) {
      this.say(`${name} is already the newest version (${this.installedStanza(name)!.fields.get('Version')}).\n`);
      if (this.auto.delete(name)) this.say(`${name} set to manually installed.\n`);
    }
    const plan = this.closure(roots.map((p) => p.name));
    const unavailable = plan.find((p) => !this.sourceOf(p));
    if (unavailable) {
      ctx.err(`E: Unable to correct problems, you have held broken packages.\n`);
      return 100;
    }
    const requested = new Set(roots.map((p) => p.name));
    const extra = plan.filter((p) => !requested.has(p.name));
    const planned = new Set(plan.map((p) => p.name));
    let out = showList('The following additional packages will be installed:', extra.map((p) => p.name).sort(), this.screenWidth);
    if (!this.o.recommends) {
      const rec = new Set<string>();
      for (const p of plan) for (const r of p.recommends) if (!planned.has(r) && !this.present(r)) rec.add(r);
      out += showList('Recommended packages:', [...rec].sort(), this.screenWidth);
    }
    out += showList('The following NEW packages will be installed:', plan.map((p) => p.name).sort(), this.screenWidth);
    out += `0 upgraded, ${plan.length} newly installed, 0 to remove and 0 not upgraded.\n`;
    if (plan.length === 0) {
      this.say(out);
      this.saveAuto();
      return 0;
    }
    const download = plan.reduce((n, p) => n + p.downloadSize, 0);
    const disk = plan.reduce((n, p) => n + p.installedSize, 0);
    out += `Need to get ${sizeToStr(download)} of archives.\nAfter this operation, ${sizeToStr(disk)} of additional disk space will be used.\n`;
    this.say(out);
    if (extra.length > 0 && !(yield* this.confirm())) return 1;
    // Download, in apt's unpack order.
    const order = unpackOrder(plan);
    const start = ctx.now;
    ctx.cpu(0.05);
    for (const [i, p] of order.entries()) {
      this.say(`Get:${i + 1} ${this.sourceOf(p)!.uri} ${p.repo} amd64 ${p.name} ${p.arch} ${p.version} [${sizeToStr(p.downloadSize)}]\n`);
      yield transfer(ctx, p.downloadSize, MIRROR_BANDWIDTH, i === 0 ? 150 : 20);
    }
    const keepDebs = !this.fs.exists('/etc/apt/apt.conf.d/docker-clean');
    if (keepDebs) for (const p of order) this.fs.writeFile(`${ARCHIVES}/${debFile(p)}`, '', ctx.now, { size: p.downloadSize, parents: true });
    this.fetchedLine(download, ctx.now - start);
    ctx.err('debconf: delaying package configuration, since apt-utils is not installed\n');
    yield* this.dpkgInstall(order);
    for (const p of extra) this.auto.add(p.name);
    for (const p of roots) this.auto.delete(p.name);
    this.saveAuto();
    this.log('Install', order);
    return 0;
  }

  /** Depends (and Recommends) of the roots that are not installed yet. */
  closure(roots: readonly string[]): CatalogPackage[] {
    const out: CatalogPackage[] = [];
    const seen = new Set<string>();
    const visit = (name: string, hard: boolean) => {
      if (seen.has(name) || this.present(name)) return;
      const p = this.index.packages.get(name);
      if (!p) return;
      if (!hard && !this.sourceOf(p)) return;
      seen.add(name);
      for (const d of p.depends) visit(d, true);
      out.push(p);
      if (this.o.recommends) for (const r of p.recommends) visit(r, false);
    };
    for (const r of roots) visit(r, true);
    return out;
  }

  /** `Do you want to continue? [Y/n]` — EOF (no terminal) or "n" aborts. */
  *confirm(): Generator<Wait, boolean, unknown> {
    if (this.o.yes) return true;
    this.ctx.out('Do you want to continue? [Y/n] ');
    const line = yield this.ctx.read(0, { line: true });
    if (typeof line !== 'string' || /^\s*[nN]/.test(line)) {
      this.ctx.out('Abort.\n');
      return false;
    }
    return true;
  }

  /** dpkg --unpack (in order), dpkg --configure --pending (in dpkg's order), then triggers. */
  *dpkgInstall(order: readonly CatalogPackage[]): Generator<Wait, void, unknown> {
    const ctx = this.ctx;
    const fs = this.fs;
    ctx.rss(24 * MiB);
    const keep = dpkgPathFilter(fs);
    const digits = String(order.length - 1).length;
    const numbered = order.length > 5;
    order.forEach((p, i) => {
      ctx.out(`Selecting previously unselected package ${dpkgName(p)}.\n`);
      if (i === 0) ctx.out(`(Reading database ... ${databaseCount(fs, BASE_DB_COUNT[this.release])} files and directories currently installed.)\n`);
      ctx.out(`Preparing to unpack .../${numbered ? `${String(i).padStart(digits, '0')}-` : ''}${debFile(p)} ...\n`);
      ctx.out(`Unpacking ${dpkgName(p)} (${p.version}) ...\n`);
      const paths = installFiles(fs, p.files, keep);
      writeInfo(fs, p, paths, ctx.now);
      const s = stanzaFor(p);
      this.status.push({ name: s.name, fields: new Map([...s.fields].map(([k, v]) => [k, k === 'Status' ? 'install ok unpacked' : v])) });
    });
    yield* busy(ctx, order.reduce((n, p) => n + 15 + (p.installedSize / UNPACK_RATE) * 1000, 0));
    this.writeStatus();
    for (const p of configureOrder(order)) {
      ctx.out(`Setting up ${dpkgName(p)} (${p.version}) ...\n`);
      yield* this.postinst(p);
      this.status = this.status.filter((s) => s.name !== p.name).concat(stanzaFor(p));
    }
    yield* busy(ctx, 20 * order.length);
    this.writeStatus();
    if (order.some((p) => p.files.some((f) => /\.so(\.|$)/.test(f.path)))) ctx.out(`Processing triggers for libc-bin (${this.libcVersion()}) ...\n`);
    const ca = order.find((p) => p.name === 'ca-certificates');
    if (ca) ctx.out(`Processing triggers for ca-certificates (${ca.version}) ...\nUpdating certificates in /etc/ssl/certs...\n0 added, 0 removed; done.\nRunning hooks in /etc/ca-certificates/update.d...\ndone.\n`);
  }

  /** What a package's postinst prints (debconf falling back to a frontend, ca-certificates' count). */
  *postinst(p: CatalogPackage): Generator<Wait, void, unknown> {
    const ctx = this.ctx;
    const usesDebconf = p.name === 'ca-certificates' || p.name === 'tzdata';
    if (usesDebconf && ctx.env.get('DEBIAN_FRONTEND') !== 'noninteractive') {
      const [full, short, line] = PERL_INC[this.release];
      const termReadLine = this.fs.exists(`/usr/share/perl/${short}/Term/ReadLine.pm`);
      ctx.err('debconf: unable to initialize frontend: Dialog\n');
      ctx.err(ctx.env.has('TERM') ? 'debconf: (No usable dialog-like program is installed, so the dialog based frontend cannot be used. at /usr/share/perl5/Debconf/FrontEnd/Dialog.pm line 78.)\n' : 'debconf: (TERM is not set, so the dialog frontend is not usable.)\n');
      ctx.err('debconf: falling back to frontend: Readline\n');
      if (!termReadLine || !ctx.isatty(0)) {
        ctx.err('debconf: unable to initialize frontend: Readline\n');
        ctx.err(termReadLine ? 'debconf: (This frontend requires a controlling tty.)\n' : `debconf: (Can't locate Term/ReadLine.pm in @INC (you may need to install the Term::ReadLine module) (@INC contains: /etc/perl /usr/local/lib/x86_64-linux-gnu/perl/${full} /usr/local/share/perl/${full} /usr/lib/x86_64-linux-gnu/perl5/${short} /usr/share/perl5 /usr/lib/x86_64-linux-gnu/perl-base /usr/lib/x86_64-linux-gnu/perl/${short} /usr/share/perl/${short} /usr/local/lib/site_perl) at /usr/share/perl5/Debconf/FrontEnd/Readline.pm line ${line}.)\n`);
        ctx.err('debconf: falling back to frontend: Teletype\n');
      }
    }
    if (p.name === 'tzdata') {
      const d = wallDate(ctx);
      const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
      const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
      const stamp = `${days[d.getUTCDay()]} ${months[d.getUTCMonth()]} ${pad2(d.getUTCDate())} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
      ctx.out(`\nCurrent default time zone: 'Etc/UTC'\nLocal time is now:      ${stamp}.\nUniversal Time is now:  ${stamp}.\nRun 'dpkg-reconfigure tzdata' if you wish to change it.\n\n`);
    } else if (p.scriptOutput) {
      yield* busy(ctx, 300);
      ctx.out(p.scriptOutput);
    }
  }

  libcVersion(): string {
    return this.installedStanza('libc6')?.fields.get('Version') ?? '';
  }

  writeStatus(): void {
    const now = this.ctx.now;
    const old = readText(this.fs, STATUS);
    if (old !== null) this.fs.writeFile('/var/lib/dpkg/status-old', old, now);
    this.fs.writeFile(STATUS, statusText(this.status), now);
  }

  saveAuto(): void {
    const names = [...this.auto].filter((n) => this.installedStanza(n)).sort();
    if (names.length === 0 && !this.fs.exists(EXTENDED)) return;
    const arch = (n: string) => this.installedStanza(n)?.fields.get('Architecture') ?? 'amd64';
    this.fs.writeFile(EXTENDED, names.map((n) => `Package: ${n}\nArchitecture: ${arch(n)}\nAuto-Installed: 1\n`).join('\n'), this.ctx.now, { parents: true });
  }

  /** /var/log/apt/history.log and /var/log/dpkg.log, as a `docker diff` after an install shows. */
  log(action: string, pkgs: readonly CatalogPackage[]): void {
    const d = wallDate(this.ctx);
    const date = `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}  ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`;
    const entry = `\nStart-Date: ${date}\nCommandline: ${this.ctx.argv.join(' ')}\n${action}: ${pkgs.map((p) => `${p.name}:${p.arch === 'all' ? 'amd64' : p.arch} (${p.version}${this.auto.has(p.name) ? ', automatic' : ''})`).join(', ')}\nEnd-Date: ${date}\n`;
    this.fs.writeFile('/var/log/apt/history.log', entry, this.ctx.now, { append: true, parents: true });
    this.fs.writeFile('/var/log/apt/term.log', `\nLog started: ${date}\n`, this.ctx.now, { append: true });
    const stamp = date.replace('  ', ' ');
    this.fs.writeFile('/var/log/dpkg.log', pkgs.map((p) => `${stamp} ${action === 'Install' ? 'install' : 'remove'} ${dpkgName(p)} <none> ${p.version}\n`).join(''), this.ctx.now, { append: true, parents: true });
  }

  *remove(names: readonly string[], purge: boolean): ProgramGenerator {
    const ctx = this.ctx;
    yield* this.header();
    const targets: Stanza[] = [];
    for (const raw of names) {
      const name = raw.replace(/:amd64$/, '');
      const s = this.installedStanza(name);
      if (s) targets.push(s);
      else if (this.index.packages.has(name) || this.status.some((x) => x.name === name)) this.say(`Package '${name}' is not installed, so not removed\n`);
      else {
        ctx.err(`E: Unable to locate package ${name}\n`);
        return 100;
      }
    }
    // Installed packages that depend on a target go too.
    const removing = new Set(targets.map((t) => t.name));
    for (let changed = true; changed; ) {
      changed = false;
      for (const s of this.status) {
        if (!isInstalled(s) || removing.has(s.name)) continue;
        if (depsOf(s).some((d) => removing.has(d))) {
          removing.add(s.name);
          changed = true;
        }
      }
    }
    const unneeded = this.unneededAuto(removing);
    if (unneeded.length) {
      this.say(showList('The following packages were automatically installed and are no longer required:', unneeded.sort(), this.screenWidth));
      // apt ≥ 1.1 points to `apt autoremove` from apt-get too (`sudo apt autoremove` when not root).
      this.say(`Use 'apt autoremove' to remove ${unneeded.length === 1 ? 'it' : 'them'}.\n`);
    }
    return yield* this.removePackages([...removing], purge, removing.size > 0 && targets.length !== removing.size);
  }

  *autoremove(purge: boolean): ProgramGenerator {
    yield* this.header();
    return yield* this.removePackages(this.unneededAuto(new Set()), purge, true);
  }

  /** Auto-installed packages nothing manually installed needs any more (after `removing` goes). */
  unneededAuto(removing: ReadonlySet<string>): string[] {
    const needed = new Set<string>();
    const need = (name: string) => {
      if (needed.has(name)) return;
      needed.add(name);
      const s = this.installedStanza(name);
      if (s) for (const d of [...depsOf(s), ...recsOf(s)]) need(d);
    };
    for (const s of this.status) if (isInstalled(s) && !this.auto.has(s.name) && !removing.has(s.name)) need(s.name);
    return this.status.filter((s) => isInstalled(s) && this.auto.has(s.name) && !needed.has(s.name) && !removing.has(s.name)).map((s) => s.name);
  }

  *removePackages(names: readonly string[], purge: boolean, ask: boolean): ProgramGenerator {
    const ctx = this.ctx;
    const stanzas = names.map((n) => this.installedStanza(n)!).filter(Boolean).sort(byName);
    let out = showList('The following packages will be REMOVED:', stanzas.map((s) => `${s.name}${purge ? '*' : ''}`), this.screenWidth);
    out += `0 upgraded, 0 newly installed, ${stanzas.length} to remove and 0 not upgraded.\n`;
    if (stanzas.length === 0) {
      this.say(out);
      return 0;
    }
    const freed = stanzas.reduce((n, s) => n + Number(s.fields.get('Installed-Size') ?? 0) * 1024, 0);
    out += `After this operation, ${sizeToStr(freed)} disk space will be freed.\n`;
    this.say(out);
    // apt-get asks whenever something is removed (apt-private/private-install.cc: DelCount() != 0).
    void ask;
    if (!(yield* this.confirm())) return 1;
    ctx.out(`(Reading database ... ${databaseCount(this.fs, BASE_DB_COUNT[this.release])} files and directories currently installed.)\n`);
    // Dependents before their dependencies.
    const order: Stanza[] = [];
    const left = new Set(stanzas.map((s) => s.name));
    while (left.size) {
      const next = stanzas.find((s) => left.has(s.name) && !stanzas.some((o) => left.has(o.name) && o !== s && depsOf(o).includes(s.name)))
        ?? stanzas.find((s) => left.has(s.name))!;
      left.delete(next.name);
      order.push(next);
    }
    let libs = false;
    for (const s of order) {
      const label = s.fields.get('Multi-Arch') === 'same' ? `${s.name}:${s.fields.get('Architecture')}` : s.name;
      ctx.out(`Removing ${label} (${s.fields.get('Version')}) ...\n`);
      const paths = ownedPaths(this.fs, s.name) ?? [];
      if (paths.some((p) => /\.so(\.|$)/.test(p))) libs = true;
      removeFiles(this.fs, paths);
      removeInfo(this.fs, s.name);
      this.status = this.status.filter((x) => x.name !== s.name);
      this.auto.delete(s.name);
      yield* busy(ctx, 40);
    }
    if (purge) for (const s of order) if (s.name === 'ca-certificates' || s.name === 'openssl') ctx.out(`Purging configuration files for ${s.name} (${s.fields.get('Version')}) ...\n`);
    this.writeStatus();
    this.saveAuto();
    if (libs) ctx.out(`Processing triggers for libc-bin (${this.libcVersion()}) ...\n`);
    return 0;
  }

  clean(): number {
    for (const dir of [ARCHIVES, `${ARCHIVES}/partial`]) {
      const entries = this.fs.list(dir);
      if (typeof entries === 'string') continue;
      for (const [name, node] of entries) if (node.type === 'file' && name.endsWith('.deb')) this.fs.remove(`${dir}/${name}`);
    }
    for (const f of ['/var/cache/apt/pkgcache.bin', '/var/cache/apt/srcpkgcache.bin']) if (this.fs.exists(f)) this.fs.remove(f);
    return 0;
  }

  /** `apt list [--installed] [PATTERN]`. */
  list(patterns: readonly string[]): number {
    const re = patterns.map((p) => new RegExp(`^${p.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`));
    const match = (n: string) => re.length === 0 || re.some((r) => r.test(n));
    const rows: string[] = [];
    const seen = new Set<string>();
    for (const s of this.status) {
      if (!isInstalled(s) || !match(s.name)) continue;
      seen.add(s.name);
      const p = this.index.packages.get(s.name);
      const src = p && p.version === s.fields.get('Version') ? this.sourceOf(p) : undefined;
      const where = src ? `${archiveLabel(this.release, p!.repo.split('/')[0])},now` : 'now';
      const flags = src ? (this.auto.has(s.name) ? 'installed,automatic' : 'installed') : 'installed,local';
      rows.push(`${s.name}/${where} ${s.fields.get('Version')} ${s.fields.get('Architecture')} [${flags}]`);
    }
    if (!this.o.installed) {
      for (const p of this.index.packages.values()) {
        if (seen.has(p.name) || !match(p.name) || !this.sourceOf(p)) continue;
        rows.push(`${p.name}/${archiveLabel(this.release, p.repo.split('/')[0])} ${p.version} ${p.arch}`);
      }
    }
    this.ctx.out(`Listing...${this.done ? ' Done' : ''}\n${rows.sort().map((r) => `${r}\n`).join('')}`);
    return 0;
  }

  /** `apt search REGEX`: name or description. */
  search(patterns: readonly string[]): number {
    const re = patterns.map((p) => new RegExp(p, 'i'));
    const out: string[] = [];
    for (const p of [...this.index.packages.values()].sort(byName)) {
      if (!this.sourceOf(p) || !re.every((r) => r.test(p.name) || r.test(p.description))) continue;
      const inst = this.installedStanza(p.name);
      out.push(`${p.name}/${archiveLabel(this.release, p.repo.split('/')[0])} ${p.version} ${p.arch}${inst ? ' [installed]' : ''}\n  ${p.description}\n`);
    }
    const d = this.done ? ' Done' : '';
    this.ctx.out(`Sorting...${d}\nFull Text Search...${d}\n${out.join('\n')}`);
    return 0;
  }
}

function parseAuto(text: string): string[] {
  return text
    .split(/\n\n+/)
    .filter((b) => /^Auto-Installed:\s*1/m.test(b))
    .map((b) => /^Package:\s*(\S+)/m.exec(b)?.[1])
    .filter((n): n is string => !!n);
}

const depList = (v?: string) => (v ?? '').split(',').map((d) => d.trim().split(/\s/)[0].split('|')[0]).filter(Boolean);
const depsOf = (s: Stanza) => [...depList(s.fields.get('Pre-Depends')), ...depList(s.fields.get('Depends'))];
const recsOf = (s: Stanza) => depList(s.fields.get('Recommends'));


/**
 * File utilities: ls, cat, mkdir, rm, touch, cp, mv, ln, chmod, wc, grep, head, tail, echo. Messages follow
 * GNU coreutils on the host and on Debian/Ubuntu images, and BusyBox on Alpine/BusyBox images.
 */
import type { FileInfo } from '../fs/filesystem.ts';
import { FS_ERROR_TEXT, basename, resolvePath, type FsError } from '../fs/tree.ts';
import type { ProcessContext } from '../kernel/context.ts';
import type { ProgramGenerator } from '../kernel/process.ts';
import { interpretEscapes } from '../cli/shell/printf.ts';
import { isBusybox, readAll, wallDate, pad2, MONTHS } from './util.ts';
import { gnuHumanCeil } from './sizes.ts';

/** Splits options from operands. `-5` is an operand (head's count) unless `digitFlags` (ls -1). */
function splitFlags(argv: readonly string[], digitFlags = false): { flags: Set<string>; args: string[]; long: string[] } {
  const flags = new Set<string>();
  const args: string[] = [];
  const long: string[] = [];
  let endOfFlags = false;
  for (const a of argv.slice(1)) {
    if (!endOfFlags && a === '--') endOfFlags = true;
    else if (!endOfFlags && a.startsWith('--')) long.push(a);
    else if (!endOfFlags && a.startsWith('-') && a.length > 1 && (digitFlags || !/^-\d+$/.test(a))) for (const c of a.slice(1)) flags.add(c);
    else args.push(a);
  }
  return { flags, args, long };
}

const path = (ctx: ProcessContext, p: string) => resolvePath(ctx.proc.cwd, p, ctx.env.get('HOME') ?? '/root');
const errText = (e: FsError) => FS_ERROR_TEXT[e];

function modeString(n: FileInfo): string {
  const t = n.type === 'dir' ? 'd' : n.type === 'symlink' ? 'l' : '-';
  const bits = 'rwxrwxrwx';
  let s = '';
  for (let i = 0; i < 9; i++) s += n.mode & (1 << (8 - i)) ? bits[i] : '-';
  if (n.mode & 0o1000) s = `${s.slice(0, 8)}${n.mode & 1 ? 't' : 'T'}`;
  return t + s;
}


/** Half a Gregorian year in ms: files older than this (or in the future) show the year, not the time. */
const SIX_MONTHS_MS = 15_778_476_000;

function mtimeString(ctx: ProcessContext, n: FileInfo): string {
  const t = ctx.kernel.clock.wall(n.mtime);
  const now = ctx.kernel.clock.wall(ctx.now);
  const d = new Date(t);
  // coreutils ls.c: recent = within the last six months and not in the future (BusyBox allows an hour ahead).
  const recent = now - t <= SIX_MONTHS_MS && t <= now + (isBusybox(ctx) ? 3_600_000 : 0);
  const day = `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)}`;
  return recent ? `${day} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}` : `${day}  ${d.getUTCFullYear()}`;
}

function userName(ctx: ProcessContext, uid: number): string {
  if (uid === 0) return 'root';
  const passwd = ctx.fs.readFile('/etc/passwd');
  if (typeof passwd === 'string') {
    for (const line of passwd.split('\n')) {
      const f = line.split(':');
      if (Number(f[2]) === uid) return f[0];
    }
  }
  return String(uid);
}

/**
 * Vertical columns (`ls -C`, the default on a terminal). GNU (ls.c calculate_columns): the most
 * columns whose widths — each its longest name + 2, the last without — sum below the line
 * length. BusyBox: one width for all columns, the longest name + 2.
 */
function columns(names: readonly string[], lineLength: number, busybox: boolean): string[] {
  const n = names.length;
  if (n === 0) return [];
  let widths: number[];
  if (busybox) {
    const w = Math.max(...names.map((x) => x.length)) + 2;
    const cols = Math.max(1, Math.floor(lineLength / w));
    widths = new Array<number>(Math.min(cols, n)).fill(w);
  } else {
    const maxCols = Math.max(1, Math.min(Math.floor(lineLength / 3), n));
    widths = [names[0].length];
    for (let cols = maxCols; cols >= 1; cols--) {
      const rows = Math.ceil(n / cols);
      const w = new Array<number>(cols).fill(3);
      names.forEach((name, i) => {
        const col = Math.floor(i / rows);
        w[col] = Math.max(w[col], name.length + (col === cols - 1 ? 0 : 2));
      });
      if (cols === 1 || w.reduce((a, b) => a + b, 0) < lineLength) {
        widths = w;
        break;
      }
    }
  }
  const rows = Math.ceil(n / widths.length);
  const out: string[] = [];
  for (let r = 0; r < rows; r++) {
    let line = '';
    for (let c = 0; c < widths.length; c++) {
      const i = c * rows + r;
      if (i >= n) break;
      line += c * rows + r + rows >= n ? names[i] : names[i].padEnd(widths[c]);
    }
    out.push(line);
  }
  return out;
}

export function* ls(ctx: ProcessContext): ProgramGenerator {
  const { flags, args } = splitFlags(ctx.argv, true);
  const bb = isBusybox(ctx);
  const long = flags.has('l');
  const all = flags.has('a') || flags.has('A');
  const targets = args.length ? args : ['.'];
  let status = 0;
  const files: [string, FileInfo, string][] = [];
  const dirs: [string, FileInfo, string][] = [];
  for (const t of targets) {
    const n = ctx.fs.lookup(path(ctx, t), long);
    if (typeof n === 'string') {
      if (bb) ctx.err(`ls: ${t}: ${errText(n)}\n`);
      else ctx.err(`ls: cannot access '${t}': ${errText(n)}\n`);
      status = bb ? 1 : 2;
      continue;
    }
    if (n.type === 'dir' && !flags.has('d')) dirs.push([t, n, path(ctx, t)]);
    else files.push([t, n, path(ctx, t)]);
  }
  const tty = ctx.isatty(1);
  const subdirs = (full: string): number => {
    const l = ctx.fs.list(full);
    return typeof l === 'string' ? 0 : l.filter(([, c]) => c.type === 'dir').length;
  };
  const render = (entries: [string, FileInfo, string][]) => {
    if (long) {
      const rows = entries.map(([name, n, full]) => {
        const links = n.type === 'dir' ? 2 + subdirs(full) : 1;
        const size = flags.has('h') ? gnuHumanCeil(n.size) : String(n.size);
        const target = n.type === 'symlink' ? ` -> ${n.target}` : '';
        return { mode: modeString(n), links: String(links), user: userName(ctx, n.uid), group: userName(ctx, n.gid), size, time: mtimeString(ctx, n), name: name + target };
      });
      const w = (k: keyof (typeof rows)[number]) => Math.max(0, ...rows.map((r) => r[k].length));
      for (const r of rows) {
        if (bb) ctx.out(`${r.mode} ${r.links.padStart(4)} ${r.user.padEnd(8)} ${r.group.padEnd(8)} ${r.size.padStart(9)} ${r.time} ${r.name}\n`);
        else ctx.out(`${r.mode} ${r.links.padStart(w('links'))} ${r.user.padEnd(w('user'))} ${r.group.padEnd(w('group'))} ${r.size.padStart(w('size'))} ${r.time} ${r.name}\n`);
      }
      return;
    }
    const names = entries.map(([name]) => name);
    if (!tty || flags.has('1')) {
      for (const n of names) ctx.out(`${n}\n`);
      return;
    }
    for (const line of columns(names, ctx.kernel.machine.terminalWidth?.() ?? 80, bb)) ctx.out(`${line}\n`);
  };
  if (files.length) render(files);
  dirs.forEach(([t, n, full], i) => {
    if (files.length || dirs.length > 1) ctx.out(`${files.length || i > 0 ? '\n' : ''}${t}:\n`);
    const listed = ctx.fs.list(full);
    const child = (name: string) => (full === '/' ? `/${name}` : `${full}/${name}`);
    let entries: [string, FileInfo, string][] = (typeof listed === 'string' ? [] : listed).filter(([name]) => all || !name.startsWith('.')).map(([name, c]) => [name, c, child(name)]);
    if (flags.has('a')) {
      const up = full === '/' ? '/' : full.slice(0, full.lastIndexOf('/')) || '/';
      const parent = ctx.fs.lookup(up);
      entries = [['.', n, full], ['..', typeof parent === 'string' ? n : parent, up], ...entries];
    }
    if (long) {
      const total = entries.reduce((s, [, c]) => s + Math.ceil(c.size / 4096) * 4, 0);
      ctx.out(`total ${total}\n`);
    }
    render(entries);
  });
  return status;
}

export function* cat(ctx: ProcessContext): ProgramGenerator {
  const { args } = splitFlags(ctx.argv);
  if (args.length === 0 || (args.length === 1 && args[0] === '-')) {
    // Copy stdin to stdout as it arrives.
    for (;;) {
      const chunk = yield ctx.read(0);
      if (typeof chunk !== 'string') return 0;
      ctx.out(chunk);
    }
  }
  let status = 0;
  for (const a of args) {
    const text = ctx.fs.readFile(path(ctx, a));
    if (text === 'ENOENT' || text === 'EISDIR' || text === 'ENOTDIR' || text === 'EACCES' || text === 'ELOOP') {
      ctx.err(`${openError(ctx, 'cat', a, text)}\n`);
      status = 1;
      continue;
    }
    ctx.out(text);
  }
  return status;
}

export function* echo(ctx: ProcessContext): ProgramGenerator {
  let args = ctx.argv.slice(1);
  let newline = true;
  let esc = false;
  while (args.length && /^-[neE]+$/.test(args[0])) {
    if (args[0].includes('n')) newline = false;
    if (args[0].includes('e')) esc = true;
    args = args.slice(1);
  }
  let text = args.join(' ');
  if (esc) text = interpretEscapes(text).text;
  ctx.out(text + (newline ? '\n' : ''));
  return 0;
}

export function* mkdir(ctx: ProcessContext): ProgramGenerator {
  const { flags, args } = splitFlags(ctx.argv);
  const bb = isBusybox(ctx);
  if (args.length === 0) {
    ctx.err(bb ? 'mkdir: missing operand\n' : "mkdir: missing operand\nTry 'mkdir --help' for more information.\n");
    return 1;
  }
  let status = 0;
  for (const a of args) {
    const e = ctx.fs.mkdir(path(ctx, a), ctx.now, { parents: flags.has('p') });
    if (e) {
      ctx.err(bb ? `mkdir: can't create directory '${a}': ${errText(e)}\n` : `mkdir: cannot create directory '${a}': ${errText(e)}\n`);
      status = 1;
    }
  }
  return status;
}

export function* rm(ctx: ProcessContext): ProgramGenerator {
  const { flags, args } = splitFlags(ctx.argv);
  const bb = isBusybox(ctx);
  const recursive = flags.has('r') || flags.has('R');
  const force = flags.has('f');
  if (args.length === 0 && !force) {
    ctx.err(bb ? 'rm: missing operand\n' : "rm: missing operand\nTry 'rm --help' for more information.\n");
    return 1;
  }
  let status = 0;
  for (const a of args) {
    const p = path(ctx, a);
    if (p === '/' && recursive) {
      ctx.err(bb ? "rm: can't remove '/': Is a directory\n" : "rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n");
      status = 1;
      continue;
    }
    const e = ctx.fs.remove(p, { recursive });
    if (e && !(force && e === 'ENOENT')) {
      ctx.err(bb ? `rm: can't remove '${a}': ${errText(e)}\n` : `rm: cannot remove '${a}': ${errText(e)}\n`);
      status = 1;
    }
  }
  return status;
}

export function* touch(ctx: ProcessContext): ProgramGenerator {
  const { args } = splitFlags(ctx.argv);
  let status = 0;
  for (const a of args) {
    const p = path(ctx, a);
    if (ctx.fs.exists(p)) {
      const e = ctx.fs.utime(p, ctx.now);
      if (e) {
        ctx.err(isBusybox(ctx) ? `touch: ${a}: ${errText(e)}\n` : `touch: cannot touch '${a}': ${errText(e)}\n`);
        status = 1;
      }
      continue;
    }
    const e = ctx.fs.writeFile(p, '', ctx.now);
    if (e) {
      ctx.err(isBusybox(ctx) ? `touch: ${a}: ${errText(e)}\n` : `touch: cannot touch '${a}': ${errText(e)}\n`);
      status = 1;
    }
  }
  return status;
}

function* copyOrMove(ctx: ProcessContext, move: boolean): ProgramGenerator {
  const { flags, args } = splitFlags(ctx.argv);
  const name = move ? 'mv' : 'cp';
  if (args.length < 2) {
    ctx.err(args.length === 0 ? `${name}: missing file operand\n` : `${name}: missing destination file operand after '${args[0]}'\n`);
    return 1;
  }
  const dest = path(ctx, args[args.length - 1]);
  let status = 0;
  for (const a of args.slice(0, -1)) {
    const src = path(ctx, a);
    const n = ctx.fs.lookup(src);
    if (typeof n === 'string') {
      ctx.err(isBusybox(ctx) ? `${name}: can't stat '${a}': ${errText(n)}\n` : `${name}: cannot stat '${a}': ${errText(n)}\n`);
      status = 1;
      continue;
    }
    if (!move && n.type === 'dir' && !flags.has('r') && !flags.has('R') && !flags.has('a')) {
      ctx.err(`cp: -r not specified; omitting directory '${a}'\n`);
      status = 1;
      continue;
    }
    const e = move ? ctx.fs.rename(src, dest, ctx.now) : ctx.fs.copy(src, dest, ctx.now);
    if (e) {
      ctx.err(`${name}: cannot ${move ? 'move' : 'create regular file'} '${args[args.length - 1]}': ${errText(e)}\n`);
      status = 1;
    }
  }
  return status;
}

export function* cp(ctx: ProcessContext): ProgramGenerator {
  return yield* copyOrMove(ctx, false);
}

export function* mv(ctx: ProcessContext): ProgramGenerator {
  return yield* copyOrMove(ctx, true);
}

/**
 * `ln [-s] [-f] TARGET [LINK]` (coreutils / BusyBox). Hard links are not modelled by the file
 * tree: without -s the link is an independent copy of the target's content.
 */
export function* ln(ctx: ProcessContext): ProgramGenerator {
  const { flags, args } = splitFlags(ctx.argv);
  const bb = isBusybox(ctx);
  if (args.length === 0) {
    ctx.err(bb ? 'ln: missing operand\n' : "ln: missing file operand\nTry 'ln --help' for more information.\n");
    return 1;
  }
  const symbolic = flags.has('s');
  const target = args[0];
  let link = path(ctx, args.length > 1 ? args[1] : basename(target));
  if (ctx.fs.isDir(link)) link = `${link === '/' ? '' : link}/${basename(target)}`;
  const shown = args.length > 1 ? args[1] : basename(target);
  const fail = (e: FsError) => {
    ctx.err(bb ? `ln: ${shown}: ${errText(e)}\n` : `ln: failed to create ${symbolic ? 'symbolic' : 'hard'} link '${shown}'${symbolic || e === 'EEXIST' ? '' : ` => '${target}'`}: ${errText(e)}\n`);
    return 1;
  };
  if (typeof ctx.fs.lookup(link, true) !== 'string') {
    if (!flags.has('f')) return fail('EEXIST');
    const e = ctx.fs.remove(link);
    if (e) return fail(e);
  }
  if (symbolic) {
    const e = ctx.fs.symlink(target, link, ctx.now);
    return e ? fail(e) : 0;
  }
  const src = ctx.fs.lookup(path(ctx, target));
  if (typeof src === 'string') {
    ctx.err(bb ? `ln: ${target}: ${errText(src)}\n` : `ln: failed to access '${target}': ${errText(src)}\n`);
    return 1;
  }
  if (src.type === 'dir') {
    ctx.err(bb ? `ln: ${target}: Is a directory\n` : `ln: ${target}: hard link not allowed for directory\n`);
    return 1;
  }
  const e = ctx.fs.copy(path(ctx, target), link, ctx.now);
  return e ? fail(e) : 0;
}

/**
 * A chmod mode: octal (`755`) or symbolic clauses (`u+x`, `go-w`, `a=r`, `+x`, comma-separated).
 * Without a `who`, `+`/`-`/`=` apply to everyone except the bits the umask (022) clears, as
 * coreutils does. Returns the new mode, or null when the mode is invalid.
 */
export function applyMode(spec: string, mode: number, isDir: boolean): number | null {
  if (/^[0-7]{1,4}$/.test(spec)) return parseInt(spec, 8);
  let out = mode & 0o7777;
  for (const clause of spec.split(',')) {
    const m = /^([ugoa]*)((?:[-+=][rwxXst]*)+)$/.exec(clause);
    if (!m) return null;
    const who = m[1] || 'a';
    const mask = (who.includes('a') ? 0o777 : (who.includes('u') ? 0o700 : 0) | (who.includes('g') ? 0o070 : 0) | (who.includes('o') ? 0o007 : 0)) & (m[1] ? 0o777 : ~0o022);
    for (const [, op, perms] of m[2].matchAll(/([-+=])([rwxXst]*)/g)) {
      let bits = 0;
      for (const p of perms) {
        if (p === 'r') bits |= 0o444;
        else if (p === 'w') bits |= 0o222;
        else if (p === 'x' || (p === 'X' && (isDir || (mode & 0o111) !== 0))) bits |= 0o111;
        else if (p === 's') bits |= (who.includes('u') || who.includes('a') ? 0o4000 : 0) | (who.includes('g') || who.includes('a') ? 0o2000 : 0);
        else if (p === 't') bits |= 0o1000;
      }
      const perm = bits & (mask | 0o7000);
      if (op === '+') out |= perm;
      else if (op === '-') out &= ~perm;
      else out = (out & ~(m[1] ? mask : 0o777)) | perm;
    }
  }
  return out;
}

/** `chmod [-R] MODE FILE…` (coreutils / BusyBox). */
export function* chmod(ctx: ProcessContext): ProgramGenerator {
  const args = ctx.argv.slice(1);
  const recursive = args[0] === '-R';
  if (recursive) args.shift();
  const bb = isBusybox(ctx);
  if (args.length < 2) {
    ctx.err(bb ? 'chmod: missing operand\n' : `chmod: missing operand${args.length ? ` after '${args[0]}'` : ''}\nTry 'chmod --help' for more information.\n`);
    return 1;
  }
  const [spec, ...files] = args;
  let status = 0;
  const apply = (p: string, shown: string): void => {
    const n = ctx.fs.lookup(path(ctx, p));
    if (typeof n === 'string') {
      ctx.err(bb ? `chmod: ${shown}: ${errText(n)}\n` : `chmod: cannot access '${shown}': ${errText(n)}\n`);
      status = 1;
      return;
    }
    const mode = applyMode(spec, n.mode, n.type === 'dir');
    if (mode === null) return;
    const e = ctx.fs.chmod(path(ctx, p), mode);
    if (e) {
      ctx.err(bb ? `chmod: ${shown}: ${errText(e)}\n` : `chmod: changing permissions of '${shown}': ${errText(e)}\n`);
      status = 1;
      return;
    }
    if (recursive && n.type === 'dir') {
      const kids = ctx.fs.list(path(ctx, p));
      if (typeof kids !== 'string') for (const [name] of kids) apply(`${p.replace(/\/$/, '')}/${name}`, `${shown.replace(/\/$/, '')}/${name}`);
    }
  };
  if (applyMode(spec, 0o644, false) === null) {
    ctx.err(bb ? `chmod: invalid mode '${spec}'\n` : `chmod: invalid mode: \u2018${spec}\u2019\nTry 'chmod --help' for more information.\n`);
    return 1;
  }
  for (const f of files) apply(f, f);
  return status;
}

/** Reads the named files, or stdin; reports missing files like coreutils. */
/** A file that cannot be read: coreutils `cat: x: No such file or directory`; BusyBox's open_or_warn `cat: can't open 'x': …` (and `read error` for a directory). */
function openError(ctx: ProcessContext, name: string, file: string, e: FsError): string {
  if (!isBusybox(ctx)) return `${name}: ${file}: ${errText(e)}`;
  return e === 'EISDIR' ? `${name}: read error: ${errText(e)}` : `${name}: can't open '${file}': ${errText(e)}`;
}

function* inputs(ctx: ProcessContext, name: string, args: readonly string[]): Generator<import('../kernel/process.ts').Wait, { label: string; text: string }[] | number, unknown> {
  if (args.length === 0) return [{ label: '', text: yield* readAll(ctx) }];
  const out: { label: string; text: string }[] = [];
  for (const a of args) {
    const t = ctx.fs.readFile(path(ctx, a));
    if (t === 'ENOENT' || t === 'EISDIR' || t === 'ENOTDIR' || t === 'EACCES') {
      ctx.err(`${openError(ctx, name, a, t)}\n`);
      continue;
    }
    out.push({ label: a, text: t });
  }
  return out;
}

export function* wc(ctx: ProcessContext): ProgramGenerator {
  const { flags, args } = splitFlags(ctx.argv);
  const ins = yield* inputs(ctx, 'wc', args);
  if (typeof ins === 'number') return ins;
  const pick = flags.size ? flags : new Set(['l', 'w', 'c']);
  const rows = ins.map(({ label, text }) => {
    const counts: number[] = [];
    if (pick.has('l')) counts.push((text.match(/\n/g) ?? []).length);
    if (pick.has('w')) counts.push(text.split(/\s+/).filter(Boolean).length);
    if (pick.has('c') || pick.has('m')) counts.push(new TextEncoder().encode(text).length);
    return { label, counts };
  });
  if (rows.length > 1) rows.push({ label: 'total', counts: rows[0].counts.map((_, i) => rows.reduce((s, r) => s + r.counts[i], 0)) });
  const width = rows.length === 1 && rows[0].label === '' && rows[0].counts.length === 1 ? 1 : Math.max(...rows.flatMap((r) => r.counts.map((c) => String(c).length)), args.length === 0 ? 7 : 1);
  for (const r of rows) ctx.out(`${r.counts.map((c) => String(c).padStart(width)).join(' ')}${r.label ? ` ${r.label}` : ''}\n`);
  return args.length > ins.length ? 1 : 0;
}

export function* grep(ctx: ProcessContext): ProgramGenerator {
  const argv = ctx.argv.slice(1);
  const flags = new Set<string>();
  const rest: string[] = [];
  for (const a of argv) {
    if (a.startsWith('-') && a.length > 1 && rest.length === 0) for (const c of a.slice(1)) flags.add(c);
    else rest.push(a);
  }
  const [pattern, ...files] = rest;
  if (pattern === undefined) {
    ctx.err('Usage: grep [OPTION]... PATTERNS [FILE]...\nTry \'grep --help\' for more information.\n');
    return 2;
  }
  let re: RegExp;
  try {
    const src = flags.has('F') ? pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : pattern.replace(/\\\|/g, '|');
    re = new RegExp(src, flags.has('i') ? 'i' : '');
  } catch {
    ctx.err('grep: Unmatched ( or \\(\n');
    return 2;
  }
  const ins = yield* inputs(ctx, 'grep', files);
  if (typeof ins === 'number') return ins;
  let found = false;
  let count = 0;
  for (const { label, text } of ins) {
    const lines = text.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    lines.forEach((line, i) => {
      const hit = re.test(line) !== flags.has('v');
      if (!hit) return;
      found = true;
      count++;
      if (flags.has('c') || flags.has('q') || flags.has('l')) return;
      const prefix = (files.length > 1 ? `${label}:` : '') + (flags.has('n') ? `${i + 1}:` : '');
      ctx.out(`${prefix}${line}\n`);
    });
  }
  if (flags.has('c')) ctx.out(`${count}\n`);
  return found ? 0 : 1;
}

function lineCount(argv: readonly string[]): { n: number; files: string[] } {
  let n = 10;
  const files: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-n') n = Number(argv[++i]);
    else if (/^-n\d+$/.test(a)) n = Number(a.slice(2));
    else if (/^-\d+$/.test(a)) n = Number(a.slice(1));
    else if (a === '-f') continue;
    else files.push(a);
  }
  return { n, files };
}

export function* head(ctx: ProcessContext): ProgramGenerator {
  const { n, files } = lineCount(ctx.argv);
  if (files.length === 0) {
    // Stop reading as soon as enough lines came (closing the pipe stops the writer: SIGPIPE).
    let text = '';
    for (;;) {
      const lines = text.split('\n');
      if (lines.length > n) break;
      const chunk = yield ctx.read(0);
      if (typeof chunk !== 'string') break;
      text += chunk;
    }
    const lines = text.split('\n');
    ctx.out(lines.slice(0, n).join('\n') + (lines.length > n ? '\n' : ''));
    return 0;
  }
  const ins = yield* inputs(ctx, 'head', files);
  if (typeof ins === 'number') return ins;
  ins.forEach(({ label, text }, i) => {
    if (ins.length > 1) ctx.out(`${i ? '\n' : ''}==> ${label} <==\n`);
    const lines = text.split('\n');
    ctx.out(lines.slice(0, n).join('\n') + (lines.length > n ? '\n' : ''));
  });
  return 0;
}

export function* tail(ctx: ProcessContext): ProgramGenerator {
  const { n, files } = lineCount(ctx.argv);
  const ins = yield* inputs(ctx, 'tail', files);
  if (typeof ins === 'number') return ins;
  ins.forEach(({ label, text }, i) => {
    if (ins.length > 1) ctx.out(`${i ? '\n' : ''}==> ${label} <==\n`);
    const lines = text.replace(/\n$/, '').split('\n');
    const out = lines.slice(Math.max(0, lines.length - n));
    if (text.length) ctx.out(`${out.join('\n')}\n`);
  });
  return 0;
}

export const FILE_PROGRAMS = { ls, cat, echo, mkdir, rm, touch, cp, mv, ln, chmod, wc, grep, head, tail } as const;

export { basename, wallDate };

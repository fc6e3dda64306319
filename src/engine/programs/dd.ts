/**
 * dd if=… of=… bs=… count=… (coreutils; BusyBox on Alpine): copies blocks and reports records
 * in/out and bytes copied on stderr. From /dev/zero (or a file) into a file it writes a
 * size-only file; without `count` from /dev/zero it writes until the disk is full (ENOSPC), as
 * `dd if=/dev/zero of=fill` does. The copy takes virtual time at a page-cache write rate.
 */
import { FS_ERROR_TEXT, resolvePath, type FsError } from '../fs/tree.ts';
import type { ProcessContext } from '../kernel/context.ts';
import type { ProgramGenerator } from '../kernel/process.ts';
import { busyboxHuman, gnuHumanNearest, parseSize, printfG } from './sizes.ts';
import { isBusybox } from './util.ts';

/** Bytes per second a dd of zeros into the page cache reaches. */
const WRITE_RATE = 1.6e9;
/** Opening, the first read and closing: what even a tiny copy takes. */
const SYSCALL_OVERHEAD_S = 5e-5;
const DEVICES = new Set(['/dev/zero', '/dev/urandom', '/dev/random']);

function stats(busybox: boolean, fullIn: number, partIn: number, fullOut: number, partOut: number, bytes: number, seconds: number): string {
  let out = `${fullIn}+${partIn} records in\n${fullOut}+${partOut} records out\n`;
  if (busybox) {
    const rate = seconds > 0 ? bytes / seconds : 0;
    return `${out}${bytes} bytes (${busyboxHuman(bytes)}B) copied, ${seconds.toFixed(6)} seconds, ${busyboxHuman(rate)}B/s\n`;
  }
  const si = gnuHumanNearest(bytes, true);
  const iec = gnuHumanNearest(bytes, false);
  // gnulib scales a zero rate to the smallest prefix: `0.0 kB/s`.
  const rate = bytes === 0 ? '0.0 kB/s' : `${gnuHumanNearest(bytes / seconds, true)}/s`;
  const time = `${printfG(seconds)} s`;
  if (bytes < 1000) out += `${bytes} byte${bytes === 1 ? '' : 's'} copied, ${time}, ${rate}\n`;
  else if (si === iec) out += `${bytes} bytes (${si}) copied, ${time}, ${rate}\n`;
  else out += `${bytes} bytes (${si}, ${iec}) copied, ${time}, ${rate}\n`;
  return out;
}

export function* dd(ctx: ProcessContext): ProgramGenerator {
  const busybox = isBusybox(ctx);
  const ops = new Map<string, string>();
  for (const a of ctx.argv.slice(1)) {
    const eq = a.indexOf('=');
    const key = eq > 0 ? a.slice(0, eq) : '';
    if (!['if', 'of', 'bs', 'count', 'status'].includes(key)) {
      ctx.err(busybox ? `dd: invalid argument '${a}'\n` : `dd: unrecognized operand '${a}'\nTry 'dd --help' for more information.\n`);
      return 1;
    }
    ops.set(key, a.slice(eq + 1));
  }
  const bs = parseSize(ops.get('bs') ?? '512');
  const count = ops.has('count') ? parseSize(ops.get('count')!, true) : Infinity;
  if (bs === null || bs === 0 || count === null) {
    const bad = bs === null || bs === 0 ? ops.get('bs')! : ops.get('count')!;
    ctx.err(busybox ? `dd: invalid number '${bad}'\n` : `dd: invalid number: '${bad}'\n`);
    return 1;
  }
  const home = ctx.env.get('HOME') ?? '/root';
  const inName = ops.get('if');
  const outName = ops.get('of');
  const openFail = (name: string, e: FsError) => {
    ctx.err(busybox ? `dd: can't open '${name}': ${FS_ERROR_TEXT[e]}\n` : `dd: failed to open '${name}': ${FS_ERROR_TEXT[e]}\n`);
    return 1;
  };
  // What the input offers: a device without end, a file's size, or the terminal (not simulated: nothing).
  let available = 0;
  let inputText = '';
  if (inName === undefined) available = 0;
  else {
    const p = resolvePath(ctx.proc.cwd, inName, home);
    if (DEVICES.has(p)) available = Infinity;
    else {
      const n = ctx.fs.lookup(p);
      if (typeof n === 'string') return openFail(inName, n);
      if (n.type === 'dir') return openFail(inName, 'EISDIR');
      available = n.size;
      inputText = n.content;
    }
  }
  const wanted = Math.min(available, bs * count);
  if (wanted === Infinity && (outName === undefined || outName === '/dev/null')) {
    // `dd if=/dev/zero of=/dev/null` never ends; run until interrupted.
    for (;;) yield ctx.pause();
  }
  let written = wanted;
  let error: FsError | null = null;
  if (outName !== undefined && outName !== '/dev/null') {
    const p = resolvePath(ctx.proc.cwd, outName, home);
    const existing = ctx.fs.lookup(p);
    if (typeof existing !== 'string' && existing.type === 'dir') return openFail(outName, 'EISDIR');
    // O_TRUNC first: the old content's space is free again.
    const e = ctx.fs.writeFile(p, '', ctx.now);
    if (e) return openFail(outName, e);
    const stat = ctx.fs.statfs(p);
    const room = stat ? Math.max(0, stat.capacity - stat.used) : Infinity;
    if (wanted > room) {
      written = room;
      error = 'ENOSPC';
    }
    if (written > 0) {
      // A whole text file is copied as it is; zeros and binaries are sizes only.
      const text = written === available && written > 0 ? inputText : '';
      const w = ctx.fs.writeFile(p, text, ctx.now, { size: written });
      if (w) {
        written = 0;
        error = w;
      }
    }
  }
  const seconds = SYSCALL_OVERHEAD_S + written / WRITE_RATE;
  yield ctx.sleep(seconds * 1000);
  // On a full disk the block being written when space ran out was read but never counted out,
  // even if part of it was written (coreutils dd_copy with ibs = obs; BusyBox write_and_stats).
  const fullIn = error ? Math.floor(written / bs) + 1 : Math.floor(wanted / bs);
  const partIn = !error && wanted % bs > 0 ? 1 : 0;
  const fullOut = Math.floor(written / bs);
  const partOut = !error && written % bs > 0 ? 1 : 0;
  // BusyBox's full_write returns a short count without a message when part of the block went out.
  if (error && !busybox) ctx.err(`dd: error writing '${outName}': ${FS_ERROR_TEXT[error]}\n`);
  else if (error && written % bs === 0) ctx.err(`dd: writing '${outName}': ${FS_ERROR_TEXT[error]}\n`);
  if (ops.get('status') !== 'none') ctx.err(stats(busybox, fullIn, partIn, fullOut, partOut, written, seconds));
  return error ? 1 : 0;
}

/** Small helpers shared by the simulated programs. */
import type { ProcessContext } from '../kernel/context.ts';
import { EOF } from '../kernel/streams.ts';
import type { ProgramGenerator, Wait } from '../kernel/process.ts';

export const MiB = 1024 * 1024;
export const KiB = 1024;

/** Reads all of stdin (for filters like wc, grep, head). */
export function* readAll(ctx: ProcessContext, fd = 0): Generator<Wait, string, unknown> {
  let text = '';
  for (;;) {
    const chunk = yield ctx.read(fd);
    if (typeof chunk !== 'string') break;
    text += chunk;
  }
  return text;
}

export function isEof(v: unknown): boolean {
  return v === EOF;
}

/** Parses a duration like `sleep` does: `5`, `1.5`, `2m`, `1h`, `1d`, `infinity`. */
export function parseSleepSeconds(arg: string): number | undefined {
  if (arg === 'infinity' || arg === 'inf') return Infinity;
  const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(arg);
  if (!m) return undefined;
  const mult = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] as '' | 's' | 'm' | 'h' | 'd'];
  return Number(m[1]) * mult;
}

/** A program that idles forever (daemons waiting for work); SIGTERM ends it. */
export function idle(rssBytes: number, opts: { onTerm?: number } = {}) {
  return function* (ctx: ProcessContext): ProgramGenerator {
    ctx.rss(rssBytes);
    let stop = false;
    ctx.onSignal(15, () => {
      stop = true;
      ctx.interrupt();
    });
    while (!stop) yield ctx.pause();
    return opts.onTerm ?? 0;
  };
}

/** Is this process inside a busybox-based image (alpine, busybox)? Decides message styles. */
export function isBusybox(ctx: ProcessContext): boolean {
  const fs = ctx.fs;
  const node = fs.lookup('/bin/busybox');
  return typeof node !== 'string';
}

/** The PATH a process gets when its environment has none (Docker's default, also runc's). */
export const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** C-locale month and weekday abbreviations (strftime %b and %a), for log lines and ls. */
export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
export const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

/** Wall-clock pieces for log lines, from virtual time. */
export function wallDate(ctx: ProcessContext): Date {
  return new Date(ctx.kernel.clock.wall(ctx.now));
}

export function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

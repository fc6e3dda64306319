/** sleep, yes, true, false, clear: the smallest programs, each what coreutils/busybox does. */
import type { ProcessContext } from '../kernel/context.ts';
import type { ProgramGenerator } from '../kernel/process.ts';
import { NullStream } from '../kernel/streams.ts';
import { isBusybox, parseSleepSeconds } from './util.ts';

export function* sleep(ctx: ProcessContext): ProgramGenerator {
  ctx.rss(700 * 1024);
  const args = ctx.argv.slice(1);
  if (args.length === 0) {
    if (isBusybox(ctx)) ctx.err('BusyBox v1.37.0 (2024-12-13 10:22:11 UTC) multi-call binary.\n\nUsage: sleep [N]...\n\nPause for a time equal to the total of the args given, where each arg can\nhave an optional suffix of (s)econds, (m)inutes, (h)ours, or (d)ays\n');
    else ctx.err("sleep: missing operand\nTry 'sleep --help' for more information.\n");
    return 1;
  }
  let total = 0;
  for (const a of args) {
    const s = parseSleepSeconds(a);
    if (s === undefined) {
      if (isBusybox(ctx)) ctx.err(`sleep: invalid number '${a}'\n`);
      else ctx.err(`sleep: invalid time interval '${a}'\nTry 'sleep --help' for more information.\n`);
      return 1;
    }
    total += s;
  }
  if (!Number.isFinite(total)) for (;;) yield ctx.pause();
  yield ctx.sleep(total * 1000);
  return 0;
}

/** `yes`: one busy core, writing its line as fast as the reader takes it. */
export function* yes(ctx: ProcessContext): ProgramGenerator {
  const line = `${ctx.argv.length > 1 ? ctx.argv.slice(1).join(' ') : 'y'}\n`;
  ctx.rss(600 * 1024);
  ctx.cpu(1);
  // Into /dev/null it only burns CPU: nothing to simulate but the demand.
  if (ctx.proc.fds[1] instanceof NullStream) for (;;) yield ctx.pause();
  const toTty = ctx.isatty(1);
  const chunk = line.repeat(toTty ? 40 : 400);
  for (;;) {
    if (!ctx.proc.alive) return;
    ctx.write(chunk);
    yield ctx.sleep(toTty ? 50 : 20);
  }
}

export function* trueProgram(): ProgramGenerator {
  return 0;
}

export function* falseProgram(): ProgramGenerator {
  return 1;
}

export function* clear(ctx: ProcessContext): ProgramGenerator {
  ctx.out('\x1b[H\x1b[2J\x1b[3J');
  return 0;
}

/** Programs a terminal in a browser cannot run (full-screen editors and the like). */
export function* unsupported(ctx: ProcessContext): ProgramGenerator {
  ctx.err(`${ctx.proc.comm}: this playground's terminal cannot run full-screen programs\n`);
  return 1;
}

/** seq [FIRST [INCREMENT]] LAST */
export function* seq(ctx: ProcessContext): ProgramGenerator {
  const nums = ctx.argv.slice(1).map(Number);
  if (nums.length === 0 || nums.length > 3 || nums.some((n) => Number.isNaN(n))) {
    const bad = ctx.argv.slice(1).find((a) => Number.isNaN(Number(a)));
    ctx.err(bad !== undefined ? `seq: invalid floating point argument: '${bad}'\nTry 'seq --help' for more information.\n` : "seq: missing operand\nTry 'seq --help' for more information.\n");
    return 1;
  }
  const [first, step, last] = nums.length === 1 ? [1, 1, nums[0]] : nums.length === 2 ? [nums[0], 1, nums[1]] : nums;
  let out = '';
  for (let i = first, n = 0; step > 0 ? i <= last : i >= last; i += step, n++) {
    if (n > 100_000) break;
    out += `${i}\n`;
  }
  ctx.out(out);
  return 0;
}

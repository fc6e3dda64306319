/**
 * stress-ng (0.15–0.18, as the distributions package it): the cgroup-limits lesson tool. A
 * parent forks `--cpu N` workers that spin and `--vm N` workers that allocate `--vm-bytes`
 * (default 256M, or a percentage of memory) and touch every page, free it and start over —
 * like progrium's `stress` (stress.ts), but with stress-ng's log format, `0` meaning "one per
 * CPU", and one difference that matters under a memory limit: a vm worker the OOM killer takes
 * is forked again (stress-ng `core-out-of-memory.c`, "assuming killed by OOM killer,
 * restarting again"), so the pressure — and the OOM kills — continue until `--timeout`.
 */
import type { ProcessContext } from '../kernel/context.ts';
import type { ChildExit, ProgramGenerator } from '../kernel/process.ts';
import { INTERRUPTED } from '../kernel/process.ts';
import { SIGNALS } from '../kernel/signals.ts';
import { stressNgVersion } from './tools.ts';
import { MiB } from './util.ts';

/** How fast a vm worker touches fresh memory, bytes per virtual second (as stress.ts). */
const TOUCH_RATE = 64 * MiB;
/** With no --timeout stress-ng runs for a day (`DEFAULT_TIMEOUT`). */
const DEFAULT_TIMEOUT = 86400;

function parseSize(s: string, memory: number): number | undefined {
  const pct = /^(\d+(?:\.\d+)?)%$/.exec(s);
  if (pct) return Math.floor((memory * Number(pct[1])) / 100);
  const m = /^(\d+)([bBkKmMgGtT]?)$/.exec(s);
  if (!m) return undefined;
  const mult = { '': 1, b: 1, B: 1, k: 1024, K: 1024, m: MiB, M: MiB, g: 1024 * MiB, G: 1024 * MiB, t: 1024 ** 4, T: 1024 ** 4 }[m[2]]!;
  return Number(m[1]) * mult;
}

function parseTime(s: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)([smhdy]?)$/.exec(s);
  if (!m) return undefined;
  return Number(m[1]) * { '': 1, s: 1, m: 60, h: 3600, d: 86400, y: 31536000 }[m[2] as '']!;
}

/** stress_duration_to_str: `10 secs`, `1 min, 0 secs`, `1 day, 0 secs`; `10.00 secs` with decimals. */
function duration(sec: number, decimals: boolean): string {
  const parts: string[] = [];
  let left = sec;
  for (const [unit, n] of [['day', 86400], ['hour', 3600], ['min', 60]] as const) {
    const q = Math.floor(left / n);
    if (q > 0) {
      parts.push(`${q} ${unit}${q === 1 ? '' : 's'}`);
      left -= q * n;
    }
  }
  parts.push(decimals ? `${left.toFixed(2)} secs` : `${Math.round(left)} secs`);
  return parts.join(', ');
}

interface Stressor {
  readonly kind: 'cpu' | 'vm' | 'io';
  readonly count: number;
}

export function* stressNg(ctx: ProcessContext): ProgramGenerator {
  const me = ctx.pid;
  const args = ctx.argv.slice(1);
  const memory = ctx.kernel.memoryBytes;
  let cpu = -1;
  let vm = -1;
  let io = -1;
  let vmBytes = 256 * MiB;
  let timeout: number | null = null;
  let verbose = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const [flag, inline] = a.startsWith('--') ? a.split('=', 2) : [a, undefined];
    const value = () => inline ?? args[++i] ?? '';
    const count = (name: string): number | null => {
      const v = value();
      if (!/^\d+$/.test(v)) {
        ctx.err(`Invalid number '${v}' for option --${name}\n`);
        return null;
      }
      return Number(v);
    };
    switch (flag) {
      case '--version': case '-V':
        ctx.out(stressNgVersion(ctx));
        return 0;
      case '-c': case '--cpu': { const n = count('cpu'); if (n === null) return 1; cpu = n; break; }
      case '-m': case '--vm': { const n = count('vm'); if (n === null) return 1; vm = n; break; }
      case '-i': case '--io': { const n = count('io'); if (n === null) return 1; io = n; break; }
      case '--vm-bytes': {
        const v = value();
        const b = parseSize(v, memory);
        if (b === undefined) {
          ctx.err(`Invalid size '${v}' for option --vm-bytes\n`);
          return 1;
        }
        vmBytes = Math.max(4096, b);
        break;
      }
      case '-t': case '--timeout': {
        const v = value();
        const t = parseTime(v);
        if (t === undefined) {
          ctx.err(`Invalid time '${v}' for option --timeout\n`);
          return 1;
        }
        timeout = t;
        break;
      }
      case '-v': case '--verbose': verbose = true; break;
      case '-q': case '--quiet': case '--metrics': case '--metrics-brief': case '--vm-keep': case '--times': case '--tz': break;
      case '--vm-hang': case '--vm-method': case '--cpu-method': case '--cpu-load': case '--backoff': case '-l': value(); break;
      default:
        ctx.err(`stress-ng: unrecognized option '${flag}'\n`);
        return 1;
    }
  }
  const online = ctx.kernel.cpus;
  const stressors: Stressor[] = [];
  if (cpu >= 0) stressors.push({ kind: 'cpu', count: cpu === 0 ? online : cpu });
  if (io >= 0) stressors.push({ kind: 'io', count: io === 0 ? online : io });
  if (vm >= 0) stressors.push({ kind: 'vm', count: vm === 0 ? online : vm });
  if (stressors.length === 0) {
    ctx.err(`stress-ng: error: [${me}] No stress workers invoked\n`);
    return 1;
  }
  ctx.rss(4 * MiB);
  const runFor = timeout ?? DEFAULT_TIMEOUT;
  ctx.out(`stress-ng: info:  [${me}] ${timeout === null ? 'defaulting' : 'setting'} to a ${duration(runFor, false)} run per stressor\n`);
  ctx.out(`stress-ng: info:  [${me}] dispatching hogs: ${stressors.map((s) => `${s.count} ${s.kind}`).join(', ')}\n`);
  // Keep dead workers as zombies until waitpid(): their exit status tells an OOM kill apart.
  ctx.proc.autoReap = false;
  const started = ctx.now;
  const deadline = started + runFor * 1000;
  /** host PID → which stressor it runs. */
  const workers = new Map<number, Stressor['kind']>();
  const spawn = (kind: Stressor['kind']): boolean => {
    const program = kind === 'cpu' ? cpuWorker : kind === 'vm' ? vmWorker(vmBytes) : ioWorker;
    // stress-ng retitles its workers (`stress_set_proc_state_str`): ps shows `stress-ng-vm [run]`.
    const child = ctx.spawn({ argv: [`stress-ng-${kind} [run]`], comm: `stress-ng-${kind}`, program });
    if (typeof child === 'string') {
      ctx.err(`stress-ng: error: [${me}] ${kind}: fork failed: errno=11 (Resource temporarily unavailable)\n`);
      return false;
    }
    workers.set(child.hostPid, kind);
    return true;
  };
  for (const s of stressors) for (let n = 0; n < s.count; n++) if (!spawn(s.kind)) return 1;
  let stopping = false;
  for (const sig of [SIGNALS.SIGINT, SIGNALS.SIGTERM]) {
    ctx.onSignal(sig, () => {
      stopping = true;
      ctx.interrupt();
    });
  }
  let failed = 0;
  while (workers.size > 0 && !stopping && ctx.now < deadline) {
    const res = (yield ctx.until(() => [...workers.keys()].some((p) => !ctx.kernel.processes.get(p)?.alive), deadline - ctx.now)) as boolean | typeof INTERRUPTED;
    if (res !== true) continue;
    for (const pid of [...workers.keys()]) {
      if (ctx.kernel.processes.get(pid)?.alive) continue;
      const kind = workers.get(pid)!;
      const exit = (yield ctx.waitpid(pid)) as ChildExit | null;
      workers.delete(pid);
      if (exit?.status.signal === SIGNALS.SIGKILL && kind === 'vm' && ctx.now < deadline) {
        if (verbose) ctx.out(`stress-ng: debug: [${me}] vm: assuming killed by OOM killer, restarting again (instance 0)\n`);
        if (!spawn('vm')) failed++;
      } else if (exit && (exit.status.signal !== undefined || exit.status.code !== 0)) failed++;
    }
  }
  for (const pid of workers.keys()) {
    const w = ctx.kernel.processes.get(pid);
    if (w) ctx.kernel.kill(w, SIGNALS.SIGKILL, ctx.proc);
  }
  while (workers.size > 0) {
    const r = (yield ctx.waitpid(-1)) as ChildExit | null;
    if (!r) break;
    workers.delete(r.pid);
  }
  const passed = stressors.reduce((n, s) => n + s.count, 0) - failed;
  ctx.out(`stress-ng: info:  [${me}] skipped: 0\n`);
  ctx.out(`stress-ng: info:  [${me}] passed: ${passed}:${stressors.map((s) => ` ${s.kind} (${s.count})`).join('')}\n`);
  ctx.out(`stress-ng: info:  [${me}] failed: ${failed}\n`);
  ctx.out(`stress-ng: info:  [${me}] metrics untrustworthy: 0\n`);
  ctx.out(`stress-ng: info:  [${me}] successful run completed in ${duration((ctx.now - started) / 1000, true)}\n`);
  return failed ? 2 : 0;
}

function* cpuWorker(ctx: ProcessContext): ProgramGenerator {
  ctx.rss(2 * MiB);
  ctx.cpu(1);
  for (;;) yield ctx.pause();
}

function* ioWorker(ctx: ProcessContext): ProgramGenerator {
  ctx.rss(2 * MiB);
  ctx.cpu(0.2);
  for (;;) yield ctx.pause();
}

function vmWorker(bytes: number) {
  return function* (ctx: ProcessContext): ProgramGenerator {
    const step = 100;
    for (;;) {
      ctx.cpu(1);
      let rss = 2 * MiB;
      while (rss < bytes) {
        rss = Math.min(bytes, rss + (TOUCH_RATE * step) / 1000);
        if (!ctx.rss(rss)) return;
        yield ctx.sleep(step);
      }
      // Touch it all once more, then munmap and start over (stress-ng's default vm method cycles).
      yield ctx.sleep(500);
      ctx.rss(2 * MiB);
    }
  };
}

/**
 * progrium/stress (stress 1.0.x): a master that forks hog workers — `--cpu N` spin, `--vm N`
 * allocate `--vm-bytes` and touch every page (then free and start over, or hold for
 * `--vm-hang` seconds), `--io N` call sync(). It reports like the real one, including the
 * FAIL lines when the OOM killer takes a worker, and exits 1 then.
 */
import type { ProcessContext } from '../kernel/context.ts';
import type { ChildExit, ProgramGenerator } from '../kernel/process.ts';
import { INTERRUPTED } from '../kernel/process.ts';
import { SIGNALS } from '../kernel/signals.ts';
import { MiB } from './util.ts';

interface StressOptions {
  cpu: number;
  io: number;
  vm: number;
  hdd: number;
  vmBytes: number;
  vmHang: number | null;
  timeout: number | null;
  verbose: boolean;
}

/** How fast a vm worker touches fresh memory, bytes per virtual second (slowed so a gauge can follow it). */
const TOUCH_RATE = 64 * MiB;

function parseBytes(s: string): number | undefined {
  const m = /^(\d+)([bBkKmMgG]?)$/.exec(s);
  if (!m) return undefined;
  const mult = { '': 1, b: 1, B: 1, k: 1024, K: 1024, m: MiB, M: MiB, g: 1024 * MiB, G: 1024 * MiB }[m[2]]!;
  return Number(m[1]) * mult;
}

function parseTime(s: string): number | undefined {
  const m = /^(\d+)([smhdy]?)$/.exec(s);
  if (!m) return undefined;
  return Number(m[1]) * { '': 1, s: 1, m: 60, h: 3600, d: 86400, y: 31536000 }[m[2] as '']!;
}

function usage(ctx: ProcessContext): number {
  ctx.out(`\`stress' imposes certain types of compute stress on your system

Usage: stress [OPTION [ARG]] ...
 -?, --help         show this help statement
     --version      show version statement
 -v, --verbose      be verbose
 -q, --quiet        be quiet
 -n, --dry-run      show what would have been done
 -t, --timeout N    timeout after N seconds
     --backoff N    wait factor of N microseconds before work starts
 -c, --cpu N        spawn N workers spinning on sqrt()
 -i, --io N         spawn N workers spinning on sync()
 -m, --vm N         spawn N workers spinning on malloc()/free()
     --vm-bytes B   malloc B bytes per vm worker (default is 256MB)
     --vm-stride B  touch a byte every B bytes (default is 4096)
     --vm-hang N    sleep N secs before free (default none, 0 is inf)
     --vm-keep      redirty memory instead of freeing and reallocating
 -d, --hdd N        spawn N workers spinning on write()/unlink()
     --hdd-bytes B  write B bytes per hdd worker (default is 1GB)

Example: stress --cpu 8 --io 4 --vm 2 --vm-bytes 128M --timeout 10s

Note: Numbers may be suffixed with s,m,h,d,y (time) or B,K,M,G (size).
`);
  return 0;
}

export function* stress(ctx: ProcessContext): ProgramGenerator {
  const o: StressOptions = { cpu: 0, io: 0, vm: 0, hdd: 0, vmBytes: 256 * MiB, vmHang: null, timeout: null, verbose: false };
  const a = ctx.argv.slice(1);
  const me = ctx.pid;
  if (a.length === 0) return usage(ctx);
  for (let i = 0; i < a.length; i++) {
    const flag = a[i];
    const val = a[i + 1];
    const num = () => {
      i++;
      return Number(val);
    };
    switch (flag) {
      case '-v': case '--verbose': o.verbose = true; break;
      case '-q': case '--quiet': o.verbose = false; break;
      case '-?': case '--help': return usage(ctx);
      case '--version': ctx.out('stress 1.0.4\n'); return 0;
      case '-c': case '--cpu': o.cpu = num(); break;
      case '-i': case '--io': o.io = num(); break;
      case '-m': case '--vm': o.vm = num(); break;
      case '-d': case '--hdd': o.hdd = num(); break;
      case '--vm-bytes': {
        const b = parseBytes(val ?? '');
        if (b === undefined) {
          ctx.err(`stress: FAIL: [${me}] (447) invalid number: ${val ?? ''}\n`);
          return 1;
        }
        o.vmBytes = b;
        i++;
        break;
      }
      case '--vm-hang': o.vmHang = num(); break;
      case '-t': case '--timeout': {
        const t = parseTime(val ?? '');
        if (t === undefined) {
          ctx.err(`stress: FAIL: [${me}] (447) invalid time: ${val ?? ''}\n`);
          return 1;
        }
        o.timeout = t;
        i++;
        break;
      }
      case '--vm-stride': case '--backoff': case '--hdd-bytes': i++; break;
      case '--vm-keep': case '-n': case '--dry-run': break;
      default:
        ctx.err(`stress: FAIL: [${me}] (244) unrecognized option: ${flag}\n`);
        return 1;
    }
  }
  ctx.rss(900 * 1024);
  ctx.out(`stress: info: [${me}] dispatching hogs: ${o.cpu} cpu, ${o.io} io, ${o.vm} vm, ${o.hdd} hdd\n`);
  if (o.verbose) ctx.out(`stress: dbug: [${me}] using backoff sleep of ${3000 * (o.cpu + o.io + o.vm + o.hdd)}us\n`);
  if (o.verbose && o.timeout !== null) ctx.out(`stress: dbug: [${me}] setting timeout to ${o.timeout}s\n`);
  const started = ctx.now;
  // The master wait()s for its workers itself: keep their zombies for it (a worker killed while
  // the master runs would otherwise be reaped behind its back).
  ctx.proc.autoReap = false;
  const workers = new Map<number, number>();
  const spawnWorker = (kind: 'cpu' | 'io' | 'vm' | 'hdd', n: number): boolean => {
    const program = kind === 'cpu' ? cpuHog : kind === 'vm' ? vmHog(o) : ioHog;
    const child = ctx.spawn({ argv: ctx.argv, comm: 'stress', program });
    if (typeof child === 'string') {
      ctx.err(`stress: FAIL: [${me}] (479) fork failed: Resource temporarily unavailable\n`);
      return false;
    }
    const pid = ctx.kernel.pidIn(child, ctx.proc.ns.pid);
    workers.set(child.hostPid, pid);
    if (o.verbose) ctx.out(`stress: dbug: [${me}] --> hog${kind} worker ${n} [${pid}] forked\n`);
    return true;
  };
  for (const [kind, count] of [['cpu', o.cpu], ['io', o.io], ['vm', o.vm], ['hdd', o.hdd]] as const) {
    for (let n = 1; n <= count; n++) if (!spawnWorker(kind, n)) return 1;
  }
  let timedOut = false;
  let stopping = false;
  ctx.onSignal(SIGNALS.SIGTERM, () => {
    stopping = true;
    ctx.interrupt();
  });
  ctx.onSignal(SIGNALS.SIGINT, () => {
    stopping = true;
    ctx.interrupt();
  });
  const elapsed = () => Math.max(0, Math.round((ctx.now - started) / 1000));
  const deadline = o.timeout !== null ? started + o.timeout * 1000 : Infinity;
  while (workers.size > 0) {
    const left = deadline - ctx.now;
    if (left <= 0 && !timedOut) {
      timedOut = true;
      for (const pid of workers.keys()) {
        const w = ctx.kernel.processes.get(pid);
        if (w) ctx.kernel.kill(w, SIGNALS.SIGTERM, ctx.proc);
      }
    }
    if (stopping) return 128 + SIGNALS.SIGTERM;
    const res = (yield timedOut || !Number.isFinite(left) ? ctx.waitpid(-1) : ctx.until(() => [...workers.keys()].some((p) => !ctx.kernel.processes.get(p)?.alive), left)) as ChildExit | boolean | null | typeof INTERRUPTED;
    if (res === INTERRUPTED) continue;
    if (res === null && timedOut) break; // ECHILD: nothing left to wait for
    if (typeof res === 'boolean' || res === null) {
      if (res === true) {
        const dead = [...workers.keys()].find((p) => !ctx.kernel.processes.get(p)?.alive);
        if (dead !== undefined) {
          const z = (yield ctx.waitpid(dead)) as ChildExit | null;
          if (z) yield* onWorkerExit(z);
        }
      }
      continue;
    }
    yield* onWorkerExit(res);
  }
  ctx.out(`stress: info: [${me}] successful run completed in ${elapsed()}s\n`);
  return 0;

  function* onWorkerExit(res: ChildExit): Generator<never, void, unknown> {
    const pid = workers.get(res.pid) ?? res.pid;
    workers.delete(res.pid);
    if (timedOut && res.status.signal === SIGNALS.SIGTERM) return;
    if (res.status.signal !== undefined) {
      ctx.err(`stress: FAIL: [${me}] (415) <-- worker ${pid} got signal ${res.status.signal}\n`);
    } else if (res.status.code !== 0) {
      ctx.err(`stress: FAIL: [${me}] (418) <-- worker ${pid} returned error ${res.status.code}\n`);
    } else return;
    ctx.err(`stress: WARN: [${me}] (417) now reaping child worker processes\n`);
    for (const other of workers.keys()) {
      const w = ctx.kernel.processes.get(other);
      if (w) ctx.kernel.kill(w, SIGNALS.SIGKILL, ctx.proc);
    }
    ctx.err(`stress: FAIL: [${me}] (421) kill error: No such process\n`);
    ctx.err(`stress: FAIL: [${me}] (451) failed run completed in ${elapsed()}s\n`);
    throw new StressFailed();
  }

}

class StressFailed extends Error {}

/** Wraps the master so a failed run exits 1 as stress does. */
export function* stressMain(ctx: ProcessContext): ProgramGenerator {
  try {
    return yield* stress(ctx);
  } catch (e) {
    if (e instanceof StressFailed) return 1;
    throw e;
  }
}

function* cpuHog(ctx: ProcessContext): ProgramGenerator {
  ctx.rss(120 * 1024);
  ctx.cpu(1);
  for (;;) yield ctx.pause();
}

function* ioHog(ctx: ProcessContext): ProgramGenerator {
  ctx.rss(120 * 1024);
  ctx.cpu(0.15);
  for (;;) yield ctx.pause();
}

function vmHog(o: StressOptions) {
  return function* (ctx: ProcessContext): ProgramGenerator {
    const me = ctx.pid;
    const step = 100;
    for (;;) {
      if (o.verbose) {
        ctx.out(`stress: dbug: [${me}] allocating ${o.vmBytes} bytes ...\n`);
        ctx.out(`stress: dbug: [${me}] touching bytes in strides of 4096 bytes ...\n`);
      }
      ctx.cpu(1);
      let rss = 120 * 1024;
      while (rss < o.vmBytes) {
        rss = Math.min(o.vmBytes, rss + (TOUCH_RATE * step) / 1000);
        if (!ctx.rss(rss)) return;
        yield ctx.sleep(step);
      }
      if (o.vmHang !== null) {
        ctx.cpu(0);
        if (o.verbose) ctx.out(`stress: dbug: [${me}] sleeping for ${o.vmHang}s with allocated memory\n`);
        if (o.vmHang === 0) for (;;) yield ctx.pause();
        yield ctx.sleep(o.vmHang * 1000);
      }
      ctx.rss(120 * 1024);
      if (o.verbose) ctx.out(`stress: dbug: [${me}] freed ${o.vmBytes} bytes\n`);
    }
  };
}

/**
 * The simulated Linux kernel: the process table (host PIDs and per-namespace PIDs, parents,
 * zombies and reaping), signal delivery with PID 1's special rules, fork limits from pids.max,
 * the CPU scheduler and memory accounting with the OOM killer (scheduler.ts, oom.ts), and a
 * deterministic event loop that runs process programs in virtual time.
 *
 * Lifecycle of a process: spawn (fork+exec) → runs its program, parking on Waits → exits
 * (exit code or signal) → zombie until its parent reaps it → gone. When the init of a PID
 * namespace exits, the kernel SIGKILLs everything else in that namespace (pid_namespaces(7)).
 */
import type { Clock } from '../clock.ts';
import type { KernelEvent, KernelEventKind } from '../snapshot.ts';
import { CgroupTree, type Cgroup } from './cgroup.ts';
import { ProcessContext, type Machine } from './context.ts';
import { NamespaceTable, type NamespaceRefs, type PidNamespace } from './namespaces.ts';
import { chargeMemory } from './oom.ts';
import { INTERRUPTED, Process, type ChildExit, type ExitStatus, type ProgramFn, type ResumeValue, type Wait } from './process.ts';
import { schedule } from './scheduler.ts';
import { DEFAULT_IGNORED, SIGNALS } from './signals.ts';
import { EOF, type Stream } from './streams.ts';
import type { Terminal } from './tty.ts';
export type { Machine } from './context.ts';

export type SpawnError = 'EAGAIN' | 'ENOMEM';

export interface SpawnOptions {
  readonly parent: Process | null;
  readonly argv: readonly string[];
  readonly program: ProgramFn;
  readonly comm?: string;
  readonly env?: Map<string, string>;
  readonly cwd?: string;
  /** Descriptors for the child; each is opened again for it (dup). Defaults to the parent's. */
  readonly fds?: readonly (Stream | null)[];
  readonly fdModes?: readonly ('r' | 'w')[];
  readonly ns?: NamespaceRefs;
  readonly cgroup?: Cgroup;
  readonly containerId?: string | null;
  readonly uid?: number;
  readonly user?: string;
  /** Host PID to use as the parent when `parent` is null (the shim re-parented to systemd, …). */
  readonly ppid?: number;
  readonly pgid?: number;
}

interface Timer {
  readonly at: number;
  readonly seq: number;
  readonly pid: number;
  readonly token: number;
}

const MAX_EVENTS = 200;
/** The host's kernel.pid_max (the classic default, PID_MAX_DEFAULT): when the table is full, fork returns EAGAIN. */
export const PID_MAX_PROCESSES = 32768;
/**
 * pids.max of a container's `docker-<id>.scope` when no --pids-limit is given: runc's systemd
 * driver sets TasksMax only for a limit (> 0, or -1 = infinity), so systemd's DefaultTasksMax
 * applies — 15 % of kernel.pid_max, 4915 with the default pid_max (systemd-system.conf(5)).
 * This is the host's limit that stops a fork bomb in a container and keeps the host usable;
 * it also keeps the simulation fast (one bomb = ~5,000 processes, not 32,768).
 */
export const DEFAULT_TASKS_MAX = Math.floor(PID_MAX_PROCESSES * 0.15);
/** Virtual ms between two events about the same refused fork (a bomb retries thousands of times). */
const FORK_EVENT_INTERVAL_MS = 1000;
/** Sentinel resume for a waitpid that found no child (ECHILD). */
const NO_CHILD: ChildExit | null = null;

export class Kernel {
  readonly clock: Clock;
  readonly cpus: number;
  readonly memoryBytes: number;
  readonly namespaces: NamespaceTable;
  readonly cgroups = new CgroupTree();
  readonly processes = new Map<number, Process>();
  readonly events: KernelEvent[] = [];
  machine!: Machine;
  /** The network stack and libnetwork's state (set by the machine: engine/network/controller.ts). */
  net!: import('../network/controller.ts').NetworkController;
  /** Bumped whenever a process appears, disappears or changes in a way the snapshot shows. */
  structureRev = 0;

  #nextHostPid = 1;
  #eventSeq = 0;
  #timers: Timer[] = [];
  #timerSeq = 0;
  #waitToken = 0;
  readonly #tokens = new Map<number, number>();
  #runQueue: { pid: number; value: ResumeValue; token: number }[] = [];
  readonly #polling = new Set<number>();
  readonly #pollDeadline = new Map<number, number>();
  #terminals: Terminal[] = [];

  constructor(clock: Clock, opts: { cpus: number; memoryBytes: number; hostname: string }) {
    this.clock = clock;
    this.cpus = opts.cpus;
    this.memoryBytes = opts.memoryBytes;
    this.namespaces = new NamespaceTable(opts.hostname);
  }

  get now(): number {
    return this.clock.now;
  }

  attachTerminal(t: Terminal): void {
    this.#terminals.push(t);
  }

  /** Reserves host PIDs (threads and short-lived helpers of real daemons use them up). */
  skipPids(n: number): void {
    this.#nextHostPid += n;
  }

  get nextHostPid(): number {
    return this.#nextHostPid;
  }

  // ── processes ────────────────────────────────────────────────────────────────────────────

  /** fork() + execve(): a new process running `program`. Fails like the kernel when limits say so. */
  spawn(opts: SpawnOptions): Process | SpawnError {
    const parent = opts.parent;
    const ns = opts.ns ?? parent?.ns ?? this.namespaces.host;
    const cgroup = opts.cgroup ?? parent?.cgroup ?? this.cgroups.root;
    if (ns.pid.dead) return 'ENOMEM';
    if (this.processes.size >= PID_MAX_PROCESSES) {
      this.pidMaxHits += 1;
      this.#forkEvent('pid-max', cgroup.containerId, parent, PID_MAX_PROCESSES);
      return 'EAGAIN';
    }
    for (const g of cgroup.ancestorsAndSelf()) {
      if (g.pidsMax !== null && g.pidsCurrent + 1 > g.pidsMax) {
        g.pidsEventsMax += 1;
        this.#forkEvent(g.pidsMaxDefault ? 'pid-max' : 'fork-failed', cgroup.containerId, parent, g.pidsMax);
        return 'EAGAIN';
      }
    }
    const hostPid = this.#nextHostPid++;
    const pids: number[] = [];
    const chain: PidNamespace[] = [];
    for (let p: PidNamespace | null = ns.pid; p; p = p.parent) chain.unshift(p);
    for (const level of chain) {
      if (level.level === 0) pids.push(hostPid);
      else pids.push(level.nextPid++);
    }
    if (ns.pid.level > 0 && pids[pids.length - 1] === 1) ns.pid.initHostPid = hostPid;
    const comm = opts.comm ?? basename(opts.argv[0] ?? '?');
    const p = new Process({
      hostPid, pids, ppid: parent?.hostPid ?? opts.ppid ?? 0, comm, argv: opts.argv,
      env: new Map(opts.env ?? parent?.env ?? []), cwd: opts.cwd ?? parent?.cwd ?? '/', uid: opts.uid ?? parent?.uid ?? 0,
      user: opts.user ?? parent?.user ?? 'root', ns, cgroup, containerId: opts.containerId !== undefined ? opts.containerId : (parent?.containerId ?? null),
      startedAt: this.now,
    });
    p.pgid = opts.pgid ?? parent?.pgid ?? hostPid;
    const fds = opts.fds ?? parent?.fds ?? [];
    const modes = opts.fdModes ?? parent?.fdModes ?? [];
    fds.forEach((s, i) => {
      p.fds[i] = s;
      p.fdModes[i] = modes[i] ?? (i === 0 ? 'r' : 'w');
      s?.open(p.fdModes[i]);
    });
    const parentProc = parent ?? this.processes.get(p.ppid);
    parentProc?.children.add(hostPid);
    for (const g of cgroup.ancestorsAndSelf()) g.pidsCurrent += 1;
    this.processes.set(hostPid, p);
    this.structureRev += 1;
    p.gen = opts.program(new ProcessContext(this, p));
    this.#enqueue(p, undefined);
    return p;
  }

  /** The process with this PID as seen from `ns` (host PIDs for the host namespace). */
  lookup(pid: number, ns: PidNamespace = this.namespaces.host.pid): Process | undefined {
    if (ns.level === 0) return this.processes.get(pid);
    for (const p of this.processes.values()) {
      if (p.pids.length > ns.level && p.pids[ns.level] === pid && this.#visibleIn(p, ns)) return p;
    }
    return undefined;
  }

  #visibleIn(p: Process, ns: PidNamespace): boolean {
    for (let q: PidNamespace | null = p.ns.pid; q; q = q.parent) if (q === ns) return true;
    return false;
  }

  /** Processes visible from a PID namespace, by PID order. */
  visibleFrom(ns: PidNamespace): Process[] {
    const out = [...this.processes.values()].filter((p) => this.#visibleIn(p, ns));
    return out.sort((a, b) => a.pids[ns.level] - b.pids[ns.level]);
  }

  /** PID of `p` as seen from `ns` (0 when invisible, as getppid() of a parent outside the namespace). */
  pidIn(p: Process | undefined, ns: PidNamespace): number {
    if (!p || !this.#visibleIn(p, ns)) return 0;
    return p.pids[ns.level];
  }

  // ── signals ──────────────────────────────────────────────────────────────────────────────

  /**
   * kill(2). `sender` decides PID 1's protection: a namespace's init only gets signals it handles,
   * except SIGKILL/SIGSTOP sent from an ancestor namespace (pid_namespaces(7)).
   */
  kill(target: Process, signal: number, sender: Process | null): void {
    if (!target.alive) return;
    const senderNs = sender?.ns.pid ?? this.namespaces.host.pid;
    // Every PID namespace's init, the host's systemd included, is SIGNAL_UNKILLABLE from inside.
    const isInit = target.nsPid === 1;
    if (signal !== 0) this.event('signal', target.containerId, target.hostPid, target.comm, signal);
    if (signal === 0) return;
    if (isInit && !target.handlers.has(signal)) {
      const fromOutside = senderNs !== target.ns.pid;
      if (!(fromOutside && (signal === SIGNALS.SIGKILL || signal === SIGNALS.SIGSTOP))) return;
    }
    if (signal === SIGNALS.SIGKILL) {
      this.terminate(target, { signal });
      return;
    }
    // SIGTTIN/SIGTTOU stop by default (a background job touching the terminal), like SIGTSTP.
    if (signal === SIGNALS.SIGSTOP || signal === SIGNALS.SIGTSTP || ((signal === SIGNALS.SIGTTIN || signal === SIGNALS.SIGTTOU) && !target.handlers.has(signal) && !target.ignored.has(signal))) {
      target.stopped = true;
      target.state = 'T';
      target.touch();
      return;
    }
    if (signal === SIGNALS.SIGCONT) {
      if (target.stopped) {
        target.stopped = false;
        target.state = target.cpuDemand > 0 ? 'R' : 'S';
        target.touch();
      }
      target.handlers.get(signal)?.(signal);
      return;
    }
    if (target.ignored.has(signal)) return;
    const handler = target.handlers.get(signal);
    if (handler) {
      handler(signal);
      return;
    }
    if (DEFAULT_IGNORED.has(signal)) return;
    this.terminate(target, { signal });
  }

  /** Sends a signal to every live process of a process group. */
  killGroup(pgid: number, signal: number, sender: Process | null): void {
    for (const p of [...this.processes.values()]) if (p.pgid === pgid && p.alive) this.kill(p, signal, sender);
  }

  /** Wakes a process blocked in a Wait so it resumes with INTERRUPTED (a signal handler ran). */
  interrupt(p: Process): void {
    if (!p.alive || !p.wait) return;
    this.#cancelWait(p);
    this.#enqueue(p, INTERRUPTED);
  }

  // ── exit and reaping ─────────────────────────────────────────────────────────────────────

  /** The process ends now: descriptors closed, memory uncharged, children re-parented, parent told. */
  terminate(p: Process, status: ExitStatus): void {
    if (!p.alive) return;
    this.#cancelWait(p);
    p.exit = status;
    const gen = p.gen;
    p.gen = null;
    p.state = 'Z';
    this.#busyProcs.delete(p);
    p.cpuDemand = 0;
    p.cpuRate = 0;
    chargeMemory(this, p, 0);
    p.fds.forEach((s, i) => s?.close(p.fdModes[i] ?? 'w'));
    p.fds = [];
    p.handlers.clear();
    p.touch();
    this.structureRev += 1;

    const pidns = p.ns.pid;
    const isInit = pidns.level > 0 && p.nsPid === 1;
    if (isInit) {
      pidns.dead = true;
      pidns.initHostPid = 0;
      this.event('pid1-exit', p.containerId, p.hostPid, p.comm, status.signal !== undefined ? 128 + status.signal : status.code);
      for (const q of [...this.processes.values()]) {
        if (q !== p && q.alive && this.#visibleIn(q, pidns)) this.terminate(q, { signal: SIGNALS.SIGKILL });
      }
    }
    // Orphans go to the namespace's init, or to the nearest subreaper / systemd on the host.
    for (const cpid of p.children) {
      const c = this.processes.get(cpid);
      if (!c) continue;
      const reaper = this.#reaperFor(c, p);
      c.ppid = reaper?.hostPid ?? 0;
      c.adopted = true;
      reaper?.children.add(cpid);
      c.touch();
      if (!c.alive && reaper) this.#childDied(reaper, c);
    }
    p.children.clear();
    const parent = this.processes.get(p.ppid);
    if (parent) this.#childDied(parent, p);
    else this.#reap(p);
    // A killed program's `finally` blocks still run (listeners removed, a build's sandbox torn
    // down), as a real process's resources are released by the kernel whatever way it ends.
    if (gen) {
      try {
        gen.return(undefined as never);
      } catch {
        // The generator is the one running (a process ending itself) or its cleanup threw.
      }
    }
    for (const w of p.exitWatchers.splice(0)) w();
  }

  #reaperFor(orphan: Process, dying: Process): Process | undefined {
    const ns = orphan.ns.pid;
    if (ns.level > 0 && ns.initHostPid && ns.initHostPid !== dying.hostPid) return this.processes.get(ns.initHostPid);
    // Walk up the dying process's ancestors for a live child subreaper (containerd-shim marks itself one).
    for (let a = this.processes.get(dying.ppid); a; a = this.processes.get(a.ppid)) {
      if (a.alive && a.autoReap && a.comm.startsWith('containerd-shim')) return a;
      if (a.hostPid === 1) return a;
    }
    return this.processes.get(1);
  }

  #childDied(parent: Process, child: Process): void {
    parent.onChildExit?.(child);
    const w = parent.wait;
    if (w && w.kind === 'waitpid' && (w.pid === -1 || w.pid === child.hostPid)) {
      this.#cancelWait(parent);
      this.#reap(child);
      this.#enqueue(parent, { pid: child.hostPid, status: child.exit! });
      return;
    }
    if (parent.autoReap || !parent.alive || child.adopted) this.#reap(child);
  }

  /** Removes a zombie from the table (its parent called wait()). */
  #reap(p: Process): void {
    if (!this.processes.has(p.hostPid)) return;
    this.processes.delete(p.hostPid);
    const parent = this.processes.get(p.ppid);
    parent?.children.delete(p.hostPid);
    if (parent) parent.childCpuTimeUs += p.cpuTimeUs + p.childCpuTimeUs;
    for (const g of p.cgroup.ancestorsAndSelf()) g.pidsCurrent = Math.max(0, g.pidsCurrent - 1);
    this.structureRev += 1;
  }

  /** Forks refused because the process table was full (kernel.pid_max). */
  pidMaxHits = 0;
  readonly #lastForkEvent = new Map<string, number>();

  /** A refused fork, as an event: at most one a second per container and cause, not one per retry. */
  #forkEvent(kind: 'pid-max' | 'fork-failed', containerId: string | null, parent: Process | null, limit: number): void {
    const key = `${kind}:${containerId ?? ''}`;
    const last = this.#lastForkEvent.get(key);
    if (last !== undefined && this.now - last < FORK_EVENT_INTERVAL_MS) return;
    this.#lastForkEvent.set(key, this.now);
    this.event(kind, containerId, parent?.hostPid ?? null, parent?.comm ?? null, kind === 'pid-max' ? limit : null);
  }

  /** Moves a process into another cgroup (writing its PID to cgroup.procs). */
  moveToCgroup(p: Process, target: Cgroup): void {
    const rss = p.rssBytes;
    chargeMemory(this, p, 0);
    for (const g of p.cgroup.ancestorsAndSelf()) g.pidsCurrent = Math.max(0, g.pidsCurrent - 1);
    p.cgroup = target;
    for (const g of target.ancestorsAndSelf()) g.pidsCurrent += 1;
    chargeMemory(this, p, rss);
    p.touch();
    this.structureRev += 1;
  }

  // ── resources ────────────────────────────────────────────────────────────────────────────

  setCpuDemand(p: Process, cores: number): void {
    const d = Math.max(0, cores);
    if (p.cpuDemand === d) return;
    if (p.cpuDemand > 0) this.#busyProcs.delete(p);
    if (d > 0 && p.alive) this.#busyProcs.add(p);
    else p.cpuRate = 0;
    p.cpuDemand = d;
    const st = p.stopped ? 'T' : d > 0 ? 'R' : 'S';
    if (p.alive && p.state !== st) {
      p.state = st;
      p.touch();
    }
  }

  /** Sets the resident memory of `p`; may invoke the OOM killer. Returns false when `p` died of it. */
  setRss(p: Process, bytes: number): boolean {
    chargeMemory(this, p, Math.max(0, Math.round(bytes)));
    return p.alive;
  }

  /** After a limit was lowered (`docker update --memory`): the OOM killer acts until the cgroup fits. */
  enforceMemoryLimit(path: string): void {
    const g = this.cgroups.get(path);
    for (let guard = 0; g && g.memoryMax !== null && g.memoryCurrent > g.memoryMax && guard < 100; guard++) {
      const victim = [...this.processes.values()].filter((p) => p.alive && p.cgroup === g).sort((a, b) => b.rssBytes - a.rssBytes)[0];
      if (!victim) break;
      const rss = victim.rssBytes;
      chargeMemory(this, victim, 0);
      chargeMemory(this, victim, rss);
    }
  }

  event(kind: KernelEventKind, containerId: string | null, hostPid: number | null, comm: string | null, value: number | null): void {
    this.events.push({ seq: ++this.#eventSeq, t: this.now, kind, containerId, hostPid, comm, value });
    if (this.events.length > MAX_EVENTS) this.events.splice(0, this.events.length - MAX_EVENTS);
  }

  // ── the event loop ───────────────────────────────────────────────────────────────────────

  #enqueue(p: Process, value: ResumeValue): void {
    const token = ++this.#waitToken;
    this.#tokens.set(p.hostPid, token);
    p.wait = null;
    this.#runQueue.push({ pid: p.hostPid, value, token });
  }

  #cancelWait(p: Process): void {
    p.unpark?.();
    p.unpark = null;
    this.#polling.delete(p.hostPid);
    this.#pollDeadline.delete(p.hostPid);
    this.#tokens.set(p.hostPid, ++this.#waitToken); // invalidates pending timers/queue entries
    p.wait = null;
  }

  /** Runs every process that can run now, until all are parked. */
  dispatch(): void {
    let guard = 0;
    while (this.#runQueue.length > 0) {
      if (++guard > 200_000) throw new Error('kernel: runaway dispatch loop');
      const item = this.#runQueue.shift()!;
      const p = this.processes.get(item.pid);
      if (!p || !p.alive || this.#tokens.get(p.hostPid) !== item.token) continue;
      if (p.cgroup.isFrozen() || p.stopped) {
        // Frozen tasks don't run; retry when thawed (checked each tick).
        this.#frozenQueue.push(item);
        continue;
      }
      this.#step(p, item.value);
    }
  }

  #frozenQueue: { pid: number; value: ResumeValue; token: number }[] = [];

  #step(p: Process, value: ResumeValue): void {
    const gen = p.gen;
    if (!gen) return;
    let result: IteratorResult<Wait, number | void>;
    try {
      result = gen.next(value);
    } catch (e) {
      // A program bug must not take the machine down: the process dies like a segfault would.
      this.machine.reportBug?.(p, e);
      this.terminate(p, { signal: SIGNALS.SIGSEGV });
      return;
    }
    if (!p.alive || p.gen !== gen) return; // killed or exec'd while running
    if (result.done) {
      this.terminate(p, { code: (result.value ?? 0) & 0xff });
      return;
    }
    this.#park(p, result.value);
  }

  #park(p: Process, w: Wait): void {
    p.wait = w;
    const token = ++this.#waitToken;
    this.#tokens.set(p.hostPid, token);
    switch (w.kind) {
      case 'sleep':
        if (w.ms <= 0) this.#enqueue(p, undefined);
        else this.#addTimer(this.now + w.ms, p.hostPid, token);
        return;
      case 'read': {
        const stream = p.fds[w.fd];
        if (!stream) {
          this.#enqueue(p, EOF);
          return;
        }
        const term = this.#terminals.find((t) => t.stream === stream);
        if (term && term.isBackground(p)) {
          // A background job reading the terminal: SIGTTIN stops its group; the read waits (until killed).
          this.killGroup(p.pgid, SIGNALS.SIGTTIN, null);
          return;
        }
        if (term) {
          term.requestLine(p, w);
          p.unpark = () => term.cancelRequest(p);
          return;
        }
        // A shell reading a container's pty shows its prompt there first (the host terminal does it itself).
        if (w.prompt && stream.isTty) stream.write(w.prompt, 'prompt');
        const data = stream.read(w.line);
        if (data !== null) {
          this.#enqueue(p, data);
          return;
        }
        const off = stream.onReadable(() => {
          if (this.#tokens.get(p.hostPid) !== token) return;
          const d = stream.read(w.line);
          if (d === null) return;
          off();
          p.unpark = null;
          this.#enqueue(p, d);
        });
        p.unpark = off;
        return;
      }
      case 'waitpid': {
        const zombies = [...p.children].map((c) => this.processes.get(c)).filter((c): c is Process => !!c && !c.alive && (w.pid === -1 || c.hostPid === w.pid));
        if (zombies.length > 0) {
          const z = zombies[0];
          this.#reap(z);
          this.#enqueue(p, { pid: z.hostPid, status: z.exit! });
          return;
        }
        const live = w.pid === -1 ? p.children.size > 0 : p.children.has(w.pid);
        if (!live) this.#enqueue(p, NO_CHILD);
        return;
      }
      case 'pause':
        return;
      case 'until':
        if (w.check()) {
          this.#enqueue(p, true);
          return;
        }
        this.#polling.add(p.hostPid);
        if (w.timeoutMs !== undefined) this.#pollDeadline.set(p.hostPid, this.now + w.timeoutMs);
        return;
      case 'exec': {
        p.argv = w.argv;
        p.comm = w.comm ?? basename(w.argv[0] ?? p.comm);
        p.handlers.clear();
        p.autoReap = true; // the new program decides again whether it waits for its children
        p.touch();
        this.structureRev += 1;
        p.gen = w.program(new ProcessContext(this, p));
        this.#enqueue(p, undefined);
        return;
      }
      default: {
        const never: never = w;
        throw new Error(`unknown wait ${String(never)}`);
      }
    }
  }

  /** Called by a terminal when it has a line (or EOF) for a reader it parked. */
  deliverRead(p: Process, data: string | typeof EOF): void {
    if (!p.alive || !p.wait || p.wait.kind !== 'read') return;
    p.unpark = null;
    p.wait = null;
    this.#enqueue(p, data);
  }

  #addTimer(at: number, pid: number, token: number): void {
    const t: Timer = { at, seq: ++this.#timerSeq, pid, token };
    const h = this.#timers;
    h.push(t);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (less(h[parent], h[i])) break;
      [h[parent], h[i]] = [h[i], h[parent]];
      i = parent;
    }
  }

  #popTimer(): Timer | undefined {
    const h = this.#timers;
    if (h.length === 0) return undefined;
    const top = h[0];
    const last = h.pop()!;
    if (h.length > 0) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && less(h[l], h[m])) m = l;
        if (r < h.length && less(h[r], h[m])) m = r;
        if (m === i) break;
        [h[m], h[i]] = [h[i], h[m]];
        i = m;
      }
    }
    return top;
  }

  /** The earliest pending timer, if any (lets a driver skip idle time). */
  nextTimerAt(): number | undefined {
    while (this.#timers.length > 0) {
      const t = this.#timers[0];
      if (this.#tokens.get(t.pid) === t.token && this.processes.get(t.pid)?.alive) return t.at;
      this.#popTimer();
    }
    return undefined;
  }

  /** Processes with CPU demand (the only ones the scheduler looks at). */
  readonly #busyProcs = new Set<Process>();

  get busyProcesses(): ReadonlySet<Process> {
    return this.#busyProcs;
  }

  /** True when something needs time to pass tick by tick (CPU demand or polled waits). */
  get busy(): boolean {
    return this.#polling.size > 0 || this.#busyProcs.size > 0;
  }

  /**
   * Advances virtual time to `t`: accounts CPU for the interval, fires due timers, runs what woke.
   * Callers step in ticks (≤ 100 ms) so CPU accounting and gauges stay smooth.
   */
  advanceTo(t: number): void {
    const from = this.now;
    if (t > from) {
      schedule(this, (t - from) / 1000);
      this.clock.advanceTo(t);
    }
    this.#fireTimers();
    this.#pollWaits();
    if (this.#frozenQueue.length > 0) {
      const q = this.#frozenQueue;
      this.#frozenQueue = [];
      this.#runQueue.push(...q);
    }
    this.dispatch();
    this.machine.afterTick?.();
    this.dispatch();
  }

  #fireTimers(): void {
    for (;;) {
      const top = this.#timers[0];
      if (!top || top.at > this.now) break;
      this.#popTimer();
      const p = this.processes.get(top.pid);
      if (!p || !p.alive || this.#tokens.get(top.pid) !== top.token) continue;
      p.wait = null;
      this.#runQueue.push({ pid: top.pid, value: undefined, token: top.token });
    }
  }

  #pollWaits(): void {
    for (const pid of [...this.#polling]) {
      const p = this.processes.get(pid);
      if (!p || !p.alive || !p.wait || p.wait.kind !== 'until') {
        this.#polling.delete(pid);
        continue;
      }
      const ok = p.wait.check();
      const deadline = this.#pollDeadline.get(pid);
      if (ok || (deadline !== undefined && this.now >= deadline)) {
        this.#polling.delete(pid);
        this.#pollDeadline.delete(pid);
        this.#enqueue(p, ok);
      }
    }
  }

  cgroupOf(path: string): Cgroup | undefined {
    return this.cgroups.get(path);
  }
}

function less(a: Timer, b: Timer): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}

export function basename(path: string): string {
  const i = path.lastIndexOf('/');
  return (i >= 0 ? path.slice(i + 1) : path).slice(0, 15);
}

/**
 * A process: a host PID, a PID in each PID namespace it is visible in, a parent, a cgroup, a set
 * of namespaces, file descriptors, and a program. Programs are generators that yield `Wait`s
 * (sleep, read, wait for a child, …) so one deterministic loop can run thousands of them in
 * virtual time; what a process costs the machine (CPU demand, resident memory) is set by its
 * program and accounted by the scheduler and the memory controller.
 */
import type { ProcessState } from '../snapshot.ts';
import type { Cgroup } from './cgroup.ts';
import type { NamespaceRefs } from './namespaces.ts';
import type { ReadResult, Stream } from './streams.ts';

/** How a process ended: exit(code), or killed by a signal. */
export type ExitStatus = { readonly code: number; readonly signal?: undefined } | { readonly code?: undefined; readonly signal: number };

/** The shell's `$?` for a status: the code, or 128 + signal. */
export function statusCode(s: ExitStatus): number {
  return s.signal !== undefined ? 128 + s.signal : s.code;
}

/** Line-editing completion offered by the reader of a terminal (the host shell completes docker words). */
export type Completer = (line: string) => readonly string[];

export const INTERRUPTED = Symbol('EINTR');

export type Wait =
  /** Sleep for virtual ms (resumes with undefined, or INTERRUPTED if a signal handler woke it). */
  | { readonly kind: 'sleep'; readonly ms: number }
  /** Read from a descriptor (resumes with data or EOF). On a terminal, `prompt` is shown first. */
  | {
      readonly kind: 'read'; readonly fd: number; readonly line?: boolean; readonly prompt?: string; readonly completer?: Completer; readonly history?: string; readonly echo?: boolean;
      /**
       * A shell at its prompt: Ctrl-C dropped the line being typed. The reader forgets what it
       * had pending (the first lines of an unfinished command) and returns the prompt to show now.
       */
      readonly onInterrupt?: () => string;
    }
  /** waitpid() on a child's host PID, or -1 for any child (resumes with a ChildExit, or null if there are none). */
  | { readonly kind: 'waitpid'; readonly pid: number }
  /** Block until a signal handler wakes the process (resumes with INTERRUPTED). */
  | { readonly kind: 'pause' }
  /** Block until `check()` holds (resumes true), or until `timeoutMs` passes (resumes false). Polled each tick. */
  | { readonly kind: 'until'; readonly check: () => boolean; readonly timeoutMs?: number }
  /** Replace the program (execve): the process keeps its PIDs. */
  | { readonly kind: 'exec'; readonly argv: readonly string[]; readonly program: ProgramFn; readonly comm?: string };

export interface ChildExit {
  readonly pid: number;
  readonly status: ExitStatus;
}

export type ResumeValue = undefined | ReadResult | ChildExit | null | boolean | typeof INTERRUPTED;

export type ProgramGenerator = Generator<Wait, number | void, ResumeValue>;

/** A program's code. The context gives it its process's view of the machine. */
export type ProgramFn = (ctx: import('./context.ts').ProcessContext) => ProgramGenerator;

export class Process {
  readonly hostPid: number;
  /** PIDs from the host level down: [hostPid, …, pid in the innermost namespace]. */
  readonly pids: readonly number[];
  ppid: number;
  pgid: number;
  comm: string;
  argv: readonly string[];
  env: Map<string, string>;
  cwd: string;
  uid: number;
  user: string;
  ns: NamespaceRefs;
  cgroup: Cgroup;
  readonly containerId: string | null;
  readonly startedAt: number;
  fds: (Stream | null)[] = [];
  readonly fdModes: ('r' | 'w')[] = [];
  readonly children = new Set<number>();

  state: ProcessState = 'S';
  exit: ExitStatus | null = null;
  gen: ProgramGenerator | null = null;
  wait: Wait | null = null;
  /** Cancels the park on a stream while waiting to read. */
  unpark: (() => void) | null = null;
  /** Signals this program handles, with the handler. */
  readonly handlers = new Map<number, (signal: number) => void>();
  /** Signals set to SIG_IGN. */
  readonly ignored = new Set<number>();
  /** True when the parent reaps children as soon as they die (a SIGCHLD handler calling waitpid). */
  autoReap = true;
  /**
   * Re-parented to a reaper after its parent died. Shells wait for any child (waitpid(-1)), so the
   * reaper collects it at once even when it keeps its own children's zombies for `wait`.
   */
  adopted = false;
  /** Called when a child dies (the shim uses it to report the container's exit). */
  onChildExit: ((child: Process) => void) | null = null;
  /** Called once when the process exits (clients waiting on an exec'd process). */
  readonly exitWatchers: (() => void)[] = [];
  stopped = false;

  /** Cores this process would use if it could (0 = idle, 1 = one busy thread). */
  cpuDemand = 0;
  /** Cores actually granted in the last tick. */
  cpuRate = 0;
  /** CPU time used, µs. */
  cpuTimeUs = 0;
  /** CPU time of waited-for children and their descendants (getrusage RUSAGE_CHILDREN, `times` cutime). */
  childCpuTimeUs = 0;
  rssBytes = 0;
  oomScoreAdj = 0;
  /** Who started it, when it has been re-parented since (a shim daemonises away from containerd). */
  launcherPid = 0;
  rev = 1;

  constructor(init: {
    hostPid: number; pids: number[]; ppid: number; comm: string; argv: readonly string[]; env: Map<string, string>; cwd: string;
    uid: number; user: string; ns: NamespaceRefs; cgroup: Cgroup; containerId: string | null; startedAt: number;
  }) {
    this.hostPid = init.hostPid;
    this.pids = init.pids;
    this.ppid = init.ppid;
    this.pgid = init.hostPid;
    this.comm = init.comm;
    this.argv = init.argv;
    this.env = init.env;
    this.cwd = init.cwd;
    this.uid = init.uid;
    this.user = init.user;
    this.ns = init.ns;
    this.cgroup = init.cgroup;
    this.containerId = init.containerId;
    this.startedAt = init.startedAt;
  }

  /** PID in the innermost namespace (what the process sees as its own PID). */
  get nsPid(): number {
    return this.pids[this.pids.length - 1];
  }

  get alive(): boolean {
    return this.exit === null;
  }

  touch(): void {
    this.rev += 1;
  }
}

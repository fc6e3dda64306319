/**
 * What a running program sees: its own PID, arguments, environment and descriptors, and the
 * system calls the playground's programs use (write, read, sleep, fork/exec, waitpid, kill,
 * signal handlers), plus the resource knobs the scheduler and memory controller account.
 */
import type { Filesystem } from '../fs/filesystem.ts';
import type { Kernel, SpawnError, SpawnOptions } from './kernel.ts';
import type { Completer, Process, ProgramFn, Wait } from './process.ts';
import { Pipe, type WriteKind } from './streams.ts';

/** execve's lookup on $PATH: the program and the path it was found at, or why not. */
export type Resolved = { readonly program: ProgramFn; readonly path: string; readonly comm?: string } | { readonly error: 'ENOENT' | 'EACCES' };

/**
 * The rest of the machine, as programs reach it (filled in by engine/machine.ts). Declared here
 * as an interface so the kernel does not depend on the userland.
 */
export interface Machine {
  readonly kernel: Kernel;
  /** Reports a program that threw (a bug in the simulation, not in the user's input). */
  reportBug?(p: Process, error: unknown): void;
  /** Runs after each tick's processes ran (daemons poll their state). */
  afterTick?(): void;
  onOomKill?(victim: Process): void;
  /** Finds an executable for `name` on `path` (colon-separated) in the process's filesystem. */
  resolve(p: Process, name: string, path: string): Resolved;
  /** The filesystem a process sees (the host's, or its container's root filesystem). */
  fsFor(p: Process): Filesystem;
  /** The terminal a process's stdin is (the host's, or a container's pty): who gets Ctrl-C. */
  terminalFor?(p: Process): { foregroundPgid: number | null } | undefined;
  completerFor?(p: Process): Completer | undefined;
  historyFor?(p: Process): readonly string[];
  /** Headless (the sim runner): terminals echo nothing and programs avoid cursor tricks. */
  readonly headless?: boolean;
  /** Columns of the host terminal. */
  terminalWidth?(): number;
  terminalHeight?(): number;
  /** An interactive shell finished a command line with this status. */
  recordStatus?(p: Process, status: number): void;
}

export class ProcessContext {
  readonly kernel: Kernel;
  readonly proc: Process;

  constructor(kernel: Kernel, proc: Process) {
    this.kernel = kernel;
    this.proc = proc;
  }

  /** The PID the process sees as its own. */
  get pid(): number {
    return this.proc.nsPid;
  }
  get argv(): readonly string[] {
    return this.proc.argv;
  }
  get env(): Map<string, string> {
    return this.proc.env;
  }
  get now(): number {
    return this.kernel.now;
  }
  get hostname(): string {
    return this.proc.ns.uts.hostname;
  }

  /** write(2). Writing to a pipe nobody reads any more kills the writer with SIGPIPE, as the kernel does. */
  write(text: string, fd = 1, kind: WriteKind = 'data'): void {
    if (!text) return;
    const s = this.proc.fds[fd];
    if (s instanceof Pipe && s.broken) {
      this.kernel.terminate(this.proc, { signal: 13 });
      return;
    }
    s?.write(text, kind);
  }
  get fs(): Filesystem {
    return this.kernel.machine.fsFor(this.proc);
  }
  out(text: string): void {
    this.write(text, 1);
  }
  err(text: string): void {
    this.write(text, 2);
  }
  isatty(fd: number): boolean {
    return this.proc.fds[fd]?.isTty ?? false;
  }

  sleep(ms: number): Wait {
    return { kind: 'sleep', ms };
  }
  pause(): Wait {
    return { kind: 'pause' };
  }
  /** `echo: false` reads with the terminal's ECHO off (termios), as getpass() does for passwords. */
  read(fd = 0, opts: { line?: boolean; prompt?: string; completer?: Completer; history?: string; echo?: boolean; onInterrupt?: () => string } = {}): Wait {
    return { kind: 'read', fd, ...opts };
  }
  waitpid(pid: number): Wait {
    return { kind: 'waitpid', pid };
  }
  until(check: () => boolean, timeoutMs?: number): Wait {
    return { kind: 'until', check, timeoutMs };
  }

  /** Sets how many cores the program keeps busy (0 = idle). */
  cpu(cores: number): void {
    this.kernel.setCpuDemand(this.proc, cores);
  }
  /** Sets resident memory; false if the OOM killer took this process. */
  rss(bytes: number): boolean {
    return this.kernel.setRss(this.proc, bytes);
  }

  spawn(opts: Omit<SpawnOptions, 'parent'>): Process | SpawnError {
    return this.kernel.spawn({ ...opts, parent: this.proc });
  }

  onSignal(signal: number, handler: (signal: number) => void): void {
    this.proc.handlers.set(signal, handler);
    this.proc.ignored.delete(signal);
  }
  ignore(signal: number): void {
    this.proc.ignored.add(signal);
    this.proc.handlers.delete(signal);
  }
  /** Wakes this process from its current Wait (used inside signal handlers). */
  interrupt(): void {
    this.kernel.interrupt(this.proc);
  }

  /** kill(2) with a PID as this process sees it. */
  kill(pid: number, signal: number): 'ok' | 'ESRCH' {
    const target = this.kernel.lookup(pid, this.proc.ns.pid);
    if (!target || !target.alive) return 'ESRCH';
    this.kernel.kill(target, signal, this.proc);
    return 'ok';
  }
}

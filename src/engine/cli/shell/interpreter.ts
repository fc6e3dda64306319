/**
 * The shell: bash on the host (`root@playground:~#`), busybox `sh` (ash) inside containers. It
 * runs as a program in a process, so everything it starts is a real child in the process table:
 * pipelines, background jobs (`&`), command substitution, redirections, `&&`/`||`, and the
 * control flow of scripts (`if`, `while`, `for`). Builtins run inside the shell process itself,
 * as in a real shell; other commands are looked up on $PATH in the process's filesystem, forked
 * and exec'd — so `--pids-limit` makes them fail with the shell's real fork error.
 */
import { isBusybox } from '../../programs/util.ts';
import { FS_ERROR_TEXT, resolvePath, type FsError } from '../../fs/tree.ts';
import type { ProcessContext } from '../../kernel/context.ts';
import type { Process, ProgramGenerator, Wait } from '../../kernel/process.ts';
import { statusCode } from '../../kernel/process.ts';
import { SIGNALS } from '../../kernel/signals.ts';
import { EOF, Pipe, type Stream } from '../../kernel/streams.ts';
import type { Command, Redirect, Script, SimpleCommand, Word } from './ast.ts';
import { BUILTINS, type BuiltinIo } from './builtins.ts';
import { ExpansionError, expandWords, expandWord } from './expand.ts';
import { parse } from './parse.ts';
import { redirectStream, type Writer } from './redirect.ts';
import { own } from '../../own.ts';

export type ShellFlavor = 'bash' | 'ash';

type Gen<T> = Generator<Wait, T, unknown>;

export interface Job {
  readonly id: number;
  readonly pids: number[];
  readonly text: string;
  done: boolean;
  status: number;
  /** bash has said `Stopped` for it (a background job that read the terminal got SIGTTIN). */
  stoppedNoted?: boolean;
}

/** Thrown (as a value) by `exit` and `return`-like builtins to unwind the interpreter. */
export class ShellExit {
  readonly code: number;
  constructor(code: number) {
    this.code = code;
  }
}

/**
 * Thrown (as a value) when an interactive shell was interrupted (Ctrl-C reached it, or its
 * foreground job died of SIGINT): the rest of the command line is abandoned, back to the prompt.
 */
export class ShellInterrupt {}

/** Thrown (as a value) by the `return` builtin: unwinds to the function call. */
export class ShellReturn {
  readonly code: number;
  constructor(code: number) {
    this.code = code;
  }
}

export class Shell {
  readonly ctx: ProcessContext;
  readonly flavor: ShellFlavor;
  readonly interactive: boolean;
  /** $0: the name in error messages (`-bash`, `sh`, `/bin/sh`). */
  readonly name: string;
  readonly vars = new Map<string, string>();
  positional: string[] = [];
  lastStatus = 0;
  /**
   * An interactive shell was interrupted: by SIGINT itself ('signal': Ctrl-C while it ran builtins)
   * or through its foreground job dying of SIGINT ('child'). Checked between commands and loop turns.
   */
  interrupted: 'signal' | 'child' | null = null;

  /** Abandons the command line if the interactive shell was interrupted (bash's throw_to_top_level). */
  checkInterrupt(): void {
    if (this.interactive && this.interrupted) throw new ShellInterrupt();
  }
  lastBackground = 0;
  readonly jobs: Job[] = [];
  #nextJob = 1;
  /** Shell functions (`name() { …; }`), copied into every subshell as fork() copies memory. */
  readonly functions = new Map<string, Command>();
  #funcDepth = 0;

  /** True while a function body runs (`return` is allowed). */
  get inFunction(): boolean {
    return this.#funcDepth > 0;
  }

  #dash: boolean | undefined;
  /** Debian's /bin/sh is dash, whose errors carry the line number (`sh: 1: ps: not found`). */
  get dash(): boolean {
    // Looked up on first use: a fork bomb's thousands of subshells never need it.
    this.#dash ??= this.flavor === 'ash' && !isBusybox(this.ctx);
    return this.#dash;
  }
  /** Lines run so far (each script text or interactive line counts one). */
  lineNo = 0;

  constructor(ctx: ProcessContext, flavor: ShellFlavor, interactive: boolean, name: string) {
    this.ctx = ctx;
    this.flavor = flavor;
    this.interactive = interactive;
    this.name = name;
  }

  get proc(): Process {
    return this.ctx.proc;
  }

  /** Shell variable or environment variable. */
  getVar(name: string): string | undefined {
    switch (name) {
      case '?':
        return String(this.lastStatus);
      case '$':
        return String(this.ctx.pid);
      case '!':
        return this.lastBackground ? String(this.lastBackground) : '';
      case '#':
        return String(this.positional.length);
      case '@':
      case '*':
        return this.positional.join(' ');
      case '0':
        return this.name;
      default:
        if (/^[1-9]$/.test(name)) return this.positional[Number(name) - 1];
        return this.vars.get(name) ?? this.proc.env.get(name);
    }
  }

  setVar(name: string, value: string): void {
    if (this.proc.env.has(name)) this.proc.env.set(name, value);
    else this.vars.set(name, value);
  }

  /** Prints an error the way this shell does: `bash: x: …` / `sh: x: …`. */
  error(io: BuiltinIo, text: string): void {
    // dash: `sh: 1: x: not found`; bash ≥ 5.1 running a script or -c: `bash: line 1: x: …`.
    const line = Math.max(1, this.lineNo);
    const where = this.dash ? `${line}: ` : this.flavor === 'bash' && !this.interactive ? `line ${line}: ` : '';
    io.stderr?.write(`${this.name}: ${where}${text}\n`);
  }

  // ── running text ─────────────────────────────────────────────────────────────────────────

  /** Parses and runs a script; syntax errors print and give status 2 (bash) / 2 (ash). */
  *runText(text: string, io: BuiltinIo): Gen<number> {
    this.lineNo += 1;
    const parsed = parse(text);
    if (!parsed.ok) {
      this.syntaxError(io, parsed.error);
      this.lastStatus = 2;
      return 2;
    }
    return yield* this.runScript(parsed.script, io);
  }

  syntaxError(io: BuiltinIo, error: string): void {
    if (this.flavor === 'ash') io.stderr?.write(`${this.name}: ${error.replace(/^syntax error near unexpected token `(.*)'$/, 'syntax error: unexpected "$1"')}\n`);
    else io.stderr?.write(`${this.name}: ${error}\n`);
  }

  *runScript(script: Script, io: BuiltinIo): Gen<number> {
    let status = this.lastStatus;
    for (const item of script.items) {
      this.checkInterrupt();
      try {
        if (item.background) {
          status = yield* this.#runBackground(item.andOr, io);
          continue;
        }
        status = yield* this.#runAndOr(item.andOr, io);
      } catch (e) {
        if (!(e instanceof ExpansionError)) throw e;
        this.error(io, e.message);
        status = this.lastStatus = 1;
        // A non-interactive shell gives up on the script after an expansion error, as bash does.
        if (!this.interactive) return status;
      }
    }
    return status;
  }

  *#runAndOr(andOr: Script['items'][number]['andOr'], io: BuiltinIo): Gen<number> {
    let status = yield* this.#runPipeline(andOr.first, io);
    for (const { op, pipeline } of andOr.rest) {
      this.checkInterrupt();
      if ((op === '&&' && status !== 0) || (op === '||' && status === 0)) continue;
      status = yield* this.#runPipeline(pipeline, io);
    }
    return status;
  }

  *#runBackground(andOr: Script['items'][number]['andOr'], io: BuiltinIo): Gen<number> {
    // A background job is a subshell process (for a single external command: that command).
    const text = describeAndOr(andOr);
    const single = andOr.rest.length === 0 && andOr.first.commands.length === 1 && andOr.first.commands[0].kind === 'simple' && !andOr.first.negate && !this.#callsFunction(andOr.first.commands[0]);
    let pid: number | null = null;
    if (single) {
      const started = yield* this.#startSimple(andOr.first.commands[0] as SimpleCommand, io, { background: true });
      if (started === null) return this.lastStatus;
      if (typeof started === 'number') {
        this.lastStatus = started;
        return started;
      }
      pid = started.hostPid;
    } else {
      const child = yield* this.#forkRetrying(io, (sub, subIo) => sub.#runAndOr(andOr, subIo));
      if (typeof child === 'string') {
        this.#forkError(io);
        return (this.lastStatus = 2);
      }
      // Job control: the job is a process group of its own, outside the terminal's foreground
      // (Ctrl-C does not reach it; reading the terminal stops it with SIGTTIN).
      if (this.interactive) child.pgid = child.hostPid;
      pid = child.hostPid;
    }
    const p = this.ctx.kernel.processes.get(pid)!;
    const job: Job = { id: this.#nextJob++, pids: [pid], text, done: false, status: 0 };
    this.jobs.push(job);
    this.lastBackground = this.ctx.kernel.pidIn(p, this.proc.ns.pid);
    if (this.interactive) io.stderr?.write(`[${job.id}] ${this.lastBackground}\n`);
    this.lastStatus = 0;
    return 0;
  }

  /** Reaps finished background jobs; returns the `[1]+  Done  …` lines bash prints before a prompt. */
  reapJobs(): string {
    let out = '';
    for (const job of this.jobs) {
      if (job.done) continue;
      const p = this.ctx.kernel.processes.get(job.pids[0]);
      if (p && p.alive) {
        if (p.stopped && !job.stoppedNoted && this.interactive) out += `[${job.id}]+  ${'Stopped'.padEnd(24)}${job.text}\n`;
        job.stoppedNoted = p.stopped;
        continue;
      }
      job.done = true;
      const status = p?.exit ? statusCode(p.exit) : job.status;
      job.status = status;
      if (p && !p.alive && p.ppid === this.proc.hostPid) this.#reapZombie(p);
      if (this.interactive) {
        const state = status === 0 ? 'Done' : p?.exit?.signal !== undefined ? signalWord(p.exit.signal) : `Exit ${status}`;
        out += `[${job.id}]+  ${state.padEnd(24)}${job.text}\n`;
      }
    }
    const live = this.jobs.filter((j) => !j.done);
    if (live.length === 0) {
      this.jobs.length = 0;
      this.#nextJob = 1;
    }
    return out;
  }

  #reapZombie(p: Process): void {
    // The interactive shell reaps its background children (SIGCHLD → waitpid(WNOHANG)).
    if (!p.alive && this.ctx.kernel.processes.has(p.hostPid)) {
      this.ctx.kernel.processes.delete(p.hostPid);
      this.proc.children.delete(p.hostPid);
      for (const g of p.cgroup.ancestorsAndSelf()) g.pidsCurrent = Math.max(0, g.pidsCurrent - 1);
      this.ctx.kernel.structureRev += 1;
    }
  }

  // ── pipelines ────────────────────────────────────────────────────────────────────────────

  *#runPipeline(pipeline: Script['items'][number]['andOr']['first'], io: BuiltinIo): Gen<number> {
    const first = pipeline.commands[0];
    const word = first?.kind === 'simple' ? first.words[0]?.parts : undefined;
    if (this.flavor === 'bash' && first?.kind === 'simple' && first.assigns.length === 0 && word?.length === 1 && word[0].kind === 'lit' && !word[0].quoted && word[0].text === 'time') {
      return yield* this.#timed(pipeline, { ...first, words: first.words.slice(1) }, io);
    }
    const cmds = pipeline.commands;
    let status: number;
    if (cmds.length === 1) {
      status = yield* this.#runCommand(cmds[0], io);
    } else {
      status = yield* this.#runMulti(cmds, io);
    }
    if (pipeline.negate) status = status === 0 ? 1 : 0;
    this.lastStatus = status;
    return status;
  }

  *#runMulti(cmds: readonly Command[], io: BuiltinIo): Gen<number> {
    const pids: number[] = [];
    let input: Stream | null = io.stdin;
    let pgid: number | undefined;
    // pipe(2) gives the shell both ends; each child gets its own copies when it is spawned, and the
    // shell closes its write end once the writer exists and its read end once the reader does.
    // Holding both until then keeps a pipe from looking broken (no reader) or finished (no writer).
    for (let i = 0; i < cmds.length; i++) {
      const last = i === cmds.length - 1;
      const pipe = last ? null : new Pipe();
      if (pipe) {
        pipe.open('r');
        pipe.open('w');
      }
      const stageIo: BuiltinIo = { stdin: input, stdout: pipe ?? io.stdout, stderr: io.stderr };
      const cmd = cmds[i];
      let child: Process | 'EAGAIN' | 'ENOMEM' | number | null;
      if (cmd.kind === 'simple' && !isBuiltinCommand(cmd) && !this.#callsFunction(cmd)) {
        child = yield* this.#startSimple(cmd, stageIo, { pgid });
      } else {
        child = yield* this.#forkRetrying(stageIo, (sub, subIo) => sub.#runCommand(cmd, subIo), pgid);
        if (typeof child === 'string') {
          this.#forkError(io);
          child = null;
        }
      }
      if (pipe) pipe.close('w');
      if (input instanceof Pipe) input.close('r');
      if (child && typeof child === 'object') {
        pids.push(child.hostPid);
        pgid ??= child.pgid;
      }
      input = pipe;
    }
    if (pgid !== undefined) this.#foreground(pgid);
    let status = 0;
    for (const pid of pids) {
      const res = (yield this.ctx.waitpid(pid)) as { status: Parameters<typeof statusCode>[0] } | null;
      if (res) status = statusCode(res.status);
      if (res?.status.signal === SIGNALS.SIGINT && this.interactive) this.interrupted ??= 'child';
    }
    this.#foreground(null);
    return status;
  }

  /**
   * bash's `time` keyword: runs the pipeline, then prints its real (virtual) time and the CPU time
   * of the processes it waited for, in the default TIMEFORMAT (`\nreal\t0m1.003s\nuser\t…\nsys\t…`).
   */
  *#timed(pipeline: Script['items'][number]['andOr']['first'], rest: SimpleCommand, io: BuiltinIo): Gen<number> {
    const t0 = this.ctx.now;
    const cpu0 = this.proc.childCpuTimeUs;
    const commands = rest.words.length || rest.redirects.length ? [rest, ...pipeline.commands.slice(1)] : pipeline.commands.slice(1);
    const status = commands.length ? yield* this.#runPipeline({ ...pipeline, commands }, io) : (pipeline.negate ? 1 : 0);
    const fmt = (ms: number) => `${Math.floor(ms / 60_000)}m${((ms % 60_000) / 1000).toFixed(3)}s`;
    const user = (this.proc.childCpuTimeUs - cpu0) / 1000;
    io.stderr?.write(`\nreal\t${fmt(this.ctx.now - t0)}\nuser\t${fmt(user)}\nsys\t${fmt(0)}\n`);
    this.lastStatus = status;
    return status;
  }

  #foreground(pgid: number | null): void {
    if (!this.interactive) return;
    const term = this.ctx.kernel.machine.terminalFor?.(this.proc);
    if (term) term.foregroundPgid = pgid;
  }

  #forkSubshell(io: BuiltinIo, body: (sub: Shell, io: BuiltinIo) => Gen<number>, pgid?: number): Process | 'EAGAIN' | 'ENOMEM' {
    const parent = this;
    const program = function* (ctx: ProcessContext): ProgramGenerator {
      const sub = new Shell(ctx, parent.flavor, false, parent.name);
      for (const [k, v] of parent.vars) sub.vars.set(k, v);
      for (const [k, v] of parent.functions) sub.functions.set(k, v);
      // fork() takes CPU time (the kernel copies the shell's page tables), and the CPUs are shared
      // by everything in the process table. Charged where a shell with functions forks itself, so
      // a fork bomb grows over virtual time, slowing as the table fills, instead of in one instant;
      // scripts without functions keep their zero-time subshells.
      if (parent.functions.size > 0) yield ctx.sleep(forkCostMs(ctx));
      sub.positional = [...parent.positional];
      sub.lastStatus = parent.lastStatus;
      const subIo: BuiltinIo = { stdin: ctx.proc.fds[0] ?? null, stdout: ctx.proc.fds[1] ?? null, stderr: ctx.proc.fds[2] ?? null };
      try {
        return (yield* body(sub, subIo)) as number;
      } catch (e) {
        if (e instanceof ShellExit) return e.code;
        // An expansion error in a forked subshell (`$((1/0)) | wc &`): it says so and exits 1.
        if (e instanceof ExpansionError) {
          sub.error(subIo, e.message);
          return 1;
        }
        throw e;
      }
    };
    return this.ctx.spawn({ argv: this.proc.argv, comm: this.proc.comm, program, fds: [io.stdin, io.stdout, io.stderr], pgid });
  }

  /**
   * fork() for a subshell. bash retries a fork that failed with EAGAIN, sleeping 1, 2, 4 and 8 s
   * and saying so each time (`bash: fork: retry: Resource temporarily unavailable`, jobs.c
   * make_child); busybox ash and dash give up at once.
   */
  *#forkRetrying(io: BuiltinIo, body: (sub: Shell, io: BuiltinIo) => Gen<number>, pgid?: number): Gen<Process | 'EAGAIN' | 'ENOMEM'> {
    let child = this.#forkSubshell(io, body, pgid);
    if (this.flavor !== 'bash') return child;
    for (let pause = 1000; child === 'EAGAIN' && pause <= 8000; pause *= 2) {
      this.error(io, 'fork: retry: Resource temporarily unavailable');
      yield this.ctx.sleep(pause);
      child = this.#forkSubshell(io, body, pgid);
    }
    return child;
  }

  #callsFunction(cmd: Command): boolean {
    if (cmd.kind !== 'simple' || this.functions.size === 0) return false;
    const first = cmd.words[0]?.parts;
    return !!first && first.length === 1 && first[0].kind === 'lit' && this.functions.has(first[0].text);
  }

  #forkError(io: BuiltinIo): void {
    if (this.flavor === 'ash') this.error(io, "can't fork: Resource temporarily unavailable");
    else this.error(io, 'fork: Resource temporarily unavailable');
  }

  // ── commands ─────────────────────────────────────────────────────────────────────────────

  *#runCommand(cmd: Command, io: BuiltinIo): Gen<number> {
    switch (cmd.kind) {
      case 'simple': {
        const started = yield* this.#startSimple(cmd, io, {});
        if (started === null) return this.lastStatus;
        if (typeof started === 'number') return started;
        this.#foreground(started.pgid);
        const res = (yield this.ctx.waitpid(started.hostPid)) as { status: Parameters<typeof statusCode>[0] } | null;
        this.#foreground(null);
        const code = res ? statusCode(res.status) : 0;
        if (res?.status.signal === SIGNALS.SIGINT && this.interactive) {
          io.stdout?.write('\n');
          this.interrupted ??= 'child';
        }
        return code;
      }
      case 'subshell': {
        const redirected = yield* this.#withRedirects(cmd.redirects, io);
        if (!redirected) return 1;
        const child = this.#forkSubshell(redirected.io, (sub, subIo) => sub.runScript(cmd.body, subIo));
        if (typeof child === 'string') {
          redirected.close();
          this.#forkError(io);
          return 2;
        }
        redirected.close();
        // An interactive shell runs `( … )` as a foreground job of its own: Ctrl-C reaches the subshell.
        if (this.interactive) {
          child.pgid = child.hostPid;
          this.#foreground(child.pgid);
        }
        const res = (yield this.ctx.waitpid(child.hostPid)) as { status: Parameters<typeof statusCode>[0] } | null;
        this.#foreground(null);
        if (res?.status.signal === SIGNALS.SIGINT && this.interactive) {
          io.stdout?.write('\n');
          this.interrupted ??= 'child';
        }
        return res ? statusCode(res.status) : 0;
      }
      case 'group':
        return yield* this.#inRedirects(cmd.redirects, io, (rio) => this.runScript(cmd.body, rio));
      case 'if':
        return yield* this.#inRedirects(cmd.redirects, io, function* (this: Shell, rio: BuiltinIo): Gen<number> {
          for (const clause of cmd.clauses) {
            if ((yield* this.runScript(clause.cond, rio)) === 0) return yield* this.runScript(clause.body, rio);
          }
          return cmd.elseBody ? yield* this.runScript(cmd.elseBody, rio) : 0;
        }.bind(this));
      case 'while':
        return yield* this.#inRedirects(cmd.redirects, io, function* (this: Shell, rio: BuiltinIo): Gen<number> {
          let status = 0;
          for (let guard = 0; ; guard++) {
            this.checkInterrupt();
            const c = yield* this.runScript(cmd.cond, rio);
            if ((c === 0) === cmd.until) break;
            status = yield* this.runScript(cmd.body, rio);
            // A loop that never sleeps would spin forever in zero virtual time: let time pass.
            if (guard % 64 === 63) yield this.ctx.sleep(1);
          }
          return status;
        }.bind(this));
      case 'function':
        // dash and busybox ash accept only a valid name that is not a special builtin (`:` is one).
        if (this.flavor === 'ash' && (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(cmd.name) || SPECIAL_BUILTINS.has(cmd.name))) {
          if (this.dash) io.stderr?.write(`${this.name}: ${Math.max(1, this.lineNo)}: Syntax error: Bad function name\n`);
          else io.stderr?.write(`${this.name}: syntax error: bad function name\n`);
          if (!this.interactive) throw new ShellExit(2);
          return 2;
        }
        this.functions.set(cmd.name, cmd.body);
        return 0;
      case 'for':
        return yield* this.#inRedirects(cmd.redirects, io, function* (this: Shell, rio: BuiltinIo): Gen<number> {
          const items = cmd.items === null ? [...this.positional] : yield* expandWords(this, cmd.items, rio);
          let status = 0;
          for (const item of items) {
            this.checkInterrupt();
            this.setVar(cmd.name, item);
            status = yield* this.runScript(cmd.body, rio);
          }
          return status;
        }.bind(this));
      default: {
        const never: never = cmd;
        throw new Error(`unknown command ${String(never)}`);
      }
    }
  }

  *#inRedirects(redirects: readonly Redirect[], io: BuiltinIo, body: (io: BuiltinIo) => Gen<number>): Gen<number> {
    if (redirects.length === 0) return yield* body(io);
    const r = yield* this.#withRedirects(redirects, io);
    if (!r) return 1;
    try {
      return yield* body(r.io);
    } finally {
      r.close();
    }
  }

  *#withRedirects(redirects: readonly Redirect[], io: BuiltinIo, writer?: Writer): Gen<{ io: BuiltinIo; close: () => void; failed: () => boolean } | null> {
    const fds: (Stream | null)[] = [io.stdin, io.stdout, io.stderr];
    const opened: Stream[] = [];
    const failures: (() => boolean)[] = [];
    for (const r of redirects) {
      const target = yield* expandWord(this, r.target, io);
      const res = redirectStream(this, r, target, fds, writer);
      if (typeof res === 'string') {
        this.error(io, res);
        for (const s of opened) s.close('w');
        return null;
      }
      if (res.opened) opened.push(res.stream);
      if (res.failed) failures.push(res.failed);
      fds[r.fd] = res.stream;
    }
    return { io: { stdin: fds[0] ?? null, stdout: fds[1] ?? null, stderr: fds[2] ?? null }, close: () => opened.forEach((s) => s.close('w')), failed: () => failures.some((f) => f()) };
  }

  /** Runs a function's body in this shell with its own positional parameters ($1…, $#). */
  *#callFunction(name: string, body: Command, args: string[], io: BuiltinIo): Gen<number> {
    if (this.#funcDepth >= MAX_FUNC_DEPTH) {
      this.error(io, `${name}: maximum function nesting level exceeded (${MAX_FUNC_DEPTH})`);
      return 1;
    }
    const saved = this.positional;
    this.positional = args;
    this.#funcDepth += 1;
    try {
      return yield* this.#runCommand(body, io);
    } catch (e) {
      if (e instanceof ShellReturn) return e.code;
      throw e;
    } finally {
      this.#funcDepth -= 1;
      this.positional = saved;
    }
  }

  /**
   * Expands and starts a simple command. Returns the started child process, a status number
   * when it ran in the shell (builtin, assignment, error), or null when nothing ran.
   */
  *#startSimple(cmd: SimpleCommand, io: BuiltinIo, opts: { background?: boolean; pgid?: number }): Gen<Process | number | null> {
    const argv = yield* expandWords(this, cmd.words, io);
    const assigns: [string, string][] = [];
    for (const a of cmd.assigns) assigns.push([a.name, (yield* expandWord(this, a.value, io))]);
    if (argv.length === 0) {
      for (const [k, v] of assigns) this.setVar(k, v);
      const r = yield* this.#withRedirects(cmd.redirects, io);
      r?.close();
      return (this.lastStatus = r ? 0 : 1);
    }
    const name = argv[0];
    const r = yield* this.#withRedirects(cmd.redirects, io, { name, builtin: own(BUILTINS, name) !== undefined && !opts.background && !this.functions.has(name) });
    if (!r) return (this.lastStatus = 1);
    const fn = this.functions.get(name);
    if (fn && !opts.background) {
      try {
        return (this.lastStatus = yield* this.#callFunction(name, fn, argv.slice(1), r.io));
      } finally {
        r.close();
      }
    }
    const builtin = own(BUILTINS, name);
    if (builtin && !opts.background) {
      try {
        const status = yield* builtin(this, argv, r.io);
        // A builtin whose output hit a full disk fails (bash: echo's write error → 1).
        return (this.lastStatus = status === 0 && r.failed() ? 1 : status);
      } finally {
        r.close();
      }
    }
    const env = new Map(this.proc.env);
    for (const [k, v] of assigns) env.set(k, v);
    const resolved = this.ctx.kernel.machine.resolve(this.proc, name, env.get('PATH') ?? '');
    if ('error' in resolved) {
      r.close();
      if (resolved.error === 'EACCES') {
        this.error(r.io, `${name}: Permission denied`);
        return (this.lastStatus = 126);
      }
      if (this.flavor === 'ash') this.error(r.io, `${name}: not found`);
      else if (name.includes('/')) this.error(r.io, `${name}: No such file or directory`);
      else this.error(r.io, `${name}: command not found`);
      return (this.lastStatus = 127);
    }
    const child = this.ctx.spawn({
      argv, program: resolved.program, comm: resolved.comm, env, fds: [r.io.stdin, r.io.stdout, r.io.stderr],
      pgid: opts.pgid ?? (this.interactive ? undefined : this.proc.pgid),
    });
    r.close();
    if (typeof child === 'string') {
      this.#forkError(io);
      return (this.lastStatus = this.flavor === 'ash' ? 2 : 254);
    }
    if (opts.pgid === undefined && this.interactive) child.pgid = child.hostPid;
    return child;
  }
}

/**
 * CPU ms one fork() of a shell costs here (see #forkSubshell). A real one takes ~0.1–1 ms; this is
 * rounded up so that a fork bomb's climb to the host's limit takes seconds you can watch, and a
 * tick of the engine stays within a few ms while it churns there.
 */
const FORK_CPU_MS = 4;

/**
 * Virtual ms a fork takes when every process in the table competes for the host's CPUs, spread by
 * the child's PID (±50 %, deterministic) as a scheduler would, so a bomb's generations don't all
 * fork in the same instant.
 */
function forkCostMs(ctx: ProcessContext): number {
  const k = ctx.kernel;
  const base = (FORK_CPU_MS * k.processes.size) / Math.max(1, k.cpus);
  const spread = 0.5 + ((ctx.proc.hostPid * 0.618034) % 1);
  return Math.max(FORK_CPU_MS, Math.round(base * spread));
}
/** A function calling itself without forking recurses in the shell's own stack; bash would segfault. */
const MAX_FUNC_DEPTH = 1000;
/** POSIX special builtins: ash finds them before functions and refuses them as function names. */
const SPECIAL_BUILTINS: ReadonlySet<string> = new Set([':', '.', 'break', 'continue', 'eval', 'exec', 'exit', 'export', 'readonly', 'return', 'set', 'shift', 'times', 'trap', 'unset']);

function isBuiltinCommand(cmd: SimpleCommand): boolean {
  const first = cmd.words[0]?.parts;
  if (!first || first.length !== 1 || first[0].kind !== 'lit') return false;
  return own(BUILTINS, first[0].text) !== undefined;
}

function signalWord(sig: number): string {
  const words: Record<number, string> = { 2: 'Interrupt', 9: 'Killed', 15: 'Terminated', 1: 'Hangup', 3: 'Quit' };
  return words[sig] ?? `Signal ${sig}`;
}

/** The text of a job as `jobs` shows it (approximate: words joined). */
function describeAndOr(andOr: Script['items'][number]['andOr']): string {
  const pl = (p: typeof andOr.first) => p.commands.map(describeCommand).join(' | ');
  return [pl(andOr.first), ...andOr.rest.map((r) => `${r.op} ${pl(r.pipeline)}`)].join(' ');
}

function describeCommand(c: Command): string {
  if (c.kind === 'simple') return c.words.map(wordText).join(' ');
  if (c.kind === 'function') return `${c.name}()`;
  return c.kind;
}

function wordText(w: Word): string {
  return w.parts.map((p) => (p.kind === 'lit' ? p.text : p.kind === 'var' ? `$${p.name}` : p.kind === 'arith' ? `$((${p.expr}))` : '$(…)')).join('');
}

/**
 * The shell as a program: `bash` / `-bash` / `sh` / `ash`, interactive when stdin is a
 * terminal and no script is given, else `-c TEXT` or a script read from stdin.
 */
export function* shellMain(ctx: ProcessContext, flavor: ShellFlavor): ProgramGenerator {
  const argv = ctx.argv;
  // Errors are prefixed with $0 as the shell was started: `-bash` for a login shell, `/bin/sh`
  // for a Dockerfile RUN, `sh` for `docker run … sh -c`.
  const name = argv[0] || (flavor === 'bash' ? 'bash' : 'sh');
  let i = 1;
  let command: string | null = null;
  while (i < argv.length && argv[i].startsWith('-') && argv[i] !== '-') {
    const a = argv[i];
    if (a === '-c') {
      command = argv[i + 1] ?? null;
      if (command === null) {
        ctx.err(`${name}: -c: option requires an argument\n`);
        return 2;
      }
      i += 2;
      break;
    }
    if (a === '-l' || a === '--login' || a === '-i' || a === '-e' || a === '-x' || a === '-s') {
      i += 1;
      continue;
    }
    ctx.err(`${name}: ${a}: invalid option\n`);
    return 2;
  }
  const interactive = command === null && ctx.isatty(0) && i >= argv.length;
  ctx.rss(flavor === 'bash' ? 5.2 * 1024 * 1024 : 0.9 * 1024 * 1024);
  // A shell wait()s for its children itself (pipeline statuses, `wait`, job reports): keep their
  // zombies for it instead of letting the kernel reap them behind its back.
  ctx.proc.autoReap = false;
  const shell = new Shell(ctx, flavor, interactive, name);
  const io: BuiltinIo = { stdin: ctx.proc.fds[0] ?? null, stdout: ctx.proc.fds[1] ?? null, stderr: ctx.proc.fds[2] ?? null };
  if (command !== null) {
    shell.positional = argv.slice(i + 1);
    try {
      return yield* shell.runText(command, io);
    } catch (e) {
      if (e instanceof ShellExit) return e.code;
      throw e;
    }
  }
  if (i < argv.length && argv[i] !== '-') {
    // A script file: `sh script.sh args…` ($0 is the script; its errors are prefixed with it).
    return yield* runScriptFile(ctx, flavor, argv[i], argv.slice(i + 1), name);
  }
  if (!interactive) {
    // Script from stdin (`echo 'ls' | sh`).
    let text = '';
    for (;;) {
      const chunk = yield ctx.read(0);
      if (chunk === EOF || chunk === undefined || chunk === null || typeof chunk !== 'string') break;
      text += chunk;
    }
    try {
      return yield* shell.runText(text, io);
    } catch (e) {
      if (e instanceof ShellExit) return e.code;
      throw e;
    }
  }
  return yield* interactiveLoop(shell, io);
}

/**
 * Runs a script file as `sh FILE ARGS…` does (also the interpreter of an executable script with a
 * `#!/bin/sh` line). A missing file: bash `bash: x: No such file or directory` (127), dash
 * `sh: 0: cannot open x: No such file` (2), BusyBox `sh: can't open 'x': No such file or directory` (2).
 */
export function* runScriptFile(ctx: ProcessContext, flavor: ShellFlavor, file: string, args: readonly string[], shellName = flavor === 'bash' ? 'bash' : 'sh'): ProgramGenerator {
  const path = resolvePath(ctx.proc.cwd, file, ctx.env.get('HOME') ?? '/root');
  const text = ctx.fs.readFile(path);
  if (typeof text !== 'string' || text in FS_ERROR_TEXT) {
    const why = typeof text === 'string' && text in FS_ERROR_TEXT ? FS_ERROR_TEXT[text as FsError] : 'No such file or directory';
    if (flavor === 'bash') ctx.err(`${shellName}: ${file}: ${why}\n`);
    else if (isBusybox(ctx)) ctx.err(`${shellName}: can't open '${file}': ${why}\n`);
    else ctx.err(`${shellName}: 0: cannot open ${file}: No such file\n`);
    return flavor === 'bash' ? 127 : 2;
  }
  ctx.rss(flavor === 'bash' ? 5.2 * 1024 * 1024 : 0.9 * 1024 * 1024);
  ctx.proc.autoReap = false;
  const shell = new Shell(ctx, flavor, false, file);
  shell.positional = [...args];
  const io: BuiltinIo = { stdin: ctx.proc.fds[0] ?? null, stdout: ctx.proc.fds[1] ?? null, stderr: ctx.proc.fds[2] ?? null };
  try {
    return yield* shell.runText(text.startsWith('#!') ? text.slice(text.indexOf('\n') + 1) : text, io);
  } catch (e) {
    if (e instanceof ShellExit) return e.code;
    throw e;
  }
}

function* interactiveLoop(shell: Shell, io: BuiltinIo): ProgramGenerator {
  const ctx = shell.ctx;
  let pending = '';
  /** Waiting at its own prompt (PS1 or `> `), not running a command line. */
  let atPrompt = false;
  // An interactive shell survives SIGINT (and ignores SIGTERM/SIGQUIT), as bash and ash do. At its
  // prompt (a container's pty sends the signal; the host terminal handles the key itself) SIGINT
  // drops the unfinished command; while it runs builtins it abandons the command line (a sleep or
  // `read` it waits in ends).
  ctx.onSignal(SIGNALS.SIGINT, () => {
    if (atPrompt) {
      pending = '';
      shell.lastStatus = 128 + SIGNALS.SIGINT;
      return;
    }
    shell.interrupted ??= 'signal';
    const w = ctx.proc.wait?.kind;
    if (w === 'sleep' || w === 'read' || w === 'pause') ctx.interrupt();
  });
  ctx.ignore(SIGNALS.SIGTERM);
  ctx.ignore(SIGNALS.SIGQUIT);
  const completer = ctx.kernel.machine.completerFor?.(ctx.proc);
  for (;;) {
    const notes = shell.reapJobs();
    if (notes) io.stderr?.write(notes);
    const prompt = pending ? '> ' : shellPrompt(shell);
    // Ctrl-C at a prompt: bash and ash drop the unfinished command and set $? to 130 (128 + SIGINT).
    const onInterrupt = () => {
      pending = '';
      shell.lastStatus = 128 + SIGNALS.SIGINT;
      return shellPrompt(shell);
    };
    atPrompt = true;
    const line = yield ctx.read(0, { prompt, completer, history: shell.flavor === 'bash' ? 'bash' : `sh:${ctx.proc.containerId ?? ''}`, onInterrupt });
    atPrompt = false;
    if ((line === EOF || typeof line !== 'string') && pending) {
      // Ctrl-D inside an unfinished command: the parser's complaint (unexpected EOF while looking
      // for matching `"'), and back to the prompt; the shell does not log out.
      const parsed = parse(pending);
      shell.syntaxError(io, parsed.ok ? 'syntax error: unexpected end of file' : parsed.error);
      shell.lastStatus = 2;
      pending = '';
      continue;
    }
    if (line === EOF || typeof line !== 'string') {
      if (shell.flavor === 'bash') io.stdout?.write(ctx.argv[0]?.startsWith('-') ? 'logout\n' : 'exit\n');
      return shell.lastStatus;
    }
    const text = pending + line;
    const parsed = parse(text);
    if (!parsed.ok && parsed.incomplete) {
      pending = text;
      continue;
    }
    pending = '';
    if (!parsed.ok) {
      shell.syntaxError(io, parsed.error);
      shell.lastStatus = 2;
      continue;
    }
    shell.interrupted = null;
    try {
      yield* shell.runScript(parsed.script, io);
      shell.checkInterrupt();
      ctx.kernel.machine.recordStatus?.(ctx.proc, shell.lastStatus);
    } catch (e) {
      if (e instanceof ShellInterrupt) {
        // bash: `^C`, a new line, the prompt; $? = 130. (A job killed by SIGINT already ended the line.)
        if (shell.interrupted === 'signal') io.stdout?.write('\n');
        shell.interrupted = null;
        shell.lastStatus = 128 + SIGNALS.SIGINT;
        ctx.kernel.machine.recordStatus?.(ctx.proc, shell.lastStatus);
        continue;
      }
      if (e instanceof ShellExit) {
        if (shell.flavor === 'bash') io.stdout?.write(ctx.argv[0]?.startsWith('-') ? 'logout\n' : 'exit\n');
        return e.code;
      }
      throw e;
    }
  }
}

/** `root@playground:~# ` for bash, `/ # ` for busybox ash (PS1 = '\w \$ '). */
export function shellPrompt(shell: Shell): string {
  const cwd = shell.proc.cwd;
  const home = shell.proc.env.get('HOME') ?? '/root';
  const root = shell.proc.uid === 0;
  if (shell.flavor === 'bash') {
    const dir = cwd === home ? '~' : cwd.startsWith(`${home}/`) ? `~${cwd.slice(home.length)}` : cwd;
    const host = shell.ctx.hostname.split('.')[0];
    if (shell.proc.containerId === null) return `\x1b[1;32m${shell.proc.user}@${host}\x1b[0m:\x1b[1;34m${dir}\x1b[0m${root ? '#' : '$'} `;
    return `${shell.proc.user}@${host}:${dir}${root ? '#' : '$'} `;
  }
  const dir = cwd === home && cwd !== '/' ? '~' : cwd;
  return `${dir} ${root ? '#' : '$'} `;
}

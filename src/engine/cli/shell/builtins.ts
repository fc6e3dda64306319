/**
 * Shell builtins: commands that run inside the shell process because they change the shell
 * itself (cd, export, exit) or because every shell has them built in (echo, printf, kill, test).
 */
import { FS_ERROR_TEXT, resolvePath } from '../../fs/tree.ts';
import type { Wait } from '../../kernel/process.ts';
import { parseSignal, signalName, SIGNALS } from '../../kernel/signals.ts';
import { EOF, type Stream } from '../../kernel/streams.ts';
import { formatPrintf, interpretEscapes } from './printf.ts';
import { ShellExit, ShellReturn, type Shell } from './interpreter.ts';
import { own } from '../../own.ts';

export interface BuiltinIo {
  readonly stdin: Stream | null;
  readonly stdout: Stream | null;
  readonly stderr: Stream | null;
}

type Gen<T> = Generator<Wait, T, unknown>;
export type Builtin = (shell: Shell, argv: readonly string[], io: BuiltinIo) => Gen<number>;

const out = (io: BuiltinIo, s: string) => io.stdout?.write(s);

function* cd(shell: Shell, argv: readonly string[], io: BuiltinIo): Gen<number> {
  const home = shell.getVar('HOME') ?? '/root';
  let target = argv[1] ?? home;
  if (target === '-') target = shell.getVar('OLDPWD') ?? shell.proc.cwd;
  const path = resolvePath(shell.proc.cwd, target, home);
  const fs = shell.ctx.kernel.machine.fsFor(shell.proc);
  const node = fs.lookup(path);
  if (typeof node === 'string' || node.type !== 'dir') {
    const why = typeof node === 'string' ? FS_ERROR_TEXT[node] : 'Not a directory';
    if (shell.flavor === 'ash') shell.error(io, `cd: can't cd to ${target}: ${why}`);
    else shell.error(io, `cd: ${target}: ${why}`);
    return shell.flavor === 'ash' ? 2 : 1;
  }
  shell.setVar('OLDPWD', shell.proc.cwd);
  shell.proc.cwd = path;
  shell.proc.env.set('PWD', path);
  return 0;
}

function* pwd(shell: Shell, _argv: readonly string[], io: BuiltinIo): Gen<number> {
  out(io, `${shell.proc.cwd}\n`);
  return 0;
}

function* echo(_shell: Shell, argv: readonly string[], io: BuiltinIo): Gen<number> {
  let newline = true;
  let escapes = false;
  let i = 1;
  for (; i < argv.length; i++) {
    const a = argv[i];
    if (!/^-[neE]+$/.test(a)) break;
    for (const c of a.slice(1)) {
      if (c === 'n') newline = false;
      else if (c === 'e') escapes = true;
      else escapes = false;
    }
  }
  let text = argv.slice(i).join(' ');
  if (escapes) {
    const r = interpretEscapes(text);
    text = r.text;
    if (r.stop) newline = false;
  }
  out(io, text + (newline ? '\n' : ''));
  return 0;
}

function* printf(shell: Shell, argv: readonly string[], io: BuiltinIo): Gen<number> {
  if (argv.length < 2) {
    shell.error(io, 'printf: usage: printf [-v var] format [arguments]');
    return 2;
  }
  const r = formatPrintf(argv[1], argv.slice(2));
  out(io, r.text);
  for (const e of r.errors) shell.error(io, `printf: ${e}`);
  return r.errors.length ? 1 : 0;
}

function* exportB(shell: Shell, argv: readonly string[], io: BuiltinIo): Gen<number> {
  if (argv.length === 1 || argv[1] === '-p') {
    for (const [k, v] of [...shell.proc.env].sort(([a], [b]) => (a < b ? -1 : 1))) out(io, `declare -x ${k}="${v}"\n`);
    return 0;
  }
  for (const a of argv.slice(1)) {
    const eq = a.indexOf('=');
    const name = eq >= 0 ? a.slice(0, eq) : a;
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      shell.error(io, `export: \`${a}': not a valid identifier`);
      return 1;
    }
    const value = eq >= 0 ? a.slice(eq + 1) : (shell.vars.get(name) ?? shell.proc.env.get(name) ?? '');
    shell.vars.delete(name);
    shell.proc.env.set(name, value);
  }
  return 0;
}

function* unset(shell: Shell, argv: readonly string[]): Gen<number> {
  for (const a of argv.slice(1)) {
    shell.vars.delete(a);
    shell.proc.env.delete(a);
  }
  return 0;
}

function* exit(shell: Shell, argv: readonly string[], io: BuiltinIo): Gen<number> {
  let code = shell.lastStatus;
  if (argv[1] !== undefined) {
    if (!/^-?\d+$/.test(argv[1])) {
      shell.error(io, `exit: ${argv[1]}: numeric argument required`);
      code = 2;
    } else code = Number(argv[1]) & 0xff;
  }
  throw new ShellExit(code);
}

function* returnB(shell: Shell, argv: readonly string[], io: BuiltinIo): Gen<number> {
  if (!shell.inFunction) {
    shell.error(io, shell.flavor === 'bash' ? "return: can only `return' from a function or sourced script" : 'return: not in a function');
    return 1;
  }
  let code = shell.lastStatus;
  if (argv[1] !== undefined) {
    if (!/^-?\d+$/.test(argv[1])) {
      shell.error(io, `return: ${argv[1]}: numeric argument required`);
      code = 2;
    } else code = Number(argv[1]) & 0xff;
  }
  throw new ShellReturn(code);
}

function* trueB(): Gen<number> {
  return 0;
}
function* falseB(): Gen<number> {
  return 1;
}

/** `kill [-s SIG | -SIG | -n N] PID…`, `kill -l`. */
export function* kill(shell: Shell, argv: readonly string[], io: BuiltinIo): Gen<number> {
  let signal: number = SIGNALS.SIGTERM;
  let i = 1;
  const name = shell.flavor === 'bash' ? 'kill: ' : 'kill: ';
  if (argv[1] === '-l' || argv[1] === '-L') {
    const names = Object.entries(SIGNALS).map(([k, v]) => `${String(v).padStart(2)}) ${k}`);
    for (let r = 0; r < names.length; r += 5) out(io, `${names.slice(r, r + 5).join('\t')}\n`);
    return 0;
  }
  if (argv[1] === '-s' || argv[1] === '-n') {
    const s = argv[2] !== undefined ? parseSignal(argv[2]) : undefined;
    if (s === undefined) {
      shell.error(io, `${name}${argv[2] ?? ''}: invalid signal specification`);
      return 1;
    }
    signal = s;
    i = 3;
  } else if (argv[1]?.startsWith('-') && argv[1] !== '--') {
    const s = parseSignal(argv[1].slice(1));
    if (s === undefined) {
      shell.error(io, `${name}${argv[1].slice(1)}: invalid signal specification`);
      return 1;
    }
    signal = s;
    i = 2;
  } else if (argv[1] === '--') i = 2;
  if (i >= argv.length) {
    shell.error(io, 'kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]');
    return 2;
  }
  let status = 0;
  for (const a of argv.slice(i)) {
    let pid: number;
    if (/^%\d+$/.test(a)) {
      const job = shell.jobs.find((j) => j.id === Number(a.slice(1)) && !j.done);
      if (!job) {
        shell.error(io, `kill: ${a}: no such job`);
        status = 1;
        continue;
      }
      const leader = shell.ctx.kernel.processes.get(job.pids[0]);
      // A job with a process group of its own (job control) is signalled as a whole, as bash's killpg().
      if (leader?.alive && leader.pgid === leader.hostPid) {
        shell.ctx.kernel.killGroup(leader.pgid, signal, shell.proc);
        continue;
      }
      pid = shell.ctx.kernel.pidIn(leader, shell.proc.ns.pid);
    } else if (/^-?\d+$/.test(a)) pid = Number(a);
    else {
      shell.error(io, `kill: ${a}: arguments must be process or job IDs`);
      status = 1;
      continue;
    }
    if (shell.ctx.kill(pid, signal) === 'ESRCH') {
      if (shell.flavor === 'ash') shell.error(io, `kill: can't kill pid ${pid}: No such process`);
      else shell.error(io, `kill: (${pid}) - No such process`);
      status = 1;
    }
  }
  return status;
}

function* help(_shell: Shell, _argv: readonly string[], io: BuiltinIo): Gen<number> {
  out(io, [
    'Container Playground: a simulated Docker host (Docker Engine 28.5, cgroup v2, runc).',
    '',
    'Try:',
    '  docker run -d --name web nginx            start nginx in the background',
    '  docker ps                                 list running containers',
    '  docker exec web ps                        processes inside the container',
    '  ps -ef                                    the same processes, seen from the host',
    '  docker run -d --name hog --memory 64m progrium/stress --vm 1 --vm-bytes 128M',
    '  docker stats --no-stream                  CPU, memory and PIDs per container',
    '  docker --help                             every docker command',
    '',
    'Shell: ls cd pwd cat echo printf mkdir rm touch cp mv wc grep head tail ps top kill sleep',
    '       hostname id env uname free nproc clear history exit; | > >> < && || ; & $VAR $(…)',
    'Keys:  ↑/↓ history · Tab completes · Ctrl-C stops the running command · Ctrl-L clears',
    '',
  ].join('\n'));
  return 0;
}

function* history(shell: Shell, _argv: readonly string[], io: BuiltinIo): Gen<number> {
  const lines = shell.ctx.kernel.machine.historyFor?.(shell.proc) ?? [];
  lines.forEach((l, i) => out(io, `${String(i + 1).padStart(5)}  ${l}\n`));
  return 0;
}

function* type(shell: Shell, argv: readonly string[], io: BuiltinIo): Gen<number> {
  let status = 0;
  for (const a of argv.slice(1)) {
    if (own(BUILTINS, a)) {
      out(io, `${a} is a shell builtin\n`);
      continue;
    }
    const r = shell.ctx.kernel.machine.resolve(shell.proc, a, shell.proc.env.get('PATH') ?? '');
    if ('error' in r) {
      shell.error(io, `type: ${a}: not found`);
      status = 1;
    } else out(io, `${a} is ${r.path}\n`);
  }
  return status;
}

function* jobs(shell: Shell, _argv: readonly string[], io: BuiltinIo): Gen<number> {
  for (const j of shell.jobs) {
    if (j.done) continue;
    const stopped = shell.ctx.kernel.processes.get(j.pids[0])?.stopped === true;
    out(io, stopped ? `[${j.id}]+  ${'Stopped'.padEnd(24)}${j.text}\n` : `[${j.id}]+  ${'Running'.padEnd(24)}${j.text} &\n`);
  }
  return 0;
}

function* wait(shell: Shell, argv: readonly string[]): Gen<number> {
  const pids = argv.length > 1 ? argv.slice(1).map(Number) : null;
  let status = 0;
  for (const j of shell.jobs) {
    if (j.done) continue;
    const p = shell.ctx.kernel.processes.get(j.pids[0]);
    if (pids && (!p || !pids.includes(shell.ctx.kernel.pidIn(p, shell.proc.ns.pid)))) continue;
    const res = (yield shell.ctx.waitpid(j.pids[0])) as { status: { code?: number; signal?: number } } | null;
    j.done = true;
    if (res) status = res.status.signal !== undefined ? 128 + res.status.signal : (res.status.code ?? 0);
  }
  return status;
}

function* test(shell: Shell, argv: readonly string[], io: BuiltinIo): Gen<number> {
  let args = argv.slice(1);
  if (argv[0] === '[') {
    if (args[args.length - 1] !== ']') {
      shell.error(io, "[: missing `]'");
      return 2;
    }
    args = args.slice(0, -1);
  }
  const fs = shell.ctx.kernel.machine.fsFor(shell.proc);
  const path = (p: string) => resolvePath(shell.proc.cwd, p);
  const evalExpr = (a: readonly string[]): boolean => {
    if (a[0] === '!') return !evalExpr(a.slice(1));
    if (a.length === 0) return false;
    if (a.length === 1) return a[0] !== '';
    if (a.length === 2) {
      const [op, x] = a;
      const node = fs.lookup(path(x));
      switch (op) {
        case '-z': return x === '';
        case '-n': return x !== '';
        case '-e': return typeof node !== 'string';
        case '-f': return typeof node !== 'string' && node.type === 'file';
        case '-d': return typeof node !== 'string' && node.type === 'dir';
        case '-s': return typeof node !== 'string' && node.size > 0;
        case '-x': return typeof node !== 'string' && (node.mode & 0o111) !== 0;
        default: return false;
      }
    }
    const [x, op, y] = a;
    switch (op) {
      case '=': case '==': return x === y;
      case '!=': return x !== y;
      case '-eq': return Number(x) === Number(y);
      case '-ne': return Number(x) !== Number(y);
      case '-lt': return Number(x) < Number(y);
      case '-le': return Number(x) <= Number(y);
      case '-gt': return Number(x) > Number(y);
      case '-ge': return Number(x) >= Number(y);
      default: return false;
    }
  };
  return evalExpr(args) ? 0 : 1;
}

function* read(shell: Shell, argv: readonly string[], io: BuiltinIo): Gen<number> {
  const names = argv.slice(1).filter((a) => !a.startsWith('-'));
  if (!io.stdin) return 1;
  const line = io.stdin === shell.proc.fds[0] ? yield shell.ctx.read(0, { line: true }) : readLineFrom(io.stdin);
  if (line === EOF || typeof line !== 'string') return 1;
  const fields = line.replace(/\n$/, '').trim().split(/\s+/);
  const vars = names.length ? names : ['REPLY'];
  vars.forEach((v, i) => shell.setVar(v, i === vars.length - 1 ? fields.slice(i).join(' ') : (fields[i] ?? '')));
  return 0;
}

function readLineFrom(s: Stream): string | typeof EOF {
  const r = s.read(true);
  return r === null ? EOF : r;
}

function* sourceUnsupported(shell: Shell, argv: readonly string[], io: BuiltinIo): Gen<number> {
  shell.error(io, `${argv[0]}: not supported in this playground`);
  return 1;
}

export const BUILTINS: Record<string, Builtin> = {
  cd, pwd, echo, printf, export: exportB, unset, exit, return: returnB, true: trueB, false: falseB, ':': trueB, kill, help, history, type,
  jobs, wait, test, '[': test, read, source: sourceUnsupported, '.': sourceUnsupported,
};

export function describeSignal(n: number): string {
  return signalName(n) ?? String(n);
}

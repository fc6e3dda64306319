/**
 * ps, top and kill. They list what /proc shows from the caller's PID namespace: on the host,
 * every process (container processes too, with their host PIDs); inside a container, only the
 * container's own processes, numbered from 1. procps-ng formats on the host and Debian/Ubuntu
 * images, BusyBox formats on Alpine/BusyBox.
 */
import type { ProcessContext } from '../kernel/context.ts';
import type { Process, ProgramGenerator } from '../kernel/process.ts';
import { parseSignal, SIGNALS } from '../kernel/signals.ts';
import { isBusybox, pad2, wallDate } from './util.ts';

function cmdline(p: Process): string {
  if (!p.alive) return `[${p.comm}] <defunct>`;
  return p.argv.join(' ') || `[${p.comm}]`;
}

function cpuTime(p: Process): string {
  const s = Math.floor(p.cpuTimeUs / 1e6);
  return `${pad2(Math.floor(s / 3600))}:${pad2(Math.floor(s / 60) % 60)}:${pad2(s % 60)}`;
}

function stime(ctx: ProcessContext, p: Process): string {
  const d = new Date(ctx.kernel.clock.wall(p.startedAt));
  return `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}`;
}

function tty(p: Process): string {
  return p.fds[0]?.isTty ? 'pts/0' : '?';
}

function stat(p: Process, ns: Process['ns']['pid']): string {
  let s = p.state;
  if (p.alive && p.pids[ns.level] === p.pgid && p.nsPid === 1) s += 's';
  else if (p.comm === 'bash' || p.comm === 'sh') s += 's';
  return s;
}

interface Row {
  p: Process;
  pid: number;
  ppid: number;
}

function rows(ctx: ProcessContext): Row[] {
  const ns = ctx.proc.ns.pid;
  return ctx.kernel.visibleFrom(ns).map((p) => ({ p, pid: p.pids[ns.level], ppid: ctx.kernel.pidIn(ctx.kernel.processes.get(p.ppid), ns) }));
}

export function* ps(ctx: ProcessContext): ProgramGenerator {
  const args = ctx.argv.slice(1);
  const all = rows(ctx);
  if (isBusybox(ctx)) {
    const oIdx = args.indexOf('-o');
    if (oIdx >= 0 && args[oIdx + 1]) {
      const cols = args[oIdx + 1].split(',');
      const head = cols.map((c) => ({ pid: '  PID', ppid: ' PPID', comm: 'COMMAND', args: 'COMMAND', user: 'USER    ', stat: 'STAT', rss: '  RSS' })[c] ?? c.toUpperCase());
      ctx.out(`${head.join(' ')}\n`);
      for (const r of all) {
        ctx.out(`${cols.map((c) => ({ pid: String(r.pid).padStart(5), ppid: String(r.ppid).padStart(5), comm: r.p.comm, args: cmdline(r.p), user: r.p.user.padEnd(8), stat: r.p.state.padEnd(4), rss: `${Math.round(r.p.rssBytes / 1024)}`.padStart(5) })[c] ?? '').join(' ')}\n`);
      }
      return 0;
    }
    ctx.out('PID   USER     TIME  COMMAND\n');
    for (const r of all) {
      const t = Math.floor(r.p.cpuTimeUs / 1e6);
      ctx.out(`${String(r.pid).padStart(5)} ${r.p.user.slice(0, 8).padEnd(8)} ${`${Math.floor(t / 60)}:${pad2(t % 60)}`.padStart(5)} ${cmdline(r.p)}\n`);
    }
    return 0;
  }
  const flags = args.join(' ');
  const full = /(^|\s)-\w*f/.test(flags);
  const every = /(^|\s)-\w*[eA]/.test(flags) || /^a?ux|^aux/.test(args[0] ?? '');
  const bsd = /^[a-z]*u[a-z]*$/.test(args[0] ?? '') && !args[0].startsWith('-');
  // procps select.c: by default, the processes with the invoker's euid and terminal — with no
  // terminal (docker exec without -t), the ones that have none either.
  const list = every || bsd ? all : all.filter((r) => r.p.uid === ctx.proc.uid && tty(r.p) === tty(ctx.proc));
  if (bsd) {
    ctx.out('USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\n');
    for (const r of list) {
      const mem = (r.p.rssBytes / ctx.kernel.memoryBytes) * 100;
      const vsz = Math.round((r.p.rssBytes * 1.6 + 4 * 1024 * 1024) / 1024);
      const t = Math.floor(r.p.cpuTimeUs / 1e6);
      ctx.out(`${r.p.user.slice(0, 8).padEnd(8)} ${String(r.pid).padStart(7)} ${(r.p.cpuRate * 100).toFixed(1).padStart(4)} ${mem.toFixed(1).padStart(4)} ${String(vsz).padStart(6)} ${String(Math.round(r.p.rssBytes / 1024)).padStart(5)} ${tty(r.p).padEnd(8)} ${stat(r.p, ctx.proc.ns.pid).padEnd(4)} ${stime(ctx, r.p)} ${`${Math.floor(t / 60)}:${pad2(t % 60)}`.padStart(6)} ${cmdline(r.p)}\n`);
    }
    return 0;
  }
  if (full) {
    ctx.out('UID          PID    PPID  C STIME TTY          TIME CMD\n');
    for (const r of list) {
      ctx.out(`${r.p.user.slice(0, 8).padEnd(8)} ${String(r.pid).padStart(7)} ${String(r.ppid).padStart(7)} ${String(Math.min(99, Math.round(r.p.cpuRate * 100))).padStart(2)} ${stime(ctx, r.p)} ${tty(r.p).padEnd(8)} ${cpuTime(r.p)} ${cmdline(r.p)}\n`);
    }
    return 0;
  }
  ctx.out('    PID TTY          TIME CMD\n');
  for (const r of list) ctx.out(`${String(r.pid).padStart(7)} ${tty(r.p).padEnd(8)} ${cpuTime(r.p)} ${r.p.alive ? r.p.comm : `${r.p.comm} <defunct>`}\n`);
  return 0;
}

export function* top(ctx: ProcessContext): ProgramGenerator {
  const args = ctx.argv.slice(1);
  const nIdx = args.findIndex((a) => a === '-n' || a.startsWith('-n'));
  let iterations = nIdx >= 0 ? Number(args[nIdx] === '-n' ? args[nIdx + 1] : args[nIdx].slice(2)) : Infinity;
  if (args.includes('-bn1')) iterations = 1;
  const batch = args.some((a) => /^-b/.test(a)) || !ctx.isatty(1);
  if (!Number.isFinite(iterations) && !ctx.isatty(1)) iterations = 1;
  ctx.rss(3 * 1024 * 1024);
  for (let i = 0; i < iterations; i++) {
    if (!batch) ctx.out('\x1b[H\x1b[2J');
    ctx.out(isBusybox(ctx) ? busyboxTop(ctx) : procpsTop(ctx));
    if (i + 1 < iterations) yield ctx.sleep(3000);
  }
  return 0;
}

function uptime(ctx: ProcessContext): string {
  const mins = Math.floor(ctx.now / 60000);
  return mins < 60 ? `${mins} min` : `${Math.floor(mins / 60)}:${pad2(mins % 60)}`;
}

function procpsTop(ctx: ProcessContext): string {
  const k = ctx.kernel;
  const list = rows(ctx);
  const d = wallDate(ctx);
  const running = list.filter((r) => r.p.state === 'R').length;
  const zombie = list.filter((r) => r.p.state === 'Z').length;
  const busy = list.reduce((s, r) => s + r.p.cpuRate, 0);
  const us = Math.min(100, (busy / k.cpus) * 100);
  const totalMiB = k.memoryBytes / 1048576;
  const usedMiB = k.cgroups.root.memoryCurrent / 1048576 + 420;
  let out = `top - ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())} up ${uptime(ctx)},  1 user,  load average: ${(busy * 0.8).toFixed(2)}, ${(busy * 0.5).toFixed(2)}, ${(busy * 0.2).toFixed(2)}\n`;
  out += `Tasks: ${String(list.length).padStart(3)} total, ${String(running).padStart(3)} running, ${String(list.length - running - zombie).padStart(3)} sleeping,   0 stopped, ${String(zombie).padStart(3)} zombie\n`;
  out += `%Cpu(s):${us.toFixed(1).padStart(5)} us,  0.0 sy,  0.0 ni,${(100 - us).toFixed(1).padStart(5)} id,  0.0 wa,  0.0 hi,  0.0 si,  0.0 st\n`;
  out += `MiB Mem : ${totalMiB.toFixed(1).padStart(8)} total, ${(totalMiB - usedMiB - 700).toFixed(1).padStart(8)} free, ${usedMiB.toFixed(1).padStart(8)} used, ${'700.0'.padStart(8)} buff/cache\n`;
  out += `MiB Swap: ${'0.0'.padStart(8)} total, ${'0.0'.padStart(8)} free, ${'0.0'.padStart(8)} used. ${(totalMiB - usedMiB).toFixed(1).padStart(8)} avail Mem\n\n`;
  out += '    PID USER      PR  NI    VIRT    RES    SHR S  %CPU  %MEM     TIME+ COMMAND\n';
  const sorted = [...list].sort((a, b) => b.p.cpuRate - a.p.cpuRate || a.pid - b.pid).slice(0, 20);
  for (const r of sorted) {
    const res = Math.round(r.p.rssBytes / 1024);
    const t = r.p.cpuTimeUs / 1e6;
    const time = `${Math.floor(t / 60)}:${(t % 60).toFixed(2).padStart(5, '0')}`;
    out += `${String(r.pid).padStart(7)} ${r.p.user.slice(0, 8).padEnd(8)}  20   0 ${String(Math.round(res * 1.6 + 4096)).padStart(7)} ${String(res).padStart(6)} ${String(Math.round(res * 0.6)).padStart(6)} ${r.p.state} ${(r.p.cpuRate * 100).toFixed(1).padStart(5)} ${((r.p.rssBytes / k.memoryBytes) * 100).toFixed(1).padStart(5)} ${time.padStart(9)} ${r.p.comm}\n`;
  }
  return out;
}

function busyboxTop(ctx: ProcessContext): string {
  const k = ctx.kernel;
  const list = rows(ctx);
  const used = Math.round((k.cgroups.root.memoryCurrent + 420 * 1048576) / 1024);
  const total = Math.round(k.memoryBytes / 1024);
  const busy = list.reduce((s, r) => s + r.p.cpuRate, 0);
  const us = Math.round(Math.min(100, (busy / k.cpus) * 100));
  let out = `Mem: ${used}K used, ${total - used}K free, 1036K shrd, 0K buff, 716800K cached\n`;
  out += `CPU:${String(us).padStart(4)}% usr   0% sys   0% nic ${String(100 - us).padStart(3)}% idle   0% io   0% irq   0% sirq\n`;
  out += `Load average: ${(busy * 0.8).toFixed(2)} ${(busy * 0.5).toFixed(2)} ${(busy * 0.2).toFixed(2)} ${list.filter((r) => r.p.state === 'R').length}/${list.length} ${list[list.length - 1]?.pid ?? 1}\n`;
  out += '  PID  PPID USER     STAT   VSZ %VSZ CPU %CPU COMMAND\n';
  for (const r of [...list].sort((a, b) => b.p.cpuRate - a.p.cpuRate || a.pid - b.pid)) {
    const vsz = Math.round(r.p.rssBytes / 1024 + 900);
    out += `${String(r.pid).padStart(5)} ${String(r.ppid).padStart(5)} ${r.p.user.slice(0, 8).padEnd(8)} ${r.p.state.padEnd(4)} ${String(vsz).padStart(5)} ${String(Math.round((vsz * 1024 * 100) / k.memoryBytes)).padStart(3)}% ${String(0).padStart(3)} ${String(Math.round((r.p.cpuRate * 100) / k.cpus)).padStart(3)}% ${cmdline(r.p)}\n`;
  }
  return out;
}

/** /bin/kill (the external one; shells use their builtin). */
export function* kill(ctx: ProcessContext): ProgramGenerator {
  const args = ctx.argv.slice(1);
  let signal: number = SIGNALS.SIGTERM;
  let i = 0;
  if (args[0] === '-s') {
    const s = parseSignal(args[1] ?? '');
    if (s === undefined) {
      ctx.err(`kill: unknown signal: ${args[1] ?? ''}\n`);
      return 1;
    }
    signal = s;
    i = 2;
  } else if (args[0]?.startsWith('-') && args[0] !== '--') {
    const s = parseSignal(args[0].slice(1));
    if (s === undefined) {
      ctx.err(`kill: unknown signal: ${args[0].slice(1)}\n`);
      return 1;
    }
    signal = s;
    i = 1;
  }
  let status = 0;
  for (const a of args.slice(i)) {
    if (!/^\d+$/.test(a) || ctx.kill(Number(a), signal) === 'ESRCH') {
      ctx.err(isBusybox(ctx) ? `kill: can't kill pid ${a}: No such process\n` : `kill: (${a}): No such process\n`);
      status = 1;
    }
  }
  return status;
}

export const PROCPS_PROGRAMS = { ps, top, kill } as const;

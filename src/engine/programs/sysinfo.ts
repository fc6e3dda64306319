/**
 * hostname, id, whoami, env, uname, nproc, free, date. Inside a container they answer from the
 * container's namespaces (hostname = short ID), but `free` and `nproc` read host-wide figures
 * (/proc/meminfo, the CPU affinity) — the classic surprise that a memory limit is not what
 * `free` shows.
 */
import type { ProcessContext } from '../kernel/context.ts';
import type { ProgramGenerator } from '../kernel/process.ts';
import { KERNEL_RELEASE } from '../versions.ts';
import { isBusybox, pad2, wallDate, MONTHS, DAYS } from './util.ts';

export function* hostname(ctx: ProcessContext): ProgramGenerator {
  ctx.out(`${ctx.hostname}\n`);
  return 0;
}

function groupsOf(ctx: ProcessContext): string {
  if (ctx.proc.uid !== 0) return `${ctx.proc.uid}(${ctx.proc.user})`;
  if (isBusybox(ctx)) return '0(root),1(bin),2(daemon),3(sys),4(adm),6(disk),10(wheel),11(floppy),20(dialout),26(tape),27(video)';
  return '0(root)';
}

export function* id(ctx: ProcessContext): ProgramGenerator {
  const { uid, user } = ctx.proc;
  if (ctx.argv[1] === '-u') ctx.out(`${uid}\n`);
  else if (ctx.argv[1] === '-un') ctx.out(`${user}\n`);
  else ctx.out(`uid=${uid}(${user}) gid=${uid}(${user}) groups=${groupsOf(ctx)}\n`);
  return 0;
}

export function* whoami(ctx: ProcessContext): ProgramGenerator {
  ctx.out(`${ctx.proc.user}\n`);
  return 0;
}

export function* env(ctx: ProcessContext): ProgramGenerator {
  if (ctx.argv.length > 1) {
    ctx.err('env: running commands is not supported here; use VAR=value cmd in the shell\n');
    return 125;
  }
  for (const [k, v] of ctx.env) ctx.out(`${k}=${v}\n`);
  return 0;
}

export function* uname(ctx: ProcessContext): ProgramGenerator {
  const a = ctx.argv[1];
  const build = '#49-Ubuntu SMP PREEMPT_DYNAMIC Mon Nov  4 02:06:24 UTC 2024';
  if (a === '-a') ctx.out(`Linux ${ctx.hostname} ${KERNEL_RELEASE} ${build} x86_64${isBusybox(ctx) ? ' Linux' : ' x86_64 x86_64 GNU/Linux'}\n`);
  else if (a === '-r') ctx.out(`${KERNEL_RELEASE}\n`);
  else if (a === '-n') ctx.out(`${ctx.hostname}\n`);
  else if (a === '-m') ctx.out('x86_64\n');
  else ctx.out('Linux\n');
  return 0;
}

export function* nproc(ctx: ProcessContext): ProgramGenerator {
  ctx.out(`${ctx.proc.cgroup.effectiveCpus(ctx.kernel.cpus).length}\n`);
  return 0;
}

export function* free(ctx: ProcessContext): ProgramGenerator {
  const k = ctx.kernel;
  const unit = ctx.argv.includes('-m') ? 1024 * 1024 : ctx.argv.includes('-g') ? 1024 ** 3 : 1024;
  const human = ctx.argv.includes('-h');
  const total = k.memoryBytes;
  const used = k.cgroups.root.memoryCurrent + 420 * 1024 * 1024;
  const cache = 700 * 1024 * 1024;
  const freeB = Math.max(0, total - used - cache);
  const fmt = (b: number) => (human ? humanSize(b) : String(Math.floor(b / unit)));
  if (isBusybox(ctx)) {
    ctx.out(`              total        used        free      shared  buff/cache   available\n`);
    ctx.out(`Mem:${fmt(total).padStart(15)}${fmt(used).padStart(12)}${fmt(freeB).padStart(12)}${fmt(1036 * 1024).padStart(12)}${fmt(cache).padStart(12)}${fmt(total - used).padStart(12)}\n`);
    ctx.out(`Swap:${'0'.padStart(14)}${'0'.padStart(12)}${'0'.padStart(12)}\n`);
    return 0;
  }
  ctx.out('               total        used        free      shared  buff/cache   available\n');
  ctx.out(`Mem:  ${fmt(total).padStart(14)}${fmt(used).padStart(12)}${fmt(freeB).padStart(12)}${fmt(1036 * 1024).padStart(12)}${fmt(cache).padStart(12)}${fmt(total - used).padStart(12)}\n`);
  ctx.out(`Swap: ${fmt(0).padStart(14)}${fmt(0).padStart(12)}${fmt(0).padStart(12)}\n`);
  return 0;
}

function humanSize(b: number): string {
  const units = ['B', 'Ki', 'Mi', 'Gi', 'Ti'];
  let v = b;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v < 10 && i > 0 ? v.toFixed(1) : Math.round(v)}${units[i]}`;
}


export function* date(ctx: ProcessContext): ProgramGenerator {
  const d = wallDate(ctx);
  ctx.out(`${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}\n`);
  return 0;
}

export const SYSINFO_PROGRAMS = { hostname, id, whoami, env, uname, nproc, free, date } as const;

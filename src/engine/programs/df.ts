/**
 * df: the filesystem's size, use and free space from statfs(2) — the host's disk (`/dev/vda1`
 * on /), a container's `overlay` root on the same disk. GNU coreutils columns on the host and on
 * Debian/Ubuntu images, BusyBox's on Alpine/BusyBox. Only the root filesystem (or the one
 * holding each operand) is listed; /dev, /proc, tmpfs and the like are not simulated here.
 */
import type { DiskStat } from '../fs/filesystem.ts';
import { FS_ERROR_TEXT, resolvePath } from '../fs/tree.ts';
import type { ProcessContext } from '../kernel/context.ts';
import type { ProgramGenerator } from '../kernel/process.ts';
import { busyboxHuman, gnuHumanCeil } from './sizes.ts';
import { isBusybox } from './util.ts';

interface Row {
  readonly source: string;
  readonly target: string;
  readonly stat: DiskStat;
}

/** GNU df.c field_data: minimum widths 14 (source) and 5 (numbers), one space between columns. */
function gnuTable(rows: readonly Row[], human: boolean): string {
  const kb = (n: number) => String(Math.ceil(n / 1024));
  const fmt = human ? gnuHumanCeil : kb;
  const header = ['Filesystem', human ? 'Size' : '1K-blocks', 'Used', human ? 'Avail' : 'Available', 'Use%', 'Mounted on'];
  const cells = rows.map(({ source, target, stat }) => {
    const avail = Math.max(0, stat.capacity - stat.used);
    const pct = stat.used + avail === 0 ? '-' : `${Math.ceil((stat.used * 100) / (stat.used + avail))}%`;
    return [source, fmt(stat.capacity), fmt(stat.used), fmt(avail), pct, target];
  });
  const all = [header, ...cells];
  const width = (i: number, min: number) => Math.max(min, ...all.map((r) => r[i].length));
  const w = [width(0, 14), width(1, 5), width(2, 5), width(3, 5), width(4, 4)];
  return all
    .map((r) => [r[0].padEnd(w[0]), r[1].padStart(w[1]), r[2].padStart(w[2]), r[3].padStart(w[3]), r[4].padStart(w[4]), r[5]].join(' ').trimEnd() + '\n')
    .join('');
}

/** BusyBox df.c: `%-20s %9s %9s %9s %3u%% %s`. */
function busyboxTable(rows: readonly Row[], human: boolean): string {
  const fmt = human ? busyboxHuman : (n: number) => String(Math.floor(n / 1024));
  let out = `Filesystem           ${(human ? '     Size' : '1K-blocks').padEnd(15)}Used Available Use% Mounted on\n`;
  for (const { source, target, stat } of rows) {
    const avail = Math.max(0, stat.capacity - stat.used);
    const total = stat.used + avail;
    const pct = total === 0 ? 0 : Math.floor((stat.used * 100 + total / 2) / total);
    out += `${source.padEnd(20)} ${fmt(stat.capacity).padStart(9)} ${fmt(stat.used).padStart(9)} ${fmt(avail).padStart(9)} ${String(pct).padStart(3)}% ${target}\n`;
  }
  return out;
}

export function* df(ctx: ProcessContext): ProgramGenerator {
  const busybox = isBusybox(ctx);
  let human = false;
  const operands: string[] = [];
  for (const a of ctx.argv.slice(1)) {
    if (a === '-h' || a === '--human-readable') human = true;
    else if (a === '-k') human = false;
    else if (a.startsWith('-') && a.length > 1) {
      if (busybox) ctx.err(`df: unrecognized option: ${a.replace(/^-+/, '')}\n`);
      else ctx.err(`df: invalid option -- '${a.slice(1)}'\nTry 'df --help' for more information.\n`);
      return 1;
    } else operands.push(a);
  }
  const source = ctx.proc.containerId ? 'overlay' : '/dev/vda1';
  const rows: Row[] = [];
  let status = 0;
  for (const a of operands.length ? operands : ['/']) {
    const p = resolvePath(ctx.proc.cwd, a, ctx.env.get('HOME') ?? '/root');
    const n = ctx.fs.lookup(p);
    if (typeof n === 'string') {
      ctx.err(`df: ${a}: ${FS_ERROR_TEXT[n]}\n`);
      status = 1;
      continue;
    }
    const stat = ctx.fs.statfs(p);
    // statfs counts 4 KiB blocks: a partly used block is a used block.
    if (stat) rows.push({ source, target: '/', stat: { capacity: stat.capacity, used: Math.min(stat.capacity, Math.ceil(stat.used / 4096) * 4096) } });
  }
  if (rows.length > 0 || status === 0) ctx.out(busybox ? busyboxTable(rows, human) : gnuTable(rows, human));
  return status;
}

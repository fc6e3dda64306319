/**
 * fallocate -l LEN FILE (util-linux; the BusyBox applet on Alpine): reserves LEN bytes for FILE
 * at once, without writing them — here a size-only file (no content held in memory). The file is
 * opened (created) first, so a request that does not fit leaves it empty: ENOSPC.
 */
import { FS_ERROR_TEXT, resolvePath } from '../fs/tree.ts';
import type { ProcessContext } from '../kernel/context.ts';
import type { ProgramGenerator } from '../kernel/process.ts';
import { parseSize } from './sizes.ts';
import { isBusybox } from './util.ts';

export function* fallocate(ctx: ProcessContext): ProgramGenerator {
  const busybox = isBusybox(ctx);
  let lengthArg: string | null = null;
  const files: string[] = [];
  const args = ctx.argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-l' || a === '--length') lengthArg = args[++i] ?? '';
    else if (a.startsWith('-l')) lengthArg = a.slice(2);
    else if (a.startsWith('--length=')) lengthArg = a.slice('--length='.length);
    else files.push(a);
  }
  const fail = (msg: string) => {
    ctx.err(`fallocate: ${msg}\n`);
    return 1;
  };
  if (busybox && (lengthArg === null || files.length !== 1)) {
    ctx.err('BusyBox v1.37.0 (2024-12-13 10:22:11 UTC) multi-call binary.\n\nUsage: fallocate [-o OFS] -l LEN FILE\n\nPreallocate space for FILE\n\n\t-o OFS\tOffset of range\n\t-l LEN\tLength of range\n');
    return 1;
  }
  if (lengthArg === null) return fail('no length argument specified');
  const length = parseSize(lengthArg);
  if (length === null || length === 0) return fail(busybox ? `invalid number '${lengthArg}'` : 'invalid length value specified');
  if (files.length === 0) {
    ctx.err("fallocate: no filename specified\nTry 'fallocate --help' for more information.\n");
    return 1;
  }
  const name = files[0];
  const path = resolvePath(ctx.proc.cwd, name, ctx.env.get('HOME') ?? '/root');
  let node = ctx.fs.lookup(path);
  if (typeof node === 'string') {
    const e = ctx.fs.writeFile(path, '', ctx.now);
    if (e) return fail(busybox ? `can't open '${name}': ${FS_ERROR_TEXT[e]}` : `cannot open ${name}: ${FS_ERROR_TEXT[e]}`);
    node = ctx.fs.lookup(path);
  }
  if (typeof node === 'string' || node.type === 'dir') return fail(busybox ? `can't open '${name}': Is a directory` : `cannot open ${name}: Is a directory`);
  if (length <= node.size) return 0;
  const e = ctx.fs.writeFile(path, node.content, ctx.now, { size: length });
  // util-linux: err(…, "fallocate failed"); BusyBox: bb_perror_msg_and_die("fallocate '%s'", file).
  if (e) return fail(`${busybox ? `fallocate '${name}'` : 'fallocate failed'}: ${FS_ERROR_TEXT[e]}`);
  return 0;
}

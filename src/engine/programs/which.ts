/**
 * `which` — BusyBox's applet on alpine/busybox images, debianutils' script on Debian, Ubuntu and
 * the host. Both print the full path of each command found on $PATH (`-a`: every match) and say
 * nothing about the ones they cannot find; the exit status is 1 if any was missing.
 */
import type { ProcessContext } from '../kernel/context.ts';
import type { ProgramGenerator } from '../kernel/process.ts';
import { resolvePath } from '../fs/tree.ts';
import { isBusybox, DEFAULT_PATH } from './util.ts';


export function* which(ctx: ProcessContext): ProgramGenerator {
  ctx.rss(isBusybox(ctx) ? 400 * 1024 : 1200 * 1024);
  let all = false;
  let silent = false;
  const names: string[] = [];
  for (const a of ctx.argv.slice(1)) {
    if (a.startsWith('-') && a.length > 1 && names.length === 0) {
      for (const c of a.slice(1)) {
        if (c === 'a') all = true;
        else if (c === 's' && !isBusybox(ctx)) silent = true;
        else {
          if (isBusybox(ctx)) ctx.err(`which: unrecognized option: ${c}\nBusyBox v1.37.0 (2024-12-13 10:22:11 UTC) multi-call binary.\n\nUsage: which [-a] COMMAND...\n\nLocate COMMAND\n\n\t-a\tShow all matches\n`);
          else ctx.err('Usage: which [-as] args\n');
          return isBusybox(ctx) ? 1 : 2;
        }
      }
      continue;
    }
    names.push(a);
  }
  if (names.length === 0) {
    if (isBusybox(ctx)) {
      ctx.err('BusyBox v1.37.0 (2024-12-13 10:22:11 UTC) multi-call binary.\n\nUsage: which [-a] COMMAND...\n\nLocate COMMAND\n\n\t-a\tShow all matches\n');
      return 1;
    }
    return 1;
  }
  const fs = ctx.fs;
  const executable = (path: string) => {
    const n = fs.lookup(path);
    return typeof n !== 'string' && n.type === 'file' && (n.mode & 0o111) !== 0;
  };
  const path = ctx.env.get('PATH') ?? DEFAULT_PATH;
  let status = 0;
  for (const name of names) {
    const found: string[] = [];
    if (name.includes('/')) {
      if (executable(resolvePath(ctx.proc.cwd, name))) found.push(name);
    } else {
      for (const dir of path.split(':')) {
        const full = `${dir || '.'}/${name}`;
        if (executable(resolvePath(ctx.proc.cwd, full))) {
          found.push(full);
          if (!all) break;
        }
      }
    }
    if (found.length === 0) status = 1;
    else if (!silent) ctx.out(found.map((f) => `${f}\n`).join(''));
  }
  return status;
}

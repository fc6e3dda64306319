/**
 * The userland: which program runs for an executable. A name found on $PATH in the process's
 * filesystem runs the program registered for that path (entrypoint scripts, which differ per
 * image) or for its basename (`ls`, `nginx`, `sh` — busybox applets are symlinks with the
 * applet's name). Executables without a simulation say so instead of pretending.
 */
import type { Filesystem } from '../fs/filesystem.ts';
import { basename, resolvePath } from '../fs/tree.ts';
import type { ProcessContext, Resolved } from '../kernel/context.ts';
import type { ProgramFn, ProgramGenerator } from '../kernel/process.ts';
import { runScriptFile, shellMain } from '../cli/shell/interpreter.ts';
import { clear, falseProgram, seq, sleep, trueProgram, unsupported, yes } from './basic.ts';
import { FILE_PROGRAMS } from './fileutils.ts';
import { dd } from './dd.ts';
import { df } from './df.ts';
import { fallocate } from './fallocate.ts';
import { nginxEntrypoint, nginxMaster } from './nginx.ts';
import { PACKAGE_PROGRAMS } from './pkgtools.ts';
import { PROCPS_PROGRAMS } from './procps.ts';
import { redisEntrypoint, redisServer } from './redis.ts';
import { postgresEntrypoint, postgresServer } from './postgres.ts';
import { psql } from './psql.ts';
import { pgIsready } from './postgres-tools.ts';
import { NET_PROGRAMS } from './netprograms.ts';
import { registryEntrypoint, registryMain } from './registry.ts';
import { stressMain } from './stress.ts';
import { SYSINFO_PROGRAMS } from './sysinfo.ts';
import { tini } from './tini.ts';
import { idle, MiB, DEFAULT_PATH } from './util.ts';
import { own } from '../own.ts';

const bash = (ctx: ProcessContext) => shellMain(ctx, 'bash');
const ash = (ctx: ProcessContext) => shellMain(ctx, 'ash');

/** A generic entrypoint script: `exec "$@"`. */
function* execArgs(ctx: ProcessContext): ProgramGenerator {
  const argv = ctx.argv.slice(1);
  if (argv.length === 0) return 0;
  const r = ctx.kernel.machine.resolve(ctx.proc, argv[0], ctx.env.get('PATH') ?? '');
  if ('error' in r) {
    ctx.err(`${ctx.argv[0]}: exec: ${argv[0]}: not found\n`);
    return 127;
  }
  yield { kind: 'exec', argv, program: r.program, comm: r.comm };
  return 0;
}

/** Programs whose binaries exist but are not simulated yet. */
function* notSimulated(ctx: ProcessContext): ProgramGenerator {
  ctx.err(`${ctx.proc.comm}: this program is not simulated in this playground yet\n`);
  return 1;
}

export const PROGRAMS: Record<string, ProgramFn> = {
  bash, sh: ash, ash, dash: ash,
  sleep, yes, seq, true: trueProgram, false: falseProgram, clear,
  ...FILE_PROGRAMS, ...SYSINFO_PROGRAMS, ...PROCPS_PROGRAMS, df, dd, fallocate,
  stress: stressMain, nginx: nginxMaster, 'nginx-debug': nginxMaster, 'redis-server': redisServer,
  registry: registryMain,
  postgres: postgresServer, psql, pg_isready: pgIsready,
  'docker-init': tini, tini,
  systemd: idle(12 * MiB), init: idle(12 * MiB), 'systemd-journald': idle(9 * MiB), sshd: idle(8 * MiB), cron: idle(2 * MiB),
  containerd: idle(45 * MiB), dockerd: idle(80 * MiB),
  vi: unsupported, vim: unsupported, nano: unsupported, less: unsupported, more: unsupported,
  ...PACKAGE_PROGRAMS,
  ...NET_PROGRAMS,
};

/** Entrypoint scripts, keyed by path and told apart by the image they are in. */
function entrypointFor(fs: Filesystem, path: string): ProgramFn | undefined {
  if (path === '/docker-entrypoint.sh' && fs.exists('/etc/nginx')) return nginxEntrypoint;
  if (path === '/entrypoint.sh' && fs.exists('/bin/registry')) return registryEntrypoint;
  if (path === '/usr/local/bin/docker-entrypoint.sh' && fs.exists('/usr/lib/postgresql')) return postgresEntrypoint;
  if (path.endsWith('docker-entrypoint.sh')) return fs.exists('/usr/local/bin/redis-server') ? redisEntrypoint : execArgs;
  return undefined;
}

/**
 * An executable text file: a `#!` line naming a shell (`#!/bin/sh`, `#!/usr/bin/env bash`) runs
 * the file with it, as execve does; a script without one is run by the shell (bash and dash fall
 * back to that on ENOEXEC). Other interpreters are not simulated.
 */
function scriptFor(fs: Filesystem, path: string): ProgramFn | undefined {
  const text = fs.readFile(path);
  if (typeof text !== 'string' || text.length === 0 || text.includes('\0')) return undefined;
  const first = text.startsWith('#!') ? text.slice(2, text.indexOf('\n') >>> 0).trim().split(/\s+/) : ['/bin/sh'];
  const interp = basename(first[0] ?? '') === 'env' ? (first[1] ?? '') : (first[0] ?? '');
  const shell = basename(interp);
  if (!['sh', 'bash', 'ash', 'dash'].includes(shell)) return undefined;
  const flavor = shell === 'bash' ? 'bash' : 'ash';
  // execve hands the interpreter the script's full path: it is the script's $0.
  return (ctx: ProcessContext) => runScriptFile(ctx, flavor, path, ctx.argv.slice(1), interp);
}


/** execve()'s lookup: `name` on `path` in `fs`, relative to `cwd` when it contains a slash. */
export function resolveProgram(fs: Filesystem, name: string, path: string, cwd = '/'): Resolved {
  if (!name) return { error: 'ENOENT' };
  const candidates = name.includes('/') ? [resolvePath(cwd, name)] : (path || DEFAULT_PATH).split(':').filter(Boolean).map((d) => `${d.replace(/\/$/, '')}/${name}`);
  for (const full of candidates) {
    const node = fs.lookup(full);
    if (typeof node === 'string' || node.type !== 'file') {
      if (typeof node !== 'string' && node.type === 'dir' && name.includes('/')) return { error: 'EACCES' };
      continue;
    }
    if ((node.mode & 0o111) === 0) return { error: 'EACCES' };
    const base = basename(full);
    const program = entrypointFor(fs, full) ?? own(PROGRAMS, base) ?? scriptFor(fs, full) ?? notSimulated;
    return { program, path: full, comm: base.slice(0, 15) };
  }
  return { error: 'ENOENT' };
}

export { unsupported };

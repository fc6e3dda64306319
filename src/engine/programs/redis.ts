/**
 * redis-server as the official image runs it: docker-entrypoint.sh drops to the `redis` user
 * (gosu) and execs `redis-server`, which logs its banner and waits for clients. SIGTERM or
 * SIGINT: save the RDB snapshot and exit 0.
 */
import type { ProcessContext } from '../kernel/context.ts';
import type { ProgramGenerator } from '../kernel/process.ts';
import { SIGNALS } from '../kernel/signals.ts';
import { MiB, pad2, wallDate, MONTHS } from './util.ts';
import { redisExecute } from './rediscli.ts';


function stamp(ctx: ProcessContext): string {
  const d = wallDate(ctx);
  return `${pad2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}.${String(d.getUTCMilliseconds()).padStart(3, '0')}`;
}

export function* redisEntrypoint(ctx: ProcessContext): ProgramGenerator {
  const args = ctx.argv.slice(1);
  const first = args[0] ?? 'redis-server';
  const isServer = first === 'redis-server' || first.startsWith('-');
  const argv = first.startsWith('-') ? ['redis-server', ...args] : args;
  const r = ctx.kernel.machine.resolve(ctx.proc, argv[0], ctx.env.get('PATH') ?? '');
  if ('error' in r) {
    ctx.err(`/usr/local/bin/docker-entrypoint.sh: line 16: exec: ${argv[0]}: not found\n`);
    return 127;
  }
  if (isServer && ctx.proc.uid === 0) {
    ctx.proc.uid = 999;
    ctx.proc.user = 'redis';
  }
  yield { kind: 'exec', argv, program: r.program, comm: r.comm };
  return 0;
}

export function* redisServer(ctx: ProcessContext): ProgramGenerator {
  const me = ctx.pid;
  const port = 6379;
  ctx.proc.argv = [`redis-server *:${port}`];
  ctx.proc.touch();
  ctx.rss(3.9 * MiB);
  const log = (role: 'C' | 'M', mark: string, msg: string) => ctx.out(`${me}:${role} ${stamp(ctx)} ${mark} ${msg}\n`);
  log('C', '*', 'oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo');
  log('C', '*', `Redis version=7.4.1, bits=64, commit=00000000, modified=0, pid=${me}, just started`);
  log('C', '#', 'Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf');
  log('M', '*', 'monotonic clock: POSIX clock_gettime');
  log('M', '*', `Running mode=standalone, port=${port}.`);
  log('M', '*', 'Server initialized');
  log('M', '*', 'Ready to accept connections tcp');
  const db = new Map<string, string>();
  ctx.kernel.net.listen({
    netns: ctx.proc.ns.net.inode, address: '0.0.0.0', port, transport: 'tcp', pid: ctx.proc.hostPid,
    service: { proto: 'resp', handle: (args) => redisExecute(db, args) },
  }, (pid) => ctx.kernel.processes.get(pid)?.alive ?? false);
  let stop: string | null = null;
  ctx.onSignal(SIGNALS.SIGTERM, () => {
    stop = 'SIGTERM';
    ctx.interrupt();
  });
  ctx.onSignal(SIGNALS.SIGINT, () => {
    stop = 'SIGINT';
    ctx.interrupt();
  });
  while (stop === null) yield ctx.pause();
  ctx.out(`${me}:signal-handler (${Math.floor(ctx.kernel.clock.wall(ctx.now) / 1000)}) Received ${stop} scheduling shutdown...\n`);
  yield ctx.sleep(40);
  log('M', '*', 'User requested shutdown...');
  log('M', '*', 'Saving the final RDB snapshot before exiting.');
  log('M', '*', 'DB saved on disk');
  log('M', '#', 'Redis is now ready to exit, bye bye...');
  return 0;
}

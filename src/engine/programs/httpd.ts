/**
 * Apache httpd as the official image runs it (`httpd-foreground` → `httpd -DFOREGROUND`): the
 * ServerName warning twice, the mpm_event start notice, three child processes (www-data), and
 * the htdocs served on port 80 with a common-log line per request. SIGWINCH (the image's
 * STOPSIGNAL) stops gracefully, SIGTERM at once.
 */
import type { ProcessContext } from '../kernel/context.ts';
import type { ProgramGenerator } from '../kernel/process.ts';
import { SIGNALS } from '../kernel/signals.ts';
import { resolveName } from './netclient.ts';
import { MiB, pad2, wallDate, MONTHS, DAYS } from './util.ts';
import { httpdHandler } from './webserver.ts';

const TID = '140512874395520';

function stamp(ctx: ProcessContext): string {
  const d = wallDate(ctx);
  const us = String((ctx.now % 1000) * 1000 + 527).padStart(6, '0');
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${pad2(d.getUTCDate())} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}.${us} ${d.getUTCFullYear()}`;
}

function* child(ctx: ProcessContext): ProgramGenerator {
  ctx.rss(2.9 * MiB);
  for (;;) yield ctx.pause();
}

export function* httpdForeground(ctx: ProcessContext): ProgramGenerator {
  ctx.proc.argv = ['httpd', '-DFOREGROUND'];
  ctx.proc.comm = 'httpd';
  ctx.proc.touch();
  ctx.rss(4.6 * MiB);
  const me = ctx.pid;
  const version = ctx.env.get('HTTPD_VERSION') ?? '2.4.63';
  const ip = resolveName(ctx, ctx.hostname)?.ip ?? '127.0.0.1';
  const warn = `AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using ${ip}. Set the 'ServerName' directive globally to suppress this message\n`;
  ctx.err(warn + warn);
  const kids: number[] = [];
  for (let i = 0; i < 3; i++) {
    const c = ctx.spawn({ argv: ['httpd', '-DFOREGROUND'], comm: 'httpd', program: child, user: 'www-data', uid: 33 });
    if (typeof c !== 'string') kids.push(c.hostPid);
  }
  ctx.err(`[${stamp(ctx)}] [mpm_event:notice] [pid ${me}:tid ${TID}] AH00489: Apache/${version} (Unix) configured -- resuming normal operations\n`);
  ctx.err(`[${stamp(ctx)}] [core:notice] [pid ${me}:tid ${TID}] AH00094: Command line: 'httpd -D FOREGROUND'\n`);
  ctx.kernel.net.listen({
    netns: ctx.proc.ns.net.inode, address: '0.0.0.0', port: 80, transport: 'tcp', pid: ctx.proc.hostPid,
    service: { proto: 'http', handle: httpdHandler(ctx, (l) => ctx.out(l), version) },
  }, (pid) => ctx.kernel.processes.get(pid)?.alive ?? false);
  let stop: 'graceful' | 'term' | null = null;
  ctx.onSignal(SIGNALS.SIGWINCH, () => {
    stop = 'graceful';
    ctx.interrupt();
  });
  for (const s of [SIGNALS.SIGTERM, SIGNALS.SIGINT]) {
    ctx.onSignal(s, () => {
      stop = 'term';
      ctx.interrupt();
    });
  }
  ctx.onSignal(SIGNALS.SIGCHLD, () => {});
  while (stop === null) yield ctx.pause();
  const how = stop as 'graceful' | 'term';
  for (const pid of kids) {
    const p = ctx.kernel.processes.get(pid);
    if (p?.alive) ctx.kernel.kill(p, SIGNALS.SIGTERM, ctx.proc);
  }
  yield ctx.sleep(5);
  ctx.err(how === 'graceful'
    ? `[${stamp(ctx)}] [mpm_event:notice] [pid ${me}:tid ${TID}] AH00492: caught SIGWINCH, shutting down gracefully\n`
    : `[${stamp(ctx)}] [mpm_event:notice] [pid ${me}:tid ${TID}] AH00491: caught SIGTERM, shutting down\n`);
  return 0;
}

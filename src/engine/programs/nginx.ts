/**
 * nginx: the image's /docker-entrypoint.sh (configuration scripts, then `exec nginx`), a master
 * process and one worker per CPU it may use (`worker_processes auto`). Signals as nginx handles
 * them: SIGQUIT (the image's STOPSIGNAL) graceful shutdown, SIGTERM/SIGINT fast shutdown,
 * SIGHUP reload (new workers), SIGKILL for the workers when the master dies with the namespace.
 */
import type { ProcessContext } from '../kernel/context.ts';
import type { ProgramGenerator } from '../kernel/process.ts';
import { SIGNALS } from '../kernel/signals.ts';
import { MiB, pad2, wallDate } from './util.ts';
import { nginxHandler } from './webserver.ts';

function stamp(ctx: ProcessContext): string {
  const d = wallDate(ctx);
  return `${d.getUTCFullYear()}/${pad2(d.getUTCMonth() + 1)}/${pad2(d.getUTCDate())} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`;
}

/** /docker-entrypoint.sh of the nginx image. */
export function* nginxEntrypoint(ctx: ProcessContext): ProgramGenerator {
  const args = ctx.argv.slice(1);
  ctx.rss(1.2 * MiB);
  if (args[0] !== 'nginx' && args[0] !== 'nginx-debug') {
    // Not nginx: run the command as given (exec).
    const r = ctx.kernel.machine.resolve(ctx.proc, args[0] ?? 'sh', ctx.env.get('PATH') ?? '');
    if ('error' in r) {
      ctx.err(`/docker-entrypoint.sh: exec: line 47: ${args[0]}: not found\n`);
      return 127;
    }
    yield { kind: 'exec', argv: args, program: r.program, comm: r.comm };
    return 0;
  }
  const say = (s: string) => ctx.out(`${s}\n`);
  say('/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration');
  say('/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/');
  for (const script of ['10-listen-on-ipv6-by-default.sh', '15-local-resolvers.envsh', '20-envsubst-on-templates.sh', '30-tune-worker-processes.sh']) {
    say(script.endsWith('.envsh') ? `/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/${script}` : `/docker-entrypoint.sh: Launching /docker-entrypoint.d/${script}`);
    // Each script is a short-lived child (they use up the first PIDs of the namespace).
    const child = ctx.spawn({ argv: ['/bin/sh', `/docker-entrypoint.d/${script}`], comm: script.slice(0, 15), program: shortLived });
    if (typeof child !== 'string') yield ctx.waitpid(child.hostPid);
    if (script.startsWith('10-')) {
      say('10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf');
      say('10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf');
    }
  }
  say('/docker-entrypoint.sh: Configuration complete; ready for start up');
  yield { kind: 'exec', argv: args, program: nginxMaster, comm: 'nginx' };
  return 0;
}

/** An entrypoint script: it forks helpers (sed, grep, …), a few PIDs each, and is done at once. */
function* shortLived(ctx: ProcessContext): ProgramGenerator {
  ctx.rss(900 * 1024);
  for (let i = 0; i < 4; i++) {
    const c = ctx.spawn({ argv: ['sed'], program: quick });
    if (typeof c !== 'string') yield ctx.waitpid(c.hostPid);
  }
  return 0;
}

function* quick(): ProgramGenerator {
  return 0;
}

export function* nginxMaster(ctx: ProcessContext): ProgramGenerator {
  const me = ctx.pid;
  const log = (level: string, msg: string) => ctx.err(`${stamp(ctx)} [${level}] ${me}#${me}: ${msg}\n`);
  ctx.proc.argv = ['nginx: master process nginx', '-g', 'daemon off;'];
  ctx.proc.touch();
  ctx.rss(3.2 * MiB);
  log('notice', 'using the "epoll" event method');
  log('notice', `nginx/${ctx.env.get('NGINX_VERSION') ?? '1.27.4'}`);
  log('notice', 'built by gcc 12.2.0 (Debian 12.2.0-14) ');
  log('notice', 'OS: Linux 6.8.0-49-generic');
  log('notice', 'getrlimit(RLIMIT_NOFILE): 1048576:1048576');
  const cpus = ctx.proc.cgroup.effectiveCpus(ctx.kernel.cpus).length;
  const workers = new Set<number>();
  const startWorkers = () => {
    log('notice', 'start worker processes');
    for (let i = 0; i < cpus; i++) {
      const w = ctx.spawn({ argv: ['nginx: worker process'], comm: 'nginx', program: nginxWorker, user: 'nginx', uid: 101 });
      if (typeof w === 'string') {
        log('alert', 'fork() failed while spawning "worker process" (11: Resource temporarily unavailable)');
        continue;
      }
      workers.add(w.hostPid);
      log('notice', `start worker process ${ctx.kernel.pidIn(w, ctx.proc.ns.pid)}`);
    }
  };
  startWorkers();
  // The default server: `listen 80; listen [::]:80;` (one socket here, both families).
  ctx.kernel.net.listen({
    netns: ctx.proc.ns.net.inode, address: '0.0.0.0', port: 80, transport: 'tcp', pid: ctx.proc.hostPid,
    service: { proto: 'http', handle: nginxHandler(ctx, (l) => ctx.out(l), (l) => ctx.err(l), () => { const w = ctx.kernel.processes.get([...workers][0] ?? 0); return w ? ctx.kernel.pidIn(w, ctx.proc.ns.pid) : me; }) },
  }, (pid) => ctx.kernel.processes.get(pid)?.alive ?? false);
  let mode = 'run' as 'run' | 'graceful' | 'fast' | 'reload';
  ctx.onSignal(SIGNALS.SIGQUIT, () => {
    mode = 'graceful';
    ctx.interrupt();
  });
  for (const s of [SIGNALS.SIGTERM, SIGNALS.SIGINT]) {
    ctx.onSignal(s, () => {
      mode = 'fast';
      ctx.interrupt();
    });
  }
  ctx.onSignal(SIGNALS.SIGHUP, () => {
    mode = 'reload';
    ctx.interrupt();
  });
  ctx.onSignal(SIGNALS.SIGCHLD, () => {});
  for (;;) {
    yield ctx.pause();
    const m = mode as string;
    if (m === 'reload') {
      log('notice', 'signal 1 (SIGHUP) received from 0, reconfiguring');
      log('notice', 'reconfiguring');
      for (const pid of workers) {
        const w = ctx.kernel.processes.get(pid);
        if (w) ctx.kernel.kill(w, SIGNALS.SIGQUIT, ctx.proc);
      }
      workers.clear();
      startWorkers();
      mode = 'run';
      continue;
    }
    if (m === 'graceful' || m === 'fast') break;
  }
  const sig = mode === 'graceful' ? 'signal 3 (SIGQUIT) received, shutting down' : `signal ${mode === 'fast' ? 15 : 2} (SIGTERM) received from 0, exiting`;
  log('notice', sig);
  for (const pid of workers) {
    const w = ctx.kernel.processes.get(pid);
    if (!w) continue;
    const nsPid = ctx.kernel.pidIn(w, ctx.proc.ns.pid);
    ctx.kernel.kill(w, mode === 'graceful' ? SIGNALS.SIGQUIT : SIGNALS.SIGTERM, ctx.proc);
    yield ctx.sleep(2);
    log('notice', `signal 17 (SIGCHLD) received from ${nsPid}`);
    log('notice', `worker process ${nsPid} exited with code 0`);
  }
  log('notice', 'exit');
  return 0;
}

function* nginxWorker(ctx: ProcessContext): ProgramGenerator {
  ctx.rss(2.6 * MiB);
  let stop = false;
  for (const s of [SIGNALS.SIGQUIT, SIGNALS.SIGTERM, SIGNALS.SIGINT]) {
    ctx.onSignal(s, () => {
      stop = true;
      ctx.interrupt();
    });
  }
  while (!stop) yield ctx.pause();
  if (ctx.proc.fds[2]) ctx.err(`${stamp(ctx)} [notice] ${ctx.pid}#${ctx.pid}: gracefully shutting down\n${stamp(ctx)} [notice] ${ctx.pid}#${ctx.pid}: exiting\n${stamp(ctx)} [notice] ${ctx.pid}#${ctx.pid}: exit\n`);
  return 0;
}

/**
 * docker-init (tini 0.19), what `--init` puts at PID 1: it starts the real command as its
 * child, forwards the signals it receives to it, reaps every zombie re-parented to it, and exits
 * with the child's code (or 128 + signal when the child was killed).
 */
import type { ProcessContext } from '../kernel/context.ts';
import type { ChildExit, ProgramGenerator } from '../kernel/process.ts';
import { INTERRUPTED } from '../kernel/process.ts';
import { SIGNALS } from '../kernel/signals.ts';

export function* tini(ctx: ProcessContext): ProgramGenerator {
  let argv = ctx.argv.slice(1);
  if (argv[0] === '--') argv = argv.slice(1);
  ctx.rss(600 * 1024);
  if (argv.length === 0) {
    ctx.err('[FATAL tini (1)] No command was given\n');
    return 1;
  }
  const r = ctx.kernel.machine.resolve(ctx.proc, argv[0], ctx.env.get('PATH') ?? '');
  if ('error' in r) {
    ctx.err(`[FATAL tini (${ctx.pid})] exec ${argv[0]} failed: No such file or directory\n`);
    return 127;
  }
  const child = ctx.spawn({ argv, program: r.program, comm: r.comm });
  if (typeof child === 'string') {
    ctx.err(`[FATAL tini (${ctx.pid})] fork failed: Resource temporarily unavailable\n`);
    return 1;
  }
  for (let s = 1; s <= 31; s++) {
    if (s === SIGNALS.SIGKILL || s === SIGNALS.SIGSTOP || s === SIGNALS.SIGCHLD) continue;
    ctx.onSignal(s, (sig) => ctx.kernel.kill(child, sig, ctx.proc));
  }
  for (;;) {
    const res = (yield ctx.waitpid(-1)) as ChildExit | null | typeof INTERRUPTED;
    if (res === INTERRUPTED) continue;
    if (res === null) return 0;
    if (res.pid === child.hostPid) return res.status.signal !== undefined ? 128 + res.status.signal : res.status.code;
  }
}

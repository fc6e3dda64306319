/**
 * containerd-shim-runc-v2: one per running container. containerd starts it; it daemonises (its
 * parent becomes systemd), marks itself a child subreaper, asks runc to create and start the
 * container, and then stays as the parent of the container's PID 1 and of every `docker exec`
 * process, reporting their exits back to containerd. It exits once the container is gone.
 */
import type { ProcessContext } from '../kernel/context.ts';
import type { ProgramGenerator } from '../kernel/process.ts';
import { MiB } from '../programs/util.ts';

export function shimProgram(onDone: () => boolean) {
  return function* shim(ctx: ProcessContext): ProgramGenerator {
    ctx.rss(9.5 * MiB);
    // Runs until the task is deleted (the init died and the daemon acknowledged it).
    yield ctx.until(onDone);
    return 0;
  };
}

/** `runc create` / `runc start`: a short-lived process under the shim. */
export function* runcProgram(ctx: ProcessContext): ProgramGenerator {
  ctx.rss(7 * MiB);
  ctx.cpu(0.3);
  yield ctx.sleep(4);
  return 0;
}

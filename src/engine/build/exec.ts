/**
 * RUN: the runc executor of dockerd's embedded BuildKit (bk: executor/runcexecutor/executor.go).
 * dockerd starts `runc run` for a throw-away container whose root is an overlay mount over the
 * step's layers; runc puts the command (`/bin/sh -c …` or the exec form) as PID 1 of new
 * namespaces, in a cgroup of its own, with the stage's environment, working directory and user,
 * and hostname `buildkitsandbox`. Its output is the step's log; when it exits the mount's upper
 * dir is the step's layer. It runs in virtual time like any process (`RUN sleep 2` takes 2 s).
 */
import type { Daemon } from '../daemon/daemon.ts';
import { DEFAULT_PATH } from '../programs/util.ts';
import type { OverlayFs } from '../fs/overlay.ts';
import type { Process, ProgramGenerator, Wait } from '../kernel/process.ts';
import type { ProcessContext } from '../kernel/context.ts';
import { NullStream, SinkStream } from '../kernel/streams.ts';
import { createNamespaces } from '../runtime/runc.ts';
import { execError } from '../runtime/containerd.ts';

export interface ExecSpec {
  readonly id: string;
  readonly mount: OverlayFs;
  readonly argv: readonly string[];
  readonly env: Map<string, string>;
  readonly cwd: string;
  readonly uid: number;
  readonly user: string;
  readonly output: (data: string) => void;
}

export type ExecResult = { readonly exitCode: number } | { readonly error: string };

/** How often the waiting client looks up (lets the CLI redraw its progress). */
const POLL_MS = 100;

/** `runc run` in the foreground: waits for the container's process and exits with its status. */
function* runcRun(ctx: ProcessContext): ProgramGenerator {
  ctx.rss(9 * 1024 * 1024);
  let code = 0;
  for (;;) {
    const r = yield ctx.waitpid(-1);
    if (!r || typeof r !== 'object') return code;
    const st = (r as { status: { code?: number; signal?: number } }).status;
    code = st.signal !== undefined ? 128 + st.signal : (st.code ?? 0);
  }
}

/**
 * Runs the command to completion. `tick` is called about every 100 ms while it runs (the CLI
 * redraws). Returns the exit code, or runc's error when the executable cannot be started.
 */
export function* execInContainer(d: Daemon, spec: ExecSpec, tick: () => void): Generator<Wait, ExecResult, unknown> {
  const k = d.kernel;
  const dockerd = [...k.processes.values()].find((p) => p.comm === 'dockerd' && p.alive) ?? null;
  const path = spec.env.get('PATH') ?? DEFAULT_PATH;
  d.buildMounts.set(spec.id, spec.mount);
  let sandbox: import('../kernel/cgroup.ts').Cgroup | null = null;
  try {
    const resolved = d.containerd.resolveIn(spec.mount, spec.argv[0] ?? '', path);
    if ('error' in resolved) {
      return { error: `runc run failed: unable to start container process: error during container init: ${execError(spec.argv[0] ?? '', resolved.error, !(spec.argv[0] ?? '').includes('/'))}` };
    }
    const bundle = `/var/lib/docker/buildkit/executor/${spec.id}`;
    const runc = k.spawn({
      parent: dockerd, argv: ['runc', '--log', `${bundle}/log.json`, '--log-format', 'json', 'run', '--bundle', bundle, spec.id], comm: 'runc',
      program: runcRun, fds: [new NullStream(), new NullStream(), new NullStream()], containerId: null,
    });
    if (typeof runc === 'string') return { error: 'runc run failed: fork/exec /usr/bin/runc: resource temporarily unavailable' };
    const cgroupPath = `/docker/buildkit/${spec.id}`;
    const cgroup = k.cgroups.ensure(cgroupPath);
    sandbox = cgroup;
    const ns = createNamespaces(k, spec.id, 'buildkitsandbox');
    const env = new Map(spec.env);
    if (!env.has('PATH')) env.set('PATH', DEFAULT_PATH);
    const out = new SinkStream('log', (data) => spec.output(data));
    let exited = false;
    const proc: Process | string = k.spawn({
      parent: runc, argv: spec.argv, comm: resolved.comm, program: resolved.program, env, cwd: spec.cwd, uid: spec.uid, user: spec.user,
      fds: [new NullStream(), out, out], fdModes: ['r', 'w', 'w'], ns, cgroup, containerId: spec.id, pgid: 0,
    });
    if (typeof proc === 'string') {
      k.terminate(runc, { code: 1 });
      k.cgroups.remove(cgroupPath);
      return { error: 'runc run failed: unable to start container process: unable to apply cgroup configuration: resource temporarily unavailable' };
    }
    proc.pgid = proc.hostPid;
    proc.exitWatchers.push(() => {
      exited = true;
    });
    k.dispatch();
    while (!exited) {
      yield { kind: 'until', check: () => exited, timeoutMs: POLL_MS };
      tick();
    }
    const st = proc.exit ?? { code: 0 };
    // Anything left in the sandbox dies with it; then the cgroup goes.
    for (const p of [...k.processes.values()]) if (p.alive && p.cgroup === cgroup) k.terminate(p, { signal: 9 });
    k.dispatch();
    k.cgroups.remove(cgroupPath);
    return { exitCode: st.signal !== undefined ? 128 + st.signal : (st.code ?? 0) };
  } finally {
    // Also when the client goes away mid-step (Ctrl-C): the sandbox is torn down.
    if (sandbox) {
      const g = sandbox;
      const left = [...k.processes.values()].filter((p) => p.alive && p.cgroup === g);
      for (const p of left) k.terminate(p, { signal: 9 });
      if (left.length) k.dispatch();
      k.cgroups.remove(g.path);
    }
    d.buildMounts.delete(spec.id);
  }
}

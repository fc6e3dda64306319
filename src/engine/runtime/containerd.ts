/**
 * containerd's task service as dockerd uses it (namespace `moby`): create and start a task
 * (shim → runc → PID 1 in new namespaces and a new cgroup), exec a process in it, kill it,
 * pause/resume it (cgroup freezer), update its resources, and delete it when it has exited.
 *
 * NOTE: starting is synchronous in virtual time up to the moment PID 1 exists; the programs then
 * run as the clock advances. An exec or start that cannot find its executable fails here, with
 * runc's message, before any process is made.
 */
import type { Filesystem } from '../fs/filesystem.ts';
import type { Kernel } from '../kernel/kernel.ts';
import { describeNamespaces, type NamespaceRefs } from '../kernel/namespaces.ts';
import type { Process, ProgramFn } from '../kernel/process.ts';
import type { Resolved } from '../kernel/context.ts';
import { NullStream, Pipe, SinkStream, type Stream } from '../kernel/streams.ts';
import { ContainerPty } from './pty.ts';
import { applyResources, createNamespaces, type Resources } from './runc.ts';
import { runcProgram, shimProgram } from './shim.ts';
import type { ApiHop } from '../snapshot.ts';

/** Every task operation goes containerd → shim → runc → the kernel (namespaces, cgroups, signals). */
const TASK_PATH: readonly ApiHop[] = ['containerd', 'shim', 'runc', 'kernel'];

export interface TaskSpec {
  readonly id: string;
  readonly hostname: string;
  readonly argv: readonly string[];
  readonly env: Map<string, string>;
  readonly cwd: string;
  readonly uid: number;
  readonly user: string;
  readonly tty: boolean;
  readonly openStdin: boolean;
  readonly init: boolean;
  readonly rootfs: Filesystem;
  readonly resources: Resources;
  readonly oomScoreAdj: number;
  /** A network namespace to join instead of a new one (`--network host|container:X`). */
  readonly netns?: import('../kernel/namespaces.ts').Namespace | null;
  /** Where stdout/stderr go (the container's log). */
  readonly output: (stream: 'stdout' | 'stderr', data: string, prompt: boolean) => void;
  /** Called when PID 1 has exited and been reaped by the shim. */
  readonly onExit: (code: number, signal: number | undefined) => void;
}

export interface Task {
  readonly id: string;
  readonly shim: Process;
  readonly init: Process;
  readonly ns: NamespaceRefs;
  readonly stdin: ContainerPty | Pipe | null;
  readonly stdio: readonly Stream[];
  exited: boolean;
  deleted: boolean;
}

export type StartError = { readonly error: string; readonly exitCode: number };

/** The error runc prints when the container's executable cannot be found or run. */
export function execError(argv0: string, why: 'ENOENT' | 'EACCES', inPath: boolean): string {
  if (why === 'EACCES') return `exec: "${argv0}": permission denied`;
  return inPath ? `exec: "${argv0}": executable file not found in $PATH` : `exec: "${argv0}": stat ${argv0}: no such file or directory`;
}

export class Containerd {
  readonly kernel: Kernel;
  readonly tasks = new Map<string, Task>();
  /** Host process of containerd, parent of new shims before they daemonise. */
  containerdPid = 0;
  /** `initPath` resolves programs inside a rootfs (set by the machine). */
  resolveIn!: (rootfs: Filesystem, name: string, path: string) => Resolved;
  tiniProgram!: ProgramFn;
  /** Told which components each task operation reached (dockerd records them on its API call). */
  onReach: ((hops: readonly ApiHop[]) => void) | null = null;

  constructor(kernel: Kernel) {
    this.kernel = kernel;
  }

  /** Creates and starts a task. Returns the task, or runc's error (nothing is left behind). */
  start(spec: TaskSpec): Task | StartError {
    this.onReach?.(TASK_PATH);
    const k = this.kernel;
    const path = spec.env.get('PATH') ?? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
    const resolved = this.resolveIn(spec.rootfs, spec.argv[0] ?? '', path);
    if ('error' in resolved) {
      const msg = `failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: ${execError(spec.argv[0] ?? '', resolved.error, !(spec.argv[0] ?? '').includes('/'))}: unknown`;
      return { error: msg, exitCode: resolved.error === 'EACCES' ? 126 : 127 };
    }
    const containerd = k.processes.get(this.containerdPid) ?? null;
    const shimArgv = ['/usr/bin/containerd-shim-runc-v2', '-namespace', 'moby', '-id', spec.id, '-address', '/run/containerd/containerd.sock'];
    let task: Task | null = null;
    const shim = k.spawn({
      parent: containerd, argv: shimArgv, comm: 'containerd-shim', program: shimProgram(() => task?.deleted ?? false),
      fds: [new NullStream(), new NullStream(), new NullStream()], cgroup: k.cgroups.ensure('/system.slice/containerd.service'), pgid: 0,
    });
    if (typeof shim === 'string') return { error: 'failed to create shim task: fork/exec /usr/bin/containerd-shim-runc-v2: resource temporarily unavailable: unknown', exitCode: 125 };
    // The shim daemonises: re-parented to systemd, but remembered as started by containerd.
    containerd?.children.delete(shim.hostPid);
    shim.ppid = 1;
    k.processes.get(1)?.children.add(shim.hostPid);
    shim.launcherPid = this.containerdPid;
    k.skipPids(6); // shim threads
    const runc = k.spawn({ parent: shim, argv: ['runc', '--root', '/var/run/docker/runtime-runc/moby', '--log', `/run/containerd/io.containerd.runtime.v2.task/moby/${spec.id}/log.json`, '--log-format', 'json', 'create', '--bundle', `/run/containerd/io.containerd.runtime.v2.task/moby/${spec.id}`, spec.id], program: runcProgram });
    if (typeof runc === 'string') {
      k.terminate(shim, { signal: 9 });
      return { error: 'failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: unknown', exitCode: 125 };
    }

    const cgroup = k.cgroups.ensure(`/system.slice/docker-${spec.id}.scope`);
    cgroup.containerId = spec.id;
    applyResources(cgroup, spec.resources);
    const ns = createNamespaces(k, spec.id, spec.hostname, spec.netns);

    let stdin: ContainerPty | Pipe | null = null;
    let stdio: Stream[];
    if (spec.tty) {
      const pty = new ContainerPty((data, kind) => spec.output('stdout', data, kind === 'prompt'));
      stdin = pty;
      stdio = [pty, pty, pty];
    } else {
      const out = new SinkStream('log', (data, kind) => spec.output('stdout', data, kind === 'prompt'));
      const err = new SinkStream('log', (data, kind) => spec.output('stderr', data, kind === 'prompt'));
      let input: Stream = new NullStream();
      if (spec.openStdin) {
        const pipe = new Pipe();
        pipe.open('w');
        stdin = pipe;
        input = pipe;
      }
      stdio = [input, out, err];
    }
    const argv = spec.init ? ['/sbin/docker-init', '--', ...spec.argv] : [...spec.argv];
    const program = spec.init ? this.tiniProgram : resolved.program;
    const init = k.spawn({
      parent: shim, argv, comm: spec.init ? 'docker-init' : resolved.comm, program, env: spec.env, cwd: spec.cwd, uid: spec.uid, user: spec.user,
      fds: stdio, fdModes: ['r', 'w', 'w'], ns, cgroup, containerId: spec.id, pgid: 0,
    });
    if (typeof init === 'string') {
      k.terminate(runc, { code: 1 });
      k.terminate(shim, { code: 1 });
      k.cgroups.remove(cgroup.path);
      return { error: 'failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: unable to apply cgroup configuration: resource temporarily unavailable: unknown', exitCode: 125 };
    }
    init.pgid = init.hostPid;
    init.oomScoreAdj = spec.oomScoreAdj;
    // runc's own init consumed the first few PIDs of the namespace.
    ns.pid.nextPid = 7;
    task = { id: spec.id, shim, init, ns, stdin, stdio, exited: false, deleted: false };
    const t = task;
    shim.onChildExit = (child) => {
      if (child === init) {
        t.exited = true;
        const st = child.exit!;
        spec.onExit(st.signal !== undefined ? 128 + st.signal : st.code, st.signal);
      }
    };
    this.tasks.set(spec.id, t);
    return t;
  }

  /** Removes the task once PID 1 is gone: the shim exits and the cgroup is removed. */
  delete(id: string): void {
    const t = this.tasks.get(id);
    if (!t) return;
    this.onReach?.(TASK_PATH);
    t.deleted = true;
    this.tasks.delete(id);
    const k = this.kernel;
    // Anything still in the cgroup (exec'd processes of a pid=host container…) is killed.
    for (const p of [...k.processes.values()]) if (p.alive && p.cgroup.path === `/system.slice/docker-${id}.scope`) k.terminate(p, { signal: 9 });
    k.dispatch();
    k.cgroups.remove(`/system.slice/docker-${id}.scope`);
  }

  /** Sends a signal to PID 1 from outside the container (containerd → shim → kill(2)). */
  kill(id: string, signal: number, all = false): boolean {
    const t = this.tasks.get(id);
    if (!t || t.exited) return false;
    this.onReach?.(TASK_PATH);
    if (all) {
      for (const p of [...this.kernel.processes.values()]) if (p.alive && p.ns.pid === t.ns.pid) this.kernel.kill(p, signal, null);
    } else this.kernel.kill(t.init, signal, null);
    this.kernel.dispatch();
    return true;
  }

  pause(id: string): void {
    this.onReach?.(TASK_PATH);
    const g = this.kernel.cgroups.get(`/system.slice/docker-${id}.scope`);
    if (g) {
      g.frozen = true;
      g.touch();
    }
  }

  resume(id: string): void {
    this.onReach?.(TASK_PATH);
    const g = this.kernel.cgroups.get(`/system.slice/docker-${id}.scope`);
    if (g) {
      g.frozen = false;
      g.touch();
    }
  }

  update(id: string, r: Resources): void {
    this.onReach?.(TASK_PATH);
    const g = this.kernel.cgroups.get(`/system.slice/docker-${id}.scope`);
    if (g) applyResources(g, r);
  }

  /** Starts a process inside a running task (`docker exec`): parent is the shim, all namespaces joined. */
  exec(id: string, opts: { argv: readonly string[]; env: Map<string, string>; cwd: string; uid: number; user: string; fds: readonly (Stream | null)[] }): Process | StartError {
    const t = this.tasks.get(id);
    if (!t || t.exited) return { error: `container ${id} is not running`, exitCode: 126 };
    this.onReach?.(TASK_PATH);
    const path = opts.env.get('PATH') ?? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
    const resolved = this.resolveIn(t.init.ns === t.ns ? this.rootfsOf(id) : this.rootfsOf(id), opts.argv[0] ?? '', path);
    if ('error' in resolved) {
      return { error: `OCI runtime exec failed: exec failed: unable to start container process: ${execError(opts.argv[0] ?? '', resolved.error, !(opts.argv[0] ?? '').includes('/'))}: unknown`, exitCode: resolved.error === 'EACCES' ? 126 : 127 };
    }
    const p = this.kernel.spawn({
      parent: t.shim, argv: opts.argv, comm: resolved.comm, program: resolved.program, env: opts.env, cwd: opts.cwd, uid: opts.uid, user: opts.user,
      fds: opts.fds, fdModes: ['r', 'w', 'w'], ns: t.ns, cgroup: t.init.cgroup, containerId: id, pgid: 0,
    });
    if (typeof p === 'string') {
      return { error: 'OCI runtime exec failed: exec failed: unable to start container process: error executing setns process: exit status 1: read init-p: connection reset by peer: unknown', exitCode: 126 };
    }
    p.pgid = p.hostPid;
    return p;
  }

  rootfsOf!: (id: string) => Filesystem;

  namespacesOf(id: string): ReturnType<typeof describeNamespaces> | null {
    const t = this.tasks.get(id);
    return t ? describeNamespaces(t.ns) : null;
  }
}

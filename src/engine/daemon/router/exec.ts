/**
 * Exec routes: POST /containers/{id}/exec creates an exec instance, POST /exec/{id}/start runs
 * it (containerd → shim → runc exec: a new process in all of the container's namespaces and its
 * cgroup, child of the shim), GET /exec/{id}/json reports its exit code.
 */
import type { Process } from '../../kernel/process.ts';
import type { Stream } from '../../kernel/streams.ts';
import type { ExecRecord } from '../container.ts';
import type { Daemon } from '../daemon.ts';
import { ApiError, conflict } from '../errors.ts';
import { resolveUser } from './lifecycle.ts';

/** `Entrypoint + " " + strings.Join(Args, " ")` as moby writes it into exec event actions. */
function execCommand(cmd: readonly string[]): string {
  return `${cmd[0] ?? ''} ${cmd.slice(1).join(' ')}`;
}

export function execCreate(d: Daemon, ref: string, opts: { cmd: string[]; tty: boolean; attachStdin: boolean; env: string[]; user: string; workingDir: string }): string {
  return d.call('POST', `/containers/${ref}/exec`, 201, () => {
    const c = d.lookup(ref);
    if (!c.state.Running || c.state.Restarting) throw conflict(`container ${c.id} is not running`);
    if (c.state.Paused) throw conflict(`Container ${c.id} is paused, unpause the container before exec`);
    const id = d.random.hex(32);
    const rec: ExecRecord = { id, containerId: c.id, cmd: opts.cmd, tty: opts.tty, attachStdin: opts.attachStdin, env: opts.env, user: opts.user, workingDir: opts.workingDir, running: false, exitCode: null, pid: 0 };
    d.execs.set(id, rec);
    c.execIds.push(id);
    // moby daemon/exec.go: the action carries the command line (`exec_create: ls -l`).
    d.emit('container', `exec_create: ${execCommand(opts.cmd)}`, c.id, { execID: id });
    return id;
  });
}

/** Starts the exec'd process with the given stdio; fails with runc's message (exit 126/127). */
export function execStart(d: Daemon, execId: string, fds: readonly (Stream | null)[]): Process {
  return d.call('POST', `/exec/${execId}/start`, 200, () => {
    const rec = d.execs.get(execId);
    if (!rec) throw new ApiError(404, `No such exec instance: ${execId}`);
    const c = d.lookup(rec.containerId);
    const init = d.initOf(c);
    const env = new Map(init?.env ?? []);
    for (const e of rec.env) {
      const eq = e.indexOf('=');
      env.set(eq >= 0 ? e.slice(0, eq) : e, eq >= 0 ? e.slice(eq + 1) : '');
    }
    const user = resolveUser(c, rec.user || c.config.User);
    if (typeof user === 'string') throw new ApiError(500, user);
    const p = d.containerd.exec(c.id, { argv: rec.cmd, env, cwd: rec.workingDir || c.config.WorkingDir || '/', uid: user.uid, user: user.user, fds });
    if ('error' in p) {
      rec.exitCode = p.exitCode;
      throw new ApiError(p.exitCode, p.error);
    }
    rec.running = true;
    rec.pid = p.hostPid;
    d.emit('container', `exec_start: ${execCommand(rec.cmd)}`, c.id, { execID: execId });
    return p;
  });
}

export function execFinished(d: Daemon, execId: string, code: number): void {
  const rec = d.execs.get(execId);
  if (!rec) return;
  rec.running = false;
  rec.exitCode = code;
  const c = d.tryLookup(rec.containerId);
  if (c) {
    c.execIds.splice(c.execIds.indexOf(execId), 1);
    d.emit('container', 'exec_die', c.id, { execID: execId, exitCode: String(code) });
  }
  d.logCall('GET', `/exec/${execId}/json`, 200);
}

/**
 * Starting a container and watching it die (moby daemon/start.go, daemon/monitor.go): the
 * daemon turns Config + HostConfig into a task for containerd, and when PID 1 exits it records
 * the exit, lets the restart policy decide (with back-off: 100 ms doubling up to 1 min, reset
 * after 10 s of uptime), and removes `--rm` containers.
 */
import { Pipe } from '../../kernel/streams.ts';
import type { Container } from '../container.ts';
import type { Daemon } from '../daemon.ts';
import { removeContainer, resourcesOf } from './containers.ts';
import { logVolumeMounts, logVolumeUnmounts, prepareMountsForStart } from '../../volumes/mounts.ts';
import { networkingStarted, releaseNetworking, setupNetworking, sharedNetns } from '../../network/sandbox.ts';

const BACKOFF_START = 100;
const BACKOFF_MAX = 60_000;

/** Resolves `User` (name, uid, name:group) against the container's /etc/passwd. */
export function resolveUser(c: Container, spec: string): { uid: number; user: string } | string {
  if (!spec) return { uid: 0, user: 'root' };
  const name = spec.split(':')[0];
  const passwd = c.rootfs.readFile('/etc/passwd');
  const lines = typeof passwd === 'string' && !['ENOENT', 'EISDIR', 'ENOTDIR'].includes(passwd) ? passwd.split('\n') : [];
  for (const line of lines) {
    const f = line.split(':');
    if (f[0] === name || f[2] === name) return { uid: Number(f[2]), user: f[0] };
  }
  if (/^\d+$/.test(name)) return { uid: Number(name), user: name };
  return `unable to find user ${name}: no matching entries in passwd file`;
}

/** Starts a created/exited container; returns an error message (and records it) on failure. */
export function startContainer(d: Daemon, c: Container): string | null {
  const user = resolveUser(c, c.config.User);
  const envMap = new Map<string, string>();
  for (const e of c.config.Env) {
    const eq = e.indexOf('=');
    envMap.set(e.slice(0, eq >= 0 ? eq : e.length), eq >= 0 ? e.slice(eq + 1) : '');
  }
  envMap.set('HOSTNAME', c.hostname);
  if (!envMap.has('HOME')) envMap.set('HOME', user !== null && typeof user === 'object' && user.uid !== 0 ? '/' : '/root');
  if (c.config.Tty && !envMap.has('TERM')) envMap.set('TERM', 'xterm');
  // Keep PATH first, as a process's environ is ordered.
  const env = new Map<string, string>([...envMap].sort(([a], [b]) => (a === 'PATH' ? -1 : b === 'PATH' ? 1 : 0)));
  if (typeof user === 'string') {
    c.state.Error = user;
    c.state.ExitCode = 126;
    d.touch(c);
    return `failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: ${user}: unknown`;
  }
  const cwd = c.config.WorkingDir || '/';
  prepareMountsForStart(d, c);
  if (c.config.WorkingDir) c.fs.mkdir(c.config.WorkingDir, d.now, { parents: true });
  const netErr = setupNetworking(d, c);
  if (netErr) {
    c.state.Error = netErr;
    c.state.ExitCode = 128;
    d.touch(c);
    return netErr;
  }
  const task = d.containerd.start({
    netns: sharedNetns(d, c),
    id: c.id, hostname: c.hostname, argv: [c.path, ...c.args], env, cwd, uid: user.uid, user: user.user, tty: c.config.Tty,
    openStdin: c.config.OpenStdin, init: c.hostConfig.Init === true, rootfs: c.fs, resources: resourcesOf(c.hostConfig), oomScoreAdj: c.hostConfig.OomScoreAdj,
    output: (stream, text, prompt) => c.appendLog({ t: d.now, stream, text, prompt }),
    onExit: (code) => onContainerExit(d, c, code),
  });
  if ('error' in task) {
    releaseNetworking(d, c);
    c.state.Error = task.error;
    c.state.ExitCode = task.exitCode;
    if (c.hasBeenStarted) {
      c.setStatus('exited');
      c.state.FinishedAt = d.now;
    }
    d.touch(c);
    return task.error;
  }
  c.setStatus('running');
  networkingStarted(d, c, task.ns.net);
  logVolumeMounts(d, c);
  const st = c.state;
  st.Pid = task.init.hostPid;
  st.StartedAt = d.now;
  st.OOMKilled = false;
  st.Error = '';
  st.ExitCode = 0;
  c.hasBeenStarted = true;
  c.shimPid = task.shim.hostPid;
  c.pidNamespace = `pid:[${task.ns.pid.inode}]`;
  d.touch(c);
  d.kernel.event('container-start', c.id, task.init.hostPid, task.init.comm, null);
  d.emit('container', 'start', c.id, { image: c.config.Image, name: c.name });
  return null;
}

function onContainerExit(d: Daemon, c: Container, code: number): void {
  const st = c.state;
  const ranFor = st.StartedAt !== null ? d.now - st.StartedAt : 0;
  st.ExitCode = code;
  st.Pid = 0;
  st.FinishedAt = d.now;
  c.shimPid = 0;
  c.pidNamespace = null;
  c.exitSeq += 1;
  const task = d.containerd.tasks.get(c.id);
  if (task?.stdin instanceof Pipe) task.stdin.close('w');
  d.containerd.delete(c.id);
  d.kernel.event('container-die', c.id, null, c.name, code);
  // moby daemon/monitor.go handleContainerExit: exitCode and execDuration (whole seconds); the
  // `die` event comes before the cleanup's `network disconnect`.
  d.emit('container', 'die', c.id, { execDuration: String(Math.floor(ranFor / 1000)), exitCode: String(code) });
  releaseNetworking(d, c);
  logVolumeUnmounts(d, c);
  if (shouldRestart(c, code)) {
    if (ranFor >= 10_000) c.restartDelay = 0;
    c.restartDelay = c.restartDelay === 0 ? BACKOFF_START : Math.min(BACKOFF_MAX, c.restartDelay * 2);
    c.setStatus('restarting');
    c.restartAt = d.now + c.restartDelay;
    d.touch(c);
    for (const l of [...c.exitListeners]) l();
    return;
  }
  c.setStatus('exited');
  d.touch(c);
  if (c.hostConfig.AutoRemove) removeContainer(d, c);
  for (const l of [...c.exitListeners]) l();
}

function shouldRestart(c: Container, code: number): boolean {
  if (c.manuallyStopped) return false;
  const p = c.hostConfig.RestartPolicy;
  switch (p.Name) {
    case 'always':
    case 'unless-stopped':
      return true;
    case 'on-failure':
      return code !== 0 && (p.MaximumRetryCount === 0 || c.restartCount < p.MaximumRetryCount);
    default:
      return false;
  }
}

/** A restart policy's back-off expired: start again (RestartCount counts these). */
export function restartDue(d: Daemon, c: Container): void {
  if (c.state.Status !== 'restarting') return;
  c.restartCount += 1;
  const err = startContainer(d, c);
  if (err) {
    c.setStatus('exited');
    d.touch(c);
  }
}

/**
 * Container routes of the Engine API, one handler per route (moby api/server/router/container):
 * POST /containers/create, /containers/{id}/start|stop|restart|kill|pause|unpause|wait|rename|update,
 * DELETE /containers/{id}, GET /containers/json, /containers/{id}/json|top|logs|stats.
 * Each validates first and changes nothing when it fails.
 */
import { parseCpuset } from '../../kernel/cgroup.ts';
import type { Wait } from '../../kernel/process.ts';
import { parseSignal, SIGNALS } from '../../kernel/signals.ts';
import type { Resources } from '../../runtime/runc.ts';
import { Container, type ContainerConfig, type HostConfig } from '../container.ts';
import type { Daemon } from '../daemon.ts';
import { ApiError, badRequest, conflict } from '../errors.ts';
import { generateName } from '../names.ts';
import { startContainer } from './lifecycle.ts';
import { applyMounts, planMounts, releaseMounts } from '../../volumes/mounts.ts';
import { attachOnCreate, defaultHostname, forgetContainer, validateNetworking, type NetworkingRequest } from '../../network/sandbox.ts';

type Gen<T> = Generator<Wait, T, unknown>;

const NAME_RE = /^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;
export const MIN_MEMORY = 6 * 1024 * 1024;
/**
 * The most containers (any state) this playground's daemon keeps. A simulator limit: Docker
 * Engine has none (only disk, memory and PIDs bound it), so the message says so.
 */
export const MAX_CONTAINERS = 500;

/** Validates resource settings as the daemon does (daemon_unix.go verifyPlatformContainerResources). */
export function verifyResources(d: Daemon, r: Partial<Resources>, current?: Resources): void {
  const memory = r.Memory ?? current?.Memory ?? 0;
  if (r.Memory !== undefined && r.Memory > 0 && r.Memory < MIN_MEMORY) throw badRequest('Minimum memory limit allowed is 6MB');
  if (r.MemorySwap !== undefined && r.MemorySwap > 0 && memory === 0) throw badRequest('You should always set the Memory limit when using Memoryswap limit, see usage');
  if (r.MemorySwap !== undefined && r.MemorySwap > 0 && memory > 0 && r.MemorySwap < memory) throw badRequest('Minimum memoryswap limit should be larger than memory limit, see usage');
  if (r.MemoryReservation !== undefined && r.MemoryReservation > 0 && memory > 0 && r.MemoryReservation > memory) throw badRequest('Minimum memory limit can not be less than memory reservation limit, see usage');
  if (r.MemoryReservation !== undefined && r.MemoryReservation > 0 && r.MemoryReservation < MIN_MEMORY) throw badRequest('Minimum memory reservation allowed is 6MB');
  const cpus = d.kernel.cpus;
  if (r.NanoCpus !== undefined && r.NanoCpus !== 0) {
    if (r.NanoCpus < 0 || r.NanoCpus > cpus * 1e9) throw badRequest(`Range of CPUs is from 0.01 to ${cpus.toFixed(2)}, as there are only ${cpus} CPUs available`);
    if ((r.CpuQuota ?? 0) > 0 || (r.CpuPeriod ?? 0) > 0) throw badRequest('Conflicting options: Nano CPUs and CPU Period cannot both be set');
  }
  if (r.CpuPeriod !== undefined && r.CpuPeriod !== 0 && (r.CpuPeriod < 1000 || r.CpuPeriod > 1000000)) throw badRequest('CPU cfs period can not be less than 1ms (i.e. 1000) or larger than 1s (i.e. 1000000)');
  if (r.CpuQuota !== undefined && r.CpuQuota > 0 && r.CpuQuota < 1000) throw badRequest('CPU cfs quota can not be less than 1ms (i.e. 1000)');
  if (r.CpusetCpus) {
    const set = parseCpuset(r.CpusetCpus);
    if (!set) throw badRequest(`Invalid value ${r.CpusetCpus} for cpuset cpus`);
    if (set.some((c) => c >= cpus)) throw badRequest(`Requested CPUs are not available - requested ${r.CpusetCpus}, available: 0-${cpus - 1}`);
  }
}

export function resourcesOf(h: HostConfig): Resources {
  return {
    Memory: h.Memory, MemoryReservation: h.MemoryReservation, MemorySwap: h.MemorySwap, CpuShares: h.CpuShares, NanoCpus: h.NanoCpus,
    CpuQuota: h.CpuQuota, CpuPeriod: h.CpuPeriod, CpusetCpus: h.CpusetCpus, PidsLimit: h.PidsLimit,
  };
}

function familiarRef(ref: string): string {
  const lastSlash = ref.lastIndexOf('/');
  const hasTag = ref.slice(lastSlash + 1).includes(':') || ref.includes('@');
  return hasTag ? ref : `${ref}:latest`;
}

export interface CreateRequest {
  readonly name: string;
  readonly config: ContainerConfig;
  readonly hostConfig: HostConfig;
  /** Whether the user gave --entrypoint (then the image's Cmd is not used). */
  readonly entrypointSet: boolean;
  /** `--network-alias`, `--ip` for the first network (the API's NetworkingConfig). */
  readonly networking?: NetworkingRequest;
}

/** POST /containers/create */
export function containerCreate(d: Daemon, req: CreateRequest): { Id: string; Warnings: string[] } {
  const q = req.name ? `?name=${encodeURIComponent(req.name)}` : '';
  return d.call('POST', `/containers/create${q}`, 201, () => {
    // moby daemon/create.go, in its order: verifyContainerSettings (resources, restart policy), the
    // image (a 404 here makes the CLI pull and ask again), the networking config, then create():
    // "no command specified", the name (newContainer → reserveName), the mounts. So a `docker run`
    // that pulled its image keeps it even when the name then clashes.
    const h = { ...req.hostConfig };
    verifyResources(d, resourcesOf(h));
    const rp = h.RestartPolicy;
    if (rp.Name === 'on-failure' && rp.MaximumRetryCount < 0) throw badRequest('invalid restart policy: maximum retry count cannot be negative');
    if (rp.Name !== 'on-failure' && rp.MaximumRetryCount !== 0 && rp.Name !== '') throw badRequest(`invalid restart policy: maximum retry count can only be used with 'on-failure'`);
    if (h.AutoRemove && rp.Name !== '' && rp.Name !== 'no') throw badRequest(`can't create 'AutoRemove' container with restart policy`);
    const image = d.images.find(req.config.Image);
    if (!image) throw new ApiError(404, `No such image: ${familiarRef(req.config.Image)}`);
    validateNetworking(d, h, req.config.Hostname !== '', req.networking);
    if (h.Memory > 0 && h.MemorySwap === 0) h.MemorySwap = 2 * h.Memory;

    const ic = image.config;
    const cfg: ContainerConfig = { ...req.config };
    const entrypoint = req.entrypointSet ? req.config.Entrypoint : (req.config.Entrypoint ?? ic.Entrypoint);
    const cmd = req.config.Cmd && req.config.Cmd.length > 0 ? req.config.Cmd : req.entrypointSet ? null : ic.Cmd;
    cfg.Entrypoint = entrypoint && entrypoint.length > 0 ? entrypoint : null;
    cfg.Cmd = cmd;
    const env = new Map<string, string>();
    for (const e of [...ic.Env, ...req.config.Env]) {
      const eq = e.indexOf('=');
      env.set(eq >= 0 ? e.slice(0, eq) : e, eq >= 0 ? e.slice(eq + 1) : '');
    }
    cfg.Env = [...env].map(([k, v]) => `${k}=${v}`);
    cfg.WorkingDir = req.config.WorkingDir || ic.WorkingDir;
    cfg.User = req.config.User || ic.User;
    if (ic.StopSignal && !cfg.StopSignal) cfg.StopSignal = ic.StopSignal;
    if (ic.ExposedPorts || cfg.ExposedPorts) cfg.ExposedPorts = { ...(ic.ExposedPorts ?? {}), ...(cfg.ExposedPorts ?? {}) };
    cfg.Labels = { ...(ic.Labels ?? {}), ...cfg.Labels };
    // mergeAndVerifyConfig: the image's VOLUMEs join the ones asked for (`-v /path`).
    cfg.Volumes = ic.Volumes || req.config.Volumes ? { ...(ic.Volumes ?? {}), ...(req.config.Volumes ?? {}) } : null;
    cfg.OnBuild = ic.OnBuild;
    const argv = [...(cfg.Entrypoint ?? []), ...(cfg.Cmd ?? [])];
    if (argv.length === 0) throw badRequest('no command specified');
    if (req.name && !NAME_RE.test(req.name)) throw badRequest(`Invalid container name (${req.name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`);
    if (req.name) {
      const clash = [...d.containers.values()].find((c) => c.name === req.name.replace(/^\//, ''));
      if (clash) throw conflict(`Conflict. The container name "/${req.name.replace(/^\//, '')}" is already in use by container "${clash.id}". You have to remove (or rename) that container to be able to reuse that name.`);
    }
    if (d.containers.size >= MAX_CONTAINERS) {
      throw new ApiError(500, `cannot create container: this playground's daemon holds at most ${MAX_CONTAINERS} containers (a simulator limit; Docker Engine has none). Remove some with "docker rm"`);
    }
    const mountPlan = planMounts(d, h.Binds, h.Mounts, h.Tmpfs, cfg.Volumes, h.VolumesFrom);

    let id = '';
    do id = d.random.hex(32);
    while (/^\d{12}/.test(id) || d.containers.has(id));
    let name = req.name.replace(/^\//, '');
    for (let attempt = 0; !name; attempt++) {
      const candidate = attempt < 6 ? generateName(d.random, attempt) : id.slice(0, 12);
      if (![...d.containers.values()].some((c) => c.name === candidate)) name = candidate;
    }
    if (!cfg.Hostname) cfg.Hostname = defaultHostname(d, h.NetworkMode) ?? id.slice(0, 12);
    // The layer store's first step (overlay2 CreateReadWrite) makes the `-init` directory: no free block, no container.
    if (d.disk && d.disk.available < 4096) throw new ApiError(500, `mkdir /var/lib/docker/overlay2/${id}-init: no space left on device`);
    // Two layers over the image (overlay2): `<id>-init` with what the daemon provides, then the
    // container's own read-write layer — the one `docker diff` and `docker commit` look at.
    const now = d.now;
    const lowers = d.images.lowerDirs(image.id);
    const init = d.snapshotter.prepare(`${id}-init`, lowers);
    // Empty placeholders (daemon/initlayer): the real files are bind-mounted over them from
    // /var/lib/docker/containers/<id>/ (volumes/mounts.ts writeContainerFiles).
    for (const f of ['/etc/hostname', '/etc/hosts', '/etc/resolv.conf']) init.writeFile(f, '', now, { parents: true });
    init.writeFile('/.dockerenv', '', now);
    for (const dir of ['/proc', '/sys', '/dev', '/tmp']) init.mkdir(dir, now, { parents: true });
    const initLayer = d.snapshotter.commit(`${id}-init`)!;
    const rootfs = d.snapshotter.prepare(id, [initLayer, ...lowers]);
    // `--read-only`: runc mounts the rootfs MS_RDONLY; every write fails with EROFS.
    rootfs.readOnly = h.ReadonlyRootfs === true;
    const c = new Container({ id, name, created: now, path: argv[0], args: argv.slice(1), config: cfg, hostConfig: h, imageId: image.id, rootfs });
    applyMounts(d, c, mountPlan);
    d.containers.set(id, c);
    d.rev += 1;
    attachOnCreate(d, c, req.networking);
    d.emit('container', 'create', id, { image: cfg.Image, name });
    return { Id: id, Warnings: [] };
  });
}

/** POST /containers/{id}/start — 204, or 304 when already running. */
export function containerStart(d: Daemon, ref: string): 204 | 304 {
  let status = 204 as 204 | 304;
  d.call('POST', `/containers/${ref}/start`, 204, () => {
    const c = d.lookup(ref);
    if (c.state.Status === 'paused') throw conflict('cannot start a paused container, try unpause instead');
    if (c.state.Running && c.state.Status !== 'restarting') {
      status = 304;
      return;
    }
    c.manuallyStopped = false;
    c.restartAt = null;
    const err = startContainer(d, c);
    if (err) throw new ApiError(400, err);
  });
  if (status === 304) d.apiLog[d.apiLog.length - 1] = { ...d.apiLog[d.apiLog.length - 1], status: 304 };
  return status;
}

/** Waits until the container is no longer running, or `timeoutMs` passes. */
function* untilStopped(c: Container, timeoutMs?: number): Gen<boolean> {
  if (!c.state.Running || c.state.Restarting) return true;
  const res = yield { kind: 'until', check: () => !c.state.Running || c.state.Restarting, timeoutMs };
  return res === true;
}

/** POST /containers/{id}/stop?t= — stop signal, wait, then SIGKILL. */
export function* containerStop(d: Daemon, ref: string, timeout?: number, signal?: string): Gen<204 | 304> {
  const q = timeout !== undefined ? `?t=${timeout}` : '';
  let status = 204 as 204 | 304;
  yield* d.callGen('POST', `/containers/${ref}/stop${q}`, 204, function* (): Gen<void> {
    const c = d.lookup(ref);
    if (c.state.Status === 'restarting') {
      c.restartAt = null;
      c.manuallyStopped = true;
      c.setStatus('exited');
      d.touch(c);
      return;
    }
    if (!c.state.Running) {
      status = 304;
      return;
    }
    c.manuallyStopped = true;
    const sigName = signal ?? c.config.StopSignal ?? 'SIGTERM';
    const sig = parseSignal(sigName) ?? SIGNALS.SIGTERM;
    const t = timeout ?? c.config.StopTimeout ?? 10;
    if (c.state.Paused) {
      d.containerd.resume(c.id);
      c.setStatus('running');
    }
    d.emit('container', 'kill', c.id, { name: c.name, signal: String(sig) });
    d.containerd.kill(c.id, sig);
    const stopped = yield* untilStopped(c, t < 0 ? undefined : t * 1000);
    if (!stopped) {
      d.emit('container', 'kill', c.id, { name: c.name, signal: '9' });
      d.containerd.kill(c.id, SIGNALS.SIGKILL);
      yield* untilStopped(c);
    }
    d.emit('container', 'stop', c.id, { name: c.name });
  });
  if (status === 304) d.apiLog[d.apiLog.length - 1] = { ...d.apiLog[d.apiLog.length - 1], status: 304 };
  return status;
}

/** POST /containers/{id}/restart?t= */
export function* containerRestart(d: Daemon, ref: string, timeout?: number): Gen<void> {
  const q = timeout !== undefined ? `?t=${timeout}` : '';
  yield* d.callGen('POST', `/containers/${ref}/restart${q}`, 204, function* (): Gen<void> {
    const c = d.lookup(ref);
    if (c.state.Running && c.state.Status !== 'restarting') {
      c.manuallyStopped = true;
      if (c.state.Paused) {
        d.containerd.resume(c.id);
        c.setStatus('running');
      }
      // moby daemon/restart.go: containerStop, with its kill / stop events.
      const sig = parseSignal(c.config.StopSignal ?? 'SIGTERM') ?? SIGNALS.SIGTERM;
      d.emit('container', 'kill', c.id, { signal: String(sig) });
      d.containerd.kill(c.id, sig);
      const t = timeout ?? c.config.StopTimeout ?? 10;
      if (!(yield* untilStopped(c, t * 1000))) {
        d.emit('container', 'kill', c.id, { signal: '9' });
        d.containerd.kill(c.id, SIGNALS.SIGKILL);
        yield* untilStopped(c);
      }
      d.emit('container', 'stop', c.id);
    }
    c.restartAt = null;
    c.manuallyStopped = false;
    const err = startContainer(d, c);
    if (err) throw new ApiError(400, err);
    d.emit('container', 'restart', c.id, { name: c.name });
  });
}

/** POST /containers/{id}/kill?signal= */
export function containerKill(d: Daemon, ref: string, signal = 'SIGKILL'): void {
  const q = signal !== 'SIGKILL' ? `?signal=${signal}` : '';
  d.call('POST', `/containers/${ref}/kill${q}`, 204, () => {
    const sig = parseSignal(signal);
    if (sig === undefined) throw badRequest(`Invalid signal: ${signal}`);
    const c = d.lookup(ref);
    if (!c.state.Running || c.state.Restarting) throw conflict(`cannot kill container: ${ref}: container ${c.id} is not running`);
    if (sig === SIGNALS.SIGKILL || sig === (parseSignal(c.config.StopSignal ?? 'SIGTERM') ?? SIGNALS.SIGTERM)) c.manuallyStopped = true;
    d.emit('container', 'kill', c.id, { name: c.name, signal: String(sig) });
    d.containerd.kill(c.id, sig);
  });
}

/** POST /containers/{id}/pause — cgroup.freeze = 1. */
export function containerPause(d: Daemon, ref: string): void {
  d.call('POST', `/containers/${ref}/pause`, 204, () => {
    const c = d.lookup(ref);
    if (!c.state.Running || c.state.Restarting) throw conflict(`container ${c.id} is not running`);
    if (c.state.Paused) throw conflict(`container ${c.id} is already paused`);
    d.containerd.pause(c.id);
    c.setStatus('paused');
    d.touch(c);
    d.emit('container', 'pause', c.id, { name: c.name });
  });
}

/** POST /containers/{id}/unpause — cgroup.freeze = 0. */
export function containerUnpause(d: Daemon, ref: string): void {
  d.call('POST', `/containers/${ref}/unpause`, 204, () => {
    const c = d.lookup(ref);
    if (!c.state.Paused) throw conflict(`container ${c.id} is not paused`);
    d.containerd.resume(c.id);
    c.setStatus('running');
    d.touch(c);
    d.emit('container', 'unpause', c.id, { name: c.name });
  });
}

/** DELETE /containers/{id}?force=&v= */
export function* containerRemove(d: Daemon, ref: string, force: boolean, volumes: boolean): Gen<void> {
  const q = [force ? 'force=1' : '', volumes ? 'v=1' : ''].filter(Boolean).join('&');
  yield* d.callGen('DELETE', `/containers/${ref}${q ? `?${q}` : ''}`, 204, function* (): Gen<void> {
    const c = d.lookup(ref);
    if (c.state.Running && !c.state.Restarting) {
      if (!force) {
        if (c.state.Paused) throw conflict(`cannot remove container "/${c.name}": container is paused and must be unpaused first`);
        throw conflict(`cannot remove container "/${c.name}": container is running: stop the container before removing or force remove`);
      }
      c.manuallyStopped = true;
      if (c.state.Paused) d.containerd.resume(c.id);
      d.containerd.kill(c.id, SIGNALS.SIGKILL);
      yield* untilStopped(c);
    }
    removeContainer(d, c, volumes);
  });
}

/** Forgets a stopped container (and its r/w layer; its anonymous volumes with `-v` and for `--rm`). */
export function removeContainer(d: Daemon, c: Container, removeVolumes = c.hostConfig.AutoRemove): void {
  c.restartAt = null;
  c.setStatus('removing');
  d.containerd.delete(c.id);
  d.snapshotter.remove(c.id);
  forgetContainer(d, c);
  // Logged while the container still exists, so the event carries its labels (moby daemon/delete.go).
  d.emit('container', 'destroy', c.id);
  d.containers.delete(c.id);
  releaseMounts(d, c, removeVolumes);
  d.rev += 1;
}

/** POST /containers/{id}/wait?condition= — resolves with the exit code. */
export function* containerWait(d: Daemon, ref: string, condition: 'not-running' | 'next-exit' | 'removed' = 'not-running'): Gen<{ StatusCode: number }> {
  const c = d.lookup(ref);
  const q = condition !== 'not-running' ? `?condition=${condition}` : '';
  const seq = c.exitSeq;
  if (condition === 'not-running' && !c.state.Running) {
    d.logCall('POST', `/containers/${ref}/wait${q}`, 200);
    return { StatusCode: c.state.ExitCode };
  }
  yield {
    kind: 'until',
    check: () => (condition === 'removed' ? !d.containers.has(c.id) : c.exitSeq !== seq && (condition === 'next-exit' || !c.state.Running || c.state.Restarting)),
  };
  d.logCall('POST', `/containers/${ref}/wait${q}`, 200);
  return { StatusCode: c.state.ExitCode };
}

/** POST /containers/{id}/rename?name= */
export function containerRename(d: Daemon, ref: string, newName: string): void {
  d.call('POST', `/containers/${ref}/rename?name=${encodeURIComponent(newName)}`, 204, () => {
    const c = d.lookup(ref);
    const name = newName.replace(/^\//, '');
    if (!NAME_RE.test(newName)) throw badRequest(`Invalid container name (${newName}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`);
    if (c.name === name) throw badRequest('Renaming a container with the same name as its current name');
    const clash = [...d.containers.values()].find((x) => x.name === name);
    if (clash) throw conflict(`Error when allocating new name: Conflict. The container name "/${name}" is already in use by container "${clash.id}". You have to remove (or rename) that container to be able to reuse that name.`);
    const old = c.name;
    c.name = name;
    // The embedded DNS answers to the new name at once (libnetwork Sandbox.Rename).
    d.kernel.net.renameContainer(c.id, old, name);
    d.touch(c);
    d.emit('container', 'rename', c.id, { name, oldName: `/${old}` });
  });
}

/** POST /containers/{id}/update — changes limits live (cgroup files rewritten). */
export function containerUpdate(d: Daemon, ref: string, r: Partial<Resources> & { RestartPolicy?: HostConfig['RestartPolicy'] }): { Warnings: string[] } {
  return d.call('POST', `/containers/${ref}/update`, 200, () => {
    const c = d.lookup(ref);
    const h = c.hostConfig;
    const cur = resourcesOf(h);
    verifyResources(d, r, cur);
    const next: Resources = { ...cur };
    for (const k of Object.keys(r) as (keyof Resources)[]) if (r[k] !== undefined && k in cur) (next as unknown as Record<string, unknown>)[k] = r[k];
    if (r.Memory !== undefined && r.Memory > 0 && r.MemorySwap === undefined && cur.MemorySwap > 0 && r.Memory > cur.MemorySwap) {
      throw badRequest('Memory limit should be smaller than already set memoryswap limit, update the memoryswap at the same time');
    }
    if (r.Memory !== undefined && r.Memory > 0 && cur.Memory === 0 && r.MemorySwap === undefined) next.MemorySwap = -1;
    if (r.NanoCpus !== undefined && r.NanoCpus > 0) {
      next.CpuQuota = 0;
      next.CpuPeriod = 0;
    }
    if (r.RestartPolicy) {
      if (h.AutoRemove && r.RestartPolicy.Name !== 'no' && r.RestartPolicy.Name !== '') throw badRequest('Restart policy cannot be updated because AutoRemove is enabled for the container');
      h.RestartPolicy = r.RestartPolicy;
    }
    Object.assign(h, next);
    if (c.state.Running) {
      d.containerd.update(c.id, next);
      d.kernel.enforceMemoryLimit(c.cgroupPath);
    }
    d.touch(c);
    d.emit('container', 'update', c.id, { name: c.name });
    return { Warnings: [] };
  });
}

/**
 * Builds the snapshot (snapshot.ts) from the machine, reusing the previous view object of every
 * record whose `rev` did not change, so the worker can diff by identity and the UI keeps
 * unchanged records as they were.
 */
import type { Container } from './daemon/container.ts';
import type { Cgroup } from './kernel/cgroup.ts';
import { describeNamespaces } from './kernel/namespaces.ts';
import type { Process } from './kernel/process.ts';
import type { HostMachine } from './machine.ts';
import {
  SNAPSHOT_VERSION, type BuildView, type RegistryView, type TransferView, type CgroupView, type ContainerView, type GaugeSample, type ImageView, type LayerView, type ProcessSample, type ProcessView, type Snapshot,
} from './snapshot.ts';
import { upperSummary } from './fs/snapshotter.ts';
import { buildLayerViews } from './image/layerViews.ts';
import { mountViews, volumesRev, volumeViews } from './volumes/views.ts';
import type { NetworkView, PortBindingView, TrafficView, VolumeView } from './snapshot.ts';
import { networkViews, portBindingViews, trafficViews } from './network/views.ts';
import { ImageStore } from './image/store.ts';
import { sharesToWeight } from './kernel/cgroup.ts';
import { portOwners } from './daemon/router/push.ts';
import { publishedAddress, registriesOf } from './registry/registries.ts';
import { registryViews, transferViews } from './registry/views.ts';
import { API_VERSION, DOCKER_VERSION, KERNEL_RELEASE, RUNC_VERSION } from './versions.ts';

interface Cached<V> {
  readonly rev: number;
  readonly view: V;
}

export class SnapshotBuilder {
  readonly #m: HostMachine;
  readonly #procs = new Map<number, Cached<ProcessView>>();
  readonly #containers = new Map<string, Cached<ContainerView>>();
  readonly #cgroups = new Map<string, Cached<CgroupView>>();
  #images: Record<string, ImageView> = {};
  #imagesRev = -1;
  #layers: Record<string, LayerView> = {};
  #builds: Record<string, BuildView> = {};
  #buildsRev = -1;
  #registries: Record<string, RegistryView> = {};
  #transfers: Record<string, TransferView> = {};
  #registriesRev = '';
  #volumes: Record<string, VolumeView> = {};
  #volumesRev = -1;
  #networks: Record<string, NetworkView> = {};
  #ports: Record<string, PortBindingView> = {};
  #traffic: Record<string, TrafficView> = {};
  #networksRev = -1;
  #trafficRev = -1;
  #transfersRev = -1;

  constructor(m: HostMachine) {
    this.#m = m;
  }

  build(): Snapshot {
    const m = this.#m;
    const k = m.kernel;
    const processes: Record<string, ProcessView> = {};
    const seen = new Set<number>();
    for (const p of k.processes.values()) {
      seen.add(p.hostPid);
      const cached = this.#procs.get(p.hostPid);
      const view = cached && cached.rev === p.rev ? cached.view : this.#process(p);
      if (!cached || cached.view !== view) this.#procs.set(p.hostPid, { rev: p.rev, view });
      processes[view.id] = view;
    }
    for (const pid of [...this.#procs.keys()]) if (!seen.has(pid)) this.#procs.delete(pid);

    const containers: Record<string, ContainerView> = {};
    for (const c of m.daemon.containers.values()) {
      // A write in its read-write layer changes the view too (rwSize): both revisions only grow,
      // so their sum changes whenever either does.
      const rev = c.rev + c.rootfs.rev;
      const cached = this.#containers.get(c.id);
      const view = cached && cached.rev === rev ? cached.view : this.#container(c, rev);
      if (!cached || cached.view !== view) this.#containers.set(c.id, { rev, view });
      containers[c.id] = view;
    }
    for (const id of [...this.#containers.keys()]) if (!m.daemon.containers.has(id)) this.#containers.delete(id);

    const cgroups: Record<string, CgroupView> = {};
    for (const g of k.cgroups.all()) {
      if (!g.containerId) continue;
      const cached = this.#cgroups.get(g.path);
      const view = cached && cached.rev === g.rev ? cached.view : this.#cgroup(g);
      if (!cached || cached.view !== view) this.#cgroups.set(g.path, { rev: g.rev, view });
      cgroups[g.path] = view;
    }
    for (const path of [...this.#cgroups.keys()]) if (!k.cgroups.get(path)) this.#cgroups.delete(path);

    const imagesRev = m.daemon.imagesRev?.() ?? 0;
    if (imagesRev !== this.#imagesRev) {
      this.#imagesRev = imagesRev;
      this.#images = reuseUnchanged(this.#images, m.daemon.imageViews?.() ?? []);
      const store = m.daemon.images instanceof ImageStore ? m.daemon.images : null;
      this.#layers = reuseUnchanged(this.#layers, store ? buildLayerViews(store).map((l) => ({ ...l, rev: imagesRev })) : []);
    }
    const buildsRev = m.daemon.buildsRev?.() ?? 0;
    if (buildsRev !== this.#buildsRev) {
      this.#buildsRev = buildsRev;
      this.#builds = reuseUnchanged(this.#builds, m.daemon.buildViews?.() ?? []);
    }

    // Registries change with their storage, logins and their containers' states.
    const regs = registriesOf(k);
    const registriesRev = regs.servers.size ? `${regs.rev}:${m.daemon.rev}` : `${regs.rev}`;
    if (registriesRev !== this.#registriesRev) {
      this.#registriesRev = registriesRev;
      const owners = portOwners(m.daemon);
      this.#registries = reuseUnchanged(this.#registries, registryViews(regs, (id, port) => publishedAddress(owners, id, port)));
    }
    // A push or pull in progress updates only its transfer (not every repository's manifests).
    if (regs.transfersRev !== this.#transfersRev) {
      this.#transfersRev = regs.transfersRev;
      this.#transfers = reuseUnchanged(this.#transfers, transferViews(regs));
    }

    const vRev = volumesRev(m.daemon);
    if (vRev !== this.#volumesRev) {
      this.#volumesRev = vRev;
      this.#volumes = reuseUnchanged(this.#volumes, volumeViews(m.daemon));
    }

    const nc = k.net;
    if (nc.rev !== this.#networksRev) {
      this.#networksRev = nc.rev;
      this.#networks = reuseUnchanged(this.#networks, networkViews(nc));
      this.#ports = reuseUnchanged(this.#ports, portBindingViews(nc));
    }
    // Every ping or request adds to the traffic log; the networks and ports stay as they were.
    if (nc.trafficRev !== this.#trafficRev) {
      this.#trafficRev = nc.trafficRev;
      this.#traffic = reuseUnchanged(this.#traffic, trafficViews(nc));
    }

    return {
      v: SNAPSHOT_VERSION,
      host: { hostname: m.options.hostname, cpus: k.cpus, memoryBytes: k.memoryBytes, now: k.now, dockerVersion: DOCKER_VERSION, apiVersion: API_VERSION, kernelVersion: KERNEL_RELEASE, cgroupVersion: '2', runtime: `runc ${RUNC_VERSION}`, storageDriver: 'overlay2' },
      processes, containers, cgroups, images: this.#images, layers: this.#layers, builds: this.#builds,
      registries: this.#registries, transfers: this.#transfers, volumes: this.#volumes,
      networks: this.#networks, ports: this.#ports, traffic: this.#traffic,
      apiLog: m.daemon.apiLog.slice(-50),
      events: k.events.slice(-50),
    };
  }

  #process(p: Process): ProcessView {
    const k = this.#m.kernel;
    return {
      id: `p${p.hostPid}`, rev: p.rev, hostPid: p.hostPid, ppid: p.ppid, nsPid: p.ns.pid.level > 0 ? p.nsPid : null, comm: p.comm,
      args: p.alive ? p.argv.join(' ') : `[${p.comm}] <defunct>`, state: p.state, user: p.user, containerId: p.containerId, cgroup: p.cgroup.path,
      namespaces: describeNamespaces(p.ns), startedAt: p.startedAt, launcherPid: p.launcherPid || null,
      ...(k.processes.get(p.ppid) ? {} : {}),
    };
  }

  #container(c: Container, rev: number): ContainerView {
    const h = c.hostConfig;
    const rw = upperSummary(c.rootfs);
    const held = rw.copiedUp + rw.whiteouts + rw.added > 0;
    return {
      id: c.id, rev, name: c.name, image: c.config.Image, imageId: c.imageId, command: [c.path, ...c.args].join(' '), status: c.state.Status,
      pid: c.state.Pid, exitCode: c.state.ExitCode, oomKilled: c.state.OOMKilled, restartCount: c.restartCount, createdAt: c.created,
      startedAt: c.state.StartedAt, finishedAt: c.state.FinishedAt, cgroup: c.cgroupPath, pidNamespace: c.pidNamespace, hostname: c.hostname,
      limits: {
        memory: h.Memory, memoryReservation: h.MemoryReservation, memorySwap: h.MemorySwap, cpuShares: h.CpuShares, cpuWeight: h.CpuShares ? sharesToWeight(h.CpuShares) : 100,
        nanoCpus: h.NanoCpus, cpusetCpus: h.CpusetCpus, pidsLimit: h.PidsLimit ?? 0,
      },
      rwSize: rw.size,
      ...(held ? { rwLayer: { copiedUp: rw.copiedUp, whiteouts: rw.whiteouts, added: rw.added } } : {}),
      ...(c.lastDiff ? { lastDiff: c.lastDiff } : {}),
      ...(c.mounts.length ? { mounts: mountViews(c) } : {}),
    };
  }

  #cgroup(g: Cgroup): CgroupView {
    return {
      path: g.path, rev: g.rev, containerId: g.containerId, memoryMax: g.memoryMax, memoryHigh: g.memoryHigh, memoryLow: g.memoryLow,
      memoryEvents: { ...g.memoryEvents }, cpuWeight: g.cpuWeight, cpuMax: { quota: g.cpuMaxQuota, period: g.cpuMaxPeriod },
      cpuset: g.cpuset ? g.cpuset.join(',') : '', pidsMax: g.pidsMax, frozen: g.frozen,
    };
  }

  /** Gauge figures for every running container and every process that uses CPU or memory. */
  gauges(): { containers: GaugeSample[]; processes: ProcessSample[] } {
    const m = this.#m;
    const containers: GaugeSample[] = [];
    for (const c of m.daemon.containers.values()) {
      if (!c.state.Running) continue;
      const s = m.daemon.stats.of(c);
      containers.push({ containerId: c.id, cpuPercent: round2(s.cpuPercent), memoryBytes: s.memoryUsage, memoryLimit: s.memoryLimit, pids: s.pids, pidsLimit: s.pidsLimit, throttled: s.throttled });
    }
    const processes: ProcessSample[] = [];
    for (const p of m.kernel.processes.values()) processes.push({ hostPid: p.hostPid, cpuPercent: round2(p.cpuRate * 100), rssBytes: p.rssBytes });
    return { containers, processes };
  }
}

/**
 * A table from freshly built records, keeping the previous object of every record whose content
 * (everything but `rev`) is unchanged, so only records that really changed travel to the UI.
 */
export function reuseUnchanged<V extends { readonly id: string; readonly rev: number }>(previous: Readonly<Record<string, V>>, fresh: readonly V[]): Record<string, V> {
  const out: Record<string, V> = {};
  for (const v of fresh) {
    const old = previous[v.id];
    out[v.id] = old && sameContent(old, v) ? old : v;
  }
  return out;
}

function sameContent(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) {
    if (k === 'rev') continue;
    if (!sameContent((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  return true;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

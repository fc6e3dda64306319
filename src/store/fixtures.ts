/**
 * A realistic engine state for unit tests and the `?fixture=1` dev route, shaped exactly like what
 * the engine will send: the host tree systemd(1) → dockerd(812), containerd(790) →
 * containerd-shim-runc-v2 → two containers:
 *  - `web`: `nginx`, PID 1 = nginx master (host PID 2324), four workers (ns PIDs 29–32);
 *  - `hog`: `progrium/stress` running `stress --vm 1 --vm-bytes 128M` under `--memory 64m --cpus 0.5`,
 *    its worker filling memory towards the limit.
 * Plus builders for the patches that follow (the hog worker OOM-killed, then the container dying).
 */
import type {
  CgroupView, ContainerView, GaugeSample, ImageView, KernelEvent, LayerView, NamespaceSet, ProcessSample, ProcessView, Snapshot,
} from '../engine/snapshot.ts';
import type { SnapshotPatch } from '../worker/protocol.ts';

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

export const WEB_ID = '3f1c9a7e5b2d4c6f8a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f';
export const HOG_ID = '9b8e2d4f6a1c3e5b7d9f0a2c4e6b8d0f1a3c5e7b9d2f4a6c8e0b1d3f5a7c9e2b';
const NGINX_IMAGE = 'sha256:4cad75abc83d5ca6ee22053d85850676eaef657ee9d723d7bef61179e1e1e485';
const STRESS_IMAGE = 'sha256:db646a8f40875981809f754e28a3834e856727b12e7662dad573b6b243e3fba4';

export const HOST_NS: NamespaceSet = {
  pid: 'pid:[4026531836]', net: 'net:[4026531840]', mnt: 'mnt:[4026531841]', uts: 'uts:[4026531838]',
  ipc: 'ipc:[4026531839]', user: 'user:[4026531837]', cgroup: 'cgroup:[4026531835]',
};
const WEB_NS: NamespaceSet = {
  pid: 'pid:[4026532201]', net: 'net:[4026532204]', mnt: 'mnt:[4026532198]', uts: 'uts:[4026532199]',
  ipc: 'ipc:[4026532200]', user: 'user:[4026531837]', cgroup: 'cgroup:[4026532202]',
};
const HOG_NS: NamespaceSet = {
  pid: 'pid:[4026532291]', net: 'net:[4026532294]', mnt: 'mnt:[4026532288]', uts: 'uts:[4026532289]',
  ipc: 'ipc:[4026532290]', user: 'user:[4026531837]', cgroup: 'cgroup:[4026532292]',
};

export const cgroupOf = (containerId: string) => `/system.slice/docker-${containerId}.scope`;

function proc(p: Partial<ProcessView> & Pick<ProcessView, 'hostPid' | 'ppid' | 'comm' | 'args'>): ProcessView {
  return {
    id: `p${p.hostPid}`,
    rev: 1,
    nsPid: null,
    launcherPid: null,
    state: 'S',
    user: 'root',
    containerId: null,
    cgroup: '/init.scope',
    namespaces: HOST_NS,
    startedAt: 0,
    ...p,
  };
}

const shimArgs = (id: string) => `/usr/bin/containerd-shim-runc-v2 -namespace moby -id ${id} -address /run/containerd/containerd.sock`;

export const FIXTURE_PROCESSES: readonly ProcessView[] = [
  proc({ hostPid: 1, ppid: 0, comm: 'systemd', args: '/sbin/init' }),
  proc({ hostPid: 790, ppid: 1, comm: 'containerd', args: '/usr/bin/containerd', cgroup: '/system.slice/containerd.service', startedAt: 1_200 }),
  proc({ hostPid: 812, ppid: 1, comm: 'dockerd', args: '/usr/bin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock', cgroup: '/system.slice/docker.service', startedAt: 1_900 }),
  // The shim daemonises: containerd starts it, systemd becomes its parent.
  proc({ hostPid: 2301, ppid: 1, launcherPid: 790, comm: 'containerd-shim', args: shimArgs(WEB_ID), cgroup: '/system.slice/containerd.service', startedAt: 61_000 }),
  proc({
    hostPid: 2324, ppid: 2301, nsPid: 1, comm: 'nginx', args: 'nginx: master process nginx -g daemon off;',
    containerId: WEB_ID, cgroup: cgroupOf(WEB_ID), namespaces: WEB_NS, startedAt: 61_040,
  }),
  ...[29, 30, 31, 32].map((nsPid, i) =>
    proc({
      hostPid: 2351 + i, ppid: 2324, nsPid, comm: 'nginx', args: 'nginx: worker process', user: 'nginx',
      containerId: WEB_ID, cgroup: cgroupOf(WEB_ID), namespaces: WEB_NS, startedAt: 61_090,
    })),
  proc({ hostPid: 2410, ppid: 1, launcherPid: 790, comm: 'containerd-shim', args: shimArgs(HOG_ID), cgroup: '/system.slice/containerd.service', startedAt: 95_000 }),
  proc({
    hostPid: 2431, ppid: 2410, nsPid: 1, comm: 'stress', args: 'stress --vm 1 --vm-bytes 128M',
    containerId: HOG_ID, cgroup: cgroupOf(HOG_ID), namespaces: HOG_NS, startedAt: 95_030,
  }),
  proc({
    hostPid: 2437, ppid: 2431, nsPid: 7, comm: 'stress', args: 'stress --vm 1 --vm-bytes 128M', state: 'R',
    containerId: HOG_ID, cgroup: cgroupOf(HOG_ID), namespaces: HOG_NS, startedAt: 95_060,
  }),
];

const NO_LIMITS = { memory: 0, memoryReservation: 0, memorySwap: 0, cpuShares: 0, cpuWeight: 100, nanoCpus: 0, cpusetCpus: '', pidsLimit: 0 };

export const WEB: ContainerView = {
  id: WEB_ID, rev: 2, name: 'web', image: 'nginx', imageId: NGINX_IMAGE, command: '/docker-entrypoint.sh nginx -g \'daemon off;\'',
  status: 'running', pid: 2324, exitCode: 0, oomKilled: false, restartCount: 0, createdAt: 60_900, startedAt: 61_000, finishedAt: null,
  cgroup: cgroupOf(WEB_ID), pidNamespace: WEB_NS.pid, hostname: WEB_ID.slice(0, 12),
  limits: { ...NO_LIMITS, cpuShares: 512, cpuWeight: 59, pidsLimit: 100 },
  rwSize: 1_093,
};

export const HOG: ContainerView = {
  id: HOG_ID, rev: 2, name: 'hog', image: 'progrium/stress', imageId: STRESS_IMAGE, command: 'stress --vm 1 --vm-bytes 128M',
  status: 'running', pid: 2431, exitCode: 0, oomKilled: false, restartCount: 0, createdAt: 94_900, startedAt: 95_000, finishedAt: null,
  cgroup: cgroupOf(HOG_ID), pidNamespace: HOG_NS.pid, hostname: HOG_ID.slice(0, 12),
  limits: { ...NO_LIMITS, memory: 64 * MiB, memorySwap: 128 * MiB, nanoCpus: 500_000_000 },
  rwSize: 0,
};

const NO_MEMORY_EVENTS = { low: 0, high: 0, max: 0, oom: 0, oom_kill: 0 };

export const WEB_CGROUP: CgroupView = {
  path: cgroupOf(WEB_ID), rev: 1, containerId: WEB_ID, memoryMax: null, memoryHigh: null, memoryLow: 0, memoryEvents: NO_MEMORY_EVENTS,
  cpuWeight: 59, cpuMax: { quota: null, period: 100_000 }, cpuset: '', pidsMax: 100, frozen: false,
};

export const HOG_CGROUP: CgroupView = {
  path: cgroupOf(HOG_ID), rev: 1, containerId: HOG_ID, memoryMax: 64 * MiB, memoryHigh: null, memoryLow: 0,
  memoryEvents: { ...NO_MEMORY_EVENTS, max: 212 }, cpuWeight: 100, cpuMax: { quota: 50_000, period: 100_000 }, cpuset: '', pidsMax: null, frozen: false,
};

export const FIXTURE_IMAGES: readonly ImageView[] = [
  {
    id: NGINX_IMAGE, rev: 1, repoTags: ['nginx:latest'], size: 192 * MiB, layers: ['sha256:a1', 'sha256:a2', 'sha256:a3'],
    chain: ['sha256:a1', 'sha256:ca2', 'sha256:ca3'], created: 1_740_000_000,
  },
  {
    id: STRESS_IMAGE, rev: 1, repoTags: ['progrium/stress:latest'], size: 281 * MiB, layers: ['sha256:b1', 'sha256:b2'],
    chain: ['sha256:b1', 'sha256:cb2'], created: 1_400_000_000,
  },
];

const layer = (id: string, diffId: string, parent: string | null, size: number, createdBy: string): LayerView => ({ id, rev: 1, diffId, parent, size, createdBy, created: 1_400_000_000, images: 1 });

/** The layers of the two fixture images, by ChainID (a base layer's ChainID is its diff_id). */
export const FIXTURE_LAYERS: readonly LayerView[] = [
  layer('sha256:a1', 'sha256:a1', null, 74_812_036, "# debian.sh --arch 'amd64' out/ 'bookworm' '@1740355200'"),
  layer('sha256:ca2', 'sha256:a2', 'sha256:a1', 117_180_230, 'RUN /bin/sh -c set -x && groupadd --system --gid 101 nginx # buildkit'),
  layer('sha256:ca3', 'sha256:a3', 'sha256:ca2', 1_620, 'COPY docker-entrypoint.sh / # buildkit'),
  layer('sha256:b1', 'sha256:b1', null, 188_000_000, '/bin/sh -c #(nop) ADD file:b6ca290b6b4cdcca5b3db3ffa338ee0285c11744b4a6abaa9627746ee3291d8d in /'),
  layer('sha256:cb2', 'sha256:b2', 'sha256:b1', 106_000_000, '/bin/sh -c apt-get update && apt-get install -y stress'),
];

const FIXTURE_EVENTS: readonly KernelEvent[] = [
  { seq: 1, t: 61_040, kind: 'container-start', containerId: WEB_ID, hostPid: 2324, comm: 'nginx', value: null },
  { seq: 2, t: 95_030, kind: 'container-start', containerId: HOG_ID, hostPid: 2431, comm: 'stress', value: null },
];

const byKey = <R extends { id: string }>(records: readonly R[]): Record<string, R> => Object.fromEntries(records.map((r) => [r.id, r]));

/** The fixture at virtual time 100 s: both containers running, hog at 40 MiB of its 64 MiB. */
export function fixtureSnapshot(): Snapshot {
  return {
    v: 1,
    host: { hostname: 'playground', cpus: 4, memoryBytes: 8 * GiB, now: 100_000, dockerVersion: '28.5.1', apiVersion: '1.51', kernelVersion: '6.8.0-playground', cgroupVersion: '2', runtime: 'runc 1.3.3', storageDriver: 'overlay2' },
    processes: byKey(FIXTURE_PROCESSES),
    containers: byKey([WEB, HOG]),
    cgroups: { [WEB_CGROUP.path]: WEB_CGROUP, [HOG_CGROUP.path]: HOG_CGROUP },
    images: byKey(FIXTURE_IMAGES),
    layers: byKey(FIXTURE_LAYERS),
    builds: {},
    registries: {},
    transfers: {},
    volumes: {},
    networks: {},
    ports: {},
    traffic: {},
    apiLog: [
      { seq: 1, t: 60_900, method: 'POST', path: '/v1.51/containers/create?name=web', status: 201, hops: ['dockerd', 'images'] },
      { seq: 2, t: 61_000, method: 'POST', path: `/v1.51/containers/${WEB_ID}/start`, status: 204, hops: ['dockerd', 'containerd', 'shim', 'runc', 'kernel'] },
      { seq: 3, t: 94_900, method: 'POST', path: '/v1.51/containers/create?name=hog', status: 201, hops: ['dockerd', 'images'] },
      { seq: 4, t: 95_000, method: 'POST', path: `/v1.51/containers/${HOG_ID}/start`, status: 204, hops: ['dockerd', 'containerd', 'shim', 'runc', 'kernel'] },
    ],
    events: FIXTURE_EVENTS,
  };
}

/** Gauge samples as the light channel carries them; `hogMemory` drives the hog's fill. */
export function fixtureGauges(hogMemory: number, t = 100_000, wobble = 0): { containers: GaugeSample[]; processes: ProcessSample[] } {
  const hogAlive = hogMemory > 0;
  const containers: GaugeSample[] = [
    { containerId: WEB_ID, cpuPercent: 0.4 + wobble * 0.3, memoryBytes: 9.1 * MiB + wobble * 0.2 * MiB, memoryLimit: 8 * GiB, pids: 5, pidsLimit: 100, throttled: 0 },
  ];
  const processes: ProcessSample[] = [
    { hostPid: 2324, cpuPercent: 0, rssBytes: 6.1 * MiB },
    ...[2351, 2352, 2353, 2354].map((hostPid) => ({ hostPid, cpuPercent: 0.1 + wobble * 0.05, rssBytes: 2.4 * MiB })),
  ];
  if (hogAlive) {
    containers.push({ containerId: HOG_ID, cpuPercent: 49.6 + wobble * 0.4, memoryBytes: hogMemory, memoryLimit: 64 * MiB, pids: 2, pidsLimit: null, throttled: 143 + Math.floor(t / 100) % 1000 });
    processes.push({ hostPid: 2431, cpuPercent: 0, rssBytes: 1.1 * MiB }, { hostPid: 2437, cpuPercent: 49.6 + wobble * 0.4, rssBytes: hogMemory - 1.5 * MiB });
  }
  return { containers, processes };
}

/** The kernel's OOM killer takes the hog's memory-hungry worker (host PID 2437, ns PID 7). */
export function oomKillPatch(t: number): SnapshotPatch {
  return {
    host: { ...fixtureSnapshot().host, now: t },
    put: { cgroups: [{ ...HOG_CGROUP, rev: 2, memoryEvents: { ...HOG_CGROUP.memoryEvents, max: 390, oom: 1, oom_kill: 1 } }] },
    remove: { processes: ['p2437'] },
    events: [{ seq: 3, t, kind: 'oom-kill', containerId: HOG_ID, hostPid: 2437, comm: 'stress', value: 9 }],
  };
}

/** stress sees its worker die of signal 9 and exits 1: PID 1 is gone, so is the container's box. */
export function hogExitPatch(t: number): SnapshotPatch {
  return {
    host: { ...fixtureSnapshot().host, now: t },
    put: { containers: [{ ...HOG, rev: 3, status: 'exited', pid: 0, exitCode: 1, oomKilled: true, finishedAt: t }] },
    remove: { processes: ['p2431', 'p2410'], cgroups: [HOG_CGROUP.path] },
    events: [
      { seq: 4, t, kind: 'pid1-exit', containerId: HOG_ID, hostPid: 2431, comm: 'stress', value: 1 },
      { seq: 5, t, kind: 'container-die', containerId: HOG_ID, hostPid: null, comm: null, value: 1 },
    ],
  };
}

/** A container running nginx (master + `workers`), as the engine would add it: records and the start event. */
export function nginxContainerPatch(index: number, t: number, workers = 2, eventSeq = 1000 + index): SnapshotPatch {
  const id = `${(0xc0de0000 + index).toString(16)}${'0'.repeat(56)}`.slice(0, 64);
  const name = `web${index}`;
  const shim = 5000 + index * 10;
  const ns: NamespaceSet = {
    ...WEB_NS, pid: `pid:[${4026540000 + index * 8}]`, net: `net:[${4026540001 + index * 8}]`, mnt: `mnt:[${4026540002 + index * 8}]`,
  };
  const processes: ProcessView[] = [
    proc({ hostPid: shim, ppid: 1, launcherPid: 790, comm: 'containerd-shim', args: shimArgs(id), cgroup: '/system.slice/containerd.service', startedAt: t }),
    proc({ hostPid: shim + 1, ppid: shim, nsPid: 1, comm: 'nginx', args: 'nginx: master process nginx -g daemon off;', containerId: id, cgroup: cgroupOf(id), namespaces: ns, startedAt: t }),
    ...Array.from({ length: workers }, (_, k) =>
      proc({ hostPid: shim + 2 + k, ppid: shim + 1, nsPid: 29 + k, comm: 'nginx', args: 'nginx: worker process', user: 'nginx', containerId: id, cgroup: cgroupOf(id), namespaces: ns, startedAt: t })),
  ];
  const container: ContainerView = { ...WEB, id, name, rev: 1, pid: shim + 1, createdAt: t - 100, startedAt: t, cgroup: cgroupOf(id), pidNamespace: ns.pid, hostname: id.slice(0, 12), limits: NO_LIMITS };
  const cgroup: CgroupView = { ...WEB_CGROUP, path: cgroupOf(id), containerId: id, cpuWeight: 100, pidsMax: null };
  return {
    put: { processes, containers: [container], cgroups: [cgroup] },
    remove: {},
    events: [{ seq: eventSeq, t, kind: 'container-start', containerId: id, hostPid: shim + 1, comm: 'nginx', value: null }],
  };
}

/** The fixture plus `extra` more nginx containers: the "50 running containers" budget. */
export function crowdedSnapshot(extra: number): Snapshot {
  const base = fixtureSnapshot();
  const processes: Record<string, ProcessView> = { ...base.processes };
  const containers: Record<string, ContainerView> = { ...base.containers };
  const cgroups: Record<string, CgroupView> = { ...base.cgroups };
  for (let i = 1; i <= extra; i++) {
    const patch = nginxContainerPatch(i, 50_000 + i);
    for (const p of patch.put.processes ?? []) processes[p.id] = p;
    for (const c of patch.put.containers ?? []) containers[c.id] = c;
    for (const c of patch.put.cgroups ?? []) cgroups[c.path] = c;
  }
  return { ...base, processes, containers, cgroups };
}

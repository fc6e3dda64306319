/**
 * runc: turns an OCI bundle into a running container. It creates the namespaces (pid, net, mnt,
 * uts, ipc, cgroup; user only with userns-remap), creates the cgroup
 * `/system.slice/docker-<id>.scope` and writes the resource limits into it, then starts the
 * container's first process as PID 1 of the new PID namespace and exits.
 */
import { CPU_PERIOD_US, sharesToWeight, parseCpuset, type Cgroup } from '../kernel/cgroup.ts';
import { DEFAULT_TASKS_MAX, type Kernel } from '../kernel/kernel.ts';
import type { Namespace, NamespaceRefs } from '../kernel/namespaces.ts';

/** The subset of HostConfig that becomes cgroup files (engine-reference §7). */
export interface Resources {
  Memory: number;
  MemoryReservation: number;
  MemorySwap: number;
  CpuShares: number;
  NanoCpus: number;
  CpuQuota: number;
  CpuPeriod: number;
  CpusetCpus: string;
  PidsLimit: number | null;
}

/** Writes the limits into a cgroup as runc's cgroup v2 manager does (fs2/*.go). */
export function applyResources(g: Cgroup, r: Resources): void {
  g.memoryMax = r.Memory > 0 ? r.Memory : null;
  g.memoryLow = r.MemoryReservation > 0 ? r.MemoryReservation : 0;
  g.memorySwapMax = r.Memory > 0 ? (r.MemorySwap === -1 ? null : Math.max(0, r.MemorySwap - r.Memory)) : null;
  g.cpuWeight = r.CpuShares > 0 ? sharesToWeight(r.CpuShares) : 100;
  if (r.NanoCpus > 0) {
    g.cpuMaxPeriod = CPU_PERIOD_US;
    g.cpuMaxQuota = Math.round((r.NanoCpus / 1e9) * CPU_PERIOD_US);
  } else if (r.CpuQuota > 0) {
    g.cpuMaxPeriod = r.CpuPeriod > 0 ? r.CpuPeriod : CPU_PERIOD_US;
    g.cpuMaxQuota = r.CpuQuota;
  } else {
    g.cpuMaxQuota = null;
    g.cpuMaxPeriod = r.CpuPeriod > 0 ? r.CpuPeriod : CPU_PERIOD_US;
  }
  g.cpuset = r.CpusetCpus ? (parseCpuset(r.CpusetCpus) ?? null) : null;
  // --pids-limit N → TasksMax=N; 0 or -1 → TasksMax=infinity ("max"); not given → no TasksMax,
  // so systemd's DefaultTasksMax applies to the scope.
  g.pidsMax = r.PidsLimit === null ? DEFAULT_TASKS_MAX : r.PidsLimit > 0 ? r.PidsLimit : null;
  g.pidsMaxDefault = r.PidsLimit === null;
  g.touch();
}

/** New namespaces for a container (all private but user, as Docker's default spec). */
export function createNamespaces(kernel: Kernel, containerId: string, hostname: string, netns?: Namespace | null): NamespaceRefs {
  const t = kernel.namespaces;
  const host = t.host;
  return {
    pid: t.createPid(containerId, host.pid),
    // `--network host|container:X`: join that namespace instead of creating one.
    net: netns ?? t.create('net', containerId),
    mnt: t.create('mnt', containerId),
    uts: t.createUts(containerId, hostname),
    ipc: t.create('ipc', containerId),
    user: host.user,
    cgroup: t.create('cgroup', containerId),
  };
}

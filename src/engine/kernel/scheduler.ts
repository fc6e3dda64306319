/**
 * The CPU scheduler, at the granularity the playground needs: for each interval it splits the
 * host's CPUs among runnable processes the way CFS with cgroup v2 does on average —
 * work-conserving weighted fair share between cgroups by `cpu.weight` (an idle sibling's share
 * is handed to the busy ones), capped by `cpu.max` (quota/period, a hard cap even on an idle
 * host) and confined to `cpuset.cpus`; inside a cgroup, busy processes share equally.
 *
 * The split is progressive filling ("water-filling"): every busy cgroup's allocation grows in
 * proportion to its weight until it reaches its cap or the CPUs it may use are full.
 */
import type { Cgroup } from './cgroup.ts';
import type { Kernel } from './kernel.ts';
import type { Process } from './process.ts';

interface Group {
  readonly cgroup: Cgroup;
  readonly procs: Process[];
  readonly weight: number;
  readonly cap: number;
  readonly cpus: readonly number[];
  readonly cpuKey: string;
  alloc: number;
  frozen: boolean;
}

const EPS = 1e-9;

/** Cores granted to each busy process for the next interval, recorded on `cpuRate`; accounts `dtSec` of CPU time. */
export function schedule(kernel: Kernel, dtSec: number): void {
  const groups = new Map<Cgroup, Group>();
  for (const p of kernel.busyProcesses) {
    p.cpuRate = 0;
    if (!p.alive || p.cpuDemand <= 0 || p.stopped) continue;
    const g = p.cgroup;
    if (g.isFrozen()) continue;
    let group = groups.get(g);
    if (!group) {
      const cpus = g.effectiveCpus(kernel.cpus);
      group = { cgroup: g, procs: [], weight: g.cpuWeight, cap: 0, cpus, cpuKey: cpus.join(','), alloc: 0, frozen: false };
      groups.set(g, group);
    }
    group.procs.push(p);
  }
  if (groups.size === 0) return;

  for (const group of groups.values()) {
    const demand = group.procs.reduce((s, p) => s + Math.min(1, p.cpuDemand), 0);
    let cap = Math.min(demand, group.cpus.length);
    for (const g of group.cgroup.ancestorsAndSelf()) if (g.cpuMaxQuota !== null) cap = Math.min(cap, g.cpuMaxQuota / g.cpuMaxPeriod);
    (group as { cap: number }).cap = cap;
    if (cap <= EPS) group.frozen = true;
  }

  // Capacity constraints: every distinct cpuset, and the whole machine.
  const constraints = new Map<string, { size: number; members: Group[] }>();
  const all = Array.from({ length: kernel.cpus }, (_, i) => i).join(',');
  for (const group of groups.values()) {
    for (const key of new Set([group.cpuKey, all])) {
      let c = constraints.get(key);
      if (!c) {
        c = { size: key === '' ? 0 : key.split(',').length, members: [] };
        constraints.set(key, c);
      }
    }
  }
  for (const [key, c] of constraints) {
    const set = new Set(key.split(','));
    for (const group of groups.values()) if (group.cpus.every((x) => set.has(String(x)))) c.members.push(group);
  }

  for (let round = 0; round < 64; round++) {
    const active = [...groups.values()].filter((g) => !g.frozen);
    if (active.length === 0) break;
    let delta = Infinity;
    for (const g of active) delta = Math.min(delta, (g.cap - g.alloc) / g.weight);
    for (const c of constraints.values()) {
      const activeW = c.members.reduce((s, g) => s + (g.frozen ? 0 : g.weight), 0);
      if (activeW <= 0) continue;
      const used = c.members.reduce((s, g) => s + g.alloc, 0);
      delta = Math.min(delta, Math.max(0, c.size - used) / activeW);
    }
    if (!Number.isFinite(delta)) break;
    for (const g of active) g.alloc += delta * g.weight;
    for (const g of active) if (g.cap - g.alloc <= EPS) g.frozen = true;
    for (const c of constraints.values()) {
      const used = c.members.reduce((s, g) => s + g.alloc, 0);
      if (c.size - used <= EPS) for (const g of c.members) g.frozen = true;
    }
  }

  const periods = dtSec * 1e6;
  for (const group of groups.values()) {
    // Equal split inside the group, each process capped by its own demand.
    const procs = [...group.procs].sort((a, b) => a.cpuDemand - b.cpuDemand);
    let left = group.alloc;
    procs.forEach((p, i) => {
      const share = left / (procs.length - i);
      const rate = Math.min(Math.min(1, p.cpuDemand), share);
      p.cpuRate = rate;
      left -= rate;
      p.cpuTimeUs += rate * dtSec * 1e6;
    });
    const usedUs = group.alloc * dtSec * 1e6;
    const demand = group.procs.reduce((s, p) => s + Math.min(1, p.cpuDemand), 0);
    for (const g of group.cgroup.ancestorsAndSelf()) {
      g.usageUsec += usedUs;
      if (g.cpuMaxQuota !== null) {
        const n = periods / g.cpuMaxPeriod;
        g.nrPeriods += n;
        const quotaCores = g.cpuMaxQuota / g.cpuMaxPeriod;
        if (demand > quotaCores + EPS) {
          g.nrThrottled += n;
          g.throttledUsec += (Math.min(demand, group.cpus.length) - quotaCores) * dtSec * 1e6;
        }
      }
    }
  }
}

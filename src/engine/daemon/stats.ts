/**
 * The stats collector (moby daemon/stats): samples each running container's cgroup so
 * `docker stats` can compute CPU % as Δ usage / Δ system × CPUs × 100 over the last second,
 * and memory as memory.current (there is no page cache to subtract here).
 */
import type { Kernel } from '../kernel/kernel.ts';
import type { Container } from './container.ts';

interface Sample {
  readonly t: number;
  readonly usageUsec: number;
}

const WINDOW_MS = 1000;
const SAMPLE_EVERY_MS = 100;

export interface ContainerStats {
  readonly cpuPercent: number;
  readonly memoryUsage: number;
  readonly memoryLimit: number;
  readonly pids: number;
  readonly pidsLimit: number | null;
  readonly throttled: number;
  readonly cpuUsageUsec: number;
}

export class StatsCollector {
  readonly #kernel: Kernel;
  readonly #samples = new Map<string, Sample[]>();
  #lastAt = -Infinity;

  constructor(kernel: Kernel) {
    this.#kernel = kernel;
  }

  sample(containers: Iterable<Container>, now: number): void {
    if (now - this.#lastAt < SAMPLE_EVERY_MS) return;
    this.#lastAt = now;
    const live = new Set<string>();
    for (const c of containers) {
      const g = this.#kernel.cgroups.get(c.cgroupPath);
      if (!g) continue;
      live.add(c.id);
      let list = this.#samples.get(c.id);
      if (!list) {
        list = [];
        this.#samples.set(c.id, list);
      }
      list.push({ t: now, usageUsec: g.usageUsec });
      while (list.length > 2 && now - list[1].t >= WINDOW_MS) list.shift();
    }
    for (const id of [...this.#samples.keys()]) if (!live.has(id)) this.#samples.delete(id);
  }

  /** Stats as `docker stats` reports them; zeros for a container that is not running. */
  of(c: Container): ContainerStats {
    const g = this.#kernel.cgroups.get(c.cgroupPath);
    const hostMem = this.#kernel.memoryBytes;
    if (!g) return { cpuPercent: 0, memoryUsage: 0, memoryLimit: 0, pids: 0, pidsLimit: null, throttled: 0, cpuUsageUsec: 0 };
    const list = this.#samples.get(c.id) ?? [];
    const now = this.#kernel.now;
    const first = list[0];
    let cpuPercent = 0;
    if (first && now > first.t) cpuPercent = ((g.usageUsec - first.usageUsec) / ((now - first.t) * 1000)) * 100;
    return {
      cpuPercent: Math.max(0, cpuPercent),
      memoryUsage: g.memoryCurrent,
      memoryLimit: g.memoryMax !== null && g.memoryMax < hostMem ? g.memoryMax : hostMem,
      pids: g.pidsCurrent,
      pidsLimit: g.pidsMax,
      throttled: Math.floor(g.nrThrottled),
      cpuUsageUsec: g.usageUsec,
    };
  }
}

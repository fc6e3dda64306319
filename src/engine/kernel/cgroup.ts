/**
 * The cgroup v2 hierarchy (Documentation/admin-guide/cgroup-v2.rst). Each node holds the
 * interface files Docker writes (memory.max/high/low, cpu.weight, cpu.max, cpuset.cpus,
 * pids.max) and the counters the kernel keeps (memory.current/peak/events, cpu.stat, pids.current).
 * Charges propagate to ancestors, limits are checked at every level, as the kernel does.
 */

export const CPU_PERIOD_US = 100_000;

export interface MemoryEvents {
  low: number;
  high: number;
  max: number;
  oom: number;
  oom_kill: number;
}

export class Cgroup {
  readonly path: string;
  readonly parent: Cgroup | null;
  readonly children = new Map<string, Cgroup>();
  /** Container that owns this cgroup (docker-<id>.scope), if any. */
  containerId: string | null = null;

  memoryMax: number | null = null;
  memoryHigh: number | null = null;
  memoryLow = 0;
  memorySwapMax: number | null = null;
  memoryCurrent = 0;
  memoryPeak = 0;
  readonly memoryEvents: MemoryEvents = { low: 0, high: 0, max: 0, oom: 0, oom_kill: 0 };

  cpuWeight = 100;
  cpuMaxQuota: number | null = null;
  cpuMaxPeriod = CPU_PERIOD_US;
  /** Sorted CPU indexes allowed, null = all of the parent's. */
  cpuset: number[] | null = null;
  /** cpu.stat usage_usec (µs, may be fractional internally). */
  usageUsec = 0;
  nrPeriods = 0;
  nrThrottled = 0;
  throttledUsec = 0;

  pidsMax: number | null = null;
  /** pids.max is the host's default (systemd's DefaultTasksMax), not a limit the user asked for. */
  pidsMaxDefault = false;
  pidsCurrent = 0;
  pidsEventsMax = 0;

  frozen = false;
  /** Bumped on every change visible in the snapshot (limits, events, frozen); not on counters. */
  rev = 1;

  constructor(path: string, parent: Cgroup | null) {
    this.path = path;
    this.parent = parent;
  }

  *ancestorsAndSelf(): Generator<Cgroup> {
    for (let g: Cgroup | null = this; g; g = g.parent) yield g;
  }

  /** CPUs this cgroup may run on (cpuset.cpus.effective). */
  effectiveCpus(hostCpus: number): number[] {
    for (const g of this.ancestorsAndSelf()) if (g.cpuset) return g.cpuset.filter((c) => c < hostCpus);
    return Array.from({ length: hostCpus }, (_, i) => i);
  }

  /** Effective frozen state (cgroup.freeze is inherited). */
  isFrozen(): boolean {
    for (const g of this.ancestorsAndSelf()) if (g.frozen) return true;
    return false;
  }

  touch(): void {
    this.rev += 1;
  }
}

export class CgroupTree {
  readonly root = new Cgroup('/', null);
  readonly #byPath = new Map<string, Cgroup>([['/', this.root]]);

  get(path: string): Cgroup | undefined {
    return this.#byPath.get(path);
  }

  /** Creates the cgroup (and missing parents), like `mkdir -p /sys/fs/cgroup/PATH`. */
  ensure(path: string): Cgroup {
    const existing = this.#byPath.get(path);
    if (existing) return existing;
    const cut = path.lastIndexOf('/');
    const parentPath = cut <= 0 ? '/' : path.slice(0, cut);
    const parent = this.ensure(parentPath);
    const g = new Cgroup(path, parent);
    parent.children.set(path, g);
    this.#byPath.set(path, g);
    return g;
  }

  /** `rmdir`: only an empty cgroup without children can go. */
  remove(path: string): boolean {
    const g = this.#byPath.get(path);
    if (!g || g === this.root || g.children.size > 0 || g.pidsCurrent > 0) return false;
    g.parent?.children.delete(path);
    this.#byPath.delete(path);
    return true;
  }

  all(): IterableIterator<Cgroup> {
    return this.#byPath.values();
  }
}

/**
 * `--cpu-shares` → cgroup v2 `cpu.weight`, as runc ≥ 1.3.2 and crun ≥ 1.23 convert it
 * (opencontainers/cgroups `ConvertCPUSharesToCgroupV2Value`): a quadratic in log2 chosen so
 * 2 → 1, 1024 → 100 and 262144 → 10000. 0 means "not set" (weight stays 100).
 */
export function sharesToWeight(shares: number): number {
  if (shares === 0) return 100;
  if (shares <= 2) return 1;
  if (shares >= 262144) return 10000;
  const l = Math.log2(shares);
  const exponent = (l * l + 125 * l) / 612 - 7 / 34;
  return Math.ceil(10 ** exponent);
}

/** Parses a cpuset list like `0-2,5`; undefined when malformed. */
export function parseCpuset(text: string): number[] | undefined {
  if (text.trim() === '') return undefined;
  const out = new Set<number>();
  for (const part of text.split(',')) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part.trim());
    if (!m) return undefined;
    const a = Number(m[1]);
    const b = m[2] === undefined ? a : Number(m[2]);
    if (b < a) return undefined;
    for (let i = a; i <= b; i++) out.add(i);
  }
  return [...out].sort((x, y) => x - y);
}

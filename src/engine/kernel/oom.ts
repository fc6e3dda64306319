/**
 * Memory accounting and the OOM killer. Charging memory walks the cgroup and its ancestors;
 * when a charge would cross `memory.max` (there is no page cache to reclaim and no swap on this
 * host), the cgroup is out of memory: `memory.events` counts `max` and `oom`, and the killer
 * picks the task with the highest badness inside that cgroup only — resident pages plus
 * oom_score_adj × limit / 1000 (mm/oom_kill.c oom_badness) — and SIGKILLs it (`oom_kill`).
 * The same happens host-wide when all memory is used.
 */
import type { Cgroup } from './cgroup.ts';
import type { Kernel } from './kernel.ts';
import type { Process } from './process.ts';
import { SIGNALS } from './signals.ts';

export function chargeMemory(kernel: Kernel, p: Process, bytes: number): void {
  for (let guard = 0; guard < 64; guard++) {
    const delta = bytes - p.rssBytes;
    if (delta <= 0 || !p.alive) {
      apply(p, Math.max(0, p.alive ? bytes : 0) - p.rssBytes);
      return;
    }
    const over = firstOverLimit(kernel, p.cgroup, delta);
    if (!over) {
      apply(p, delta);
      return;
    }
    // Charge what fits, then the limit is hit.
    const room = over.limit - over.used;
    if (room > 0) apply(p, room);
    if (over.cgroup) {
      over.cgroup.memoryEvents.max += 1;
      over.cgroup.memoryEvents.oom += 1;
      over.cgroup.touch();
    }
    const victim = pickVictim(kernel, over.cgroup, over.limit);
    if (!victim) return;
    for (const g of victim.cgroup.ancestorsAndSelf()) {
      if (over.cgroup && !isAncestorOrSelf(over.cgroup, g)) continue;
      g.memoryEvents.oom_kill += 1;
      g.touch();
      if (g === over.cgroup) break;
    }
    kernel.event('oom-kill', victim.containerId, victim.hostPid, victim.comm, victim.rssBytes);
    kernel.machine.onOomKill?.(victim);
    kernel.terminate(victim, { signal: SIGNALS.SIGKILL });
    if (victim === p) return;
  }
}

function apply(p: Process, delta: number): void {
  if (delta === 0) return;
  p.rssBytes += delta;
  for (const g of p.cgroup.ancestorsAndSelf()) {
    g.memoryCurrent = Math.max(0, g.memoryCurrent + delta);
    if (g.memoryCurrent > g.memoryPeak) g.memoryPeak = g.memoryCurrent;
  }
}

function firstOverLimit(kernel: Kernel, leaf: Cgroup, delta: number): { cgroup: Cgroup | null; limit: number; used: number } | null {
  for (const g of leaf.ancestorsAndSelf()) {
    if (g.memoryMax !== null && g.memoryCurrent + delta > g.memoryMax) return { cgroup: g, limit: g.memoryMax, used: g.memoryCurrent };
  }
  const root = kernel.cgroups.root;
  if (root.memoryCurrent + delta > kernel.memoryBytes) return { cgroup: null, limit: kernel.memoryBytes, used: root.memoryCurrent };
  return null;
}

function isAncestorOrSelf(a: Cgroup, b: Cgroup): boolean {
  for (const g of b.ancestorsAndSelf()) if (g === a) return true;
  return false;
}

function pickVictim(kernel: Kernel, scope: Cgroup | null, limit: number): Process | undefined {
  let best: Process | undefined;
  let bestPoints = -Infinity;
  for (const p of kernel.processes.values()) {
    if (!p.alive || p.oomScoreAdj <= -1000) continue;
    if (scope && !isAncestorOrSelf(scope, p.cgroup)) continue;
    if (!scope && p.hostPid === 1) continue;
    const points = p.rssBytes + (p.oomScoreAdj * limit) / 1000;
    if (points > bestPoints) {
      best = p;
      bestPoints = points;
    }
  }
  return best;
}

/**
 * Keeps the Processes diagram drawable when a container holds thousands of processes (a fork
 * bomb fills its scope up to the host's limit): past `max` processes in one PID namespace, the
 * rest are folded into one "+ N more sh processes" node. Pure: a process table in, a smaller one
 * out. It runs before ghosts are tracked, so thousands of departures cost nothing downstream.
 */
import type { ProcessView } from '../../engine/snapshot.ts';
import type { Table } from '../../store/index.ts';

/**
 * Per namespace box: this many processes are drawn, the rest are folded. Small, because a crowd
 * churns (a bomb's processes live milliseconds): every drawn one that dies re-lays the box.
 */
export const MAX_DRAWN_PER_CONTAINER = 8;
/** Id prefix of a folded node (`more:<container id>`). */
export const MORE_PREFIX = 'more:';

export interface Folded {
  /** How many processes the node stands for. */
  readonly count: number;
  /** Their most common command name (`sh`). */
  readonly comm: string;
}

export interface Capped {
  /** What to lay out and draw: a few processes of each crowded box, then its folded node. */
  readonly processes: Table<ProcessView>;
  /** Per folded node id. */
  readonly folded: ReadonlyMap<string, Folded>;
}

const NONE: ReadonlyMap<string, Folded> = new Map();

/**
 * For each container with more than `max` processes: its PID 1, the processes drawn last time
 * that still live (`sticky`, so a churning crowd does not re-lay the box every update), then the
 * lowest host PIDs up to `max`; and one stand-in record for the rest, hanging under PID 1.
 * Returns the input table itself when nothing needs folding, so memoised consumers see no change.
 */
export function capProcesses(processes: Table<ProcessView>, max = MAX_DRAWN_PER_CONTAINER, sticky: ReadonlySet<string> = new Set()): Capped {
  const counts = new Map<string, number>();
  for (const id in processes) {
    const c = processes[id]!.containerId;
    if (c) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let crowded: Set<string> | null = null;
  for (const [c, n] of counts) if (n > max) (crowded ??= new Set()).add(c);
  if (!crowded) return { processes, folded: NONE };

  const out: Record<string, ProcessView> = {};
  const byBox = new Map<string, ProcessView[]>();
  for (const id in processes) {
    const r = processes[id]!;
    if (r.containerId && crowded.has(r.containerId)) {
      let list = byBox.get(r.containerId);
      if (!list) byBox.set(r.containerId, (list = []));
      list.push(r);
    } else out[id] = r;
  }
  const folded = new Map<string, Folded>();
  for (const [containerId, list] of byBox) {
    const shown = new Set<ProcessView>();
    const init = list.find((r) => r.nsPid === 1);
    if (init) shown.add(init);
    for (const r of list) if (shown.size < max && sticky.has(r.id)) shown.add(r);
    if (shown.size < max) {
      const rest = list.filter((r) => !shown.has(r)).sort((a, b) => a.hostPid - b.hostPid);
      for (const r of rest) {
        if (shown.size >= max) break;
        shown.add(r);
      }
    }
    const comms = new Map<string, number>();
    for (const r of list) if (!shown.has(r)) comms.set(r.comm, (comms.get(r.comm) ?? 0) + 1);
    const comm = [...comms].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
    const parent = init ?? [...shown].sort((a, b) => a.hostPid - b.hostPid)[0]!;
    for (const r of shown) out[r.id] = r;
    const id = `${MORE_PREFIX}${containerId}`;
    folded.set(id, { count: list.length - shown.size, comm });
    // Stable fields only (the last host PID, under PID 1): the crowd's churn never moves the node.
    out[id] = { ...parent, id, rev: 0, hostPid: Number.MAX_SAFE_INTEGER, ppid: parent.hostPid, nsPid: null, comm, args: '', state: 'S', launcherPid: null };
  }
  return { processes: out, folded };
}

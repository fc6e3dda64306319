import { describe, expect, it } from 'vitest';
import type { ProcessView } from '../../engine/snapshot.ts';
import { FIXTURE_PROCESSES, HOG_ID } from '../../store/fixtures.ts';
import { capProcesses, MORE_PREFIX } from './aggregate.ts';
import { layoutProcesses } from './layout.ts';

const table = (records: readonly ProcessView[]) => Object.fromEntries(records.map((r) => [r.id, r]));
const INIT = FIXTURE_PROCESSES.find((p) => p.containerId === HOG_ID && p.nsPid === 1)!;

/** The hog container's PID 1 with `n` forked `sh` processes, as a fork bomb leaves it. */
function bomb(n: number, from = 50_000): ProcessView[] {
  const kids = Array.from({ length: n }, (_, i): ProcessView => ({
    ...INIT, id: `p${from + i}`, hostPid: from + i, ppid: i === 0 ? INIT.hostPid : from + Math.floor((i - 1) / 2), nsPid: 100 + i, comm: 'sh', args: 'sh -c bomb',
  }));
  return [...FIXTURE_PROCESSES, ...kids];
}

describe('capProcesses', () => {
  it('returns the very same table when no box is crowded', () => {
    const t = table(FIXTURE_PROCESSES);
    const capped = capProcesses(t);
    expect(capped.processes).toBe(t);
    expect(capped.folded.size).toBe(0);
  });

  it('folds a 5,000-process box into PID 1, the lowest PIDs and one stand-in that counts the rest', () => {
    const records = bomb(5000);
    const inBox = records.filter((r) => r.containerId === HOG_ID).length;
    const capped = capProcesses(table(records), 30);
    const drawn = Object.values(capped.processes).filter((r) => r.containerId === HOG_ID);
    expect(drawn).toHaveLength(31);
    expect(drawn.some((r) => r.id === INIT.id)).toBe(true);
    expect(capped.folded.get(`${MORE_PREFIX}${HOG_ID}`)).toEqual({ count: inBox - 30, comm: 'sh' });
    // Other boxes and the host are untouched.
    for (const r of FIXTURE_PROCESSES.filter((p) => p.containerId !== HOG_ID)) expect(capped.processes[r.id]).toBe(r);
    // The stand-in hangs under PID 1 of its box.
    expect(capped.processes[`${MORE_PREFIX}${HOG_ID}`]!.ppid).toBe(INIT.hostPid);
  });

  it('keeps drawing the processes it drew last time while they live, so a churning crowd stays put', () => {
    const first = capProcesses(table(bomb(500)), 10);
    const drawnBefore = new Set(Object.keys(first.processes));
    // The crowd churns: 200 processes with lower host PIDs come; none of those drawn leave.
    const churned = table([...bomb(500), ...bomb(200, 10_000).slice(FIXTURE_PROCESSES.length)]);
    const second = capProcesses(churned, 10, drawnBefore);
    expect(Object.keys(second.processes).sort()).toEqual([...drawnBefore].sort());
    // Without that memory, the lowest PIDs would have taken their places.
    expect(Object.keys(capProcesses(churned, 10).processes).sort()).not.toEqual([...drawnBefore].sort());
    expect(second.processes[`${MORE_PREFIX}${HOG_ID}`]).toEqual(first.processes[`${MORE_PREFIX}${HOG_ID}`]);
  });

  it('gives the layout one node per folded crowd instead of thousands', () => {
    const capped = capProcesses(table(bomb(5000)));
    const layout = layoutProcesses(Object.values(capped.processes));
    expect(Object.keys(layout.processes)).toHaveLength(Object.keys(capped.processes).length);
    expect(Object.keys(capped.processes).length).toBeLessThanOrEqual(FIXTURE_PROCESSES.length + 31);
  });
});

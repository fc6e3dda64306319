import { describe, expect, it } from 'vitest';
import { fixtureSnapshot, oomKillPatch } from '../../store/fixtures.ts';
import { GHOST_MS, KILLED_GHOST_MS, MAX_HOLD_MS, batchExpiry, killMarks, nextExpiry, pruneGhosts, trackDepartures } from './departures.ts';

const before = fixtureSnapshot().processes;
const { p2437: _killed, p2354: _gone, ...after } = before;

describe('departures', () => {
  it('turns removed processes into ghosts, once', () => {
    const ghosts = trackDepartures(before, after, new Map(), 1000);
    expect([...ghosts.keys()].sort()).toEqual(['p2354', 'p2437']);
    expect(ghosts.get('p2437')!.record).toBe(before.p2437);
    expect(trackDepartures(after, after, ghosts, 2000)).toBe(ghosts);
  });

  it('marks the OOM-killed process and keeps it longer than a plain exit', () => {
    const marks = killMarks([...fixtureSnapshot().events, ...oomKillPatch(1).events!]);
    expect(marks.get(2437)).toEqual({ kind: 'oom' });
    const ghosts = trackDepartures(before, after, new Map(), 0);
    // they leave as one batch, when the killed one is due: nothing re-lays out mid-teardown
    expect(batchExpiry(ghosts, marks, false)).toBe(KILLED_GHOST_MS);
    expect(pruneGhosts(ghosts, marks, GHOST_MS, false)).toBe(ghosts);
    expect(pruneGhosts(ghosts, marks, KILLED_GHOST_MS, false).size).toBe(0);
  });

  it('lets a plain exit go on its own time when nothing else is leaving', () => {
    const { p2354: _only, ...rest } = before;
    const ghosts = trackDepartures(before, rest, new Map(), 0);
    expect(nextExpiry(ghosts, new Map(), false)).toBe(GHOST_MS);
    expect(pruneGhosts(ghosts, new Map(), GHOST_MS, false).size).toBe(0);
  });

  it('does not hold a ghost forever while new departures keep coming', () => {
    const marks = killMarks(oomKillPatch(1).events!);
    const old = trackDepartures(before, after, new Map(), 0);
    const { p2353: _late, ...fewer } = after;
    const ghosts = trackDepartures(after, fewer, old, GHOST_MS + MAX_HOLD_MS - 400); // keeps the batch going
    const pruned = pruneGhosts(ghosts, marks, GHOST_MS + MAX_HOLD_MS, false);
    expect(pruned.has('p2354')).toBe(false);
    expect(pruned.has('p2353')).toBe(true);
  });

  it('does not linger on plain exits under reduced motion, but still shows a kill', () => {
    const marks = killMarks(oomKillPatch(1).events!);
    const { p2354: _only, ...rest } = before;
    expect(pruneGhosts(trackDepartures(before, rest, new Map(), 0), marks, 0, true).size).toBe(0);
    const ghosts = trackDepartures(before, after, new Map(), 0);
    expect(batchExpiry(ghosts, marks, true)).toBe(KILLED_GHOST_MS);
  });

  it('prefers an OOM kill over a later signal for the same PID', () => {
    const marks = killMarks([
      { seq: 1, t: 0, kind: 'oom-kill', containerId: null, hostPid: 5, comm: 'x', value: 9 },
      { seq: 2, t: 0, kind: 'signal', containerId: null, hostPid: 5, comm: 'x', value: 9 },
      { seq: 3, t: 0, kind: 'signal', containerId: null, hostPid: 6, comm: 'y', value: 15 },
    ]);
    expect(marks.get(5)).toEqual({ kind: 'oom' });
    expect(marks.get(6)).toEqual({ kind: 'signal', signal: 15 });
  });
});

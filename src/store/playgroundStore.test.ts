import { describe, expect, it, vi } from 'vitest';
import type { ClientMessage, HostMessage, SnapshotPatch } from '../worker/protocol.ts';
import type { KernelEvent } from '../engine/snapshot.ts';
import { createPlaygroundStore, subscribeSelected } from './playgroundStore.ts';
import { HOG_ID, WEB_ID, cgroupOf, fixtureGauges, fixtureSnapshot, hogExitPatch, oomKillPatch } from './fixtures.ts';
import { LOG_LIMIT } from './tables.ts';

function setup() {
  const sent: ClientMessage[] = [];
  const store = createPlaygroundStore({ send: (m) => sent.push(m) });
  const receive = (m: HostMessage) => store.getState().receive(m);
  receive({ type: 'welcome', v: 1, seq: 10, snapshot: fixtureSnapshot(), speed: 2 });
  return { store, sent, receive };
}

const patch = (seq: number, p: Partial<SnapshotPatch>): HostMessage => ({ type: 'patch', seq, patch: { put: {}, remove: {}, ...p } });

describe('welcome', () => {
  it('loads the snapshot, seq and speed', () => {
    const { store } = setup();
    const s = store.getState();
    expect(s.connection).toBe('ready');
    expect(s.seq).toBe(10);
    expect(s.speed).toBe(2);
    expect(Object.keys(s.processes)).toHaveLength(12);
    expect(s.containers[WEB_ID]!.name).toBe('web');
    expect(s.host?.apiVersion).toBe('1.51');
  });

  it('ignores patches that arrive before it', () => {
    const store = createPlaygroundStore();
    store.getState().receive(patch(1, { remove: { processes: ['p1'] } }));
    expect(store.getState().connection).toBe('connecting');
    expect(store.getState().seq).toBe(0);
  });
});

describe('patch', () => {
  it('applies puts and removes, keeping unchanged records and tables identical', () => {
    const { store, receive } = setup();
    const before = store.getState();
    const master = before.processes.p2324!;
    receive(patch(11, { put: { processes: [{ ...master, rev: 2, state: 'R' }] }, remove: { processes: ['p2354'] } }));
    const after = store.getState();
    expect(after.seq).toBe(11);
    expect(after.processes).not.toBe(before.processes);
    expect(after.processes.p2324!.state).toBe('R');
    expect(after.processes.p2354).toBeUndefined();
    expect(after.processes.p2351).toBe(before.processes.p2351); // untouched record: same object
    expect(after.containers).toBe(before.containers); // untouched tables: same object
    expect(after.cgroups).toBe(before.cgroups);
    expect(after.images).toBe(before.images);
  });

  it('keeps the old object when a put carries the same rev', () => {
    const { store, receive } = setup();
    const before = store.getState();
    receive(patch(11, { put: { processes: [{ ...before.processes.p1! }] }, remove: { processes: ['p-unknown'] } }));
    const after = store.getState();
    expect(after.processes).toBe(before.processes);
    expect(after.seq).toBe(11);
  });

  it('adds new records and keys cgroups by path', () => {
    const { store, receive } = setup();
    const { cgroups } = store.getState();
    receive(patch(11, { put: { cgroups: [{ ...cgroups[cgroupOf(HOG_ID)]!, rev: 5, pidsMax: 20 }] } }));
    expect(store.getState().cgroups[cgroupOf(HOG_ID)]!.pidsMax).toBe(20);
    expect(store.getState().cgroups[cgroupOf(WEB_ID)]).toBe(cgroups[cgroupOf(WEB_ID)]);
  });

  it('replaces the host and appends events and API calls', () => {
    const { store, receive } = setup();
    receive(patch(11, oomKillPatch(103_000)));
    const s = store.getState();
    expect(s.host?.now).toBe(103_000);
    expect(s.events.at(-1)?.kind).toBe('oom-kill');
    expect(s.events).toHaveLength(3);
  });

  it('bounds the event log', () => {
    const { store, receive } = setup();
    const many: KernelEvent[] = Array.from({ length: LOG_LIMIT + 50 }, (_, i) => ({
      seq: 100 + i, t: i, kind: 'signal', containerId: null, hostPid: 1, comm: 'x', value: 15,
    }));
    receive(patch(11, { events: many }));
    const { events } = store.getState();
    expect(events).toHaveLength(LOG_LIMIT);
    expect(events.at(-1)!.seq).toBe(100 + LOG_LIMIT + 49);
  });

  it('ignores repeated and old seqs', () => {
    const { store, receive, sent } = setup();
    receive(patch(11, { remove: { processes: ['p2354'] } }));
    const after11 = store.getState();
    receive(patch(11, { remove: { processes: ['p2353'] } }));
    receive(patch(7, { remove: { processes: ['p2352'] } }));
    expect(store.getState()).toBe(after11);
    expect(sent).toEqual([]);
  });
});

describe('seq gaps', () => {
  it('asks for a resync once, drops patches until the snapshot, then carries on', () => {
    const { store, receive, sent } = setup();
    const before = store.getState();
    receive(patch(13, { remove: { processes: ['p2354'] } })); // 11 and 12 were lost
    expect(sent).toEqual([{ type: 'resync' }]);
    expect(store.getState().connection).toBe('resyncing');
    expect(store.getState().processes.p2354).toBeDefined();

    receive(patch(14, { remove: { processes: ['p2353'] } }));
    expect(sent).toHaveLength(1);
    expect(store.getState().processes.p2353).toBeDefined();

    const fresh = fixtureSnapshot();
    const { p2354: _gone, ...processes } = fresh.processes;
    receive({ type: 'snapshot', seq: 20, snapshot: { ...fresh, processes } });
    const s = store.getState();
    expect(s.connection).toBe('ready');
    expect(s.seq).toBe(20);
    expect(s.processes.p2354).toBeUndefined();
    expect(s.processes.p2324).toBe(before.processes.p2324); // same rev: identity survives the resync
    expect(s.containers).toBe(before.containers);
    expect(s.events).toBe(before.events);

    receive(patch(21, { remove: { processes: ['p2353'] } }));
    expect(store.getState().processes.p2353).toBeUndefined();
  });
});

describe('narration', () => {
  it('narrates the OOM kill and the container dying, with names resolved', () => {
    const { store, receive } = setup();
    receive(patch(11, oomKillPatch(103_000)));
    const first = store.getState().narration!;
    expect(first.items).toEqual([{ kind: 'oom-kill', name: 'hog', comm: 'stress', pid: 2437 }]);
    receive(patch(12, hogExitPatch(103_500)));
    const second = store.getState().narration!;
    expect(second.batch).toBeGreaterThan(first.batch);
    expect(second.items).toEqual([{ kind: 'exited', name: 'hog', code: 1 }]); // pid1-exit folds into the die
  });

  it('narrates containers created and removed, folding "created" into "started"', () => {
    const { store, receive } = setup();
    const db = { ...store.getState().containers[WEB_ID]!, id: 'c0ffee', name: 'db', status: 'created' as const };
    receive(patch(11, { put: { containers: [db] } }));
    expect(store.getState().narration!.items).toEqual([{ kind: 'created', name: 'db' }]);
    const cache = { ...db, id: 'cafe', name: 'cache' };
    receive(patch(12, {
      put: { containers: [cache] },
      events: [{ seq: 9, t: 1, kind: 'container-start', containerId: 'cafe', hostPid: 3000, comm: 'redis-server', value: null }],
    }));
    expect(store.getState().narration!.items).toEqual([{ kind: 'started', name: 'cache' }]);
    receive(patch(13, { remove: { containers: ['c0ffee'] } }));
    expect(store.getState().narration!.items).toEqual([{ kind: 'removed', name: 'db' }]);
  });

  it('narrates a --rm container that came and went within one patch by the name its die event carries', () => {
    const { store, receive } = setup();
    receive(patch(11, {
      events: [
        { seq: 9, t: 1, kind: 'container-start', containerId: 'beef', hostPid: 3100, comm: 'cat', value: null },
        { seq: 10, t: 2, kind: 'container-die', containerId: 'beef', hostPid: null, comm: 'quick_run', value: 0 },
      ],
    }));
    expect(store.getState().narration!.items).toEqual([{ kind: 'exited', name: 'quick_run', code: 0 }]);
  });

  it('keeps the previous narration when a patch says nothing new', () => {
    const { store, receive } = setup();
    receive(patch(11, oomKillPatch(103_000)));
    const narration = store.getState().narration;
    receive(patch(12, { host: { ...store.getState().host!, now: 104_000 } }));
    expect(store.getState().narration).toBe(narration);
  });
});

describe('gauges', () => {
  it('lives in its own slice and leaves the engine tables alone', () => {
    const { store, receive } = setup();
    const before = store.getState();
    const sample = fixtureGauges(50 * 1024 * 1024, 101_000);
    receive({ type: 'gauges', t: 101_000, ...sample });
    const after = store.getState();
    expect(after.gauges.t).toBe(101_000);
    expect(after.gauges.containers[HOG_ID]!.memoryBytes).toBe(50 * 1024 * 1024);
    expect(after.gauges.processes[2437]!.cpuPercent).toBeGreaterThan(40);
    expect(after.processes).toBe(before.processes);
    expect(after.containers).toBe(before.containers);
    expect(after.seq).toBe(before.seq);
  });

  it('merges partial samples: the host sends only what changed', () => {
    const { store, receive } = setup();
    receive({ type: 'gauges', t: 1, ...fixtureGauges(41 * 1024 * 1024) });
    const webSample = store.getState().gauges.containers[WEB_ID];
    const hog = { ...store.getState().gauges.containers[HOG_ID]!, memoryBytes: 50 * 1024 * 1024 };
    receive({ type: 'gauges', t: 2, containers: [hog], processes: [] });
    const g = store.getState().gauges;
    expect(g.t).toBe(2);
    expect(g.containers[HOG_ID]!.memoryBytes).toBe(50 * 1024 * 1024);
    expect(g.containers[WEB_ID]).toBe(webSample); // untouched sample: same object
    expect(g.processes[2437]).toBeDefined();
  });

  it('drops samples of containers and processes that are gone', () => {
    const { store, receive } = setup();
    receive({ type: 'gauges', t: 1, ...fixtureGauges(41 * 1024 * 1024) });
    receive(patch(11, oomKillPatch(103_000)));
    expect(store.getState().gauges.processes[2437]).toBeUndefined();
    expect(store.getState().gauges.containers[HOG_ID]).toBeDefined();
    receive(patch(12, { remove: { containers: [HOG_ID], processes: ['p2431', 'p2410'] } }));
    expect(store.getState().gauges.containers[HOG_ID]).toBeUndefined();
    expect(store.getState().gauges.containers[WEB_ID]).toBeDefined();
  });

  it('feeds transient subscribers only when their selection changes', () => {
    const { store, receive } = setup();
    const seen: number[] = [];
    const stop = subscribeSelected(store, (s) => s.gauges.containers[HOG_ID]?.memoryBytes ?? 0, (v) => seen.push(v));
    receive({ type: 'gauges', t: 1, ...fixtureGauges(41) });
    receive({ type: 'gauges', t: 2, ...fixtureGauges(41) });
    receive({ type: 'gauges', t: 3, ...fixtureGauges(42) });
    store.getState().select({ kind: 'process', id: 'p1' });
    stop();
    receive({ type: 'gauges', t: 4, ...fixtureGauges(43) });
    expect(seen).toEqual([41, 42]);
  });
});

describe('ui slice and host messages', () => {
  it('asks for a speed and follows the host', () => {
    const { store, sent, receive } = setup();
    store.getState().setSpeed(0);
    expect(sent).toEqual([{ type: 'setSpeed', speed: 0 }]);
    expect(store.getState().speed).toBe(0);
    receive({ type: 'speed', speed: 10 });
    expect(store.getState().speed).toBe(10);
  });

  it('does not notify when selecting the same thing again', () => {
    const { store } = setup();
    const listener = vi.fn();
    store.getState().select({ kind: 'process', id: 'p2324' });
    const unsubscribe = store.subscribe(listener);
    store.getState().select({ kind: 'process', id: 'p2324' });
    store.getState().setLang('en');
    expect(listener).not.toHaveBeenCalled();
    store.getState().setLang('pt-BR');
    expect(listener).toHaveBeenCalledTimes(1);
    unsubscribe();
  });

  it('records a version mismatch and a fatal error as problems', () => {
    const store = createPlaygroundStore();
    store.getState().receive({ type: 'version-mismatch', expected: 1, got: 2 });
    expect(store.getState().problem).toEqual({ kind: 'mismatch', expected: 1, got: 2 });
    store.getState().receive({ type: 'fatal', message: 'boom' });
    expect(store.getState().connection).toBe('fatal');
  });

  it('ignores terminal output and run replies', () => {
    const { store, receive } = setup();
    const before = store.getState();
    receive({ type: 'output', data: 'x' });
    receive({ type: 'done', id: 1, exitCode: 0 });
    expect(store.getState()).toBe(before);
  });
});

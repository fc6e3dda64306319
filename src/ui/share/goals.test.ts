/**
 * Record's goal picker and the viewer's checklist, the pure parts: the catalog grouped by lesson,
 * filtering by words, picking within the format's limit, resolving a scenario's ids, latching
 * against real engine worlds through the playground store, and the goals saved next to the session.
 */
import { describe, expect, it } from 'vitest';
import { runLines } from '../../engine/sim.ts';
import { LESSONS } from '../../lessons/catalog.ts';
import { goalByRef, goalRef } from '../../lessons/scenario.ts';
import { LIMITS, parseScenario } from '../../scenario/format.ts';
import { createPlaygroundStore } from '../../store/index.ts';
import { PROTOCOL_VERSION } from '../../worker/protocol.ts';
import { allRefs, filterGroups, fold, goalGroups, latchGoals, metNow, resolveGoals, togglePick } from './goalPicking.ts';
import { clearGoals, copyGoals, getScenarioGoals, GOALS_KEY, loadGoals, moveGoals, PREVIOUS_GOALS_KEY, restoreGoals, saveGoals, saveMetGoals, startGoals } from './goalsStorage.ts';
import { createScenarioGoalsStore, watchScenarioGoals } from './scenarioGoalsStore.ts';
import type { SessionStorage } from './session.ts';

class MemoryStorage implements SessionStorage {
  readonly map = new Map<string, string>();
  getItem = (k: string) => this.map.get(k) ?? null;
  setItem = (k: string, v: string) => void this.map.set(k, v);
  removeItem = (k: string) => void this.map.delete(k);
}

const groups = goalGroups(LESSONS);
const refs = allRefs(groups);
const refsOf = (gs: ReturnType<typeof filterGroups>) => gs.flatMap((g) => g.goals.map((o) => o.ref));

const NGINX = 'what-is-a-container.nginx-running';
const TOP = 'what-is-a-container.looked-at-processes';
const TWO = 'what-is-a-container.two-objects';
const KILLED = 'namespaces.pid1-killed';

describe('the goal catalog', () => {
  it('lists every lesson’s goals under the lesson, in map order, with the scenario format’s ids', () => {
    expect(groups.map((g) => g.lessonId)).toEqual([...LESSONS].sort((a, b) => a.order - b.order).map((l) => l.id));
    for (const lesson of LESSONS) {
      const group = groups.find((g) => g.lessonId === lesson.id)!;
      expect(group.title).toBe(lesson.title);
      expect(group.goals.map((o) => o.ref)).toEqual(lesson.goals.map((goal) => goalRef(lesson, goal)));
    }
    expect(new Set(refs).size).toBe(refs.length);
    for (const ref of refs) expect(goalByRef(ref)).toBeDefined();
    // Every id is one a link may carry.
    expect(() => parseScenario({ v: 1, title: '', lang: 'en', host: { cpus: 4, memory: 8 * 1024 ** 3, seed: 1 }, files: {}, steps: [], goals: refs.slice(0, LIMITS.goals) })).not.toThrow();
  });

  it('finds goals by every word typed, in the goal, its lesson’s title or its id, accents optional', () => {
    expect(refsOf(filterGroups(groups, '   ', 'en'))).toEqual(refs);
    const top = refsOf(filterGroups(groups, 'DOCKER top', 'en'));
    expect(top).toContain(TOP);
    expect(top).not.toContain(NGINX);
    for (const ref of top) {
      const o = groups.flatMap((g) => g.goals).find((x) => x.ref === ref)!;
      expect(fold(`${o.goal.text.en} ${o.lessonTitle.en} ${ref}`)).toMatch(/docker[\s\S]*top|top[\s\S]*docker/);
    }
    // A lesson's title brings all its goals; the other language's words do not match.
    const ns = filterGroups(groups, 'namespaces', 'en').find((g) => g.lessonId === 'namespaces');
    expect(ns?.goals.map((o) => o.ref)).toEqual(LESSONS.find((l) => l.id === 'namespaces')!.goals.map((g) => `namespaces.${g.id}`));
    expect(refsOf(filterGroups(groups, 'conteiner nginx rodando', 'pt-BR'))).toContain(NGINX);
    expect(refsOf(filterGroups(groups, 'rodando', 'en'))).toEqual([]);
    expect(filterGroups(groups, 'zzz-nothing', 'en')).toEqual([]);
  });
});

describe('picking goals', () => {
  it('keeps the catalog’s order and never repeats a goal', () => {
    let picked: readonly string[] = [];
    picked = togglePick(picked, KILLED, true, refs);
    picked = togglePick(picked, NGINX, true, refs);
    expect(picked).toEqual([NGINX, KILLED]);
    expect(togglePick(picked, NGINX, true, refs)).toBe(picked);
    expect(togglePick(picked, TOP, false, refs)).toBe(picked);
    expect(togglePick(picked, NGINX, false, refs)).toEqual([KILLED]);
  });

  it('refuses one past the limit, and frees a place when one is dropped', () => {
    const two = togglePick(togglePick([], NGINX, true, refs, 2), TOP, true, refs, 2);
    expect(two).toEqual([NGINX, TOP]);
    expect(togglePick(two, TWO, true, refs, 2)).toBe(two);
    expect(togglePick(togglePick(two, NGINX, false, refs, 2), TWO, true, refs, 2)).toEqual([TOP, TWO]);
    // The real limit: the format's.
    let all: readonly string[] = [];
    for (const ref of refs) all = togglePick(all, ref, true, refs);
    expect(all.length).toBe(Math.min(refs.length, LIMITS.goals));
  });

  it('keeps ids the catalog does not know after the known ones', () => {
    expect(togglePick(['later.goal'], NGINX, true, refs)).toEqual([NGINX, 'later.goal']);
  });
});

describe('the viewer’s checklist', () => {
  const world = (lines: string[]) => runLines(lines, { timeoutMs: 5_000 }).engine.snapshot();

  it('resolves a scenario’s ids, setting apart the ones it does not know', () => {
    const { known, unknown } = resolveGoals([TOP, 'no.such-goal', NGINX, TOP], groups);
    expect(known.map((o) => o.ref)).toEqual([TOP, NGINX]);
    expect(unknown).toEqual(['no.such-goal']);
  });

  it('latches what the world meets, never un-ticks, leaves the rest unmet', () => {
    const { known } = resolveGoals([NGINX, TOP, TWO], groups);
    expect(metNow(known, world([]))).toEqual([]);
    const web = world(['docker run -d --name web nginx']);
    const one = latchGoals([], known, web);
    expect(one).toEqual([NGINX]);
    expect(latchGoals(one, known, web)).toBe(one);
    // The container is gone and docker top was asked: nginx-running stays, top joins, two-objects never met.
    const later = world(['docker run -d --name web nginx', 'docker top web', 'docker rm -f web']);
    expect(metNow(known, later)).toEqual([TOP]);
    expect(latchGoals(one, known, later)).toEqual([NGINX, TOP]);
  });

  it('ticks live from the playground store, announces each tick and reports it to be saved', () => {
    const playground = createPlaygroundStore();
    const saved: (readonly string[])[] = [];
    const goals = createScenarioGoalsStore([NGINX, TOP, TWO], [], groups, (met) => saved.push(met));
    const stop = watchScenarioGoals(playground, goals);
    let seq = 1;
    playground.getState().receive({ type: 'welcome', v: PROTOCOL_VERSION, seq: seq++, snapshot: runLines([]).engine.snapshot(), speed: 1 });
    expect(goals.getState().met).toEqual([]);
    expect(goals.getState().announcement).toBeNull();

    const feed = (lines: string[]) => playground.getState().receive({ type: 'snapshot', seq: seq++, snapshot: runLines(lines).engine.snapshot() });
    feed(['docker run -d --name web nginx']);
    expect(goals.getState().met).toEqual([NGINX]);
    expect(goals.getState().announcement).toEqual({ seq: 1, ref: NGINX });
    feed(['docker run -d --name web nginx', 'docker top web']);
    expect(goals.getState().met).toEqual([NGINX, TOP]);
    expect(goals.getState().announcement).toEqual({ seq: 2, ref: TOP });
    expect(saved).toEqual([[NGINX], [NGINX, TOP]]);
    stop();
    feed(['docker run -d --name web nginx', 'docker run -d --name web2 nginx']);
    expect(goals.getState().met).toEqual([NGINX, TOP]); // no longer watching
  });

  it('starts from the goals a reload saved, in the scenario’s order', () => {
    const goals = createScenarioGoalsStore([TWO, NGINX], [NGINX, 'no.such-goal'], groups);
    expect(goals.getState().met).toEqual([NGINX]);
    expect(goals.getState().options.map((o) => o.ref)).toEqual([TWO, NGINX]);
  });
});

describe('the goals saved next to the session', () => {
  it('are written when a link with goals opens, and removed by one without', () => {
    const storage = new MemoryStorage();
    startGoals(storage, [NGINX, TOP, NGINX]);
    expect(getScenarioGoals()).toEqual({ v: 1, goals: [NGINX, TOP], met: [] });
    expect(loadGoals(storage)).toEqual({ v: 1, goals: [NGINX, TOP], met: [] });
    saveMetGoals(storage, [TOP, 'other.goal']);
    expect(loadGoals(storage)?.met).toEqual([TOP]);
    startGoals(storage, undefined);
    expect(getScenarioGoals()).toBeNull();
    expect(storage.map.has(GOALS_KEY)).toBe(false);
  });

  it('come back on a reload, go with Reset sandbox, and are not saved once gone', () => {
    const storage = new MemoryStorage();
    saveGoals(storage, [NGINX], [NGINX]);
    restoreGoals(storage);
    expect(getScenarioGoals()).toEqual({ v: 1, goals: [NGINX], met: [NGINX] });
    clearGoals(storage);
    expect(getScenarioGoals()).toBeNull();
    saveMetGoals(storage, [NGINX]); // a late tick after the reset
    expect(storage.map.has(GOALS_KEY)).toBe(false);
  });

  it('move aside with the learner’s own session and back', () => {
    const storage = new MemoryStorage();
    saveGoals(storage, [TOP], []);
    moveGoals(storage, GOALS_KEY, PREVIOUS_GOALS_KEY);
    expect(loadGoals(storage)).toBeNull();
    expect(loadGoals(storage, PREVIOUS_GOALS_KEY)?.goals).toEqual([TOP]);
    moveGoals(storage, PREVIOUS_GOALS_KEY, GOALS_KEY);
    expect(loadGoals(storage)?.goals).toEqual([TOP]);
    expect(storage.map.has(PREVIOUS_GOALS_KEY)).toBe(false);
  });

  it('are copied with a branch kept aside (the same session), and copying none clears the copy', () => {
    const storage = new MemoryStorage();
    saveGoals(storage, [NGINX, TOP], [NGINX]);
    copyGoals(storage, GOALS_KEY, PREVIOUS_GOALS_KEY);
    expect(loadGoals(storage, PREVIOUS_GOALS_KEY)).toEqual({ v: 1, goals: [NGINX, TOP], met: [NGINX] });
    expect(loadGoals(storage)?.goals).toEqual([NGINX, TOP]);
    saveGoals(storage, []);
    copyGoals(storage, GOALS_KEY, PREVIOUS_GOALS_KEY);
    expect(storage.map.has(PREVIOUS_GOALS_KEY)).toBe(false);
  });

  it('anything malformed counts as none', () => {
    const storage = new MemoryStorage();
    for (const bad of ['nope', '[]', '{"v":2,"goals":["a.b"],"met":[]}', '{"v":1,"goals":[],"met":[]}', '{"v":1,"goals":["Bad Id"],"met":[]}', `{"v":1,"goals":${JSON.stringify(Array.from({ length: LIMITS.goals + 1 }, (_, i) => `a.g${i}`))},"met":[]}`]) {
      storage.setItem(GOALS_KEY, bad);
      expect(loadGoals(storage)).toBeNull();
    }
    storage.setItem(GOALS_KEY, JSON.stringify({ v: 1, goals: [NGINX], met: [NGINX, TOP, 3] }));
    expect(loadGoals(storage)?.met).toEqual([NGINX]);
    expect(loadGoals(null)).toBeNull();
  });
});

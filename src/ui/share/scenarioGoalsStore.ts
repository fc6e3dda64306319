/**
 * The viewer's checklist state, outside React: the goals a shared scenario carries (resolved to
 * the lessons' predicates), the ids latched so far and the latest tick to announce.
 * `watchScenarioGoals` evaluates the same predicates as the Lessons panel against the playground
 * store on every change and latches what is met (never un-ticks).
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { PlaygroundStore } from '../../store/index.ts';
import { latchGoals, resolveGoals, type GoalGroup, type GoalOption } from './goalPicking.ts';

export interface ScenarioGoalsState {
  readonly options: readonly GoalOption[];
  /** Ids the catalog does not know (a link from a newer playground). */
  readonly unknown: readonly string[];
  /** Latched ids, in `options` order. */
  readonly met: readonly string[];
  /** The last goal met, for the aria-live line (`seq` makes each tick announce). */
  readonly announcement: { readonly seq: number; readonly ref: string } | null;
  readonly latch: (world: Parameters<GoalOption['goal']['met']>[0]) => void;
}

export type ScenarioGoalsStore = StoreApi<ScenarioGoalsState>;

/**
 * `refs`: the scenario's goal ids; `met`: those already latched (a reload); `onMet` is told the
 * latched ids whenever they grow (to save them next to the session).
 */
export function createScenarioGoalsStore(refs: readonly string[], met: readonly string[], groups: readonly GoalGroup[], onMet?: (met: readonly string[]) => void): ScenarioGoalsStore {
  const { known, unknown } = resolveGoals(refs, groups);
  const ids = new Set(met);
  return createStore<ScenarioGoalsState>()((set, get) => ({
    options: known,
    unknown,
    met: known.map((o) => o.ref).filter((ref) => ids.has(ref)),
    announcement: null,
    latch: (world) => {
      const { met: before, options, announcement } = get();
      const after = latchGoals(before, options, world);
      if (after === before) return;
      const newest = after.filter((ref) => !before.includes(ref)).at(-1)!;
      set({ met: after, announcement: { seq: (announcement?.seq ?? 0) + 1, ref: newest } });
      onMet?.(after);
    },
  }));
}

/** Latches the scenario's goals as the playground store changes; returns how to stop. */
export function watchScenarioGoals(playground: PlaygroundStore, goals: ScenarioGoalsStore): () => void {
  const check = () => goals.getState().latch(playground.getState());
  const stop = playground.subscribe((state, previous) => {
    if (state.seq !== previous.seq) check();
  });
  check();
  return stop;
}

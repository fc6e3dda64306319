/**
 * The goals a shared scenario carries, kept next to the sandbox session they belong to: written
 * when a link with goals is opened, latched goals added as the session meets them, read back on a
 * reload, cleared by Reset sandbox (and kept aside with the learner's own session while a link
 * plays). Small and content-free, so it sits in the initial bundle; the goals themselves (text,
 * predicates) load lazily with the checklist (ScenarioGoals.tsx).
 */
import { useSyncExternalStore } from 'react';
import { LIMITS } from '../../scenario/format.ts';
import type { SessionStorage } from './session.ts';

export const GOALS_KEY = 'container-playground.session.v1.goals';
/** The goals of the learner's own sandbox while a shared link's session takes its place. */
export const PREVIOUS_GOALS_KEY = 'container-playground.session.v1.goals.previous';

export interface SavedGoals {
  readonly v: 1;
  /** Goal ids (`<lesson>.<goal>`), in the scenario's order. */
  readonly goals: readonly string[];
  /** The ids already met (latched: a goal met once stays met). */
  readonly met: readonly string[];
}

const isGoalId = (v: unknown): v is string => typeof v === 'string' && v.length <= LIMITS.goal && /^[a-z0-9][a-z0-9.-]*$/.test(v);

/** Reads the saved goals; anything malformed counts as none. */
export function loadGoals(storage: SessionStorage | null, key = GOALS_KEY): SavedGoals | null {
  let data: unknown;
  try {
    const text = storage?.getItem(key);
    if (!text) return null;
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof data !== 'object' || data === null) return null;
  const s = data as Partial<SavedGoals>;
  if (s.v !== 1 || !Array.isArray(s.goals) || !Array.isArray(s.met)) return null;
  if (!s.goals.length || s.goals.length > LIMITS.goals || !s.goals.every(isGoalId)) return null;
  const goals = [...new Set(s.goals)];
  return { v: 1, goals, met: s.met.filter((id): id is string => isGoalId(id) && goals.includes(id)) };
}

/** Saves the goals (an empty list removes them). Storage errors are swallowed: the goals then live for this visit only. */
export function saveGoals(storage: SessionStorage | null, goals: readonly string[], met: readonly string[] = [], key = GOALS_KEY): void {
  try {
    if (!goals.length) storage?.removeItem(key);
    else storage?.setItem(key, JSON.stringify({ v: 1, goals, met } satisfies SavedGoals));
  } catch {
    // quota or storage disabled
  }
}

/** Copies the goals from `from` to `to` (none there: none copied, `to` cleared). */
export function copyGoals(storage: SessionStorage | null, from: string, to: string): void {
  const saved = loadGoals(storage, from);
  saveGoals(storage, saved?.goals ?? [], saved?.met ?? [], to);
}

/** Moves the goals from `from` to `to` (the learner's own session kept aside, or brought back). */
export function moveGoals(storage: SessionStorage | null, from: string, to: string): void {
  copyGoals(storage, from, to);
  saveGoals(storage, [], [], from);
}

/** The page's localStorage, or null where storage is disabled. */
export function pageStorage(): SessionStorage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** A shared link was opened: its goals (none: no checklist) replace the session's, none met yet. */
export function startGoals(storage: SessionStorage | null, goals: readonly string[] | undefined): void {
  const unique = [...new Set(goals ?? [])];
  saveGoals(storage, unique);
  setScenarioGoals(unique.length ? { v: 1, goals: unique, met: [] } : null);
}

/** A saved session is restored: its goals come back with it. */
export function restoreGoals(storage: SessionStorage | null): void {
  setScenarioGoals(loadGoals(storage));
}

/** Reset sandbox: the goals go with the session. */
export function clearGoals(storage: SessionStorage | null): void {
  setScenarioGoals(null);
  saveGoals(storage, []);
}

/** Latched goals, saved so a reload keeps them ticked (ignored once the goals were cleared). */
export function saveMetGoals(storage: SessionStorage | null, met: readonly string[]): void {
  if (!current) return;
  saveGoals(storage, current.goals, current.goals.filter((id) => met.includes(id)));
}

// The goals of the session on this page, for the UI (set at start by start.ts).
let current: SavedGoals | null = null;
const listeners = new Set<() => void>();

export function setScenarioGoals(saved: SavedGoals | null): void {
  current = saved;
  for (const l of listeners) l();
}

export function getScenarioGoals(): SavedGoals | null {
  return current;
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

/** The goals of this session (null: a plain sandbox, no checklist). */
export function useScenarioGoals(): SavedGoals | null {
  return useSyncExternalStore(subscribe, getScenarioGoals);
}

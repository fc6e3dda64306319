/**
 * The few facts about lessons that boot needs, kept apart from the lessons themselves so the
 * initial bundle carries none of their content: which lesson is being followed (saved across
 * reloads), which lesson was just restarted in a clean sandbox (its files still to write), and
 * the latest goal met, for the aria-live line that lives outside the Lessons panel.
 */
import { useSyncExternalStore } from 'react';
import type { Localized } from '../../lessons/types.ts';

/** The lesson being followed, by id ('' or absent: the sandbox). */
export const CURRENT_KEY = 'container-playground.lessons.current';
/** A lesson restarted in a clean sandbox: the next boot writes its files into the new sandbox. */
export const FRESH_KEY = 'container-playground.lessons.fresh';

export interface KeyValue {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem?(key: string): void;
}

export function localStore(): KeyValue | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // storage disabled (sandboxed iframe, some private modes)
  }
}

/** The id saved as the current lesson, unchecked (the lessons chunk validates it), or null. */
export function savedCurrentLesson(kv: KeyValue | null = localStore()): string | null {
  try {
    return kv?.getItem(CURRENT_KEY) || null;
  } catch {
    return null;
  }
}

/** The latest goal met: its text in every language (`seq` makes a repeat announce again). */
export interface GoalAnnouncement {
  readonly seq: number;
  readonly goal: Localized;
}

let latest: GoalAnnouncement | null = null;
const listeners = new Set<() => void>();

export function announceGoal(goal: Localized): void {
  latest = { seq: (latest?.seq ?? 0) + 1, goal };
  for (const l of listeners) l();
}

export function clearGoalAnnouncement(): void {
  if (latest === null) return;
  latest = null;
  for (const l of listeners) l();
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

export function getGoalAnnouncement(): GoalAnnouncement | null {
  return latest;
}

export function useGoalAnnouncement(): GoalAnnouncement | null {
  return useSyncExternalStore(subscribe, getGoalAnnouncement);
}

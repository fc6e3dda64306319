/**
 * Lesson progress, saved locally (issue 5: survives reload; each lesson can be reset): goals met
 * (latched: a goal once met stays ticked), quiz answers, and completion. Stored as one versioned
 * JSON record; anything unreadable counts as no progress.
 */
import type { Answers } from './quiz.ts';

export const PROGRESS_KEY = 'container-playground.lessons.v1';

export interface LessonProgress {
  readonly goals: readonly string[];
  readonly answers: Answers;
  readonly done: boolean;
}

export type Progress = Readonly<Record<string, LessonProgress>>;

export const EMPTY_LESSON_PROGRESS: LessonProgress = { goals: [], answers: {}, done: false };

/** The subset of `Storage` used (so tests pass a Map-backed stand-in). */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

function isLessonProgress(v: unknown): v is LessonProgress {
  if (typeof v !== 'object' || v === null) return false;
  const p = v as Record<string, unknown>;
  return (
    Array.isArray(p.goals) && p.goals.every((g) => typeof g === 'string') &&
    typeof p.answers === 'object' && p.answers !== null && Object.values(p.answers).every((a) => Number.isInteger(a)) &&
    typeof p.done === 'boolean'
  );
}

export function loadProgress(storage: KeyValueStore | null): Progress {
  try {
    const raw = storage?.getItem(PROGRESS_KEY);
    if (!raw) return {};
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null) return {};
    return Object.fromEntries(Object.entries(parsed).filter(([, v]) => isLessonProgress(v))) as Progress;
  } catch {
    return {};
  }
}

export function saveProgress(storage: KeyValueStore | null, progress: Progress): void {
  try {
    storage?.setItem(PROGRESS_KEY, JSON.stringify(progress));
  } catch {
    // Private mode or a full quota: progress stays in memory for this visit.
  }
}

/** Adds newly met goals (never removes one); returns the same object when nothing changed. */
export function withGoals(progress: Progress, lessonId: string, met: readonly string[]): Progress {
  const current = progress[lessonId] ?? EMPTY_LESSON_PROGRESS;
  const added = met.filter((id) => !current.goals.includes(id));
  if (added.length === 0) return progress;
  return { ...progress, [lessonId]: { ...current, goals: [...current.goals, ...added] } };
}

export function withAnswer(progress: Progress, lessonId: string, questionId: string, choice: number, done: boolean): Progress {
  const current = progress[lessonId] ?? EMPTY_LESSON_PROGRESS;
  return { ...progress, [lessonId]: { ...current, answers: { ...current.answers, [questionId]: choice }, done: current.done || done } };
}

export function withReset(progress: Progress, lessonId: string): Progress {
  if (!(lessonId in progress)) return progress;
  const { [lessonId]: _removed, ...rest } = progress;
  return rest;
}

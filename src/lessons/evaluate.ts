/** Goals and hints against a world (a snapshot, or the store's mirror of one). */
import type { Goal, Hint, Lesson, LessonWorld } from './types.ts';

/** The ids of the goals the world meets now. */
export function metGoals(lesson: Lesson, world: LessonWorld): string[] {
  return lesson.goals.filter((goal: Goal) => goal.met(world)).map((goal) => goal.id);
}

/**
 * The hints whose wrong state matches now. NOTE: a hint is dropped once every goal is met, so a
 * finished lesson never nags (hints explain how to get somewhere, not what happened since).
 */
export function activeHints(lesson: Lesson, world: LessonWorld, met: ReadonlySet<string>): Hint[] {
  if (lesson.goals.every((goal) => met.has(goal.id))) return [];
  return lesson.hints.filter((hint) => hint.when(world));
}

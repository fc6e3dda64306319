/**
 * The goals a scenario can carry, as Record's picker lists them (pure): every lesson's goals
 * grouped under the lesson, found by words, picked within the scenario format's limit, and
 * resolved back (by `<lesson>.<goal>` id) to the predicates the viewer's checklist evaluates.
 * Lessons are passed in, so this file pulls no lesson content into a bundle by itself.
 */
import type { Lang } from '../../i18n/types.ts';
import type { Goal, Lesson, LessonWorld, Localized } from '../../lessons/types.ts';
import { LIMITS } from '../../scenario/format.ts';

export interface GoalOption {
  /** The scenario-format id: `namespaces.pid1-killed`. */
  readonly ref: string;
  readonly goal: Goal;
  readonly lessonTitle: Localized;
}

export interface GoalGroup {
  readonly lessonId: string;
  readonly order: number;
  readonly title: Localized;
  readonly goals: readonly GoalOption[];
}

/** `goalRef` of lessons/scenario.ts, which would bring the whole lesson catalog along with it. */
const refOf = (lesson: Lesson, goal: Goal): string => `${lesson.id}.${goal.id}`;

/** Every lesson's goals, grouped by lesson in map order. */
export function goalGroups(lessons: readonly Lesson[]): GoalGroup[] {
  return [...lessons]
    .sort((a, b) => a.order - b.order)
    .map((lesson) => ({
      lessonId: lesson.id,
      order: lesson.order,
      title: lesson.title,
      goals: lesson.goals.map((goal) => ({ ref: refOf(lesson, goal), goal, lessonTitle: lesson.title })),
    }));
}

/** Lower case, accents dropped (`contêiner` → `conteiner`), so a search need not type them. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * The groups whose goals match every word of `query` (in the goal's text or its lesson's title,
 * in `lang`, or its id); groups left empty are dropped. A blank query keeps everything.
 */
export function filterGroups(groups: readonly GoalGroup[], query: string, lang: Lang): GoalGroup[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (!words.length) return [...groups];
  return groups
    .map((group) => ({
      ...group,
      goals: group.goals.filter((option) => {
        const hay = fold(`${option.goal.text[lang]} ${group.title[lang]} ${option.ref}`);
        return words.every((word) => hay.includes(word));
      }),
    }))
    .filter((group) => group.goals.length > 0);
}

/** Whether one more goal may be picked (the scenario format caps them: LIMITS.goals). */
export const canPickMore = (picked: readonly string[], limit: number = LIMITS.goals): boolean => picked.length < limit;

/**
 * Picks (`on`) or drops a goal; the result keeps the order of `all` (the catalog), so a scenario
 * lists its goals as the lesson map does. Past the limit, or with nothing to change, the same
 * array comes back (callers can compare identity).
 */
export function togglePick(picked: readonly string[], ref: string, on: boolean, all: readonly string[], limit: number = LIMITS.goals): readonly string[] {
  const has = picked.includes(ref);
  if (on === has) return picked;
  if (on && (!canPickMore(picked, limit) || ref.length > LIMITS.goal)) return picked;
  const next = new Set(on ? [...picked, ref] : picked.filter((id) => id !== ref));
  const known = all.filter((id) => next.has(id));
  // Ids the catalog does not know (a newer link's) stay, after the known ones.
  return [...known, ...[...next].filter((id) => !all.includes(id))];
}

/** Every goal id in catalog order. */
export const allRefs = (groups: readonly GoalGroup[]): string[] => groups.flatMap((group) => group.goals.map((option) => option.ref));

/** The goals a scenario names, resolved against the catalog; ids it does not know are returned apart. */
export function resolveGoals(refs: readonly string[], groups: readonly GoalGroup[]): { readonly known: GoalOption[]; readonly unknown: string[] } {
  const byRef = new Map(groups.flatMap((group) => group.goals.map((option) => [option.ref, option] as const)));
  const known: GoalOption[] = [];
  const unknown: string[] = [];
  for (const ref of new Set(refs)) {
    const option = byRef.get(ref);
    if (option) known.push(option);
    else unknown.push(ref);
  }
  return { known, unknown };
}

/** The ids of the goals the world meets now. */
export function metNow(options: readonly GoalOption[], world: LessonWorld): string[] {
  return options.filter((option) => option.goal.met(world)).map((option) => option.ref);
}

/**
 * Latches: the goals met before stay met, the ones met now join them (in `options` order).
 * NOTE: never un-ticks (as the Lessons panel: a goal met once stays met while the session moves
 * on). Returns the same array when nothing new was met.
 */
export function latchGoals(met: readonly string[], options: readonly GoalOption[], world: LessonWorld): readonly string[] {
  const before = new Set(met);
  const fresh = options.filter((option) => !before.has(option.ref) && option.goal.met(world));
  if (!fresh.length) return met;
  const after = new Set([...met, ...fresh.map((option) => option.ref)]);
  return options.map((option) => option.ref).filter((ref) => after.has(ref));
}

/**
 * A lesson *is* a scenario plus goals, hints and a quiz (design.md §3.5): this gives its scenario
 * form (§3.4) in one language, with its goals as `<lesson>.<goal>` ids (the scenario format's goal
 * ids), and resolves such an id back to the goal's predicate.
 */
import type { Scenario, ScenarioHost } from '../scenario/format.ts';
import type { Lang } from '../i18n/types.ts';
import { LESSONS } from './catalog.ts';
import type { Goal, Lesson } from './types.ts';

/** The scenario-format id of a lesson's goal: `namespaces.pid1-killed`. */
export const goalRef = (lesson: Lesson, goal: Goal): string => `${lesson.id}.${goal.id}`;

/** The goal a scenario's goal id names, if any. */
export function goalByRef(ref: string): Goal | undefined {
  const dot = ref.indexOf('.');
  const lesson = LESSONS.find((l) => l.id === ref.slice(0, dot));
  return lesson?.goals.find((g) => g.id === ref.slice(dot + 1));
}

/** The lesson's reference solution as a scenario: each step's narration on its command, goals by id. */
export function lessonAsScenario(lesson: Lesson, lang: Lang, host: ScenarioHost): Scenario {
  const say = new Map(lesson.steps.map((step) => [step.run, step.say[lang]]));
  return {
    v: 1,
    title: lesson.title[lang],
    lang,
    host,
    files: lesson.files ?? {},
    steps: lesson.solution.map((run) => {
      const text = say.get(run);
      return text ? { run, say: text } : { run };
    }),
    goals: lesson.goals.map((goal) => goalRef(lesson, goal)),
  };
}

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

/** The host a lesson runs on: design.md's default host (4 CPUs, 8 GiB, seed 1) unless it says otherwise. */
export function lessonHost(lesson: Lesson): ScenarioHost {
  return { cpus: lesson.host?.cpus ?? 4, memory: lesson.host?.memory ?? 8 * 1024 ** 3, seed: lesson.host?.seed ?? 1 };
}

/**
 * A lesson to share (Share this lesson): its scenario stopping before the first step, so whoever
 * opens the link starts from the lesson's files and steps through its narrated commands (presenter
 * mode), its goals ticking as they go.
 */
export function lessonLinkScenario(lesson: Lesson, lang: Lang): Scenario {
  const s = lessonAsScenario(lesson, lang, lessonHost(lesson));
  return { ...s, steps: s.steps.map((step, i) => (i === 0 ? { ...step, pause: true as const } : step)) };
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

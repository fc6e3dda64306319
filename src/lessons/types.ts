/**
 * The lesson schema (design.md §3.5): a lesson is a scenario (§3.4: `{ v, title, lang, host,
 * files, steps [{ run, say?, pause? }], goals? }`) plus goals checked live against the engine
 * snapshot, hints for typical wrong states and a short quiz. Every text is a `Localized` record,
 * so a lesson missing its pt-BR (or English) text fails to compile, like `src/i18n/types.ts`.
 */
import type { Lang } from '../i18n/types.ts';
import type { Snapshot } from '../engine/snapshot.ts';

/** One text in every UI language. */
export type Localized = { readonly [L in Lang]: string };

/**
 * What goals and hints look at: the snapshot's record tables and logs. Both a headless engine's
 * `snapshot()` and the UI store's state have this shape, so the same predicate runs in tests and
 * live in the Lessons panel.
 */
export type LessonWorld = Pick<Snapshot, 'processes' | 'containers' | 'cgroups' | 'images' | 'layers' | 'builds' | 'volumes' | 'networks' | 'ports' | 'traffic' | 'registries' | 'transfers' | 'apiLog' | 'events'>;

/** A question about the world: pure, cheap, no engine semantics (only reads what the snapshot says). */
export type Predicate = (world: LessonWorld) => boolean;

export interface Goal {
  /** Stable within the lesson (progress and tests refer to it). */
  readonly id: string;
  readonly text: Localized;
  readonly met: Predicate;
}

/** Advice shown while the learner's state matches a typical mistake. */
export interface Hint {
  readonly id: string;
  readonly when: Predicate;
  readonly text: Localized;
}

/** A step the learner types: the command is suggested (and can be inserted), never run for them. */
export interface LessonStep {
  readonly run: string;
  readonly say: Localized;
}

export interface QuizQuestion {
  readonly id: string;
  readonly question: Localized;
  readonly choices: readonly Localized[];
  /** Index into `choices`. */
  readonly answer: number;
  /** Why the answer is right (shown after answering). */
  readonly explain: Localized;
}

export interface Lesson {
  /** URL-safe id, e.g. `what-is-a-container`. */
  readonly id: string;
  /** 1-based place on the lesson map. */
  readonly order: number;
  readonly title: Localized;
  /** The opening narration. */
  readonly intro: Localized;
  /** Scenario host settings (design.md §3.4: memory in bytes, as a scenario's); absent = the default host. */
  readonly host?: { readonly cpus?: number; readonly memory?: number; readonly seed?: number };
  /** Host files the lesson starts with (a Dockerfile and its context), by path. */
  readonly files?: Readonly<Record<string, string>>;
  readonly steps: readonly LessonStep[];
  readonly goals: readonly Goal[];
  readonly hints: readonly Hint[];
  /** 2–3 questions. */
  readonly quiz: readonly QuizQuestion[];
  /** The command lines that reach every goal (replayed by the tests). */
  readonly solution: readonly string[];
}

/** A place on the lesson map: a written lesson, or one still outlined. */
export type LessonEntry =
  | { readonly kind: 'lesson'; readonly lesson: Lesson }
  | { readonly kind: 'outline'; readonly order: number; readonly id: string; readonly title: Localized };

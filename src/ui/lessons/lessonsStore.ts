/**
 * The Lessons panel's own state, outside React (only the active tab is mounted): the lesson being
 * followed (null = sandbox), progress saved in localStorage, and the latest goal-tick
 * announcement. `watchGoals` keeps latching goals from the playground store while the learner
 * looks at other tabs (the lessons send them to Cgroups, Layers, Overlay…).
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { PlaygroundState, PlaygroundStore } from '../../store/index.ts';
import { lessonById } from '../../lessons/catalog.ts';
import { metGoals } from '../../lessons/evaluate.ts';
import { loadProgress, saveProgress, withAnswer, withGoals, withReset, type KeyValueStore, type Progress } from '../../lessons/progress.ts';
import { grade } from '../../lessons/quiz.ts';
import type { LessonWorld } from '../../lessons/types.ts';

const CURRENT_KEY = 'container-playground.lessons.current';

export interface LessonsState {
  readonly current: string | null;
  readonly progress: Progress;
  /** The last goal met, for the aria-live line (`seq` makes a repeat announce again). */
  readonly announcement: { readonly seq: number; readonly lessonId: string; readonly goalId: string } | null;
}

export interface LessonsActions {
  readonly open: (lessonId: string | null) => void;
  readonly answer: (lessonId: string, questionId: string, choice: number) => void;
  readonly reset: (lessonId: string) => void;
  /** Latches goals met now; announces the newest. */
  readonly latch: (lessonId: string, met: readonly string[]) => void;
}

export type LessonsStore = StoreApi<LessonsState & LessonsActions>;

function storage(): KeyValueStore | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // storage disabled (sandboxed iframe, some private modes)
  }
}

export function createLessonsStore(kv: KeyValueStore | null = storage()): LessonsStore {
  const savedCurrent = (() => {
    try {
      const id = kv?.getItem(CURRENT_KEY) ?? null;
      return id && lessonById(id) ? id : null;
    } catch {
      return null;
    }
  })();
  return createStore<LessonsState & LessonsActions>()((set, get) => ({
    current: savedCurrent,
    progress: loadProgress(kv),
    announcement: null,
    open: (lessonId) => {
      set({ current: lessonId });
      try {
        kv?.setItem(CURRENT_KEY, lessonId ?? '');
      } catch {
        // not saved; fine for this visit
      }
    },
    answer: (lessonId, questionId, choice) => {
      const lesson = lessonById(lessonId);
      if (!lesson) return;
      const answers = { ...(get().progress[lessonId]?.answers ?? {}), [questionId]: choice };
      const progress = withAnswer(get().progress, lessonId, questionId, choice, grade(lesson.quiz, answers).passed);
      saveProgress(kv, progress);
      set({ progress });
    },
    reset: (lessonId) => {
      const progress = withReset(get().progress, lessonId);
      saveProgress(kv, progress);
      set({ progress, announcement: null });
    },
    latch: (lessonId, met) => {
      const { progress, announcement } = get();
      const next = withGoals(progress, lessonId, met);
      if (next === progress) return;
      const before = new Set(progress[lessonId]?.goals ?? []);
      const newest = met.filter((id) => !before.has(id)).at(-1);
      saveProgress(kv, next);
      set({ progress: next, ...(newest ? { announcement: { seq: (announcement?.seq ?? 0) + 1, lessonId, goalId: newest } } : {}) });
    },
  }));
}

/** One lessons store per page (progress is per browser, not per engine). */
let shared: LessonsStore | null = null;
export function lessonsStore(): LessonsStore {
  shared ??= createLessonsStore();
  return shared;
}

/** The playground state as the world goal predicates read (the store mirrors the snapshot's tables and logs). */
export const worldOf = (s: PlaygroundState): LessonWorld => s;

const watched = new WeakMap<PlaygroundStore, LessonsStore>();

/**
 * Latches the current lesson's goals as the playground store changes (once per store pair).
 * NOTE: goals are latched, never un-ticked: a goal met once stays met (learners move on and clean up).
 */
export function watchGoals(playground: PlaygroundStore, lessons: LessonsStore): void {
  if (watched.get(playground) === lessons) return;
  watched.set(playground, lessons);
  const check = () => {
    const { current, latch } = lessons.getState();
    const lesson = current ? lessonById(current) : undefined;
    if (lesson) latch(lesson.id, metGoals(lesson, worldOf(playground.getState())));
  };
  playground.subscribe((state, previous) => {
    if (state.seq !== previous.seq) check();
  });
  lessons.subscribe((state, previous) => {
    if (state.current !== previous.current) check();
  });
  check();
}

/**
 * The Lessons panel's own state, outside React (only the active tab is mounted): the lesson being
 * followed (null = sandbox), progress saved in localStorage, and the latest goal-tick
 * announcement. `watchGoals` keeps latching goals from the playground store while the learner
 * looks at other tabs (the lessons send them to Cgroups, Layers, Overlay…); boot starts it when a
 * lesson is being followed (`bootWatch.ts`), so that holds after a reload too.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { PlaygroundState, PlaygroundStore } from '../../store/index.ts';
import { lessonById } from '../../lessons/catalog.ts';
import { metGoals } from '../../lessons/evaluate.ts';
import { loadProgress, saveProgress, withAnswer, withGoals, withReset, type KeyValueStore, type Progress } from '../../lessons/progress.ts';
import { grade } from '../../lessons/quiz.ts';
import type { LessonWorld } from '../../lessons/types.ts';
import { canStartCleanSandbox, startCleanSandbox } from '../share/status.ts';
import { announceGoal, clearGoalAnnouncement, CURRENT_KEY, FRESH_KEY } from './current.ts';

export interface LessonsState {
  readonly current: string | null;
  readonly progress: Progress;
  /** The last goal met, for the aria-live line (`seq` makes a repeat announce again). */
  readonly announcement: { readonly seq: number; readonly lessonId: string; readonly goalId: string } | null;
  /**
   * Per lesson, goals the world already met when its progress was reset: they are not latched
   * again until the world has stopped meeting them (in memory only; see `reset`).
   */
  readonly held: Readonly<Record<string, readonly string[]>>;
}

export interface LessonsActions {
  readonly open: (lessonId: string | null) => void;
  readonly answer: (lessonId: string, questionId: string, choice: number) => void;
  /** Forgets a lesson's progress; `metNow` (the goals the world meets at this moment) are held, not re-ticked. */
  readonly reset: (lessonId: string, metNow?: readonly string[]) => void;
  /**
   * Starts a lesson over: resets it and, where the page can (see `CleanSandbox`), reloads into a
   * clean sandbox with the lesson open, the learner's own sandbox kept aside. Returns whether it did.
   */
  readonly restart: (lessonId: string, metNow: readonly string[]) => boolean;
  /** Latches goals met now; announces the newest. */
  readonly latch: (lessonId: string, met: readonly string[]) => void;
}

export type LessonsStore = StoreApi<LessonsState & LessonsActions>;

/** How a lesson restarts in a clean sandbox (registered by ui/share/start.ts; absent with the fixture host). */
export interface CleanSandbox {
  readonly available: () => boolean;
  readonly start: () => void;
}

const pageSandbox: CleanSandbox = { available: canStartCleanSandbox, start: startCleanSandbox };

function storage(): KeyValueStore | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // storage disabled (sandboxed iframe, some private modes)
  }
}

export function createLessonsStore(kv: KeyValueStore | null = storage(), sandbox: CleanSandbox = pageSandbox): LessonsStore {
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
    held: {},
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
    // NOTE: why a reset holds goals instead of only forgetting them. Goals are predicates over the
    // engine's state, and that state is still there after a reset: forgetting alone would re-tick
    // every goal the sandbox meets at the next patch, so the learner would be credited for nothing
    // done since. The honest way back is `restart` (a clean sandbox, the learner's own kept aside);
    // holding is what keeps a plain reset honest where no clean sandbox can be had, and what keeps
    // the old state from re-ticking goals in the moment before `restart` reloads the page.
    reset: (lessonId, metNow = []) => {
      const progress = withReset(get().progress, lessonId);
      saveProgress(kv, progress);
      set({ progress, announcement: null, held: { ...get().held, [lessonId]: [...metNow] } });
    },
    restart: (lessonId, metNow) => {
      const { reset, open } = get();
      reset(lessonId, metNow);
      if (!sandbox.available()) return false;
      open(lessonId);
      try {
        kv?.setItem(FRESH_KEY, lessonId);
      } catch {
        // the lesson's files are written when the learner reopens it instead
      }
      sandbox.start();
      return true;
    },
    latch: (lessonId, met) => {
      const { progress, announcement, held } = get();
      // Held goals count again only once the world has stopped meeting them.
      const hold = held[lessonId] ?? [];
      const stillHeld = hold.filter((id) => met.includes(id));
      const eligible = met.filter((id) => !stillHeld.includes(id));
      const heldNext = stillHeld.length === hold.length ? held : { ...held, [lessonId]: stillHeld };
      const next = withGoals(progress, lessonId, eligible);
      if (next === progress) {
        if (heldNext !== held) set({ held: heldNext });
        return;
      }
      const before = new Set(progress[lessonId]?.goals ?? []);
      const newest = eligible.filter((id) => !before.has(id)).at(-1);
      saveProgress(kv, next);
      set({ progress: next, held: heldNext, ...(newest ? { announcement: { seq: (announcement?.seq ?? 0) + 1, lessonId, goalId: newest } } : {}) });
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
    // The aria-live line lives outside the lazily loaded panel (ui/lessons/GoalAnnouncer.tsx).
    if (state.announcement !== previous.announcement) {
      const a = state.announcement;
      const goal = a ? lessonById(a.lessonId)?.goals.find((g) => g.id === a.goalId) : undefined;
      if (goal) announceGoal(goal.text);
      else clearGoalAnnouncement();
    }
  });
  check();
}

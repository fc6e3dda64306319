import { describe, expect, it } from 'vitest';
import { LESSONS, LESSON_MAP } from './catalog.ts';
import { replaySolution } from './runner.ts';
import { metGoals } from './evaluate.ts';
import { createEngine } from '../engine/index.ts';
import { LANGS } from '../i18n/types.ts';
import type { Localized } from './types.ts';

describe('every written lesson', () => {
  for (const lesson of LESSONS) {
    describe(`${lesson.order}. ${lesson.title.en}`, () => {
      const replay = replaySolution(lesson);

      it('reaches every goal with its reference solution', () => {
        expect(replay.met).toEqual(lesson.goals.map((g) => g.id));
      });

      it('ends with no hint firing', () => {
        expect(replay.hints).toEqual([]);
      });

      it('meets no goal on a fresh host', () => {
        const fresh = createEngine({ headless: true });
        fresh.runUntilInput(10_000);
        expect(metGoals(lesson, fresh.snapshot())).toEqual([]);
      });

      it('has ids unique within the lesson, 2–3 quiz questions with a valid answer, and its steps in the solution', () => {
        const ids = (xs: readonly { id: string }[]) => new Set(xs.map((x) => x.id)).size === xs.length;
        expect(ids(lesson.goals) && ids(lesson.hints) && ids(lesson.quiz)).toBe(true);
        expect(lesson.quiz.length).toBeGreaterThanOrEqual(2);
        expect(lesson.quiz.length).toBeLessThanOrEqual(3);
        for (const q of lesson.quiz) expect(q.answer).toBeLessThan(q.choices.length);
        for (const step of lesson.steps) expect(lesson.solution).toContain(step.run);
      });

      it('has non-empty text in every language', () => {
        const texts: Localized[] = [lesson.title, lesson.intro, ...lesson.steps.map((s) => s.say), ...lesson.goals.map((g) => g.text), ...lesson.hints.map((h) => h.text), ...lesson.quiz.flatMap((q) => [q.question, q.explain, ...q.choices])];
        for (const text of texts) for (const lang of LANGS) expect(text[lang].trim()).not.toBe('');
      });
    });
  }
});

describe('the lesson map', () => {
  it('has 13 places in order, ids unique', () => {
    expect(LESSON_MAP.map((e) => (e.kind === 'lesson' ? e.lesson.order : e.order))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    const ids = LESSON_MAP.map((e) => (e.kind === 'lesson' ? e.lesson.id : e.id));
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('a lesson as a scenario', () => {
  it('passes the scenario schema and names goals that resolve back', async () => {
    const { parseScenario } = await import('../scenario/format.ts');
    const { lessonAsScenario, lessonHost, goalByRef } = await import('./scenario.ts');
    for (const lesson of LESSONS) {
      for (const lang of LANGS) {
        const scenario = lessonAsScenario(lesson, lang, lessonHost(lesson));
        expect(parseScenario(JSON.parse(JSON.stringify(scenario)))).toEqual(scenario);
        expect(scenario.steps.map((s) => s.run)).toEqual(lesson.solution);
        expect(scenario.goals?.map((ref) => goalByRef(ref))).toEqual(lesson.goals);
      }
    }
    expect(goalByRef('nope.nope')).toBeUndefined();
  });

  it('shares each lesson as a link within the 2,000-character budget that stops before its first step', async () => {
    const { lessonLinkScenario } = await import('./scenario.ts');
    const { encodeScenario, decodeScenario } = await import('../scenario/codec.ts');
    const { firstPause } = await import('../scenario/format.ts');
    for (const lesson of LESSONS) {
      for (const lang of LANGS) {
        const scenario = lessonLinkScenario(lesson, lang);
        const hash = await encodeScenario(scenario);
        expect(`https://container-playground.example/${hash}`.length).toBeLessThanOrEqual(2000);
        const back = await decodeScenario(hash);
        expect(firstPause(back)).toBe(0);
        expect(back.steps.map((st) => st.run)).toEqual(lesson.solution);
        expect(back.goals).toHaveLength(lesson.goals.length);
      }
    }
  });
});

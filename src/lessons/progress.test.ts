import { describe, expect, it } from 'vitest';
import { PROGRESS_KEY, loadProgress, saveProgress, withAnswer, withGoals, withReset, type KeyValueStore } from './progress.ts';
import { grade, isCorrect } from './quiz.ts';
import { LESSONS } from './catalog.ts';

const memory = (): KeyValueStore & { data: Map<string, string> } => {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
};

describe('progress', () => {
  it('latches goals, records answers, survives a save and load, and resets one lesson', () => {
    let p = withGoals({}, 'a', ['g1']);
    p = withGoals(p, 'a', ['g1', 'g2']);
    expect(withGoals(p, 'a', ['g2'])).toBe(p);
    p = withAnswer(p, 'a', 'q1', 2, true);
    p = withGoals(p, 'b', ['x']);
    const store = memory();
    saveProgress(store, p);
    const loaded = loadProgress(store);
    expect(loaded).toEqual({ a: { goals: ['g1', 'g2'], answers: { q1: 2 }, done: true }, b: { goals: ['x'], answers: {}, done: false } });
    expect(withReset(loaded, 'a')).toEqual({ b: loaded.b });
  });

  it('treats unreadable storage as no progress', () => {
    const store = memory();
    store.data.set(PROGRESS_KEY, '{not json');
    expect(loadProgress(store)).toEqual({});
    store.data.set(PROGRESS_KEY, JSON.stringify({ a: { goals: 'nope' }, b: { goals: [], answers: {}, done: false } }));
    expect(loadProgress(store)).toEqual({ b: { goals: [], answers: {}, done: false } });
    expect(loadProgress(null)).toEqual({});
  });
});

describe('quiz', () => {
  const quiz = LESSONS[0].quiz;
  it('grades answers', () => {
    expect(isCorrect(quiz[0], undefined)).toBeNull();
    expect(isCorrect(quiz[0], quiz[0].answer)).toBe(true);
    expect(isCorrect(quiz[0], (quiz[0].answer + 1) % quiz[0].choices.length)).toBe(false);
    const right = Object.fromEntries(quiz.map((q) => [q.id, q.answer]));
    expect(grade(quiz, right)).toEqual({ right: quiz.length, total: quiz.length, passed: true });
    expect(grade(quiz, { ...right, [quiz[1].id]: (quiz[1].answer + 1) % quiz[1].choices.length })).toEqual({ right: quiz.length - 1, total: quiz.length, passed: false });
    expect(grade(quiz, {}).passed).toBe(false);
  });
});

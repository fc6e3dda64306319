import { describe, expect, it } from 'vitest';
import { createPlaygroundStore } from '../../store/index.ts';
import { runLines } from '../../engine/sim.ts';
import { PROTOCOL_VERSION } from '../../worker/protocol.ts';
import { PROGRESS_KEY, type KeyValueStore } from '../../lessons/progress.ts';
import { createLessonsStore, watchGoals, type CleanSandbox } from './lessonsStore.ts';
import { FRESH_KEY, getGoalAnnouncement } from './current.ts';
import { metGoals } from '../../lessons/evaluate.ts';
import { lessonById } from '../../lessons/catalog.ts';

const memory = (): KeyValueStore & { data: Map<string, string> } => {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
};

describe('the Lessons panel store', () => {
  it('latches the current lesson’s goals from the playground store, announces them and saves them', () => {
    const playground = createPlaygroundStore();
    const kv = memory();
    const lessons = createLessonsStore(kv);
    watchGoals(playground, lessons);
    lessons.getState().open('what-is-a-container');
    expect(lessons.getState().progress).toEqual({});

    let seq = 1;
    const feed = (lines: string[]) => playground.getState().receive({ type: 'snapshot', seq: seq++, snapshot: runLines(lines).engine.snapshot() });
    playground.getState().receive({ type: 'welcome', v: PROTOCOL_VERSION, seq: seq++, snapshot: runLines([]).engine.snapshot(), speed: 1 });
    expect(lessons.getState().progress['what-is-a-container']).toBeUndefined();

    feed(['docker run -d --name web nginx']);
    expect(lessons.getState().progress['what-is-a-container']?.goals).toEqual(['nginx-running']);
    expect(lessons.getState().announcement).toMatchObject({ lessonId: 'what-is-a-container', goalId: 'nginx-running' });
    // …and handed, as text in every language, to the aria-live line outside the Lessons panel.
    expect(getGoalAnnouncement()?.goal.en).toBe(lessonById('what-is-a-container')!.goals[0].text.en);

    // The container is removed: the goal stays ticked (latched).
    feed(['docker run -d --name web nginx', 'docker rm -f web']);
    expect(lessons.getState().progress['what-is-a-container']?.goals).toEqual(['nginx-running']);

    feed(['docker run -d --name web nginx', 'docker top web', 'docker run -d --name web2 nginx']);
    expect(lessons.getState().progress['what-is-a-container']?.goals).toEqual(['nginx-running', 'looked-at-processes', 'two-objects']);

    // Saved locally, restored by a new store (a reload), which also reopens the lesson.
    expect(JSON.parse(kv.data.get(PROGRESS_KEY) ?? '{}')['what-is-a-container'].goals).toHaveLength(3);
    const reloaded = createLessonsStore(kv);
    expect(reloaded.getState().current).toBe('what-is-a-container');
    expect(reloaded.getState().progress['what-is-a-container']?.goals).toHaveLength(3);

    // The quiz: done only once every answer is right; reset forgets the lesson.
    const quiz = ['kernel', 'class-object', 'host-pids'];
    reloaded.getState().answer('what-is-a-container', quiz[0], 0);
    expect(reloaded.getState().progress['what-is-a-container']?.done).toBe(false);
    reloaded.getState().answer('what-is-a-container', 'kernel', 1);
    reloaded.getState().answer('what-is-a-container', 'class-object', 2);
    reloaded.getState().answer('what-is-a-container', 'host-pids', 0);
    expect(reloaded.getState().progress['what-is-a-container']?.done).toBe(true);
    reloaded.getState().reset('what-is-a-container');
    expect(reloaded.getState().progress).toEqual({});
    expect(createLessonsStore(kv).getState().progress).toEqual({});
  });

  it('an honest reset: goals the world still meets are held, not re-ticked, until they are met anew', () => {
    const playground = createPlaygroundStore();
    const lessons = createLessonsStore(memory(), { available: () => false, start: () => {} });
    watchGoals(playground, lessons);
    lessons.getState().open('what-is-a-container');
    let seq = 1;
    const feed = (lines: string[]) => playground.getState().receive({ type: 'snapshot', seq: seq++, snapshot: runLines(lines).engine.snapshot() });
    playground.getState().receive({ type: 'welcome', v: PROTOCOL_VERSION, seq: seq++, snapshot: runLines([]).engine.snapshot(), speed: 1 });
    const done = ['docker run -d --name web nginx', 'docker top web', 'docker run -d --name web2 nginx'];
    feed(done);
    expect(lessons.getState().progress['what-is-a-container']?.goals).toHaveLength(3);

    const lesson = lessonById('what-is-a-container')!;
    const metNow = metGoals(lesson, playground.getState());
    expect(lessons.getState().restart('what-is-a-container', metNow)).toBe(false); // no clean sandbox here
    expect(lessons.getState().progress).toEqual({});
    // The same state keeps arriving: nothing re-ticks.
    feed(done);
    feed([...done, 'docker ps']);
    expect(lessons.getState().progress['what-is-a-container']).toBeUndefined();
    // Once the world stops meeting a goal and meets it again, it counts: here, web removed and run anew.
    feed(['docker top nope']);
    feed(['docker run -d --name web nginx']);
    expect(lessons.getState().progress['what-is-a-container']?.goals).toEqual(['nginx-running']);
  });

  it('restarts a lesson in a clean sandbox where the page offers one, with the lesson open and its files due', () => {
    const kv = memory();
    const started: string[] = [];
    const sandbox: CleanSandbox = { available: () => true, start: () => void started.push('clean') };
    const lessons = createLessonsStore(kv, sandbox);
    lessons.getState().latch('build', ['built']);
    expect(lessons.getState().restart('build', ['built'])).toBe(true);
    expect(started).toEqual(['clean']);
    expect(lessons.getState().progress).toEqual({});
    expect(lessons.getState().current).toBe('build');
    expect(kv.data.get(FRESH_KEY)).toBe('build');
    // What the reloaded page reads back: the lesson open, no progress.
    const reloaded = createLessonsStore(kv, sandbox);
    expect([reloaded.getState().current, reloaded.getState().progress]).toEqual(['build', {}]);
  });

  it('ticks nothing in the sandbox', () => {
    const playground = createPlaygroundStore();
    const lessons = createLessonsStore(memory());
    watchGoals(playground, lessons);
    playground.getState().receive({ type: 'welcome', v: PROTOCOL_VERSION, seq: 1, snapshot: runLines(['docker run -d --name web nginx']).engine.snapshot(), speed: 1 });
    expect(lessons.getState().progress).toEqual({});
  });
});

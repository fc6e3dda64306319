import { describe, expect, it } from 'vitest';
import { createEngine, type Engine } from './index.ts';
import { pointAfter, replayForward, TimelineIndex, type TimelinePoint } from './timeline.ts';
import { replayJournal } from './journal.ts';

const state = (e: Engine) => {
  const s = e.snapshot();
  // `rev` counts snapshot builds that saw a change: a view artifact, not state.
  return JSON.stringify({ now: e.now, containers: s.containers, images: s.images, processes: s.processes, volumes: s.volumes }, (k, v: unknown) => (k === 'rev' ? undefined : v));
};

/**
 * Drives an engine as the worker does (inputs between 16 ms frames) and notes the state just
 * before each input: what the learner saw when they touched the keyboard or the editor again.
 */
function live(script: readonly (string | number | ((e: Engine) => void))[]) {
  const e = createEngine({ seed: 11 });
  const seen = new Map<number, string>([[0, state(e)]]);
  e.resize(120, 40);
  for (const step of script) {
    if (typeof step === 'number') {
      for (let t = 0; t < step; t += 16) e.advance(16);
      continue;
    }
    seen.set(e.journal.length, state(e));
    if (typeof step === 'function') step(e);
    else e.input(step);
  }
  return { e, seen };
}

const SCRIPT = [
  'docker run -d --name web nginx\r', 3000,
  'docker run -it --name box alpine sh\r', 1500,
  'touch /inside\r', 100, 'exit\r', 500,
  (x: Engine) => x.files({ op: 'write', path: '/root/note.txt', content: 'hi\n' }),
  200,
  'docker rm -f web\r', 1000,
  'echo one; echo two\r', 300,
];

describe('timeline', () => {
  it('lists the host prompt lines and file changes in order, not lines typed inside a container', () => {
    const { e } = live(SCRIPT);
    const index = new TimelineIndex();
    expect(index.update(e.journal, e.promptLines)).toBe(true);
    expect(index.steps.map((s) => (s.kind === 'line' ? s.line : `${s.op} ${s.path}`))).toEqual([
      'docker run -d --name web nginx',
      'docker run -it --name box alpine sh',
      'write /root/note.txt',
      'docker rm -f web',
      'echo one; echo two',
    ]);
    expect(index.update(e.journal, e.promptLines)).toBe(false);
    e.submitLine('docker ps');
    e.runUntilInput(10_000);
    expect(index.update(e.journal, e.promptLines)).toBe(true);
    expect(index.steps.at(-1)).toMatchObject({ kind: 'line', line: 'docker ps' });
  });

  it('rebuilds the state after any step as the learner saw it, from scratch or forward', () => {
    const { e, seen } = live(SCRIPT);
    const steps = new TimelineIndex();
    steps.update(e.journal, e.promptLines);
    let walker = createEngine({ seed: 11 });
    let at: TimelinePoint = { cut: 0, until: 0 };
    for (let k = 0; k < steps.steps.length; k++) {
      const point = pointAfter(steps.steps, k, e.journal, e.now);
      const fresh = createEngine({ seed: 11 });
      replayJournal(fresh, e.journal.slice(0, point.cut), point.until);
      expect(state(fresh)).toEqual(seen.get(point.cut));
      // Stepping forward one step at a time reaches the same state.
      expect(replayForward(walker, e.journal, at, point)).toBe(true);
      at = point;
      expect(state(walker)).toEqual(state(fresh));
      expect(fresh.bugs).toEqual([]);
    }
    // Backwards needs a fresh engine.
    expect(replayForward(walker, e.journal, at, pointAfter(steps.steps, 1, e.journal, e.now))).toBe(false);
    // After the last step: the present.
    const last = pointAfter(steps.steps, steps.steps.length, e.journal, e.now);
    expect(last).toEqual({ cut: e.journal.length, until: e.now });
    walker = createEngine({ seed: 11 });
    replayJournal(walker, e.journal.slice(0, last.cut), last.until);
    expect(state(walker)).toEqual(state(e));
  });

  it('shows a step that started an interactive container with its shell waiting', () => {
    const { e } = live(SCRIPT);
    const steps = new TimelineIndex();
    steps.update(e.journal, e.promptLines);
    const point = pointAfter(steps.steps, 2, e.journal, e.now);
    const past = createEngine({ seed: 11 });
    replayJournal(past, e.journal.slice(0, point.cut), point.until);
    expect(past.snapshot().containers).toSatisfy((c: object) => Object.values(c).some((x: { name: string; status: string }) => x.name === "box" && x.status === "running"));
    expect(past.takeOutput()).toMatch(/# $/);
  });
});

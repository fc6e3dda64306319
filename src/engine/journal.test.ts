import { describe, expect, it } from 'vitest';
import { createEngine, replayJournal, type Engine } from './index.ts';

/** Drives an engine as the worker does: inputs between 16 ms frames of virtual time. */
function live(seed: number, script: readonly (string | number | ((e: Engine) => void))[]): Engine {
  const e = createEngine({ seed });
  e.resize(120, 40);
  for (const step of script) {
    if (typeof step === 'number') {
      for (let t = 0; t < step; t += 16) e.advance(16);
    } else if (typeof step === 'function') step(e);
    else e.input(step);
  }
  e.takeOutput();
  return e;
}

const state = (e: Engine) => {
  const s = e.snapshot();
  return JSON.stringify({ now: e.now, containers: s.containers, images: s.images, processes: s.processes, volumes: s.volumes, networks: s.networks });
};

describe('session journal', () => {
  it('records keystrokes, file changes and resizes with their virtual instants', () => {
    const e = live(7, [
      'docker run -d --name web nginx\r', 3000,
      (x) => x.files({ op: 'write', path: '/root/Dockerfile', content: 'FROM alpine\n' }),
      (x) => x.files({ op: 'read', path: '/root/Dockerfile' }),
      'echo hi\r', 200,
    ]);
    expect(e.journal.map((j) => j.k)).toEqual(['size', 'in', 'file', 'in']);
    expect(e.journal[2]).toMatchObject({ k: 'file', change: { op: 'write', path: '/root/Dockerfile' } });
    expect(e.journal[3].at).toBeGreaterThan(e.journal[1].at);
    expect(e.promptLines.map((p) => p.line)).toEqual(['docker run -d --name web nginx', 'echo hi']);
  });

  it('replays into a fresh engine with the same state, output and IDs', () => {
    const script = [
      'docker pull alpine\r', 4000,
      'docker run -d --name busy alpine sh -c "while true; do :; done"\r', 1500,
      'docker run -it --name box alpine sh\r', 2000,
      'touch /made-inside\r', 100, 'exit\r', 500,
      (x: Engine) => x.files({ op: 'write', path: '/root/note.txt', content: 'hello\n' }),
      'cat note.txt\r', 100,
      'docker run -d --name web nginx\r', 3000,
      'docker ps -a\r', 300,
    ];
    const a = live(42, script);
    const b = createEngine({ seed: 42 });
    replayJournal(b, a.journal, a.now);
    b.takeOutput();
    expect(b.bugs).toEqual([]);
    expect(state(b)).toEqual(state(a));
    expect(b.files({ op: 'read', path: '/root/note.txt' })).toMatchObject({ ok: true, content: 'hello\n' });
    expect(b.journal).toEqual(a.journal);
    expect(b.promptLines).toEqual(a.promptLines);
  });

  it('reproduces the terminal output byte for byte', () => {
    const a = createEngine({ seed: 3 });
    let outA = '';
    for (const line of ['docker run -d --name one nginx', 'docker ps', 'docker inspect -f {{.Id}} one']) {
      a.submitLine(line);
      a.runUntilInput(60_000);
      outA += a.takeOutput();
    }
    const b = createEngine({ seed: 3 });
    replayJournal(b, a.journal, a.now);
    expect(b.takeOutput()).toEqual(outA);
  });

  it('a different seed gives different IDs (the replay is not a copy)', () => {
    const a = live(1, ['docker run -d nginx\r', 3000]);
    const b = createEngine({ seed: 2 });
    replayJournal(b, a.journal, a.now);
    expect(Object.keys(b.snapshot().containers)).not.toEqual(Object.keys(a.snapshot().containers));
  });
});

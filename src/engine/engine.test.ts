import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngine } from './index.ts';
import { runLines } from './sim.ts';

const SESSION = [
  'docker pull -q alpine',
  'docker run -d --name a1 --memory 32m --cpus 0.5 alpine sh -c "yes > /dev/null & sleep 100"',
  'docker run -d --name a2 --restart on-failure:2 alpine sh -c "sleep 1; exit 4"',
  'sleep 3',
  'docker exec a1 ps',
  'docker stop a1',
];

describe('determinism', () => {
  it('replays the same session into the same state, byte for byte', () => {
    const a = runLines(SESSION);
    const b = runLines(SESSION);
    expect(a.text).toBe(b.text);
    expect(JSON.stringify(a.engine.snapshot())).toBe(JSON.stringify(b.engine.snapshot()));
  });

  it('a different seed gives different container IDs', () => {
    const a = runLines(['docker create alpine'], { seed: 1 });
    const b = runLines(['docker create alpine'], { seed: 2 });
    expect(a.text).not.toBe(b.text);
  });
});

/** The daemon's visible state: containers with their status, and images. */
function daemonState(e: ReturnType<typeof createEngine>): string {
  const s = e.snapshot();
  return JSON.stringify({ containers: Object.values(s.containers).map((c) => [c.id, c.name, c.status, c.limits]), images: Object.keys(s.images) });
}

describe('bad input', () => {
  const BAD = [
    'docker run --memory 1k alpine',
    'docker run --cpus 9 alpine',
    'docker run --cpuset-cpus 7 alpine',
    'docker run --memory-swap 1g alpine',
    'docker run --name "bad name!" alpine',
    'docker run --restart sometimes alpine',
    'docker run -d --rm --restart always alpine',
    'docker run UPPER',
    'docker run --bogus alpine',
    'docker create --name a1 alpine',
    'docker update --memory 3m a1',
    'docker kill nope',
    'docker rm nope',
    'docker exec nope ls',
    'docker pull nosuch/thing',
  ];

  it('each bad docker command fails without changing the daemon state', () => {
    const e = createEngine({ headless: true });
    e.runUntilInput(1000);
    for (const line of ['docker pull -q alpine', 'docker create --name a1 alpine']) {
      e.submitLine(line);
      e.runUntilInput(60_000);
    }
    for (const line of BAD) {
      const before = daemonState(e);
      e.takeOutput();
      e.submitLine(line);
      e.runUntilInput(60_000);
      e.submitLine('echo status=$?');
      e.runUntilInput(1000);
      const out = e.takeOutput();
      expect(out, line).toMatch(/status=[1-9]\d*\n$/);
      expect(daemonState(e), line).toBe(before);
    }
    expect(e.bugs).toEqual([]);
  });

  it('random command lines never crash the engine', () => {
    const words = ['docker', 'run', 'ps', '-a', '-d', '--rm', 'alpine', 'sh', '-c', 'echo', '|', '&&', ';', '>', '$(', ')', '"', "'", 'stop', 'exec', 'inspect', '-f', '{{.State.Pid}}', 'kill', '-9', '1', '&', 'nope', '--memory', '64m', 'ls', '/'];
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...words), fc.string({ maxLength: 6 })), { maxLength: 10 }), (parts) => {
        const { engine } = runLines([parts.join(' ')], { timeoutMs: 2_000 });
        expect(engine.bugs).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});

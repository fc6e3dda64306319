import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createEngine, replayJournal } from '../engine/index.ts';
import { decodeScenario, encodeScenario, HASH_PREFIX, MAX_ENCODED } from './codec.ts';
import { firstPause, parseScenario, ScenarioError, SCENARIO_VERSION, type Scenario } from './format.ts';
import { SAMPLE_30_STEP_LESSON } from './sample30.ts';
import { playScenario, SCENARIO_LIMIT_MS, scenarioEngineOptions, sessionToScenario, STEP_LIMIT_MS } from './session.ts';

const base: Scenario = {
  v: SCENARIO_VERSION, title: 'First container', lang: 'en', host: { cpus: 4, memory: 8 * 1024 ** 3, seed: 1 },
  files: { Dockerfile: 'FROM nginx\nCOPY index.html /usr/share/nginx/html/\n', 'index.html': '<h1>hi</h1>\n' },
  steps: [{ run: 'docker build -t site .', say: 'Build it' }, { run: 'docker run -d --name web site', pause: true }],
};

const b64url = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
async function deflate(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
const hashOf = async (json: string) => HASH_PREFIX + b64url(await deflate(new TextEncoder().encode(json)));

async function codeOf(hash: string): Promise<string> {
  try {
    await decodeScenario(hash);
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    const err = e as ScenarioError;
    return err.code === 'schema' ? `schema ${err.detail}` : err.code;
  }
  return 'accepted';
}

describe('scenario URL codec', () => {
  it('round-trips a scenario', async () => {
    const hash = await encodeScenario(base);
    expect(hash).toMatch(/^#\/s\/[A-Za-z0-9_-]+$/);
    expect(await decodeScenario(hash)).toEqual(base);
  });

  it('round-trips any valid scenario (property)', async () => {
    const step = fc.record({ run: fc.string({ minLength: 1, maxLength: 60 }).filter((s) => s.trim() !== ''), say: fc.option(fc.string({ maxLength: 80 }), { nil: undefined }), pause: fc.option(fc.constant(true as const), { nil: undefined }) }, { requiredKeys: ['run'] });
    const scenario = fc.record({
      v: fc.constant(SCENARIO_VERSION),
      title: fc.string({ maxLength: 200 }),
      lang: fc.constantFrom('en' as const, 'pt-BR' as const),
      host: fc.record({ cpus: fc.integer({ min: 1, max: 64 }), memory: fc.integer({ min: 64 * 1024 ** 2, max: 64 * 1024 ** 3 }), seed: fc.integer({ min: 0, max: 0xffffffff }) }),
      files: fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9._-]{0,20}(\/[a-z][a-z0-9._-]{0,20}){0,2}$/), fc.string({ maxLength: 300 }), { maxKeys: 5 }),
      steps: fc.array(step, { maxLength: 30 }),
    });
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const clean = JSON.parse(JSON.stringify(s)) as Scenario;
        expect(await decodeScenario(await encodeScenario(clean))).toEqual(clean);
      }),
      { numRuns: 60 },
    );
  });

  it('keeps the URL of a 30-step lesson within 2,000 characters', async () => {
    const url = `https://playground.example/${await encodeScenario(SAMPLE_30_STEP_LESSON)}`;
    expect(SAMPLE_30_STEP_LESSON.steps).toHaveLength(30);
    expect(new Set(SAMPLE_30_STEP_LESSON.steps.map((st) => st.say)).size).toBe(30);
    expect(url.length).toBeLessThanOrEqual(2000);
  });
});

describe('hostile scenario URLs', () => {
  it('refuses garbage with a precise reason, never a partial scenario', async () => {
    expect(await codeOf('#/s/')).toBe('not-base64');
    expect(await codeOf('#/s/!!!not base64!!!')).toBe('not-base64');
    expect(await codeOf('#/s/A')).toBe('not-base64');
    expect(await codeOf(`#/s/${b64url(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x00, 0x01]))}`)).toBe('not-deflate');
    expect(await codeOf(`#/s/${'A'.repeat(MAX_ENCODED + 4)}`)).toBe('too-long');
    expect(await codeOf(await hashOf('{"v":1,'))).toBe('not-json');
    expect(await codeOf(HASH_PREFIX + b64url(await deflate(new Uint8Array([0xc3, 0x28]))))).toBe('not-json');
    expect(await codeOf(await hashOf('[]'))).toBe('schema (root): must be an object');
    expect(await codeOf(await hashOf('{"v":99}'))).toBe('version');
  });

  it('stops inflating a deflate bomb at the decoded cap', async () => {
    const bomb = await hashOf(`{"v":1,"title":"${' '.repeat(5_000_000)}"}`);
    expect(bomb.length).toBeLessThan(MAX_ENCODED);
    expect(await codeOf(bomb)).toBe('too-large');
  });

  it('validates every field', async () => {
    const bad = async (patch: Record<string, unknown>) => codeOf(await hashOf(JSON.stringify({ ...base, ...patch })));
    expect(await bad({ title: 5 })).toBe('schema title: must be a string');
    expect(await bad({ lang: 'fr' })).toBe('schema lang: must be one of en, pt-BR');
    expect(await bad({ host: { cpus: 0, memory: 8 * 1024 ** 3, seed: 1 } })).toBe('schema host.cpus: must be between 1 and 64');
    expect(await bad({ host: { cpus: 2, memory: 1e300, seed: 1 } })).toBe('schema host.memory: must be an integer');
    expect(await bad({ host: { cpus: 2, memory: 8 * 1024 ** 3, seed: -1 } })).toBe('schema host.seed: must be between 0 and 4294967295');
    expect(await bad({ files: { '../etc/passwd': 'x' } })).toBe('schema files["../etc/passwd"]: not a valid file path');
    expect(await bad({ files: { '/root/a': 7 } })).toBe('schema files["/root/a"]: must be a string');
    expect(await bad({ steps: 'docker ps' })).toBe('schema steps: must be a list');
    expect(await bad({ steps: [{ run: 'docker ps' }, { run: '  ' }] })).toBe('schema steps[1].run: must not be empty');
    expect(await bad({ steps: [{ run: 'ls', pause: 'yes' }] })).toBe('schema steps[0].pause: must be true or false');
    expect(await bad({ steps: [{ run: 'ls', exec: 'rm -rf /' }] })).toBe('schema steps[0].exec: unknown field');
    expect(await bad({ goals: ['<script>'] })).toBe('schema goals[0]: not a goal id');
    expect(await bad({ extra: true })).toBe('schema extra: unknown field');
    expect(await bad({ steps: Array.from({ length: 1001 }, () => ({ run: 'ls' })) })).toBe('schema steps: more than 1000 steps');
  });

  it('never throws anything but a ScenarioError on random input (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ maxLength: 200 }), fc.json().map((j) => ({ json: j })), fc.uint8Array({ maxLength: 200 }).map((b) => HASH_PREFIX + b64url(b))), async (input) => {
        const hash = typeof input === 'string' ? input : await hashOf(input.json);
        try {
          parseScenario(await decodeScenario(hash));
        } catch (e) {
          expect(e).toBeInstanceOf(ScenarioError);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('sessions and scenarios', () => {
  it('turns a session into a scenario that replays into the same state', async () => {
    const a = createEngine({ seed: 9 });
    a.runUntilInput(1000);
    a.files({ op: 'mkdir', path: '/root/site' });
    a.files({ op: 'createFile', path: '/root/site/tmp.txt' });
    a.files({ op: 'write', path: '/root/site/index.html', content: '<h1>hello</h1>\n' });
    a.files({ op: 'rename', from: '/root/site/tmp.txt', to: '/root/site/notes.txt' });
    a.files({ op: 'write', path: '/root/gone.txt', content: 'x' });
    a.files({ op: 'delete', path: '/root/gone.txt' });
    for (const line of ['docker run -d --name web nginx', '', 'docker run -d --name cache redis', 'docker ps']) {
      a.submitLine(line);
      a.runUntilInput(60_000);
    }
    const scenario = sessionToScenario(a, { title: 'Mine', lang: 'pt-BR' });
    expect(scenario.files).toEqual({ '/root/site/notes.txt': '', '/root/site/index.html': '<h1>hello</h1>\n' });
    expect(scenario.steps.map((s) => s.run)).toEqual(['docker run -d --name web nginx', 'docker run -d --name cache redis', 'docker ps']);
    expect(scenario.host).toEqual({ cpus: 4, memory: 8 * 1024 ** 3, seed: 9 });

    const decoded = await decodeScenario(await encodeScenario(scenario));
    const b = createEngine(scenarioEngineOptions(decoded));
    playScenario(b, decoded);
    const ids = (e: typeof a) => Object.values(e.snapshot().containers).map((c) => `${c.name} ${c.id}`).sort();
    expect(ids(b)).toEqual(ids(a));
    expect(b.files({ op: 'read', path: '/root/site/index.html' })).toMatchObject({ ok: true, content: '<h1>hello</h1>\n' });
    expect(b.bugs).toEqual([]);
  });

  it('replays up to the first paused step, leaving the rest to the viewer', () => {
    const s: Scenario = { ...base, files: {}, steps: [{ run: 'touch one' }, { run: 'touch two', say: 'Now the second', pause: true }, { run: 'touch three' }] };
    expect(firstPause(s)).toBe(1);
    const e = createEngine(scenarioEngineOptions(s));
    playScenario(e, s);
    expect(e.promptLines.map((l) => l.line)).toEqual(['touch one']);
    expect(e.files({ op: 'read', path: '/root/one' }).ok).toBe(true);
    expect(e.files({ op: 'read', path: '/root/two' }).ok).toBe(false);
    expect(firstPause({ ...s, steps: [{ run: 'ls' }] })).toBe(1);
  });

  it('bounds the virtual time a hostile scenario can make the worker spend', () => {
    const s: Scenario = { ...base, files: {}, steps: Array.from({ length: 40 }, (_, i) => ({ run: `sleep 100 # ${i}` })) };
    const e = createEngine(scenarioEngineOptions(s));
    playScenario(e, s);
    // 40 × 100 s would be 66 minutes; playing stops once 30 have passed.
    expect(e.now).toBeLessThan(SCENARIO_LIMIT_MS + 2 * STEP_LIMIT_MS);
    expect(e.promptLines.length).toBeLessThan(40);
    expect(e.promptLines.length).toBeGreaterThanOrEqual(18);
  });

  it('steps back through 200 steps within the replay budget', () => {
    const lines: string[] = ['docker pull alpine'];
    for (let i = 0; lines.length < 200; i++) lines.push(`docker run -d --name r${i} alpine sleep 1000`, `docker exec r${i} hostname`, 'docker ps -q', `docker stop -t 0 r${i}`, `docker rm r${i}`, `echo step ${i}`);
    const s: Scenario = { ...base, files: {}, steps: lines.slice(0, 200).map((run) => ({ run })) };
    const a = createEngine(scenarioEngineOptions(s));
    playScenario(a, s);
    // Stepping back = replaying the journal up to the earlier step into a fresh engine.
    const t0 = performance.now();
    const b = createEngine(scenarioEngineOptions(s));
    replayJournal(b, a.journal, a.now);
    const ms = performance.now() - t0;
    expect(b.snapshot().containers).toEqual(a.snapshot().containers);
    // The design budget is 200 ms (measured by scripts/bench.ts); allow slack for a loaded test machine.
    expect(ms).toBeLessThan(1000);
  });
});

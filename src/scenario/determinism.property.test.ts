/**
 * Determinism (issue 6): a generated scenario — random host, random files (Dockerfiles and their
 * context among them), random steps from a corpus of docker and shell commands, hostile ones
 * included — played twice into fresh engines (playScenario with scenarioEngineOptions, as the
 * worker does) gives the same terminal output, the same state hash and the same snapshot, byte for
 * byte; replaying the first engine's journal into a third engine gives that state again.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngine, replayJournal, type Engine } from '../engine/index.ts';
import { propertyParams, runsScale } from '../engine/testing/drive.ts';
import { stableJson, stateHash } from '../engine/testing/stateHash.ts';
import { parseScenario, SCENARIO_VERSION, type Scenario } from './format.ts';
import { playScenario, scenarioEngineOptions } from './session.ts';

const SCALE = runsScale();
/** Virtual time one step may take in these tests (a step left running is typed into, as in the worker). */
const STEP_MS = 20_000;

const STEPS = [
  'docker pull -q alpine', 'docker pull busybox', 'docker pull nginx', 'docker pull nosuch/thing',
  'docker run -d --name web -p 8080:80 nginx', 'docker run -d --name s1 --memory 32m alpine sleep 30', 'docker run --rm alpine echo hi',
  'docker run -d --name ticker alpine sh -c "while true; do date; sleep 1; done"', 'docker run -d --restart on-failure:2 alpine sh -c "sleep 1; exit 3"',
  'docker run -d --name hog --memory 16m alpine sh -c "tail /dev/zero"', 'docker run -it alpine sh', 'docker run --name s1 alpine',
  'docker create --name c1 busybox', 'docker start c1', 'docker stop -t 1 s1', 'docker kill web', 'docker rm -f s1 web c1', 'docker restart ticker',
  'docker ps -a', 'docker ps --format "{{.ID}} {{.Names}} {{.Status}}"', 'docker images', 'docker inspect -f "{{.State.Pid}} {{.NetworkSettings.IPAddress}}" web',
  'docker logs --tail 3 ticker', 'docker stats --no-stream', 'docker top web', 'docker events --since 0 --until 0s',
  'docker exec s1 ps', 'docker exec web sh -c "echo hi > /usr/share/nginx/html/x.html"', 'docker diff web', 'docker commit web snap', 'docker history snap',
  'docker volume create v1', 'docker run -d --name db -v v1:/data alpine sh -c "echo x > /data/f; sleep 20"', 'docker volume rm v1', 'docker volume ls',
  'docker network create n1', 'docker run -d --network n1 --name a1 alpine sleep 20', 'docker run --rm --network n1 alpine ping -c 2 a1', 'docker network rm n1',
  'docker build -t app /root/app', 'docker build -t mine /root/ctx', 'docker build -q --no-cache -t mine:2 /root/ctx', 'docker rmi app', 'docker tag alpine x/y:z',
  'docker system df', 'docker builder prune -f', 'docker cp /root/ctx/a.txt s1:/tmp/', 'docker cp web:/etc/nginx/nginx.conf /root/n.conf',
  'ls -la /root', 'cat /root/ctx/Dockerfile', 'echo hi > /root/out.txt; cat /root/out.txt', 'sleep 3', 'date', 'ps aux', 'free -m', 'top -b -n 1',
  'curl -s localhost:8080 | head -3', 'docker run --bogus alpine', 'docker ps --format "{{.Nope}}"', 'echo "unterminated', 'cat', 'grep x &', 'jobs',
  'for i in 1 2 3; do echo $i; sleep 1; done', 'kill -9 1', 'exit', 'valueOf', ')',
];

const DOCKERFILES = [
  'FROM alpine\nRUN echo hi > /f\nCOPY a.txt /\nCMD ["cat", "/f"]\n',
  'FROM busybox AS b\nRUN false\n',
  'FROM alpine\nRUN <<EOF\necho heredoc > /h\nEOF\nENV A=1\nWORKDIR /w\nUSER 1000\n',
  'FROM scratch\nCOPY a.txt /\n',
  'FROM nosuch/image\n',
  'FROMM alpine\n',
  'FROM alpine AS one\nRUN echo 1 > /one\nFROM busybox\nCOPY --from=one /one /\n',
];

const scenario: fc.Arbitrary<Scenario> = fc
  .record({
    title: fc.string({ maxLength: 30 }),
    lang: fc.constantFrom('en' as const, 'pt-BR' as const),
    host: fc.record({ cpus: fc.integer({ min: 1, max: 8 }), memory: fc.constantFrom(512 * 1024 ** 2, 2 * 1024 ** 3, 8 * 1024 ** 3), seed: fc.integer({ min: 0, max: 0xffffffff }) }),
    dockerfile: fc.constantFrom(...DOCKERFILES),
    extra: fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9._-]{0,8}(\/[a-z][a-z0-9._-]{0,8})?$/), fc.string({ maxLength: 80 }), { maxKeys: 3 }),
    steps: fc.array(fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...STEPS) }, { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== '') }), { minLength: 1, maxLength: 10 }),
  })
  .map(({ title, lang, host, dockerfile, extra, steps }) =>
    // Through the hostile-input validator, as a scenario from a URL would be.
    parseScenario({ v: SCENARIO_VERSION, title, lang, host, files: { ...extra, 'ctx/Dockerfile': dockerfile, 'ctx/a.txt': 'a\n' }, steps: steps.map((run) => ({ run })) }),
  );

function play(s: Scenario): { engine: Engine; output: string } {
  const engine = createEngine(scenarioEngineOptions(s));
  playScenario(engine, s, STEP_MS);
  return { engine, output: engine.takeOutput() };
}

describe('scenario replay is deterministic (property)', () => {
  it('the same scenario played twice gives the same output, state hash and snapshot', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const a = play(s);
        const b = play(s);
        expect(a.engine.bugs).toEqual([]);
        expect(b.engine.bugs).toEqual([]);
        expect(b.output).toBe(a.output);
        expect(b.engine.now).toBe(a.engine.now);
        expect(stateHash(b.engine)).toBe(stateHash(a.engine));
        expect(stableJson(b.engine.snapshot())).toBe(stableJson(a.engine.snapshot()));
        // The journal (what the worker keeps for reloads and time travel) reproduces it too.
        const c = createEngine(scenarioEngineOptions(s));
        replayJournal(c, a.engine.journal);
        if (c.now < a.engine.now) c.advance(a.engine.now - c.now);
        expect(stateHash(c)).toBe(stateHash(a.engine));
      }),
      propertyParams(150),
    );
  }, 60_000 * SCALE);

  it('a different seed is a different world (the hash sees it)', () => {
    const s = parseScenario({ v: SCENARIO_VERSION, title: 't', lang: 'en', host: { cpus: 2, memory: 2 * 1024 ** 3, seed: 1 }, files: {}, steps: [{ run: 'docker run -d alpine sleep 9' }] });
    const other = { ...s, host: { ...s.host, seed: 2 } };
    expect(stateHash(play(other).engine)).not.toBe(stateHash(play(s).engine));
  });
});

/**
 * Hostile input for the docker CLI (issue 6): commands from a corpus of real ones, mutated —
 * tokens dropped, duplicated, swapped, unknown flags, bad values (sizes, durations, ports, names,
 * cpus), missing arguments — must never crash the engine, the prompt must come back, and when
 * docker refuses the command itself the engine's state must be exactly what it was.
 *
 * What "refused" means here, as real docker 28.5 behaves:
 * - a usage or validation error (the CLI prints `See 'docker X --help'.` or `Run 'docker X --help'`):
 *   the CLI stops before any API call;
 * - a failure whose output holds nothing but error lines (`Error response from daemon: …`,
 *   `docker: …`, `invalid …`, `Error: No such object`, …): no target was touched. A command with
 *   several targets that did some (`docker rm a nope` prints `a` before the error) is not a refusal.
 * Exceptions, as real docker:
 * - `docker run`/`docker start` whose container was created but failed to start (`failed to create
 *   task`, `port is already allocated`, `driver failed programming external connectivity`) keeps
 *   the created container (and any named volume it created), exit 125/126/127;
 * - a `docker run` that had to pull its image keeps the image even when create then fails (a name
 *   already in use, an invalid name: moby's create checks the image first, the CLI pulls on its 404,
 *   then the name is reserved): the corpus pre-pulls every image it names, and an output with pull
 *   progress is not a refusal. tests/transcripts/90-hostile-input.txt pins that order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bootEngine, propertyParams, runLine, runsScale, settle, shellWord, type LineResult } from '../../testing/drive.ts';
import { engineState, stateHash } from '../../testing/stateHash.ts';

/** The playground every run starts from: images pulled, containers in each state, a volume, a network. */
const SETUP = [
  'docker pull -q alpine',
  'docker pull -q busybox',
  'docker pull -q nginx',
  'docker run -d --name web -p 8080:80 nginx',
  'docker run -d --name s1 alpine sleep 100000',
  'docker create --name c1 alpine echo hi',
  'docker run --name e1 alpine true',
  'docker volume create v1',
  'docker network create n1',
];

/**
 * Real commands: `head` is what mutations work on (after `docker`), `tail` the container's command
 * (kept as typed, so a mutation never turns `sleep 5` into an endless `sleep`).
 */
interface Cmd {
  readonly head: readonly string[];
  readonly tail?: string;
  /** Its exit status as written, in the SETUP playground (0 unless said). */
  readonly rc?: number;
}
const c = (head: string | readonly string[], tail?: string, rc?: number): Cmd => ({
  head: typeof head === 'string' ? head.split(' ') : head,
  ...(tail ? { tail } : {}),
  ...(rc !== undefined ? { rc } : {}),
});
const CORPUS: readonly Cmd[] = [
  c('run -d --name r1 --memory 64m --cpus 0.5 alpine', 'sleep 5'),
  c('run --rm alpine', 'echo hi'),
  c('run -d -p 8081:80 --name w2 nginx'),
  c('run -d --network n1 --name r2 -v v1:/data alpine', 'sleep 5'),
  c('run --pids-limit 10 --restart no -e A=1 -w /tmp -u 1000 alpine', 'true'),
  c('run -d --memory-swap 128m --memory 64m --memory-reservation 32m --cpu-shares 512 --cpuset-cpus 0-1 alpine', 'true'),
  c('run -d --stop-timeout 3 --stop-signal SIGUSR1 --hostname h1 --read-only --tmpfs /run --mount type=volume,src=v1,dst=/d alpine', 'true'),
  c('create --name c2 --memory-swap 128m --memory 64m alpine'),
  c('create -t -i --hostname h1 --stop-timeout 3 -p 127.0.0.1:9000:9000/udp busybox', 'sh'),
  c('ps -a --filter status=running --format {{.Names}}'),
  c('ps -q -n 2 -s --no-trunc'),
  c('inspect -f {{.State.Status}} s1'),
  c('inspect --type image alpine'),
  c('exec s1', 'ls /'),
  c('exec -u root -w /tmp -e X=1 s1', "sh -c 'echo $X'"),
  c('rm c1'),
  c('rm -f -v e1'),
  c('stop -t 1 s1'),
  c('kill -s KILL s1'),
  c('pull -q busybox:latest'),
  c('pull --platform linux/amd64 alpine'),
  c('push localhost:5000/alpine', undefined, 1),
  c('tag alpine myalpine:v1'),
  c('images -a --filter dangling=false'),
  c('rmi busybox'),
  c('build -q -t app:1 -f /root/app/Dockerfile /root/app'),
  c('volume create --label a=b v2'),
  c('volume rm v1'),
  c('volume ls -q'),
  c('volume inspect v1'),
  c('volume prune -f'),
  c('network create --subnet 10.10.0.0/24 --gateway 10.10.0.1 n2'),
  c('network connect --alias db n1 s1'),
  c('network disconnect bridge s1'),
  c('network rm n1'),
  c('network inspect -f {{.Name}} bridge'),
  c('logs --tail 5 -t web'),
  c('logs --since 1s --until 2s s1'),
  c('cp /root/app/index.html s1:/tmp/'),
  c('cp s1:/etc/hostname /root/h.txt'),
  c(['commit', '-m', 'msg', '-c', 'ENV A=1', 's1', 'snap:1']),
  c('update --memory 128m --memory-swap 256m --cpus 1 --pids-limit 20 --restart on-failure:3 s1'),
  c('port web 80/tcp'),
  c('events --since 0 --until 1s --filter type=container'),
  c('start c1'),
  c('restart -t 1 s1'),
  c('pause s1'),
  c('unpause s1', undefined, 1),
  c('rename c1 c3'),
  c('top s1'),
  c('diff s1'),
  c('history --no-trunc alpine'),
  c('wait e1'),
  c('stats --no-stream s1'),
  c('system df'),
  c('search --limit 3 alpine'),
  c('builder prune -f'),
  c('image prune -f'),
];

/** Values a user might mistype where a flag or argument goes. */
const BAD_VALUES = [
  '', ' ', '-1', '0', 'abc', '1e9', '99999999999999999999', '64zb', '1.5.5', '-', '--', '=', ':', '::', '80:80:80', '65536',
  '0:0', 'a b', 'UPPER', 'x'.repeat(300), '../x', '/', 'nope', '@', 'alpine:', ':latest', 'alpine@sha256:bad', '1000000h',
  'NaN', 'Infinity', '0x1f', 'é', '-5s', '1.5', '0.0001', '300', '9-1', 'type=bind', 'src=/nope,dst=/x', 'v1:', ':/data',
  'a=b=c', 'status=bogus', '{{.Nope}}', '{{', 'json', 'table {{.ID}}', 'SIGBOGUS', '64', 'always', 'on-failure:-1',
];
const FLAGS = [
  '--bogus', '-Z', '--memory', '--name=', '--cpus=abc', '-p', '--format', '--filter', '-', '--', '-dit', '--rm', '--restart=always',
  '--help', '-q', '-a', '-f', '--all', '--force', '-t', '--time=-1', '--signal', '--since', '--until', '--network=none', '--mount',
  '-v', '--volume=/root:/r', '--publish-all', '--init', '--privileged', '--platform=linux/arm64', '--no-trunc', '--type=bogus',
];

type Mutation =
  | { readonly k: 'drop'; readonly i: number }
  | { readonly k: 'dup'; readonly i: number }
  | { readonly k: 'swap'; readonly i: number; readonly j: number }
  | { readonly k: 'insert'; readonly i: number; readonly word: string }
  | { readonly k: 'replace'; readonly i: number; readonly word: string };

const word = fc.oneof(fc.constantFrom(...BAD_VALUES), fc.constantFrom(...FLAGS), fc.string({ maxLength: 12 }));
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ k: fc.constant('drop' as const), i: fc.nat() }),
  fc.record({ k: fc.constant('dup' as const), i: fc.nat() }),
  fc.record({ k: fc.constant('swap' as const), i: fc.nat(), j: fc.nat() }),
  fc.record({ k: fc.constant('insert' as const), i: fc.nat(), word }),
  fc.record({ k: fc.constant('replace' as const), i: fc.nat(), word }),
);

function mutate(head: readonly string[], ms: readonly Mutation[]): string[] {
  const h = [...head];
  for (const m of ms) {
    const n = h.length;
    if (n === 0 && m.k !== 'insert') continue;
    const i = m.i % Math.max(n, 1);
    switch (m.k) {
      case 'drop':
        h.splice(i, 1);
        break;
      case 'dup':
        h.splice(i, 0, h[i] as string);
        break;
      case 'swap': {
        const j = m.j % n;
        [h[i], h[j]] = [h[j] as string, h[i] as string];
        break;
      }
      case 'insert':
        h.splice(m.i % (n + 1), 0, m.word);
        break;
      case 'replace':
        h[i] = m.word;
        break;
      default: {
        const never: never = m;
        throw new Error(`unknown mutation ${JSON.stringify(never)}`);
      }
    }
  }
  return h;
}

const toLine = (cmd: Cmd, head: readonly string[]) => ['docker', ...head.map(shellWord), ...(cmd.tail ? [cmd.tail] : [])].join(' ');

/** The container was created but could not start: real docker keeps it (see the header). */
const START_FAILURE = /failed to create task|port is already allocated|driver failed programming external connectivity|Cannot start|error while creating mount source path/;
/** A line that says what went wrong (and nothing that says something was done). */
const ERROR_LINE = /error|invalid|unknown|no such|not found|denied|conflict|requires|accepts|must|cannot|can't|failed|unable|refused|usage|not a |already|is not|does not|only one|not supported|not allowed|out of range|conflicting|needs an argument|bad |expected|missing|minimum|maximum|reserved|^\[\]$/i;

/** An error line the docker CLI itself prints (not a program inside a container). */
const DOCKER_ERROR_LINE = /^(Error response from daemon: |Error: |docker: |unknown (shorthand )?flag|invalid argument|flag needs an argument|"docker [^"]*" requires)/;
/** Lines that say neither "done" nor "wrong": what the CLI tells before it asks the daemon. */
const NEUTRAL_LINE = /^Using default tag: |^The push refers to repository |^Unable to find image '[^']*' locally$/;

/** True when docker refused the command as a whole (usage, validation, or an error for its only target). */
export function refused(r: LineResult): boolean {
  if (r.rc === 0 || !r.prompt || r.interrupts || r.cancels) return false;
  if (START_FAILURE.test(r.out)) return false;
  if (/(See|Run) 'docker [^']*--help'/.test(r.out)) return true;
  const lines = r.out.split('\n').filter((l) => l.trim() !== '' && !NEUTRAL_LINE.test(l));
  if (lines.length === 0) return false;
  const sub = subcommand(r.line);
  // The container's own program speaks here too: its errors are not docker's, nor is its exit status.
  // docker run/create exit 125 for their own failures (126/127: the command could not be run; else the container's status).
  if (sub === 'run' || sub === 'create') return r.rc === 125 && lines.every((l) => ERROR_LINE.test(l));
  if (sub === 'exec' || sub === 'start' || sub === 'attach') return lines.every((l) => DOCKER_ERROR_LINE.test(l));
  return lines.every((l) => ERROR_LINE.test(l));
}

/** The subcommand a docker line runs (`docker container rm` → `rm`), or undefined. */
function subcommand(line: string): string | undefined {
  const [a, b] = line.split(' ').slice(1);
  return a === 'container' || a === 'image' ? b : a;
}

/** Commands that only look: whatever they print and however they end, the state stays (`docker diff` records its listing: not here). */
export function readOnly(line: string): boolean {
  const words = line.split(' ').slice(1);
  const [a, b] = words;
  if (a === undefined) return true;
  if (['ps', 'inspect', 'images', 'logs', 'port', 'events', 'history', 'top', 'stats', 'search', 'version', 'info'].includes(a)) return true;
  if ((a === 'volume' || a === 'network') && (b === 'ls' || b === 'inspect')) return true;
  return a === 'system' && b === 'df';
}

const SCALE = runsScale();

function check(lines: readonly string[]): void {
  const engine = bootEngine(SETUP);
  for (const line of lines) {
    settle(engine);
    const before = stateHash(engine);
    const beforeState = engineState(engine);
    // A state still moving on its own (a container restarting, an attached one still running
    // after Ctrl-C) cannot tell whether a command changed it: such lines are only checked for crashes.
    settle(engine);
    const resting = stateHash(engine) === before;
    const r = runLine(engine, line);
    settle(engine);
    expect(engine.bugs, line).toEqual([]);
    expect(r.prompt, `${line}: the prompt never came back`).toBe(true);
    expect(Number.isInteger(r.rc), `${line}: no exit status`).toBe(true);
    // A docker CLI error (1, 125) always says what went wrong.
    if (r.rc === 1 || r.rc === 125) expect(r.out.trim(), `${line}: exit ${r.rc} without a message`).not.toBe('');
    if (resting && (refused(r) || readOnly(line)) && stateHash(engine) !== before) {
      expect(engineState(engine), `${line} (exit ${r.rc}, ${refused(r) ? 'refused' : 'read-only'}) changed the state:\n${r.out}`).toEqual(beforeState);
    }
  }
}

describe('docker CLI under hostile input (property)', () => {
  it('the state hash is stable while nothing happens', () => {
    const engine = bootEngine(SETUP);
    const before = stateHash(engine);
    const beforeState = engineState(engine);
    engine.advance(60_000);
    expect(engineState(engine)).toEqual(beforeState);
    expect(stateHash(engine)).toBe(before);
    // …and it does see a change.
    runLine(engine, 'docker rm c1');
    expect(stateHash(engine)).not.toBe(before);
  });

  it('the refusal classifier tells refusals from partial successes', () => {
    const engine = bootEngine(SETUP);
    expect(refused(runLine(engine, 'docker ps --bogus'))).toBe(true);
    expect(refused(runLine(engine, 'docker run --memory abc alpine'))).toBe(true);
    expect(refused(runLine(engine, 'docker rm nope'))).toBe(true);
    expect(refused(runLine(engine, 'docker rm c1 nope'))).toBe(false);
    expect(refused(runLine(engine, 'docker ps'))).toBe(false);
    expect(refused(runLine(engine, 'docker run -d -p 8080:80 nginx'))).toBe(false);
  });

  it('every corpus command runs as written (a real command, not a typo)', { timeout: 30_000 }, () => {
    for (const cmd of CORPUS) {
      const engine = bootEngine(SETUP);
      const line = toLine(cmd, cmd.head);
      const r = runLine(engine, line);
      expect(engine.bugs, line).toEqual([]);
      expect({ line, rc: r.rc, interrupts: r.interrupts }, r.out).toEqual({ line, rc: cmd.rc ?? 0, interrupts: 0 });
    }
  });

  it('mutated commands never crash, always end, and a refused one changes nothing', () => {
    const mutated = fc
      .tuple(fc.constantFrom(...CORPUS), fc.array(mutation, { minLength: 1, maxLength: 3 }))
      .map(([cmd, ms]) => toLine(cmd, mutate(cmd.head, ms)));
    fc.assert(fc.property(fc.array(mutated, { minLength: 1, maxLength: 4 }), (lines) => check(lines)), propertyParams(300));
  }, 60_000 * SCALE);

  it('random words after `docker` never crash and a refusal changes nothing', () => {
    const sub = fc.constantFrom('run', 'create', 'rm', 'rmi', 'volume', 'network', 'image', 'container', 'build', 'cp', 'exec', 'update', 'tag', 'commit', 'kill', 'stop', 'start');
    const line = fc.tuple(sub, fc.array(word, { maxLength: 5 })).map(([s, ws]) => ['docker', s, ...ws.map(shellWord)].join(' '));
    fc.assert(fc.property(fc.array(line, { minLength: 1, maxLength: 4 }), (lines) => check(lines)), propertyParams(150));
  }, 60_000 * SCALE);
});

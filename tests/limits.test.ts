/**
 * Issue 6 (hardening): each limit of the simulated host is real and fails with the message real
 * Linux/Docker prints. Fork bombs, the container cap, the log cap, the host's process table.
 * Tick times are printed (measured, not asserted: budgets belong to `npm run bench`).
 */
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../src/engine/index.ts';
import { DEFAULT_TASKS_MAX, PID_MAX_PROCESSES } from '../src/engine/kernel/kernel.ts';
import { MAX_CONTAINERS } from '../src/engine/daemon/router/containers.ts';
import { LOG_ROTATE_ENTRIES, MAX_LOG_ENTRIES } from '../src/engine/daemon/container.ts';
import { stripAnsi } from '../src/engine/sim.ts';

function engine(): Engine {
  const e = createEngine({ headless: true });
  e.runUntilInput(10_000);
  e.takeOutput();
  return e;
}

function run(e: Engine, line: string): string {
  e.submitLine(line);
  e.runUntilInput(600_000);
  return stripAnsi(e.takeOutput());
}

function containerId(e: Engine, name: string): string {
  return run(e, `docker inspect -f '{{.Id}}' ${name}`).split('\n').find((l) => /^[0-9a-f]{64}$/.test(l))!;
}

const inContainer = (e: Engine, id: string) => [...e.machine.kernel.processes.values()].filter((p) => p.containerId === id && p.alive).length;
const logText = (e: Engine, name: string) => [...e.machine.daemon.containers.values()].find((c) => c.name === name)!.log.map((l) => l.text).join('');

/** Advances in 50 ms ticks until `done`, returning the tick times (ms of real time). */
function tickUntil(e: Engine, done: () => boolean, maxMs: number): number[] {
  const times: number[] = [];
  for (let t = 0; t < maxMs && !done(); t += 50) {
    const t0 = performance.now();
    e.advance(50);
    times.push(performance.now() - t0);
  }
  return times;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

describe('a fork bomb without --pids-limit', () => {
  it('busybox sh: forks fail at the host limit (pids.max = DefaultTasksMax), reported once a second, and rm -f cleans up', { timeout: 120_000 }, () => {
    const e = engine();
    run(e, 'docker pull -q alpine');
    run(e, "docker run -d --name bomb alpine sh -c 'bomb(){ bomb|bomb& }; bomb; sleep infinity'");
    const id = containerId(e, 'bomb');
    const k = e.machine.kernel;
    const hit = () => k.events.some((ev) => ev.kind === 'pid-max' && ev.containerId === id);
    const climb = tickUntil(e, hit, 120_000);
    expect(hit()).toBe(true);
    const event = k.events.find((ev) => ev.kind === 'pid-max')!;
    expect(event.value).toBe(DEFAULT_TASKS_MAX);
    const scope = k.cgroups.get(`/system.slice/docker-${id}.scope`)!;
    expect(scope.pidsMax).toBe(DEFAULT_TASKS_MAX);
    expect(scope.pidsCurrent).toBeLessThanOrEqual(DEFAULT_TASKS_MAX);
    expect(scope.pidsCurrent).toBeGreaterThan(DEFAULT_TASKS_MAX - 10);
    expect(inContainer(e, id)).toBeGreaterThan(DEFAULT_TASKS_MAX - 10);
    // Ten more seconds at the limit: forks keep failing, the events stay few.
    const atLimit = tickUntil(e, () => false, 10_000);
    const pidMaxEvents = k.events.filter((ev) => ev.kind === 'pid-max').length;
    expect(pidMaxEvents).toBeGreaterThanOrEqual(5);
    expect(pidMaxEvents).toBeLessThanOrEqual(12);
    expect(logText(e, 'bomb')).toContain("sh: can't fork: Resource temporarily unavailable\n");
    // The host is fine: its own commands still fork.
    expect(run(e, "docker ps --format '{{.Names}} {{.Status}}'")).toMatch(/^bomb Up \d+ seconds$/m);
    const top = run(e, 'docker top bomb | wc -l');
    expect(Number(top.split('\n').find((l) => /^\s*\d+\s*$/.test(l)))).toBeGreaterThan(DEFAULT_TASKS_MAX - 50);
    console.log(`fork bomb (sh): ${climb.length * 50} virtual ms to the limit, tick median ${median(climb).toFixed(2)} ms (max ${Math.max(...climb).toFixed(1)}); at the limit median ${median(atLimit).toFixed(2)} ms (max ${Math.max(...atLimit).toFixed(1)})`);

    const t0 = performance.now();
    expect(run(e, 'docker rm -f bomb')).toContain('bomb');
    console.log(`docker rm -f bomb: ${(performance.now() - t0).toFixed(0)} ms real`);
    expect(inContainer(e, id)).toBe(0);
    expect([...k.processes.values()].filter((p) => p.containerId === id)).toHaveLength(0);
    expect(k.cgroups.get(`/system.slice/docker-${id}.scope`)?.pidsCurrent ?? 0).toBe(0);
  });

  it('bash: the classic :(){ :|:& };: retries its forks as bash does, and stops at the same limit', { timeout: 120_000 }, () => {
    const e = engine();
    run(e, 'docker pull -q ubuntu');
    run(e, "docker run -d --name bomb ubuntu bash -c ':(){ :|:& };:; sleep infinity'");
    const id = containerId(e, 'bomb');
    const k = e.machine.kernel;
    tickUntil(e, () => k.events.some((ev) => ev.kind === 'pid-max'), 120_000);
    tickUntil(e, () => false, 2_000);
    expect(k.cgroups.get(`/system.slice/docker-${id}.scope`)!.pidsCurrent).toBeGreaterThan(DEFAULT_TASKS_MAX - 10);
    expect(inContainer(e, id)).toBeGreaterThan(DEFAULT_TASKS_MAX - 10);
    expect(logText(e, 'bomb')).toContain('bash: line 1: fork: retry: Resource temporarily unavailable\n');
    run(e, 'docker stop -t 1 bomb');
    expect(inContainer(e, id)).toBe(0);
  });

  it('busybox and dash refuse ":" as a function name, as the real shells do', { timeout: 120_000 }, () => {
    const e = engine();
    run(e, 'docker pull -q alpine');
    run(e, 'docker pull -q debian');
    expect(run(e, "docker run --rm alpine sh -c ':(){ :|:& };:'; echo $?")).toMatch(/^sh: syntax error: bad function name\n2$/m);
    expect(run(e, "docker run --rm debian sh -c ':(){ :|:& };:'; echo $?")).toMatch(/^sh: 1: Syntax error: Bad function name\n2$/m);
  });

  it('with --pids-limit 100 the container\'s own cgroup stops it first: fork-failed, not the host limit', { timeout: 120_000 }, () => {
    const e = engine();
    run(e, 'docker pull -q alpine');
    run(e, "docker run -d --name bomb --pids-limit 100 alpine sh -c 'bomb(){ bomb|bomb& }; bomb; sleep infinity'");
    const id = containerId(e, 'bomb');
    const k = e.machine.kernel;
    tickUntil(e, () => k.events.some((ev) => ev.kind === 'fork-failed'), 60_000);
    tickUntil(e, () => false, 3_000);
    expect(k.events.some((ev) => ev.kind === 'fork-failed' && ev.containerId === id)).toBe(true);
    expect(k.events.some((ev) => ev.kind === 'pid-max')).toBe(false);
    expect(inContainer(e, id)).toBeLessThanOrEqual(100);
    expect(run(e, "docker inspect -f '{{.HostConfig.PidsLimit}}' bomb")).toContain('100');
    run(e, 'docker rm -f bomb');
    expect(inContainer(e, id)).toBe(0);
  });
});

describe('the host kernel', () => {
  it(`refuses fork with EAGAIN once the process table holds kernel.pid_max (${PID_MAX_PROCESSES}) processes, and says so`, { timeout: 120_000 }, () => {
    const e = engine();
    const k = e.machine.kernel;
    const init = k.processes.get(1)!;
    const idle = function* () {
      yield { kind: 'pause' } as const;
    };
    let last: unknown = null;
    for (let i = k.processes.size; i < PID_MAX_PROCESSES; i++) last = k.spawn({ parent: init, argv: ['sleep'], program: idle });
    expect(typeof last).toBe('object');
    expect(k.processes.size).toBe(PID_MAX_PROCESSES);
    expect(k.spawn({ parent: init, argv: ['sleep'], program: idle })).toBe('EAGAIN');
    const ev = k.events.at(-1)!;
    expect(ev.kind).toBe('pid-max');
    expect(ev.value).toBe(PID_MAX_PROCESSES);
    expect(ev.containerId).toBeNull();
  });
});

describe('the daemon', () => {
  it(`holds at most ${MAX_CONTAINERS} containers and says it is the simulator's limit (exit 125)`, { timeout: 120_000 }, () => {
    const e = engine();
    run(e, 'docker pull -q busybox');
    for (let i = 0; i < MAX_CONTAINERS; i++) e.machine.daemon.containers.size < MAX_CONTAINERS && run(e, `docker create busybox`);
    expect(e.machine.daemon.containers.size).toBe(MAX_CONTAINERS);
    const out = run(e, 'docker run --name one-too-many busybox true; echo "exit $?"');
    expect(out).toContain(`docker: Error response from daemon: cannot create container: this playground's daemon holds at most ${MAX_CONTAINERS} containers (a simulator limit; Docker Engine has none). Remove some with "docker rm"`);
    expect(out).toMatch(/^exit 125$/m);
    run(e, 'docker rm $(docker ps -aq)');
    expect(e.machine.daemon.containers.size).toBe(0);
    expect(run(e, 'docker run --rm busybox echo fits again')).toContain('fits again');
  });

  it(`keeps a container's latest ${MAX_LOG_ENTRIES} log writes, dropping the oldest in blocks of ${LOG_ROTATE_ENTRIES} (json-file max-size/max-file)`, { timeout: 120_000 }, () => {
    const e = engine();
    run(e, 'docker pull -q alpine');
    run(e, "docker run --name chatty alpine sh -c 'i=0; while [ $i -lt 6000 ]; do echo line $i; i=$((i+1)); done'");
    const lines = run(e, 'docker logs chatty').split('\n').filter((l) => l.startsWith('line '));
    // The 5,501st write (`line 5500`) rotated the oldest 501 away; 499 more came after it.
    const firstKept = MAX_LOG_ENTRIES + LOG_ROTATE_ENTRIES + 1 - MAX_LOG_ENTRIES;
    expect(firstKept).toBe(501);
    expect(lines[0]).toBe(`line ${firstKept}`);
    expect(lines.at(-1)).toBe('line 5999');
    expect(lines).toHaveLength(6000 - firstKept);
  });
});

import { describe, expect, it } from 'vitest';
import { Clock } from '../clock.ts';
import { FileTree } from '../fs/tree.ts';
import { sharesToWeight, parseCpuset } from './cgroup.ts';
import type { ProcessContext } from './context.ts';
import { Kernel } from './kernel.ts';
import type { Process, ProgramGenerator } from './process.ts';
import { SIGNALS } from './signals.ts';

function bootKernel(cpus = 4) {
  const k = new Kernel(new Clock(), { cpus, memoryBytes: 8 * 1024 ** 3, hostname: 'test' });
  const fs = new FileTree();
  k.machine = { kernel: k, resolve: () => ({ error: 'ENOENT' }), fsFor: () => fs };
  const init = k.spawn({ parent: null, argv: ['/sbin/init'], program: idle });
  if (typeof init === 'string') throw new Error('boot');
  return { k, init };
}

function* idle(ctx: ProcessContext): ProgramGenerator {
  for (;;) yield ctx.pause();
}

function* spin(ctx: ProcessContext): ProgramGenerator {
  ctx.cpu(1);
  for (;;) yield ctx.pause();
}

function container(k: Kernel, id: string, program = spin, parent?: Process) {
  const g = k.cgroups.ensure(`/system.slice/docker-${id}.scope`);
  g.containerId = id;
  const ns = { ...k.namespaces.host, pid: k.namespaces.createPid(id, k.namespaces.host.pid) };
  const p = k.spawn({ parent: parent ?? null, argv: [id], program, ns, cgroup: g, containerId: id });
  if (typeof p === 'string') throw new Error(p);
  k.dispatch();
  return { g, p, ns };
}

describe('cgroup v2 cpu.weight from --cpu-shares (runc ≥ 1.3.2)', () => {
  it.each([
    [0, 100], [2, 1], [128, 21], [256, 35], [512, 59], [1024, 100], [2048, 174], [4096, 303], [262144, 10000],
  ])('%i shares → weight %i', (shares, weight) => {
    expect(sharesToWeight(shares)).toBe(weight);
  });

  it('parses cpusets', () => {
    expect(parseCpuset('0-2,5')).toEqual([0, 1, 2, 5]);
    expect(parseCpuset('x')).toBeUndefined();
  });
});

describe('scheduler', () => {
  it('splits one pinned CPU by weight 59:100 (shares 512 vs 1024)', () => {
    const { k } = bootKernel();
    const a = container(k, 'a');
    const b = container(k, 'b');
    a.g.cpuWeight = sharesToWeight(512);
    b.g.cpuWeight = sharesToWeight(1024);
    a.g.cpuset = [0];
    b.g.cpuset = [0];
    k.advanceTo(10_000);
    const total = a.g.usageUsec + b.g.usageUsec;
    expect(total / 1e6).toBeCloseTo(10, 3);
    expect(a.g.usageUsec / total).toBeCloseTo(59 / 159, 3);
  });

  it('caps at cpu.max (--cpus 0.5) even on an idle host, and counts throttling', () => {
    const { k } = bootKernel();
    const a = container(k, 'a');
    a.g.cpuMaxQuota = 50_000;
    k.advanceTo(2_000);
    expect(a.g.usageUsec / 1e6).toBeCloseTo(1, 3);
    expect(a.g.nrThrottled).toBeGreaterThan(0);
  });

  it('is work-conserving: an idle sibling leaves its share to the busy one', () => {
    const { k } = bootKernel(1);
    const a = container(k, 'a');
    const b = container(k, 'b', idle);
    a.g.cpuWeight = 1;
    b.g.cpuWeight = 10000;
    k.advanceTo(1_000);
    expect(a.g.usageUsec / 1e6).toBeCloseTo(1, 3);
  });
});

describe('PID namespaces and signals', () => {
  it('numbers container processes from 1 and keeps host PIDs', () => {
    const { k } = bootKernel();
    const { p, ns } = container(k, 'c', idle);
    expect(p.nsPid).toBe(1);
    expect(p.hostPid).toBeGreaterThan(1);
    const child = k.spawn({ parent: p, argv: ['sleep'], program: idle });
    if (typeof child === 'string') throw new Error(child);
    expect(child.nsPid).toBe(2);
    expect(k.pidIn(p, ns.pid)).toBe(1);
    expect(k.lookup(2, ns.pid)).toBe(child);
  });

  it("ignores unhandled signals to a namespace's PID 1, but SIGKILL from the host kills it", () => {
    const { k } = bootKernel();
    const { p } = container(k, 'c', idle);
    k.dispatch();
    k.kill(p, SIGNALS.SIGTERM, null);
    expect(p.alive).toBe(true);
    k.kill(p, SIGNALS.SIGKILL, null);
    expect(p.alive).toBe(false);
    expect(p.exit).toEqual({ signal: 9 });
  });

  it('kills every process of the namespace when its init dies', () => {
    const { k } = bootKernel();
    const { p } = container(k, 'c', idle);
    const kids = [1, 2, 3].map(() => k.spawn({ parent: p, argv: ['sleep'], program: idle }) as Process);
    k.dispatch();
    k.terminate(p, { code: 0 });
    for (const c of kids) expect(c.alive).toBe(false);
  });

  it('refuses a fork past pids.max with EAGAIN and counts pids.events max', () => {
    const { k } = bootKernel();
    const { p, g } = container(k, 'c', idle);
    g.pidsMax = 2;
    expect(typeof k.spawn({ parent: p, argv: ['a'], program: idle })).toBe('object');
    expect(k.spawn({ parent: p, argv: ['b'], program: idle })).toBe('EAGAIN');
    expect(g.pidsEventsMax).toBe(1);
  });

  it('keeps a zombie until the parent reaps it', () => {
    const { k } = bootKernel();
    const { p } = container(k, 'c', idle);
    p.autoReap = false;
    const child = k.spawn({ parent: p, argv: ['true'], program: function* () { return 0; } }) as Process;
    k.dispatch();
    expect(child.state).toBe('Z');
    expect(k.processes.has(child.hostPid)).toBe(true);
  });
});

describe('memory and the OOM killer', () => {
  it('kills the biggest process of the cgroup at memory.max and counts the events', () => {
    const { k } = bootKernel();
    const { p, g } = container(k, 'c', idle);
    g.memoryMax = 64 * 1024 * 1024;
    const hog = k.spawn({ parent: p, argv: ['hog'], program: idle }) as Process;
    k.dispatch();
    expect(k.setRss(hog, 32 * 1024 * 1024)).toBe(true);
    expect(k.setRss(hog, 128 * 1024 * 1024)).toBe(false);
    expect(hog.exit).toEqual({ signal: 9 });
    expect(g.memoryEvents.oom_kill).toBe(1);
    expect(g.memoryCurrent).toBe(p.rssBytes);
    expect(k.events.some((e) => e.kind === 'oom-kill' && e.hostPid === hog.hostPid)).toBe(true);
  });
});

describe('termination', () => {
  it("runs a killed program's finally blocks, after the process is already dead", () => {
    const { k, init } = bootKernel();
    const seen: string[] = [];
    const p = k.spawn({
      parent: init, argv: ['worker'],
      *program(ctx: ProcessContext): ProgramGenerator {
        try {
          for (;;) yield ctx.pause();
        } finally {
          seen.push(`cleanup alive=${ctx.proc.alive}`);
        }
      },
    });
    if (typeof p === 'string') throw new Error(p);
    k.dispatch();
    expect(seen).toEqual([]);
    k.kill(p, SIGNALS.SIGKILL, null);
    k.dispatch();
    expect(seen).toEqual(['cleanup alive=false']);
    expect(p.exit).toEqual({ signal: SIGNALS.SIGKILL });
  });
});

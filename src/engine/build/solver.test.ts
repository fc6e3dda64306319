import { describe, expect, it } from 'vitest';
import { createEngine } from '../index.ts';
import { runLines } from '../sim.ts';
import { builderOf } from '../daemon/router/build.ts';
import { TtyPrinter } from './printer.ts';
import { Progress } from './progress.ts';

const setup = [
  'mkdir -p /root/t',
  'cd /root/t',
  "printf 'FROM alpine:3.21\\nARG V=1\\nENV E=x\\nCOPY a.txt /a.txt\\nRUN cat /a.txt\\n' > Dockerfile",
  'echo one > a.txt',
];

/** The step lines (`#N [i/n] …` plus their CACHED/DONE) of the last build in a transcript. */
function steps(text: string): string[] {
  const last = text.slice(text.lastIndexOf('$ docker build'));
  const out: string[] = [];
  const names = new Map<string, string>();
  for (const l of last.split('\n')) {
    const m = /^#(\d+) (\[\d\/\d\] .*)$/.exec(l);
    if (m) names.set(m[1], m[2]);
    const e = /^#(\d+) (CACHED|DONE)/.exec(l);
    if (e && names.has(e[1])) out.push(`${e[2]} ${names.get(e[1])}`);
  }
  return out;
}

const imageIds = (text: string) => [...text.matchAll(/writing image (sha256:[0-9a-f]{64})/g)].map((m) => m[1]);

describe('build cache', () => {
  it('reuses every step and yields the same image ID on a rebuild', () => {
    const { text } = runLines([...setup, 'docker build -t t .', 'docker build -t t .']);
    expect(steps(text)).toEqual(['CACHED [1/3] FROM docker.io/library/alpine:3.21@sha256:5018b1861d9c26d709de04be3b3d8e3b5c33d131334f2fded27ce8f15b7a69ac', 'CACHED [2/3] COPY a.txt /a.txt', 'CACHED [3/3] RUN cat /a.txt']);
    const ids = imageIds(text);
    expect(ids).toHaveLength(2);
    expect(ids[0]).toBe(ids[1]);
  });

  it('misses from the COPY of a changed file on, not for a touched one', () => {
    const { text } = runLines([...setup, 'docker build -t t .', 'echo two > a.txt', 'docker build -t t .']);
    expect(steps(text).map((s) => s.slice(0, 12))).toEqual(['CACHED [1/3]', 'DONE [2/3] C', 'DONE [3/3] R']);
    const again = runLines([...setup, 'docker build -t t .', 'echo one > a.txt', 'docker build -t t .']).text;
    expect(steps(again).every((s) => s.startsWith('CACHED'))).toBe(true);
  });

  it('misses at the first use of a changed build arg (the RUN), not at the COPY', () => {
    const { text } = runLines([...setup, 'docker build -t t .', 'docker build --build-arg V=2 -t t .']);
    expect(steps(text).map((s) => s.slice(0, 12))).toEqual(['CACHED [1/3]', 'CACHED [2/3]', 'DONE [3/3] R']);
  });

  it('re-runs everything with --no-cache and gets a new image', () => {
    const { text } = runLines([...setup, 'docker build -t t .', 'docker build --no-cache -t t .']);
    expect(steps(text).every((s) => s.startsWith('DONE'))).toBe(true);
    const ids = imageIds(text);
    expect(ids[0]).not.toBe(ids[1]);
  });

  it('keeps build views for the snapshot and counts cache records', () => {
    const { engine } = runLines([...setup, 'docker build -t t .', 'docker build -t t nope']);
    const d = engine.machine.daemon;
    const views = d.buildViews?.() ?? [];
    expect(views).toHaveLength(1);
    expect(views[0]).toMatchObject({ id: 'build-1', status: 'done', tags: ['t:latest'] });
    const run = views[0].steps.find((s) => s.name === '[3/3] RUN cat /a.txt');
    expect(run).toMatchObject({ stage: '0', status: 'done' });
    expect(run?.layer).toBeNull();
    expect(views[0].steps.find((s) => s.name.includes('COPY'))?.layer).toMatch(/^sha256:/);
    expect(builderOf(d).kit.cache.records()).toHaveLength(2);
    expect(d.apiLog.some((c) => c.path.endsWith('/session') && c.status === 101)).toBe(true);
  });

  it('runs RUN steps in a build container under dockerd, in virtual time', () => {
    const { text, engine } = runLines(['mkdir -p /root/s', "printf 'FROM alpine:3.21\\nRUN sleep 2\\n' > /root/s/Dockerfile", 'docker build /root/s']);
    expect(text).toMatch(/#\d+ \[2\/2\] RUN sleep 2\n#\d+ DONE 2\.\d+s/);
    expect(engine.machine.daemon.buildMounts.size).toBe(0);
    expect([...engine.machine.kernel.cgroups.all()].some((g) => g.path.startsWith('/docker/buildkit/'))).toBe(false);
  });

  it('leaves no image and no tag when a step fails', () => {
    const { text } = runLines(['mkdir -p /root/f', "printf 'FROM alpine:3.21\\nRUN exit 3\\n' > /root/f/Dockerfile", 'docker build -t f /root/f', 'echo status=$?', 'docker images -q']);
    expect(text).toContain('ERROR: failed to build: failed to solve: process "/bin/sh -c exit 3" did not complete successfully: exit code: 3');
    expect(text).toContain('status=1');
    expect(text.trimEnd().endsWith('$ docker images -q')).toBe(true);
  });
});

describe('tty progress', () => {
  it('draws the [+] Building frame with right-aligned times and docker:default', () => {
    let now = 0;
    const p = new Progress(() => now);
    const out: string[] = [];
    const tty = new TtyPrinter(p, () => 60, (s) => out.push(s));
    const v = p.start('[1/2] FROM docker.io/library/alpine:latest');
    now = 100;
    p.cached(v);
    const r = p.start('[2/2] RUN make');
    now = 1300;
    p.output(r, 'compiling\n');
    const running = tty.frame(false);
    expect(running[0]).toBe(`[+] Building 1.3s (1/2)${' '.repeat(60 - 23 - 14)}docker:default`);
    expect(running).toContain(' => # compiling'.replace(' => #', ' => => #'));
    p.done(r);
    const done = tty.frame(true).map((l) => l.replace(/\x1b\[[0-9;]*m/g, ''));
    expect(done[0].startsWith('[+] Building 1.3s (2/2) FINISHED')).toBe(true);
    expect(done[1]).toBe(`${' => CACHED [1/2] FROM docker.io/library/alpine:latest'.padEnd(56)}0.0s`);
    expect(done[2].endsWith('1.2s')).toBe(true);
    expect(done.every((l) => l.length === 60)).toBe(true);
    tty.draw(true);
    expect(out.join('')).toContain('FINISHED');
  });

  it('keeps a running frame within the terminal height, then prints the finished frame whole', () => {
    const now = 0;
    const p = new Progress(() => now);
    const out: string[] = [];
    const tty = new TtyPrinter(p, () => 60, (s) => out.push(s), () => 6);
    for (let i = 1; i <= 8; i++) p.done(p.start(`[${i}/9] RUN step ${i}`));
    p.start('[9/9] RUN last');
    tty.draw();
    const frame = out.join('').split('\n').filter(Boolean);
    expect(frame).toHaveLength(5);
    expect(frame[0]).toContain('[+] Building');
    expect(frame[4]).toContain('[9/9] RUN last');
    out.length = 0;
    tty.draw(true);
    const all = out.join('');
    expect(all.startsWith('\x1b[5A')).toBe(true);
    expect(all).toContain('[1/9] RUN step 1');
  });

  it('is used when stderr is a terminal (not headless)', () => {
    const engine = createEngine({ headless: false });
    engine.runUntilInput(10_000);
    engine.takeOutput();
    for (const l of ['mkdir -p /root/y', "printf 'FROM scratch\\nCMD [\"x\"]\\n' > /root/y/Dockerfile", 'docker build -t y /root/y']) {
      engine.submitLine(l);
      engine.runUntilInput(60_000);
    }
    const out = engine.takeOutput();
    expect(out).toContain('[+] Building');
    expect(out).toContain('FINISHED');
    expect(out).not.toContain('#0 building with');
  });
});

describe('Ctrl-C during a build', () => {
  it('cancels the running step, prints BuildKit\'s error, and leaves no sandbox or image', () => {
    const engine = createEngine({ headless: true });
    engine.runUntilInput(10_000);
    for (const l of ['mkdir -p /root/c', "printf 'FROM busybox\\nRUN sleep 100\\n' > /root/c/Dockerfile"]) {
      engine.submitLine(l);
      engine.runUntilInput(60_000);
    }
    const d = engine.machine.daemon;
    engine.submitLine('docker build -t c1 /root/c');
    engine.advance(5_000);
    engine.input('\x03');
    engine.runUntilInput(10_000);
    const out = engine.takeOutput();
    expect(out).toMatch(/#\d+ CANCELED\n/);
    expect(out).toContain('ERROR: failed to build: failed to solve: Canceled: context canceled');
    expect(d.buildViews!().at(-1)?.status).toBe('error');
    expect(d.buildMounts.size).toBe(0);
    expect([...engine.machine.kernel.processes.values()].some((p) => p.alive && p.comm === 'sleep')).toBe(false);
    expect(d.images.find('c1')).toBeUndefined();
  });
});

/**
 * The session across the worker boundary: a real EngineHost over the in-process endpoint pair.
 * Journal streaming, restore by replay, scenarios, Share, and a crashed worker replaced.
 */
import { describe, expect, it, vi } from 'vitest';
import { connect, createEndpointPair, type EngineClient } from '../../worker/client.ts';
import { EngineHost } from '../../worker/host.ts';
import type { ClientMessage, HostMessage, SessionStart } from '../../worker/protocol.ts';
import { connectStore, createPlaygroundStore } from '../../store/index.ts';
import { loadSession, restoreStart, sessionEndpoint, SessionKeeper, STORAGE_KEY, WATCHDOG_EVERY_MS, WATCHDOG_START_TIMEOUT_MS, WATCHDOG_TIMEOUT_MS, type SavedSession, type SessionStorage } from './session.ts';
import type { Scenario } from '../../scenario/format.ts';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

class MemoryStorage implements SessionStorage {
  readonly map = new Map<string, string>();
  getItem = (k: string) => this.map.get(k) ?? null;
  setItem = (k: string, v: string) => void this.map.set(k, v);
  removeItem = (k: string) => void this.map.delete(k);
}

/** Spawns in-process hosts driven by a shared fake clock. */
function hosts() {
  let now = 0;
  const frames: (() => void)[] = [];
  const spawned: EngineHost[] = [];
  const spawn = () => {
    const [clientSide, hostSide] = createEndpointPair<ClientMessage, HostMessage>();
    const host = new EngineHost(hostSide, { now: () => now, every: (_ms, fn) => (frames.push(fn), () => {}) }, { headless: true });
    spawned.push(host);
    let dead = false;
    const own = frames.length;
    return {
      endpoint: clientSide,
      terminate: () => {
        dead = true;
        host.stop();
        frames[own] = () => {};
      },
      get dead() {
        return dead;
      },
    };
  };
  const frame = async (ms = 16) => {
    await tick();
    now += ms + 0.3; // real time is fractional (performance.now)
    for (const f of [...frames]) f();
    await tick();
  };
  return { spawn, spawned, frame };
}

async function runAll(client: EngineClient, frame: (ms?: number) => Promise<void>, lines: readonly string[]) {
  for (const line of lines) {
    const done = client.run(line);
    let finished = false;
    void done.then(() => (finished = true));
    for (let i = 0; i < 2000 && !finished; i++) await frame(50);
    expect(finished).toBe(true);
  }
}

const names = (h: EngineHost) => Object.values(h.engine.snapshot().containers).map((c) => `${c.name} ${c.id}`).sort();

function open(h: ReturnType<typeof hosts>, keeper: SessionKeeper, start?: SessionStart) {
  const endpoint = sessionEndpoint({ start, keeper, spawn: h.spawn });
  const client = connect(endpoint);
  const store = createPlaygroundStore({ send: client.send });
  connectStore(store, client);
  let output = '';
  client.onOutput((d) => (output += d));
  return { endpoint, client, store, output: () => output };
}

describe('session persistence', () => {
  it('saves the journal as the learner works and restores it by replay after a reload', async () => {
    const storage = new MemoryStorage();
    const first = hosts();
    const a = open(first, new SessionKeeper(storage));
    await first.frame();
    await runAll(a.client, first.frame, ['docker run -d --name web nginx', 'echo hello > notes.txt']);
    await a.client.files({ op: 'write', path: '/root/app/index.html', content: '<p>mine</p>\n' });
    a.client.input('docker ps');
    for (let i = 0; i < 30; i++) await first.frame(50);
    // Saved after a short debounce (real time), without any explicit flush.
    await new Promise((resolve) => setTimeout(resolve, 400));
    const saved = loadSession(storage);
    expect(saved).not.toBeNull();
    expect(saved!.journal.some((e) => e.k === 'file')).toBe(true);
    expect(saved!.journal.some((e) => !Number.isInteger(e.at))).toBe(true); // instants are fractional, as real time makes them

    const second = hosts();
    const b = open(second, new SessionKeeper(storage), restoreStart(saved!));
    await second.frame();
    const [was, is] = [first.spawned[0], second.spawned[0]];
    expect(names(is)).toEqual(names(was));
    expect(is.engine.files({ op: 'read', path: '/root/app/index.html' })).toMatchObject({ content: '<p>mine</p>\n' });
    expect(is.engine.files({ op: 'read', path: '/root/notes.txt' })).toMatchObject({ content: 'hello\n' });
    expect(is.engine.machine.terminal.history('bash')).toEqual(was.engine.machine.terminal.history('bash'));
    // The half-typed line is still there: Enter runs it.
    expect(b.store.getState().connection).toBe('ready');
    const before = b.output().length;
    b.client.input('\r');
    for (let i = 0; i < 10; i++) await second.frame(50);
    expect(b.output().slice(before)).toContain('nginx');
    expect(Object.keys(b.store.getState().containers)).toEqual(Object.keys(a.store.getState().containers));
  });

  it('ignores a malformed saved session', () => {
    const storage = new MemoryStorage();
    for (const bad of ['{', '[]', '{"v":1,"host":{"seed":1,"cpus":4,"memoryBytes":1},"until":0,"journal":[{"at":-1,"k":"in","data":"x"}]}', '{"v":2}']) {
      storage.setItem(STORAGE_KEY, bad);
      expect(loadSession(storage)).toBeNull();
    }
  });

  it('replaces a crashed worker and replays the session into it, printing nothing twice', async () => {
    const h = hosts();
    const keeper = new SessionKeeper(null);
    const s = open(h, keeper);
    await h.frame();
    await runAll(s.client, h.frame, ['docker run -d --name web nginx']);
    const before = names(h.spawned[0]);
    const outputBefore = s.output();
    expect(s.endpoint.restarts).toBe(0);
    // An engine bug: the next frame throws, and the host reports it as `fatal`.
    h.spawned[0].engine.advance = () => {
      throw new Error('boom');
    };
    await h.frame();
    expect(s.endpoint.restarts).toBe(1);
    expect(h.spawned).toHaveLength(2);
    // The saved virtual time may lag a little: the new engine catches up as time moves.
    for (let i = 0; i < 40; i++) await h.frame(50);
    expect(names(h.spawned[1])).toEqual(before);
    expect(s.store.getState().connection).toBe('ready');
    expect(s.output()).toBe(outputBefore); // nothing printed twice
    await runAll(s.client, h.frame, ['docker ps --format {{.Names}}']);
    expect(s.output().slice(outputBefore.length)).toContain('web');
  });
});

describe('scenarios and Share over the protocol', () => {
  const scenario: Scenario = {
    v: 1, title: 't', lang: 'en', host: { cpus: 2, memory: 2 * 1024 ** 3, seed: 77 },
    files: { 'site/index.html': '<h1>x</h1>\n' },
    steps: [{ run: 'docker run -d --name web nginx' }, { run: 'cat site/index.html' }],
  };

  it('plays a scenario before welcome, and Share turns the session back into it', async () => {
    const h = hosts();
    const s = open(h, new SessionKeeper(null), { kind: 'scenario', scenario });
    await h.frame();
    const host = h.spawned[0];
    expect(host.engine.machine.options).toMatchObject({ seed: 77, cpus: 2, memoryBytes: 2 * 1024 ** 3 });
    expect(Object.values(s.store.getState().containers).map((c) => c.name)).toEqual(['web']);
    expect(s.output()).toContain('<h1>x</h1>');
    const answer = new Promise<Scenario>((resolve) => s.client.onMessage((m) => m.type === 'scenario' && m.id === 5 && resolve(m.scenario)));
    s.client.send({ type: 'share', id: 5, title: 'Again', lang: 'pt-BR' });
    await h.frame();
    expect(await answer).toEqual({ ...scenario, title: 'Again', lang: 'pt-BR', files: { '/root/site/index.html': '<h1>x</h1>\n' } });
  });
});

describe('time travel over the protocol', () => {
  const containerNames = (s: ReturnType<typeof open>) => Object.values(s.store.getState().containers).map((c) => c.name).sort();

  /** A session of three steps, with the terminal's screen as the learner sees it. */
  async function session(storage: SessionStorage | null = null, start?: SessionStart) {
    const h = hosts();
    const keeper = new SessionKeeper(storage);
    const s = open(h, keeper, start);
    let screen = '';
    s.client.onOutput((d, reset) => (screen = reset ? d : screen + d));
    await h.frame();
    if (!start) await runAll(s.client, h.frame, ['docker run -d --name web nginx', 'docker run -d --name db redis', 'docker rm -f web']);
    return { h, s, keeper, screen: () => screen };
  }

  const travel = async (x: Awaited<ReturnType<typeof session>>, to: number) => {
    x.s.client.send({ type: 'travel', to });
    await x.h.frame();
  };

  it('shows the host after any step, forward and back, then the present unchanged', async () => {
    const x = await session();
    const present = x.screen();
    expect(x.s.store.getState().timeline.steps.map((st) => st.kind === 'line' && st.line)).toEqual(['docker run -d --name web nginx', 'docker run -d --name db redis', 'docker rm -f web']);
    expect(containerNames(x.s)).toEqual(['db']);

    await travel(x, 1);
    expect(x.s.store.getState().timeline.viewing).toBe(1);
    expect(containerNames(x.s)).toEqual(['web']);
    // Headless hosts print no prompt or echo: the pulls tell the steps apart.
    expect(x.screen()).toContain('Pulling from library/nginx');
    expect(x.screen()).not.toContain('Pulling from library/redis');

    await travel(x, 2); // forward: the same engine goes on, its output streams
    expect(containerNames(x.s)).toEqual(['db', 'web']);
    expect(x.screen()).toContain('Pulling from library/redis');

    await travel(x, 0);
    expect(containerNames(x.s)).toEqual([]);
    expect(x.s.store.getState().timeline.viewing).toBe(0);

    // Read-only: keystrokes do not reach the past, nor the present.
    const journal = x.keeper.length;
    x.s.client.input('docker run -d --name sneaky nginx\r');
    for (let i = 0; i < 10; i++) await x.h.frame(50);
    expect(containerNames(x.s)).toEqual([]);
    expect(x.keeper.length).toBe(journal);

    await travel(x, 3);
    expect(x.s.store.getState().timeline.viewing).toBeNull();
    expect(containerNames(x.s)).toEqual(['db']);
    expect(x.screen()).toBe(present);
  });

  it('runs a command asked for by the UI in the present, leaving the past', async () => {
    const x = await session();
    await travel(x, 1);
    await runAll(x.s.client, x.h.frame, ['docker ps --format {{.Names}}']);
    expect(x.s.store.getState().timeline.viewing).toBeNull();
    expect(x.s.store.getState().timeline.steps).toHaveLength(4);
    expect(x.screen().trimEnd().split('\n').at(-1)).toBe('db');
  });

  it('continues from a past step: it becomes the present, saved, and the next reload restores it', async () => {
    const storage = new MemoryStorage();
    const x = await session(storage);
    await travel(x, 1);
    x.s.client.send({ type: 'branch' });
    await x.h.frame();
    expect(x.s.store.getState().timeline).toEqual({ steps: [expect.objectContaining({ line: 'docker run -d --name web nginx' })], viewing: null });
    await runAll(x.s.client, x.h.frame, ['docker run -d --name cache redis']);
    expect(containerNames(x.s)).toEqual(['cache', 'web']);
    x.keeper.flush();
    const y = await session(storage, restoreStart(loadSession(storage)!));
    // The saved virtual time may lag a little: the restored engine catches up as time moves.
    for (let i = 0; i < 60; i++) await y.h.frame(50);
    expect(containerNames(y.s)).toEqual(['cache', 'web']);
    expect(y.s.store.getState().timeline.steps).toHaveLength(2);
  });

  it('a worker crash while the past is shown restarts in the present, its terminal whole', async () => {
    const x = await session();
    const present = x.screen();
    await travel(x, 1);
    // An engine bug in the past state shown: the next frame throws, the host reports `fatal`.
    x.h.spawned[0].engine.snapshot = () => {
      throw new Error('boom');
    };
    await x.h.frame();
    expect(x.s.endpoint.restarts).toBe(1);
    for (let i = 0; i < 40; i++) await x.h.frame(50);
    expect(x.s.store.getState().timeline.viewing).toBeNull();
    expect(containerNames(x.s)).toEqual(['db']);
    expect(x.screen()).toBe(present);
  });

  it('keeps a session that cannot be replayed instead of overwriting it', async () => {
    const failed: SavedSession[] = [];
    const h = hosts();
    const bad: SavedSession = { v: 1, host: { seed: 1, cpus: 4, memoryBytes: 4 * 1024 ** 3 }, journal: [{ at: 0, k: 'file', change: null as never }], until: 0 };
    const endpoint = sessionEndpoint({ start: restoreStart(bad), keeper: new SessionKeeper(null), spawn: h.spawn, onRestoreFailed: (s) => failed.push(s) });
    connect(endpoint);
    await h.frame();
    expect(failed).toEqual([bad]);
  });
});

describe('a command the UI runs', () => {
  it('sets a half-typed line aside and types it back once the command is done', async () => {
    const h = hosts();
    const s = open(h, new SessionKeeper(null));
    await h.frame();
    s.client.input('echo half');
    await h.frame();
    await runAll(s.client, h.frame, ['docker ps -q']);
    const terminal = h.spawned[0].engine.machine.terminal;
    expect(terminal.draftLine).toBe('echo half');
    s.client.input('way\r');
    for (let i = 0; i < 5; i++) await h.frame(50);
    expect(s.output().trimEnd().split('\n').at(-1)).toBe('halfway');
  });
});

describe('the watchdog', () => {
  /** A worker that answers only when told to: `hang()` makes it silent, as an endless loop would. */
  function fakeWorkers() {
    const spawned: { posts: ClientMessage[]; emit: (m: HostMessage) => void; terminated: boolean }[] = [];
    const spawn = () => {
      let listener: ((m: HostMessage) => void) | null = null;
      const w = { posts: [] as ClientMessage[], emit: (m: HostMessage) => listener?.(m), terminated: false };
      spawned.push(w);
      return {
        endpoint: { post: (m: ClientMessage) => void w.posts.push(m), listen: (h: (m: HostMessage) => void) => ((listener = h), () => (listener = null)) },
        terminate: () => void (w.terminated = true),
      };
    };
    return { spawned, spawn };
  }
  const welcome = { type: 'welcome', v: 1, seq: 0, speed: 1, snapshot: {} } as unknown as HostMessage;

  it('replaces a worker that stops answering, and leaves one that answers alone', () => {
    vi.useFakeTimers();
    try {
      let t = 0;
      const w = fakeWorkers();
      const restarts: number[] = [];
      const endpoint = sessionEndpoint({ keeper: new SessionKeeper(null), spawn: w.spawn, now: () => t, onRestart: (n) => restarts.push(n) });
      endpoint.listen(() => {});
      endpoint.post({ type: 'hello', v: 1 });
      w.spawned[0].emit(welcome);
      // Alive: every ping is answered.
      for (let i = 0; i < 20; i++) {
        t += WATCHDOG_EVERY_MS;
        vi.advanceTimersByTime(WATCHDOG_EVERY_MS);
        const ping = w.spawned[0].posts.at(-1);
        expect(ping?.type).toBe('ping');
        w.spawned[0].emit({ type: 'pong', id: (ping as { id: number }).id });
      }
      expect(restarts).toEqual([]);
      // Hung: pings go unanswered; past the timeout it is terminated and replaced, the session replayed.
      for (let i = 0; i * WATCHDOG_EVERY_MS <= WATCHDOG_TIMEOUT_MS; i++) {
        t += WATCHDOG_EVERY_MS;
        vi.advanceTimersByTime(WATCHDOG_EVERY_MS);
      }
      expect(restarts).toEqual([1]);
      expect(w.spawned[0].terminated).toBe(true);
      expect(w.spawned[1].posts[0]).toMatchObject({ type: 'hello' });
      // The new worker gets the longer start allowance before its welcome.
      t += WATCHDOG_TIMEOUT_MS + WATCHDOG_EVERY_MS;
      vi.advanceTimersByTime(WATCHDOG_TIMEOUT_MS + WATCHDOG_EVERY_MS);
      expect(restarts).toEqual([1]);
      t += WATCHDOG_START_TIMEOUT_MS;
      vi.advanceTimersByTime(WATCHDOG_START_TIMEOUT_MS);
      expect(restarts).toEqual([1, 2]);
      endpoint.stop();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('a crash during a command the UI runs', () => {
  it('answers the pending run, so its caller (presenter, palette) is not left waiting', async () => {
    const h = hosts();
    const s = open(h, new SessionKeeper(null));
    await h.frame();
    let code: number | null = null;
    void s.client.run('sleep 1000').then((c) => (code = c));
    await h.frame();
    h.spawned[0].engine.advance = () => {
      throw new Error('boom');
    };
    await h.frame();
    await tick();
    expect(s.endpoint.restarts).toBe(1);
    expect(code).toBe(130);
  });
});

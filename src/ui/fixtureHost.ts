/**
 * The `?fixture=1` dev route: a stand-in engine host speaking protocol.ts over an in-process
 * endpoint pair, playing the fixture of store/fixtures.ts. hog's memory climbs to its 64 MiB
 * memory.max, the OOM killer takes the stress worker, then stress exits and the box tears down —
 * everything the Processes and Cgroups panels must show, before the real engine exists.
 * `?fixture=still` starts paused; tests step it with `window.__playground.fixture.advance(ms)`.
 * `?fixture=many` adds 48 nginx containers (50 in all) for the frame-rate budget.
 */
import { PROTOCOL_VERSION, type ClientMessage, type HostMessage, type QueryResult, type SnapshotPatch, type Speed } from '../worker/protocol.ts';
import type { Snapshot } from '../engine/snapshot.ts';
import { connect, createEndpointPair, type EngineClient } from '../worker/client.ts';
import type { GaugeSample } from '../engine/snapshot.ts';
import { crowdedSnapshot, fixtureGauges, fixtureSnapshot, hogExitPatch, nginxContainerPatch, oomKillPatch } from '../store/fixtures.ts';

const MiB = 1024 * 1024;
const START = 100_000;
const START_MEMORY = 40 * MiB;
const LIMIT = 64 * MiB;
/** stress allocates this fast in the fixture (slow enough to watch). */
const RATE_PER_MS = (6 * MiB) / 1000;
export const OOM_AT = START + Math.ceil((LIMIT - START_MEMORY) / RATE_PER_MS);
const EXIT_AT = OOM_AT + 500;
const PROMPT = 'root@playground:~# ';

export interface FixtureControls {
  /** Advances virtual time by `ms` (works while paused). */
  advance(ms: number): void;
  /** Virtual ms until the OOM kill. */
  untilOom(): number;
  now(): number;
  /** Starts one more nginx container (one patch); returns performance.now() when it was sent. */
  addContainer(workers?: number): { id: string; masterPid: number; sentAt: number };
}

export type FixtureVariant = 'default' | 'many';

export function startFixture(initialSpeed: Speed, variant: FixtureVariant = 'default'): { client: EngineClient; controls: FixtureControls } {
  const [clientSide, hostSide] = createEndpointPair<ClientMessage, HostMessage>();
  const post = (m: HostMessage) => hostSide.post(m);
  let now = START;
  let seq = 0;
  let speed: Speed = initialSpeed;
  let snapshot: Snapshot = variant === 'many' ? crowdedSnapshot(48) : fixtureSnapshot();
  let added = 100;
  let line = '';

  const hogMemory = (t: number) => (t >= EXIT_AT ? 0 : t >= OOM_AT ? 1.2 * MiB : Math.min(LIMIT - 64 * 1024, START_MEMORY + (t - START) * RATE_PER_MS));
  const sendGauges = () => {
    const wobble = Math.sin(now / 700);
    const sample = fixtureGauges(hogMemory(now), now, wobble);
    const extra: GaugeSample[] = [];
    for (const c of Object.values(snapshot.containers)) {
      if (c.status !== 'running' || c.name === 'web' || c.name === 'hog') continue;
      extra.push({ containerId: c.id, cpuPercent: 2 + 1.5 * Math.sin(now / 300 + c.pid), memoryBytes: (12 + Math.sin(now / 900 + c.pid)) * MiB, memoryLimit: snapshot.host.memoryBytes, pids: 3, pidsLimit: null, throttled: 0 });
    }
    post({ type: 'gauges', t: now, containers: [...sample.containers, ...extra], processes: sample.processes });
  };

  const applyLocally = (patch: SnapshotPatch) => {
    const table = <R>(current: Readonly<Record<string, R>>, puts: readonly R[] | undefined, removes: readonly string[] | undefined, key: (r: R) => string) => {
      const next = { ...current };
      for (const k of removes ?? []) delete next[k];
      for (const r of puts ?? []) next[key(r)] = r;
      return next;
    };
    snapshot = {
      ...snapshot,
      host: patch.host ?? snapshot.host,
      processes: table(snapshot.processes, patch.put.processes, patch.remove.processes, (r) => r.id),
      containers: table(snapshot.containers, patch.put.containers, patch.remove.containers, (r) => r.id),
      cgroups: table(snapshot.cgroups, patch.put.cgroups, patch.remove.cgroups, (r) => r.path),
      events: [...snapshot.events, ...(patch.events ?? [])],
    };
  };
  const sendPatch = (patch: SnapshotPatch) => {
    applyLocally(patch);
    post({ type: 'patch', seq: ++seq, patch });
  };

  const advance = (ms: number) => {
    const before = now;
    now += ms;
    if (before < OOM_AT && now >= OOM_AT) sendPatch(oomKillPatch(OOM_AT));
    if (before < EXIT_AT && now >= EXIT_AT) sendPatch(hogExitPatch(EXIT_AT));
    sendGauges();
  };

  let last = performance.now();
  setInterval(() => {
    const real = performance.now();
    const elapsed = real - last;
    last = real;
    if (speed > 0) advance(Math.round(elapsed * speed));
  }, 50);

  hostSide.listen((m) => {
    switch (m.type) {
      case 'hello':
        if (m.v !== PROTOCOL_VERSION) {
          post({ type: 'version-mismatch', expected: PROTOCOL_VERSION, got: m.v });
          return;
        }
        post({ type: 'welcome', v: PROTOCOL_VERSION, seq, snapshot, speed });
        post({ type: 'output', data: `\x1b[2m# fixture data: no engine behind this terminal\x1b[0m\r\n${PROMPT}` });
        sendGauges();
        return;
      case 'input':
        for (const ch of m.data) {
          if (ch === '\r') {
            post({ type: 'output', data: `\r\n${line.trim() ? `fixture: ${line.trim()}: not simulated here\r\n` : ''}${PROMPT}` });
            line = '';
          } else if (ch === '\x7f') {
            if (line) {
              line = line.slice(0, -1);
              post({ type: 'output', data: '\b \b' });
            }
          } else if (ch >= ' ') {
            line += ch;
            post({ type: 'output', data: ch });
          }
        }
        return;
      case 'run':
        post({ type: 'done', id: m.id, exitCode: 127 });
        return;
      case 'setSpeed':
        speed = m.speed;
        post({ type: 'speed', speed });
        return;
      case 'resync':
        post({ type: 'snapshot', seq, snapshot });
        return;
      case 'resize':
        return;
      case 'files': {
        // No host filesystem behind the fixture: every path is missing.
        const path = m.request.op === 'rename' ? m.request.from : m.request.path;
        post({ type: 'files-result', id: m.id, result: { ok: false, op: m.request.op, path, error: 'ENOENT', message: 'No such file or directory' } });
        return;
      }
      case 'diagnose':
        post({ type: 'diagnostics', id: m.id, diagnostics: [] });
        return;
      case 'query':
      case 'subscribe':
        // No engine behind the fixture: nothing to inspect.
        post({ type: m.type === 'query' ? 'queryResult' : 'subscription', id: m.id, result: { kind: m.query.kind, value: null } as QueryResult });
        return;
      case 'unsubscribe':
      case 'ping':
        post({ type: 'pong', id: m.id });
        return;
      case 'travel':
      case 'branch':
      case 'share':
        return; // no session behind the fixture to share
      default: {
        const never: never = m;
        throw new Error(`unhandled ${JSON.stringify(never)}`);
      }
    }
  });

  return {
    client: connect(clientSide),
    controls: {
      advance,
      untilOom: () => Math.max(0, OOM_AT - now),
      now: () => now,
      addContainer: (workers = 2) => {
        const patch = nginxContainerPatch(++added, now, workers, 10_000 + added);
        const sentAt = performance.now();
        sendPatch(patch);
        const container = patch.put.containers![0]!;
        return { id: container.id, masterPid: container.pid, sentAt };
      },
    },
  };
}

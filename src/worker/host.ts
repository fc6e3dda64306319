/**
 * The engine host: owns one engine, moves its virtual time with real time at the chosen speed,
 * and streams to the UI over an Endpoint — terminal output as it appears, snapshot patches at
 * most once per frame (only records whose object identity changed), gauge samples ~10 times a
 * second on their own light channel (only values that changed). The same host runs inside the
 * Web Worker and in-process for tests and benchmarks.
 */
import { createEngine, pointAfter, replayForward, replayJournal, TimelineIndex, type Engine, type EngineOptions, type TimelinePoint } from '../engine/index.ts';
import { playScenario, scenarioEngineOptions, sessionToScenario } from '../scenario/session.ts';
import { diagnoseDockerfile } from '../engine/editorDiagnostics.ts';
import type { GaugeSample, ProcessSample, RecordTable, Snapshot } from '../engine/snapshot.ts';
import { OutputLog } from './outputLog.ts';
import { PROTOCOL_VERSION, SPEEDS, type ClientMessage, type Endpoint, type HostMessage, type SessionStart, type SnapshotPatch, type Speed, type SubscribableQuery } from './protocol.ts';

/** Real-time hooks, injected so tests can drive the host without timers. */
export interface HostClock {
  now(): number;
  every(ms: number, fn: () => void): () => void;
}

const FRAME_MS = 16;
const GAUGE_MS = 100;
/** How often the session's virtual time is reported when no input arrived (persistence's `until`). */
const JOURNAL_IDLE_MS = 1000;
/** Never catch up more than this much virtual time in one frame (a background tab, a slow frame). */
const MAX_CATCHUP_MS = 250;
/**
 * Past this many processes (a fork bomb: thousands of records change every frame) patches go out
 * every CROWDED_PATCH_MS instead of every frame, so the page keeps up with them; terminal output is
 * still flushed every frame, so typing stays immediate.
 */
const CROWDED_PROCESSES = 1000;
const CROWDED_PATCH_MS = 250;
const TABLES: readonly RecordTable[] = ['processes', 'containers', 'cgroups', 'images', 'layers', 'builds', 'registries', 'transfers', 'volumes', 'networks', 'ports', 'traffic'];

/** A past state being shown (time travel): the point it was replayed to and its output. */
interface PastView {
  readonly applied: number;
  readonly point: TimelinePoint;
  readonly output: OutputLog;
}

export class EngineHost {
  /**
   * The engine shown: the live one, or while time travelling a replayed past state. Replaced at
   * `hello` when the UI asks to restore a session or play a scenario.
   */
  engine: Engine;
  /** The live engine while a past state is shown (paused, no input reaches it); null otherwise. */
  #present: Engine | null = null;
  #past: PastView | null = null;
  #presentOutput = new OutputLog();
  #timeline = new TimelineIndex();
  /** Timeline steps the UI has (-1: nothing sent yet, the next message carries the whole list). */
  #timelineSent = -1;
  #viewingSent: number | null = null;
  #restoreFailed = false;
  readonly #endpoint: Endpoint<ClientMessage, HostMessage>;
  readonly #clock: HostClock;
  #speed: Speed = 1;
  #seq = 0;
  #last: Snapshot | null = null;
  #lastApiSeq = 0;
  #lastEventSeq = 0;
  #lastRealTime = 0;
  #lastGaugeAt = 0;
  #lastPatchAt = -Infinity;
  #sentContainerGauges = new Map<string, GaugeSample>();
  #sentProcessGauges = new Map<number, ProcessSample>();
  #started = false;
  #stop: (() => void) | null = null;

  readonly #options: EngineOptions;

  constructor(endpoint: Endpoint<ClientMessage, HostMessage>, clock: HostClock, options: EngineOptions = {}) {
    this.#options = options;
    this.engine = createEngine(options);
    this.#endpoint = endpoint;
    this.#clock = clock;
    endpoint.listen((m) => this.#onMessage(m));
  }

  #post(m: HostMessage): void {
    this.#endpoint.post(m);
  }

  #onMessage(m: ClientMessage): void {
    switch (m.type) {
      case 'hello': {
        if (m.v !== PROTOCOL_VERSION) {
          this.#post({ type: 'version-mismatch', expected: PROTOCOL_VERSION, got: m.v });
          return;
        }
        if (m.session) this.#startSession(m.session);
        if (m.cols && m.rows) this.engine.resize(m.cols, m.rows);
        this.#journalSent = 0;
        this.#timelineSent = -1;
        const snapshot = this.engine.snapshot();
        this.#last = snapshot;
        this.#lastApiSeq = snapshot.apiLog[snapshot.apiLog.length - 1]?.seq ?? 0;
        this.#lastEventSeq = snapshot.events[snapshot.events.length - 1]?.seq ?? 0;
        this.#post({ type: 'welcome', v: PROTOCOL_VERSION, seq: this.#seq, snapshot, speed: this.#speed, ...(this.#restoreFailed ? { restoreFailed: true as const } : {}) });
        this.#flushOutput();
        this.#sendTimeline();
        this.#start();
        return;
      }
      case 'input':
        // A past state is read-only: keystrokes would rewrite history behind the learner's back.
        if (this.#past) return;
        this.engine.input(m.data);
        this.#flushOutput();
        this.frame(false);
        return;
      case 'resize':
        this.engine.resize(m.cols, m.rows);
        this.#present?.resize(m.cols, m.rows);
        return;
      case 'run': {
        // A command asked for by the UI (the palette, Build, presenter mode) runs in the present.
        this.#returnToPresent();
        // Whatever was half-typed at the prompt is set aside (Ctrl-E, Ctrl-U), as a person would
        // clear it, and typed back once the command is done: nothing the learner typed is lost.
        const draft = this.engine.machine.terminal.draftLine;
        this.engine.input('\x05\x15');
        this.engine.submitLine(m.line);
        this.#flushOutput();
        const id = m.id;
        const check = () => {
          const live = this.#live;
          if (live.waitingForInput) {
            if (draft && live.machine.terminal.promptProcess?.containerId === null) {
              live.input(draft);
              this.#flushOutput();
            }
            // The step is on the timeline before its caller hears it is done (presenter mode marks it).
            this.#sendTimeline();
            this.#post({ type: 'done', id, exitCode: live.machine.lastStatus() });
            return true;
          }
          return false;
        };
        if (!check()) this.#pendingRuns.push(check);
        return;
      }
      case 'setSpeed':
        if ((SPEEDS as readonly number[]).includes(m.speed)) {
          this.#speed = m.speed;
          this.#post({ type: 'speed', speed: m.speed });
        }
        return;
      case 'resync': {
        const snapshot = this.engine.snapshot();
        this.#last = snapshot;
        this.#post({ type: 'snapshot', seq: ++this.#seq, snapshot });
        return;
      }
      case 'files': {
        // The editor may read the past; a change (a save) lands in the present.
        if (m.request.op !== 'list' && m.request.op !== 'read') this.#returnToPresent();
        const result = this.engine.files(m.request);
        this.#post({ type: 'files-result', id: m.id, result });
        this.#sendFilesRev();
        return;
      }
      case 'diagnose': {
        let diagnostics: ReturnType<typeof diagnoseDockerfile> = [];
        try {
          diagnostics = diagnoseDockerfile(m.text);
        } catch {
          // A parser failure must not stop the host: the editor just shows no markers.
        }
        this.#post({ type: 'diagnostics', id: m.id, diagnostics });
        return;
      }
      case 'share':
        this.#post({ type: 'scenario', id: m.id, scenario: sessionToScenario(this.#live, { title: m.title, lang: m.lang }) });
        return;
      case 'travel':
        this.#travel(m.to);
        return;
      case 'ping':
        this.#post({ type: 'pong', id: m.id });
        return;
      case 'branch':
        this.#branch();
        return;
      case 'query':
        this.#post({ type: 'queryResult', id: m.id, result: this.engine.query(m.query) });
        return;
      case 'subscribe': {
        const sub = { query: m.query, key: this.#subscriptionKey(m.query) };
        this.#subscriptions.set(m.id, sub);
        this.#post({ type: 'subscription', id: m.id, result: this.engine.query(m.query) });
        return;
      }
      case 'unsubscribe':
        this.#subscriptions.delete(m.id);
        return;
      default: {
        const never: never = m;
        throw new Error(`unknown message ${JSON.stringify(never)}`);
      }
    }
  }

  /** Live queries by subscription id, with the change key their last answer was computed at. */
  readonly #subscriptions = new Map<number, { readonly query: SubscribableQuery; key: string }>();

  #subscriptionKey(q: SubscribableQuery): string {
    return this.engine.overlayKey(q.containerId) ?? 'gone';
  }

  /** Re-answers the subscriptions whose answer may have changed (a cheap key compare each). */
  #sendSubscriptions(): void {
    for (const [id, sub] of this.#subscriptions) {
      const key = this.#subscriptionKey(sub.query);
      if (key === sub.key) continue;
      sub.key = key;
      this.#post({ type: 'subscription', id, result: this.engine.query(sub.query) });
    }
  }

  /**
   * Rebuilds the engine from a saved journal or a scenario, before the UI sees anything. A journal
   * that cannot be replayed (it was saved by an older engine) leaves a fresh sandbox.
   */
  #startSession(session: SessionStart): void {
    try {
      if (session.kind === 'restore') {
        const { seed, cpus, memoryBytes } = session.host;
        const engine = createEngine({ ...this.#options, seed, cpus, memoryBytes });
        replayJournal(engine, session.journal, session.until);
        this.engine = engine;
        this.#skipOutput = session.skipOutput ?? 0;
      } else {
        const engine = createEngine(scenarioEngineOptions(session.scenario));
        playScenario(engine, session.scenario);
        this.engine = engine;
      }
    } catch (e) {
      console.error('session replay failed:', e);
      this.engine = createEngine(this.#options);
      this.#restoreFailed = true;
    }
  }

  /** The live engine (the present), whether or not a past state is shown. */
  get #live(): Engine {
    return this.#present ?? this.engine;
  }

  /** Shows the state after `to` timeline steps, replaying forward when it can, from scratch when it must. */
  #travel(to: number): void {
    const live = this.#live;
    this.#timeline.update(live.journal, live.promptLines);
    const steps = this.#timeline.steps;
    if (!Number.isFinite(to) || to >= steps.length) {
      this.#returnToPresent();
      return;
    }
    const applied = Math.max(0, Math.floor(to));
    const point = pointAfter(steps, applied, live.journal, live.now);
    try {
      const past = this.#past;
      if (past && replayForward(this.engine, live.journal, past.point, point)) {
        // Forward from the state shown: its output streams on as it did live, the diagrams animate.
        this.#past = { applied, point, output: past.output };
      } else {
        const { seed, cpus, memoryBytes } = live.machine.options;
        const engine = createEngine({ ...this.#options, seed, cpus, memoryBytes });
        replayJournal(engine, live.journal.slice(0, point.cut), point.until);
        engine.resize(live.machine.terminal.cols, live.machine.terminal.rows);
        const output = new OutputLog();
        output.add(engine.takeOutput());
        this.#present = live;
        this.engine = engine;
        this.#past = { applied, point, output };
        this.#post({ type: 'screen', data: output.text(), past: true, total: this.#presentOutput.total });
        this.#showEngine();
      }
    } catch (e) {
      // A replay that fails leaves the learner where they were: in the present.
      console.error('time travel failed:', e);
      this.#returnToPresent();
    }
    // Where the view is goes first; what a forward move did (its patch) follows it.
    this.#sendTimeline();
    this.frame(false);
  }

  /** Leaves the past: the live engine is shown again, with its terminal as it was. */
  #returnToPresent(): void {
    if (!this.#present) return;
    this.engine = this.#present;
    this.#present = null;
    this.#past = null;
    this.#lastRealTime = this.#clock.now();
    this.#post({ type: 'screen', data: this.#presentOutput.text(), past: false, total: this.#presentOutput.total });
    this.#showEngine();
    this.#sendTimeline();
  }

  /** The past state shown becomes the present; the steps after it are dropped (the UI keeps the old session aside). */
  #branch(): void {
    const past = this.#past;
    if (!past) return;
    this.#present = null;
    this.#past = null;
    this.#presentOutput = past.output;
    this.#timeline = new TimelineIndex();
    this.#timelineSent = -1;
    this.#journalSent = 0;
    this.#lastRealTime = this.#clock.now();
    this.#post({ type: 'screen', data: past.output.text(), past: false, total: past.output.total });
    this.frame(false);
  }

  /** Another engine is shown: the UI gets its whole snapshot, gauges and live queries afresh. */
  #showEngine(): void {
    const snapshot = this.engine.snapshot();
    this.#last = snapshot;
    this.#lastApiSeq = snapshot.apiLog[snapshot.apiLog.length - 1]?.seq ?? 0;
    this.#lastEventSeq = snapshot.events[snapshot.events.length - 1]?.seq ?? 0;
    this.#post({ type: 'snapshot', seq: ++this.#seq, snapshot });
    this.#sentContainerGauges.clear();
    this.#sentProcessGauges.clear();
    this.#lastGaugeAt = -Infinity;
    for (const sub of this.#subscriptions.values()) sub.key = '';
  }

  /** Streams the timeline's new steps and where the view is (at most once per frame). */
  #sendTimeline(): void {
    const live = this.#live;
    this.#timeline.update(live.journal, live.promptLines);
    const steps = this.#timeline.steps;
    const viewing = this.#past ? this.#past.applied : null;
    if (steps.length === this.#timelineSent && viewing === this.#viewingSent) return;
    const from = Math.max(0, Math.min(this.#timelineSent, steps.length));
    this.#timelineSent = steps.length;
    this.#viewingSent = viewing;
    this.#post({ type: 'timeline', from, steps: steps.slice(from), viewing });
  }

  /** Characters of output the UI already shows (a restarted worker's replay prints them again). */
  #skipOutput = 0;
  #journalSent = 0;
  #journalNowAt = 0;

  /** Streams the journal's new entries (or, now and then, just the virtual time) for persistence. */
  #sendJournal(realNow: number): void {
    const live = this.#live;
    const journal = live.journal;
    const grew = journal.length > this.#journalSent;
    if (!grew && realNow - this.#journalNowAt < JOURNAL_IDLE_MS) return;
    this.#journalNowAt = realNow;
    const from = this.#journalSent;
    this.#journalSent = journal.length;
    const o = live.machine.options;
    this.#post({ type: 'journal', from, entries: journal.slice(from), now: live.now, host: { seed: o.seed, cpus: o.cpus, memoryBytes: o.memoryBytes } });
  }

  #pendingRuns: (() => boolean)[] = [];
  #lastFilesRev = -1;

  /** Tells the UI the host filesystem changed (the editor's tree re-lists): an integer compare per frame. */
  #sendFilesRev(): void {
    const rev = this.engine.filesRev;
    if (rev === this.#lastFilesRev) return;
    this.#lastFilesRev = rev;
    this.#post({ type: 'files-changed', rev });
  }

  #start(): void {
    if (this.#started) return;
    this.#started = true;
    this.#lastRealTime = this.#clock.now();
    this.#stop = this.#clock.every(FRAME_MS, () => this.frame(true));
  }

  stop(): void {
    this.#stop?.();
  }

  /** One frame: advance virtual time by the real time elapsed × speed, then stream what changed. */
  frame(advance = true): void {
    try {
      if (advance) {
        const now = this.#clock.now();
        const elapsed = Math.min(MAX_CATCHUP_MS, Math.max(0, now - this.#lastRealTime));
        this.#lastRealTime = now;
        // A past state stays still, and the present waits paused until the learner comes back.
        if (this.#speed > 0 && elapsed > 0 && !this.#past) this.engine.advance(elapsed * this.#speed);
      }
      this.#flushOutput();
      this.#pendingRuns = this.#pendingRuns.filter((check) => !check());
      const t = this.#clock.now();
      if (this.engine.machine.kernel.processes.size < CROWDED_PROCESSES || t - this.#lastPatchAt >= CROWDED_PATCH_MS) {
        this.#lastPatchAt = t;
        this.#sendPatch();
      }
      this.#sendFilesRev();
      this.#sendSubscriptions();
      this.#sendJournal(t);
      this.#sendTimeline();
      if (t - this.#lastGaugeAt >= GAUGE_MS) {
        this.#lastGaugeAt = t;
        this.#sendGauges();
      }
    } catch (e) {
      this.#post({ type: 'fatal', message: e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e) });
      this.stop();
    }
  }

  #flushOutput(): void {
    let data = this.engine.takeOutput();
    if (data) (this.#past ? this.#past.output : this.#presentOutput).add(data);
    if (data && this.#skipOutput > 0) {
      const cut = Math.min(this.#skipOutput, data.length);
      this.#skipOutput -= cut;
      data = data.slice(cut);
    }
    if (data) this.#post({ type: 'output', data });
  }

  #sendPatch(): void {
    const prev = this.#last;
    if (!prev) return;
    const next = this.engine.snapshot();
    const patch = diffSnapshots(prev, next, this.#lastApiSeq, this.#lastEventSeq);
    this.#last = next;
    if (!patch) return;
    if (patch.apiLog?.length) this.#lastApiSeq = patch.apiLog[patch.apiLog.length - 1].seq;
    if (patch.events?.length) this.#lastEventSeq = patch.events[patch.events.length - 1].seq;
    this.#post({ type: 'patch', seq: ++this.#seq, patch });
  }

  #sendGauges(): void {
    const g = this.engine.gauges();
    const containers: GaugeSample[] = [];
    const live = new Set<string>();
    for (const s of g.containers) {
      live.add(s.containerId);
      const prev = this.#sentContainerGauges.get(s.containerId);
      if (!prev || prev.cpuPercent !== s.cpuPercent || prev.memoryBytes !== s.memoryBytes || prev.memoryLimit !== s.memoryLimit || prev.pids !== s.pids || prev.pidsLimit !== s.pidsLimit || prev.throttled !== s.throttled) {
        containers.push(s);
        this.#sentContainerGauges.set(s.containerId, s);
      }
    }
    for (const id of [...this.#sentContainerGauges.keys()]) if (!live.has(id)) this.#sentContainerGauges.delete(id);
    const processes: ProcessSample[] = [];
    const livePids = new Set<number>();
    for (const s of g.processes) {
      livePids.add(s.hostPid);
      const prev = this.#sentProcessGauges.get(s.hostPid);
      if (!prev || prev.cpuPercent !== s.cpuPercent || prev.rssBytes !== s.rssBytes) {
        processes.push(s);
        this.#sentProcessGauges.set(s.hostPid, s);
      }
    }
    for (const pid of [...this.#sentProcessGauges.keys()]) if (!livePids.has(pid)) this.#sentProcessGauges.delete(pid);
    if (containers.length || processes.length) this.#post({ type: 'gauges', t: this.engine.now, containers, processes });
  }
}

/** What changed between two snapshots, by record identity; null when nothing did. */
export function diffSnapshots(prev: Snapshot, next: Snapshot, lastApiSeq: number, lastEventSeq: number): SnapshotPatch | null {
  const put: Record<string, unknown[]> = {};
  const remove: Record<string, string[]> = {};
  let changed = false;
  for (const table of TABLES) {
    const a = prev[table] as Record<string, unknown>;
    const b = next[table] as Record<string, unknown>;
    if (a === b) continue;
    for (const [id, rec] of Object.entries(b)) {
      if (a[id] !== rec) {
        (put[table] ??= []).push(rec);
        changed = true;
      }
    }
    for (const id of Object.keys(a)) {
      if (!(id in b)) {
        (remove[table] ??= []).push(id);
        changed = true;
      }
    }
  }
  const apiLog = next.apiLog.filter((c) => c.seq > lastApiSeq);
  const events = next.events.filter((e) => e.seq > lastEventSeq);
  const hostChanged = prev.host.hostname !== next.host.hostname || prev.host.cpus !== next.host.cpus;
  if (!changed && apiLog.length === 0 && events.length === 0 && !hostChanged) return null;
  return {
    ...(hostChanged || changed ? { host: next.host } : {}),
    put: put as SnapshotPatch['put'],
    remove: remove as SnapshotPatch['remove'],
    ...(apiLog.length ? { apiLog } : {}),
    ...(events.length ? { events } : {}),
  };
}

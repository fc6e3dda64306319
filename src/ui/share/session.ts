/**
 * Nothing lost: the sandbox session's journal (engine/journal.ts) is kept as the host streams it
 * (`journal` messages), saved to localStorage (debounced) and replayed into a fresh engine on the
 * next load. The same journal restores the session when the worker crashes: `sessionEndpoint`
 * swallows the `fatal`, starts a new worker and asks it to replay, skipping the output the
 * terminal already shows (output is deterministic). If a replay crashes again before the learner typed anything new, the last
 * input (the likely culprit) is left out of the next attempt; after a few attempts the failure is
 * shown.
 */
import type { ClientMessage, HostMessage, JournalEntry, SessionHost, SessionStart } from '../../worker/protocol.ts';
import type { HostEndpoint } from '../../worker/client.ts';

export const STORAGE_KEY = 'container-playground.session.v1';
/** The learner's own sandbox, kept aside while a shared link's session takes its place. */
export const PREVIOUS_KEY = 'container-playground.session.v1.previous';
/** Why it was kept aside: 'link' (a shared link took its place) or 'branch' (the timeline continued from an earlier step). */
export const PREVIOUS_KIND_KEY = 'container-playground.session.v1.previous.kind';
/** A saved session this version could not replay, kept (not overwritten by the empty sandbox) for another try or a download. */
export const UNREPLAYABLE_KEY = 'container-playground.session.v1.unreplayable';
const SAVE_DEBOUNCE_MS = 300;
/** When only the virtual time moved (no new input), save at most this often. */
const IDLE_SAVE_MS = 5000;
const MAX_RESTARTS = 3;
/** The watchdog asks the worker this often whether it is alive… */
export const WATCHDOG_EVERY_MS = 2000;
/** …and replaces it when nothing at all came back for this long (a hang: an endless loop in the engine). */
export const WATCHDOG_TIMEOUT_MS = 10_000;
/** Before `welcome` the worker may be replaying a long session in one go: it gets longer. */
export const WATCHDOG_START_TIMEOUT_MS = 30_000;
/** Beyond this the journal is not saved (localStorage quotas are ~5 MB). */
const MAX_SAVED_CHARS = 4_000_000;

export interface SavedSession {
  readonly v: 1;
  readonly host: SessionHost;
  readonly journal: readonly JournalEntry[];
  /** The session's virtual time when saved. */
  readonly until: number;
}

/** Minimal storage, so tests can pass a Map-backed one. */
export interface SessionStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const isInt = (v: unknown) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
/** Virtual instants are fractional ms (real time × speed). */
const isTime = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0;

/** Reads the saved session; anything malformed counts as none (it is our own data, but may be stale or hand-edited). */
export function loadSession(storage: SessionStorage): SavedSession | null {
  let data: unknown;
  try {
    const text = storage.getItem(STORAGE_KEY);
    if (!text) return null;
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof data !== 'object' || data === null) return null;
  const s = data as Partial<SavedSession>;
  if (s.v !== 1 || !isTime(s.until) || !Array.isArray(s.journal) || typeof s.host !== 'object' || s.host === null) return null;
  if (!isInt(s.host.seed) || !isInt(s.host.cpus) || !isInt(s.host.memoryBytes)) return null;
  for (const e of s.journal as unknown[]) {
    if (typeof e !== 'object' || e === null) return null;
    const j = e as { at?: unknown; k?: unknown };
    if (!isTime(j.at) || (j.k !== 'in' && j.k !== 'file' && j.k !== 'size')) return null;
  }
  return s as SavedSession;
}

/** Keeps the live session's journal, saving it after each change (debounced). */
export class SessionKeeper {
  #host: SessionHost | null = null;
  #journal: JournalEntry[] = [];
  #until = 0;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #enabled = true;
  #savedAt = 0;
  readonly #storage: SessionStorage | null;

  constructor(storage: SessionStorage | null) {
    this.#storage = storage;
  }

  get length(): number {
    return this.#journal.length;
  }

  /** Applies a `journal` message. */
  receive(m: Extract<HostMessage, { type: 'journal' }>): void {
    if (m.from === 0) this.#journal = [];
    else if (m.from !== this.#journal.length) return; // cannot happen over an ordered channel
    this.#journal.push(...m.entries);
    this.#host = m.host;
    this.#until = m.now;
    if (m.entries.length || m.from === 0 || Date.now() - this.#savedAt >= IDLE_SAVE_MS) this.#schedule();
  }

  /** The session so far, minus its last `drop` entries. */
  session(drop = 0): SavedSession | null {
    if (!this.#host) return null;
    const journal = drop ? this.#journal.slice(0, Math.max(0, this.#journal.length - drop)) : this.#journal;
    const until = drop && journal.length < this.#journal.length ? (this.#journal[journal.length]?.at ?? this.#until) : this.#until;
    return { v: 1, host: this.#host, journal, until };
  }

  /** Writes now (also on page hide). */
  flush(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    const s = this.session();
    if (!this.#storage || !s || !this.#enabled) return;
    const text = JSON.stringify(s);
    this.#savedAt = Date.now();
    try {
      // Too big to store: keep the last save that fit rather than leave nothing to restore.
      if (text.length <= MAX_SAVED_CHARS) this.#storage.setItem(STORAGE_KEY, text);
    } catch {
      // Quota exceeded or storage disabled: the session lives on in memory.
    }
  }

  /** Forgets the saved session and stops saving (before a reload into an empty sandbox). */
  clear(): void {
    this.#enabled = false;
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    try {
      this.#storage?.removeItem(STORAGE_KEY);
    } catch {
      // nothing saved, nothing to clear
    }
  }

  #schedule(): void {
    if (this.#timer !== null || !this.#enabled) return;
    this.#timer = setTimeout(() => this.flush(), SAVE_DEBOUNCE_MS);
  }
}

/** A saved session as a start; `skipOutput`: characters of its output the terminal already shows. */
export const restoreStart = (s: SavedSession, skipOutput = 0): SessionStart => ({ kind: 'restore', host: s.host, journal: s.journal, until: s.until, ...(skipOutput ? { skipOutput } : {}) });

export interface SessionEndpointOptions {
  /** How the first worker starts: a saved session, a scenario, or (undefined) an empty sandbox. */
  readonly start?: SessionStart;
  readonly keeper: SessionKeeper;
  /** Starts a worker and returns its raw endpoint and a way to end it. */
  readonly spawn: () => { readonly endpoint: HostEndpoint; readonly terminate: () => void };
  /** Told after a crashed worker was replaced (the UI may say so). */
  readonly onRestart?: (attempt: number) => void;
  /** Told when a worker could not replay the session it was given (it started empty): that session. */
  readonly onRestoreFailed?: (session: SavedSession) => void;
  /** Real time in ms (the watchdog's clock); tests pass a fake one. Default: performance.now. */
  readonly now?: () => number;
}

/** An endpoint over a worker that is replaced, and its session replayed, when it crashes. */
export function sessionEndpoint(options: SessionEndpointOptions): HostEndpoint & { readonly restarts: number; stop(): void } {
  const { keeper } = options;
  let handler: ((m: HostMessage) => void) | null = null;
  let hello: Extract<ClientMessage, { type: 'hello' }> | null = null;
  let size: { cols: number; rows: number } | null = null;
  let current = options.spawn();
  let unlisten: () => void = () => {};
  let restarts = 0;
  let lengthAtRestart = -1;
  let drop = 0;
  /** Output characters of the present shown since the session started (a restarted worker skips them). */
  let shown = 0;
  /** A past state is shown (time travel): its output is not the present's. */
  let past = false;
  /** `run` requests not yet answered: a replaced worker never will, so they are answered for it. */
  const runs = new Set<number>();
  /** The session the current worker was asked to replay (null: a scenario or an empty sandbox). */
  let replaying: SavedSession | null = options.start?.kind === 'restore' ? { v: 1, host: options.start.host, journal: options.start.journal, until: options.start.until } : null;

  // The watchdog: a worker that throws says `fatal`; one stuck in a loop says nothing at all.
  const now = options.now ?? (() => performance.now());
  let heardAt = now();
  let welcomed = false;
  let pings = 0;
  const watchdog = setInterval(() => {
    if (!hello) return;
    const silent = now() - heardAt;
    if (silent > (welcomed ? WATCHDOG_TIMEOUT_MS : WATCHDOG_START_TIMEOUT_MS) && restarts < MAX_RESTARTS) {
      restart();
      return;
    }
    if (welcomed) current.endpoint.post({ type: 'ping', id: ++pings });
  }, WATCHDOG_EVERY_MS);

  const attach = () => {
    heardAt = now();
    welcomed = false;
    unlisten = current.endpoint.listen((m) => {
      heardAt = now();
      if (m.type === 'welcome') welcomed = true;
      if (m.type === 'done') runs.delete(m.id);
      if (m.type === 'pong') return;
      if (m.type === 'welcome' && m.restoreFailed && replaying) options.onRestoreFailed?.(replaying);
      if (m.type === 'journal') keeper.receive(m);
      if (m.type === 'output' && !past) shown += m.data.length;
      if (m.type === 'screen') {
        past = m.past;
        if (!past) shown = m.total;
      }
      if (m.type === 'fatal' && restarts < MAX_RESTARTS && hello) {
        restart();
        return;
      }
      handler?.(m);
    });
  };

  const restart = () => {
    unlisten();
    current.terminate();
    restarts++;
    // No progress since the last restart: the replay itself crashes; leave out one more input.
    drop = keeper.length === lengthAtRestart ? drop + 1 : 0;
    lengthAtRestart = keeper.length;
    const saved = keeper.session(drop);
    replaying = saved;
    if (past) {
      // The new worker starts in the present: the terminal starts over with its whole output.
      past = false;
      shown = 0;
      handler?.({ type: 'screen', data: '', past: false, total: 0 });
    }
    // Requests the old worker took with it: their callers hear now (the replay retypes the
    // command itself, but cannot answer ids it never received).
    for (const id of runs) handler?.({ type: 'done', id, exitCode: 130 });
    runs.clear();
    current = options.spawn();
    attach();
    current.endpoint.post({ ...hello!, ...(size ?? {}), session: saved ? restoreStart(saved, shown) : undefined });
    options.onRestart?.(restarts);
  };

  attach();
  return {
    get restarts() {
      return restarts;
    },
    stop() {
      clearInterval(watchdog);
      unlisten();
      current.terminate();
    },
    post(m) {
      if (m.type === 'hello') {
        hello = m;
        current.endpoint.post(options.start ? { ...m, session: options.start } : m);
        return;
      }
      if (m.type === 'resize') size = { cols: m.cols, rows: m.rows };
      if (m.type === 'run') runs.add(m.id);
      current.endpoint.post(m);
    },
    listen(h) {
      handler = h;
      return () => {
        if (handler === h) handler = null;
      };
    },
  };
}

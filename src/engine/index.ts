/**
 * The engine's public face: `createEngine(options)` boots a simulated Docker host and returns
 * the handle the worker, the headless runner, tests and benchmarks drive. Time moves only when
 * the driver advances it; same options and inputs give the same state, byte for byte.
 */
import type { ImageService } from './daemon/daemon.ts';
import { createImageService } from './images.ts';
import { HostFiles, type HostFileInput, type HostFileRequest, type HostFileResult } from './hostfiles.ts';
import { DEFAULT_HOST, HostMachine, type HostOptions } from './machine.ts';
import type { GaugeSample, ProcessSample, Snapshot } from './snapshot.ts';
import { SnapshotBuilder } from './view.ts';
import { overlayKeyOf, runQuery, type EngineQuery, type QueryResult } from './queries.ts';
import { isHostFileChange } from './hostfiles.ts';
import type { JournalEntry, PromptLine } from './journal.ts';

export type { Snapshot } from './snapshot.ts';
export { replayJournal, type JournalEntry, type PromptLine } from './journal.ts';
export { TimelineIndex, pointAfter, replayForward, type TimelinePoint, type TimelineStep } from './timeline.ts';
export type { EngineQuery, QueryResult } from './queries.ts';
export { DEFAULT_HOST } from './machine.ts';
export type { HostFileChange, HostFileEntry, HostFileInput, HostFileQuery, HostFileRequest, HostFileResult } from './hostfiles.ts';

/** Virtual ms per scheduler tick while something is busy. */
export const TICK_MS = 50;

export interface EngineOptions extends Partial<HostOptions> {}

export interface Engine {
  readonly machine: HostMachine;
  /** Virtual time, ms since boot. */
  readonly now: number;
  /** Raw terminal input (keystrokes). */
  input(data: string): void;
  /** A whole command line, as if typed and followed by Enter. */
  submitLine(line: string): void;
  /** Terminal output produced since the last call. */
  takeOutput(): string;
  resize(cols: number, rows: number): void;
  /** Advances virtual time by `ms`, tick by tick while anything is busy, jumping over idle time. */
  advance(ms: number): void;
  /** True when the host shell (or another reader) waits for a line. */
  readonly waitingForInput: boolean;
  /** Advances until the terminal waits for input again, at most `limitMs`; false if it did not. */
  runUntilInput(limitMs: number): boolean;
  snapshot(): Snapshot;
  gauges(): { containers: GaugeSample[]; processes: ProcessSample[] };
  /** Answers an on-demand question (a layer's files, an image's efficiency, a container's overlay). */
  query(q: EngineQuery): QueryResult;
  /** Changes whenever a container's overlay mount writes or logs an operation; null when it is gone. */
  overlayKey(containerId: string): string | null;
  /** Bugs in the simulation (programs that threw), for tests. */
  readonly bugs: readonly string[];
  /** The editor's host-file operations (hostfiles.ts); changes are inputs at the current virtual time. */
  files(request: HostFileRequest): HostFileResult;
  /** The host filesystem's change counter (the shell, the editor, docker cp all move it). */
  readonly filesRev: number;
  /** Every host-file change applied so far, with its virtual time (a replay applies them again). */
  readonly fileInputs: readonly HostFileInput[];
  /** Every state-changing input so far (keystrokes, file changes, resizes) with its instant: replayJournal reproduces the state. */
  readonly journal: readonly JournalEntry[];
  /** The lines entered at a host shell prompt (not inside a container), in order: a session's steps. */
  readonly promptLines: readonly PromptLine[];
}

export function createEngine(options: EngineOptions = {}, images?: (m: HostMachine) => ImageService): Engine {
  const opts: HostOptions = { ...DEFAULT_HOST, ...options };
  const machine = new HostMachine(opts, images ?? createImageService);
  const views = new SnapshotBuilder(machine);
  const hostFiles = new HostFiles(machine.hostFs, () => machine.kernel.now);
  const k = machine.kernel;
  const journal: JournalEntry[] = [];
  const promptLines: PromptLine[] = [];
  machine.terminal.onPromptLine = (proc, line) => {
    if (!proc.containerId) promptLines.push({ at: k.now, line, entries: journal.length });
  };
  const input = (data: string) => {
    journal.push({ at: k.now, k: 'in', data });
    machine.terminal.input(data);
  };

  /** One step: a tick while anything is busy, else a jump to the next timer, never past `limit`. */
  const stepOnce = (limit: number) => {
    const wake = Math.min(k.nextTimerAt() ?? Infinity, machine.daemon.nextWakeAt() ?? Infinity);
    let next = k.busy ? Math.min(limit, k.now + TICK_MS) : limit;
    if (wake > k.now && wake < next) next = wake;
    k.advanceTo(Math.max(next, Math.min(limit, k.now + 1)));
  };
  const step = (target: number) => {
    while (k.now < target) stepOnce(target);
  };

  return {
    machine,
    get now() {
      return k.now;
    },
    input,
    // As Terminal.submitLine does: the line's newlines become spaces, then Enter.
    submitLine: (line) => input(`${line.replace(/\r?\n/g, ' ')}\r`),
    takeOutput: () => machine.terminal.takeOutput(),
    resize: (cols, rows) => {
      if (cols === machine.terminal.cols && rows === machine.terminal.rows) return;
      journal.push({ at: k.now, k: 'size', cols, rows });
      machine.terminal.cols = cols;
      machine.terminal.rows = rows;
    },
    advance: (ms) => step(k.now + ms),
    get waitingForInput() {
      return machine.terminal.waitingForInput;
    },
    runUntilInput(limitMs) {
      const end = k.now + limitMs;
      k.dispatch();
      while (!machine.terminal.waitingForInput && k.now < end) stepOnce(end);
      return machine.terminal.waitingForInput;
    },
    snapshot: () => views.build(),
    gauges: () => views.gauges(),
    query: (q) => runQuery(machine.daemon, q),
    overlayKey: (containerId) => overlayKeyOf(machine.daemon, containerId),
    get bugs() {
      return machine.bugs;
    },
    files: (request) => {
      if (isHostFileChange(request)) journal.push({ at: k.now, k: 'file', change: request });
      return hostFiles.apply(request);
    },
    get filesRev() {
      return hostFiles.rev;
    },
    get fileInputs() {
      return hostFiles.journal;
    },
    journal,
    promptLines,
  };
}

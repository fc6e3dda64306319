/**
 * Driving an engine line by line the way the property tests need it (src/engine/*.property.test.ts):
 * each line's output, whether the prompt came back on its own, and its exit status as `$?` shows.
 *
 * Not engine code: only tests import it (src/engine/testing/).
 */
import { createEngine, type Engine, type EngineOptions } from '../index.ts';
import { stripAnsi } from '../sim.ts';

/** Virtual time a command may take before the impatient user presses Ctrl-C. */
export const LINE_LIMIT_MS = 60_000;
/** After each Ctrl-C, how long the prompt has to come back. */
export const INTERRUPT_LIMIT_MS = 30_000;

export interface LineResult {
  readonly line: string;
  /** What the terminal showed (ANSI codes stripped). */
  readonly out: string;
  /** `$?` after the line. */
  readonly rc: number;
  /** Ctrl-Cs it took to get the prompt back (0: it came back on its own). */
  readonly interrupts: number;
  /** False if the prompt never came back, even after three Ctrl-Cs. */
  readonly prompt: boolean;
  /**
   * Ctrl-Cs it took, once the line had ended, to get an exit status: the line left the shell at a
   * continuation prompt (an open quote, a here-document) or a program still reading. 0 mostly.
   */
  readonly cancels: number;
}

/** A fresh headless engine, booted to its first prompt, after running `setup` (each line must succeed). */
export function bootEngine(setup: readonly string[] = [], options: EngineOptions = {}): Engine {
  const engine = createEngine({ headless: true, ...options });
  engine.runUntilInput(LINE_LIMIT_MS);
  engine.takeOutput();
  for (const line of setup) {
    const r = runLine(engine, line);
    if (r.rc !== 0 || r.interrupts || engine.bugs.length) throw new Error(`setup line failed: ${line} (rc=${r.rc})\n${r.out}\n${engine.bugs.join('\n')}`);
  }
  settle(engine);
  return engine;
}

/** Virtual time the runtime's short-lived helpers (a `runc create`, a shim starting) take to go away. */
export const SETTLE_MS = 5_000;

/** Lets the short-lived runtime processes of the last command finish, so the state reads as it rests. */
export function settle(engine: Engine): void {
  engine.advance(SETTLE_MS);
}

/** Types raw terminal input (may hold several lines, e.g. a here-document) and waits for the prompt. */
export function runInput(engine: Engine, data: string, label = data, limitMs = LINE_LIMIT_MS): LineResult {
  engine.takeOutput();
  engine.input(data);
  let interrupts = 0;
  let prompt = engine.runUntilInput(limitMs);
  while (!prompt && interrupts < 3) {
    engine.input('\x03');
    interrupts++;
    prompt = engine.runUntilInput(INTERRUPT_LIMIT_MS);
  }
  const out = stripAnsi(engine.takeOutput());
  let rc = NaN;
  let cancels = 0;
  // A program may still be reading (a `[y/N]` question: the first echo line is its answer), or the
  // shell waits for the rest of an unfinished command (`> `): then Ctrl-C, as a user would.
  for (let i = 0; prompt && i < 5 && Number.isNaN(rc); i++) {
    if (i >= 2) {
      engine.input('\x03');
      cancels++;
      prompt = engine.runUntilInput(INTERRUPT_LIMIT_MS);
      if (!prompt) break;
    }
    engine.submitLine('echo "rc=$?"');
    prompt = engine.runUntilInput(LINE_LIMIT_MS);
    const m = /(?:^|\n)rc=(\d+)\s*$/.exec(stripAnsi(engine.takeOutput()));
    if (m) rc = Number(m[1]);
  }
  return { line: label, out, rc, interrupts, prompt, cancels };
}

/** One command line, as if typed and followed by Enter. */
export function runLine(engine: Engine, line: string, limitMs = LINE_LIMIT_MS): LineResult {
  return runInput(engine, `${line.replace(/\r?\n/g, ' ')}\r`, line, limitMs);
}

/** Quotes a word for the shell when it needs it (single quotes, `'\''` for a quote inside). */
export function shellWord(w: string): string {
  return /^[A-Za-z0-9_.,:/=@%+-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`;
}

const env = (name: string): string | undefined => (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.[name];

/**
 * How many times the default number of runs a property test makes: `FC_RUNS_SCALE=20 npx vitest
 * run …` for a long hunt.
 */
export function runsScale(): number {
  const n = Number(env('FC_RUNS_SCALE') ?? 1);
  return Number.isFinite(n) && n > 0 ? n : 1;
}

/**
 * fc.assert parameters: `numRuns` × FC_RUNS_SCALE, seeds left to vary. A failure prints its
 * `{ seed, path }`; `FC_SEED=<seed> FC_PATH=<path> npx vitest run <file> -t <test>` replays exactly it.
 */
export function propertyParams(numRuns: number): { numRuns: number; seed?: number; path?: string; endOnFailure?: boolean } {
  const seed = env('FC_SEED');
  const path = env('FC_PATH');
  return { numRuns: Math.round(numRuns * runsScale()), ...(seed !== undefined ? { seed: Number(seed) } : {}), ...(path !== undefined ? { path, endOnFailure: true } : {}) };
}

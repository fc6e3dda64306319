/**
 * The headless runner (design.md §3.2): feeds command lines to the host terminal of a fresh
 * playground and returns the transcript — each command as `$ LINE`, then exactly what the
 * terminal shows. Time advances only as commands need it; a foreground command that has not
 * finished after `timeoutMs` of virtual time gets a Ctrl-C, as an impatient user would.
 */
import { createEngine, type Engine } from './index.ts';
import { ramInBytes } from './cli/docker/flags.ts';

export interface SimOptions {
  readonly seed?: number;
  readonly cpus?: number;
  readonly memoryBytes?: number;
  /** Capacity of the host's disk (default 64 GiB). */
  readonly diskBytes?: number;
  /** Virtual ms to wait for each command before sending Ctrl-C (default 120 s). */
  readonly timeoutMs?: number;
}

export const DEFAULT_TIMEOUT_MS = 120_000;

/** Strips ANSI escape sequences (colours, cursor moves). */
export function stripAnsi(s: string): string {
  return s.replace(/\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Za-z0-9]|\x1b[=>]/g, '');
}

export interface Transcript {
  readonly text: string;
  readonly engine: Engine;
}

export function runLines(lines: readonly string[], options: SimOptions = {}): Transcript {
  const engine = createEngine({ headless: true, ...(options.seed !== undefined ? { seed: options.seed } : {}), ...(options.cpus ? { cpus: options.cpus } : {}), ...(options.memoryBytes ? { memoryBytes: options.memoryBytes } : {}), ...(options.diskBytes ? { diskBytes: options.diskBytes } : {}) });
  const timeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  engine.runUntilInput(timeout);
  engine.takeOutput();
  let out = '';
  for (const line of lines) {
    out += `$ ${line}\n`;
    engine.submitLine(line);
    if (!engine.runUntilInput(timeout)) {
      engine.input('\x03');
      if (!engine.runUntilInput(timeout)) {
        engine.input('\x03');
        engine.runUntilInput(timeout);
      }
    }
    out += stripAnsi(engine.takeOutput());
  }
  if (engine.bugs.length) throw new Error(`engine bug:\n${engine.bugs.join('\n')}`);
  return { text: out, engine };
}

/** Parses `--seed N --cpus N --memory SIZE --disk SIZE --timeout SECONDS` (the runner's and transcripts' options). */
export function parseSimArgs(args: readonly string[]): { options: SimOptions; rest: string[]; error?: string } {
  const o: { seed?: number; cpus?: number; memoryBytes?: number; diskBytes?: number; timeoutMs?: number } = {};
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const v = args[i + 1];
    if (a === '--seed' || a === '--cpus' || a === '--memory' || a === '--disk' || a === '--timeout') {
      if (v === undefined) return { options: o, rest, error: `${a} needs a value` };
      i++;
      if (a === '--seed') o.seed = Number(v);
      if (a === '--cpus') o.cpus = Number(v);
      if (a === '--timeout') o.timeoutMs = Number(v) * 1000;
      if (a === '--memory') {
        const b = ramInBytes(v);
        if (b === undefined) return { options: o, rest, error: `invalid --memory ${v}` };
        o.memoryBytes = b;
      }
      if (a === '--disk') {
        const b = ramInBytes(v);
        if (b === undefined || b <= 0) return { options: o, rest, error: `invalid --disk ${v}` };
        o.diskBytes = b;
      }
      if ([o.seed, o.cpus, o.timeoutMs].some((x) => x !== undefined && !Number.isFinite(x))) return { options: o, rest, error: `invalid ${a} ${v}` };
    } else rest.push(a);
  }
  return { options: o, rest };
}

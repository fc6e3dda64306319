/**
 * The shape of a docker CLI subcommand (cobra-like): its usage line, short description,
 * aliases, flags, argument rule and a run function. `index.ts` dispatches to them and prints
 * errors the way the real CLI does: flag errors with the usage footer (exit 125),
 * argument-count errors (exit 1), daemon errors as `Error response from daemon: …`.
 */
import type { ProcessContext } from '../../kernel/context.ts';
import type { Wait } from '../../kernel/process.ts';
import type { Daemon } from '../../daemon/daemon.ts';
import type { FlagSpec, ParsedFlags } from './flags.ts';

export type Gen<T> = Generator<Wait, T, unknown>;

export interface DockerCli {
  readonly ctx: ProcessContext;
  readonly daemon: Daemon;
  out(text: string): void;
  err(text: string): void;
}

export type ArgRule =
  | { readonly kind: 'none' }
  | { readonly kind: 'min'; readonly n: number }
  | { readonly kind: 'exact'; readonly n: number }
  | { readonly kind: 'range'; readonly min: number; readonly max: number }
  /** cli.RequiresMaxArgs */
  | { readonly kind: 'max'; readonly n: number }
  | { readonly kind: 'any' };

export interface Command {
  /** e.g. "run" */
  readonly name: string;
  /** Full command path for messages: "docker run", "docker container ls". */
  readonly path: string;
  /** Usage line after "Usage:  ": "docker run [OPTIONS] IMAGE [COMMAND] [ARG...]". */
  readonly use: string;
  readonly short: string;
  readonly aliases?: string;
  readonly flags: readonly FlagSpec[];
  readonly args: ArgRule;
  /** false for run/create/exec: flags end at the first argument. */
  readonly interspersed?: boolean;
  run(cli: DockerCli, flags: ParsedFlags): Gen<number>;
}

/** An error the CLI prints as is and exits with `code`. */
export class StatusError {
  readonly message: string;
  readonly code: number;
  constructor(message: string, code: number) {
    this.message = message;
    this.code = code;
  }
}

export function str(f: ParsedFlags, name: string, def = ''): string {
  const v = f.values.get(name);
  return typeof v === 'string' ? v : def;
}
export function bool(f: ParsedFlags, name: string): boolean {
  return f.values.get(name) === true;
}
export function num(f: ParsedFlags, name: string, def = 0): number {
  const v = f.values.get(name);
  return typeof v === 'number' ? v : def;
}
/** `KEY=VALUE` items as a map, a bare `KEY` mapping to '' (docker/cli opts.ConvertKVStringsToMap). */
export function keyValues(items: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const l of items) {
    const eq = l.indexOf('=');
    out[eq >= 0 ? l.slice(0, eq) : l] = eq >= 0 ? l.slice(eq + 1) : '';
  }
  return out;
}

export function list(f: ParsedFlags, name: string): string[] {
  const v = f.values.get(name);
  return Array.isArray(v) ? v : [];
}

export const FORMAT_FLAG: FlagSpec = { name: 'format', type: 'string', usage: "Format output using a custom template:\n'table':            Print output in table format with column headers (default)\n'table TEMPLATE':   Print output in table format using the given Go template\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates" };

/**
 * The progress stream of a build: BuildKit's vertices (`#N`), their statuses (`transferring
 * context: 2.05kB`), their logs (a RUN's output) and their ends (DONE, CACHED, ERROR), as the
 * solver reports them (bk: solver/progress.go, client.SolveStatus) and the CLI renders them
 * (plain.ts, tty.ts). Times are virtual milliseconds.
 */

export interface VertexStatus {
  readonly id: string;
  current: number;
  total: number;
  started: number;
  completed: number | null;
}

export interface LogLine {
  /** ms since the vertex started. */
  readonly at: number;
  readonly text: string;
}

export interface Vertex {
  /** `#N`. */
  readonly n: number;
  readonly name: string;
  /** Stage name or index for Dockerfile steps; null for `[internal]` and export vertices. */
  readonly stage: string | null;
  started: number | null;
  completed: number | null;
  cached: boolean;
  error: string | null;
  readonly statuses: VertexStatus[];
  readonly logs: LogLine[];
  /** Unterminated output of the step (a line without its `\n` yet). */
  partial: string;
  /** diff_id of the layer the step produced or reused. */
  layer: string | null;
  readonly warnings: string[];
}

export type ProgressEvent =
  | { readonly kind: 'start'; readonly v: Vertex }
  | { readonly kind: 'status'; readonly v: Vertex; readonly s: VertexStatus }
  | { readonly kind: 'log'; readonly v: Vertex; readonly line: LogLine }
  | { readonly kind: 'warning'; readonly v: Vertex; readonly text: string }
  | { readonly kind: 'end'; readonly v: Vertex }
  /** Time passed while a step runs (the tty display redraws its clocks). */
  | { readonly kind: 'tick'; readonly v: Vertex };

export class Progress {
  readonly vertices: Vertex[] = [];
  readonly #now: () => number;
  readonly #listeners: ((e: ProgressEvent) => void)[] = [];
  /** Bumped on every event. */
  rev = 0;

  constructor(now: () => number) {
    this.#now = now;
  }

  get now(): number {
    return this.#now();
  }

  on(listener: (e: ProgressEvent) => void): void {
    this.#listeners.push(listener);
  }

  #emit(e: ProgressEvent): void {
    this.rev += 1;
    for (const l of this.#listeners) l(e);
  }

  /** A new vertex, started now. */
  start(name: string, stage: string | null = null): Vertex {
    const v: Vertex = { n: this.vertices.length + 1, name, stage, started: this.now, completed: null, cached: false, error: null, statuses: [], logs: [], partial: '', layer: null, warnings: [] };
    this.vertices.push(v);
    this.#emit({ kind: 'start', v });
    return v;
  }

  /** Starts (or updates) a status line of a vertex. */
  status(v: Vertex, id: string, current = 0, total = 0): VertexStatus {
    let s = v.statuses.find((x) => x.id === id);
    if (!s) {
      s = { id, current, total, started: this.now, completed: null };
      v.statuses.push(s);
    } else {
      s.current = current;
      s.total = total;
    }
    this.#emit({ kind: 'status', v, s });
    return s;
  }

  /** Completes a status line. */
  statusDone(v: Vertex, s: VertexStatus, current = s.current, total = s.total): void {
    s.current = current;
    s.total = total;
    s.completed = this.now;
    this.#emit({ kind: 'status', v, s });
  }

  /** A status that starts and completes at once (`transferring dockerfile: 89B done`). */
  statusNow(v: Vertex, id: string, current = 0, total = 0): void {
    this.statusDone(v, this.status(v, id, current, total));
  }

  /** Output of the step; complete lines become log lines. */
  output(v: Vertex, data: string): void {
    const text = v.partial + data;
    const parts = text.split('\n');
    v.partial = parts.pop() ?? '';
    for (const t of parts) this.#log(v, t);
  }

  #log(v: Vertex, text: string): void {
    const line = { at: this.now - (v.started ?? this.now), text };
    v.logs.push(line);
    this.#emit({ kind: 'log', v, line });
  }

  tick(v: Vertex): void {
    this.#emit({ kind: 'tick', v });
  }

  warn(v: Vertex, text: string): void {
    v.warnings.push(text);
    this.#emit({ kind: 'warning', v, text });
  }

  #end(v: Vertex): void {
    if (v.partial) {
      this.#log(v, v.partial);
      v.partial = '';
    }
    v.completed = this.now;
    this.#emit({ kind: 'end', v });
  }

  done(v: Vertex): void {
    this.#end(v);
  }

  cached(v: Vertex): void {
    v.cached = true;
    this.#end(v);
  }

  /** Ctrl-C: every vertex in flight ends CANCELED (progressui prints `#N CANCELED`). */
  cancel(): void {
    for (const v of this.vertices) if (v.started !== null && v.completed === null) this.fail(v, CANCELED);
  }

  fail(v: Vertex, error: string): void {
    v.error = error;
    this.#end(v);
  }
}

/** The error of a vertex the client canceled (Go's context.Canceled). */
export const CANCELED = 'context canceled';

/** tonistiigi/units `%.2f` of Bytes: `89B`, `2.05kB`, `3.64MB`. */
export function unitsBytes(n: number): string {
  if (n < 1000) return `${Math.round(n)}B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let v = n;
  let i = -1;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return `${v.toFixed(2)}${units[i]}`;
}

/** Seconds with one decimal, as the printers show durations. */
export function seconds(ms: number): string {
  return (Math.max(0, ms) / 1000).toFixed(1);
}

/** The elapsed-time prefix of a log line (`0.123`, `12.34`, `123.4`): progressui trace.update. */
export function logTime(ms: number): string {
  const sec = ms / 1000;
  return sec.toFixed(sec < 10 ? 3 : sec < 100 ? 2 : 1);
}

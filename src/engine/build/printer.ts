/**
 * Rendering a build's progress as the buildx client does (bk: util/progress/progressui):
 *
 * - plain (`--progress=plain`, or whenever stderr is not a terminal): one line per event,
 *   `#N name`, `#N status done`, `#N 0.215 output`, `#N DONE 0.3s` / `#N CACHED` /
 *   `#N ERROR: …`, a blank line between vertices and `#N ...` when another vertex interrupts
 *   an unfinished one (printer.go textMux);
 * - tty: the `[+] Building 3.2s (8/8) FINISHED` frame with ` => …` lines and their durations
 *   right-aligned to the terminal width, redrawn in place (display.go);
 * - the error report: the failing step's last log lines and the Dockerfile excerpt
 *   (bk: solver/errdefs/source.go Print), then `ERROR: failed to build: failed to solve: …`.
 */
import { CANCELED, logTime, seconds, unitsBytes, type ProgressEvent, type Progress, type Vertex, type VertexStatus } from './progress.ts';
import type { Loc } from './instructions.ts';

export const BUILDER_LINE = '#0 building with "default" instance using docker driver\n';

function statusLine(v: Vertex, s: VertexStatus): string {
  let bytes = '';
  if (s.total !== 0) bytes = ` ${unitsBytes(s.current)} / ${unitsBytes(s.total)}`;
  else if (s.current !== 0) bytes = ` ${unitsBytes(s.current)}`;
  let tm = '';
  const end = s.completed ?? s.started;
  if ((end - s.started) / 1000 > 0.01) tm = ` ${seconds(end - s.started)}s`;
  if (s.completed !== null) tm += ' done';
  return `#${v.n} ${s.id}${bytes}${tm}\n`;
}

/** The plain printer: feed it events, it writes lines. */
export class PlainPrinter {
  readonly #write: (s: string) => void;
  #current: Vertex | null = null;
  #notFirst = false;

  constructor(write: (s: string) => void) {
    this.#write = write;
    write(BUILDER_LINE);
    this.#notFirst = true;
  }

  #switchTo(v: Vertex): void {
    if (this.#current === v) return;
    if (this.#current && this.#current.completed === null) this.#write(`#${this.#current.n} ...\n`);
    if (this.#notFirst) this.#write('\n');
    this.#notFirst = true;
    this.#write(`#${v.n} ${v.name}\n`);
    this.#current = v;
  }

  event(e: ProgressEvent): void {
    const v = e.v;
    switch (e.kind) {
      case 'start':
        this.#switchTo(v);
        return;
      case 'status':
        if (e.s.completed === null) return;
        this.#switchTo(v);
        this.#write(statusLine(v, e.s));
        return;
      case 'log':
        this.#switchTo(v);
        this.#write(`#${v.n} ${logTime(e.line.at)} ${e.line.text}\n`);
        return;
      case 'warning':
        this.#switchTo(v);
        this.#write(`#${v.n} WARN: ${e.text}\n`);
        return;
      case 'tick':
        return;
      case 'end':
        this.#switchTo(v);
        if (v.error === CANCELED) this.#write(`#${v.n} CANCELED\n`);
        else if (v.error !== null) this.#write(`#${v.n} ERROR: ${v.error}\n`);
        else if (v.cached) this.#write(`#${v.n} CACHED\n`);
        else this.#write(`#${v.n} DONE ${seconds((v.completed ?? 0) - (v.started ?? 0))}s\n`);
        this.#current = null;
        return;
      default: {
        const never: never = e;
        throw new Error(String(never));
      }
    }
  }
}

/** The tty display: `frame()` gives the lines to draw now. */
export class TtyPrinter {
  readonly #p: Progress;
  readonly #width: () => number;
  readonly #started: number;
  #drawn = 0;
  readonly #write: (s: string) => void;

  readonly #height: () => number;

  constructor(p: Progress, width: () => number, write: (s: string) => void, height: () => number = () => 30) {
    this.#p = p;
    this.#width = width;
    this.#height = height;
    this.#started = p.now;
    this.#write = write;
  }

  frame(finished: boolean): string[] {
    const p = this.#p;
    const width = Math.max(40, this.#width());
    const vs = p.vertices;
    const done = vs.filter((v) => v.completed !== null).length;
    const title = `[+] Building ${seconds(p.now - this.#started)}s (${done}/${vs.length})${finished ? ' FINISHED' : ''}`;
    const right = 'docker:default';
    const lines = [`${title}${' '.repeat(Math.max(1, width - title.length - right.length))}${right}`];
    const line = (text: string, ms: number | null, color: string) => {
      const tm = ms === null ? '' : `${seconds(ms)}s`;
      let t = text;
      const room = width - tm.length - 1;
      if (t.length > room) t = `${t.slice(0, Math.max(0, room - 3))}...`;
      lines.push(`${color}${t}${' '.repeat(Math.max(1, width - t.length - tm.length))}${tm}${color ? '\x1b[0m' : ''}`);
    };
    for (const v of vs) {
      const end = v.completed ?? p.now;
      const prefix = v.error === CANCELED ? ' => CANCELED ' : v.error !== null ? ' => ERROR ' : v.cached ? ' => CACHED ' : ' => ';
      const color = v.error !== null ? '\x1b[31m' : v.completed !== null ? '\x1b[34m' : '';
      line(`${prefix}${v.name}`, v.cached ? 0 : end - (v.started ?? end), color);
      for (const s of v.statuses) {
        const bytes = s.total ? ` ${unitsBytes(s.current)} / ${unitsBytes(s.total)}` : '';
        line(` => => ${s.id}${bytes}`, (s.completed ?? p.now) - s.started, color);
      }
      if ((v.completed === null || v.error !== null) && v.logs.length) {
        for (const l of v.logs.slice(-6)) lines.push(` => => # ${l.text}`.slice(0, width));
      }
    }
    return lines;
  }

  /**
   * Redraws the frame in place. While running, a frame taller than the terminal keeps its header
   * and the newest lines (progressui display: only what fits can be redrawn); the finished frame
   * is printed whole, so the full summary stays in the scrollback.
   */
  draw(finished = false): void {
    let lines = this.frame(finished);
    const room = Math.max(2, this.#height() - 1);
    if (!finished && lines.length > room) lines = [lines[0], ...lines.slice(lines.length - room + 1)];
    let out = this.#drawn > 0 ? `\x1b[${this.#drawn}A` : '';
    for (const l of lines) out += `\r\x1b[2K${l}\n`;
    this.#drawn = lines.length;
    this.#write(out);
  }
}

/** The lines `" %3d | >>> text"` of an excerpt around `loc` (errdefs Source.Print). */
export function sourceExcerpt(fileName: string, text: string, loc: Loc): string {
  const lines = text.split('\n');
  let start = loc.start;
  let end = Math.min(loc.end, lines.length);
  if (start > lines.length || start < 1) return '';
  const pad = end === start ? 4 : 2;
  let p = 0;
  const first = start;
  while (p < pad) {
    if (start > 1) {
      start--;
      p++;
    }
    if (end !== lines.length) {
      end++;
      p++;
    }
    p++;
  }
  let out = `${fileName}:${first}\n--------------------\n`;
  for (let i = start; i <= end; i++) {
    const mark = i >= loc.start && i <= loc.end ? '>>>' : '   ';
    out += ` ${String(i).padStart(3)} | ${mark} ${lines[i - 1]}\n`;
  }
  return `${out}--------------------\n`;
}

/** The failing vertex's block: its name and last log lines between `------` rulers. */
export function vertexErrorBlock(v: Vertex): string {
  const logs = v.logs.slice(-10).map((l) => `${logTime(l.at)} ${l.text}\n`).join('');
  return `------\n > ${v.name}:\n${logs}------\n`;
}

/** buildx printWarnings. */
export function warningsSummary(warnings: readonly string[]): string {
  if (warnings.length === 0) return '';
  let out = `\n ${warnings.length} warning${warnings.length === 1 ? '' : 's'} found (use docker --debug to expand):\n`;
  for (const w of warnings) out += ` - ${w}\n`;
  return out;
}

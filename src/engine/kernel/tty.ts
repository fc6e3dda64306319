/**
 * The terminal: a pseudo-terminal plus the line discipline and line editor of an interactive
 * shell. Keystrokes come in raw (as xterm.js sends them); the terminal echoes them, edits the
 * line (←/→, Home/End, Backspace, Ctrl-A/E/U/K/W/L), walks history (↑/↓), completes with Tab
 * via the reader's completer, and hands a finished line to the process reading it. Ctrl-C
 * sends SIGINT to the foreground process group; Ctrl-D on an empty line is end of file.
 *
 * In headless mode (the `sim` runner) nothing is echoed and prompts are left out, so a
 * transcript shows exactly what commands print.
 */
import type { Kernel } from './kernel.ts';
import type { Process, Wait } from './process.ts';
import { SIGNALS } from './signals.ts';
import { EOF, type ReadResult, type Stream, type WriteKind } from './streams.ts';

type ReadWait = Extract<Wait, { kind: 'read' }>;

interface Request {
  readonly proc: Process;
  readonly wait: ReadWait;
}

const HISTORY_MAX = 500;

class TtyStream implements Stream {
  readonly kind = 'tty';
  readonly isTty = true;
  readonly #term: Terminal;
  constructor(term: Terminal) {
    this.#term = term;
  }
  write(data: string, kind: WriteKind = 'data'): void {
    this.#term.write(data, kind);
  }
  read(): ReadResult {
    return null;
  }
  open(): void {}
  close(): void {}
  onReadable(): () => void {
    return () => {};
  }
}

export class Terminal {
  readonly stream: Stream;
  readonly headless: boolean;
  cols = 100;
  rows = 30;
  /** Process group that receives Ctrl-C (set by the shell for its foreground job). */
  foregroundPgid: number | null = null;
  /** The login shell: its process group is the foreground one while no job runs (foregroundPgid null). */
  session: Process | null = null;

  /**
   * A process outside the foreground process group (a background job) may not read the terminal:
   * the kernel sends its group SIGTTIN instead, which stops it (termios, tty_check_change()).
   */
  isBackground(p: Process): boolean {
    const fg = this.foregroundPgid ?? this.session?.pgid ?? null;
    return fg !== null && p.pgid !== fg;
  }

  readonly #kernel: Kernel;
  #out: string[] = [];
  #outLength = 0;
  #request: Request | null = null;
  #pending = '';
  #line = '';
  #cursor = 0;
  #prompt = '';
  readonly #histories = new Map<string, string[]>();
  #historyIndex = -1;
  #draft = '';
  #lastTab = false;
  /** Called whenever output is produced (the worker streams it). */
  onOutput: (() => void) | null = null;
  /** Called with each line delivered to a reader that keeps history (a shell prompt): the session journal's steps. */
  onPromptLine: ((proc: Process, line: string) => void) | null = null;

  /** What is typed at a prompt but not yet entered (a command the UI runs sets it aside and types it back after). */
  get draftLine(): string {
    return this.#request?.wait.prompt !== undefined ? this.#line : '';
  }

  /** The process whose prompt is waiting for a line (a shell), or null. */
  get promptProcess(): Process | null {
    return this.#request?.wait.prompt !== undefined ? this.#request.proc : null;
  }

  constructor(kernel: Kernel, opts: { headless: boolean }) {
    this.#kernel = kernel;
    this.headless = opts.headless;
    this.stream = new TtyStream(this);
    kernel.attachTerminal(this);
  }

  // ── output ───────────────────────────────────────────────────────────────────────────────

  write(data: string, kind: WriteKind = 'data'): void {
    if (kind === 'prompt' && this.headless) return;
    const text = this.headless ? data : data.replace(/\r?\n/g, '\r\n');
    this.#out.push(text);
    this.#outLength += text.length;
    if (this.#outLength > 4_000_000) this.#compact();
    this.onOutput?.();
  }

  #compact(): void {
    const all = this.#out.join('');
    this.#out = [all.slice(-1_000_000)];
    this.#outLength = this.#out[0].length;
  }

  /** Everything written since the last call. */
  takeOutput(): string {
    const s = this.#out.join('');
    this.#out = [];
    this.#outLength = 0;
    return s;
  }

  /** True when a process is waiting for a line from this terminal. */
  get waitingForInput(): boolean {
    return this.#request !== null;
  }

  /** The process reading this terminal, if any. */
  get reader(): Process | null {
    return this.#request?.proc ?? null;
  }

  // ── readers ──────────────────────────────────────────────────────────────────────────────

  requestLine(proc: Process, wait: ReadWait): void {
    this.#request = { proc, wait };
    this.#line = '';
    this.#cursor = 0;
    this.#historyIndex = -1;
    this.#prompt = wait.prompt ?? '';
    if (this.#prompt) this.write(this.#prompt, 'prompt');
    this.#drainPending();
  }

  cancelRequest(proc: Process): void {
    if (this.#request?.proc === proc) this.#request = null;
  }

  #deliver(data: string | typeof EOF): void {
    const req = this.#request;
    if (!req) return;
    this.#request = null;
    if (typeof data === 'string' && req.wait.history) this.onPromptLine?.(req.proc, data);
    if (typeof data === 'string' && data.trim() && req.wait.history) {
      const h = this.#history(req.wait.history);
      if (h[h.length - 1] !== data) h.push(data);
      if (h.length > HISTORY_MAX) h.shift();
    }
    this.#kernel.deliverRead(req.proc, typeof data === 'string' ? `${data}\n` : EOF);
  }

  /** The lines entered at readers that keep history under `key` (bash's `history`). */
  history(key: string): readonly string[] {
    return this.#history(key);
  }

  #history(key: string): string[] {
    let h = this.#histories.get(key);
    if (!h) {
      h = [];
      this.#histories.set(key, h);
    }
    return h;
  }

  // ── input ────────────────────────────────────────────────────────────────────────────────

  /** Raw keystrokes from the user (or the runner). */
  input(data: string): void {
    for (const ch of splitKeys(data)) {
      if (ch === '\x03') {
        this.#interrupt();
        continue;
      }
      if (!this.#request) {
        this.#pending += ch;
        continue;
      }
      this.#key(ch);
    }
    this.#kernel.dispatch();
  }

  /** A whole line, as if typed and followed by Enter (the headless runner's way in). */
  submitLine(line: string): void {
    this.input(`${line.replace(/\r?\n/g, ' ')}\r`);
  }

  #drainPending(): void {
    while (this.#request && this.#pending) {
      const keys = splitKeys(this.#pending);
      const first = keys[0];
      this.#pending = this.#pending.slice(first.length);
      this.#key(first);
    }
  }

  #interrupt(): void {
    this.#pending = '';
    const req = this.#request;
    if (req && req.wait.prompt !== undefined) {
      // An interactive shell at its prompt: drop the line, show a fresh prompt (PS1 again after a `> `).
      this.#echo('^C\r\n');
      this.#line = '';
      this.#cursor = 0;
      if (req.wait.onInterrupt) this.#prompt = req.wait.onInterrupt();
      if (this.#prompt) this.write(this.#prompt, 'prompt');
      return;
    }
    this.#echo('^C');
    if (this.headless) this.write('^C\n');
    this.#line = '';
    this.#cursor = 0;
    if (this.foregroundPgid !== null) this.#kernel.killGroup(this.foregroundPgid, SIGNALS.SIGINT, null);
    // No job in the foreground: the shell itself is busy (a loop of builtins, `read`). Its process
    // group also holds sshd, so the signal goes to the shell alone.
    else if (this.session?.alive) this.#kernel.kill(this.session, SIGNALS.SIGINT, null);
  }

  /** The reader turned ECHO off (a password prompt): keys are taken but not shown. */
  get #silent(): boolean {
    return this.#request?.wait.echo === false;
  }

  #echo(text: string): void {
    if (!this.headless && !this.#silent) this.write(text);
  }

  #key(k: string): void {
    const isTab = k === '\t';
    const lastTab = this.#lastTab;
    this.#lastTab = false;
    switch (k) {
      case '\r':
      case '\n': {
        const line = this.#line;
        this.#echo('\r\n');
        this.#line = '';
        this.#cursor = 0;
        this.#deliver(line);
        return;
      }
      case '\x04':
        if (this.#line === '') {
          this.#deliver(EOF);
        } else if (this.#cursor < this.#line.length) {
          this.#line = this.#line.slice(0, this.#cursor) + this.#line.slice(this.#cursor + 1);
          this.#redraw();
        }
        return;
      case '\x7f':
      case '\b':
        if (this.#cursor > 0) {
          this.#line = this.#line.slice(0, this.#cursor - 1) + this.#line.slice(this.#cursor);
          this.#cursor -= 1;
          this.#redraw();
        }
        return;
      case '\x1b[D':
      case '\x02':
        if (this.#cursor > 0) {
          this.#cursor -= 1;
          this.#echo('\x1b[D');
        }
        return;
      case '\x1b[C':
      case '\x06':
        if (this.#cursor < this.#line.length) {
          this.#cursor += 1;
          this.#echo('\x1b[C');
        }
        return;
      case '\x1b[H':
      case '\x1bOH':
      case '\x01':
        this.#cursor = 0;
        this.#redraw();
        return;
      case '\x1b[F':
      case '\x1bOF':
      case '\x05':
        this.#cursor = this.#line.length;
        this.#redraw();
        return;
      case '\x15':
        this.#line = this.#line.slice(this.#cursor);
        this.#cursor = 0;
        this.#redraw();
        return;
      case '\x0b':
        this.#line = this.#line.slice(0, this.#cursor);
        this.#redraw();
        return;
      case '\x17': {
        const before = this.#line.slice(0, this.#cursor).replace(/\S+\s*$/, '');
        this.#line = before + this.#line.slice(this.#cursor);
        this.#cursor = before.length;
        this.#redraw();
        return;
      }
      case '\x0c':
        this.#echo('\x1b[H\x1b[2J');
        this.#redraw();
        return;
      case '\x1b[A':
      case '\x1b[B':
        this.#walkHistory(k === '\x1b[A' ? -1 : 1);
        return;
      case '\t':
        this.#complete(lastTab);
        this.#lastTab = isTab;
        return;
      default:
        if (k.startsWith('\x1b') || (k.length === 1 && k < ' ')) return; // unhandled control keys
        this.#line = this.#line.slice(0, this.#cursor) + k + this.#line.slice(this.#cursor);
        this.#cursor += k.length;
        if (this.#cursor === this.#line.length) this.#echo(k);
        else this.#redraw();
    }
  }

  #redraw(): void {
    if (this.headless || this.#silent) return;
    const back = this.#line.length - this.#cursor;
    this.write(`\r${this.#prompt}${this.#line}\x1b[K${back > 0 ? `\x1b[${back}D` : ''}`);
  }

  #walkHistory(dir: -1 | 1): void {
    const key = this.#request?.wait.history;
    if (!key) return;
    const h = this.#history(key);
    if (h.length === 0) return;
    if (this.#historyIndex === -1) {
      if (dir === 1) return;
      this.#draft = this.#line;
      this.#historyIndex = h.length - 1;
    } else {
      this.#historyIndex += dir;
      if (this.#historyIndex >= h.length) {
        this.#historyIndex = -1;
        this.#line = this.#draft;
        this.#cursor = this.#line.length;
        this.#redraw();
        return;
      }
      if (this.#historyIndex < 0) this.#historyIndex = 0;
    }
    this.#line = h[this.#historyIndex];
    this.#cursor = this.#line.length;
    this.#redraw();
  }

  #complete(secondTab: boolean): void {
    const completer = this.#request?.wait.completer;
    if (!completer) return;
    const before = this.#line.slice(0, this.#cursor);
    const word = /\S*$/.exec(before)?.[0] ?? '';
    const candidates = [...new Set(completer(before))].sort();
    if (candidates.length === 0) return;
    const common = commonPrefix(candidates);
    if (candidates.length === 1) {
      const done = candidates[0];
      const add = done.slice(word.length) + (done.endsWith('/') ? '' : ' ');
      this.#insert(add);
      return;
    }
    if (common.length > word.length) {
      this.#insert(common.slice(word.length));
      return;
    }
    if (secondTab || this.headless) {
      this.#echo(`\r\n${candidates.join('  ')}\r\n`);
      if (this.#prompt) this.write(this.#prompt, 'prompt');
      this.#echo(this.#line);
      const back = this.#line.length - this.#cursor;
      if (back > 0) this.#echo(`\x1b[${back}D`);
    }
  }

  #insert(text: string): void {
    this.#line = this.#line.slice(0, this.#cursor) + text + this.#line.slice(this.#cursor);
    this.#cursor += text.length;
    if (this.#cursor === this.#line.length) this.#echo(text);
    else this.#redraw();
  }
}

/** Splits raw input into keys: escape sequences stay whole, surrogate pairs stay whole. */
export function splitKeys(data: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < data.length) {
    if (data[i] === '\x1b') {
      const m = /^\x1b(\[[0-9;]*[A-Za-z~]|O[A-Za-z]|.)?/s.exec(data.slice(i));
      const len = m ? m[0].length : 1;
      out.push(data.slice(i, i + len));
      i += len;
      continue;
    }
    const cp = data.codePointAt(i)!;
    const len = cp > 0xffff ? 2 : 1;
    out.push(data.slice(i, i + len));
    i += len;
  }
  return out;
}

function commonPrefix(items: readonly string[]): string {
  let p = items[0] ?? '';
  for (const s of items) while (!s.startsWith(p)) p = p.slice(0, -1);
  return p;
}

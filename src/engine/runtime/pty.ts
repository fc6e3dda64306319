/**
 * The container's terminal (`-t`): one stream that is a tty for the programs inside — they read
 * their input from it and write their output to it. Output goes to the container's log (and so
 * to attached clients); input is fed by `docker attach`/`run -i`. A reader waiting with a prompt
 * gets its prompt written out first, as an interactive shell does.
 */
import { EOF, type ReadResult, type Stream, type WriteKind } from '../kernel/streams.ts';

export class ContainerPty implements Stream {
  readonly kind = 'pty';
  readonly isTty = true;
  #input = '';
  #closed = false;
  readonly #sink: (data: string, kind: WriteKind) => void;
  readonly #listeners = new Set<() => void>();
  /** Process group that gets SIGINT on Ctrl-C (the shell inside sets it for its foreground job). */
  foregroundPgid: number | null = null;

  constructor(sink: (data: string, kind: WriteKind) => void) {
    this.#sink = sink;
  }

  write(data: string, kind: WriteKind = 'data'): void {
    this.#sink(data, kind);
  }

  /** Input typed by an attached client. */
  feed(data: string): void {
    this.#input += data;
    for (const cb of [...this.#listeners]) cb();
  }

  /** The attached client hung up (Ctrl-D on an empty line, or the client went away). */
  hangup(): void {
    this.#closed = true;
    for (const cb of [...this.#listeners]) cb();
  }

  read(line = true): ReadResult {
    if (this.#input) {
      const nl = this.#input.indexOf('\n');
      if (line && nl >= 0) {
        const out = this.#input.slice(0, nl + 1);
        this.#input = this.#input.slice(nl + 1);
        return out;
      }
      if (!line || this.#closed) {
        const out = this.#input;
        this.#input = '';
        return out;
      }
      return null;
    }
    if (this.#closed) {
      this.#closed = false; // one EOF per Ctrl-D, as a terminal gives
      return EOF;
    }
    return null;
  }

  open(): void {}
  close(): void {}

  onReadable(cb: () => void): () => void {
    this.#listeners.add(cb);
    return () => this.#listeners.delete(cb);
  }
}

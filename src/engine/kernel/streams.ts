/**
 * Byte streams between processes: pipes, the null device, and sinks (files, container logs,
 * terminals). A stream is what a file descriptor points at. Reading never blocks here: it returns
 * data, `null` (nothing yet: the reader should wait) or `EOF`; the kernel parks waiting readers
 * and wakes them when the stream signals it became readable.
 */

export const EOF = Symbol('EOF');
export type ReadResult = string | null | typeof EOF;

/** What a write is: ordinary output, or a shell prompt (the headless runner leaves prompts out). */
export type WriteKind = 'data' | 'prompt';

export interface Stream {
  readonly kind: string;
  write(data: string, kind?: WriteKind): void;
  /** Takes what is buffered. `line` = take at most one line (a tty in canonical mode gives lines). */
  read(line?: boolean): ReadResult;
  /** A descriptor was opened on / closed from this stream (for EOF and SIGPIPE semantics). */
  open(mode: 'r' | 'w'): void;
  close(mode: 'r' | 'w'): void;
  /** Registers a callback run when the stream becomes readable; returns an unsubscribe. */
  onReadable(cb: () => void): () => void;
  /** True when this is a terminal (isatty). */
  readonly isTty: boolean;
}

abstract class BaseStream implements Stream {
  abstract readonly kind: string;
  readonly isTty: boolean = false;
  protected readonly listeners = new Set<() => void>();
  abstract write(data: string, kind?: WriteKind): void;
  read(_line?: boolean): ReadResult {
    return EOF;
  }
  open(_mode: 'r' | 'w'): void {}
  close(_mode: 'r' | 'w'): void {}
  onReadable(cb: () => void): () => void {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  }
  protected notify(): void {
    for (const cb of [...this.listeners]) cb();
  }
}

/** `pipe(2)`: a buffer with reader/writer counts; EOF once every writer closed and it drained. */
export class Pipe extends BaseStream {
  readonly kind = 'pipe';
  #buffer = '';
  #writers = 0;
  #readers = 0;
  #everOpenedForWrite = false;
  #everOpenedForRead = false;
  /** Caps what a pipe holds, like the kernel's 64 KiB pipe buffer (extra output is dropped here). */
  static readonly CAPACITY = 1 << 20;

  write(data: string): void {
    if (this.#readers === 0 && this.#everOpenedForWrite) return; // EPIPE: nobody reads any more
    if (this.#buffer.length + data.length > Pipe.CAPACITY) data = data.slice(0, Math.max(0, Pipe.CAPACITY - this.#buffer.length));
    if (!data) return;
    this.#buffer += data;
    this.notify();
  }

  read(line = false): ReadResult {
    if (this.#buffer.length > 0) {
      if (line) {
        const nl = this.#buffer.indexOf('\n');
        if (nl >= 0) {
          const out = this.#buffer.slice(0, nl + 1);
          this.#buffer = this.#buffer.slice(nl + 1);
          return out;
        }
        if (this.#writers > 0) return null;
      }
      const out = this.#buffer;
      this.#buffer = '';
      return out;
    }
    return this.#writers > 0 || !this.#everOpenedForWrite ? null : EOF;
  }

  open(mode: 'r' | 'w'): void {
    if (mode === 'w') {
      this.#writers += 1;
      this.#everOpenedForWrite = true;
    } else {
      this.#readers += 1;
      this.#everOpenedForRead = true;
    }
  }

  close(mode: 'r' | 'w'): void {
    if (mode === 'w') {
      this.#writers = Math.max(0, this.#writers - 1);
      if (this.#writers === 0) this.notify();
    } else this.#readers = Math.max(0, this.#readers - 1);
  }

  get hasReaders(): boolean {
    return this.#readers > 0;
  }

  /** Every reader closed its end: writes fail with EPIPE. */
  get broken(): boolean {
    return this.#readers === 0 && this.#everOpenedForRead;
  }
}

/** A regular file opened for reading (`< file`): its content, then EOF. Writes are ignored (O_RDONLY). */
export class FileReadStream extends BaseStream {
  readonly kind = 'file';
  #rest: string;

  constructor(content: string) {
    super();
    this.#rest = content;
  }

  write(): void {}

  read(line = false): ReadResult {
    if (!this.#rest) return EOF;
    const nl = line ? this.#rest.indexOf('\n') : -1;
    const out = nl >= 0 ? this.#rest.slice(0, nl + 1) : this.#rest;
    this.#rest = this.#rest.slice(out.length);
    return out;
  }
}

/** `/dev/null`. */
export class NullStream extends BaseStream {
  readonly kind = 'null';
  write(): void {}
}

/** A sink that hands every write to a callback (a file, a container's log, a capture buffer). */
export class SinkStream extends BaseStream {
  readonly kind: string;
  readonly #sink: (data: string, kind: WriteKind) => void;
  constructor(kind: string, sink: (data: string, kind: WriteKind) => void) {
    super();
    this.kind = kind;
    this.#sink = sink;
  }
  write(data: string, kind: WriteKind = 'data'): void {
    this.#sink(data, kind);
  }
}

/** Collects everything written: used for `$(…)` command substitution. */
export class CaptureStream extends BaseStream {
  readonly kind = 'capture';
  text = '';
  write(data: string, kind: WriteKind = 'data'): void {
    if (kind === 'data') this.text += data;
  }
}

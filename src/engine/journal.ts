/**
 * The session journal: every input that changes the engine's state, with the virtual instant it
 * arrived at — terminal keystrokes (including those typed inside `docker run -it`, and the lines
 * the UI runs, which are keystrokes too), the editor's host-file changes, and terminal resizes
 * (`docker ps` and friends lay out to the width). Since the engine is deterministic, replaying a
 * journal into a fresh engine built with the same options reproduces the state byte for byte:
 * the same IDs, the same files, the same terminal output.
 *
 * Replay advances virtual time to each entry's instant with `advance`, which ticks only while
 * something is busy and jumps over idle time, so an hour of idle session replays in microseconds.
 */
import type { HostFileChange } from './hostfiles.ts';

export type JournalEntry =
  /** Raw terminal keystrokes. */
  | { readonly at: number; readonly k: 'in'; readonly data: string }
  /** An editor host-file change. */
  | { readonly at: number; readonly k: 'file'; readonly change: HostFileChange }
  | { readonly at: number; readonly k: 'size'; readonly cols: number; readonly rows: number };

/** A line entered at a shell prompt of the host (not inside a container), with its instant. */
export interface PromptLine {
  readonly at: number;
  readonly line: string;
  /** How many journal entries had been recorded when the shell read it (timeline.ts's cut). */
  readonly entries: number;
}

/** What replay needs from the engine (index.ts's Engine satisfies it). */
export interface Replayable {
  readonly now: number;
  advance(ms: number): void;
  input(data: string): void;
  resize(cols: number, rows: number): void;
  files(request: HostFileChange): unknown;
}

/**
 * Feeds `entries` into `engine` (fresh, built with the session's options) at their instants, then
 * advances to `until` (the session's virtual time when it was saved) if that is later.
 */
export function replayJournal(engine: Replayable, entries: readonly JournalEntry[], until = 0): void {
  for (const e of entries) {
    if (e.at > engine.now) engine.advance(e.at - engine.now);
    switch (e.k) {
      case 'in':
        engine.input(e.data);
        break;
      case 'file':
        engine.files(e.change);
        break;
      case 'size':
        engine.resize(e.cols, e.rows);
        break;
      default: {
        const never: never = e;
        throw new Error(`unknown journal entry ${JSON.stringify(never)}`);
      }
    }
  }
  if (until > engine.now) engine.advance(until - engine.now);
}

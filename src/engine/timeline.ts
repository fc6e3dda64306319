/**
 * Time travel (issue 5's Timeline): a session's steps, and the state after any of them, rebuilt by
 * deterministic replay of the journal (journal.ts).
 *
 * A step is a line entered at a host prompt or an editor file change. Each step has a `cut`: how
 * many journal entries it takes to reach it — for a line, every entry recorded before the shell
 * read it; for a file change, the entries up to and including it. The state "after step k" is the
 * journal's first `cut` entries replayed, then virtual time advanced to the instant of the next
 * entry (the moment the learner next touched anything), or to the present if there is none: what
 * the learner saw just before typing again. Lines read together (a paste) share a cut, and so a
 * state.
 */
import type { HostFileChange } from './hostfiles.ts';
import { replayJournal, type JournalEntry, type PromptLine, type Replayable } from './journal.ts';

export type TimelineStep =
  | { readonly at: number; readonly cut: number; readonly kind: 'line'; readonly line: string }
  | { readonly at: number; readonly cut: number; readonly kind: 'file'; readonly op: HostFileChange['op']; readonly path: string };

/** The steps of a session, kept up to date as its journal and prompt lines grow (append-only). */
export class TimelineIndex {
  readonly steps: TimelineStep[] = [];
  #lines = 0;
  #entries = 0;

  /** Appends the steps recorded since the last call; true if any were. */
  update(journal: readonly JournalEntry[], promptLines: readonly PromptLine[]): boolean {
    const before = this.steps.length;
    // Lines and file changes interleave by cut; both lists are already ordered by it.
    const files: TimelineStep[] = [];
    for (let i = this.#entries; i < journal.length; i++) {
      const e = journal[i];
      if (e.k !== 'file') continue;
      const c = e.change;
      files.push({ at: e.at, cut: i + 1, kind: 'file', op: c.op, path: c.op === 'rename' ? c.to : c.path });
    }
    this.#entries = journal.length;
    const lines: TimelineStep[] = promptLines.slice(this.#lines).map((p) => ({ at: p.at, cut: p.entries, kind: 'line', line: p.line }));
    this.#lines = promptLines.length;
    let f = 0;
    let l = 0;
    while (f < files.length || l < lines.length) {
      const takeLine = f >= files.length || (l < lines.length && lines[l].cut < files[f].cut);
      this.steps.push(takeLine ? lines[l++] : files[f++]);
    }
    return this.steps.length > before;
  }
}

/** What reaching a point of the timeline means: entries to replay, then the instant to advance to. */
export interface TimelinePoint {
  readonly cut: number;
  readonly until: number;
}

/** The point after `applied` steps (0 = before the first); `now` is the present's virtual time. */
export function pointAfter(steps: readonly TimelineStep[], applied: number, journal: readonly JournalEntry[], now: number): TimelinePoint {
  const cut = applied <= 0 ? 0 : steps[Math.min(applied, steps.length) - 1].cut;
  return { cut, until: journal[cut]?.at ?? now };
}

/**
 * Moves a replaying engine from `from` (the point it is at) to `to`; false if it cannot (`to` lies
 * before `from`: a fresh engine must replay from the start).
 */
export function replayForward(engine: Replayable, journal: readonly JournalEntry[], from: TimelinePoint, to: TimelinePoint): boolean {
  if (to.cut < from.cut || to.until < from.until || engine.now > to.until) return false;
  replayJournal(engine, journal.slice(from.cut, to.cut), to.until);
  return true;
}

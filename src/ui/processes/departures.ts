/**
 * Processes that just left stay on screen a moment (style.md: animate what changed): a removed
 * process becomes a ghost that fades out, and one the kernel killed keeps its mark long enough to
 * be seen ("OOM-killed") before its box tears down. Pure bookkeeping; the panel owns the timers.
 */
import type { KernelEvent, ProcessView } from '../../engine/snapshot.ts';
import type { Table } from '../../store/index.ts';

/** Why a process died, from the engine's kernel events. */
export type KillMark = { readonly kind: 'oom' } | { readonly kind: 'signal'; readonly signal: number };

export interface Ghost {
  readonly record: ProcessView;
  /** performance.now() when it left. */
  readonly since: number;
}

/** How long a ghost stays: killed ones long enough to read the mark. */
export const GHOST_MS = 900;
export const KILLED_GHOST_MS = 4500;
/** The last part of a ghost's life is its fade. */
export const FADE_MS = 700;

/** The newest kill-related event per host PID: an OOM kill wins over a plain signal. */
export function killMarks(events: readonly KernelEvent[]): ReadonlyMap<number, KillMark> {
  const marks = new Map<number, KillMark>();
  for (const event of events) {
    if (event.hostPid === null) continue;
    if (event.kind === 'oom-kill') marks.set(event.hostPid, { kind: 'oom' });
    else if (event.kind === 'signal' && marks.get(event.hostPid)?.kind !== 'oom') marks.set(event.hostPid, { kind: 'signal', signal: event.value ?? 0 });
  }
  return marks;
}

export function ghostLifetime(mark: KillMark | undefined, reducedMotion: boolean): number {
  if (mark) return KILLED_GHOST_MS;
  return reducedMotion ? 0 : GHOST_MS;
}

/** Records that left between `before` and `after` become ghosts; ones that came back stop being ghosts. */
export function trackDepartures(
  before: Table<ProcessView>, after: Table<ProcessView>, ghosts: ReadonlyMap<string, Ghost>, now: number,
): ReadonlyMap<string, Ghost> {
  let next: Map<string, Ghost> | null = null;
  for (const id in before) {
    if (id in after || ghosts.has(id)) continue;
    next ??= new Map(ghosts);
    next.set(id, { record: before[id]!, since: now });
  }
  for (const id of ghosts.keys()) {
    if (!(id in after)) continue;
    next ??= new Map(ghosts);
    next.delete(id);
  }
  return next ?? ghosts;
}

/** A ghost never outstays its own lifetime by more than this, however busy the host. */
export const MAX_HOLD_MS = 6000;

/**
 * When the current ghosts leave together (performance.now() time), or null without ghosts.
 * Departures that overlap settle as one batch: nothing is re-laid out while a teardown is still
 * on screen (a box never loses half its processes mid-story), and they all fade together.
 */
export function batchExpiry(ghosts: ReadonlyMap<string, Ghost>, marks: ReadonlyMap<number, KillMark>, reducedMotion: boolean): number | null {
  let latest: number | null = null;
  for (const ghost of ghosts.values()) {
    const at = ghost.since + ghostLifetime(marks.get(ghost.record.hostPid), reducedMotion);
    if (latest === null || at > latest) latest = at;
  }
  return latest;
}

/** Drops the batch once it is due, and any ghost held too long; the same map when none goes. */
export function pruneGhosts(
  ghosts: ReadonlyMap<string, Ghost>, marks: ReadonlyMap<number, KillMark>, now: number, reducedMotion: boolean,
): ReadonlyMap<string, Ghost> {
  const due = batchExpiry(ghosts, marks, reducedMotion);
  if (due === null) return ghosts;
  if (now >= due) return new Map();
  let next: Map<string, Ghost> | null = null;
  for (const [id, ghost] of ghosts) {
    if (now - ghost.since < ghostLifetime(marks.get(ghost.record.hostPid), reducedMotion) + MAX_HOLD_MS) continue;
    next ??= new Map(ghosts);
    next.delete(id);
  }
  return next ?? ghosts;
}

/** When pruning should next run: the batch, or the first ghost to overstay. */
export function nextExpiry(ghosts: ReadonlyMap<string, Ghost>, marks: ReadonlyMap<number, KillMark>, reducedMotion: boolean): number | null {
  let soonest = batchExpiry(ghosts, marks, reducedMotion);
  for (const ghost of ghosts.values()) {
    const cap = ghost.since + ghostLifetime(marks.get(ghost.record.hostPid), reducedMotion) + MAX_HOLD_MS;
    if (soonest === null || cap < soonest) soonest = cap;
  }
  return soonest;
}

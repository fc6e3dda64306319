/**
 * What just changed, as data for the aria-live line ("web started", "hog was OOM-killed"). The
 * store derives it from each patch: the engine's kernel events plus containers appearing or
 * disappearing. Names are resolved here, while the container still exists; the UI only words it.
 */
import type { SnapshotPatch } from '../worker/protocol.ts';
import type { ContainerView, KernelEvent } from '../engine/snapshot.ts';
import type { Table } from './tables.ts';

export type NarrationItem =
  | { readonly kind: 'created' | 'removed' | 'started'; readonly name: string }
  | { readonly kind: 'exited' | 'pid1-exit'; readonly name: string; readonly code: number }
  | { readonly kind: 'oom-kill'; readonly name: string | null; readonly comm: string; readonly pid: number }
  | { readonly kind: 'fork-failed'; readonly name: string | null }
  /** The host's process table was full (kernel.pid_max): a fork in `name` (or on the host) failed. */
  | { readonly kind: 'pid-max'; readonly name: string | null; readonly limit: number }
  | { readonly kind: 'signal'; readonly comm: string; readonly pid: number; readonly signal: number }
  /** Time travel: the host shown is the one after `step` of `total` steps (0: before the first); or back to now. */
  | { readonly kind: 'travel'; readonly step: number; readonly total: number }
  | { readonly kind: 'present' };

/** One patch's worth of narration; `batch` grows so the live line can tell a repeat from news. */
export interface Narration {
  readonly batch: number;
  readonly items: readonly NarrationItem[];
}

function assertNever(value: never): never {
  throw new Error(`unhandled: ${JSON.stringify(value)}`);
}

export function narratePatch(before: Table<ContainerView>, after: Table<ContainerView>, patch: SnapshotPatch): NarrationItem[] {
  const nameOf = (id: string | null): string | null => (id ? (after[id]?.name ?? before[id]?.name ?? null) : null);
  const events: readonly KernelEvent[] = patch.events ?? [];
  const started = new Set<string>();
  const died = new Set<string>();
  for (const event of events) {
    if (event.kind === 'container-start' && event.containerId) started.add(event.containerId);
    if (event.kind === 'container-die' && event.containerId) died.add(event.containerId);
  }

  const items: NarrationItem[] = [];
  for (const id of Object.keys(after)) {
    if (!(id in before) && !started.has(id)) items.push({ kind: 'created', name: after[id]!.name });
  }
  for (const event of events) {
    const name = nameOf(event.containerId);
    switch (event.kind) {
      case 'container-start':
        if (name) items.push({ kind: 'started', name });
        break;
      case 'container-die': {
        // The event carries the name too: a `--rm` container may come and go within one patch.
        const who = name ?? event.comm;
        if (who) items.push({ kind: 'exited', name: who, code: event.value ?? 0 });
        break;
      }
      case 'pid1-exit':
        if (name && !(event.containerId && died.has(event.containerId))) items.push({ kind: 'pid1-exit', name, code: event.value ?? 0 });
        break;
      case 'oom-kill':
        items.push({ kind: 'oom-kill', name, comm: event.comm ?? '?', pid: event.hostPid ?? 0 });
        break;
      case 'fork-failed':
        if (!items.some((i) => i.kind === 'fork-failed' && i.name === name)) items.push({ kind: 'fork-failed', name });
        break;
      case 'pid-max':
        // A fast-forwarded patch may hold several seconds of a bomb's refused forks: say it once.
        if (!items.some((i) => i.kind === 'pid-max' && i.name === name)) items.push({ kind: 'pid-max', name, limit: event.value ?? 0 });
        break;
      case 'signal':
        items.push({ kind: 'signal', comm: event.comm ?? '?', pid: event.hostPid ?? 0, signal: event.value ?? 0 });
        break;
      default:
        assertNever(event.kind);
    }
  }
  for (const id of Object.keys(before)) {
    if (!(id in after)) items.push({ kind: 'removed', name: before[id]!.name });
  }
  return items;
}

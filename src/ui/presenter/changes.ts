/**
 * What a step changed, for the presenter's highlight: the keys of records that are new or whose
 * `rev` moved between two states of the store's tables (records carry a `rev` bumped on every
 * change, so this is an integer compare per record). Removed records are not listed: there is
 * nothing left on screen to ring.
 */
import type { Tables } from '../../store/index.ts';

/** The tables whose records have a drawing in the main-area diagrams. */
export const HIGHLIGHT_TABLES = ['processes', 'containers', 'images', 'layers', 'volumes', 'networks'] as const satisfies readonly (keyof Tables)[];

export function changedKeys(before: Pick<Tables, (typeof HIGHLIGHT_TABLES)[number]>, after: Pick<Tables, (typeof HIGHLIGHT_TABLES)[number]>): string[] {
  const keys: string[] = [];
  for (const name of HIGHLIGHT_TABLES) {
    const was = before[name] as Readonly<Record<string, { readonly rev: number }>>;
    const now = after[name] as Readonly<Record<string, { readonly rev: number }>>;
    if (was === now) continue; // same table object: nothing in it changed
    for (const key of Object.keys(now).sort()) {
      if (was[key]?.rev !== now[key]!.rev) keys.push(key);
    }
  }
  return keys;
}

/**
 * The diagram node ids a record key may be drawn as (React Flow's `data-id`): itself, or a
 * container's PID-namespace box (`ns:<id>`, processes/layout.ts).
 */
export function nodeIdsFor(keys: readonly string[]): Set<string> {
  const ids = new Set<string>();
  for (const key of keys) {
    ids.add(key);
    ids.add(`ns:${key}`);
  }
  return ids;
}

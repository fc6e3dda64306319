/**
 * The file tree as the rows it shows: the root's entries, and each expanded folder's entries
 * under it, folders first (as editors list them), then names case-insensitively. Pure, so the
 * keyboard model (WAI-ARIA tree view: arrows, Home/End) is tested without a DOM.
 */
import type { HostFileEntry } from '../../worker/protocol.ts';
import type { FilesState } from './filesStore.ts';

export interface TreeRow {
  readonly path: string;
  readonly name: string;
  /** 1 for the root's entries. */
  readonly level: number;
  readonly entry: HostFileEntry;
  /** A folder, or a symlink to one: it can be expanded. */
  readonly isDir: boolean;
  readonly expanded: boolean;
  /** 1-based position among its siblings, and their number (aria-posinset/setsize). */
  readonly pos: number;
  readonly size: number;
  /** The path of the parent row, or null at the top level. */
  readonly parent: string | null;
  /** An expanded folder whose listing failed: the engine's message. */
  readonly error?: string;
}

export const isDirEntry = (e: HostFileEntry): boolean => e.type === 'dir' || (e.type === 'symlink' && !!e.targetIsDir);

export function sortEntries(entries: readonly HostFileEntry[]): HostFileEntry[] {
  return [...entries].sort((a, b) => {
    const d = Number(isDirEntry(b)) - Number(isDirEntry(a));
    if (d) return d;
    const x = a.name.toLowerCase();
    const y = b.name.toLowerCase();
    return x < y ? -1 : x > y ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
  });
}

export function visibleRows(state: Pick<FilesState, 'root' | 'expanded' | 'listings'>): TreeRow[] {
  const rows: TreeRow[] = [];
  const walk = (dir: string, level: number, parent: string | null, seen: ReadonlySet<string>) => {
    const listing = state.listings[dir];
    if (!listing || 'error' in listing) return;
    const entries = sortEntries(listing.entries);
    entries.forEach((entry, i) => {
      const isDir = isDirEntry(entry);
      // A symlink loop (a link to an ancestor) is shown but not walked into twice.
      const expanded = isDir && !!state.expanded[entry.path] && !seen.has(entry.path);
      const sub = state.listings[entry.path];
      rows.push({
        path: entry.path, name: entry.name, level, entry, isDir, expanded, pos: i + 1, size: entries.length, parent,
        ...(expanded && sub && 'error' in sub ? { error: sub.error } : {}),
      });
      if (expanded) walk(entry.path, level + 1, entry.path, new Set([...seen, entry.path]));
    });
  };
  walk(state.root, 1, null, new Set([state.root]));
  return rows;
}

export type TreeKeyAction =
  | { readonly kind: 'focus'; readonly path: string }
  | { readonly kind: 'expand'; readonly path: string }
  | { readonly kind: 'collapse'; readonly path: string }
  | { readonly kind: 'activate'; readonly path: string }
  | { readonly kind: 'rename'; readonly path: string }
  | { readonly kind: 'delete'; readonly path: string };

/** What a key does on the focused row (WAI-ARIA APG tree view), or null if the key is not the tree's. */
export function treeKey(rows: readonly TreeRow[], focused: string | null, key: string): TreeKeyAction | null {
  if (rows.length === 0) return null;
  const i = Math.max(0, rows.findIndex((r) => r.path === focused));
  const row = rows[i];
  switch (key) {
    case 'ArrowDown':
      return { kind: 'focus', path: rows[Math.min(rows.length - 1, i + 1)].path };
    case 'ArrowUp':
      return { kind: 'focus', path: rows[Math.max(0, i - 1)].path };
    case 'Home':
      return { kind: 'focus', path: rows[0].path };
    case 'End':
      return { kind: 'focus', path: rows[rows.length - 1].path };
    case 'ArrowRight':
      if (!row.isDir) return null;
      if (!row.expanded) return { kind: 'expand', path: row.path };
      return rows[i + 1]?.parent === row.path ? { kind: 'focus', path: rows[i + 1].path } : null;
    case 'ArrowLeft':
      if (row.isDir && row.expanded) return { kind: 'collapse', path: row.path };
      return row.parent ? { kind: 'focus', path: row.parent } : null;
    case 'Enter':
    case ' ':
      return { kind: 'activate', path: row.path };
    case 'F2':
      return { kind: 'rename', path: row.path };
    case 'Delete':
      return { kind: 'delete', path: row.path };
    default:
      return null;
  }
}

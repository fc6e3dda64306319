/**
 * The merged column as an expandable tree (pure): which rows show for the directories that are
 * open, with the names just deleted kept a moment as "ghost" rows so the learner sees them go.
 */
import type { OverlayMergedEntry, OverlayUpperEntry } from '../../engine/queries.ts';

export interface MergedRow {
  readonly entry: OverlayMergedEntry;
  readonly name: string;
  readonly depth: number;
  readonly isDir: boolean;
  readonly open: boolean;
  /** A name that was just deleted (shown struck through while it fades). */
  readonly ghost: boolean;
}

export const parentOf = (path: string) => path.slice(0, Math.max(1, path.lastIndexOf('/')));

/** Tree order: `/etc`, `/etc/nginx`, `/etc/nginx/x`, `/etc/nginx.conf`. */
export function treeOrder(a: string, b: string): number {
  const pa = a.split('/');
  const pb = b.split('/');
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) if (pa[i] !== pb[i]) return pa[i]! < pb[i]! ? -1 : 1;
  return pa.length - pb.length;
}

/** Directories to open so every change in the upper dir shows in the merged tree. */
export function changedDirs(upper: readonly OverlayUpperEntry[]): Set<string> {
  const out = new Set<string>();
  for (const u of upper) for (let p = parentOf(u.hides); p !== '/'; p = parentOf(p)) out.add(p);
  return out;
}

/**
 * The rows to show: an entry shows when every directory above it is open. `ghosts` (deleted
 * names) are slotted in at their place in the tree.
 */
export function visibleRows(merged: readonly OverlayMergedEntry[], isOpen: (dir: string) => boolean, ghosts: readonly OverlayMergedEntry[] = []): MergedRow[] {
  const gone = new Set(ghosts.map((g) => g.path));
  let all: { entry: OverlayMergedEntry; ghost: boolean }[] = merged.filter((e) => !gone.has(e.path)).map((entry) => ({ entry, ghost: false }));
  if (ghosts.length) all = [...all, ...ghosts.map((entry) => ({ entry, ghost: true }))].sort((a, b) => treeOrder(a.entry.path, b.entry.path));
  const shownOpen = new Set<string>(['/']);
  const rows: MergedRow[] = [];
  for (const { entry, ghost } of all) {
    if (!shownOpen.has(parentOf(entry.path))) continue;
    const isDir = entry.type === 'dir';
    const open = isDir && !ghost && isOpen(entry.path);
    if (open) shownOpen.add(entry.path);
    rows.push({ entry, name: entry.path.slice(entry.path.lastIndexOf('/') + 1), depth: entry.path.split('/').length - 2, isDir, open, ghost });
  }
  return rows;
}

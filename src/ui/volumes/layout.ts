/**
 * Where the Volumes view puts things: the host side (volumes, host directories of bind mounts,
 * tmpfs memory) in one column, every container with its mount points in the other, and a link
 * from each mount point to what backs it. Pure: rows are indices, the panel turns them into pixels.
 */
import type { ContainerView, MountView, VolumeView } from '../../engine/snapshot.ts';

export type SourceKind = 'named' | 'anonymous' | 'bind' | 'tmpfs';

export interface SourceRow {
  readonly key: string;
  readonly kind: SourceKind;
  /** Volume name, host path, or '' for tmpfs. */
  readonly name: string;
  /** Where it is on the host ('' for tmpfs). */
  readonly path: string;
  readonly size: number | null;
  /** Containers referencing it (volumes only; null otherwise). */
  readonly usedBy: number | null;
  readonly row: number;
}

export type ContainerRow =
  | { readonly key: string; readonly kind: 'container'; readonly id: string; readonly name: string; readonly status: string; readonly row: number }
  | { readonly key: string; readonly kind: 'mount'; readonly containerId: string; readonly mount: MountView; readonly row: number }
  | { readonly key: string; readonly kind: 'none'; readonly containerId: string; readonly row: number };

export interface Link {
  readonly key: string;
  readonly from: number;
  readonly to: number;
  readonly rw: boolean;
  /** What backs the mount point. */
  readonly kind: MountView['type'];
}

export interface VolumesLayout {
  readonly sources: readonly SourceRow[];
  readonly containers: readonly ContainerRow[];
  readonly links: readonly Link[];
  readonly rows: number;
}

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function layoutVolumes(volumes: readonly VolumeView[], containers: readonly ContainerView[]): VolumesLayout {
  const sources: SourceRow[] = [];
  const index = new Map<string, number>();
  const add = (s: Omit<SourceRow, 'row'>) => {
    index.set(s.key, sources.length);
    sources.push({ ...s, row: sources.length });
  };
  const named = volumes.filter((v) => !v.anonymous).sort((a, b) => byName(a.id, b.id));
  const anonymous = volumes.filter((v) => v.anonymous).sort((a, b) => a.createdAt - b.createdAt || byName(a.id, b.id));
  for (const v of [...named, ...anonymous]) {
    add({ key: `volume:${v.id}`, kind: v.anonymous ? 'anonymous' : 'named', name: v.id, path: v.mountpoint, size: v.size, usedBy: v.usedBy.length });
  }
  const ordered = [...containers].sort((a, b) => a.createdAt - b.createdAt || byName(a.id, b.id));
  const binds = new Set<string>();
  for (const c of ordered) for (const m of c.mounts ?? []) if (m.type === 'bind') binds.add(m.source);
  for (const path of [...binds].sort(byName)) add({ key: `bind:${path}`, kind: 'bind', name: path, path, size: null, usedBy: null });
  for (const c of ordered) {
    for (const m of c.mounts ?? []) {
      if (m.type === 'tmpfs') add({ key: `tmpfs:${c.id}:${m.destination}`, kind: 'tmpfs', name: '', path: '', size: null, usedBy: null });
    }
  }

  const rows: ContainerRow[] = [];
  const links: Link[] = [];
  for (const c of ordered) {
    rows.push({ key: `c:${c.id}`, kind: 'container', id: c.id, name: c.name, status: c.status, row: rows.length });
    const mounts = c.mounts ?? [];
    if (mounts.length === 0) rows.push({ key: `none:${c.id}`, kind: 'none', containerId: c.id, row: rows.length });
    for (const m of mounts) {
      const to = rows.length;
      rows.push({ key: `m:${c.id}:${m.destination}`, kind: 'mount', containerId: c.id, mount: m, row: to });
      const sourceKey = m.type === 'volume' ? `volume:${m.name}` : m.type === 'bind' ? `bind:${m.source}` : `tmpfs:${c.id}:${m.destination}`;
      const from = index.get(sourceKey);
      if (from !== undefined) links.push({ key: `${sourceKey}->${c.id}:${m.destination}`, from, to, rw: m.rw, kind: m.type });
    }
  }
  return { sources, containers: rows, links, rows: Math.max(sources.length, rows.length) };
}

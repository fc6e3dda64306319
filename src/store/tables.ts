/**
 * Applying engine records to the UI's tables while keeping object identity (tldraw
 * `applyObjectDiff`): a record whose `rev` did not change stays the very same object, and a table
 * with nothing changed stays the same table, so React and memo'd nodes skip them with `===`.
 */
import type { SnapshotPatch } from '../worker/protocol.ts';
import type { ApiCall, BuildView, CgroupView, ContainerView, ImageView, KernelEvent, LayerView, ProcessView, RecordTable, RegistryView, Snapshot, TransferView, VolumeView, NetworkView, PortBindingView, TrafficView } from '../engine/snapshot.ts';

export type Table<R> = Readonly<Record<string, R>>;

export interface Tables {
  readonly processes: Table<ProcessView>;
  readonly containers: Table<ContainerView>;
  readonly cgroups: Table<CgroupView>;
  readonly images: Table<ImageView>;
  readonly layers: Table<LayerView>;
  readonly builds: Table<BuildView>;
  readonly registries: Table<RegistryView>;
  readonly transfers: Table<TransferView>;
  readonly volumes: Table<VolumeView>;
  readonly networks: Table<NetworkView>;
  readonly ports: Table<PortBindingView>;
  readonly traffic: Table<TrafficView>;
}

/** How each table is keyed: records carry their own key (cgroups by path, the rest by id). */
type Keyed = { readonly rev: number } & ({ readonly id: string } | { readonly path: string });
const keyOf = (record: Keyed): string => ('id' in record ? record.id : record.path);

/** The tables in a fixed order (a new RecordTable fails here until it is handled). */
export const TABLES = ['processes', 'containers', 'cgroups', 'images', 'layers', 'builds', 'registries', 'transfers', 'volumes', 'networks', 'ports', 'traffic'] as const satisfies readonly RecordTable[];
type MissingTable = Exclude<RecordTable, (typeof TABLES)[number]>;
const everyTableListed: [MissingTable] extends [never] ? true : never = true;
void everyTableListed;

/** Puts and removes on one table; returns the same object when nothing changed. */
export function applyTable<R extends Keyed>(table: Table<R>, puts: readonly R[] | undefined, removes: readonly string[] | undefined): Table<R> {
  let next: Record<string, R> | null = null;
  if (removes) {
    for (const key of removes) {
      if (!(key in (next ?? table))) continue;
      next ??= { ...table };
      delete next[key];
    }
  }
  if (puts) {
    for (const record of puts) {
      const key = keyOf(record);
      const current = (next ?? table)[key];
      if (current && current.rev === record.rev) continue;
      next ??= { ...table };
      next[key] = record;
    }
  }
  return next ?? table;
}

/** Replaces a table by a full one (welcome, resync), keeping the objects whose `rev` is unchanged. */
export function reconcileTable<R extends Keyed>(table: Table<R>, incoming: Table<R>): Table<R> {
  const next: Record<string, R> = {};
  let changed = false;
  let count = 0;
  for (const [key, record] of Object.entries(incoming)) {
    const current = table[key];
    if (current && current.rev === record.rev) next[key] = current;
    else {
      next[key] = record;
      changed = true;
    }
    count++;
  }
  if (!changed && count === Object.keys(table).length) return table;
  return next;
}

export function applyTables(tables: Tables, patch: SnapshotPatch): Tables {
  const processes = applyTable(tables.processes, patch.put.processes, patch.remove.processes);
  const containers = applyTable(tables.containers, patch.put.containers, patch.remove.containers);
  const cgroups = applyTable(tables.cgroups, patch.put.cgroups, patch.remove.cgroups);
  const images = applyTable(tables.images, patch.put.images, patch.remove.images);
  const layers = applyTable(tables.layers, patch.put.layers, patch.remove.layers);
  const builds = applyTable(tables.builds, patch.put.builds, patch.remove.builds);
  const registries = applyTable(tables.registries, patch.put.registries, patch.remove.registries);
  const transfers = applyTable(tables.transfers, patch.put.transfers, patch.remove.transfers);
  const volumes = applyTable(tables.volumes, patch.put.volumes, patch.remove.volumes);
  const networks = applyTable(tables.networks, patch.put.networks, patch.remove.networks);
  const ports = applyTable(tables.ports, patch.put.ports, patch.remove.ports);
  const traffic = applyTable(tables.traffic, patch.put.traffic, patch.remove.traffic);
  if (
    processes === tables.processes && containers === tables.containers && cgroups === tables.cgroups && images === tables.images &&
    layers === tables.layers && builds === tables.builds && registries === tables.registries && transfers === tables.transfers &&
    volumes === tables.volumes && networks === tables.networks && ports === tables.ports && traffic === tables.traffic
  ) return tables;
  return { processes, containers, cgroups, images, layers, builds, registries, transfers, volumes, networks, ports, traffic };
}

export function reconcileTables(tables: Tables, snapshot: Snapshot): Tables {
  const processes = reconcileTable(tables.processes, snapshot.processes);
  const containers = reconcileTable(tables.containers, snapshot.containers);
  const cgroups = reconcileTable(tables.cgroups, snapshot.cgroups);
  const images = reconcileTable(tables.images, snapshot.images);
  const layers = reconcileTable(tables.layers, snapshot.layers);
  const builds = reconcileTable(tables.builds, snapshot.builds);
  const registries = reconcileTable(tables.registries, snapshot.registries ?? {});
  const transfers = reconcileTable(tables.transfers, snapshot.transfers ?? {});
  const volumes = reconcileTable(tables.volumes, snapshot.volumes ?? {});
  const networks = reconcileTable(tables.networks, snapshot.networks ?? {});
  const ports = reconcileTable(tables.ports, snapshot.ports ?? {});
  const traffic = reconcileTable(tables.traffic, snapshot.traffic ?? {});
  if (
    processes === tables.processes && containers === tables.containers && cgroups === tables.cgroups && images === tables.images &&
    layers === tables.layers && builds === tables.builds && registries === tables.registries && transfers === tables.transfers &&
    volumes === tables.volumes && networks === tables.networks && ports === tables.ports && traffic === tables.traffic
  ) return tables;
  return { processes, containers, cgroups, images, layers, builds, registries, transfers, volumes, networks, ports, traffic };
}

/** How many API calls and kernel events the UI keeps. */
export const LOG_LIMIT = 200;

/** Appends and keeps the newest `limit` entries; the same array when there is nothing to add. */
export function appendBounded<T>(log: readonly T[], added: readonly T[] | undefined, limit = LOG_LIMIT): readonly T[] {
  if (!added || added.length === 0) return log;
  const joined = log.concat(added);
  return joined.length > limit ? joined.slice(joined.length - limit) : joined;
}

/** Keeps the current log if the incoming one holds the same entries (by seq). */
export function reconcileLog<T extends ApiCall | KernelEvent>(log: readonly T[], incoming: readonly T[], limit = LOG_LIMIT): readonly T[] {
  const bounded = incoming.length > limit ? incoming.slice(incoming.length - limit) : incoming;
  if (bounded.length === log.length && bounded.every((entry, i) => entry.seq === log[i]!.seq)) return log;
  return bounded;
}

export const EMPTY_TABLES: Tables = { processes: {}, containers: {}, cgroups: {}, images: {}, layers: {}, builds: {}, registries: {}, transfers: {}, volumes: {}, networks: {}, ports: {}, traffic: {} };

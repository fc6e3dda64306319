/**
 * The snapshot's records for volumes and mounts (snapshot.ts VolumeView, MountView): what the
 * Volumes view draws — each volume with its size and the containers that reference it, and
 * each container's mount table.
 */
import type { Container } from '../daemon/container.ts';
import type { Daemon } from '../daemon/daemon.ts';
import type { MountView, VolumeView } from '../snapshot.ts';
import { isAnonymous, mountpointOf } from './store.ts';

/** Changes whenever a volume, the host's files (volume data) or the containers change. */
export function volumesRev(d: Daemon): number {
  return d.volumes.rev + d.hostFs.rev + d.rev;
}

export function volumeViews(d: Daemon): VolumeView[] {
  const rev = volumesRev(d);
  return [...d.volumes.volumes.values()].map((v) => ({
    id: v.name, rev, anonymous: isAnonymous(v), driver: v.driver, mountpoint: mountpointOf(v.name), createdAt: v.createdAt,
    size: d.volumes.size(v.name), labels: { ...(v.labels ?? {}) }, usedBy: d.volumes.refs(v.name),
  }));
}

export function mountViews(c: Container): MountView[] | undefined {
  if (c.mounts.length === 0) return undefined;
  return c.mounts.map((m) => ({ type: m.Type, name: m.Name, source: m.Source, destination: m.Destination, rw: m.RW }));
}

/**
 * A container's mount points, as dockerd sets them up (moby daemon/volumes.go
 * registerMountPoints, daemon/create_unix.go createContainerOSSpecificSettings and
 * populateVolume, daemon/mounts.go removeMountPoints, daemon/container_operations_unix.go for
 * the hostname/hosts/resolv.conf files):
 *
 * - `Binds` (`-v`), then `Mounts` (`--mount`), then every `Config.Volumes` path (the image's
 *   `VOLUME`s and `-v /path`) not already covered, which gets a new anonymous volume;
 * - a volume that is empty when the container is created is filled with what the image has at
 *   the mount point (unless `nocopy`/`volume-nocopy`);
 * - `/etc/hostname`, `/etc/hosts` and `/etc/resolv.conf` are bind mounts of files the daemon
 *   keeps in `/var/lib/docker/containers/<id>/` (the init layer only has empty placeholders);
 * - `docker rm -v` and `--rm` remove the container's anonymous volumes, never named ones.
 */
import type { Container } from '../daemon/container.ts';
import type { Daemon } from '../daemon/daemon.ts';
import { ApiError } from '../daemon/errors.ts';
import { copyContents, MountFs, type MountEntry } from '../fs/mounts.ts';
import { FileTree, normalizePath } from '../fs/tree.ts';
import { parseApiMount, parseBind, type ApiMount, type MountType, type ParsedMount } from './spec.ts';
import { ANONYMOUS_LABEL, mountpointOf } from './store.ts';

/** One entry of a container's mount table, with the fields `docker inspect` prints under `Mounts`. */
export interface MountPoint {
  readonly Type: MountType;
  readonly Name: string;
  readonly Source: string;
  readonly Destination: string;
  readonly Driver: string;
  readonly Mode: string;
  readonly RW: boolean;
  readonly Propagation: string;
  /** A volume without a user-given name (removed by `rm -v`). */
  readonly anonymous: boolean;
  /** `--tmpfs` mounts are not listed in `Mounts` (HostConfig.Tmpfs only). */
  readonly listed: boolean;
  readonly tmpfsSize?: number;
}

/** The mounts a create request asks for, validated; nothing is created yet. */
export interface MountPlan {
  readonly mounts: readonly ParsedMount[];
  /** `Config.Volumes` paths that need a new anonymous volume. */
  readonly anonymous: readonly string[];
  readonly tmpfs: readonly string[];
  /** Mount points taken from other containers (`--volumes-from`), not overridden here. */
  readonly inherited: readonly MountPoint[];
}

export const CONTAINERS_ROOT = '/var/lib/docker/containers';

/** Validates Binds, Mounts, Tmpfs and Config.Volumes; throws the daemon's 400 errors. */
export function planMounts(
  d: Daemon, binds: readonly string[] | null, mounts: readonly ApiMount[] | undefined, tmpfs: Record<string, string> | undefined, volumes: Record<string, unknown> | null,
  volumesFrom: readonly string[] | null = null,
): MountPlan {
  // --volumes-from first (daemon/volumes.go registerMountPoints): `container[:ro|:rw]`.
  const fromOthers = new Map<string, MountPoint>();
  for (const spec of volumesFrom ?? []) {
    if (!spec) throw new ApiError(400, 'volumes-from specification cannot be an empty string');
    const colon = spec.indexOf(':');
    const ref = colon >= 0 ? spec.slice(0, colon) : spec;
    const mode = colon >= 0 ? spec.slice(colon + 1) : '';
    if (mode && !['ro', 'rw', 'z', 'Z', 'nocopy'].some((m) => mode.split(',').includes(m))) throw new ApiError(400, `invalid mode: ${mode}`);
    const other = d.lookup(ref);
    for (const m of other.mounts) {
      if (!m.listed) continue;
      fromOthers.set(m.Destination, { ...m, Mode: '', RW: m.RW && !mode.split(',').includes('ro') });
    }
  }
  const seen = new Set<string>();
  const tmpfsPaths = Object.keys(tmpfs ?? {}).map((p) => normalizePath(p));
  const out: ParsedMount[] = [];
  for (const raw of binds ?? []) {
    const m = parseBind(raw);
    if (seen.has(m.destination) || tmpfsPaths.includes(m.destination)) throw new ApiError(400, `Duplicate mount point: ${m.destination}`);
    if (m.type === 'volume' && m.source) checkVolumeName(m.source);
    seen.add(m.destination);
    out.push(m);
  }
  for (const api of mounts ?? []) {
    const m = parseApiMount(api, (p) => d.hostFs.exists(p));
    if (seen.has(m.destination)) throw new ApiError(400, `Duplicate mount point: ${m.destination}`);
    if (m.type === 'volume' && m.source) checkVolumeName(m.source);
    seen.add(m.destination);
    out.push(m);
  }
  for (const p of tmpfsPaths) {
    if (!p.startsWith('/')) throw new ApiError(400, `invalid mount config for type "tmpfs": invalid mount path: '${p}' mount path must be absolute`);
    seen.add(p);
  }
  const inherited = [...fromOthers.values()].filter((m) => !seen.has(m.Destination));
  for (const m of inherited) seen.add(m.Destination);
  const anonymous = Object.keys(volumes ?? {}).map((p) => normalizePath(p)).filter((p) => !seen.has(p));
  return { mounts: out, anonymous: [...new Set(anonymous)], tmpfs: tmpfsPaths, inherited };
}

function checkVolumeName(name: string): void {
  if (!/^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/.test(name)) {
    throw new ApiError(400, `create ${name}: "${name}" includes invalid characters for a local volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed. If you intended to pass a host directory, use absolute path`);
  }
}

/** Creates the planned volumes, copies image content into empty ones, writes the /etc files and builds the container's view. */
export function applyMounts(d: Daemon, c: Container, plan: MountPlan): void {
  const now = d.now;
  const points: MountPoint[] = [];
  const fill: { name: string; destination: string }[] = [];
  for (const m of plan.mounts) {
    if (m.type === 'volume') {
      const v = d.volumes.create(m.source, m.source ? {} : { labels: { [ANONYMOUS_LABEL]: '' } });
      points.push({ Type: 'volume', Name: v.name, Source: mountpointOf(v.name), Destination: m.destination, Driver: v.driver, Mode: m.mode, RW: m.rw, Propagation: '', anonymous: !m.source, listed: true });
      if (m.copyData) fill.push({ name: v.name, destination: m.destination });
    } else if (m.type === 'bind') {
      if (m.createSource && !d.hostFs.exists(m.source)) d.hostFs.mkdir(m.source, now, { parents: true });
      points.push({ Type: 'bind', Name: '', Source: m.source, Destination: m.destination, Driver: '', Mode: m.mode, RW: m.rw, Propagation: m.propagation, anonymous: false, listed: true });
    } else {
      points.push({ Type: 'tmpfs', Name: '', Source: '', Destination: m.destination, Driver: '', Mode: '', RW: m.rw, Propagation: '', anonymous: false, listed: true, tmpfsSize: m.tmpfsSize });
    }
  }
  // Inherited volumes are shared, never anonymous to this container (rm -v leaves them).
  for (const m of plan.inherited) points.push({ ...m, anonymous: false });
  for (const p of plan.tmpfs) points.push({ Type: 'tmpfs', Name: '', Source: '', Destination: p, Driver: '', Mode: '', RW: true, Propagation: '', anonymous: false, listed: false });
  for (const dest of plan.anonymous) {
    const v = d.volumes.create('', { labels: { [ANONYMOUS_LABEL]: '' } });
    points.push({ Type: 'volume', Name: v.name, Source: mountpointOf(v.name), Destination: dest, Driver: v.driver, Mode: '', RW: true, Propagation: '', anonymous: true, listed: true });
    fill.push({ name: v.name, destination: dest });
  }
  c.mounts = points.sort((a, b) => (a.Destination < b.Destination ? -1 : a.Destination > b.Destination ? 1 : 0));
  // populateVolume: copy the image's directory into a still-empty volume.
  for (const f of fill) {
    const n = c.rootfs.lookup(f.destination);
    if (typeof n === 'string' || n.type !== 'dir' || !d.volumes.isEmpty(f.name)) continue;
    copyContents(c.rootfs, f.destination, d.hostFs, mountpointOf(f.name));
    const dir = d.hostFs.lookup(mountpointOf(f.name));
    if (typeof dir !== 'string') Object.assign(dir, { mode: n.mode, uid: n.uid, gid: n.gid });
  }
  writeContainerFiles(d, c);
  c.fs = new MountFs(c.rootfs, mountEntries(d, c));
}

/** The files behind the /etc bind mounts. */
export type ContainerFile = 'hostname' | 'hosts' | 'resolv.conf';

export function containerFilePath(id: string, file: ContainerFile): string {
  return `${CONTAINERS_ROOT}/${id}/${file}`;
}

/** Docker's default /etc/hosts for a container on the default bridge (libnetwork/etchosts). */
export function defaultHosts(): string {
  return '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nff00::0\tip6-mcastprefix\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n';
}

export function defaultResolvConf(): string {
  return 'nameserver 8.8.8.8\nnameserver 8.8.4.4\n';
}

/**
 * Writes `/var/lib/docker/containers/<id>/{hostname,hosts,resolv.conf}` at create; the
 * container sees them through bind mounts, so a later rewrite (engine/network, through the
 * daemon's `writeContainerFile` hook that the machine points at `setContainerFile`) shows at once.
 */
export function writeContainerFiles(d: Daemon, c: Container): void {
  setContainerFile(d, c.id, 'hostname', `${c.config.Hostname}\n`);
  setContainerFile(d, c.id, 'hosts', defaultHosts());
  setContainerFile(d, c.id, 'resolv.conf', defaultResolvConf());
}

export function setContainerFile(d: Daemon, id: string, file: ContainerFile, content: string): void {
  d.hostFs.writeFile(containerFilePath(id, file), content, d.now, { parents: true });
}

/** The mount table runc sets up: the mount points plus the three /etc files. */
function mountEntries(d: Daemon, c: Container): MountEntry[] {
  const entries: MountEntry[] = c.mounts.map((m) => {
    if (m.Type === 'tmpfs') {
      let t = c.tmpfs.get(m.Destination);
      if (!t) c.tmpfs.set(m.Destination, (t = new FileTree(d.now)));
      t.root.mode = 0o1777;
      return { destination: m.Destination, fs: t, source: '/', readOnly: !m.RW };
    }
    return { destination: m.Destination, fs: d.hostFs, source: m.Source, readOnly: !m.RW };
  });
  for (const f of ['hostname', 'hosts', 'resolv.conf'] as const) {
    if (!c.mounts.some((m) => m.Destination === `/etc/${f}`)) entries.push({ destination: `/etc/${f}`, fs: d.hostFs, source: containerFilePath(c.id, f), readOnly: false });
  }
  return entries;
}

/**
 * At start (runc): tmpfs mounts are fresh and empty, and missing mount points are created in
 * the container's rootfs (they show in `docker diff` as added directories).
 */
export function prepareMountsForStart(d: Daemon, c: Container): void {
  c.tmpfs.clear();
  const ro = c.rootfs.readOnly;
  c.rootfs.readOnly = false;
  for (const m of c.mounts) {
    if (!c.rootfs.exists(m.Destination)) {
      const isFile = m.Type === 'bind' && (() => {
        const n = d.hostFs.lookup(m.Source);
        return typeof n !== 'string' && n.type !== 'dir';
      })();
      if (isFile) c.rootfs.writeFile(m.Destination, '', d.now, { parents: true });
      else c.rootfs.mkdir(m.Destination, d.now, { parents: true });
    }
  }
  c.rootfs.readOnly = ro;
  if (c.fs instanceof MountFs) c.fs.setMounts(mountEntries(d, c));
}

/**
 * moby daemon/volumes_unix.go setupMounts: as the container starts (after its networking, before
 * the `start` event), one `volume mount` event per volume mount point.
 */
export function logVolumeMounts(d: Daemon, c: Container): void {
  for (const m of c.mounts) {
    if (m.Type !== 'volume') continue;
    d.emit('volume', 'mount', m.Name, { container: c.id, destination: m.Destination, driver: m.Driver, propagation: m.Propagation, 'read/write': String(m.RW) });
  }
}

/**
 * moby container/container.go UnmountVolumes (from daemon.Cleanup, after the network is released
 * when PID 1 exits): one `volume unmount` event per volume mount point.
 */
export function logVolumeUnmounts(d: Daemon, c: Container): void {
  for (const m of c.mounts) {
    if (m.Type !== 'volume') continue;
    d.emit('volume', 'unmount', m.Name, { container: c.id, driver: m.Driver });
  }
}

/** After the container is gone: its anonymous volumes (with `rm -v`/`--rm`) and its files. */
export function releaseMounts(d: Daemon, c: Container, removeVolumes: boolean): void {
  d.hostFs.remove(`${CONTAINERS_ROOT}/${c.id}`, { recursive: true });
  if (!removeVolumes) return;
  for (const m of c.mounts) {
    if (m.Type !== 'volume' || !m.anonymous || !d.volumes.get(m.Name)) continue;
    if (d.volumes.refs(m.Name).length > 0) continue;
    d.volumes.remove(m.Name);
  }
}

/** `Mounts` of `docker inspect`. */
export function inspectMounts(c: Container): Record<string, unknown>[] {
  return c.mounts.filter((m) => m.listed).map((m) => {
    if (m.Type === 'volume') return { Type: m.Type, Name: m.Name, Source: m.Source, Destination: m.Destination, Driver: m.Driver, Mode: m.Mode, RW: m.RW, Propagation: m.Propagation };
    return { Type: m.Type, Source: m.Source, Destination: m.Destination, Mode: m.Mode, RW: m.RW, Propagation: m.Propagation };
  });
}

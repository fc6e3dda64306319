/**
 * dockerd's volume service with the built-in `local` driver (moby volume/service/service.go,
 * volume/service/store.go, volume/local/local.go): each volume is a directory
 * `/var/lib/docker/volumes/<name>/_data` on the host's disk, so `ls` on the host shows the data
 * a container wrote. Anonymous volumes get a random 64-hex name and the label
 * `com.docker.volume.anonymous`. A volume is "in use" while any container (running or not)
 * references it; removing it then fails with 409.
 *
 * The Engine API routes (POST /volumes/create, GET /volumes, GET/DELETE /volumes/{name},
 * POST /volumes/prune) are the exported functions at the bottom.
 */
import type { Daemon } from '../daemon/daemon.ts';
import { ApiError, badRequest, conflict } from '../daemon/errors.ts';
import { sha256Hex } from '../image/digest.ts';

export const VOLUMES_ROOT = '/var/lib/docker/volumes';
export const ANONYMOUS_LABEL = 'com.docker.volume.anonymous';
const NAME_RE = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

export interface Volume {
  readonly name: string;
  readonly driver: string;
  /** Virtual ms. */
  readonly createdAt: number;
  readonly labels: Record<string, string> | null;
  readonly options: Record<string, string> | null;
}

/** The API's Volume object (api/types/volume/volume.go), keys in Go's field order as JSON prints them. */
export interface VolumeJson {
  CreatedAt: string;
  Driver: string;
  Labels: Record<string, string> | null;
  Mountpoint: string;
  Name: string;
  Options: Record<string, string> | null;
  Scope: 'local';
  UsageData?: { RefCount: number; Size: number };
}

export function mountpointOf(name: string): string {
  return `${VOLUMES_ROOT}/${name}/_data`;
}

export function isAnonymous(v: Volume): boolean {
  return v.labels !== null && ANONYMOUS_LABEL in v.labels;
}

export class VolumeStore {
  readonly #d: Daemon;
  readonly volumes = new Map<string, Volume>();
  /** Bumped whenever a volume is created or removed. */
  rev = 0;
  #seq = 0;

  constructor(d: Daemon) {
    this.#d = d;
  }

  get(name: string): Volume | undefined {
    return this.volumes.get(name);
  }

  /** Creates a volume (or returns the existing one of that name, as the service does). */
  create(name: string, opts: { labels?: Record<string, string> | null; options?: Record<string, string> | null; driver?: string } = {}): Volume {
    const d = this.#d;
    const driver = opts.driver || 'local';
    if (driver !== 'local') throw new ApiError(404, `create ${name}: error looking up volume plugin ${driver}: plugin "${driver}" not found`);
    if (!name) {
      // Random-looking but drawn from a counter, not from the engine's random stream, so
      // creating a volume does not shift every later random choice (IDs, timings).
      do name = sha256Hex(`volume:${++this.#seq}:${d.now}`);
      while (this.volumes.has(name));
    } else if (!NAME_RE.test(name)) {
      throw badRequest(`create ${name}: "${name}" includes invalid characters for a local volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed. If you intended to pass a host directory, use absolute path`);
    }
    const existing = this.volumes.get(name);
    if (existing) return existing;
    const v: Volume = { name, driver, createdAt: d.now, labels: opts.labels ?? null, options: opts.options ?? null };
    const fs = d.hostFs;
    fs.mkdir(mountpointOf(name), d.now, { parents: true });
    const dir = fs.lookup(`${VOLUMES_ROOT}/${name}`);
    if (typeof dir !== 'string') dir.mode = 0o701;
    this.volumes.set(name, v);
    this.rev += 1;
    d.emit('volume', 'create', name, { driver });
    return v;
  }

  /** IDs of the containers that reference the volume (any state). */
  refs(name: string): string[] {
    const out: string[] = [];
    for (const c of this.#d.containers.values()) if (c.mounts.some((m) => m.Type === 'volume' && m.Name === name)) out.push(c.id);
    return out;
  }

  /** Bytes of the files in the volume. */
  size(name: string): number {
    const fs = this.#d.hostFs;
    let total = 0;
    for (const [, n] of fs.walk(mountpointOf(name))) if (n.type === 'file') total += n.size;
    return total;
  }

  isEmpty(name: string): boolean {
    const l = this.#d.hostFs.list(mountpointOf(name));
    return typeof l === 'string' || l.length === 0;
  }

  /** Removes a volume that no container references; throws the service's errors. */
  remove(name: string, force = false): void {
    const v = this.volumes.get(name);
    if (!v) {
      if (force) return;
      throw new ApiError(404, `get ${name}: no such volume`);
    }
    const refs = this.refs(name);
    if (refs.length) throw conflict(`remove ${name}: volume is in use - [${refs.join(', ')}]`);
    this.#d.hostFs.remove(`${VOLUMES_ROOT}/${name}`, { recursive: true });
    this.volumes.delete(name);
    this.rev += 1;
    this.#d.emit('volume', 'destroy', name, { driver: v.driver });
  }

  toJson(v: Volume, usage = false): VolumeJson {
    const iso = new Date(this.#d.clock.wall(v.createdAt)).toISOString();
    return {
      CreatedAt: `${iso.slice(0, 19)}Z`, Driver: v.driver, Labels: v.labels, Mountpoint: mountpointOf(v.name), Name: v.name, Options: v.options, Scope: 'local',
      ...(usage ? { UsageData: { RefCount: this.refs(v.name).length, Size: this.size(v.name) } } : {}),
    };
  }
}

// ── Engine API routes ────────────────────────────────────────────────────────────────────

/** POST /volumes/create */
export function volumeCreate(d: Daemon, req: { Name: string; Driver: string; DriverOpts: Record<string, string>; Labels: Record<string, string> }): VolumeJson {
  return d.call('POST', '/volumes/create', 201, () => {
    const v = d.volumes.create(req.Name, { labels: req.Labels, options: req.DriverOpts, driver: req.Driver });
    return d.volumes.toJson(v);
  });
}

/** GET /volumes/{name} */
export function volumeInspect(d: Daemon, name: string): VolumeJson {
  return d.call('GET', `/volumes/${name}`, 200, () => {
    const v = d.volumes.get(name);
    if (!v) throw new ApiError(404, `get ${name}: no such volume`);
    return d.volumes.toJson(v);
  });
}

/** Does a volume pass the list/prune filters (volume/service/by.go, daemon/volumes filters)? */
function matches(d: Daemon, v: Volume, filters: Record<string, string[]>): boolean {
  for (const [key, values] of Object.entries(filters)) {
    const ok = values.some((val) => {
      switch (key) {
        case 'name':
          return v.name.includes(val);
        case 'driver':
          return v.driver === val;
        case 'dangling': {
          const dangling = d.volumes.refs(v.name).length === 0;
          return (val === 'true' || val === '1') === dangling;
        }
        case 'label': {
          const eq = val.indexOf('=');
          const k = eq >= 0 ? val.slice(0, eq) : val;
          return v.labels !== null && k in v.labels && (eq < 0 || v.labels[k] === val.slice(eq + 1));
        }
        case 'label!': {
          const eq = val.indexOf('=');
          const k = eq >= 0 ? val.slice(0, eq) : val;
          return !(v.labels !== null && k in v.labels && (eq < 0 || v.labels[k] === val.slice(eq + 1)));
        }
        default:
          return true;
      }
    });
    if (!ok) return false;
  }
  return true;
}

const LIST_FILTERS = ['dangling', 'driver', 'label', 'name'];

function checkFilters(filters: Record<string, string[]>, allowed: readonly string[]): void {
  for (const [key, values] of Object.entries(filters)) {
    if (!allowed.includes(key)) throw badRequest(`invalid filter '${key}'`);
    if (key === 'dangling') for (const v of values) if (!['true', 'false', '1', '0'].includes(v)) throw badRequest(`invalid filter 'dangling=${v}'`);
  }
}

/** GET /volumes?filters= */
export function volumeList(d: Daemon, filters: Record<string, string[]> = {}): { Volumes: VolumeJson[]; Warnings: string[] | null } {
  const q = Object.keys(filters).length ? `?filters=${encodeURIComponent(JSON.stringify(filters))}` : '';
  return d.call('GET', `/volumes${q}`, 200, () => {
    checkFilters(filters, LIST_FILTERS);
    return { Volumes: [...d.volumes.volumes.values()].filter((v) => matches(d, v, filters)).map((v) => d.volumes.toJson(v)), Warnings: null };
  });
}

/** DELETE /volumes/{name}?force= */
export function volumeRemove(d: Daemon, name: string, force: boolean): void {
  d.call('DELETE', `/volumes/${name}${force ? '?force=1' : ''}`, 204, () => d.volumes.remove(name, force));
}

/**
 * POST /volumes/prune — unused volumes; since API 1.42 only anonymous ones unless the filter
 * `all=true` is given (daemon/volumes.go VolumesPrune).
 */
export function volumesPrune(d: Daemon, filters: Record<string, string[]>): { VolumesDeleted: string[] | null; SpaceReclaimed: number } {
  const q = Object.keys(filters).length ? `?filters=${encodeURIComponent(JSON.stringify(filters))}` : '';
  return d.call('POST', `/volumes/prune${q}`, 200, () => {
    const { all, ...rest } = filters;
    checkFilters(rest, ['label', 'label!']);
    const everything = (all ?? []).some((v) => v === 'true' || v === '1');
    const deleted: string[] = [];
    let space = 0;
    for (const v of [...d.volumes.volumes.values()]) {
      if (!everything && !isAnonymous(v)) continue;
      if (!matches(d, v, rest) || d.volumes.refs(v.name).length > 0) continue;
      const size = d.volumes.size(v.name);
      d.volumes.remove(v.name);
      deleted.push(v.name);
      space += size;
    }
    d.emit('volume', 'prune', '', { reclaimed: String(space) });
    return { VolumesDeleted: deleted.length ? deleted : null, SpaceReclaimed: space };
  });
}

/** The volumes part of GET /system/df: each volume with its reference count and size, by name. */
export function volumesUsage(d: Daemon): { Name: string; RefCount: number; Size: number }[] {
  return [...d.volumes.volumes.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((v) => ({ Name: v.name, RefCount: d.volumes.refs(v.name).length, Size: d.volumes.size(v.name) }));
}

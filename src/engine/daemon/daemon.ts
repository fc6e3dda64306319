/**
 * dockerd: the Engine API behind the docker CLI. It keeps the containers (names, configs,
 * states, logs), talks to containerd to run them, watches their exits (restart policies,
 * `--rm`, OOM flags), and logs every API call with its method, path and status so the UI can
 * animate client → daemon → containerd → runc. The route handlers live in `router/`.
 */
import type { Clock } from '../clock.ts';
import { Snapshotter } from '../fs/snapshotter.ts';
import { FileTree } from '../fs/tree.ts';
import type { Kernel } from '../kernel/kernel.ts';
import type { Process } from '../kernel/process.ts';
import type { Random } from '../random.ts';
import type { Containerd } from '../runtime/containerd.ts';
import type { ApiCall, ApiHop } from '../snapshot.ts';
import { API_VERSION } from '../versions.ts';
import type { Container } from './container.ts';
import { ApiError, noSuchContainer } from './errors.ts';
import type { LocalImage } from './images.ts';
import { StatsCollector } from './stats.ts';
import { VolumeStore } from '../volumes/store.ts';

export interface ImageService {
  /** Resolves a reference or (short) ID to a local image, or undefined. */
  find(ref: string): LocalImage | undefined;
  /** A fresh root filesystem for a container of this image (a private copy). */
  rootfs(id: string): FileTree;
  /** The image's layers as read-only overlay lower dirs, top → bottom (shared). */
  lowerDirs(id: string): readonly FileTree[];
}

/** One `docker events` record (see events.ts for the API message it becomes). */
export interface DockerEvent {
  /** Order of emission, for subscribers. */
  readonly seq: number;
  readonly t: number;
  readonly type: 'container' | 'image' | 'network' | 'volume';
  readonly action: string;
  readonly id: string;
  readonly attributes: Record<string, string>;
}

const API_LOG_MAX = 200;
/** moby `daemon/events/events.go` eventsLimit: the daemon keeps the last 256 events. */
const EVENTS_MAX = 256;
/** Stack order of the components a call can reach (ApiCall.hops is sorted by it). */
const HOP_ORDER: readonly ApiHop[] = ['dockerd', 'containerd', 'shim', 'runc', 'kernel', 'images', 'volumes', 'networks', 'registry'];
/** Route prefixes whose handlers work on a store beside dockerd. */
const STORE_ROUTES: readonly (readonly [string, ApiHop])[] = [['/images/', 'images'], ['/volumes', 'volumes'], ['/networks', 'networks'], ['/commit', 'images'], ['/build', 'images']];

export class Daemon {
  readonly kernel: Kernel;
  readonly clock: Clock;
  readonly random: Random;
  readonly containerd: Containerd;
  registry: import('./router/pull.ts').Registry | null = null;
  readonly containers = new Map<string, Container>();
  readonly execs = new Map<string, import('./container.ts').ExecRecord>();
  readonly apiLog: ApiCall[] = [];
  readonly events: DockerEvent[] = [];
  readonly stats: StatsCollector;
  /** Containers' root filesystems (overlay2). */
  readonly snapshotter: Snapshotter;
  /** Root filesystems of BuildKit's RUN containers, by their ID (engine/build/exec.ts). */
  readonly buildMounts = new Map<string, import('../fs/filesystem.ts').Filesystem>();
  /** The host's disk (volumes live in /var/lib/docker/volumes; set by the machine). */
  hostFs = new FileTree();
  /** The block device under / and /var/lib/docker (set by the machine; null: unlimited). */
  disk: import('../fs/disk.ts').Disk | null = null;
  /** Volumes of the `local` driver (volumes/store.ts). */
  readonly volumes = new VolumeStore(this);
  #apiSeq = 0;
  private eventSeq = 0;
  /** Hops reached by the API calls being handled (innermost last). */
  private readonly reachedStack: Set<ApiHop>[] = [];
  /** `GET /events` subscribers (router/events.ts), called for each new event. */
  readonly eventListeners = new Set<(e: DockerEvent) => void>();
  /** Bumped whenever a container is added, removed or changes. */
  rev = 0;

  constructor(kernel: Kernel, clock: Clock, random: Random, containerd: Containerd) {
    this.kernel = kernel;
    this.clock = clock;
    this.random = random;
    this.containerd = containerd;
    this.stats = new StatsCollector(kernel);
    this.snapshotter = new Snapshotter(() => clock.now);
    // containerd's task service goes through the shim and runc down to the kernel.
    containerd.onReach = (hops) => this.reach(...hops);
  }

  // Plain (not #private) fields: routes view the daemon through Object.create (images.ts unlogged).
  private imageService!: ImageService;
  /** The image service; a lookup counts as reaching the image cache for the current API call. */
  get images(): ImageService {
    return this.imageService;
  }
  set images(s: ImageService) {
    // A proxy, not a copy: the image store keeps #private fields, so methods run on the target.
    const find = (ref: string) => {
      this.reach('images');
      return s.find(ref);
    };
    this.imageService = new Proxy(s, {
      get: (target, prop) => {
        if (prop === 'find') return find;
        const v: unknown = Reflect.get(target, prop, target);
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    });
  }

  get now(): number {
    return this.clock.now;
  }

  // ── API bookkeeping ──────────────────────────────────────────────────────────────────────

  /**
   * Logs one Engine API call (method, versioned path, status) with the components it reached:
   * dockerd, whatever the handler reached inside `call`/`callGen` (see `reach`), the store its
   * route works on, and `extra` (e.g. the registry for `POST /images/create`).
   */
  logCall(method: string, path: string, status: number, extra: readonly ApiHop[] = []): void {
    const hops = new Set<ApiHop>(['dockerd', ...(this.reachedStack.at(-1) ?? []), ...extra]);
    for (const [prefix, hop] of STORE_ROUTES) if (path.startsWith(prefix)) hops.add(hop);
    this.apiLog.push({ seq: ++this.#apiSeq, t: this.now, method, path: `/v${API_VERSION}${path}`, status, hops: HOP_ORDER.filter((h) => hops.has(h)) });
    if (this.apiLog.length > API_LOG_MAX) this.apiLog.splice(0, this.apiLog.length - API_LOG_MAX);
  }

  /**
   * Records that the API call being handled reached these components (containerd calls it for
   * every task operation; a volume or network store can call it too). Outside a call (a
   * restart policy, an exit) it does nothing.
   */
  reach(...hops: ApiHop[]): void {
    const top = this.reachedStack.at(-1);
    if (top) for (const h of hops) top.add(h);
  }

  /** Runs a handler, logging its status (the ApiError's, or `ok`). */
  call<T>(method: string, path: string, ok: number, fn: () => T): T {
    this.reachedStack.push(new Set());
    try {
      const r = fn();
      this.logCall(method, path, ok);
      return r;
    } catch (e) {
      if (e instanceof ApiError) this.logCall(method, path, e.status);
      throw e;
    } finally {
      this.reachedStack.pop();
    }
  }

  /** Same for handlers that take virtual time. */
  *callGen<T>(method: string, path: string, ok: number, fn: () => Generator<import('../kernel/process.ts').Wait, T, unknown>): Generator<import('../kernel/process.ts').Wait, T, unknown> {
    // NOTE: while this handler waits, another call may run; each step of this one runs with its
    // own hop set on top of the stack (next/throw/return are all forwarded, as yield* does).
    const reached = new Set<ApiHop>();
    const it = fn();
    const within = <R>(f: () => R): R => {
      this.reachedStack.push(reached);
      try {
        return f();
      } finally {
        this.reachedStack.pop();
      }
    };
    const stepper: Iterator<import('../kernel/process.ts').Wait, T, unknown> = {
      next: (v?: unknown) => within(() => it.next(v)),
      throw: (e?: unknown) => within(() => it.throw(e)),
      return: (v?: T) => within(() => it.return(v as T)),
    };
    try {
      const r = yield* { [Symbol.iterator]: () => stepper };
      within(() => this.logCall(method, path, ok));
      return r;
    } catch (e) {
      if (e instanceof ApiError) within(() => this.logCall(method, path, e.status));
      throw e;
    }
  }

  /**
   * Records an event for `docker events` (moby `daemon/events.go`). Container events carry the
   * container's labels, `image` and `name` (LogContainerEventWithAttributes), plus `attributes`.
   */
  emit(type: DockerEvent['type'], action: string, id: string, attributes: Record<string, string> = {}): void {
    let attrs = attributes;
    const c = type === 'container' ? this.containers.get(id) : undefined;
    if (c) attrs = { ...(c.config.Labels ?? {}), image: c.config.Image, name: c.name, ...attributes };
    const e: DockerEvent = { seq: ++this.eventSeq, t: this.now, type, action, id, attributes: attrs };
    this.events.push(e);
    if (this.events.length > EVENTS_MAX) this.events.shift();
    for (const l of [...this.eventListeners]) l(e);
  }

  // ── lookup ───────────────────────────────────────────────────────────────────────────────

  /** Finds a container by full ID, name, or unique ID prefix (as the daemon's GetContainer). */
  lookup(ref: string): Container {
    const c = this.tryLookup(ref);
    if (!c) throw noSuchContainer(ref);
    return c;
  }

  tryLookup(ref: string): Container | undefined {
    if (!ref) return undefined;
    const byId = this.containers.get(ref);
    if (byId) return byId;
    const name = ref.startsWith('/') ? ref.slice(1) : ref;
    for (const c of this.containers.values()) if (c.name === name) return c;
    if (!/^[0-9a-f]+$/.test(ref)) return undefined;
    const matches = [...this.containers.values()].filter((c) => c.id.startsWith(ref));
    if (matches.length > 1) throw new ApiError(400, `multiple IDs found with provided prefix: ${ref}`);
    return matches[0];
  }

  /** The process of a container's PID 1, if running. */
  initOf(c: Container): Process | undefined {
    return this.containerd.tasks.get(c.id)?.init;
  }

  touch(c: Container): void {
    c.touch();
    this.rev += 1;
  }

  /** Called every tick: due restarts, stats sampling. */
  tick(): void {
    this.stats.sample(this.containers.values(), this.now);
    for (const c of this.containers.values()) {
      if (c.restartAt !== null && this.now >= c.restartAt) {
        c.restartAt = null;
        this.onRestartDue?.(c);
      }
    }
  }

  /** Earliest virtual time the daemon has something to do (a pending restart). */
  nextWakeAt(): number | undefined {
    let t: number | undefined;
    for (const c of this.containers.values()) if (c.restartAt !== null && (t === undefined || c.restartAt < t)) t = c.restartAt;
    return t;
  }

  onRestartDue: ((c: Container) => void) | null = null;
  /**
   * Writes one of the files the daemon keeps for a container in /var/lib/docker/containers/<id>/
   * (`hosts`, `resolv.conf`, `hostname`) and mounts into it; unset, engine/network writes them into the init layer.
   */
  writeContainerFile?: (c: Container, name: 'hosts' | 'resolv.conf' | 'hostname', content: string) => void;
  /** Image store hooks for `docker info`, completion and the snapshot (set by the machine). */
  imageCount?: () => number;
  imageNames?: () => string[];
  imagesRev?: () => number;
  imageViews?: () => import('../snapshot.ts').ImageView[];
  /** Bumped whenever a build starts, advances a step or ends (set by the builder). */
  buildsRev?: () => number;
  /** The last few builds, oldest first (set by the builder). */
  buildViews?: () => readonly import('../snapshot.ts').BuildView[];
}

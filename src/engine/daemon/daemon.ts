/**
 * dockerd: the Engine API behind the docker CLI. It keeps the containers (names, configs,
 * states, logs), talks to containerd to run them, watches their exits (restart policies,
 * `--rm`, OOM flags), and logs every API call with its method, path and status so the UI can
 * animate client → daemon → containerd → runc. The route handlers live in `router/`.
 */
import type { Clock } from '../clock.ts';
import { Snapshotter } from '../fs/snapshotter.ts';
import type { FileTree } from '../fs/tree.ts';
import type { Kernel } from '../kernel/kernel.ts';
import type { Process } from '../kernel/process.ts';
import type { Random } from '../random.ts';
import type { Containerd } from '../runtime/containerd.ts';
import type { ApiCall } from '../snapshot.ts';
import { API_VERSION } from '../versions.ts';
import type { Container } from './container.ts';
import { ApiError, noSuchContainer } from './errors.ts';
import type { LocalImage } from './images.ts';
import { StatsCollector } from './stats.ts';

export interface ImageService {
  /** Resolves a reference or (short) ID to a local image, or undefined. */
  find(ref: string): LocalImage | undefined;
  /** A fresh root filesystem for a container of this image (a private copy). */
  rootfs(id: string): FileTree;
  /** The image's layers as read-only overlay lower dirs, top → bottom (shared). */
  lowerDirs(id: string): readonly FileTree[];
}

/** One `docker events` record. */
export interface DockerEvent {
  readonly t: number;
  readonly type: 'container' | 'image' | 'network' | 'volume';
  readonly action: string;
  readonly id: string;
  readonly attributes: Record<string, string>;
}

const API_LOG_MAX = 200;

export class Daemon {
  readonly kernel: Kernel;
  readonly clock: Clock;
  readonly random: Random;
  readonly containerd: Containerd;
  images!: ImageService;
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
  #apiSeq = 0;
  /** Bumped whenever a container is added, removed or changes. */
  rev = 0;

  constructor(kernel: Kernel, clock: Clock, random: Random, containerd: Containerd) {
    this.kernel = kernel;
    this.clock = clock;
    this.random = random;
    this.containerd = containerd;
    this.stats = new StatsCollector(kernel);
    this.snapshotter = new Snapshotter(() => clock.now);
  }

  get now(): number {
    return this.clock.now;
  }

  // ── API bookkeeping ──────────────────────────────────────────────────────────────────────

  /** Logs one Engine API call (method, versioned path, status). */
  logCall(method: string, path: string, status: number): void {
    this.apiLog.push({ seq: ++this.#apiSeq, t: this.now, method, path: `/v${API_VERSION}${path}`, status });
    if (this.apiLog.length > API_LOG_MAX) this.apiLog.splice(0, this.apiLog.length - API_LOG_MAX);
  }

  /** Runs a handler, logging its status (the ApiError's, or `ok`). */
  call<T>(method: string, path: string, ok: number, fn: () => T): T {
    try {
      const r = fn();
      this.logCall(method, path, ok);
      return r;
    } catch (e) {
      if (e instanceof ApiError) this.logCall(method, path, e.status);
      throw e;
    }
  }

  /** Same for handlers that take virtual time. */
  *callGen<T>(method: string, path: string, ok: number, fn: () => Generator<import('../kernel/process.ts').Wait, T, unknown>): Generator<import('../kernel/process.ts').Wait, T, unknown> {
    try {
      const r = yield* fn();
      this.logCall(method, path, ok);
      return r;
    } catch (e) {
      if (e instanceof ApiError) this.logCall(method, path, e.status);
      throw e;
    }
  }

  emit(type: DockerEvent['type'], action: string, id: string, attributes: Record<string, string> = {}): void {
    this.events.push({ t: this.now, type, action, id, attributes });
    if (this.events.length > 1000) this.events.shift();
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

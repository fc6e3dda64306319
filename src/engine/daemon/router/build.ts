/**
 * The BuildKit routes of the Engine API as the buildx client (docker driver) uses them
 * (moby: daemon/server/router/build, builder-next/controller.go): `GET /_ping`, the hijacked
 * `POST /session` (101, the client serves the context and the Dockerfile over it) and
 * `POST /grpc` (101, BuildKit's control API: Solve, Status), plus `GET /build/cache` for
 * `docker system df` and `POST /build/prune`. Keeps the last builds as the snapshot's
 * BuildViews, bumping a rev whenever a build starts, advances a step or ends.
 */
import { BuildKit, type BuildOptions, type BuildResult } from '../../build/solver.ts';
import type { CacheRecord } from '../../build/cache.ts';
import { Progress, type Vertex } from '../../build/progress.ts';
import { familiarString } from '../../image/reference.ts';
import type { Wait } from '../../kernel/process.ts';
import type { BuildStepView, BuildView } from '../../snapshot.ts';
import type { Daemon } from '../daemon.ts';
import { store } from './images.ts';

const KEEP_BUILDS = 10;

interface BuildRecord {
  id: string;
  rev: number;
  status: BuildView['status'];
  tags: string[];
  dockerfile: string;
  progress: Progress;
  imageId: string | null;
  startedAt: number;
  finishedAt: number | null;
}

/** The daemon's BuildKit instance and its build history. */
class Builder {
  readonly kit: BuildKit;
  readonly builds: BuildRecord[] = [];
  #seq = 0;
  rev = 0;

  constructor(d: Daemon) {
    this.kit = new BuildKit(d);
  }

  begin(d: Daemon, o: BuildOptions): BuildRecord {
    const rec: BuildRecord = {
      id: `build-${++this.#seq}`, rev: 1, status: 'running', tags: o.tags.map(familiarString), dockerfile: o.dockerfile ?? '',
      progress: new Progress(() => d.now), imageId: null, startedAt: d.now, finishedAt: null,
    };
    rec.progress.on(() => this.touch(rec));
    this.builds.push(rec);
    if (this.builds.length > KEEP_BUILDS) this.builds.splice(0, this.builds.length - KEEP_BUILDS);
    this.touch(rec);
    return rec;
  }

  touch(rec: BuildRecord): void {
    rec.rev += 1;
    this.rev += 1;
  }

  views(): BuildView[] {
    return this.builds.map((b) => ({
      id: b.id, rev: b.rev, status: b.status, tags: b.tags, dockerfile: b.dockerfile, imageId: b.imageId, startedAt: b.startedAt, finishedAt: b.finishedAt,
      steps: b.progress.vertices.map(stepView),
    }));
  }
}

function stepView(v: Vertex): BuildStepView {
  const status: BuildStepView['status'] = v.completed === null ? (v.started === null ? 'waiting' : 'running') : v.error !== null ? 'error' : v.cached ? 'cached' : 'done';
  return { n: v.n, name: v.name, stage: v.stage, status, layer: v.layer, durationMs: v.cached || v.started === null ? 0 : (v.completed ?? v.started) - v.started };
}

const builders = new WeakMap<Daemon, Builder>();

/** The daemon's builder, created (and hooked into the snapshot) on first use. */
export function builderOf(d: Daemon): Builder {
  let b = builders.get(d);
  if (!b) {
    const nb = new Builder(d);
    builders.set(d, nb);
    d.buildsRev = () => nb.rev + nb.kit.cache.rev;
    d.buildViews = () => nb.views();
    b = nb;
  }
  return b;
}

/**
 * A `docker build`: the session and gRPC calls, then the solve. `onStart` receives the progress
 * stream (the CLI renders it). Throws BuildFailure; a failed build leaves no image.
 */
export function* buildSolve(d: Daemon, o: BuildOptions, onStart: (p: Progress) => void): Generator<Wait, BuildResult, unknown> {
  const b = builderOf(d);
  d.logCall('GET', '/_ping', 200);
  d.logCall('POST', '/session', 101);
  // The gRPC stream carries the whole solve: BuildKit reads and writes the image cache.
  d.logCall('POST', '/grpc', 101, ['images']);
  const rec = b.begin(d, o);
  onStart(rec.progress);
  try {
    const r = yield* b.kit.run(o, rec.progress);
    rec.status = 'done';
    rec.imageId = r.imageId;
    return r;
  } catch (e) {
    rec.status = 'error';
    throw e;
  } finally {
    if (rec.status === 'running') {
      // Interrupted (Ctrl-C, the client killed): the steps in flight are canceled.
      rec.status = 'error';
      rec.progress.cancel();
    }
    rec.finishedAt = d.now;
    b.touch(rec);
  }
}

/** One record of `GET /system/df` BuildCache (types.BuildCache). */
export interface BuildCacheSummary {
  readonly ID: string;
  readonly Parents: null;
  readonly Type: string;
  readonly Description: string;
  readonly InUse: boolean;
  readonly Shared: boolean;
  readonly Size: number;
  readonly CreatedAt: number;
  readonly LastUsedAt: number;
  readonly UsageCount: number;
  readonly Mutable: boolean;
}

function summary(d: Daemon, r: CacheRecord): BuildCacheSummary {
  const shared = r.layer !== null && store(d).layerPresent(r.layer.diffId);
  return {
    ID: r.id, Parents: null, Type: r.type, Description: r.description, InUse: false, Shared: shared, Size: r.size, CreatedAt: r.createdAt, LastUsedAt: r.lastUsedAt,
    UsageCount: r.usageCount, Mutable: r.mutable,
  };
}

/** The build cache records (`GET /system/df` BuildCache; no API call of its own). */
export function buildCacheUsage(d: Daemon): BuildCacheSummary[] {
  return builderOf(d).kit.cache.records().map((r) => summary(d, r));
}

/** `POST /build/prune?all=`: what went, and the bytes reclaimed. */
export function buildPrune(d: Daemon, all: boolean): { deleted: BuildCacheSummary[]; reclaimed: number } {
  return d.call('POST', '/grpc', 101, () => {
    const gone = builderOf(d).kit.cache.prune(all).map((r) => summary(d, r));
    return { deleted: gone, reclaimed: gone.reduce((n, r) => n + r.Size, 0) };
  });
}

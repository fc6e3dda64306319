/**
 * The reusable goal and hint predicates: each reads the snapshot's tables as they are (status,
 * limits, OOM flags, namespaces, layer chains, the Engine API log, kernel events) and computes no
 * engine semantics of its own. Lessons compose them with `all`, `any` and `not`.
 */
import type { ApiHop, ContainerView, ImageView } from '../engine/snapshot.ts';
import type { LessonWorld, Predicate } from './types.ts';

const containersOf = (w: LessonWorld): ContainerView[] => Object.values(w.containers);
const running = (w: LessonWorld): ContainerView[] => containersOf(w).filter((c) => c.status === 'running');

/** `nginx` → `nginx:latest`; a reference with a tag or digest is kept (the familiar form `repoTags` uses). */
export function normalizeRef(ref: string): string {
  const name = ref.slice(ref.lastIndexOf('/') + 1);
  return name.includes(':') || name.includes('@') ? ref : `${ref}:latest`;
}

/** The local image a reference names, if pulled. */
export function imageByRef(w: LessonWorld, ref: string): ImageView | undefined {
  const want = normalizeRef(ref);
  return Object.values(w.images).find((image) => image.repoTags.includes(want));
}

/** Whether a container was created from `ref` (by image ID when the image is local, else as typed). */
function fromImage(w: LessonWorld, c: ContainerView, ref: string): boolean {
  const image = imageByRef(w, ref);
  return image ? c.imageId === image.id : normalizeRef(c.image) === normalizeRef(ref);
}

export const all = (...ps: Predicate[]): Predicate => (w) => ps.every((p) => p(w));
export const any = (...ps: Predicate[]): Predicate => (w) => ps.some((p) => p(w));
export const not = (p: Predicate): Predicate => (w) => !p(w);

/** At least `count` containers from image `ref` are running. */
export const runningFrom = (ref: string, count = 1): Predicate => (w) => running(w).filter((c) => fromImage(w, c, ref)).length >= count;

/** Some container from `ref` exists (any state). */
export const createdFrom = (ref: string): Predicate => (w) => containersOf(w).some((c) => fromImage(w, c, ref));

/** Some container from `ref` has exited with `exitCode` (any code when omitted). */
export const exitedFrom = (ref: string, exitCode?: number): Predicate => (w) =>
  containersOf(w).some((c) => c.status === 'exited' && fromImage(w, c, ref) && (exitCode === undefined || c.exitCode === exitCode));

/** Some container from `ref` ran a command matching `re` to a clean exit (status exited, code 0). */
export const ranToExit = (ref: string, re: RegExp): Predicate => (w) =>
  containersOf(w).some((c) => c.status === 'exited' && c.exitCode === 0 && fromImage(w, c, ref) && re.test(c.command));

/** `POST /containers/create` calls in log order, each with its index in the API log. */
const creates = (w: LessonWorld) =>
  w.apiLog.map((call, i) => ({ call, i })).filter(({ call }) => call.method === 'POST' && /^(\/v[0-9.]+)?\/containers\/create(\?|$)/.test(call.path));

/**
 * A create missed the daemon's image cache: it answered 404 (No such image), the CLI pulled
 * (`POST /images/create`) and the same create then succeeded, in that order in the API log.
 */
export const createMissedCache: Predicate = (w) => {
  const cs = creates(w);
  return cs.some(({ call, i }) => {
    if (call.status !== 404) return false;
    const retry = cs.find((c) => c.i > i && c.call.path === call.path);
    return retry !== undefined && retry.call.status === 201 &&
      w.apiLog.slice(i + 1, retry.i).some((c) => c.method === 'POST' && /^(\/v[0-9.]+)?\/images\/create\?/.test(c.path) && c.status === 200);
  });
};

/** A create found its image in the daemon's cache: it succeeded at once, not as the retry after a 404. */
export const createHitCache: Predicate = (w) => {
  const cs = creates(w);
  return cs.some(({ call }, k) => {
    if (call.status !== 201) return false;
    const before = cs.slice(0, k).reverse().find((c) => c.call.path === call.path);
    return before === undefined || before.call.status !== 404;
  });
};

/** The Engine API log holds a call whose `METHOD path` (version prefix removed) matches `re`. */
export const apiCalled = (re: RegExp): Predicate => (w) => w.apiLog.some((call) => re.test(`${call.method} ${call.path.replace(/^\/v[0-9.]+/, '')}`));

/**
 * A running container's PID 1 is, on the host, another PID in another PID namespace: the process
 * table says `nsPid` 1, its `hostPid`, and its `pid:[…]` namespace differs from systemd's.
 */
export const pid1HasOtherHostPid: Predicate = (w) => {
  const hostNs = Object.values(w.processes).find((p) => p.hostPid === 1)?.namespaces.pid;
  return Object.values(w.processes).some(
    (p) => p.nsPid === 1 && p.hostPid !== 1 && p.containerId !== null && p.namespaces.pid !== hostNs && w.containers[p.containerId]?.status === 'running',
  );
};

/**
 * A container's PID 1 was killed with SIGKILL (exit status 128 + 9), not by the OOM killer: the
 * kernel's `pid1-exit` event says so (it outlives a restart), or the exited container's record does.
 */
export const pid1Killed: Predicate = (w) =>
  w.events.some((e) => e.kind === 'pid1-exit' && e.value === 137 && e.containerId !== null && w.containers[e.containerId]?.oomKilled !== true) ||
  containersOf(w).some((c) => c.status === 'exited' && c.exitCode === 137 && !c.oomKilled);

/** Some container was OOM-killed (`State.OOMKilled`). */
export const oomKilled: Predicate = (w) => containersOf(w).some((c) => c.oomKilled);

/** Some container has a memory limit (`HostConfig.Memory` > 0). */
export const memoryLimited: Predicate = (w) => containersOf(w).some((c) => c.limits.memory > 0);

/** Some container has a PID limit and a fork inside it failed (the kernel's `fork-failed` event). */
export const forkFailedAtPidsLimit: Predicate = (w) =>
  w.events.some((e) => e.kind === 'fork-failed' && e.containerId !== null && (w.containers[e.containerId]?.limits.pidsLimit ?? 0) > 0);

/** Some container has a PID limit. */
export const pidsLimited: Predicate = (w) => containersOf(w).some((c) => c.limits.pidsLimit > 0);

/** Two running containers with `--cpu-shares` `a` and `b`. */
const sharesPair = (w: LessonWorld, a: number, b: number): [ContainerView, ContainerView][] => {
  const r = running(w);
  return r.flatMap((x) => r.filter((y) => y !== x && x.limits.cpuShares === a && y.limits.cpuShares === b).map((y): [ContainerView, ContainerView] => [x, y]));
};

/** Two running containers with `--cpu-shares` `a` and `b` exist (contended or not). */
export const cpuSharesPair = (a: number, b: number): Predicate => (w) => sharesPair(w, a, b).length > 0;

/** Two running containers with `--cpu-shares` `a` and `b` are pinned to the same CPUs, so they compete. */
export const cpuSharesContend = (a: number, b: number): Predicate => (w) =>
  sharesPair(w, a, b).some(([x, y]) => x.limits.cpusetCpus !== '' && x.limits.cpusetCpus === y.limits.cpusetCpus);

/** Two different local images have a layer in common (their ChainID lists intersect). */
export const imagesShareLayer: Predicate = (w) => {
  const images = Object.values(w.images);
  return images.some((a, i) => images.slice(i + 1).some((b) => a.chain.some((layer) => b.chain.includes(layer))));
};

/** Some container's read-write layer (the overlay upper dir) holds files. */
export const rwLayerWritten: Predicate = (w) => containersOf(w).some((c) => c.rwSize > 0);

/** `docker diff` (GET /containers/{id}/changes) listed at least one change of a container (what it listed: `lastDiff`). */
export const diffShowedChanges: Predicate = (w) =>
  containersOf(w).some((c) => c.lastDiff !== undefined && c.lastDiff.copiedUp + c.lastDiff.whiteouts + c.lastDiff.added > 0);

/** Some container changed a file that came with its image: the file was copied up into its r/w layer (`ContainerView.rwLayer`). */
export const imageFileCopiedUp: Predicate = (w) => containersOf(w).some((c) => (c.rwLayer?.copiedUp ?? 0) > 0);

/** Some container deleted a file that came with its image: its r/w layer holds a whiteout for it. */
export const imageFileWhitedOut: Predicate = (w) => containersOf(w).some((c) => (c.rwLayer?.whiteouts ?? 0) > 0);

/** Some container's r/w layer holds only files of its own: nothing copied up, nothing whited out. */
export const onlyOwnFilesWritten: Predicate = (w) =>
  containersOf(w).some((c) => c.rwLayer !== undefined && c.rwLayer.added > 0) && !imageFileCopiedUp(w) && !imageFileWhitedOut(w);

/** No container's r/w layer holds anything yet. */
export const rwLayersEmpty: Predicate = (w) => containersOf(w).every((c) => c.rwLayer === undefined);

/** `docker diff` listed a copied-up (C) and a whited-out (D) image file of one container (what its latest diff listed, `lastDiff`). */
export const diffShowedCopyUpAndWhiteout: Predicate = (w) => containersOf(w).some((c) => c.lastDiff !== undefined && c.lastDiff.copiedUp > 0 && c.lastDiff.whiteouts > 0);

/** Some container passes `test` (for lesson-specific checks on a container's record). */
export const someContainer = (test: (c: ContainerView, w: LessonWorld) => boolean): Predicate => (w) => containersOf(w).some((c) => test(c, w));

/** A named volume holds data and no container uses it any more: the data outlived its container. */
export const namedVolumeOutlivedContainer: Predicate = (w) => Object.values(w.volumes).some((v) => !v.anonymous && v.size > 0 && v.usedBy.length === 0);

/** Some anonymous volume holds data (a `-v /path` without a name). */
export const anonymousVolumeWithData: Predicate = (w) => Object.values(w.volumes).some((v) => v.anonymous && v.size > 0);

/** A running container has a bind mount, read-only when `readOnly` is given as true. */
export const bindMounted = (readOnly?: boolean): Predicate => (w) =>
  running(w).some((c) => (c.mounts ?? []).some((m) => m.type === 'bind' && (readOnly === undefined || m.rw === !readOnly)));

/** A running container is attached to a user-defined network (not the predefined bridge, host or none). */
export const onUserNetwork: Predicate = (w) =>
  Object.values(w.networks).some((n) => !n.builtin && n.endpoints.some((e) => w.containers[e.containerId]?.status === 'running'));

/** Some network traffic of `kind` succeeded (the snapshot's packet log: DNS answers, HTTP responses…). */
export const trafficOk = (kind: 'dns' | 'http' | 'icmp'): Predicate => (w) => Object.values(w.traffic).some((t) => t.kind === kind && t.ok);

/** Some network traffic of `kind` failed (a name that did not resolve, an HTTP error). */
export const trafficFailed = (kind: 'dns' | 'http' | 'icmp'): Predicate => (w) => Object.values(w.traffic).some((t) => t.kind === kind && !t.ok);

/** Some container is running. */
export const anyRunning: Predicate = (w) => running(w).length > 0;

/** A running container has a published port (a `-p` binding with its docker-proxy). */
export const portPublished: Predicate = (w) => Object.values(w.ports).some((p) => w.containers[p.containerId]?.status === 'running');

/** An HTTP request from the host (not from a container) reached a container and was answered. */
export const hostReachedContainer: Predicate = (w) => Object.values(w.traffic).some((t) => t.kind === 'http' && t.ok && t.fromContainer === null && t.toContainer !== null);

/** An HTTP request from the host failed (nothing listening, connection refused). */
export const hostRequestFailed: Predicate = (w) => Object.values(w.traffic).some((t) => t.kind === 'http' && !t.ok && t.fromContainer === null);

/** A registry:2 container is running (the snapshot lists it as a `local` registry). */
export const localRegistryRunning: Predicate = (w) =>
  Object.values(w.registries).some((r) => r.kind === 'local' && r.containerId !== null && w.containers[r.containerId]?.status === 'running');

/** A push or pull with a local registry (a registry:2 container) finished. */
export const transferDone = (kind: 'push' | 'pull', registryKind: 'local' | 'hub'): Predicate => (w) =>
  Object.values(w.transfers).some((t) => t.kind === kind && t.status === 'done' && w.registries[t.registry]?.kind === registryKind);

/** A push or pull failed. */
export const transferFailed = (kind: 'push' | 'pull'): Predicate => (w) => Object.values(w.transfers).some((t) => t.kind === kind && t.status === 'failed');

/** Some local image is tagged for a registry other than Docker Hub (`localhost:5000/alpine`). */
export const taggedForPrivateRegistry: Predicate = (w) => Object.values(w.images).some((i) => i.repoTags.some((tag) => /^[^/]+[.:][^/]*\//.test(tag)));

/** A `docker build` with a tag finished. */
export const buildTagged: Predicate = (w) => Object.values(w.builds).some((b) => b.status === 'done' && b.tags.length > 0);

/** A build failed. */
export const buildFailed: Predicate = (w) => Object.values(w.builds).some((b) => b.status === 'error');

/** A build reused a layer-making step from the cache and then rebuilt a later one (a change invalidated the cache there). */
export const buildCacheThenRebuild: Predicate = (w) =>
  Object.values(w.builds).some((b) => {
    const layered = b.steps.filter((s) => s.layer !== null);
    const firstDone = layered.findIndex((s) => s.status === 'done');
    return firstDone > 0 && layered.slice(0, firstDone).every((s) => s.status === 'cached');
  });

/** A finished build took every layer-making step from the cache. */
export const buildAllCached: Predicate = (w) =>
  Object.values(w.builds).some((b) => b.status === 'done' && b.steps.some((s) => s.layer !== null) && b.steps.every((s) => s.layer === null || s.status === 'cached'));

/**
 * An Engine API call matching `re` reached these components (`ApiCall.hops`); a single component
 * means that one alone (dockerd answering by itself).
 */
export const apiHops = (re: RegExp, hops: readonly ApiHop[]): Predicate => (w) =>
  w.apiLog.some((call) => re.test(`${call.method} ${call.path.replace(/^\/v[0-9.]+/, '')}`) && hops.every((h) => call.hops.includes(h)) && (hops.length !== 1 || call.hops.length === 1));

/** A running container's PID 1 is a child of a containerd shim (runc has exited after starting it). */
export const pid1UnderShim: Predicate = (w) =>
  Object.values(w.processes).some(
    (p) => p.nsPid === 1 && p.containerId !== null && w.containers[p.containerId]?.status === 'running' && (w.processes[`p${p.ppid}`]?.comm ?? '').startsWith('containerd-shim'),
  );

/** A finished build made layers in two or more stages (a multi-stage Dockerfile). */
export const multiStageBuilt: Predicate = (w) =>
  Object.values(w.builds).some((b) => b.status === 'done' && new Set(b.steps.filter((s) => s.layer !== null && s.stage !== null).map((s) => s.stage)).size >= 2);

/** Local image `small` is smaller than local image `big`. */
export const imageSmaller = (small: string, big: string): Predicate => (w) => {
  const a = imageByRef(w, small);
  const b = imageByRef(w, big);
  return a !== undefined && b !== undefined && a.size < b.size;
};

/** At least `count` containers are running at once. */
export const runningAtLeast = (count: number): Predicate => (w) => running(w).length >= count;

/** Some container went from created to started within `ms` of virtual time. */
export const startedWithin = (ms: number): Predicate => (w) => containersOf(w).some((c) => c.startedAt !== null && c.startedAt - c.createdAt <= ms);

/** A pull found one of its layers already in the layer store (`<id>: Already exists`). */
export const pullFoundLayer: Predicate = (w) => Object.values(w.transfers).some((t) => t.kind === 'pull' && t.layers.some((l) => l.outcome === 'already-exists'));

/** Some local image is `ref`. */
export const imagePresent = (ref: string): Predicate => (w) => imageByRef(w, ref) !== undefined;

/** At least `count` local images. */
export const imagesAtLeast = (count: number): Predicate => (w) => Object.keys(w.images).length >= count;

/** `docker commit` (POST /commit) calls, with the image reference each asked for (`repo:tag`, '' when untagged). */
const commits = (w: LessonWorld): { ok: boolean; ref: string; container: string }[] =>
  w.apiLog
    .filter((call) => call.method === 'POST' && /^(\/v[0-9.]+)?\/commit\?/.test(call.path))
    .map((call) => {
      const q = new URLSearchParams(call.path.slice(call.path.indexOf('?') + 1));
      const repo = q.get('repo') ?? '';
      return { ok: call.status === 201, ref: repo ? `${repo}:${q.get('tag') || 'latest'}` : '', container: q.get('container') ?? '' };
    });

/** A `docker commit` made an image. */
export const committed: Predicate = (w) => commits(w).some((c) => c.ok);

/** A `docker commit` failed (no such container, e.g. one run with --rm and gone). */
export const commitFailed: Predicate = (w) => commits(w).some((c) => !c.ok);

/** A container was created from an image that `docker commit` made (and still carries that name). */
export const ranCommittedImage: Predicate = (w) =>
  commits(w).some((c) => c.ok && c.ref !== '' && imageByRef(w, c.ref) !== undefined && containersOf(w).some((x) => fromImage(w, x, c.ref)));

/**
 * A container was removed (DELETE /containers/{name}) after `docker diff` had shown its changes:
 * the API log is read in order, so the name may since belong to a new container.
 */
export const removedAfterDiff: Predicate = (w) => {
  const diffed = new Set<string>();
  for (const call of w.apiLog) {
    const path = call.path.replace(/^\/v[0-9.]+/, '').replace(/\?.*$/, '');
    const diff = /^\/containers\/([^/]+)\/changes$/.exec(path);
    if (diff && call.method === 'GET' && call.status === 200) diffed.add(diff[1]);
    const del = /^\/containers\/([^/]+)$/.exec(path);
    if (del && call.method === 'DELETE' && call.status === 204 && diffed.has(del[1])) return true;
  }
  return false;
};

/**
 * A container was removed, and a container created after that runs with a named volume that
 * holds data: a replacement that finds the data its predecessor left outside itself.
 */
export const replacementKeptData: Predicate = (w) => {
  const removals = w.apiLog.filter((call) => call.method === 'DELETE' && call.status === 204 && /^(\/v[0-9.]+)?\/containers\/[^/]+(\?.*)?$/.test(call.path)).map((call) => call.t);
  if (removals.length === 0) return false;
  const first = Math.min(...removals);
  return running(w).some(
    (c) => c.createdAt >= first && (c.mounts ?? []).some((m) => m.type === 'volume' && !(w.volumes[m.name]?.anonymous ?? true) && (w.volumes[m.name]?.size ?? 0) > 0),
  );
};

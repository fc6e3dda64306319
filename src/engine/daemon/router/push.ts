/**
 * POST /images/{name}/push?tag= — `docker push` as the daemon does it (moby
 * `daemon/internal/distribution/push.go`, `push_v2.go`, `xfer/upload.go`): "The push refers to
 * repository [docker.io/user/app]", then per layer (top first, IDs = 12 hex of the diff_id)
 * `Preparing`, `Waiting` beyond five concurrent uploads, and one of: `Layer already exists`
 * (the v2 metadata says the blob is in this repository and HEAD answers 200), `Mounted from
 * library/alpine` (a cross-repository mount on the same registry), or an upload (POST, PATCH
 * with `Pushing` progress over the uncompressed size, PUT) ending `Pushed`. Then the config
 * blob, the schema 2 manifest PUT and `latest: digest: sha256:… size: N`. Errors after the first
 * line travel in the stream (the CLI prints them bare and exits 1).
 */
import { truncateId, type Digest } from '../../image/digest.ts';
import { buildManifest } from '../../image/manifest.ts';
import { familiarName, familiarString, parseNormalizedNamed, referenceName, type Reference } from '../../image/reference.ts';
import type { Wait } from '../../kernel/process.ts';
import { RegistryApiError, type DistributionRegistry } from '../../registry/distribution.ts';
import { HUB_HOST, reachRegistry, registriesOf, type Transfer, type TransferLayer } from '../../registry/registries.ts';
import type { Daemon } from '../daemon.ts';
import { ApiError } from '../errors.ts';
import { store } from './images.ts';

/** One JSON message of the push stream. */
export interface PushMessage {
  readonly status?: string;
  readonly id?: string;
  readonly progress?: { readonly current: number; readonly total: number; readonly start: number; readonly now: number };
  /** errorDetail.message: the stream ends with it. */
  readonly error?: string;
}

/** Simulated upstream bandwidth (uncompressed bytes per virtual second, shared by uploads). */
export const UPLOAD_BANDWIDTH = 40 * 1000 * 1000;
const MAX_CONCURRENT_UPLOADS = 5;
const STEP_MS = 100;

type Gen<T> = Generator<Wait, T, unknown>;

/** X-Registry-Auth as the daemon decodes it. */
export interface PushAuth {
  readonly username: string;
}

/** The containers' published ports, for reaching `localhost:PORT` registries. */
export function portOwners(d: Daemon) {
  return [...d.containers.values()].map((c) => ({ containerId: c.id, running: c.state.Running && !c.state.Paused, bindings: c.hostConfig.PortBindings ?? {} }));
}

/** Whether the registry lets `auth` push to `path` (Docker Hub: only into the user's namespace). */
function mayPush(host: string, path: string, auth: PushAuth | null): boolean {
  if (host !== HUB_HOST) return true;
  return !!auth && !!auth.username && path.startsWith(`${auth.username.toLowerCase()}/`);
}

/** Pushes `name` (tag given, or all tags with tag = null). */
export function* imagePush(d: Daemon, name: string, tag: string | null, auth: PushAuth | null, emit: (m: PushMessage) => void): Gen<void> {
  const parsed = parseNormalizedNamed(name);
  // The client always sends `tag` (empty with --all-tags).
  const apiPath = `/images/${name}/push?tag=${encodeURIComponent(tag ?? '')}`;
  if (!parsed.ok) {
    d.logCall('POST', apiPath, 400);
    throw new ApiError(400, parsed.error.message);
  }
  const repo = parsed.ref;
  const regs = registriesOf(d.kernel);
  const fail = (message: string, status = 200) => {
    emit({ error: message });
    d.logCall('POST', apiPath, status);
  };
  emit({ status: `The push refers to repository [${referenceName(repo)}]` });
  const s = store(d);
  const associations: { ref: Reference; id: Digest }[] = [];
  for (const img of s.images()) for (const r of s.references(img.id)) if (r.tag && referenceName(r) === referenceName(repo)) associations.push({ ref: r, id: img.id });
  if (associations.length === 0) return fail(`An image does not exist locally with the tag: ${familiarName(repo)}`);
  let targets: { ref: Reference; id: Digest }[];
  if (tag !== null) {
    const ref = { ...repo, tag, digest: '' };
    const id = s.lookupReference(ref);
    if (!id) return fail(`tag does not exist: ${familiarString(ref)}`);
    targets = [{ ref, id }];
  } else targets = associations.sort((a, b) => (a.ref.tag < b.ref.tag ? -1 : a.ref.tag > b.ref.tag ? 1 : 0));
  const reach = reachRegistry(regs, repo.domain, portOwners(d));
  if (!reach.ok) return fail(reach.message);
  const registry = reach.registry;
  for (const t of targets) {
    const err = yield* pushTag(d, registry, t.ref, t.id, auth, emit);
    if (err) return fail(err);
  }
  d.logCall('POST', apiPath, 200, ['registry']);
}

interface Upload {
  readonly id: string;
  readonly diffId: Digest;
  readonly digest: Digest;
  readonly size: number;
  readonly compressedSize: number;
  readonly files: () => readonly import('../../image/layer.ts').LayerFile[];
  /** Decided before it starts: skip (exists/mounted) or upload. */
  plan: { kind: 'exists' } | { kind: 'mount'; from: string } | { kind: 'upload' } | null;
  state: 'waiting' | 'active' | 'done';
  done: number;
  start: number;
  uuid: string;
  view: TransferLayer;
}

function* pushTag(d: Daemon, registry: DistributionRegistry, ref: Reference, imageId: Digest, auth: PushAuth | null, emit: (m: PushMessage) => void): Gen<string | null> {
  const s = store(d);
  const regs = registriesOf(d.kernel);
  const img = s.get(imageId)!;
  const host = registry.host;
  const path = ref.path;
  const here = `${host}/${path}`;
  // Descriptors top → bottom (push_v2.go walks from the top layer down).
  const records = s.imageLayers(imageId);
  const uploads: Upload[] = [];
  const seen = new Set<string>();
  const transfer: Transfer = regs.beginTransfer({ kind: 'push', registry: host, repository: path, tag: ref.tag, start: d.now, layers: [] });
  for (let i = records.length - 1; i >= 0; i--) {
    const l = records[i];
    const id = truncateId(l.diffId);
    if (seen.has(id)) continue;
    seen.add(id);
    const view: TransferLayer = { id, digest: l.digest, size: l.size, outcome: null, start: d.now, end: d.now };
    transfer.layers.push(view);
    uploads.push({ id, diffId: l.diffId, digest: l.digest, size: l.size, compressedSize: l.compressedSize, files: () => l.files, plan: null, state: 'waiting', done: 0, start: 0, uuid: '', view });
  }
  registry.access('GET', '/v2/', 200, 2);
  uploads.forEach((u) => emit({ status: 'Preparing', id: u.id }));
  uploads.slice(MAX_CONCURRENT_UPLOADS).forEach((u) => emit({ status: 'Waiting', id: u.id }));
  const finish = (status: Transfer['status']) => {
    transfer.status = status;
    transfer.end = d.now;
    regs.touch();
    regs.touchTransfers();
  };
  if (!mayPush(host, path, auth)) {
    yield { kind: 'sleep', ms: STEP_MS };
    for (const u of uploads) u.view.outcome = 'denied';
    finish('failed');
    return 'denied: requested access to the resource is denied';
  }
  let running = true;
  while (running) {
    yield { kind: 'sleep', ms: STEP_MS };
    const active = uploads.filter((u) => u.state !== 'done').slice(0, MAX_CONCURRENT_UPLOADS);
    const uploading = active.filter((u) => u.plan?.kind === 'upload' && u.state === 'active');
    for (const u of active) {
      if (u.state === 'waiting') {
        u.state = 'active';
        u.start = d.now - STEP_MS;
        u.view.start = u.start;
        u.plan = decide(u);
        if (u.plan.kind === 'exists') {
          complete(u, 'exists');
          emit({ status: 'Layer already exists', id: u.id });
        } else if (u.plan.kind === 'mount') {
          complete(u, 'mounted');
          u.view.from = u.plan.from;
          emit({ status: `Mounted from ${u.plan.from}`, id: u.id });
        } else if (!u.uuid) {
          // (A failed mount already opened the session: 202.)
          const st = registry.startUpload(path);
          if (st instanceof RegistryApiError) return st.toString();
          registry.access('POST', `/v2/${path}/blobs/uploads/`, 202);
          u.uuid = st.uuid;
        }
      }
    }
    const share = (UPLOAD_BANDWIDTH * STEP_MS) / 1000 / Math.max(1, uploading.length);
    for (const u of uploading) {
      const step = Math.min(u.size - u.done, share);
      u.done += step;
      registry.patchUpload(path, u.uuid, Math.round((step / Math.max(1, u.size)) * u.compressedSize));
      if (u.done >= u.size) {
        registry.access('PATCH', `/v2/${path}/blobs/uploads/${u.uuid}?_state=${registry.uploadState(u.uuid, 0)}`, 202);
        registry.access('PUT', `/v2/${path}/blobs/uploads/${u.uuid}?_state=${registry.uploadState(u.uuid, u.compressedSize)}&digest=${encodeURIComponent(u.digest)}`, 201);
        const r = registry.completeUpload(path, u.uuid, u.digest, { layer: { diffId: u.diffId, size: u.size, compressedSize: u.compressedSize, files: u.files } });
        if (r instanceof RegistryApiError) return r.toString();
        complete(u, 'pushed');
        emit({ status: 'Pushed', id: u.id });
      } else emit({ status: 'Pushing', id: u.id, progress: { current: Math.floor(u.done), total: u.size, start: u.start, now: d.now } });
    }
    running = uploads.some((u) => u.state !== 'done');
  }
  // The config blob (no progress line), then the manifest.
  const configKnown = !(registry.statBlob(path, imageId) instanceof RegistryApiError);
  registry.access('HEAD', `/v2/${path}/blobs/${imageId}`, configKnown ? 200 : 404);
  if (!configKnown) {
    const st = registry.startUpload(path);
    if (st instanceof RegistryApiError) return st.toString();
    registry.access('POST', `/v2/${path}/blobs/uploads/`, 202);
    registry.access('PATCH', `/v2/${path}/blobs/uploads/${st.uuid}?_state=${registry.uploadState(st.uuid, 0)}`, 202);
    registry.access('PUT', `/v2/${path}/blobs/uploads/${st.uuid}?_state=${registry.uploadState(st.uuid, 1)}&digest=${encodeURIComponent(imageId)}`, 201);
    const r = registry.completeUpload(path, st.uuid, imageId, { bytes: img.configBytes });
    if (r instanceof RegistryApiError) return r.toString();
  }
  const configSize = new TextEncoder().encode(img.configBytes).length;
  const manifest = buildManifest('docker', { digest: imageId, size: configSize }, records.map((l) => ({ digest: l.digest, size: l.compressedSize })));
  const put = registry.putManifest(path, ref.tag, manifest.bytes);
  if (put instanceof RegistryApiError) return put.toString();
  registry.access('PUT', `/v2/${path}/manifests/${ref.tag}`, 201);
  for (const u of uploads) regs.remember(u.diffId, u.digest, here);
  const canonical = parseNormalizedNamed(`${referenceName(ref)}@${put.digest}`);
  if (canonical.ok) s.addDigest(canonical.ref, imageId);
  emit({ status: `${ref.tag}: digest: ${put.digest} size: ${put.size}` });
  transfer.digest = put.digest;
  finish('done');
  d.emit('image', 'push', familiarString(ref), { name: familiarString(ref) });
  return null;

  function complete(u: Upload, outcome: TransferLayer['outcome']) {
    u.state = 'done';
    u.view.outcome = outcome;
    u.view.end = d.now;
    regs.touchTransfers();
  }

  /** push_v2.go Upload: HEAD with metadata for this repository, then mounts from others on the same registry. */
  function decide(u: Upload): NonNullable<Upload['plan']> {
    const known = regs.metadata.get(u.diffId) ?? [];
    for (const m of known) {
      if (m.repository !== here) continue;
      const found = !(registry.statBlob(path, m.digest) instanceof RegistryApiError);
      registry.access('HEAD', `/v2/${path}/blobs/${m.digest}`, found ? 200 : 404);
      if (found) return { kind: 'exists' };
    }
    for (const m of known) {
      if (!m.repository.startsWith(`${host}/`) || m.repository === here) continue;
      const from = m.repository.slice(host.length + 1);
      const st = registry.startUpload(path, { digest: m.digest, from });
      if (st instanceof RegistryApiError) continue;
      registry.access('POST', `/v2/${path}/blobs/uploads/?from=${encodeURIComponent(from)}&mount=${encodeURIComponent(m.digest)}`, st.status);
      if (st.status === 201) return { kind: 'mount', from };
      u.uuid = st.uuid;
      return { kind: 'upload' };
    }
    return { kind: 'upload' };
  }
}


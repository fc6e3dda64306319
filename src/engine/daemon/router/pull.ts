/**
 * POST /images/create?fromImage=&tag= — `docker pull` as the daemon does it (moby
 * distribution/pull_v2.go): resolve the manifest, skip layers already present ("Already
 * exists"), download the rest at most three at a time at a simulated bandwidth ("Waiting",
 * "Downloading", "Verifying Checksum", "Download complete"), extract them in order ("Extracting",
 * "Pull complete"), then register the image and its tag in one step — an interrupted pull leaves
 * nothing behind. Progress is reported as the JSON messages the CLI renders.
 */
import { digestOf } from '../../image/digest.ts';
import type { LayerFile } from '../../image/layer.ts';
import { familiarName, familiarString, parseNormalizedNamed, referenceString, tagNameOnly, type Reference } from '../../image/reference.ts';
import type { Wait } from '../../kernel/process.ts';
import type { Daemon } from '../daemon.ts';
import { ApiError } from '../errors.ts';
import { store } from './images.ts';

export interface RemoteLayer {
  readonly digest: string;
  readonly diffId: string;
  readonly size: number;
  readonly compressedSize: number;
  readonly files: () => readonly LayerFile[];
}

export interface RemoteImage {
  readonly manifestDigest: string;
  readonly configBytes: string;
  readonly layers: readonly RemoteLayer[];
}

/** A registry as the daemon reaches it (Docker Hub, simulated). */
export interface Registry {
  resolve(ref: Reference): RemoteImage | { readonly status: number; readonly message: string };
  /** Watches a pull's messages (the transfer log, v2 metadata): engine/registry/resolve.ts. */
  observe?(ref: Reference, remote: RemoteImage): (m: PullMessage) => void;
}

/** One JSON message of the pull stream (jsonmessage.JSONMessage). */
export interface PullMessage {
  readonly status: string;
  readonly id?: string;
  readonly progress?: { readonly current: number; readonly total: number; readonly start: number; readonly now: number };
}

/** Simulated network and disk: compressed bytes per virtual second, shared by concurrent downloads. */
export const BANDWIDTH = 48 * 1000 * 1000;
export const EXTRACT_RATE = 220 * 1000 * 1000;
const MAX_CONCURRENT_DOWNLOADS = 3;
const STEP_MS = 100;
/** What a pull whose layer does not fit ends with (moby distribution/pull_v2 → layer store ApplyDiff). */
const NO_SPACE_REGISTERING = 'failed to register layer: no space left on device';

type Gen<T> = Generator<Wait, T, unknown>;

export function* imageCreate(d: Daemon, refText: string, emit: (m: PullMessage) => void): Gen<{ ref: Reference; upToDate: boolean }> {
  const parsed = parseNormalizedNamed(refText);
  if (!parsed.ok) {
    d.logCall('POST', `/images/create?fromImage=${encodeURIComponent(refText)}`, 400);
    throw new ApiError(400, parsed.error.message);
  }
  const ref = parsed.ref.digest ? parsed.ref : tagNameOnly(parsed.ref);
  const path = `/images/create?fromImage=${encodeURIComponent(referenceName(ref))}&tag=${encodeURIComponent(ref.digest || ref.tag)}`;
  const registry = d.registry;
  if (!registry) throw new ApiError(500, 'no registry configured');
  const remote = registry.resolve(ref);
  if ('status' in remote) {
    d.logCall('POST', path, remote.status, ['registry']);
    throw new ApiError(remote.status, remote.message);
  }
  const watch = registry.observe?.(ref, remote);
  if (watch) {
    const inner = emit;
    emit = (m) => {
      watch(m);
      inner(m);
    };
  }
  const s = store(d);
  const shortOf = (digest: string) => digest.slice(7, 19);
  emit({ status: ref.digest ? `${ref.digest}: Pulling from ${pathOf(ref)}` : `${ref.tag}: Pulling from ${pathOf(ref)}` });
  const present = remote.layers.map((l) => s.layerPresent(l.diffId));
  const existingId = (() => {
    const r = s.resolve(referenceString(ref));
    return r.ok ? r.value.id : null;
  })();
  if (existingId !== null && existingId === digestOf(remote.configBytes)) {
    emit({ status: `Digest: ${remote.manifestDigest}` });
    emit({ status: `Status: Image is up to date for ${familiarString(ref)}` });
    d.logCall('POST', path, 200, ['registry', 'images']);
    // moby daemon/internal/distribution/pull.go Pull: the event is logged after any successful pull.
    d.emit('image', 'pull', familiarString(ref), { name: familiarName(ref) });
    return { ref, upToDate: true };
  }
  // Layers are reported once each, by their short compressed digest.
  const seen = new Set<string>();
  const todo: { layer: RemoteLayer; id: string; done: number; state: 'wait' | 'down' | 'downloaded' | 'extracted'; start: number }[] = [];
  remote.layers.forEach((l, i) => {
    const id = shortOf(l.digest);
    if (seen.has(id)) return;
    seen.add(id);
    if (present[i]) emit({ status: 'Already exists', id });
    else {
      emit({ status: 'Pulling fs layer', id });
      todo.push({ layer: l, id, done: 0, state: 'wait', start: 0 });
    }
  });
  todo.slice(MAX_CONCURRENT_DOWNLOADS).forEach((t) => emit({ status: 'Waiting', id: t.id }));
  let extracting = 0;
  let extracted = 0;
  /** Bytes of this pull's layers already unpacked (registered all at once at the end). */
  let unpacked = 0;
  while (extracted < todo.length) {
    yield { kind: 'sleep', ms: STEP_MS };
    const active = todo.filter((t) => t.state === 'down' || t.state === 'wait').slice(0, MAX_CONCURRENT_DOWNLOADS);
    for (const t of active) {
      if (t.state === 'wait') {
        t.state = 'down';
        t.start = d.now - STEP_MS;
      }
    }
    const share = (BANDWIDTH * STEP_MS) / 1000 / Math.max(1, active.length);
    for (const t of active) {
      t.done = Math.min(t.layer.compressedSize, t.done + share);
      if (t.done >= t.layer.compressedSize) {
        t.state = 'downloaded';
        emit({ status: 'Verifying Checksum', id: t.id });
        emit({ status: 'Download complete', id: t.id });
      } else emit({ status: 'Downloading', id: t.id, progress: { current: Math.floor(t.done), total: t.layer.compressedSize, start: t.start, now: d.now } });
    }
    // Extraction is sequential, bottom layer first, as soon as its download is complete.
    const next = todo[extracted];
    if (next && next.state === 'downloaded') {
      extracting += (EXTRACT_RATE * STEP_MS) / 1000;
      if (d.disk && unpacked + Math.min(extracting, next.layer.size) > d.disk.available) {
        // The layer's files no longer fit on the disk: moby's layer store gives up; nothing is registered.
        d.logCall('POST', path, 200, ['registry', 'images']);
        throw new ApiError(500, NO_SPACE_REGISTERING, true);
      }
      if (extracting >= next.layer.size) {
        unpacked += next.layer.size;
        extracting = 0;
        next.state = 'extracted';
        extracted += 1;
        emit({ status: 'Pull complete', id: next.id });
      } else emit({ status: 'Extracting', id: next.id, progress: { current: Math.floor(extracting), total: next.layer.size, start: d.now, now: d.now } });
    }
  }
  const added = s.add({ configBytes: remote.configBytes, layers: remote.layers.map((l) => ({ diffId: l.diffId, size: l.size, digest: l.digest, compressedSize: l.compressedSize, files: l.files })) });
  if (!added.ok) {
    d.logCall('POST', path, added.error.code === 'no-space' ? 200 : 500, ['registry', 'images']);
    throw new ApiError(500, added.error.message, added.error.code === 'no-space');
  }
  const id = added.value.image.id;
  const time = d.clock.rfc3339Nano();
  if (!ref.digest) s.tag(id, ref, time);
  const canonical = parseNormalizedNamed(`${referenceName(ref)}@${remote.manifestDigest}`);
  if (canonical.ok) s.addDigest(canonical.ref, id);
  emit({ status: `Digest: ${remote.manifestDigest}` });
  const upToDate = existingId === id;
  emit({ status: `Status: ${upToDate ? 'Image is up to date' : 'Downloaded newer image'} for ${familiarString(ref)}` });
  d.logCall('POST', path, 200, ['registry', 'images']);
  d.emit('image', 'pull', familiarString(ref), { name: familiarName(ref) });
  return { ref, upToDate };
}

function referenceName(ref: Reference): string {
  return ref.domain ? `${ref.domain}/${ref.path}` : ref.path;
}

/** `library/nginx`, `my-ubuntu` (for localhost:5000/my-ubuntu): the "Pulling from" line names reference.Path (pull_v2.go). */
function pathOf(ref: Reference): string {
  return ref.path;
}

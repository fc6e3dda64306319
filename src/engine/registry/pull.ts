/**
 * `docker pull` as data (moby `daemon/internal/distribution/pull_v2.go`, `xfer/download.go`):
 * `planPull` compares the remote image with the local store — layers whose chain is already
 * stored are "Already exists", the rest are downloaded; an image whose config is already local
 * pulls nothing — and `commitPull` registers the result at the end, all or nothing. The daemon
 * plays the plan out in virtual time (Pulling fs layer → Waiting → Downloading → Verifying
 * Checksum → Download complete → Extracting → Pull complete).
 */
import { chainIds, truncateId, type Digest } from '../image/digest.ts';
import { familiarString, referenceString, tagNameOnly, trimNamed, type Reference } from '../image/reference.ts';
import type { ImageError, ImageStore } from '../image/store.ts';
import type { RemoteImage } from './remote.ts';

export interface PullLayerPlan {
  /** Progress ID: 12 hex digits of the blob digest. */
  readonly id: string;
  readonly digest: Digest;
  readonly diffId: Digest;
  readonly chainId: Digest;
  /** Uncompressed size. */
  readonly size: number;
  /** Bytes to download (and the Extracting total). */
  readonly compressedSize: number;
  /** Already in the layer store: prints "Already exists", nothing to download. */
  readonly exists: boolean;
}

export interface PullPlan {
  readonly remote: RemoteImage;
  /** Normalised reference pulled (tagged, or digested). */
  readonly ref: Reference;
  /** The ID of the first line: `latest: Pulling from library/nginx`. */
  readonly tagOrDigest: string;
  /** The repository path as the registry names it (`library/nginx`). */
  readonly path: string;
  /** For the Status line: `nginx:latest`. */
  readonly familiar: string;
  /** What the CLI prints last: `docker.io/library/nginx:latest`. */
  readonly canonical: string;
  /** The digest line: `Digest: sha256:…`. */
  readonly digest: Digest;
  readonly imageId: Digest;
  /** The config is already local: no layer lines at all. */
  readonly imagePresent: boolean;
  /** The reference did not point at this image yet: "Downloaded newer image" (else "Image is up to date"). */
  readonly tagUpdated: boolean;
  /** Bottom → top (empty when `imagePresent`). */
  readonly layers: readonly PullLayerPlan[];
  /** Sum of compressedSize over layers to download. */
  readonly downloadBytes: number;
}

/** Plans a pull of `remote` (as resolved for `ref`) into `store`. Pure. */
export function planPull(store: ImageStore, remote: RemoteImage, ref: Reference): PullPlan {
  const r = ref.digest ? { ...trimNamed(ref), digest: ref.digest } : tagNameOnly(ref);
  const imagePresent = store.has(remote.imageId);
  const chains = chainIds(remote.layers.map((l) => l.diffId));
  const layers: PullLayerPlan[] = imagePresent
    ? []
    : remote.layers.map((l, i) => ({
        id: truncateId(l.digest),
        digest: l.digest,
        diffId: l.diffId,
        chainId: chains[i],
        size: l.size,
        compressedSize: l.compressedSize,
        exists: store.hasChain(chains[i]),
      }));
  return {
    remote,
    ref: r,
    tagOrDigest: r.digest || r.tag,
    path: r.path,
    familiar: familiarString(r),
    canonical: referenceString(r),
    digest: r.digest || remote.digest,
    imageId: remote.imageId,
    imagePresent,
    tagUpdated: store.lookupReference(r) !== remote.imageId,
    layers,
    downloadBytes: layers.reduce((n, l) => n + (l.exists ? 0 : l.compressedSize), 0),
  };
}

/** The outcome of a committed pull. */
export interface PullResult {
  readonly imageId: Digest;
  /** ChainIDs of the layers added to the store. */
  readonly newLayers: readonly Digest[];
}

/**
 * Registers the pulled image: its layers and config (if new), the tag (for a tag pull) and the
 * digest reference (RepoDigests). Validates first; on error the store is unchanged.
 */
export function commitPull(store: ImageStore, plan: PullPlan): { ok: true; value: PullResult } | { ok: false; error: ImageError } {
  const remote = plan.remote;
  const input = {
    configBytes: remote.config.bytes,
    layers: remote.layers.map((l) => ({ diffId: l.diffId, size: l.size, digest: l.digest, compressedSize: l.compressedSize, files: () => l.files })),
  };
  let newLayers: Digest[] = [];
  if (!store.has(remote.imageId)) {
    const checked = store.check(input);
    if (!checked.ok) return checked;
    const added = store.add(input);
    if (!added.ok) return added;
    newLayers = added.value.newLayers;
  }
  const name = trimNamed(plan.ref);
  if (plan.ref.tag) {
    const t = store.tag(remote.imageId, plan.ref);
    if (!t.ok) return t;
  }
  const d = store.addDigest({ ...name, digest: plan.digest }, remote.imageId);
  if (!d.ok) return d;
  return { ok: true, value: { imageId: remote.imageId, newLayers } };
}

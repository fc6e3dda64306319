/**
 * A catalog image as a registry holds it: layer blobs (digest = sha256 of the compressed tar),
 * the config blob (its digest is the image ID), the platform manifest, and — for images the
 * Hub serves as an OCI index — the index that the tag points to. Everything is derived from
 * the catalog data, deterministically, and computed once per image.
 */
import type { CatalogImage, CatalogLayer } from '../catalog/index.ts';
import { digestOf, EMPTY_LAYER_GZIP_SIZE, EMPTY_LAYER_DIFF_ID, type Digest } from '../image/digest.ts';
import { serializeImageConfig, type ImageConfigDoc } from '../image/config.ts';
import { compressedDigestOf, diffIdOf, type LayerFile } from '../image/layer.ts';
import { buildIndex, buildManifest, MEDIA_TYPES, type Blob, type Descriptor } from '../image/manifest.ts';
import { byteLength } from '../fs/tree.ts';

/** A layer blob in a repository. */
export interface RemoteLayer {
  /** Compressed blob digest (progress IDs are its first 12 hex digits). */
  readonly digest: Digest;
  readonly diffId: Digest;
  /** Uncompressed size (DiffSize). */
  readonly size: number;
  /** Blob size: what `Downloading`/`Extracting` count to. */
  readonly compressedSize: number;
  readonly mediaType: string;
  readonly createdBy: string;
  /** The catalog key of the layer. */
  readonly key: string;
  readonly files: readonly LayerFile[];
}

/** An image as a registry serves it. */
export interface RemoteImage {
  readonly catalog: CatalogImage;
  /** What the tag resolves to: the index (OCI) or the manifest (Docker schema 2). */
  readonly mediaType: string;
  /** The digest `docker pull` prints (`Digest: sha256:…`) and RepoDigests record. */
  readonly digest: Digest;
  readonly index: Blob | null;
  /** The linux/amd64 image manifest. */
  readonly manifest: Blob;
  readonly config: Blob;
  /** = config digest (classic image store). */
  readonly imageId: Digest;
  readonly configDoc: ImageConfigDoc;
  readonly layers: readonly RemoteLayer[];
}

const diffIdCache = new WeakMap<CatalogLayer, Digest>();

/** A catalog layer's diff_id (memoized). */
export function layerDiffId(l: CatalogLayer): Digest {
  let d = diffIdCache.get(l);
  if (!d) {
    d = diffIdOf(l.files);
    diffIdCache.set(l, d);
  }
  return d;
}

function remoteLayer(l: CatalogLayer, oci: boolean): RemoteLayer {
  const diffId = layerDiffId(l);
  return {
    digest: compressedDigestOf(diffId),
    diffId,
    size: l.size,
    compressedSize: diffId === EMPTY_LAYER_DIFF_ID ? EMPTY_LAYER_GZIP_SIZE : l.compressedSize,
    mediaType: oci ? MEDIA_TYPES.ociLayerGzip : MEDIA_TYPES.dockerLayerGzip,
    createdBy: l.createdBy,
    key: l.key,
    get files() {
      return l.files;
    },
  };
}

/** A stand-in descriptor for index entries the simulator does not model (other platforms, attestations). */
function synthetic(kind: string, of: Digest, size: number, extra: Partial<Descriptor>): Descriptor {
  return { mediaType: MEDIA_TYPES.ociManifest, digest: digestOf(`${kind} ${of}`), size, ...extra };
}

const remoteCache = new WeakMap<CatalogImage, RemoteImage>();

/** The registry view of a catalog image (memoized). */
export function remoteImageFor(cat: CatalogImage): RemoteImage {
  const cached = remoteCache.get(cat);
  if (cached) return cached;
  const oci = cat.distribution === 'oci-index';
  const layers = cat.layers.map((l) => remoteLayer(l, oci));
  const configDoc: ImageConfigDoc = {
    architecture: cat.architecture,
    os: cat.os,
    created: cat.created,
    author: cat.author ?? '',
    comment: '',
    dockerVersion: cat.dockerVersion ?? '',
    config: cat.config,
    history: cat.history,
    diffIds: layers.map((l) => l.diffId),
    container: cat.container,
    containerConfig: cat.containerConfig,
  };
  const configBytes = serializeImageConfig(configDoc, cat.style);
  const config: Blob = {
    mediaType: oci ? MEDIA_TYPES.ociConfig : MEDIA_TYPES.dockerConfig,
    bytes: configBytes,
    digest: digestOf(configBytes),
    size: byteLength(configBytes),
  };
  const manifest = buildManifest(oci ? 'oci' : 'docker', config, layers.map((l) => ({ digest: l.digest, size: l.compressedSize })));
  let index: Blob | null = null;
  if (oci) {
    const attestation = (of: Digest) =>
      synthetic('attestation', of, 841, {
        annotations: { 'vnd.docker.reference.digest': of, 'vnd.docker.reference.type': 'attestation-manifest' },
        platform: { architecture: 'unknown', os: 'unknown' },
      });
    const arm64 = synthetic('linux/arm64/v8', manifest.digest, manifest.size, { platform: { architecture: 'arm64', os: 'linux', variant: 'v8' } });
    index = buildIndex('oci', [
      { mediaType: manifest.mediaType, digest: manifest.digest, size: manifest.size, platform: { architecture: 'amd64', os: 'linux' } },
      attestation(manifest.digest),
      arm64,
      attestation(arm64.digest),
    ]);
  }
  const remote: RemoteImage = {
    catalog: cat,
    mediaType: index ? index.mediaType : manifest.mediaType,
    digest: index ? index.digest : manifest.digest,
    index,
    manifest,
    config,
    imageId: config.digest,
    configDoc,
    layers,
  };
  remoteCache.set(cat, remote);
  return remote;
}

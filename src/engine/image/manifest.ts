/**
 * Manifests and indexes (is: `manifest.md`, `image-index.md`; Docker schema 2): the documents a
 * registry serves for a tag. A manifest lists one config and the layer blobs (bottom → top);
 * an index lists one manifest per platform. Their digests are what `docker pull` prints as
 * `Digest:` and what RepoDigests record.
 */
import { byteLength } from '../fs/tree.ts';
import { digestOf, type Digest } from './digest.ts';
import { goJson } from './gojson.ts';

export const MEDIA_TYPES = {
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  ociConfig: 'application/vnd.oci.image.config.v1+json',
  ociLayerGzip: 'application/vnd.oci.image.layer.v1.tar+gzip',
  dockerManifestList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerConfig: 'application/vnd.docker.container.image.v1+json',
  dockerLayerGzip: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
  inToto: 'application/vnd.in-toto+json',
} as const;

/** OCI (what Docker Hub serves for official images today) or Docker schema 2 (older pushes, `docker push`). */
export type ManifestFormat = 'oci' | 'docker';

export interface Platform {
  readonly architecture: string;
  readonly os: string;
  readonly variant?: string;
}

export interface Descriptor {
  readonly mediaType: string;
  readonly digest: Digest;
  readonly size: number;
  readonly annotations?: Readonly<Record<string, string>>;
  readonly platform?: Platform;
}

/** A serialized document and its content address. */
export interface Blob {
  readonly mediaType: string;
  readonly bytes: string;
  readonly digest: Digest;
  readonly size: number;
}

function blob(mediaType: string, bytes: string): Blob {
  return { mediaType, bytes, digest: digestOf(bytes), size: byteLength(bytes) };
}

function descriptorJson(d: Descriptor): Record<string, unknown> {
  const out: Record<string, unknown> = { mediaType: d.mediaType, digest: d.digest, size: d.size };
  if (d.annotations) out.annotations = { ...d.annotations };
  if (d.platform) {
    const p: Record<string, unknown> = { architecture: d.platform.architecture, os: d.platform.os };
    if (d.platform.variant) p.variant = d.platform.variant;
    out.platform = p;
  }
  return out;
}

/**
 * An image manifest. OCI manifests are indented by two spaces (BuildKit), Docker schema 2
 * manifests by three (distribution's `schema2.FromStruct`).
 */
export function buildManifest(format: ManifestFormat, config: { digest: Digest; size: number }, layers: readonly { digest: Digest; size: number }[]): Blob {
  const oci = format === 'oci';
  const mediaType = oci ? MEDIA_TYPES.ociManifest : MEDIA_TYPES.dockerManifest;
  const doc = {
    schemaVersion: 2,
    mediaType,
    config: descriptorJson({ mediaType: oci ? MEDIA_TYPES.ociConfig : MEDIA_TYPES.dockerConfig, digest: config.digest, size: config.size }),
    layers: layers.map((l) => descriptorJson({ mediaType: oci ? MEDIA_TYPES.ociLayerGzip : MEDIA_TYPES.dockerLayerGzip, digest: l.digest, size: l.size })),
  };
  return blob(mediaType, goJson(doc, oci ? '  ' : '   '));
}

/** An image index (OCI) or manifest list (Docker). */
export function buildIndex(format: ManifestFormat, manifests: readonly Descriptor[]): Blob {
  const oci = format === 'oci';
  const mediaType = oci ? MEDIA_TYPES.ociIndex : MEDIA_TYPES.dockerManifestList;
  return blob(mediaType, goJson({ schemaVersion: 2, mediaType, manifests: manifests.map(descriptorJson) }, oci ? '  ' : '   '));
}

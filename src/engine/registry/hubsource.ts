/**
 * The catalog as the read-only part of the simulated Docker Hub: official images under
 * `library/<name>`, others (`progrium/stress`) under their own path, each tag resolving to the
 * index or manifest `remote.ts` derives, each blob (config, layers) linked into its repository.
 */
import { CATALOG, catalogRepositories, type CatalogImage } from '../catalog/index.ts';
import type { Digest } from '../image/digest.ts';
import type { LayerContents, ManifestDoc, RegistrySource } from './distribution.ts';
import { remoteImageFor, type RemoteImage } from './remote.ts';

/** `alpine` → `library/alpine`; `progrium/stress` stays. */
export function hubPath(familiar: string): string {
  return familiar.includes('/') ? familiar : `library/${familiar}`;
}

function familiarOf(path: string): string {
  return path.startsWith('library/') && !path.slice(8).includes('/') ? path.slice(8) : path;
}

function imagesOf(path: string): CatalogImage[] {
  const f = familiarOf(path);
  return CATALOG.filter((c) => c.repository === f);
}

/** The catalog as a RegistrySource; layer contents are recorded in `contents` as they are served. */
export function catalogSource(contents: LayerContents): RegistrySource {
  const remotes = (path: string): RemoteImage[] => imagesOf(path).map(remoteImageFor);
  const record = (r: RemoteImage) => {
    for (const l of r.layers) if (!contents.has(l.digest)) contents.set(l.digest, { diffId: l.diffId, size: l.size, compressedSize: l.compressedSize, files: () => l.files });
  };
  return {
    repositories: () => catalogRepositories().map(hubPath),
    hasRepository: (path) => imagesOf(path).length > 0,
    tags: (path) => imagesOf(path).flatMap((c) => [...c.tags]).sort(),
    manifest(path, ref): ManifestDoc | undefined {
      for (const c of imagesOf(path)) {
        if (!ref.startsWith('sha256:') && !c.tags.includes(ref)) continue;
        const r = remoteImageFor(c);
        const docs = [r.index, r.manifest].filter((b) => b !== null);
        const hit = ref.startsWith('sha256:') ? docs.find((b) => b.digest === ref) : docs[0];
        if (hit) {
          record(r);
          return { mediaType: hit.mediaType, bytes: hit.bytes, digest: hit.digest };
        }
      }
      return undefined;
    },
    blob(path, digest: Digest) {
      for (const r of remotes(path)) {
        if (r.config.digest === digest) return { size: r.config.size, bytes: r.config.bytes };
        const l = r.layers.find((x) => x.digest === digest);
        if (l) {
          record(r);
          return { size: l.compressedSize };
        }
      }
      return undefined;
    },
  };
}

/**
 * The daemon's puller side of the registries (moby `distribution/pull_v2.go`): resolve a
 * reference to a manifest on the registry its domain names — the catalog on Docker Hub (with
 * the Hub's own errors, `hub.ts`), repositories pushed to the Hub, or a `registry:2` container
 * reached through a published port — then the config blob and the layer blobs. It also watches
 * the pull's progress to record the v2 metadata (which blob a layer is, and where) and the
 * transfer log the Registry view animates.
 */
import type { PullMessage, Registry, RemoteImage } from '../daemon/router/pull.ts';
import type { Digest } from '../image/digest.ts';
import { MEDIA_TYPES } from '../image/manifest.ts';
import { familiarName, familiarString, type Reference } from '../image/reference.ts';
import { RegistryApiError, type DistributionRegistry } from './distribution.ts';
import { resolveRemote } from './hub.ts';
import { HUB_HOST, reachRegistry, type PortOwner, type Registries, type TransferLayer } from './registries.ts';

type Failure = { readonly status: number; readonly message: string };

interface ManifestJson {
  mediaType?: string;
  config?: { digest: string; size: number };
  layers?: { digest: string; size: number }[];
  manifests?: { digest: string; platform?: { architecture?: string; os?: string } }[];
}

/** A manifest (or index → the linux/amd64 manifest) from a registry's storage, as the puller sees it. */
export function fetchImage(registry: DistributionRegistry, ref: Reference): RemoteImage | Failure {
  const want = ref.digest || ref.tag;
  registry.access('GET', '/v2/', 200, 2);
  const top = registry.getManifest(ref.path, want);
  registry.access('GET', `/v2/${ref.path}/manifests/${want}`, top instanceof RegistryApiError ? top.status : 200, top instanceof RegistryApiError ? top.body().length : new TextEncoder().encode(top.bytes).length);
  if (top instanceof RegistryApiError) return pullError(top, ref);
  let doc = JSON.parse(top.bytes) as ManifestJson;
  if (doc.manifests) {
    const entry = doc.manifests.find((m) => m.platform?.architecture === 'amd64' && m.platform.os === 'linux');
    if (!entry) return { status: 404, message: `no matching manifest for linux/amd64 in the manifest list entries` };
    const inner = registry.getManifest(ref.path, entry.digest);
    if (inner instanceof RegistryApiError) return pullError(inner, ref);
    doc = JSON.parse(inner.bytes) as ManifestJson;
  }
  if (!doc.config || !doc.layers) return { status: 500, message: `unsupported manifest media type: ${doc.mediaType ?? MEDIA_TYPES.dockerManifest}` };
  const config = registry.readBlob(ref.path, doc.config.digest);
  if (config instanceof RegistryApiError) return pullError(config, ref);
  registry.access('GET', `/v2/${ref.path}/blobs/${doc.config.digest}`, 200, doc.config.size);
  const layers = [];
  for (const l of doc.layers) {
    const c = registry.contents.get(l.digest);
    if (!c || registry.statBlob(ref.path, l.digest) instanceof RegistryApiError) return { status: 500, message: `unknown blob` };
    layers.push({ digest: l.digest, diffId: c.diffId, size: c.size, compressedSize: c.compressedSize, files: c.files });
  }
  return { manifestDigest: top.digest, configBytes: config, layers };
}

/** moby `distribution/errors.go` notFoundError wording. */
function pullError(e: RegistryApiError, ref: Reference): Failure {
  if (e.code === 'NAME_UNKNOWN') return { status: 404, message: `repository ${familiarName(ref)} not found: ${e.toString()}` };
  if (e.code === 'MANIFEST_UNKNOWN') return { status: 404, message: `manifest for ${familiarString(ref)} not found: ${e.toString()}` };
  return { status: 500, message: e.toString() };
}

/** The daemon's `Registry`: every domain through the machine's registries. */
export function machineRegistry(regs: Registries, owners: () => Iterable<PortOwner>, now: () => number): Registry {
  return {
    resolve(ref: Reference) {
      if (ref.domain === HUB_HOST) {
        const r = resolveRemote(ref);
        if (r.ok) {
          const img = r.image;
          return {
            manifestDigest: img.digest,
            configBytes: img.config.bytes,
            layers: img.layers.map((l) => ({ digest: l.digest, diffId: l.diffId, size: l.size, compressedSize: l.compressedSize, files: () => l.files })),
          };
        }
        // Repositories pushed to the simulated Hub (user namespaces).
        if (r.error.code === 'denied' && regs.hub.storedRepositories().includes(ref.path)) return fetchImage(regs.hub, ref);
        return { status: r.error.code === 'denied' || r.error.code === 'manifest-unknown' ? 404 : r.error.code === 'invalid-reference' ? 400 : 500, message: r.error.message };
      }
      const reach = reachRegistry(regs, ref.domain, owners());
      if (!reach.ok) return { status: 500, message: reach.message };
      return fetchImage(reach.registry, ref);
    },
    observe(ref: Reference, remote: RemoteImage) {
      const repository = `${ref.domain}/${ref.path}`;
      const byId = new Map<string, { digest: Digest; diffId: Digest; size: number }>();
      for (const l of remote.layers) byId.set(l.digest.slice(7, 19), l);
      const reached = ref.domain === HUB_HOST ? null : reachRegistry(regs, ref.domain, owners());
      const reach = reached?.ok ? reached.registry : null;
      const tr = regs.beginTransfer({ kind: 'pull', registry: ref.domain, repository: ref.path, tag: ref.digest || ref.tag, start: now(), layers: [] });
      const views = new Map<string, TransferLayer>();
      return (m: PullMessage) => {
        const l = m.id ? byId.get(m.id) : undefined;
        if (l && m.id) {
          let v = views.get(m.id);
          if (!v) {
            v = { id: m.id, digest: l.digest, size: l.size, outcome: null, start: now(), end: now() };
            views.set(m.id, v);
            tr.layers.push(v);
          }
          if (m.status === 'Download complete') reach?.access('GET', `/v2/${ref.path}/blobs/${l.digest}`, 200, regs.contents.get(l.digest)?.compressedSize ?? 0);
          if (m.status === 'Already exists' || m.status === 'Pull complete') {
            v.outcome = m.status === 'Already exists' ? 'already-exists' : 'downloaded';
            v.end = now();
            regs.remember(l.diffId, l.digest, repository);
            regs.touchTransfers();
          }
        } else if (m.status.startsWith('Status: ')) {
          for (const l2 of remote.layers) regs.remember(l2.diffId, l2.digest, repository);
          tr.status = 'done';
          tr.end = now();
          tr.digest = remote.manifestDigest;
          regs.touch();
          regs.touchTransfers();
        }
      };
    },
  };
}

/**
 * Wires the image store and the simulated Docker Hub into the daemon (the machine's image
 * service, `docker pull`'s registry, and the figures `docker info` and the snapshot show).
 */
import type { ImageService } from './daemon/daemon.ts';
import type { Registry } from './daemon/router/pull.ts';
import { ImageStore } from './image/store.ts';
import type { Reference } from './image/reference.ts';
import { resolveRemote } from './registry/hub.ts';
import type { HostMachine } from './machine.ts';
import type { ImageView } from './snapshot.ts';
import { listImages } from './image/views.ts';
import { builderOf } from './daemon/router/build.ts';
import { portOwners } from './daemon/router/push.ts';
import { registriesOf } from './registry/registries.ts';
import { machineRegistry } from './registry/resolve.ts';

/** Docker Hub as the daemon reaches it. */
export function hubRegistry(): Registry {
  return {
    resolve(ref: Reference) {
      const r = resolveRemote(ref);
      if (!r.ok) return { status: r.error.code === 'denied' || r.error.code === 'manifest-unknown' ? 404 : r.error.code === 'invalid-reference' ? 400 : 500, message: r.error.message };
      const img = r.image;
      return {
        manifestDigest: img.digest,
        configBytes: img.config.bytes,
        layers: img.layers.map((l) => ({ digest: l.digest, diffId: l.diffId, size: l.size, compressedSize: l.compressedSize, files: () => l.files })),
      };
    },
  };
}

export function createImageService(m: HostMachine): ImageService {
  const store = new ImageStore();
  store.disk = m.disk;
  const d = m.daemon;
  // Docker Hub, pushed repositories and registry:2 containers (engine/registry/resolve.ts).
  d.registry = machineRegistry(registriesOf(d.kernel), () => portOwners(d), () => d.now);
  builderOf(d); // BuildKit: build views and the build cache
  d.imageCount = () => store.images().length;
  d.imageNames = () => store.images().flatMap((i) => store.repoTags(i.id));
  d.imagesRev = () => store.rev;
  d.imageViews = (): ImageView[] =>
    listImages(store).map((r) => {
      const img = store.get(r.Id);
      return { id: r.Id, rev: store.rev, repoTags: r.RepoTags, size: r.Size, layers: img?.diffIds ?? [], chain: img?.chainIds ?? [], created: r.Created };
    });
  return store;
}

/**
 * Wires the image store and the simulated Docker Hub into the daemon (the machine's image
 * service, `docker pull`'s registry, and the figures `docker info` and the snapshot show).
 */
import type { ImageService } from './daemon/daemon.ts';
import type { Registry } from './daemon/router/pull.ts';
import { ImageStore } from './image/store.ts';
import { familiarString, type Reference } from './image/reference.ts';
import type { HostMachine } from './machine.ts';
import type { ImageView } from './snapshot.ts';
import { listImages } from './image/views.ts';

/** Docker Hub as the daemon reaches it. */
export function hubRegistry(): Registry {
  return {
    resolve(ref: Reference) {
      return { status: 404, message: `pull access denied for ${familiarString({ ...ref, tag: '', digest: '' })}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied` };
    },
  };
}

export function createImageService(m: HostMachine): ImageService {
  const store = new ImageStore();
  const d = m.daemon;
  d.registry = hubRegistry();
  d.imageCount = () => store.images().length;
  d.imageNames = () => store.images().flatMap((i) => store.repoTags(i.id));
  d.imagesRev = () => store.rev;
  d.imageViews = (): ImageView[] =>
    listImages(store).map((r) => ({ id: r.Id, rev: store.rev, repoTags: r.RepoTags, size: r.Size, layers: store.get(r.Id)?.diffIds ?? [] }));
  return store;
}

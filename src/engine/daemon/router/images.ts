/**
 * Image routes of the Engine API: GET /images/json (docker images), GET /images/{name}/json
 * (docker image inspect), POST /images/create (docker pull — in pull.ts, it takes time).
 */
import type { ImageStore } from '../../image/store.ts';
import { listImages, inspectImage, type ImageSummary } from '../../image/views.ts';
import type { Daemon } from '../daemon.ts';
import { ApiError } from '../errors.ts';

export function store(d: Daemon): ImageStore {
  return d.images as unknown as ImageStore;
}

/** Containers using each image (API ≥ 1.51 fills `Containers`). */
function containerCount(d: Daemon): (id: string) => number {
  return (id) => [...d.containers.values()].filter((c) => c.imageId === id).length;
}

/** GET /images/json?all= */
export function imageList(d: Daemon, opts: { all: boolean; dangling?: boolean }): ImageSummary[] {
  const q = [opts.all ? 'all=1' : '', opts.dangling ? `filters=${encodeURIComponent('{"dangling":{"true":true}}')}` : ''].filter(Boolean).join('&');
  return d.call('GET', `/images/json${q ? `?${q}` : ''}`, 200, () => listImages(store(d), { all: opts.all, containerCount: containerCount(d), danglingOnly: opts.dangling }));
}

/** GET /images/{name}/json */
export function imageInspect(d: Daemon, name: string): Record<string, unknown> {
  return d.call('GET', `/images/${name}/json`, 200, () => {
    const r = store(d).resolve(name);
    if (!r.ok) throw new ApiError(r.error.status, r.error.message);
    return inspectImage(store(d), r.value.id)!;
  });
}

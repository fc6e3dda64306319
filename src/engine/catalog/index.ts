/**
 * The images on the simulated Docker Hub (linux/amd64, as of late February 2025): data only.
 * Shared bases are shared objects — nginx, redis, postgres and httpd all hold the very same
 * debian:bookworm-slim layer; node and python the same buildpack-deps:bookworm stack;
 * nginx:alpine and registry:2 the alpine:3.21 layer.
 */
import { alpine319, alpine320, alpine321 } from './alpine.ts';
import type { CatalogImage } from './build.ts';
import { node20, node22, python312, python313 } from './buildpack.ts';
import { busybox136, busybox137 } from './busybox.ts';
import { debianBookworm, debianBookwormSlim } from './debian.ts';
import { httpd24 } from './httpd.ts';
import { helloWorld, progriumStress, registry2 } from './misc.ts';
import { nginx127, nginxAlpine } from './nginx.ts';
import { postgres16, postgres17 } from './postgres.ts';
import { redis74 } from './redis.ts';
import { ubuntuJammy, ubuntuNoble } from './ubuntu.ts';

export type { CatalogImage, Distribution } from './build.ts';
export type { CatalogLayer } from './layer.ts';

/** Every image, in a stable order. */
export const CATALOG: readonly CatalogImage[] = [
  alpine321, alpine320, alpine319,
  busybox137, busybox136,
  ubuntuNoble, ubuntuJammy,
  debianBookworm, debianBookwormSlim,
  nginx127, nginxAlpine,
  redis74,
  postgres17, postgres16,
  node22, node20,
  python313, python312,
  httpd24,
  registry2,
  progriumStress,
  helloWorld,
];

/** `nginx`, `library/nginx`, `docker.io/library/nginx` → `nginx`; `progrium/stress` stays. */
function familiarRepository(repository: string): string {
  let r = repository;
  if (r.startsWith('docker.io/')) r = r.slice('docker.io/'.length);
  else if (r.startsWith('index.docker.io/')) r = r.slice('index.docker.io/'.length);
  if (r.startsWith('library/') && !r.slice('library/'.length).includes('/')) r = r.slice('library/'.length);
  return r;
}

/** Whether a repository exists on the Hub (any tag). */
export function catalogHasRepository(repository: string): boolean {
  const r = familiarRepository(repository);
  return CATALOG.some((i) => i.repository === r);
}

/** The image a tag points to (repository in any form: `nginx`, `library/nginx`, `docker.io/library/nginx`). */
export function findCatalogImage(repository: string, tag: string): CatalogImage | undefined {
  const r = familiarRepository(repository);
  return CATALOG.find((i) => i.repository === r && i.tags.includes(tag));
}

/** The tags of a repository, sorted (`GET /v2/<name>/tags/list`). */
export function catalogTags(repository: string): string[] {
  const r = familiarRepository(repository);
  return CATALOG.filter((i) => i.repository === r)
    .flatMap((i) => [...i.tags])
    .sort();
}

/** All repositories, familiar names, sorted. */
export function catalogRepositories(): string[] {
  return [...new Set(CATALOG.map((i) => i.repository))].sort();
}

import { describe, expect, it } from 'vitest';
import { findCatalogImage } from '../catalog/index.ts';
import { digestOf, EMPTY_LAYER_GZIP_DIGEST, truncateId } from '../image/digest.ts';
import { parseImageConfig } from '../image/config.ts';
import { ImageStore } from '../image/store.ts';
import { inspectImage, listImages } from '../image/views.ts';
import { commitPull, planPull, resolveRemote, type PullPlan } from './hub.ts';
import { remoteImageFor } from './remote.ts';

function plan(store: ImageStore, ref: string): PullPlan {
  const r = resolveRemote(ref);
  if (!r.ok) throw new Error(r.error.message);
  return planPull(store, r.image, r.ref);
}

function pull(store: ImageStore, ref: string): PullPlan {
  const p = plan(store, ref);
  const c = commitPull(store, p);
  if (!c.ok) throw new Error(c.error.message);
  return p;
}

describe('resolveRemote', () => {
  it('answers like Docker Hub for unknown repositories and tags', () => {
    expect(resolveRemote('foo')).toEqual({
      ok: false,
      error: { code: 'denied', message: "pull access denied for foo, repository does not exist or may require 'docker login': denied: requested access to the resource is denied" },
    });
    expect(resolveRemote('bob/app')).toMatchObject({ ok: false, error: { message: expect.stringContaining('pull access denied for bob/app,') } });
    expect(resolveRemote('alpine:9')).toEqual({ ok: false, error: { code: 'manifest-unknown', message: 'manifest for alpine:9 not found: manifest unknown: manifest unknown' } });
    expect(resolveRemote(`nginx@sha256:${'0'.repeat(64)}`)).toMatchObject({ ok: false, error: { message: `manifest for nginx@sha256:${'0'.repeat(64)} not found: manifest unknown: manifest unknown` } });
    expect(resolveRemote('Alpine')).toMatchObject({ ok: false, error: { code: 'invalid-reference', message: 'invalid reference format: repository name (library/Alpine) must be lowercase' } });
    expect(resolveRemote('localhost:5000/x')).toMatchObject({ ok: false, error: { code: 'connection-refused', message: 'Get "http://localhost:5000/v2/": dial tcp [::1]:5000: connect: connection refused' } });
    expect(resolveRemote('ghcr.io/a/b')).toMatchObject({ ok: false, error: { code: 'no-such-host' } });
  });

  it('serves OCI indexes for official images and a schema 2 manifest for progrium/stress', () => {
    const r = resolveRemote('nginx');
    expect(r.ok && r.image.mediaType).toBe('application/vnd.oci.image.index.v1+json');
    if (!r.ok) return;
    const index = JSON.parse(r.image.index!.bytes);
    expect(index.manifests[0]).toMatchObject({ digest: r.image.manifest.digest, platform: { architecture: 'amd64', os: 'linux' } });
    expect(r.image.digest).toBe(digestOf(r.image.index!.bytes));
    const m = JSON.parse(r.image.manifest.bytes);
    expect(m).toMatchObject({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', config: { digest: r.image.imageId, size: r.image.config.size } });
    expect(m.layers).toHaveLength(7);
    expect(r.image.imageId).toBe(digestOf(r.image.config.bytes));
    const s = resolveRemote('progrium/stress');
    expect(s.ok && [s.image.mediaType, s.image.index]).toEqual(['application/vnd.docker.distribution.manifest.v2+json', null]);
  });

  it('resolves digests of the index and of the platform manifest', () => {
    const r = resolveRemote('redis:7');
    if (!r.ok) throw new Error();
    expect(resolveRemote(`redis@${r.image.digest}`)).toMatchObject({ ok: true, image: { imageId: r.image.imageId } });
    expect(resolveRemote(`redis@${r.image.manifest.digest}`)).toMatchObject({ ok: true, image: { imageId: r.image.imageId } });
  });

  it('builds a config whose diff_ids match the layers (and the real empty-layer blob)', () => {
    const redis = remoteImageFor(findCatalogImage('redis', 'latest')!);
    const doc = parseImageConfig(redis.config.bytes)!;
    expect(doc.diffIds).toEqual(redis.layers.map((l) => l.diffId));
    expect(redis.layers.some((l) => l.digest === EMPTY_LAYER_GZIP_DIGEST && l.compressedSize === 32)).toBe(true);
    expect(redis.config.bytes.startsWith('{"architecture":"amd64","config":{"ExposedPorts":{"6379/tcp":{}},"Env":["PATH=')).toBe(true);
  });
});

describe('planPull / commitPull', () => {
  it('downloads everything the first time, then "Already exists" for the shared base', () => {
    const store = new ImageStore();
    const nginx = pull(store, 'nginx');
    expect(nginx).toMatchObject({ tagOrDigest: 'latest', path: 'library/nginx', familiar: 'nginx:latest', canonical: 'docker.io/library/nginx:latest', imagePresent: false, tagUpdated: true });
    expect(nginx.layers.every((l) => !l.exists)).toBe(true);
    expect(nginx.layers[0].id).toBe(truncateId(nginx.layers[0].digest));
    const redis = plan(store, 'redis');
    expect(redis.layers.map((l) => l.exists)).toEqual([true, false, false, false, false, false, false, false]);
    expect(redis.downloadBytes).toBe(redis.layers.slice(1).reduce((n, l) => n + l.compressedSize, 0));
    const pg = pull(store, 'postgres:16');
    expect(pg.layers[0].exists).toBe(true);
    const pg17 = plan(store, 'postgres:17');
    expect(pg17.layers.filter((l) => l.exists)).toHaveLength(8);
  });

  it('is up to date when the tag already points at the image; a new tag for a present image pulls nothing', () => {
    const store = new ImageStore();
    pull(store, 'nginx:1.27');
    const again = plan(store, 'nginx:1.27');
    expect([again.imagePresent, again.tagUpdated, again.layers]).toEqual([true, false, []]);
    const latest = pull(store, 'nginx:latest');
    expect([latest.imagePresent, latest.tagUpdated, latest.layers]).toEqual([true, true, []]);
    const [row] = listImages(store);
    expect(row.RepoTags).toEqual(['nginx:1.27', 'nginx:latest']);
    expect(row.RepoDigests).toEqual([`nginx@${latest.digest}`]);
    expect(row.Size).toBe(192_004_219);
  });

  it('a digest pull records only the digest (the image shows as <none> tag)', () => {
    const store = new ImageStore();
    const d = remoteImageFor(findCatalogImage('alpine', 'latest')!).digest;
    const p = pull(store, `alpine@${d}`);
    expect([p.tagOrDigest, p.familiar, p.canonical]).toEqual([d, `alpine@${d}`, `docker.io/library/alpine@${d}`]);
    const [row] = listImages(store);
    expect([row.RepoTags, row.RepoDigests]).toEqual([[], [`alpine@${d}`]]);
  });

  it('commits all or nothing', () => {
    const store = new ImageStore();
    const p = plan(store, 'alpine');
    const broken = { ...p, remote: { ...p.remote, config: { ...p.remote.config, bytes: '{"rootfs":{"type":"layers","diff_ids":[]}}' } } };
    const r = commitPull(store, broken);
    expect(r.ok).toBe(false);
    expect([store.images(), store.layers(), store.rev]).toEqual([[], [], 0]);
  });

  it('inspect shows the BuildKit history comment, DockerVersion of classic images', () => {
    const store = new ImageStore();
    const n = pull(store, 'nginx');
    expect(inspectImage(store, n.imageId)).toMatchObject({ Comment: 'buildkit.dockerfile.v0', DockerVersion: '', Created: '2025-02-25T01:09:52Z' });
    const u = pull(store, 'ubuntu');
    expect(inspectImage(store, u.imageId)).toMatchObject({ Comment: '', DockerVersion: '24.0.7' });
    const d = pull(store, 'debian');
    expect(inspectImage(store, d.imageId)).toMatchObject({ Comment: 'debuerreotype 0.15' });
  });

  it('gives the daemon a runnable root filesystem', () => {
    const store = new ImageStore();
    const p = pull(store, 'alpine');
    const fs = store.rootfs(p.imageId);
    expect(String(fs.readFile('/etc/os-release'))).toContain('ID=alpine');
    expect(store.find('alpine')?.config.Cmd).toEqual(['/bin/sh']);
  });
});

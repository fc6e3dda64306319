import { describe, expect, it } from 'vitest';
import { FileTree } from '../fs/tree.ts';
import { digestOf } from '../image/digest.ts';
import { buildManifest } from '../image/manifest.ts';
import { DistributionRegistry, RegistryApiError, type LayerContents } from './distribution.ts';
import { catalogSource } from './hubsource.ts';
import { reachRegistry, Registries, type PortOwner } from './registries.ts';

const LAYER = 'sha256:' + 'a'.repeat(64);
const DIFF = 'sha256:' + 'b'.repeat(64);
const layer = { diffId: DIFF, size: 2000, compressedSize: 800, files: () => [] };

function registry(contents: LayerContents = new Map()) {
  const fs = new FileTree();
  return { fs, reg: new DistributionRegistry({ host: 'localhost:5000', fs, root: '/var/lib/registry', contents, now: () => 0 }) };
}

/** Uploads a layer and a config into `repo`, then PUTs a manifest for `tag`. */
function push(reg: DistributionRegistry, repo: string, tag: string) {
  const up = reg.startUpload(repo);
  if (up instanceof RegistryApiError) throw new Error(up.toString());
  expect(up.status).toBe(202);
  expect(up.location).toBe(`/v2/${repo}/blobs/uploads/${up.uuid}`);
  expect(reg.patchUpload(repo, up.uuid, 500)).toBe(500);
  expect(reg.patchUpload(repo, up.uuid, 300)).toBe(800);
  expect(reg.completeUpload(repo, up.uuid, LAYER, { layer })).toEqual({ digest: LAYER, size: 800 });
  const config = '{"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":["' + DIFF + '"]}}';
  const cu = reg.startUpload(repo) as { uuid: string };
  expect(reg.completeUpload(repo, cu.uuid, digestOf(config), { bytes: config })).toMatchObject({ digest: digestOf(config) });
  const manifest = buildManifest('docker', { digest: digestOf(config), size: config.length }, [{ digest: LAYER, size: 800 }]);
  return { manifest, put: reg.putManifest(repo, tag, manifest.bytes) };
}

describe('DistributionRegistry', () => {
  it('stores blobs, links and tags in the real storage layout', () => {
    const { fs, reg } = registry();
    const { manifest, put } = push(reg, 'alpine', 'latest');
    expect(put).toEqual({ digest: manifest.digest, size: manifest.size });
    const v2 = '/var/lib/registry/docker/registry/v2';
    const hex = LAYER.slice(7);
    expect(fs.lookup(`${v2}/blobs/sha256/${hex.slice(0, 2)}/${hex}/data`)).toMatchObject({ type: 'file', size: 800 });
    expect(fs.readFile(`${v2}/repositories/alpine/_layers/sha256/${hex}/link`)).toBe(LAYER);
    expect(fs.readFile(`${v2}/repositories/alpine/_manifests/tags/latest/current/link`)).toBe(manifest.digest);
    expect(fs.exists(`${v2}/repositories/alpine/_manifests/revisions/sha256/${manifest.digest.slice(7)}/link`)).toBe(true);
    // Upload sessions are gone once completed.
    expect(fs.list(`${v2}/repositories/alpine/_uploads`)).toEqual([]);
  });

  it('answers HEAD blob per repository, and mounts across repositories', () => {
    const { reg } = registry();
    push(reg, 'alpine', 'latest');
    expect(reg.statBlob('alpine', LAYER)).toEqual({ size: 800 });
    const missing = reg.statBlob('other', LAYER);
    expect(missing).toBeInstanceOf(RegistryApiError);
    expect((missing as RegistryApiError).status).toBe(404);
    expect((missing as RegistryApiError).code).toBe('BLOB_UNKNOWN');
    // POST ?mount=&from=: 201 when the source repository has it, else a 202 upload session.
    expect(reg.startUpload('other', { digest: LAYER, from: 'alpine' })).toMatchObject({ status: 201, location: `/v2/other/blobs/${LAYER}` });
    expect(reg.statBlob('other', LAYER)).toEqual({ size: 800 });
    expect(reg.startUpload('third', { digest: LAYER, from: 'nowhere' })).toMatchObject({ status: 202 });
  });

  it('checks digests and the blobs a manifest names', () => {
    const { reg } = registry();
    const up = reg.startUpload('x') as { uuid: string };
    expect(reg.completeUpload('x', up.uuid, digestOf('other'), { bytes: 'data' })).toMatchObject({ code: 'DIGEST_INVALID' });
    const manifest = buildManifest('docker', { digest: digestOf('cfg'), size: 3 }, [{ digest: LAYER, size: 1 }]);
    const r = reg.putManifest('x', 'latest', manifest.bytes);
    expect(r).toBeInstanceOf(RegistryApiError);
    expect((r as RegistryApiError).toString()).toBe('manifest blob unknown: blob unknown to registry');
    expect(reg.completeUpload('x', 'nope', LAYER, { layer })).toMatchObject({ code: 'BLOB_UPLOAD_UNKNOWN' });
  });

  it('serves the HTTP API with real bodies and headers', () => {
    const { reg } = registry();
    const { manifest } = push(reg, 'alpine', 'latest');
    push(reg, 'team/app', 'v1');
    expect(reg.handle('GET', '/v2/').status).toBe(200);
    expect(reg.handle('GET', '/v2/_catalog').body).toBe('{"repositories":["alpine","team/app"]}\n');
    expect(reg.handle('GET', '/v2/_catalog?n=1').body).toBe('{"repositories":["alpine"]}\n');
    expect(reg.handle('GET', '/v2/alpine/tags/list').body).toBe('{"name":"alpine","tags":["latest"]}\n');
    const m = reg.handle('GET', '/v2/alpine/manifests/latest');
    expect(m.status).toBe(200);
    expect(m.body).toBe(manifest.bytes);
    expect(m.headers['Docker-Content-Digest']).toBe(manifest.digest);
    expect(m.headers['Content-Type']).toBe('application/vnd.docker.distribution.manifest.v2+json');
    expect(reg.handle('GET', `/v2/alpine/manifests/${manifest.digest}`).status).toBe(200);
    const head = reg.handle('HEAD', `/v2/alpine/blobs/${LAYER}`);
    expect(head).toMatchObject({ status: 200, body: '' });
    expect(head.headers['Content-Length']).toBe('800');
    const unknown = reg.handle('GET', '/v2/nope/tags/list');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toBe('{"errors":[{"code":"NAME_UNKNOWN","message":"repository name not known to registry","detail":{"name":"nope"}}]}\n');
    expect(reg.handle('GET', '/v2/alpine/manifests/v9').body).toBe('{"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown","detail":{"Tag":"v9"}}]}\n');
  });

  it('moves a tag on re-push and keeps data in the filesystem it was given', () => {
    const contents: LayerContents = new Map();
    const { fs, reg } = registry(contents);
    push(reg, 'alpine', 'latest');
    // A new registry process over the same storage (a restarted container) sees the same data.
    const again = new DistributionRegistry({ host: 'localhost:5000', fs, root: '/var/lib/registry', contents, now: () => 0 });
    expect(again.tags('alpine')).toEqual(['latest']);
    expect(contents.get(LAYER)).toBe(layer);
    const m2 = buildManifest('oci', { digest: digestOf('{"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":["' + DIFF + '"]}}'), size: 1 }, [{ digest: LAYER, size: 800 }]);
    const put = again.putManifest('alpine', 'latest', m2.bytes);
    expect(put).toMatchObject({ digest: m2.digest });
    expect(again.tagDigest('alpine', 'latest')).toBe(m2.digest);
  });
});

describe('the Hub and reaching registries', () => {
  it('serves the catalog read-only under library/ and lets blobs be mounted from it', () => {
    const contents: LayerContents = new Map();
    const hub = new DistributionRegistry({ host: 'docker.io', fs: new FileTree(), root: '/r', contents, now: () => 0, source: catalogSource(contents) });
    const m = hub.getManifest('library/alpine', 'latest');
    expect(m).toMatchObject({ mediaType: 'application/vnd.oci.image.index.v1+json' });
    expect(hub.getManifest('library/alpine', 'nope')).toMatchObject({ code: 'MANIFEST_UNKNOWN' });
    expect(hub.getManifest('alice/app', 'latest')).toMatchObject({ code: 'NAME_UNKNOWN' });
    const index = JSON.parse((m as { bytes: string }).bytes) as { manifests: { digest: string }[] };
    const platform = JSON.parse((hub.getManifest('library/alpine', index.manifests[0].digest) as { bytes: string }).bytes) as { layers: { digest: string }[] };
    const base = platform.layers[0].digest;
    expect(hub.statBlob('library/alpine', base)).toMatchObject({ size: expect.any(Number) });
    expect(contents.has(base)).toBe(true);
    expect(hub.startUpload('alice/app', { digest: base, from: 'library/alpine' })).toMatchObject({ status: 201 });
    expect(hub.layerLinks('alice/app')).toEqual([base]);
    expect(hub.tags('library/alpine')).toContain('3.21');
  });

  it('finds a registry:2 by its published port, or fails with Go\'s dial errors', () => {
    const regs = new Registries(() => 0);
    const none: PortOwner[] = [];
    expect(reachRegistry(regs, 'docker.io', none)).toMatchObject({ ok: true, registry: regs.hub });
    expect(reachRegistry(regs, 'localhost:5000', none)).toEqual({ ok: false, message: 'Get "http://localhost:5000/v2/": dial tcp [::1]:5000: connect: connection refused' });
    expect(reachRegistry(regs, '127.0.0.1:5000', none)).toEqual({ ok: false, message: 'Get "http://127.0.0.1:5000/v2/": dial tcp 127.0.0.1:5000: connect: connection refused' });
    expect(reachRegistry(regs, 'ghcr.io', none)).toEqual({ ok: false, message: 'Get "https://ghcr.io/v2/": dial tcp: lookup ghcr.io on 127.0.0.53:53: no such host' });
    const { reg } = registry(regs.contents);
    regs.servers.set(42, { containerId: 'c1', port: 5000, registry: reg });
    const owner: PortOwner = { containerId: 'c1', running: true, bindings: { '5000/tcp': [{ HostIp: '', HostPort: '5001' }] } };
    expect(reachRegistry(regs, 'localhost:5001', [owner])).toMatchObject({ ok: true, registry: reg });
    expect(reachRegistry(regs, 'localhost:5000', [owner]).ok).toBe(false);
    expect(reachRegistry(regs, 'localhost:5001', [{ ...owner, running: false }]).ok).toBe(false);
  });
});

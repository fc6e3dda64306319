import { describe, expect, it } from 'vitest';
import type { ImageService } from '../daemon/daemon.ts';
import { serializeImageConfig } from './config.ts';
import { chainIds, digestHex, digestOf, type Digest } from './digest.ts';
import { diffIdOf, type LayerFile } from './layer.ts';
import { parseNormalizedNamed, type Reference } from './reference.ts';
import { ImageStore, type AddImageInput } from './store.ts';
import { imageHistory, inspectImage, listImages } from './views.ts';

const T = 1_735_689_600;
const f = (path: string, content: string): LayerFile => ({ path, type: 'file', mode: 0o644, uid: 0, gid: 0, size: content.length, content, target: '', mtime: T });

const ref = (s: string): Reference => {
  const r = parseNormalizedNamed(s);
  if (!r.ok) throw new Error(r.error.message);
  return r.ref;
};

function image(layers: LayerFile[][], cmd: string, created = '2025-01-01T00:00:00Z', parent?: Digest): AddImageInput {
  const diffIds = layers.map(diffIdOf);
  const configBytes = serializeImageConfig(
    {
      architecture: 'amd64', os: 'linux', created, author: '', comment: '', dockerVersion: '',
      config: { Env: ['PATH=/bin'], Cmd: [cmd], Labels: { b: '2', a: '1' } },
      history: [...layers.map((_, i) => ({ created, createdBy: `RUN step ${i} # buildkit`, comment: 'buildkit.dockerfile.v0' })), { created, createdBy: `CMD ["${cmd}"]`, emptyLayer: true }],
      diffIds,
    },
    'buildkit',
  );
  return { configBytes, layers: layers.map((files, i) => ({ diffId: diffIds[i], size: 1000 * (i + 1), compressedSize: 400 * (i + 1), files })), parent };
}

const BASE = [f('/etc/os-release', 'ID=test\n')];
const MID = [f('/app/a', 'a')];

function storeWith(...inputs: AddImageInput[]): { store: ImageStore; ids: Digest[] } {
  const store = new ImageStore();
  const ids = inputs.map((i) => {
    const r = store.add(i);
    if (!r.ok) throw new Error(r.error.message);
    return r.value.image.id;
  });
  return { store, ids };
}

describe('ImageStore: content', () => {
  it('image ID = sha256 of the config bytes; size = sum of layer sizes', () => {
    const input = image([BASE, MID], 'sh');
    const { store, ids } = storeWith(input);
    expect(ids[0]).toBe(digestOf(input.configBytes));
    expect(store.get(ids[0])?.size).toBe(3000);
    expect(store.get(ids[0])?.chainIds).toEqual(chainIds(input.layers.map((l) => l.diffId)));
  });

  it('stores a shared base layer once and reference-counts it', () => {
    const a = image([BASE, MID], 'a');
    const b = image([BASE, [f('/app/b', 'b')]], 'b');
    const { store, ids } = storeWith(a, b);
    expect(store.layers()).toHaveLength(3);
    const baseChain = store.get(ids[0])!.chainIds[0];
    expect(store.layerRefCount(baseChain)).toBe(2);
    expect(store.layerPresent(diffIdOf(BASE))).toBe(true);
    const r = store.add(b);
    expect(r.ok && r.value.newLayers).toEqual([]);
  });

  it('rejects a config whose diff_ids do not match the layers', () => {
    const bad = { ...image([BASE], 'x'), layers: [] };
    const r = new ImageStore().add(bad);
    expect(!r.ok && r.error.message).toBe("layers from manifest don't match image configuration");
  });
});

describe('ImageStore: resolve like GetImage', () => {
  const { store, ids } = storeWith(image([BASE], 'one'), image([BASE, MID], 'two', '2025-02-01T00:00:00Z'));
  store.tag(ids[0], ref('alpine:3.21'));
  store.tag(ids[1], ref('bob/app'));

  it('by name, name:tag, full or short ID, with or without sha256:', () => {
    expect(store.resolve('alpine:3.21').ok && store.resolve('alpine:3.21')).toMatchObject({ value: { id: ids[0] } });
    expect(store.resolve('bob/app')).toMatchObject({ ok: true, value: { id: ids[1] } });
    expect(store.resolve('docker.io/bob/app:latest')).toMatchObject({ ok: true, value: { id: ids[1] } });
    expect(store.resolve(ids[1])).toMatchObject({ ok: true, value: { id: ids[1] } });
    expect(store.resolve(digestHex(ids[1]))).toMatchObject({ ok: true, value: { id: ids[1] } });
    expect(store.resolve(digestHex(ids[0]).slice(0, 12))).toMatchObject({ ok: true, value: { id: ids[0] } });
    expect(store.resolve(`sha256:${digestHex(ids[0]).slice(0, 5)}`)).toMatchObject({ ok: true, value: { id: ids[0] } });
  });

  it('unknown names get the daemon message with the default tag', () => {
    expect(store.resolve('foo')).toEqual({ ok: false, error: { code: 'not-found', status: 404, message: 'No such image: foo:latest' } });
    expect(store.resolve('alpine')).toMatchObject({ ok: false, error: { message: 'No such image: alpine:latest' } });
    expect(store.resolve(`sha256:${'f'.repeat(64)}`)).toMatchObject({ ok: false, error: { message: `No such image: sha256:${'f'.repeat(64)}` } });
    expect(store.resolve('Alpine')).toMatchObject({ ok: false, error: { status: 400, message: 'invalid reference format: repository name (library/Alpine) must be lowercase' } });
  });

  it('an ambiguous short ID is not found', () => {
    const s = new ImageStore();
    const byFirst = new Map<string, Digest[]>();
    for (let i = 0; i < 17; i++) {
      const r = s.add(image([[f('/x', String(i))]], `c${i}`));
      if (!r.ok) throw new Error(r.error.message);
      const c = digestHex(r.value.image.id)[0];
      byFirst.set(c, [...(byFirst.get(c) ?? []), r.value.image.id]);
    }
    const [prefix] = [...byFirst].find(([, v]) => v.length > 1)!;
    expect(s.searchId(prefix)).toBe('ambiguous');
    expect(s.resolve(prefix)).toMatchObject({ ok: false, error: { message: `No such image: ${prefix}:latest` } });
  });

  it('find() gives the daemon its config view', () => {
    const service: ImageService = store; // the daemon's narrow interface is satisfied structurally
    expect(service.find('bob/app')?.id).toBe(ids[1]);
    const v = store.find('bob/app');
    expect(v?.id).toBe(ids[1]);
    expect(v?.config).toMatchObject({ Cmd: ['two'], Entrypoint: null, Env: ['PATH=/bin'], WorkingDir: '', User: '', Volumes: null, OnBuild: null, Labels: { a: '1', b: '2' } });
    expect(store.find('nope')).toBeUndefined();
  });
});

describe('ImageStore: tags and views', () => {
  it('moving a tag leaves the old image dangling, with its digest kept', () => {
    const { store, ids } = storeWith(image([BASE], 'old'), image([BASE], 'new', '2025-03-01T00:00:00Z'));
    store.tag(ids[0], ref('app:1'));
    store.addDigest({ ...ref('app'), digest: `sha256:${'d'.repeat(64)}` }, ids[0]);
    store.tag(ids[1], ref('app:1'), '2026-01-12T09:00:01.000000001Z');
    const rows = listImages(store);
    expect(rows.map((r) => [r.RepoTags, r.RepoDigests])).toEqual([
      [['app:1'], []],
      [[], [`app@sha256:${'d'.repeat(64)}`]],
    ]);
    expect(rows[0]).toMatchObject({ Containers: -1, SharedSize: -1, ParentId: '', Labels: { a: '1', b: '2' }, Size: 1000 });
    expect(Object.keys(rows[0])).toEqual(['Containers', 'Created', 'Id', 'Labels', 'ParentId', 'RepoDigests', 'RepoTags', 'SharedSize', 'Size']);
    expect(inspectImage(store, ids[1])?.Metadata).toEqual({ LastTagTime: '2026-01-12T09:00:01.000000001Z' });
    expect(store.tag(ids[1], { ...ref('app'), digest: `sha256:${'d'.repeat(64)}` })).toMatchObject({ ok: false, error: { message: 'refusing to create a tag with a digest reference' } });
    expect(store.tag(ids[1], ref('sha256:x'))).toMatchObject({ ok: false, error: { message: 'refusing to create an ambiguous tag using digest algorithm as name' } });
  });

  it('shared size when asked', () => {
    const { store } = storeWith(image([BASE, MID], 'a'), image([BASE], 'b'));
    const rows = listImages(store, { sharedSize: true });
    expect(rows.map((r) => r.SharedSize).sort()).toEqual([1000, 1000]);
  });

  it('inspect has the API v1.51 shape and order', () => {
    const { store, ids } = storeWith(image([BASE, MID], 'sh'));
    store.tag(ids[0], ref('x'));
    const o = inspectImage(store, ids[0])!;
    expect(Object.keys(o)).toEqual(['Id', 'RepoTags', 'RepoDigests', 'Parent', 'Comment', 'Created', 'DockerVersion', 'Author', 'Architecture', 'Os', 'Size', 'GraphDriver', 'RootFS', 'Metadata', 'Config']);
    const gd = o.GraphDriver as { Data: Record<string, string>; Name: string };
    expect(Object.keys(gd)).toEqual(['Data', 'Name']);
    expect(Object.keys(gd.Data)).toEqual(['LowerDir', 'MergedDir', 'UpperDir', 'WorkDir']);
    expect(gd.Data.UpperDir).toMatch(/^\/var\/lib\/docker\/overlay2\/[0-9a-f]{64}\/diff$/);
    expect(o.RootFS).toEqual({ Type: 'layers', Layers: store.get(ids[0])!.diffIds });
    expect(o.RepoTags).toEqual(['x:latest']);
    expect(o.Comment).toBe(''); // last history entry (CMD) has no comment here
  });

  it('history: newest first, sizes of non-empty steps, <missing> below the top', () => {
    const { store, ids } = storeWith(image([BASE, MID], 'sh'));
    store.tag(ids[0], ref('x'));
    const h = imageHistory(store, ids[0])!;
    expect(h.map((r) => [r.Id === ids[0] ? 'ID' : r.Id, r.CreatedBy, r.Size, r.Tags])).toEqual([
      ['ID', 'CMD ["sh"]', 0, ['x:latest']],
      ['<missing>', 'RUN step 1 # buildkit', 2000, null],
      ['<missing>', 'RUN step 0 # buildkit', 1000, null],
    ]);
    expect(h[0].Created).toBe(Date.parse('2025-01-01T00:00:00Z') / 1000);
  });

  it('rootfs returns independent copies', () => {
    const { store, ids } = storeWith(image([BASE, MID], 'sh'));
    const a = store.rootfs(ids[0]);
    a.writeFile('/etc/os-release', 'changed', 0);
    expect(store.rootfs(ids[0]).readFile('/etc/os-release')).toBe('ID=test\n');
    expect(store.rootfs(ids[0]).readFile('/app/a')).toBe('a');
  });
});

describe('ImageStore: docker rmi', () => {
  const short = (id: Digest) => digestHex(id).slice(0, 12);

  it('untags first; deletes the image and its unshared layers top-down', () => {
    const { store, ids } = storeWith(image([BASE, MID], 'a'), image([BASE], 'b'));
    store.tag(ids[0], ref('a'));
    store.addDigest({ ...ref('a'), digest: `sha256:${'e'.repeat(64)}` }, ids[0]);
    const chains = store.get(ids[0])!.chainIds;
    const r = store.remove('a', {}, []);
    expect(r).toEqual({ ok: true, value: [{ Untagged: 'a:latest' }, { Untagged: `a@sha256:${'e'.repeat(64)}` }, { Deleted: ids[0] }, { Deleted: chains[1] }] });
    expect(store.has(ids[0])).toBe(false);
    expect(store.hasChain(chains[0])).toBe(true);
    expect(store.hasChain(chains[1])).toBe(false);
  });

  it('keeps the image while another tag points at it', () => {
    const { store, ids } = storeWith(image([BASE], 'a'));
    store.tag(ids[0], ref('a:1'));
    store.tag(ids[0], ref('a:2'));
    expect(store.remove('a:1', {}, [])).toEqual({ ok: true, value: [{ Untagged: 'a:1' }] });
    expect(store.has(ids[0])).toBe(true);
  });

  it('refuses to untag the last reference of an image a container uses', () => {
    const { store, ids } = storeWith(image([BASE], 'a'));
    store.tag(ids[0], ref('web'));
    const ctr = { id: 'c0ffee1234567890'.repeat(4), imageId: ids[0], running: false };
    expect(store.remove('web', {}, [ctr])).toEqual({
      ok: false,
      error: { code: 'conflict', status: 409, message: `conflict: unable to remove repository reference "web" (must force) - container c0ffee123456 is using its referenced image ${short(ids[0])}` },
    });
    // forced: untagged and deleted (stopped containers are a soft conflict)
    const forced = store.remove('web', { force: true }, [ctr]);
    expect(forced.ok && forced.value[0]).toEqual({ Untagged: 'web:latest' });
    expect(store.has(ids[0])).toBe(false);
  });

  it('by ID: multiple repositories need -f; a running container cannot be forced', () => {
    const { store, ids } = storeWith(image([BASE], 'a'));
    store.tag(ids[0], ref('a'));
    store.tag(ids[0], ref('b'));
    expect(store.remove(short(ids[0]), {}, [])).toMatchObject({
      ok: false, error: { message: `conflict: unable to delete ${short(ids[0])} (must be forced) - image is referenced in multiple repositories` },
    });
    const running = { id: 'ab'.repeat(32), imageId: ids[0], running: true };
    expect(store.remove(short(ids[0]), { force: true }, [running])).toMatchObject({
      ok: false, error: { message: `conflict: unable to delete ${short(ids[0])} (cannot be forced) - image is being used by running container abababababab` },
    });
    const r = store.remove(short(ids[0]), { force: true }, []);
    expect(r.ok && r.value.map((x) => Object.keys(x)[0])).toEqual(['Untagged', 'Untagged', 'Deleted', 'Deleted']);
  });

  it('by ID with a stopped container: must be forced', () => {
    const { store, ids } = storeWith(image([BASE], 'a'));
    const stopped = { id: 'cd'.repeat(32), imageId: ids[0], running: false };
    expect(store.remove(short(ids[0]), {}, [stopped])).toMatchObject({
      ok: false, error: { message: `conflict: unable to delete ${short(ids[0])} (must be forced) - image is being used by stopped container cdcdcdcdcdcd` },
    });
  });

  it('a parent with children cannot be deleted', () => {
    const { store, ids } = storeWith(image([BASE], 'p'));
    const child = store.add(image([BASE, MID], 'c', '2025-01-02T00:00:00Z', ids[0]));
    expect(child.ok).toBe(true);
    expect(store.remove(short(ids[0]), {}, [])).toMatchObject({ ok: false, error: { message: `conflict: unable to delete ${short(ids[0])} (cannot be forced) - image has dependent child images` } });
  });
});

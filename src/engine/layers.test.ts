import { beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from './index.ts';
import type { ImageView } from './snapshot.ts';

function run(e: Engine, line: string): string {
  e.submitLine(line);
  e.runUntilInput(600_000);
  return e.takeOutput();
}

const byTag = (e: Engine, tag: string): ImageView => Object.values(e.snapshot().images).find((i) => i.repoTags.includes(tag))!;

describe('the layer store in the snapshot', () => {
  let e: Engine;
  beforeAll(() => {
    e = createEngine({ headless: true });
    e.runUntilInput(10_000);
    run(e, 'docker pull nginx');
    run(e, 'docker pull redis');
  });

  it('lists every layer once, by ChainID, with its parent and the history entry that made it', () => {
    const s = e.snapshot();
    const nginx = byTag(e, 'nginx:latest');
    const redis = byTag(e, 'redis:latest');
    expect(nginx.chain).toHaveLength(nginx.layers.length);
    // nginx and redis both stand on debian:bookworm-slim: one shared base layer, used by two images.
    expect(nginx.chain[0]).toBe(redis.chain[0]);
    const base = s.layers[nginx.chain[0]!]!;
    expect(base).toMatchObject({ parent: null, diffId: nginx.layers[0], images: 2 });
    expect(base.createdBy).toMatch(/^# debian\.sh/);
    for (let i = 1; i < nginx.chain.length; i++) {
      const l = s.layers[nginx.chain[i]!]!;
      expect(l.parent).toBe(nginx.chain[i - 1]);
      expect(l.diffId).toBe(nginx.layers[i]);
      expect(l.images).toBe(1);
    }
    expect(s.layers[nginx.chain[1]!]!.createdBy).toMatch(/^RUN \/bin\/sh -c set -x/);
    expect(Object.keys(s.layers)).toHaveLength(nginx.chain.length + redis.chain.length - 1);
    // Sizes are what `docker history` shows; the image's size is their sum.
    expect(nginx.chain.reduce((sum, id) => sum + s.layers[id]!.size, 0)).toBe(nginx.size);
  });

  it('keeps record identity while nothing changes, and re-sends only what does', () => {
    const a = e.snapshot();
    const b = e.snapshot();
    expect(b.layers).toBe(a.layers);
    expect(b.images).toBe(a.images);
    run(e, 'docker tag nginx web:base');
    const c = e.snapshot();
    const nginxId = byTag(e, 'nginx:latest').id;
    expect(c.images[nginxId]).not.toBe(a.images[nginxId]); // a new tag
    const redisId = byTag(e, 'redis:latest').id;
    expect(c.images[redisId]).toBe(a.images[redisId]);
    for (const id of Object.keys(a.layers)) expect(c.layers[id]).toBe(a.layers[id]);
  });

  it('gives a container the size of its read-write layer, updated as it writes', () => {
    run(e, 'docker run -d --name web nginx');
    const id = Object.values(e.snapshot().containers).find((c) => c.name === 'web')!.id;
    const before = e.snapshot().containers[id]!;
    expect(before.rwSize).toBe(0);
    run(e, 'docker exec web sh -c "echo hello > /tmp/x"');
    const after = e.snapshot().containers[id]!;
    expect(after.rwSize).toBe(6);
    expect(after.rev).toBeGreaterThan(before.rev);
  });

  it('commit: a new image with one more layer on top of the same chain', () => {
    run(e, 'docker exec web sh -c "echo x >> /etc/nginx/nginx.conf"');
    run(e, 'docker exec web rm /docker-entrypoint.sh');
    run(e, 'docker commit web web:v2');
    const nginx = byTag(e, 'nginx:latest');
    const v2 = byTag(e, 'web:v2');
    expect(v2.chain).toHaveLength(nginx.chain.length + 1);
    expect(v2.chain.slice(0, -1)).toEqual(nginx.chain);
    const s = e.snapshot();
    expect(s.layers[nginx.chain.at(-1)!]!.images).toBe(2); // nginx (also tagged web:base: one image) and web:v2
    expect(s.layers[v2.chain.at(-1)!]!.createdBy).toBe('nginx -g daemon off;');

    const files = e.query({ kind: 'layerFiles', chainId: v2.chain.at(-1)! });
    if (files.kind !== 'layerFiles' || !files.value) throw new Error('no answer');
    const marks = Object.fromEntries(files.value.entries.map((x) => [x.path, x.mark]));
    expect(marks['/etc/nginx/nginx.conf']).toBe('modified');
    expect(marks['/docker-entrypoint.sh']).toBe('removed');
    expect(marks['/tmp/x']).toBe('added');
    expect(files.value.position).toBe(v2.chain.length);
    expect(files.value.counts).toEqual({ added: 1, modified: 1, removed: 1 });

    const eff = e.query({ kind: 'imageEfficiency', imageId: v2.id });
    const base = e.query({ kind: 'imageEfficiency', imageId: nginx.id });
    if (eff.kind !== 'imageEfficiency' || !eff.value || base.kind !== 'imageEfficiency' || !base.value) throw new Error('no answer');
    // The removed entrypoint and both copies of nginx.conf are now wasted on top of nginx's own waste.
    const conf = eff.value.inefficiencies.find((x) => x.path === '/etc/nginx/nginx.conf')!;
    const entry = eff.value.inefficiencies.find((x) => x.path === '/docker-entrypoint.sh')!;
    expect(conf.count).toBe(2);
    expect(entry).toEqual({ path: '/docker-entrypoint.sh', count: 2, size: s.layers[nginx.chain[2]!]!.size });
    expect(eff.value.wastedBytes).toBe(base.value.wastedBytes + conf.size + entry.size);
    expect(eff.value.efficiency).toBeLessThan(base.value.efficiency);
    expect(eff.value.repoTags).toEqual(['web:v2']);
  });

  it('answers null for what does not exist', () => {
    expect(e.query({ kind: 'layerFiles', chainId: 'sha256:nope' }).value).toBeNull();
    expect(e.query({ kind: 'imageEfficiency', imageId: 'sha256:nope' }).value).toBeNull();
    expect(e.query({ kind: 'overlay', containerId: 'nope' }).value).toBeNull();
    expect(e.overlayKey('nope')).toBeNull();
  });

  it('lays a container\'s overlay open: init layer, image layers top first, upper dir, merged view', () => {
    run(e, 'docker run -d --name ov nginx');
    const id = Object.values(e.snapshot().containers).find((c) => c.name === 'ov')!.id;
    const key = e.overlayKey(id);
    run(e, 'docker exec ov sh -c "echo x >> /etc/nginx/nginx.conf"');
    expect(e.overlayKey(id)).not.toBe(key);
    const o = e.query({ kind: 'overlay', containerId: id });
    if (o.kind !== 'overlay' || !o.value) throw new Error('no answer');
    const nginx = byTag(e, 'nginx:latest');
    expect(o.value.lowers.map((l) => l.role)).toEqual(['init', ...nginx.chain.map(() => 'image')]);
    expect(o.value.lowers.slice(1).map((l) => l.chainId)).toEqual([...nginx.chain].reverse());
    expect(o.value.lowers[1]!.position).toBe(nginx.chain.length);
    const conf = o.value.upper.find((u) => u.path === '/etc/nginx/nginx.conf')!;
    expect(conf.kind).toBe('copied-up');
    expect(o.value.lowers[conf.layer!]!.createdBy).toMatch(/^RUN /);
    expect(o.value.events).toEqual([expect.objectContaining({ op: 'copy-up', path: '/etc/nginx/nginx.conf', layer: conf.layer })]);
    expect(o.value.merged.find((m) => m.path === '/etc/nginx/nginx.conf')!.from).toBe('upper');
    expect(o.value.merged.find((m) => m.path === '/.dockerenv')!.from).toBe(0);
  });
});

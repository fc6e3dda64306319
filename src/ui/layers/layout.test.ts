import { describe, expect, it } from 'vitest';
import type { ContainerView, ImageView, LayerView } from '../../engine/snapshot.ts';
import { WEB } from '../../store/fixtures.ts';
import { PRESENTER_SIZES, SCRATCH_ID, buildModel, containerNodeId, layoutModel, segmentHeight, shownRows, structureKey } from './layout.ts';

const layer = (id: string, parent: string | null, size = 1): LayerView => ({ id, rev: 1, diffId: `d-${id}`, parent, size, createdBy: `RUN ${id}`, created: 0, images: 1 });
const image = (id: string, tag: string, chain: string[], created: number): ImageView => ({ id, rev: 1, repoTags: [tag], size: 0, layers: chain.map((c) => `d-${c}`), chain, created });
const byId = <R extends { id: string }>(list: R[]): Record<string, R> => Object.fromEntries(list.map((r) => [r.id, r]));

// debian ← nginx (3 layers) and debian ← redis (2 layers); web:v2 = nginx + 1.
const LAYERS = byId([
  layer('base', null), layer('n1', 'base'), layer('n2', 'n1'), layer('n3', 'n2'), layer('r1', 'base'), layer('r2', 'r1'), layer('v2', 'n3'),
]);
const IMAGES = byId([
  image('i-nginx', 'nginx:latest', ['base', 'n1', 'n2', 'n3'], 1),
  image('i-redis', 'redis:latest', ['base', 'r1', 'r2'], 2),
  image('i-v2', 'web:v2', ['base', 'n1', 'n2', 'n3', 'v2'], 3),
]);

describe('the Layers diagram model', () => {
  it('draws a shared layer once, with the images branching below it', () => {
    const m = buildModel(LAYERS, IMAGES, {});
    expect(m.segments.map((s) => [s.id, s.layers.map((l) => l.id), s.parent, s.imageIds, s.endImages.map((i) => i.repoTags[0])])).toEqual([
      ['seg:base', ['base'], SCRATCH_ID, ['i-nginx', 'i-redis', 'i-v2'], []],
      ['seg:n1', ['n1', 'n2', 'n3'], 'seg:base', ['i-nginx', 'i-v2'], ['nginx:latest']],
      ['seg:r1', ['r1', 'r2'], 'seg:base', ['i-redis'], ['redis:latest']],
      ['seg:v2', ['v2'], 'seg:n1', ['i-v2'], ['web:v2']],
    ]);
    expect(m.segments.map((s) => s.firstPosition)).toEqual([1, 2, 2, 5]);
    expect(m.segmentOf.get('n2')).toBe('seg:n1');
  });

  it('puts containers under the segment their image ends with', () => {
    const web: ContainerView = { ...WEB, imageId: 'i-nginx' };
    const orphan: ContainerView = { ...WEB, id: 'x'.repeat(64), name: 'old', imageId: 'sha256:gone', createdAt: WEB.createdAt + 1 };
    const m = buildModel(LAYERS, IMAGES, byId([web, orphan]));
    expect(m.containers.map((c) => [c.container.name, c.parent])).toEqual([['web', 'seg:n1'], ['old', null]]);
    const placed = layoutModel(m, new Set());
    expect(placed.edges.map((e) => e.id)).toContain(`seg:n1>${containerNodeId(web.id)}`);
    expect(placed.edges.some((e) => e.target === containerNodeId(orphan.id))).toBe(false);
  });

  it('holds images without layers on a scratch node', () => {
    const m = buildModel(LAYERS, { ...IMAGES, empty: image('empty', 'meta:only', [], 4) }, {});
    expect(m.scratchImages.map((i) => i.id)).toEqual(['empty']);
    expect(layoutModel(m, new Set()).nodes.has(SCRATCH_ID)).toBe(true);
    expect(layoutModel(buildModel(LAYERS, IMAGES, {}), new Set()).nodes.has(SCRATCH_ID)).toBe(false);
  });

  it('lays out top → bottom: every segment below the one it stands on, nodes sized to their rows', () => {
    const m = buildModel(LAYERS, IMAGES, {});
    const placed = layoutModel(m, new Set());
    for (const s of m.segments) {
      const node = placed.nodes.get(s.id)!;
      expect(node.height).toBe(segmentHeight(shownRows(s.layers.length, false), s.endImages.length));
      if (s.parent !== SCRATCH_ID) expect(node.y).toBeGreaterThan(placed.nodes.get(s.parent)!.y + placed.nodes.get(s.parent)!.height);
    }
  });

  it('collapses long runs until expanded, and the structure key says so', () => {
    const long = byId([layer('a', null), ...['b', 'c', 'd', 'e', 'f', 'g'].map((id, i, all) => layer(id, i === 0 ? 'a' : all[i - 1]!))]);
    const m = buildModel(long, byId([image('img', 'x:1', ['a', 'b', 'c', 'd', 'e', 'f', 'g'], 1)]), {});
    expect(m.segments[0]!.layers).toHaveLength(7);
    expect(shownRows(7, false)).toBe(5);
    expect(shownRows(7, true)).toBe(7);
    const closed = layoutModel(m, new Set()).nodes.get('seg:a')!.height;
    const open = layoutModel(m, new Set(['seg:a'])).nodes.get('seg:a')!.height;
    expect(open).toBeGreaterThan(closed);
    expect(structureKey(m, new Set(['seg:a']))).not.toBe(structureKey(m, new Set()));
  });
});

describe('presenter sizes', () => {
  const web: ContainerView = { ...WEB, imageId: 'i-nginx' };
  const m = buildModel(LAYERS, IMAGES, byId([web]));

  it('give every node the presenter room and keep them apart', () => {
    const placed = layoutModel(m, new Set(), PRESENTER_SIZES);
    expect(placed.nodes.get(containerNodeId(web.id))).toMatchObject(PRESENTER_SIZES.container);
    const seg = placed.nodes.get('seg:n1')!;
    expect(seg.width).toBe(PRESENTER_SIZES.segmentWidth);
    expect(seg.height).toBe(segmentHeight(3, 1, PRESENTER_SIZES));
    expect(seg.height).toBeGreaterThan(layoutModel(m, new Set()).nodes.get('seg:n1')!.height);
    const list = [...placed.nodes.values()];
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i]!, b = list[j]!;
        expect(a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height).toBe(false);
      }
  });
});

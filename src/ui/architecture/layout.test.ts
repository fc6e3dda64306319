import { describe, expect, it } from 'vitest';
import { BOXES, CHAIN, SIDE, VIEW_H, VIEW_W, deepest, litBoxes, routes } from './layout.ts';

describe('architecture layout', () => {
  it('fits every box in the view, without overlaps', () => {
    const boxes = Object.values(BOXES);
    for (const b of boxes) {
      expect(b.x).toBeGreaterThanOrEqual(0);
      expect(b.y + b.h).toBeLessThanOrEqual(VIEW_H);
      expect(b.x + b.w).toBeLessThanOrEqual(VIEW_W);
    }
    for (const a of boxes) for (const b of boxes) {
      if (a === b) continue;
      const apart = a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;
      expect(apart, `${a.id} / ${b.id}`).toBe(true);
    }
    expect(CHAIN.length + SIDE.length).toBe(boxes.length);
  });

  it('a create stops at dockerd; a start goes down to the kernel', () => {
    expect(deepest({ hops: ['dockerd', 'images'] })).toBe('dockerd');
    expect([...litBoxes({ hops: ['dockerd', 'images'] })].sort()).toEqual(['cli', 'dockerd', 'images']);
    const start = { hops: ['dockerd', 'containerd', 'shim', 'runc', 'kernel'] as const };
    expect(deepest(start)).toBe('kernel');
    expect(routes(start).chain).toHaveLength(6);
    expect(routes(start).branches).toHaveLength(0);
  });

  it('a pull branches from dockerd to the registry and the image cache', () => {
    const r = routes({ hops: ['dockerd', 'images', 'registry'] });
    expect(r.chain).toHaveLength(2);
    expect(r.branches).toHaveLength(2);
    const last = r.branches.map((b) => b[b.length - 1]);
    expect(last).toContainEqual({ x: BOXES.registry.x + BOXES.registry.w / 2, y: BOXES.registry.y + BOXES.registry.h / 2 });
  });
});

import { describe, expect, it } from 'vitest';
import { PRESENTER_MIN_ZOOM, boxOf, cameraFor } from './flowCamera.ts';

describe('cameraFor', () => {
  const zoom = { minZoom: PRESENTER_MIN_ZOOM, maxZoom: 1.25 };

  it('fits and centres a diagram that is readable whole', () => {
    const v = cameraFor({ minX: 0, minY: 0, maxX: 400, maxY: 200 }, null, 1000, 800, zoom);
    expect(v.zoom).toBe(1.25); // capped by maxZoom
    expect(v.x).toBeCloseTo((1000 - 400 * 1.25) / 2);
    expect(v.y).toBeCloseTo((800 - 200 * 1.25) / 2);
  });

  it('keeps the minimum zoom for a diagram too wide to fit, centred on what just appeared', () => {
    const all = { minX: 0, minY: 0, maxX: 2000, maxY: 600 };
    const focus = { minX: 1000, minY: 400, maxX: 1300, maxY: 600 };
    const v = cameraFor(all, focus, 1000, 800, zoom);
    expect(v.zoom).toBe(PRESENTER_MIN_ZOOM);
    expect(v.x + 1150 * v.zoom).toBeCloseTo(500); // the focus's centre is the view's centre
    expect(v.y).toBeCloseTo((800 - 600) / 2); // the height fits: centred
  });

  it('never scrolls past the diagram’s edges', () => {
    const all = { minX: 0, minY: 0, maxX: 2000, maxY: 600 };
    const right = cameraFor(all, { minX: 1900, minY: 0, maxX: 2000, maxY: 100 }, 1000, 800, zoom);
    expect(right.x + 2000 * right.zoom).toBeCloseTo(1000 - 12); // right edge at the view's right, less the pad
    const left = cameraFor(all, { minX: 0, minY: 0, maxX: 50, maxY: 100 }, 1000, 800, zoom);
    expect(left.x).toBeCloseTo(12);
  });

  it('without a focus, shows the bottom of a diagram too tall to fit', () => {
    const v = cameraFor({ minX: 0, minY: 0, maxX: 500, maxY: 3000 }, null, 1000, 800, zoom);
    expect(v.y + 3000 * v.zoom).toBeCloseTo(800 - 12);
    expect(cameraFor({ minX: 0, minY: 0, maxX: 500, maxY: 3000 }, null, 1000, 800, { ...zoom, anchorBottom: false }).y).toBeCloseTo(400 - 1500);
  });
});

describe('boxOf', () => {
  it('bounds placed rectangles, or gives null for none', () => {
    expect(boxOf([])).toBeNull();
    expect(boxOf([{ x: 10, y: 20, width: 5, height: 5 }, { x: -4, y: 30, width: 10, height: 2 }])).toEqual({ minX: -4, minY: 20, maxX: 15, maxY: 32 });
  });
});

/**
 * Where a React Flow diagram's camera goes (pure, no React): the whole diagram when it fits at a
 * readable zoom; otherwise that readable zoom, centred on what just appeared, never scrolled past
 * the diagram's edges. Shared by the Layers and (in presenter mode) Processes diagrams.
 */

/** Flow-coordinate bounds. */
export interface Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/**
 * Presenter mode never draws a diagram below its CSS size: node text there is ≥ 18 px
 * (styles.css presenter section), so a zoom ≥ 1 keeps it ≥ 18 px on the projector. A diagram too
 * big for the panel at this zoom pans instead of shrinking.
 */
export const PRESENTER_MIN_ZOOM = 1;

/** Room kept between the diagram and the panel's edges, in screen pixels. */
const PAD = 12;

/** The bounds of some placed rectangles (top-left + size), or null when there are none. */
export function boxOf(nodes: Iterable<{ x: number; y: number; width: number; height: number }>): Box | null {
  let b: Box | null = null;
  for (const n of nodes) {
    if (!b) b = { minX: n.x, minY: n.y, maxX: n.x + n.width, maxY: n.y + n.height };
    else {
      b.minX = Math.min(b.minX, n.x);
      b.minY = Math.min(b.minY, n.y);
      b.maxX = Math.max(b.maxX, n.x + n.width);
      b.maxY = Math.max(b.maxY, n.y + n.height);
    }
  }
  return b;
}

/**
 * The viewport for `all` in a `width` × `height` panel: fitted (at most `maxZoom`) when that zoom
 * is at least `minZoom`; else at `minZoom`, centred on `focus` or, without one, horizontally on
 * the middle and vertically on the diagram's bottom (`anchorBottom`, the newest things in a
 * top-down diagram) or middle. An axis that fits is centred; one that does not keeps the
 * diagram's edges inside the view (no empty band beyond them).
 */
export function cameraFor(
  all: Box, focus: Box | null, width: number, height: number,
  { minZoom, maxZoom, anchorBottom = true }: { minZoom: number; maxZoom: number; anchorBottom?: boolean },
): { x: number; y: number; zoom: number } {
  const bw = Math.max(1, all.maxX - all.minX);
  const bh = Math.max(1, all.maxY - all.minY);
  const fit = Math.min((width - 2 * PAD) / bw, (height - 2 * PAD) / bh, maxZoom);
  const zoom = fit >= minZoom ? fit : minZoom;
  const axis = (min: number, max: number, size: number, fmin: number | null, fmax: number | null, anchorEnd: boolean) => {
    const span = (max - min) * zoom;
    if (span + 2 * PAD <= size) return (size - span) / 2 - min * zoom; // fits: centre it
    const centre = fmin !== null && fmax !== null ? (fmin + fmax) / 2 : anchorEnd ? max : (min + max) / 2;
    const v = size / 2 - centre * zoom;
    return Math.min(PAD - min * zoom, Math.max(size - PAD - max * zoom, v));
  };
  return {
    zoom,
    x: axis(all.minX, all.maxX, width, focus?.minX ?? null, focus?.maxX ?? null, false),
    y: axis(all.minY, all.maxY, height, focus?.minY ?? null, focus?.maxY ?? null, anchorBottom),
  };
}

import { useCallback, useEffect, useRef } from 'react';
import { useReactFlow, type OnMove } from '@xyflow/react';

/** Below this zoom, 15–16px text gets too small to read from the back of a classroom. */
export const READABLE_ZOOM = 0.85;
const PAD = 12;

interface Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

function boxOf(nodes: Iterable<{ x: number; y: number; width: number; height: number }>): Box | null {
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
 * Where the camera goes (pure): the whole diagram when it fits at a readable zoom; otherwise a
 * readable zoom, centred on `focus` (what just appeared) or, without one, on the diagram's
 * bottom (the images and containers), never scrolled past the diagram's edges. The wheel then
 * scrolls the rest into view.
 */
export function cameraFor(all: Box, focus: Box | null, width: number, height: number, maxZoom: number): { x: number; y: number; zoom: number } {
  const bw = all.maxX - all.minX;
  const bh = all.maxY - all.minY;
  const fit = Math.min((width - 2 * PAD) / bw, (height - 2 * PAD) / bh, maxZoom);
  const zoom = fit >= READABLE_ZOOM ? fit : READABLE_ZOOM;
  const axis = (min: number, max: number, size: number, fmin: number | null, fmax: number | null, anchorEnd: boolean) => {
    const span = (max - min) * zoom;
    if (span + 2 * PAD <= size) return (size - span) / 2 - min * zoom; // fits: centre it
    const centre = fmin !== null && fmax !== null ? (fmin + fmax) / 2 : anchorEnd ? max : (min + max) / 2;
    const v = size / 2 - centre * zoom;
    // Keep the diagram's edges inside the view: no empty band beyond them.
    return Math.min(PAD - min * zoom, Math.max(size - PAD - max * zoom, v));
  };
  return {
    zoom,
    x: axis(all.minX, all.maxX, width, focus?.minX ?? null, focus?.maxX ?? null, false),
    y: axis(all.minY, all.maxY, height, focus?.minY ?? null, focus?.maxY ?? null, true),
  };
}

/**
 * Moves the camera when the diagram's structure, the panel's size or the selection changes (see
 * `cameraFor`): with a selection, the details pane covers the right `paneWidth` pixels, so the
 * selected node is brought into the part left of it. Once the learner pans or zooms by hand, the
 * camera only pans just enough to keep the selected node clear of the pane; the Controls' fit
 * button hands control back.
 */
export function useCamera(
  wrapper: React.RefObject<HTMLDivElement | null>, key: string, placed: ReadonlyMap<string, { x: number; y: number; width: number; height: number }>,
  maxZoom: number, reduced: boolean, selectedNode: string | null, paneWidth: number,
) {
  const { setViewport, getViewport } = useReactFlow();
  const userMoved = useRef(false);
  const seen = useRef<ReadonlySet<string> | null>(null);
  const focus = useRef<Box | null>(null);
  // onMove, not onMoveStart: d3-zoom starts a gesture on every mousedown, even a plain click.
  const onMove = useCallback<OnMove>((event) => {
    if (event) userMoved.current = true;
  }, []);
  const place = useCallback(() => {
    const el = wrapper.current;
    const all = boxOf(placed.values());
    if (!el || !all || el.clientWidth === 0) return;
    const selected = selectedNode ? placed.get(selectedNode) : undefined;
    const width = selected ? Math.max(200, el.clientWidth - paneWidth) : el.clientWidth;
    let v: { x: number; y: number; zoom: number };
    if (!userMoved.current) v = cameraFor(all, selected ? boxOf([selected]) : focus.current, width, el.clientHeight, maxZoom);
    else if (selected) {
      // Keep the zoom the learner chose; pan left just enough to clear the pane.
      const { x, y, zoom } = getViewport();
      const right = (selected.x + selected.width) * zoom + x;
      if (right <= width - PAD) return;
      v = { x: x - (right - (width - PAD)), y, zoom };
    } else return;
    requestAnimationFrame(() => void setViewport(v, { duration: reduced ? 0 : 300 }));
  }, [wrapper, placed, maxZoom, reduced, setViewport, getViewport, selectedNode, paneWidth]);
  useEffect(() => {
    // Focus on what appeared since the last structure (a new image, a container).
    const before = seen.current;
    const added = before ? [...placed.entries()].filter(([id]) => !before.has(id)).map(([, p]) => p) : [];
    seen.current = new Set(placed.keys());
    if (added.length) focus.current = boxOf(added);
  }, [placed]);
  useEffect(() => place(), [key, place]);
  useEffect(() => {
    const el = wrapper.current;
    if (!el) return;
    const observer = new ResizeObserver(() => {
      if (!userMoved.current) place();
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [wrapper, place]);
  return { userMoved, onMove, replace: place };
}

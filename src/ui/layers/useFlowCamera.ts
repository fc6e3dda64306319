import { useCallback, useEffect, useRef } from 'react';
import { useReactFlow, type OnMove } from '@xyflow/react';
import { boxOf, cameraFor, type Box } from '../flowCamera.ts';

/** Below this zoom, 15–16px text gets too small to read from the back of a classroom. */
export const READABLE_ZOOM = 0.85;
const PAD = 12;

/**
 * Moves the camera when the diagram's structure, the panel's size or the selection changes (see
 * `cameraFor`): with a selection, the details pane covers the right `paneWidth` pixels, so the
 * selected node is brought into the part left of it. Once the learner pans or zooms by hand, the
 * camera only pans just enough to keep the selected node clear of the pane; the Controls' fit
 * button hands control back. `initialFocus`, a node id, is where the camera starts when the view
 * opens on a diagram too big to show whole.
 */
export function useCamera(
  wrapper: React.RefObject<HTMLDivElement | null>, key: string, placed: ReadonlyMap<string, { x: number; y: number; width: number; height: number }>,
  zoom: { readonly minZoom: number; readonly maxZoom: number; readonly interpolate?: 'smooth' | 'linear' }, reduced: boolean, selectedNode: string | null, paneWidth: number,
  initialFocus: string | null = null,
) {
  const { minZoom, maxZoom, interpolate } = zoom;
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
    if (!userMoved.current) v = cameraFor(all, selected ? boxOf([selected]) : focus.current, width, el.clientHeight, { minZoom, maxZoom });
    else if (selected) {
      // Keep the zoom the learner chose; pan left just enough to clear the pane.
      const { x, y, zoom: z } = getViewport();
      const right = (selected.x + selected.width) * z + x;
      if (right <= width - PAD) return;
      v = { x: x - (right - (width - PAD)), y, zoom: z };
    } else return;
    requestAnimationFrame(() => void setViewport(v, { duration: reduced ? 0 : 300, interpolate }));
  }, [wrapper, placed, minZoom, maxZoom, interpolate, reduced, setViewport, getViewport, selectedNode, paneWidth]);
  useEffect(() => {
    // Focus on what appeared since the last structure (a new image, a container).
    const before = seen.current;
    const added = before ? [...placed.entries()].filter(([id]) => !before.has(id)).map(([, p]) => p) : [];
    seen.current = new Set(placed.keys());
    if (added.length) focus.current = boxOf(added);
    else if (!before && initialFocus) {
      const first = placed.get(initialFocus); // opening the view: start from `initialFocus`
      if (first) focus.current = boxOf([first]);
    }
  }, [placed, initialFocus]);
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

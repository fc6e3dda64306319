/**
 * "What changed is highlighted": after a step, every diagram node drawn for a record the step
 * added or changed gets a ring for ~2 s. The rings live in their own fixed layer clipped to the
 * main area, positioned from the nodes' boxes on every frame (the process tree animates into its
 * new layout meanwhile), so no panel has to know about presenter mode. Nodes are found by React
 * Flow's `data-id`. With reduced motion the ring is drawn still, without the pulse.
 */
import type { PlaygroundStore, Tables } from '../../store/index.ts';
import { prefersReducedMotion } from '../reducedMotion.ts';
import { changedKeys, nodeIdsFor } from './changes.ts';

export const PULSE_MS = 2000;
const AREA = '.area-main .panel__body';

/** Rings the main area's nodes for records changed since `before`; returns a cancel function. */
export function pulseChanges(store: PlaygroundStore, before: Tables, layer: HTMLElement): () => void {
  const rings = new Map<string, HTMLElement>();
  const still = prefersReducedMotion();
  const start = performance.now();
  let frame = 0;

  const clear = () => {
    for (const ring of rings.values()) ring.remove();
    rings.clear();
    layer.hidden = true;
  };

  const draw = () => {
    const area = document.querySelector(AREA);
    if (!area || performance.now() - start > PULSE_MS) return clear();
    const box = area.getBoundingClientRect();
    Object.assign(layer.style, { left: `${box.left}px`, top: `${box.top}px`, width: `${box.width}px`, height: `${box.height}px` });
    layer.hidden = false;
    const ids = nodeIdsFor(changedKeys(before, store.getState()));
    const found: { id: string; rect: DOMRect }[] = [];
    for (const el of area.querySelectorAll<HTMLElement>('[data-id]')) {
      const id = el.dataset.id!;
      if (ids.has(id)) found.push({ id, rect: el.getBoundingClientRect() });
    }
    // A node inside another ringed node (a process in its namespace box) needs no ring of its own.
    const inside = (a: DOMRect, b: DOMRect) => a !== b && a.left >= b.left && a.right <= b.right && a.top >= b.top && a.bottom <= b.bottom;
    const shown = found.filter(({ rect }) => !found.some((other) => inside(rect, other.rect)));
    const keep = new Set(shown.map((s) => s.id));
    for (const [id, ring] of rings) {
      if (!keep.has(id)) {
        ring.remove();
        rings.delete(id);
      }
    }
    for (const { id, rect } of shown) {
      let ring = rings.get(id);
      if (!ring) {
        ring = document.createElement('div');
        ring.className = `presenter-ring${still ? ' presenter-ring--still' : ''}`;
        ring.dataset.ring = id;
        layer.append(ring);
        rings.set(id, ring);
      }
      Object.assign(ring.style, { left: `${rect.left - box.left}px`, top: `${rect.top - box.top}px`, width: `${rect.width}px`, height: `${rect.height}px` });
    }
    frame = requestAnimationFrame(draw);
  };
  frame = requestAnimationFrame(draw);
  return () => {
    cancelAnimationFrame(frame);
    clear();
  };
}

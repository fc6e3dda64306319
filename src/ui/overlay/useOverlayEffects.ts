import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { OverlayEvent, OverlayInspection, OverlayMergedEntry } from '../../engine/queries.ts';
import { whiteoutName } from './labels.ts';

/** How long a fresh change stays highlighted and a deleted name stays as a ghost (ms). */
export const FRESH_MS = 2600;

/** A file on its way from a lower layer to the upper dir (a copy-up), in panel coordinates. */
export interface Flight {
  readonly id: number;
  readonly text: string;
  readonly from: { readonly x: number; readonly y: number };
  readonly to: { readonly x: number; readonly y: number };
}

export interface OverlayEffects {
  /** Upper-dir and merged paths changed by the newest operations → the event seq (restarts the highlight). */
  readonly fresh: ReadonlyMap<string, number>;
  /** Merged entries just deleted, still shown struck through. */
  readonly ghosts: readonly OverlayMergedEntry[];
  readonly flights: readonly Flight[];
  readonly land: (id: number) => void;
}

const escape = (s: string) => (typeof CSS !== 'undefined' && CSS.escape ? CSS.escape(s) : s.replace(/["\\]/g, '\\$&'));

/**
 * Turns new overlay events into what the view animates: highlights, ghosts of deleted names and,
 * for a copy-up, a flight from the lower layer's card to the file's new row in the upper dir.
 * Events already in the log when a container is first shown are history: not animated.
 */
export function useOverlayEffects(root: React.RefObject<HTMLElement | null>, inspection: OverlayInspection | null | undefined, reduced: boolean): OverlayEffects {
  const lastSeq = useRef<{ id: string; seq: number } | null>(null);
  const previous = useRef<Map<string, OverlayMergedEntry>>(new Map());
  const [fresh, setFresh] = useState<ReadonlyMap<string, number>>(new Map());
  const [ghosts, setGhosts] = useState<readonly (OverlayMergedEntry & { until: number })[]>([]);
  const [flights, setFlights] = useState<readonly Flight[]>([]);

  useLayoutEffect(() => {
    if (!inspection) return;
    const byPath = new Map(inspection.merged.map((m) => [m.path, m]));
    const newest = inspection.events.at(-1)?.seq ?? 0;
    const seen = lastSeq.current;
    const first = !seen || seen.id !== inspection.containerId;
    lastSeq.current = { id: inspection.containerId, seq: newest };
    const before = previous.current;
    previous.current = byPath;
    if (first) {
      setFresh(new Map());
      setGhosts([]);
      setFlights([]);
      return;
    }
    const added = inspection.events.filter((e) => e.seq > seen.seq);
    if (!added.length) return;
    const now = performance.now();
    const nextFresh = new Map<string, number>();
    const gone: (OverlayMergedEntry & { until: number })[] = [];
    const newFlights: Flight[] = [];
    const el = root.current;
    const origin = el?.getBoundingClientRect();
    for (const e of added) {
      if (e.op === 'whiteout' || e.op === 'remove') {
        const was = before.get(e.path);
        if (was) gone.push({ ...was, until: now + FRESH_MS });
        if (e.op === 'whiteout') nextFresh.set(whiteoutName(e.path), e.seq);
        continue;
      }
      nextFresh.set(e.path, e.seq);
      if (e.op === 'copy-up' && !reduced && el && origin) newFlights.push(...flightFor(el, origin, e));
    }
    setFresh(nextFresh);
    if (gone.length) setGhosts((old) => [...old.filter((g) => g.until > now && !gone.some((x) => x.path === g.path)), ...gone]);
    if (newFlights.length) setFlights((old) => [...old, ...newFlights]);
  }, [inspection, root, reduced]);

  // Ghosts fade out on their own.
  useEffect(() => {
    if (!ghosts.length) return;
    const next = Math.min(...ghosts.map((g) => g.until));
    const timer = setTimeout(() => setGhosts((old) => old.filter((g) => g.until > performance.now() + 10)), Math.max(0, next - performance.now()));
    return () => clearTimeout(timer);
  }, [ghosts]);

  const land = useRef((id: number) => setFlights((old) => old.filter((f) => f.id !== id))).current;
  return { fresh, ghosts, flights, land };
}

function flightFor(root: HTMLElement, origin: DOMRect, e: OverlayEvent): Flight[] {
  const source = (e.layer !== null && root.querySelector<HTMLElement>(`[data-lower-file="${escape(`${e.layer}:${e.path}`)}"]`)) ||
    (e.layer !== null ? root.querySelector<HTMLElement>(`[data-lower="${e.layer}"]`) : null);
  const target = root.querySelector<HTMLElement>(`[data-upper-path="${escape(e.path)}"]`);
  if (!source || !target) return [];
  target.scrollIntoView({ block: 'nearest' });
  const a = source.getBoundingClientRect();
  const b = target.getBoundingClientRect();
  // Screen pixels → the panel's own CSS pixels (presenter mode magnifies the panel with CSS zoom).
  const k = root.offsetWidth > 0 ? root.offsetWidth / origin.width : 1;
  return [{
    id: e.seq,
    text: e.path.slice(e.path.lastIndexOf('/') + 1),
    from: { x: (a.left - origin.left) * k + 8, y: (a.top - origin.top) * k + 2 },
    to: { x: (b.left - origin.left) * k, y: (b.top - origin.top) * k },
  }];
}

/**
 * Time travel from the UI: where the view is on the timeline, and the moves. Positions count the
 * steps applied: 0 is the host before the first step, `steps.length` is the present.
 */
import type { EngineClient } from '../../worker/client.ts';
import type { Timeline } from '../../store/index.ts';
import { keepSessionAside } from '../share/status.ts';

/** The position shown: the step count viewed, or the present. */
export const positionOf = (t: Timeline): number => t.viewing ?? t.steps.length;

export const travel = (client: EngineClient, to: number): void => client.send({ type: 'travel', to });

/** Makes the viewed moment the present, after keeping the whole session aside (nothing is lost). */
export function continueFromHere(client: EngineClient): void {
  keepSessionAside();
  client.send({ type: 'branch' });
}

/** Autoplay speeds: real seconds between steps. */
export const AUTOPLAY_SECONDS = [0.5, 1, 2, 4] as const;
export type AutoplaySeconds = (typeof AUTOPLAY_SECONDS)[number];

/** Autoplay's next move from `position` (null: it has reached the present and stops). */
export const autoplayNext = (position: number, total: number): number | null => (position < total ? position + 1 : null);

/** Virtual ms as m:ss (h:mm:ss past an hour), for the step list. */
export function clock(ms: number): string {
  const s = Math.floor(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

import { useEffect, useRef } from 'react';
import type { GaugeSample } from '../../engine/snapshot.ts';
import { subscribeSelected } from '../../store/index.ts';
import { usePlayground } from '../context.ts';

/**
 * Feeds one container's gauge samples to `render` through a transient store subscription (zustand
 * "Transient updates"): samples never cause a React render. `render` may change between renders
 * (language, limits); the latest one is used, and it is replayed at once with the last sample.
 */
export function useGaugeFeed(containerId: string, render: (sample: GaugeSample, force?: boolean) => void): void {
  const { store } = usePlayground();
  const latest = useRef(render);
  const last = useRef<GaugeSample | undefined>(undefined);
  useEffect(() => {
    latest.current = render;
    if (last.current) render(last.current, true);
  }, [render]);
  useEffect(
    () => subscribeSelected(store, (s) => s.gauges.containers[containerId], (sample) => {
      if (!sample) return;
      last.current = sample;
      latest.current(sample);
    }, true),
    [store, containerId],
  );
}

/** Writes text into an element if it changed (cheaper than a render, no layout when equal). */
export function writeText(ref: React.RefObject<HTMLElement | null>, text: string): void {
  const el = ref.current;
  if (!el) return;
  const node = el.firstChild;
  if (node && node.nodeType === Node.TEXT_NODE && !node.nextSibling) {
    if (node.nodeValue !== text) node.nodeValue = text; // edits the text in place: no node churn
  } else if (el.textContent !== text) el.textContent = text;
}

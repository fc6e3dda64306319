/** The one reduced-motion gate (style.md "Motion means something"): the user's OS setting. */
import { useSyncExternalStore } from 'react';

const QUERY = '(prefers-reduced-motion: reduce)';
const media = typeof matchMedia === 'function' ? matchMedia(QUERY) : null;

function subscribe(onChange: () => void): () => void {
  media?.addEventListener('change', onChange);
  return () => media?.removeEventListener('change', onChange);
}

export function prefersReducedMotion(): boolean {
  return media?.matches ?? false;
}

export function useReducedMotion(): boolean {
  return useSyncExternalStore(subscribe, prefersReducedMotion, () => false);
}

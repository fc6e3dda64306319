/** The one reduced-motion gate (style.md "Motion means something"): the user's OS setting. */
import { MotionGlobalConfig } from 'framer-motion';
import { useSyncExternalStore } from 'react';

const QUERY = '(prefers-reduced-motion: reduce)';
const media = typeof matchMedia === 'function' ? matchMedia(QUERY) : null;

/**
 * NOTE: framer-motion's `<MotionConfig reducedMotion="user">` only drops position and layout
 * animations; opacity, scale and SVG attributes (a packet's cx/cy) still move. Skipping every
 * framer-motion animation while the setting is on jumps each value to its end and still calls
 * `onAnimationComplete`, so the views that wait for a token or a copy-up to land keep working.
 */
function syncFramerMotion(): void {
  MotionGlobalConfig.skipAnimations = media?.matches ?? false;
}
syncFramerMotion();
media?.addEventListener('change', syncFramerMotion);

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

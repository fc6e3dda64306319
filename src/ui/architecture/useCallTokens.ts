/**
 * Tokens for the API calls that arrived since the panel opened: each new call (by seq) gets one
 * token that travels its route, staggered so a burst (`docker run`: create, attach, start) reads in
 * order, and removed when its trip ends. Under reduced motion no token is made.
 */
import { useEffect, useRef, useState } from 'react';
import type { ApiCall } from '../../engine/snapshot.ts';

export interface Token {
  readonly key: number;
  readonly call: ApiCall;
  /** Seconds to wait before moving (its place in a burst). */
  readonly delay: number;
}

/** Seconds a token takes per box it passes; the whole trip of a start takes ~1.8 s. */
export const STEP_S = 0.35;
const STAGGER_S = 0.45;
const MAX_TOKENS = 8;

export function useCallTokens(log: readonly ApiCall[], reduced: boolean): { tokens: readonly Token[]; done: (key: number) => void } {
  const [tokens, setTokens] = useState<readonly Token[]>([]);
  // The last seq seen: calls already in the log when the panel opens are history, not news.
  const seen = useRef<number | null>(null);
  useEffect(() => {
    const last = log.length ? log[log.length - 1].seq : 0;
    if (seen.current === null || reduced) {
      seen.current = last;
      return;
    }
    const since = seen.current;
    const fresh = log.filter((c) => c.seq > since);
    seen.current = last;
    if (!fresh.length) return;
    setTokens((prev) => [...prev, ...fresh.map((call, i) => ({ key: call.seq, call, delay: i * STAGGER_S }))].slice(-MAX_TOKENS));
  }, [log, reduced]);
  const done = (key: number) => setTokens((prev) => prev.filter((t) => t.key !== key));
  return { tokens, done };
}

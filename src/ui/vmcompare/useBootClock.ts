/**
 * The boot time-lapse: real seconds elapsed since Start, advanced by animation frames at
 * TIMELAPSE× (or jumping straight to the end under reduced motion). UI-only time, not the engine's.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { TIMELAPSE } from './facts.ts';

export function useBootClock(endSeconds: number, reduced: boolean): { seconds: number | null; start: () => void; reset: () => void } {
  const [seconds, setSeconds] = useState<number | null>(null);
  const frame = useRef(0);
  const stop = () => cancelAnimationFrame(frame.current);
  useEffect(() => stop, []);
  const start = useCallback(() => {
    stop();
    if (reduced) {
      setSeconds(endSeconds);
      return;
    }
    const t0 = performance.now();
    const tick = (now: number) => {
      const s = Math.min(endSeconds, ((now - t0) / 1000) * TIMELAPSE);
      setSeconds(s);
      if (s < endSeconds) frame.current = requestAnimationFrame(tick);
    };
    setSeconds(0);
    frame.current = requestAnimationFrame(tick);
  }, [endSeconds, reduced]);
  const reset = useCallback(() => {
    stop();
    setSeconds(null);
  }, []);
  return { seconds, start, reset };
}

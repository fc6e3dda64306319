import { useEffect, useRef } from 'react';
import { subscribeSelected, type PlaygroundState } from '../store/index.ts';
import { usePlayground } from './context.ts';

/**
 * Text that follows a fast-changing store value (gauges) by writing the DOM directly: a transient
 * subscription, no React render per sample. `select` and `format` should be stable callbacks.
 */
export function LiveText<T>({ select, format, className }: { select: (state: PlaygroundState) => T; format: (value: T) => string; className?: string }) {
  const { store } = usePlayground();
  const ref = useRef<HTMLSpanElement>(null);
  useEffect(
    () => subscribeSelected(store, select, (value) => {
      if (ref.current) ref.current.textContent = format(value);
    }, true),
    [store, select, format],
  );
  return <span ref={ref} className={className} />;
}

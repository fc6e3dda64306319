import { useEffect, useState } from 'react';
import type { ProcessView } from '../../engine/snapshot.ts';
import type { Table } from '../../store/index.ts';
import { nextExpiry, pruneGhosts, trackDepartures, type Ghost, type KillMark } from './departures.ts';

export interface Displayed {
  /** Live processes plus ghosts, ghosts last. */
  readonly records: readonly ProcessView[];
  readonly ghosts: ReadonlyMap<string, Ghost>;
}

/**
 * The processes to draw: the live table plus ghosts of those that just left. Ghosts are derived
 * during render (React's "adjust state when a prop changes" pattern), so a removed process never
 * blinks out for a frame before its ghost appears; a timer drops them when their time is up.
 */
export function useDisplayedProcesses(processes: Table<ProcessView>, marks: ReadonlyMap<number, KillMark>, reducedMotion: boolean): Displayed {
  const [tracked, setTracked] = useState(() => ({ processes, ghosts: new Map() as ReadonlyMap<string, Ghost>, records: Object.values(processes) }));
  let current = tracked;
  if (tracked.processes !== processes) {
    const ghosts = trackDepartures(tracked.processes, processes, tracked.ghosts, performance.now());
    current = { processes, ghosts, records: [...Object.values(processes), ...[...ghosts.values()].map((g) => g.record)] };
    setTracked(current);
  }

  const { ghosts } = current;
  useEffect(() => {
    const at = nextExpiry(ghosts, marks, reducedMotion);
    if (at === null) return;
    const timer = setTimeout(() => {
      setTracked((t) => {
        const pruned = pruneGhosts(t.ghosts, marks, performance.now(), reducedMotion);
        if (pruned === t.ghosts) return t;
        return { processes: t.processes, ghosts: pruned, records: [...Object.values(t.processes), ...[...pruned.values()].map((g) => g.record)] };
      });
    }, Math.max(0, at - performance.now()) + 16);
    return () => clearTimeout(timer);
  }, [ghosts, marks, reducedMotion]);

  return current;
}

/**
 * GET /events?since=&until=&filters= (moby `api/server/router/system/system_routes.go` getEvents,
 * `daemon/events/events.go` SubscribeTopic): first the buffered events between `since` and
 * `until` that match the filters, then — unless `until` is already past — every new matching
 * event as it happens, until `until` (or the client hangs up).
 */
import type { Daemon } from '../daemon.ts';
import { ApiError, filtersJSON } from '../errors.ts';
import { matches, parseTimestamp, timeNano, toMessage, type EventFilters, type EventMessage } from '../events.ts';

export interface EventStream {
  /** Past events, oldest first. */
  readonly buffered: readonly EventMessage[];
  /** Unix nanoseconds at which the stream ends, or null (it never ends by itself). */
  readonly until: bigint | null;
  /** True when `until` is already past: the response ends after the buffered events. */
  readonly onlyPast: boolean;
  /** Calls `listener` with each new matching event; returns the unsubscribe function. */
  subscribe(listener: (m: EventMessage) => void): () => void;
}

/** filters.ToJSON: `{"type":{"container":true}}`. */
export function systemEvents(d: Daemon, opts: { since: string; until: string; filters: EventFilters }): EventStream {
  const q = [
    Object.keys(opts.filters).length ? `filters=${encodeURIComponent(filtersJSON(opts.filters))}` : '',
    opts.since ? `since=${encodeURIComponent(opts.since)}` : '',
    opts.until ? `until=${encodeURIComponent(opts.until)}` : '',
  ].filter(Boolean).join('&');
  return d.call('GET', `/events${q ? `?${q}` : ''}`, 200, () => {
    // NOTE: the route does not validate filter keys: an unknown one simply matches everything.
    const since = parseTimestamp(opts.since);
    const until = parseTimestamp(opts.until);
    if (until !== null && since !== null && until < since) {
      throw new ApiError(400, `\`since\` time (${opts.since}) cannot be after \`until\` time (${opts.until})`);
    }
    const now = timeNano(d.clock, d.now);
    const onlyPast = until !== null && until <= now;
    const buffered: EventMessage[] = [];
    // loadBufferedEvents: nothing unless since or until is given.
    if (since !== null || until !== null) {
      for (const e of d.events) {
        const m = toMessage(d.clock, e);
        if (since !== null && m.timeNano < since) continue;
        if (until !== null && m.timeNano > until) continue;
        if (matches(opts.filters, m)) buffered.push(m);
      }
    }
    return {
      buffered, until, onlyPast,
      subscribe(listener) {
        const l = (e: Parameters<typeof toMessage>[1]) => {
          const m = toMessage(d.clock, e);
          if (matches(opts.filters, m)) listener(m);
        };
        d.eventListeners.add(l);
        return () => d.eventListeners.delete(l);
      },
    };
  });
}

/**
 * Virtual time. The engine never reads a real clock: time is a number of milliseconds since the
 * simulated host booted, advanced only by whoever drives the engine (the worker at the chosen
 * speed, or the headless runner as the foreground job needs). Wall-clock strings (`docker inspect`
 * timestamps, log lines) are derived from a fixed boot instant, so runs are reproducible.
 */

/** The simulated host booted at this instant (UTC). */
export const BOOT_EPOCH_MS = Date.UTC(2026, 0, 12, 9, 0, 0);

export class Clock {
  #now = 0;

  get now(): number {
    return this.#now;
  }

  /** Moves time forward; never backwards. */
  advanceTo(t: number): void {
    if (t > this.#now) this.#now = t;
  }

  /** Wall-clock milliseconds for a virtual instant. */
  wall(t: number = this.#now): number {
    return BOOT_EPOCH_MS + t;
  }

  /** RFC 3339 with nanoseconds, as `docker inspect` prints `Created`/`StartedAt`. */
  rfc3339Nano(t: number = this.#now): string {
    const iso = new Date(this.wall(t)).toISOString(); // 2026-01-12T09:00:00.123Z
    const ms = iso.slice(20, 23);
    // Derive stable sub-millisecond digits from the instant so timestamps look like real ones.
    const sub = String((Math.floor(t * 7919) % 1_000_000) + 1_000_000).slice(1);
    return `${iso.slice(0, 19)}.${ms}${sub}Z`;
  }

  /** Seconds since the Unix epoch (API `Created` fields). */
  unix(t: number = this.#now): number {
    return Math.floor(this.wall(t) / 1000);
  }
}

/** Docker's never-set timestamp. */
export const ZERO_TIME = '0001-01-01T00:00:00Z';

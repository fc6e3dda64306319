/**
 * The daemon's event log as `GET /events` serves it (moby `daemon/events/events.go`,
 * `daemon/events/filter.go`, `api/types/events/events.go`): each DockerEvent becomes an
 * `events.Message`, filtered by type / event / container / image / network / volume / label /
 * scope, and cut by `since` / `until` (Unix seconds with nanoseconds, as the CLI sends them).
 *
 * Emitting: every route calls `Daemon.emit(type, action, id, attributes)` where the real daemon
 * logs an event (container events get the container's labels, `image` and `name` added there).
 * Volume and network routes emit `volume create|mount|unmount|destroy` and `network
 * create|connect|disconnect|destroy` the same way.
 */
import type { Clock } from '../clock.ts';
import type { DockerEvent } from './daemon.ts';
import { ApiError } from './errors.ts';

/** api/types/events Message, with the deprecated status/id/from that API 1.51 still fills. */
export interface EventMessage {
  readonly status?: string;
  readonly id?: string;
  readonly from?: string;
  readonly Type: DockerEvent['type'];
  readonly Action: string;
  readonly Actor: { readonly ID: string; readonly Attributes: Readonly<Record<string, string>> };
  readonly scope: 'local';
  /** Unix seconds. */
  readonly time: number;
  /** Unix nanoseconds (beyond 2^53, hence a bigint). */
  readonly timeNano: bigint;
}

/** Unix nanoseconds of a virtual instant, with the sub-millisecond digits `Clock.rfc3339Nano` prints. */
export function timeNano(clock: Clock, t: number): bigint {
  const frac = clock.rfc3339Nano(t).slice(20, 29);
  return BigInt(Math.floor(clock.wall(t) / 1000)) * 1_000_000_000n + BigInt(frac);
}

/** Attributes in Go map order (sorted keys), so JSON and the default printer agree. */
function sortedAttributes(a: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of Object.keys(a).sort()) out[k] = a[k];
  return out;
}

export function toMessage(clock: Clock, e: DockerEvent): EventMessage {
  const tn = timeNano(clock, e.t);
  const base = { Type: e.type, Action: e.action, Actor: { ID: e.id, Attributes: sortedAttributes(e.attributes) }, scope: 'local' as const, time: Number(tn / 1_000_000_000n), timeNano: tn };
  // moby daemon/events/events.go Log: "fill deprecated fields for container and images".
  if (e.type === 'container') return { status: e.action, id: e.id, from: e.attributes.image, ...base };
  if (e.type === 'image') return { status: e.action, id: e.id, ...base };
  return base;
}

export type EventFilters = Readonly<Record<string, readonly string[]>>;

/** filters.Args ExactMatch: true when the key is absent or one value equals `v`. */
function exact(f: EventFilters, key: string, v: string | undefined): boolean {
  const vals = f[key];
  return !vals || vals.length === 0 || (v !== undefined && vals.includes(v));
}

/** filters.Args FuzzyMatch: like ExactMatch, or a value is a prefix of `v`. */
function fuzzy(f: EventFilters, key: string, v: string | undefined): boolean {
  const vals = f[key];
  return !vals || vals.length === 0 || (v !== undefined && vals.some((x) => v === x || v.startsWith(x)));
}

/** `nginx:latest` → `nginx` (reference.ParseAnyReference + TrimNamed, simplified). */
function stripTag(s: string): string {
  const at = s.indexOf('@');
  if (at >= 0) return s.slice(0, at);
  const colon = s.lastIndexOf(':');
  return colon > s.lastIndexOf('/') ? s.slice(0, colon) : s;
}

/** daemon/events/filter.go Include. */
export function matches(f: EventFilters, m: EventMessage): boolean {
  const name = m.Actor.Attributes.name;
  // fuzzyMatchName: the Actor's ID or name attribute, whatever the event's type.
  const byName = (key: string) => fuzzy(f, key, m.Actor.ID) || fuzzy(f, key, name);
  // #25798: exec_create / exec_start / health_status without a colon match as prefixes.
  const events = f.event ?? [];
  const eventOk = events.some((e) => e === 'exec_create' || e === 'exec_start' || e === 'health_status') ? fuzzy(f, 'event', m.Action) : exact(f, 'event', m.Action);
  const imageName = m.Type === 'image' ? m.Actor.Attributes.name : m.Actor.Attributes.image;
  const imageOk = exact(f, 'image', m.Actor.ID) || exact(f, 'image', imageName) || exact(f, 'image', stripTag(m.Actor.ID)) || (imageName !== undefined && exact(f, 'image', stripTag(imageName)));
  const labelOk = (f.label ?? []).every((l) => {
    const eq = l.indexOf('=');
    return eq < 0 ? l in m.Actor.Attributes : m.Actor.Attributes[l.slice(0, eq)] === l.slice(eq + 1);
  });
  return eventOk && exact(f, 'type', m.Type) && exact(f, 'scope', m.scope) && byName('container') && byName('volume') && byName('network') && imageOk && labelOk
    && (f.daemon?.length ?? 0) === 0 && (f.plugin?.length ?? 0) === 0 && (f.node?.length ?? 0) === 0 && (f.service?.length ?? 0) === 0 && (f.secret?.length ?? 0) === 0 && (f.config?.length ?? 0) === 0;
}

/**
 * api/types/time ParseTimestamps: `seconds[.nanoseconds]` → Unix nanoseconds (null for "").
 * Throws the daemon's 400 for anything else.
 */
export function parseTimestamp(value: string): bigint | null {
  if (value === '') return null;
  const m = /^(-?\d+)(?:\.(\d*))?$/.exec(value);
  if (!m) {
    const bad = value.split('.')[0];
    throw new ApiError(500, `strconv.ParseInt: parsing "${bad}": invalid syntax`);
  }
  const sec = BigInt(m[1]);
  const nanos = BigInt(((m[2] ?? '') + '000000000').slice(0, 9));
  return sec * 1_000_000_000n + nanos;
}

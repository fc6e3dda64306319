/**
 * `docker events` / `docker system events` (docker/cli `cli/command/system/events.go`): asks
 * `GET /events` and prints each message — `2026-01-12T09:00:01.123456789Z container create <id>
 * (image=nginx, name=web)` by default, or through a Go template (`--format`, `json`). Without
 * `--until` it streams until Ctrl-C; `--since`/`--until` take timestamps or durations, turned into
 * Unix seconds by the client (api/types/time GetTimestamp) as the real CLI does.
 */
import { systemEvents } from '../../daemon/router/events.ts';
import type { EventMessage } from '../../daemon/events.ts';
import { goStruct } from '../format/index.ts';
import { list, str, StatusError, type Command } from './command.ts';
import { executeFormat, TemplateFailure } from './formatter.ts';

const DURATION_UNITS: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, 'μs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Go's time.ParseDuration, in milliseconds (null when not a duration). */
export function parseGoDuration(s: string): number | null {
  const m = /^([-+]?)((?:(?:\d+\.?\d*|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+|0)$/.exec(s);
  if (!m) return null;
  if (m[2] === '0') return 0;
  let ms = 0;
  for (const part of m[2].matchAll(/(\d+\.?\d*|\.\d+)(ns|us|µs|μs|ms|s|m|h)/g)) ms += Number(part[1]) * DURATION_UNITS[part[2]];
  return m[1] === '-' ? -ms : ms;
}

/**
 * api/types/time GetTimestamp: a duration means "that long before now" (whole seconds); an RFC 3339
 * date or date-time (local time = UTC on this host) becomes `seconds.nanoseconds`; anything else
 * without a `-` is passed on as a Unix timestamp for the daemon to judge.
 */
export function getTimestamp(value: string, nowWallMs: number): string {
  const d = value !== '0' ? parseGoDuration(value) : null;
  if (d !== null) return String(Math.floor((nowWallMs - d) / 1000));
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2})(?::(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?)?(Z|z|[+-]\d{2}:\d{2})?$/.exec(value);
  if (!m) {
    if (value.includes('-')) throw new StatusError(`parsing time "${value}": cannot parse "${value}" as a timestamp`, 1);
    return value;
  }
  const [, y, mo, da, h = '00', mi = '00', se = '00', frac = '', zone = ''] = m;
  let ms = Date.UTC(Number(y), Number(mo) - 1, Number(da), Number(h), Number(mi), Number(se));
  if (zone && zone.toUpperCase() !== 'Z') ms -= (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6))) * 60_000;
  return `${Math.floor(ms / 1000)}.${(frac + '000000000').slice(0, 9)}`;
}

/** jsonmessage.RFC3339NanoFixed of a Unix-nanoseconds instant, in UTC (the host's zone). */
function rfc3339NanoFixed(timeNano: bigint): string {
  const sec = timeNano / 1_000_000_000n;
  const nanos = String(timeNano % 1_000_000_000n).padStart(9, '0');
  return `${new Date(Number(sec) * 1000).toISOString().slice(0, 19)}.${nanos}Z`;
}

/** cli/command/system/events.go printOutput. */
export function printEvent(m: EventMessage): string {
  const attrs = Object.keys(m.Actor.Attributes).sort().map((k) => `${k}=${m.Actor.Attributes[k]}`);
  return `${rfc3339NanoFixed(m.timeNano)} ${m.Type} ${m.Action} ${m.Actor.ID}${attrs.length ? ` (${attrs.join(', ')})` : ''}\n`;
}

/** The message as a Go `events.Message` value for templates (json marshals with omitempty). */
function messageStruct(m: EventMessage | null) {
  const json: Record<string, unknown> = {};
  if (m?.status) json.status = m.status;
  if (m?.id) json.id = m.id;
  if (m?.from) json.from = m.from;
  json.Type = m?.Type ?? '';
  json.Action = m?.Action ?? '';
  json.Actor = { ID: m?.Actor.ID ?? '', Attributes: m ? m.Actor.Attributes : null };
  if (m) Object.assign(json, { scope: m.scope, time: BigInt(m.time), timeNano: m.timeNano });
  return goStruct('*events.Message', {
    Status: m?.status ?? '', ID: m?.id ?? '', From: m?.from ?? '', Type: m?.Type ?? '', Action: m?.Action ?? '',
    Actor: goStruct('events.Actor', { ID: m?.Actor.ID ?? '', Attributes: m ? m.Actor.Attributes : {} }),
    Scope: m?.scope ?? '', Time: BigInt(m?.time ?? 0), TimeNano: m?.timeNano ?? 0n,
    MarshalJSON: () => json,
  });
}

export const events: Command = {
  name: 'events', path: 'docker events', use: 'docker events [OPTIONS]', short: 'Get real time events from the server',
  aliases: 'docker system events, docker events', args: { kind: 'none' },
  flags: [
    { name: 'filter', short: 'f', type: 'list', usage: 'Filter output based on conditions provided', valueName: 'filter' },
    { name: 'format', type: 'string', usage: "Format output using a custom template:\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates" },
    { name: 'since', type: 'string', usage: 'Show all events created since timestamp' },
    { name: 'until', type: 'string', usage: 'Stream events until this timestamp' },
  ],
  *run(cli, f) {
    let format = str(f, 'format');
    if (format === 'json') format = '{{json .}}';
    if (format) {
      // makeTemplate: executed once on an empty message so a bad field fails up front.
      try {
        executeFormat(format, messageStruct(null), { typed: true });
      } catch (e) {
        if (e instanceof TemplateFailure) throw new StatusError(`Error parsing format: ${e.message}`, 64);
        throw e;
      }
    }
    const filters: Record<string, string[]> = {};
    for (const spec of list(f, 'filter')) {
      const eq = spec.indexOf('=');
      if (eq < 0) throw new StatusError(`invalid argument "${spec}" for "-f, --filter" flag: bad format of filter (expected name=value)\n\nUsage:  ${this.use}\n\nRun '${this.path} --help' for more information`, 125);
      (filters[spec.slice(0, eq).trim().toLowerCase()] ??= []).push(spec.slice(eq + 1));
    }
    const d = cli.daemon;
    const now = d.clock.wall(d.now);
    const since = str(f, 'since') ? getTimestamp(str(f, 'since'), now) : '';
    const until = str(f, 'until') ? getTimestamp(str(f, 'until'), now) : '';
    const stream = systemEvents(d, { since, until, filters });
    const print = (m: EventMessage) => {
      if (!format) return cli.out(printEvent(m));
      try {
        cli.out(`${executeFormat(format, messageStruct(m), { typed: true })}\n`);
      } catch (e) {
        if (!(e instanceof TemplateFailure)) throw e;
      }
    };
    for (const m of stream.buffered) print(m);
    if (stream.onlyPast) return 0;
    const unsubscribe = stream.subscribe(print);
    cli.ctx.proc.exitWatchers.push(unsubscribe);
    if (stream.until !== null) {
      // The daemon ends the response when `until` comes.
      const untilMs = Number(stream.until / 1_000_000n) - now;
      yield cli.ctx.until(() => false, Math.max(0, untilMs));
      unsubscribe();
      return 0;
    }
    // Streams until Ctrl-C ends the client.
    yield cli.ctx.until(() => false);
    unsubscribe();
    return 0;
  },
};

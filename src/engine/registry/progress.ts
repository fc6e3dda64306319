/**
 * The JSON message stream of `docker pull`/`push`/`load` and how the CLI draws it, ported from
 * moby `pkg/jsonmessage` (`JSONProgress.String`, `JSONMessage.Display`,
 * `DisplayJSONMessagesStream`) and the daemon's `pkg/streamformatter`:
 *
 *   daemon → `{"status":"Downloading","progressDetail":{"current":…,"total":…},"progress":"[==>  ] …","id":"a1b2c3d4e5f6"}`
 *   CLI, on a terminal → one line per layer ID, redrawn in place with cursor movements;
 *   CLI, not a terminal → progress bars dropped, status lines printed once each.
 */
import { goJson } from '../image/gojson.ts';
import { humanSize } from '../image/units.ts';

/** progressDetail. */
export interface JSONProgress {
  readonly current?: number;
  readonly total?: number;
  /** Unix seconds the operation started (enables the time-left estimate). */
  readonly start?: number;
  readonly hidecounts?: boolean;
  readonly units?: string;
}

/** One message of the stream (field names as on the wire). */
export interface JSONMessage {
  readonly stream?: string;
  readonly status?: string;
  readonly progressDetail?: JSONProgress;
  /** Deprecated: the daemon's rendering of progressDetail. */
  readonly progress?: string;
  readonly id?: string;
  readonly from?: string;
  readonly time?: number;
  readonly timeNano?: number;
  readonly errorDetail?: { readonly code?: number; readonly message?: string };
  /** Deprecated twin of errorDetail.message. */
  readonly error?: string;
  readonly aux?: unknown;
}

/** Go's time.Duration.String for a whole number of seconds (`4s`, `1m30s`, `2h0m5s`). */
export function goDurationSeconds(seconds: number): string {
  if (seconds === 0) return '0s';
  const neg = seconds < 0;
  let s = Math.abs(seconds);
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  const body = h > 0 ? `${h}h${m}m${s}s` : m > 0 ? `${m}m${s}s` : `${s}s`;
  return neg ? `-${body}` : body;
}

/**
 * JSONProgress.String(): the bar (50 cells, only when the terminal is wider than 110 columns),
 * the counts (`%8v/%v` of go-units HumanSize) and, with a start time and enough width, the time
 * left. `nowUnix` is the current time in Unix seconds (only used with `start`).
 */
export function renderProgress(p: JSONProgress, width: number, nowUnix = 0): string {
  const current = p.current ?? 0;
  const total = p.total ?? 0;
  if (current <= 0 && total <= 0) return '';
  if (total <= 0) return p.units ? `${current} ${p.units}` : humanSize(current).padStart(8);
  let percentage = Math.trunc(Math.trunc((current / total) * 100) / 2);
  if (percentage > 50) percentage = 50;
  if (percentage < 0) percentage = 0;
  let pbBox = '';
  if (width > 110) pbBox = `[${'='.repeat(percentage)}>${' '.repeat(Math.max(0, 50 - percentage))}] `;
  let numbersBox = '';
  if (!p.hidecounts) {
    if (!p.units) {
      const cur = humanSize(current).padStart(8);
      numbersBox = current > total ? cur : `${cur}/${humanSize(total)}`;
    } else {
      numbersBox = current > total ? `${current} ${p.units}` : `${current}/${total} ${p.units}`;
    }
  }
  let timeLeftBox = '';
  if (width > 50 && current > 0 && p.start && p.start > 0 && percentage < 50) {
    const fromStartNs = (nowUnix - p.start) * 1e9;
    const perEntry = Math.trunc(fromStartNs / current);
    const leftNs = (total - current) * perEntry;
    timeLeftBox = ` ${goDurationSeconds(Math.round(leftNs / 1e9))}`;
  }
  return pbBox + numbersBox + timeLeftBox;
}

/** RFC3339NanoFixed in UTC (`2006-01-02T15:04:05.000000000Z`). */
function rfc3339NanoFixed(unixNanos: number): string {
  const ms = Math.floor(unixNanos / 1e6);
  const iso = new Date(ms).toISOString();
  const nanos = String(Math.floor(unixNanos % 1e9)).padStart(9, '0');
  return `${iso.slice(0, 19)}.${nanos}Z`;
}

/** What the CLI does with one message: the bytes to write, or the error it stops with. */
export interface DisplayResult {
  readonly text: string;
  readonly error?: string;
}

/** JSONMessage.Display. */
export function displayJSONMessage(m: JSONMessage, isTerminal: boolean, width: number): DisplayResult {
  if (m.errorDetail) return { text: '', error: m.errorDetail.message ?? '' };
  let out = '';
  let endl = '';
  const progress = m.progressDetail ? renderProgress(m.progressDetail, width) : '';
  if (isTerminal && !m.stream && m.progressDetail) {
    out += '\x1b[2K\r';
    endl = '\r';
  } else if (m.progressDetail && progress !== '') {
    return { text: '' };
  }
  if (m.timeNano) out += `${rfc3339NanoFixed(m.timeNano)} `;
  else if (m.time) out += `${rfc3339NanoFixed(m.time * 1e9)} `;
  if (m.id) out += `${m.id}: `;
  if (m.from) out += `(from ${m.from}) `;
  if (m.progressDetail && isTerminal) out += `${m.status ?? ''} ${progress}${endl}`;
  else if (m.progress) out += `${m.status ?? ''} ${m.progress}${endl}`;
  else if (m.stream) out += `${m.stream}${endl}`;
  else out += `${m.status ?? ''}${endl}\n`;
  return { text: out };
}

/**
 * DisplayJSONMessagesStream, one message at a time: on a terminal each layer ID keeps its own
 * line (a new ID adds a line; updates move the cursor up to it and back down).
 */
export class JSONMessageRenderer {
  readonly isTerminal: boolean;
  /** Terminal columns (the bar needs more than 110). */
  width: number;
  #ids = new Map<string, number>();

  constructor(opts: { isTerminal: boolean; width: number }) {
    this.isTerminal = opts.isTerminal;
    this.width = opts.width;
  }

  /** The bytes for one message; `error` set when the stream carries an error (the CLI stops there). */
  write(m: JSONMessage): DisplayResult {
    if (m.aux !== undefined) return { text: '' };
    let out = '';
    let diff = 0;
    if (m.id && (m.progressDetail || m.progress)) {
      let line = this.#ids.get(m.id);
      if (line === undefined) {
        line = this.#ids.size;
        this.#ids.set(m.id, line);
        if (this.isTerminal) out += '\n';
      }
      diff = this.#ids.size - line;
      if (this.isTerminal && diff > 0) out += `\x1b[${diff}A`;
    } else {
      this.#ids = new Map();
    }
    const d = displayJSONMessage(m, this.isTerminal, this.width);
    out += d.text;
    if (m.id && this.isTerminal && diff > 0) out += `\x1b[${diff}B`;
    return d.error !== undefined ? { text: out, error: d.error } : { text: out };
  }
}

/**
 * The daemon's wire form of a message (`streamformatter`): Go field order, HTML-escaped JSON,
 * `progress` rendered at width 200 (the daemon has no terminal), terminated by CRLF.
 */
export function encodeJSONMessage(m: JSONMessage): string {
  const o: Record<string, unknown> = {};
  if (m.stream) o.stream = m.stream;
  if (m.status) o.status = m.status;
  if (m.progressDetail) {
    const p: Record<string, unknown> = {};
    const d = m.progressDetail;
    if (d.current) p.current = d.current;
    if (d.total) p.total = d.total;
    if (d.start) p.start = d.start;
    if (d.hidecounts) p.hidecounts = true;
    if (d.units) p.units = d.units;
    o.progressDetail = p;
    const rendered = m.progress ?? renderProgress(d, 200);
    if (rendered) o.progress = rendered;
  } else if (m.progress) o.progress = m.progress;
  if (m.id) o.id = m.id;
  if (m.from) o.from = m.from;
  if (m.time) o.time = m.time;
  if (m.timeNano) o.timeNano = m.timeNano;
  if (m.errorDetail) o.errorDetail = m.errorDetail;
  if (m.error) o.error = m.error;
  if (m.aux !== undefined) o.aux = m.aux;
  return `${goJson(o)}\r\n`;
}

// ── the messages of a pull (moby daemon/internal/distribution + xfer) ─────────────────────────

/** progress.Update: a status for a layer, with an empty progressDetail. */
const update = (id: string, status: string): JSONMessage => ({ status, progressDetail: {}, id });

export const pullMessages = {
  /** `latest: Pulling from library/nginx` (ID = tag or digest, path as the registry names it). */
  pullingFrom: (tagOrDigest: string, path: string): JSONMessage => ({ status: `Pulling from ${path}`, id: tagOrDigest }),
  pullingFsLayer: (id: string) => update(id, 'Pulling fs layer'),
  waiting: (id: string) => update(id, 'Waiting'),
  downloading: (id: string, current: number, total: number): JSONMessage => ({ status: 'Downloading', progressDetail: { current, total }, id }),
  verifyingChecksum: (id: string) => update(id, 'Verifying Checksum'),
  downloadComplete: (id: string) => update(id, 'Download complete'),
  extracting: (id: string, current: number, total: number): JSONMessage => ({ status: 'Extracting', progressDetail: { current, total }, id }),
  pullComplete: (id: string) => update(id, 'Pull complete'),
  alreadyExists: (id: string) => update(id, 'Already exists'),
  digest: (digest: string): JSONMessage => ({ status: `Digest: ${digest}` }),
  /** `Status: Downloaded newer image for nginx:latest` / `Status: Image is up to date for nginx:latest`. */
  status: (familiarRef: string, downloaded: boolean): JSONMessage => ({
    status: downloaded ? `Status: Downloaded newer image for ${familiarRef}` : `Status: Image is up to date for ${familiarRef}`,
  }),
  /** An error in the stream (the CLI prints its message and exits 1). */
  error: (message: string): JSONMessage => ({ errorDetail: { message }, error: message }),
} as const;

/** What the CLI prints itself around the stream: `Using default tag: latest` (no tag given). */
export function usingDefaultTag(tag = 'latest'): string {
  return `Using default tag: ${tag}\n`;
}

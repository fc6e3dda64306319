/**
 * The image config blob (is: `config.md`; Docker: `application/vnd.docker.container.image.v1+json`):
 * what to run (`config`), how the image was made (`history`) and which layers make its root
 * filesystem (`rootfs.diff_ids`). Its sha256 is the image ID in the classic store, so the
 * bytes are written exactly as the real producers write them: top-level keys sorted (Docker
 * and BuildKit both pass the document through a Go map), the inner `config` in struct order.
 */
import type { Digest } from './digest.ts';
import { goJson, sortedKeys } from './gojson.ts';

type Empty = Record<string, never>;

/** The `config` object of an image config (Docker's superset of the OCI ImageConfig). */
export interface ImageConfigBody {
  User?: string;
  ExposedPorts?: Record<string, Empty>;
  Env?: string[];
  Entrypoint?: string[] | null;
  Cmd?: string[] | null;
  Volumes?: Record<string, Empty> | null;
  WorkingDir?: string;
  Labels?: Record<string, string> | null;
  StopSignal?: string;
  ArgsEscaped?: boolean;
  Healthcheck?: { Test?: string[]; Interval?: number; Timeout?: number; StartPeriod?: number; StartInterval?: number; Retries?: number };
  OnBuild?: string[] | null;
  Shell?: string[];
  // classic builder (container.Config) fields, written by `docker commit` and the legacy builder
  Hostname?: string;
  Domainname?: string;
  AttachStdin?: boolean;
  AttachStdout?: boolean;
  AttachStderr?: boolean;
  Tty?: boolean;
  OpenStdin?: boolean;
  StdinOnce?: boolean;
  Image?: string;
  StopTimeout?: number;
}

/** One `history` entry. */
export interface HistoryEntry {
  readonly created?: string;
  readonly createdBy?: string;
  readonly author?: string;
  readonly comment?: string;
  readonly emptyLayer?: boolean;
}

/**
 * Who wrote the config: BuildKit / OCI tools (`buildkit`), or dockerd's classic builder and
 * `docker commit` (`classic`, with every container.Config field and `container_config`).
 */
export type ConfigStyle = 'buildkit' | 'classic';

/** An image config, parsed. */
export interface ImageConfigDoc {
  readonly architecture: string;
  readonly os: string;
  /** RFC 3339 ('' if absent). */
  readonly created: string;
  readonly author: string;
  /** Top-level `comment` (`docker commit -m`). */
  readonly comment: string;
  readonly dockerVersion: string;
  readonly config: ImageConfigBody;
  readonly history: readonly HistoryEntry[];
  readonly diffIds: readonly Digest[];
  /** Classic configs only: the builder container and its config. */
  readonly container?: string;
  readonly containerConfig?: ImageConfigBody;
}

const OCI_ORDER = ['User', 'ExposedPorts', 'Env', 'Entrypoint', 'Cmd', 'Volumes', 'WorkingDir', 'Labels', 'StopSignal', 'ArgsEscaped', 'Healthcheck', 'OnBuild', 'Shell'] as const;

/** container.Config field order; `true` marks `omitempty`. */
const CLASSIC_ORDER: readonly (readonly [keyof ImageConfigBody, boolean])[] = [
  ['Hostname', false], ['Domainname', false], ['User', false], ['AttachStdin', false], ['AttachStdout', false], ['AttachStderr', false],
  ['ExposedPorts', true], ['Tty', false], ['OpenStdin', false], ['StdinOnce', false], ['Env', false], ['Cmd', false],
  ['Healthcheck', true], ['ArgsEscaped', true], ['Image', false], ['Volumes', false], ['WorkingDir', false], ['Entrypoint', false],
  ['OnBuild', false], ['Labels', false], ['StopSignal', true], ['StopTimeout', true], ['Shell', true],
];

const CLASSIC_ZERO: Partial<Record<keyof ImageConfigBody, unknown>> = {
  Hostname: '', Domainname: '', User: '', AttachStdin: false, AttachStdout: false, AttachStderr: false, Tty: false, OpenStdin: false,
  StdinOnce: false, Env: null, Cmd: null, Image: '', Volumes: null, WorkingDir: '', Entrypoint: null, OnBuild: null, Labels: null,
};

function isEmpty(v: unknown): boolean {
  if (v === undefined || v === null || v === '' || v === false || v === 0) return true;
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v === 'object') return Object.keys(v as object).length === 0;
  return false;
}

function mapValue(v: unknown): unknown {
  return v && typeof v === 'object' && !Array.isArray(v) ? sortedKeys(v as Record<string, unknown>) : v;
}

/** The `config` object in the field order its producer writes (maps sorted, omitempty applied). */
export function orderConfigBody(body: ImageConfigBody, style: ConfigStyle): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (style === 'buildkit') {
    for (const k of OCI_ORDER) if (!isEmpty(body[k])) out[k] = mapValue(body[k]);
    return out;
  }
  for (const [k, omitEmpty] of CLASSIC_ORDER) {
    const v = body[k];
    if (omitEmpty ? isEmpty(v) : false) continue;
    out[k] = v === undefined ? (CLASSIC_ZERO[k] ?? null) : mapValue(v);
  }
  return out;
}

function historyJson(h: HistoryEntry, style: ConfigStyle): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (h.created) out.created = h.created;
  if (style === 'classic' && h.author) out.author = h.author;
  if (h.createdBy) out.created_by = h.createdBy;
  if (style === 'buildkit' && h.author) out.author = h.author;
  if (h.comment) out.comment = h.comment;
  if (h.emptyLayer) out.empty_layer = true;
  return out;
}

/** The config blob's bytes. */
export function serializeImageConfig(doc: ImageConfigDoc, style: ConfigStyle): string {
  const top: Record<string, unknown> = {
    architecture: doc.architecture,
    config: orderConfigBody(doc.config, style),
    created: doc.created || undefined,
    history: doc.history.map((h) => historyJson(h, style)),
    os: doc.os,
    rootfs: { type: 'layers', diff_ids: [...doc.diffIds] },
  };
  if (doc.author) top.author = doc.author;
  if (doc.comment) top.comment = doc.comment;
  if (doc.dockerVersion) top.docker_version = doc.dockerVersion;
  if (style === 'classic') {
    top.container = doc.container ?? '';
    top.container_config = orderConfigBody(doc.containerConfig ?? {}, 'classic');
  }
  for (const k of Object.keys(top)) if (top[k] === undefined) delete top[k];
  return goJson(sortedKeys(top));
}

interface RawHistory {
  created?: string;
  created_by?: string;
  author?: string;
  comment?: string;
  empty_layer?: boolean;
}

/** Parses config bytes (as written by `serializeImageConfig` or any real producer). */
export function parseImageConfig(bytes: string): ImageConfigDoc | null {
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(bytes) as Record<string, unknown>;
  } catch {
    return null;
  }
  if (!raw || typeof raw !== 'object') return null;
  const rootfs = raw.rootfs as { type?: string; diff_ids?: string[] } | undefined;
  if (!rootfs || rootfs.type !== 'layers' || !Array.isArray(rootfs.diff_ids)) return null;
  const history = Array.isArray(raw.history) ? (raw.history as RawHistory[]) : [];
  return {
    architecture: String(raw.architecture ?? ''),
    os: String(raw.os ?? ''),
    created: typeof raw.created === 'string' ? raw.created : '',
    author: typeof raw.author === 'string' ? raw.author : '',
    comment: typeof raw.comment === 'string' ? raw.comment : '',
    dockerVersion: typeof raw.docker_version === 'string' ? raw.docker_version : '',
    config: (raw.config as ImageConfigBody) ?? {},
    history: history.map((h) => ({ created: h.created, createdBy: h.created_by, author: h.author, comment: h.comment, emptyLayer: h.empty_layer === true })),
    diffIds: rootfs.diff_ids,
    container: typeof raw.container === 'string' ? raw.container : undefined,
    containerConfig: raw.container_config as ImageConfigBody | undefined,
  };
}

/** The history invariant: one non-empty entry per diff_id (when history is present). */
export function historyMatchesLayers(doc: ImageConfigDoc): boolean {
  if (doc.history.length === 0) return true;
  return doc.history.filter((h) => !h.emptyLayer).length === doc.diffIds.length;
}

/**
 * `Config` of `GET /images/{name}/json` on API v1.50–1.51 (Docker 28.3–28.5): the OCI fields
 * that are set, over zero values for the fields that had no `omitempty` before
 * (Cmd, Entrypoint, Env, Labels, OnBuild, User, Volumes, WorkingDir); the daemon merges them
 * through a Go map, so the keys come out sorted.
 */
export function inspectConfig(body: ImageConfigBody): Record<string, unknown> {
  const out: Record<string, unknown> = { Cmd: null, Entrypoint: null, Env: null, Labels: null, OnBuild: null, User: '', Volumes: null, WorkingDir: '' };
  for (const k of OCI_ORDER) if (!isEmpty(body[k])) out[k] = mapValue(body[k]);
  return sortedKeys(out);
}

// ── history `created_by` strings ─────────────────────────────────────────────────────────────

/** Go's strconv.Quote (ASCII control characters escaped, other text kept). */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (c === 7) out += '\\a';
    else if (c === 8) out += '\\b';
    else if (c === 12) out += '\\f';
    else if (c === 11) out += '\\v';
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/** `fmt.Sprintf("%q", []string{…})`: `["nginx" "-g" "daemon off;"]` (BuildKit's CMD/ENTRYPOINT). */
export function goQuoteList(args: readonly string[]): string {
  return `[${args.map(goQuote).join(' ')}]`;
}

/** `fmt.Sprintf("%v", map[string]struct{}{…})`: `map[80/tcp:{}]`. */
export function goMapSet(keys: readonly string[]): string {
  return `map[${[...keys].sort().map((k) => `${k}:{}`).join(' ')}]`;
}

/** `fmt.Sprintf("%v", []string{…})`: `[/data]`. */
export function goList(items: readonly string[]): string {
  return `[${items.join(' ')}]`;
}

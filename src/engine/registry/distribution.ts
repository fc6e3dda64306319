/**
 * A Distribution registry (distribution/distribution v2.8, `registry/handlers/*.go`, storage
 * layout of `registry/storage/paths.go`), kept in a filesystem so that a `registry:2`
 * container's data lives in its `/var/lib/registry` (lost with the container unless a volume is
 * mounted there) and the simulated Docker Hub's in a private tree:
 *
 *   <root>/docker/registry/v2/blobs/sha256/<2 hex>/<hex>/data          the blob (size; bytes for JSON blobs)
 *   <root>/docker/registry/v2/repositories/<name>/_layers/sha256/<hex>/link
 *   <root>/docker/registry/v2/repositories/<name>/_manifests/revisions/sha256/<hex>/link
 *   <root>/docker/registry/v2/repositories/<name>/_manifests/tags/<tag>/current/link
 *   <root>/docker/registry/v2/repositories/<name>/_manifests/tags/<tag>/index/sha256/<hex>/link
 *   <root>/docker/registry/v2/repositories/<name>/_uploads/<uuid>/{data,startedat}
 *
 * Layer tarballs are not materialised: their files live in a content-addressed side table
 * (`LayerContents`, by compressed digest) shared by every registry of the machine, and the blob's
 * `data` file only has the blob's size. Read-only repositories (the Hub's `library/…`) can come
 * from a `RegistrySource` consulted after the storage.
 */
import type { Filesystem } from '../fs/filesystem.ts';
import { mkdirParents } from '../fs/filesystem.ts';
import { byteLength } from '../fs/tree.ts';
import { digestOf, digestHex, sha256Hex, validateDigest, type Digest } from '../image/digest.ts';
import type { LayerFile } from '../image/layer.ts';
import { MEDIA_TYPES } from '../image/manifest.ts';
import { byteOrder } from '../image/gojson.ts';

/** A layer blob's content (what pulling it unpacks). */
export interface LayerContent {
  readonly diffId: Digest;
  /** Uncompressed size. */
  readonly size: number;
  readonly compressedSize: number;
  readonly files: () => readonly LayerFile[];
}

/** The machine-wide side table of layer blobs, by compressed digest. */
export type LayerContents = Map<Digest, LayerContent>;

/** A manifest as served. */
export interface ManifestDoc {
  readonly mediaType: string;
  readonly bytes: string;
  readonly digest: Digest;
}

/** Read-only repositories behind the storage (the catalog on Docker Hub). */
export interface RegistrySource {
  repositories(): string[];
  hasRepository(repo: string): boolean;
  tags(repo: string): string[];
  manifest(repo: string, ref: string): ManifestDoc | undefined;
  /** Whether `repo` holds the blob, and its size. */
  blob(repo: string, digest: Digest): { size: number; bytes?: string } | undefined;
}

/** An HTTP exchange (what curl or the daemon's client sees). */
export interface HttpResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** distribution `registry/api/errcode` + `registry/api/v2/errors.go`. */
export const ERROR_CODES = {
  BLOB_UNKNOWN: { status: 404, message: 'blob unknown to registry' },
  BLOB_UPLOAD_UNKNOWN: { status: 404, message: 'blob upload unknown to registry' },
  DIGEST_INVALID: { status: 400, message: 'provided digest did not match uploaded content' },
  MANIFEST_UNKNOWN: { status: 404, message: 'manifest unknown' },
  MANIFEST_INVALID: { status: 400, message: 'manifest invalid' },
  MANIFEST_BLOB_UNKNOWN: { status: 400, message: 'blob unknown to registry' },
  NAME_UNKNOWN: { status: 404, message: 'repository name not known to registry' },
  NAME_INVALID: { status: 400, message: 'invalid repository name' },
  TAG_INVALID: { status: 400, message: 'manifest tag did not match URI' },
  UNSUPPORTED: { status: 405, message: 'The operation is unsupported.' },
  DENIED: { status: 403, message: 'requested access to the resource is denied' },
  UNAUTHORIZED: { status: 401, message: 'authentication required' },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** A registry error, as `errcode.Error` prints it: `manifest unknown: manifest unknown`. */
export class RegistryApiError {
  readonly code: ErrorCode;
  readonly detail: unknown;
  constructor(code: ErrorCode, detail?: unknown) {
    this.code = code;
    this.detail = detail;
  }
  get status(): number {
    return ERROR_CODES[this.code].status;
  }
  get message(): string {
    return ERROR_CODES[this.code].message;
  }
  /** errcode.ErrorCode.Error(): the code's title, lowercased with spaces (`name unknown`). */
  get title(): string {
    return this.code.toLowerCase().replace(/_/g, ' ');
  }
  /** errcode.Error.Error(). */
  toString(): string {
    return `${this.title}: ${this.message}`;
  }
  body(): string {
    const e: Record<string, unknown> = { code: this.code, message: this.message };
    if (this.detail !== undefined) e.detail = this.detail;
    return `${JSON.stringify({ errors: [e] })}\n`;
  }
}

const NAME_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;

/** distribution's repository-name grammar (path components, 255 chars max). */
export function validRepositoryName(name: string): boolean {
  return name.length > 0 && name.length <= 255 && name.split('/').every((c) => NAME_COMPONENT.test(c));
}

export interface UploadStart {
  /** 201: mounted from another repository; 202: upload session opened. */
  readonly status: 201 | 202;
  readonly location: string;
  readonly uuid: string;
  readonly digest?: Digest;
}

/** The blob and JSON-document store of one registry, addressed by its host (`docker.io`, `localhost:5000`). */
export class DistributionRegistry {
  readonly host: string;
  readonly fs: Filesystem;
  readonly root: string;
  readonly contents: LayerContents;
  readonly source: RegistrySource | null;
  readonly #now: () => number;
  #uploadSeq = 0;
  /** Bumped on every write. */
  rev = 0;
  /** The server's access log (set by `registry serve`): called for each request a client makes. */
  onAccess: ((method: string, path: string, status: number, bytes: number) => void) | null = null;

  constructor(opts: { host: string; fs: Filesystem; root: string; contents: LayerContents; now: () => number; source?: RegistrySource }) {
    this.host = opts.host;
    this.fs = opts.fs;
    this.root = opts.root.replace(/\/$/, '');
    this.contents = opts.contents;
    this.source = opts.source ?? null;
    this.#now = opts.now;
  }

  // ── paths (registry/storage/paths.go) ────────────────────────────────────────────────────

  get #v2(): string {
    return `${this.root}/docker/registry/v2`;
  }
  #blobData(d: Digest): string {
    const hex = digestHex(d);
    return `${this.#v2}/blobs/sha256/${hex.slice(0, 2)}/${hex}/data`;
  }
  #repo(name: string): string {
    return `${this.#v2}/repositories/${name}`;
  }
  #layerLink(name: string, d: Digest): string {
    return `${this.#repo(name)}/_layers/sha256/${digestHex(d)}/link`;
  }
  #revisionLink(name: string, d: Digest): string {
    return `${this.#repo(name)}/_manifests/revisions/sha256/${digestHex(d)}/link`;
  }
  #tagCurrent(name: string, tag: string): string {
    return `${this.#repo(name)}/_manifests/tags/${tag}/current/link`;
  }

  #write(path: string, content: string, size?: number): void {
    const dir = path.slice(0, path.lastIndexOf('/'));
    mkdirParents(this.fs, dir, this.#now());
    this.fs.writeFile(path, content, this.#now(), size === undefined ? {} : { size });
    this.rev += 1;
  }
  #read(path: string): string | undefined {
    const n = this.fs.lookup(path);
    if (typeof n === 'string' || n.type !== 'file') return undefined;
    return n.content;
  }
  #size(path: string): number | undefined {
    const n = this.fs.lookup(path);
    return typeof n === 'string' || n.type !== 'file' ? undefined : n.size;
  }

  /** Records one request a client (the daemon) made, in the server's access log. */
  access(method: string, path: string, status: number, bytes = 0): void {
    this.onAccess?.(method, path, status, bytes);
  }

  /** The `_state` token of an upload session's Location (an HMAC over the session in distribution). */
  uploadState(uuid: string, offset: number): string {
    const h = sha256Hex(`${this.host} state ${uuid} ${offset}`);
    let out = '';
    for (let i = 0; i < 96; i += 2) out += 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'[parseInt(h.slice(i % 64, (i % 64) + 2), 16) % 64];
    return `${out}%3D%3D`;
  }

  // ── queries ──────────────────────────────────────────────────────────────────────────────

  /** Repositories stored (with at least one manifest), sorted, then the source's. */
  repositories(): string[] {
    const out = new Set<string>();
    const walk = (dir: string, name: string) => {
      const entries = this.fs.list(dir);
      if (typeof entries === 'string') return;
      if (entries.some(([n]) => n === '_manifests')) out.add(name);
      for (const [n, node] of entries) if (node.type === 'dir' && !n.startsWith('_')) walk(`${dir}/${n}`, name ? `${name}/${n}` : n);
    };
    walk(`${this.#v2}/repositories`, '');
    for (const r of this.source?.repositories() ?? []) out.add(r);
    return [...out].sort(byteOrder);
  }

  /** Repositories in storage only (what was pushed here). */
  storedRepositories(): string[] {
    const src = new Set(this.source?.repositories() ?? []);
    return this.repositories().filter((r) => !src.has(r) || this.fs.exists(`${this.#repo(r)}/_manifests`));
  }

  hasRepository(name: string): boolean {
    return this.fs.exists(`${this.#repo(name)}/_manifests`) || this.fs.exists(`${this.#repo(name)}/_layers`) || (this.source?.hasRepository(name) ?? false);
  }

  /** Tags of a repository, sorted; null when the repository is unknown. */
  tags(name: string): string[] | null {
    if (!this.hasRepository(name)) return null;
    const out = new Set<string>(this.source?.hasRepository(name) ? this.source.tags(name) : []);
    const entries = this.fs.list(`${this.#repo(name)}/_manifests/tags`);
    if (typeof entries !== 'string') for (const [t] of entries) out.add(t);
    return [...out].sort(byteOrder);
  }

  /** The digest a tag points to, if stored. */
  tagDigest(name: string, tag: string): Digest | undefined {
    return this.#read(this.#tagCurrent(name, tag)) ?? this.source?.manifest(name, tag)?.digest;
  }

  /** Layer digests linked into a repository's storage. */
  layerLinks(name: string): Digest[] {
    const entries = this.fs.list(`${this.#repo(name)}/_layers/sha256`);
    return typeof entries === 'string' ? [] : entries.map(([hex]) => `sha256:${hex}`);
  }

  // ── blobs ────────────────────────────────────────────────────────────────────────────────

  /** HEAD /v2/<name>/blobs/<digest>: the blob's size when linked into `name`. */
  statBlob(name: string, digest: Digest): { size: number } | RegistryApiError {
    if (validateDigest(digest)) return new RegistryApiError('DIGEST_INVALID', digest);
    if (this.fs.exists(this.#layerLink(name, digest))) {
      const size = this.#size(this.#blobData(digest));
      if (size !== undefined) return { size };
    }
    const s = this.source?.blob(name, digest);
    if (s) return { size: s.size };
    return new RegistryApiError('BLOB_UNKNOWN', digest);
  }

  /** GET a JSON blob's bytes (configs). */
  readBlob(name: string, digest: Digest): string | RegistryApiError {
    const st = this.statBlob(name, digest);
    if (st instanceof RegistryApiError) return st;
    const bytes = this.#read(this.#blobData(digest)) ?? this.source?.blob(name, digest)?.bytes;
    return bytes ?? new RegistryApiError('BLOB_UNKNOWN', digest);
  }

  /**
   * POST /v2/<name>/blobs/uploads/[?mount=<digest>&from=<repo>]: a cross-repository mount
   * succeeds (201) when `from` holds the blob; otherwise an upload session opens (202).
   */
  startUpload(name: string, mount?: { digest: Digest; from: string }): UploadStart | RegistryApiError {
    if (!validRepositoryName(name)) return new RegistryApiError('NAME_INVALID', { Name: name });
    if (mount && !(this.statBlob(mount.from, mount.digest) instanceof RegistryApiError)) {
      this.#linkBlob(name, mount.digest, this.statBlob(mount.from, mount.digest) as { size: number });
      return { status: 201, location: `/v2/${name}/blobs/${mount.digest}`, uuid: '', digest: mount.digest };
    }
    this.#uploadSeq += 1;
    const h = sha256Hex(`${this.host} upload ${name} ${this.#uploadSeq} ${this.#now()}`);
    const uuid = `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
    this.#write(`${this.#repo(name)}/_uploads/${uuid}/startedat`, new Date(this.#now()).toISOString());
    this.#write(`${this.#repo(name)}/_uploads/${uuid}/data`, '', 0);
    return { status: 202, location: `/v2/${name}/blobs/uploads/${uuid}`, uuid };
  }

  /** PATCH <location>: appends `bytes` bytes (a chunk). Returns the new offset. */
  patchUpload(name: string, uuid: string, bytes: number): number | RegistryApiError {
    const path = `${this.#repo(name)}/_uploads/${uuid}/data`;
    const size = this.#size(path);
    if (size === undefined) return new RegistryApiError('BLOB_UPLOAD_UNKNOWN');
    this.#write(path, '', size + bytes);
    return size + bytes;
  }

  /**
   * PUT <location>?digest=<d>: completes an upload. JSON blobs bring their bytes (the digest is
   * checked); layer blobs bring their content for the side table.
   */
  completeUpload(name: string, uuid: string, digest: Digest, blob: { bytes: string } | { layer: LayerContent }): { digest: Digest; size: number } | RegistryApiError {
    const dir = `${this.#repo(name)}/_uploads/${uuid}`;
    if (!this.fs.exists(dir)) return new RegistryApiError('BLOB_UPLOAD_UNKNOWN');
    if (validateDigest(digest)) return new RegistryApiError('DIGEST_INVALID', digest);
    let size: number;
    if ('bytes' in blob) {
      if (digestOf(blob.bytes) !== digest) return new RegistryApiError('DIGEST_INVALID', digest);
      size = byteLength(blob.bytes);
      this.#write(this.#blobData(digest), blob.bytes);
    } else {
      size = blob.layer.compressedSize;
      this.contents.set(digest, blob.layer);
      this.#write(this.#blobData(digest), '', size);
    }
    this.fs.remove(dir, { recursive: true });
    this.#linkBlob(name, digest, { size });
    return { digest, size };
  }

  #linkBlob(name: string, digest: Digest, st: { size: number }): void {
    if (!this.fs.exists(this.#blobData(digest))) {
      const bytes = this.source?.blob(name, digest)?.bytes;
      this.#write(this.#blobData(digest), bytes ?? '', bytes === undefined ? st.size : undefined);
    }
    this.#write(this.#layerLink(name, digest), digest);
  }

  // ── manifests ────────────────────────────────────────────────────────────────────────────

  /** GET /v2/<name>/manifests/<tag|digest>. */
  getManifest(name: string, ref: string): ManifestDoc | RegistryApiError {
    const isDigest = ref.startsWith('sha256:');
    let digest: Digest | undefined;
    if (isDigest) digest = this.fs.exists(this.#revisionLink(name, ref)) ? ref : undefined;
    else digest = this.#read(this.#tagCurrent(name, ref));
    if (digest) {
      const bytes = this.#read(this.#blobData(digest));
      if (bytes !== undefined) return { mediaType: mediaTypeOf(bytes), bytes, digest };
    }
    const fromSource = this.source?.manifest(name, ref);
    if (fromSource) return fromSource;
    if (!this.hasRepository(name)) return new RegistryApiError('NAME_UNKNOWN', { name });
    return new RegistryApiError('MANIFEST_UNKNOWN', isDigest ? undefined : { Tag: ref });
  }

  /**
   * PUT /v2/<name>/manifests/<ref>: every blob the manifest names must be linked into the
   * repository (else MANIFEST_BLOB_UNKNOWN); tags move to the new digest.
   */
  putManifest(name: string, ref: string, bytes: string): { digest: Digest; size: number } | RegistryApiError {
    if (!validRepositoryName(name)) return new RegistryApiError('NAME_INVALID', { Name: name });
    let doc: { config?: { digest?: string }; layers?: { digest?: string }[]; manifests?: { digest?: string }[] };
    try {
      doc = JSON.parse(bytes) as typeof doc;
    } catch {
      return new RegistryApiError('MANIFEST_INVALID');
    }
    const digest = digestOf(bytes);
    if (ref.startsWith('sha256:') && ref !== digest) return new RegistryApiError('DIGEST_INVALID', ref);
    const needed = [doc.config?.digest, ...(doc.layers ?? []).map((l) => l.digest)].filter((d): d is string => !!d);
    for (const d of needed) if (this.statBlob(name, d) instanceof RegistryApiError) return new RegistryApiError('MANIFEST_BLOB_UNKNOWN', d);
    this.#write(this.#blobData(digest), bytes);
    this.#write(this.#revisionLink(name, digest), digest);
    if (!ref.startsWith('sha256:')) {
      this.#write(this.#tagCurrent(name, ref), digest);
      this.#write(`${this.#repo(name)}/_manifests/tags/${ref}/index/sha256/${digestHex(digest)}/link`, digest);
    }
    return { digest, size: byteLength(bytes) };
  }

  // ── HTTP (what curl sees) ────────────────────────────────────────────────────────────────

  /** Serves one request of the Distribution API v2 (routes of `registry/api/v2/routes.go`). */
  handle(method: string, url: string): HttpResponse {
    const base = { 'Docker-Distribution-Api-Version': 'registry/2.0', 'X-Content-Type-Options': 'nosniff' };
    const json = (status: number, value: unknown, extra: Record<string, string> = {}): HttpResponse => {
      const body = `${JSON.stringify(value)}\n`;
      return { status, headers: { ...base, 'Content-Type': 'application/json', 'Content-Length': String(byteLength(body)), ...extra }, body };
    };
    const fail = (e: RegistryApiError): HttpResponse => {
      const body = e.body();
      return { status: e.status, headers: { ...base, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(byteLength(body)) }, body: method === 'HEAD' ? '' : body };
    };
    const path = url.split('?')[0];
    const query = new URLSearchParams(url.includes('?') ? url.slice(url.indexOf('?') + 1) : '');
    if (path === '/v2/' || path === '/v2') return json(200, {});
    if (path === '/v2/_catalog') {
      const n = Number(query.get('n') ?? '0');
      const last = query.get('last') ?? '';
      let repos = this.storedRepositories().filter((r) => !last || byteOrder(r, last) > 0);
      if (n > 0) repos = repos.slice(0, n);
      return json(200, { repositories: repos });
    }
    let m = /^\/v2\/(.+)\/tags\/list$/.exec(path);
    if (m && (method === 'GET' || method === 'HEAD')) {
      const tags = this.tags(m[1]);
      if (!tags) return fail(new RegistryApiError('NAME_UNKNOWN', { name: m[1] }));
      return json(200, { name: m[1], tags });
    }
    m = /^\/v2\/(.+)\/manifests\/([^/]+)$/.exec(path);
    if (m && (method === 'GET' || method === 'HEAD')) {
      const r = this.getManifest(m[1], m[2]);
      if (r instanceof RegistryApiError) return fail(r);
      const headers = { ...base, 'Content-Type': r.mediaType, 'Content-Length': String(byteLength(r.bytes)), 'Docker-Content-Digest': r.digest, Etag: `"${r.digest}"` };
      return { status: 200, headers, body: method === 'HEAD' ? '' : r.bytes };
    }
    m = /^\/v2\/(.+)\/blobs\/(sha256:[^/]+)$/.exec(path);
    if (m && (method === 'GET' || method === 'HEAD')) {
      const st = this.statBlob(m[1], m[2]);
      if (st instanceof RegistryApiError) return fail(st);
      const bytes = this.#read(this.#blobData(m[2])) ?? '';
      const headers = { ...base, 'Accept-Ranges': 'bytes', 'Cache-Control': 'max-age=31536000', 'Content-Length': String(st.size), 'Content-Type': 'application/octet-stream', 'Docker-Content-Digest': m[2], Etag: `"${m[2]}"` };
      return { status: 200, headers, body: method === 'HEAD' ? '' : bytes };
    }
    return fail(new RegistryApiError('UNSUPPORTED'));
  }
}

/** The media type of a stored manifest (its `mediaType` field; Docker schema 2 by default). */
export function mediaTypeOf(bytes: string): string {
  try {
    const doc = JSON.parse(bytes) as { mediaType?: string };
    return doc.mediaType ?? MEDIA_TYPES.ociManifest;
  } catch {
    return MEDIA_TYPES.dockerManifest;
  }
}

/**
 * The image store of dockerd's classic (graphdriver) mode: three stores in one, as in moby's
 * `daemon/images` — the layer store (read-only layers keyed by ChainID, reference-counted so a
 * base shared by many images is stored once), the image store (configs keyed by image ID =
 * config digest) and the reference store (tags and digests → image ID).
 *
 * Lifecycle: `add` registers a config and its layers (a pull, a build step, a commit); `tag` /
 * `addDigest` / `untag` move names; `resolve` finds an image the way `GetImage` does; `remove`
 * is `docker rmi` with moby's conflict rules; `rootfs` unpacks an image for a new container.
 */
import type { Disk } from '../fs/disk.ts';
import { cloneNode, FileTree } from '../fs/tree.ts';
import { chainIds, digestOf, digestHex, sha256Hex, validateDigest, type Digest } from './digest.ts';
import { byteOrder } from './gojson.ts';
import { parseImageConfig, type ImageConfigBody, type ImageConfigDoc, historyMatchesLayers } from './config.ts';
import { compressedDigestOf, type LayerFile } from './layer.ts';
import {
  familiarString,
  parseAnyReference,
  parseNormalizedNamed,
  referenceName,
  referenceString,
  tagNameOnly,
  trimNamed,
  withDigest,
  type Reference,
} from './reference.ts';
import { buildRootfs, layerTree } from './rootfs.ts';
import { imageHistory, inspectImage, listImages, type HistoryItem, type ImageSummary, type ListOptions } from './views.ts';

/** A read-only layer in the layer store. */
export interface LayerRecord {
  readonly chainId: Digest;
  /** ChainID of the layer below ('' for a base layer). */
  readonly parent: Digest;
  readonly diffId: Digest;
  /** Uncompressed size (DiffSize), what `docker history` shows. */
  readonly size: number;
  /** Digest and size of the compressed blob it was pulled as (or would be pushed as). */
  readonly digest: Digest;
  readonly compressedSize: number;
  /** overlay2 directory name under /var/lib/docker/overlay2. */
  readonly cacheId: string;
  readonly files: readonly LayerFile[];
}

/** An image in the image store. */
export interface ImageRecord {
  /** `sha256:` + hex sha256 of the config bytes. */
  readonly id: Digest;
  readonly configBytes: string;
  readonly doc: ImageConfigDoc;
  readonly diffIds: readonly Digest[];
  readonly chainIds: readonly Digest[];
  /** Sum of the layers' uncompressed sizes (`docker images` SIZE). */
  readonly size: number;
  /** Config `created`, Unix seconds (0 if absent). */
  readonly created: number;
  /** Parent image ID for legacy local builds; '' for pulled images. */
  readonly parent: Digest;
}

/** One layer of an image being added. */
export interface LayerInput {
  readonly diffId: Digest;
  readonly size: number;
  /** Compressed blob digest; derived from the diff_id when absent. */
  readonly digest?: Digest;
  readonly compressedSize?: number;
  readonly files: readonly LayerFile[] | (() => readonly LayerFile[]);
}

export interface AddImageInput {
  readonly configBytes: string;
  /** Bottom → top; must match the config's `rootfs.diff_ids`. */
  readonly layers: readonly LayerInput[];
  readonly parent?: Digest;
}

/** An error as data: a stable code, the HTTP status the daemon answers, the real message. */
export interface ImageError {
  readonly code: 'not-found' | 'invalid-reference' | 'invalid-config' | 'conflict' | 'invalid-tag' | 'no-space';
  readonly status: 400 | 404 | 409 | 500;
  readonly message: string;
}

export type ImageResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ImageError };

/** What `docker rmi` needs to know about containers. */
export interface ContainerImageUse {
  readonly id: string;
  readonly imageId: Digest;
  readonly running: boolean;
}

/** One line of `docker rmi` output (`DELETE /images/{name}` response items). */
export type DeleteRecord = { readonly Untagged: string } | { readonly Deleted: string };

/** The daemon's view of an image config (matches daemon/images.ts `ImageConfigView`). */
export interface ImageConfigView {
  readonly Cmd: string[] | null;
  readonly Entrypoint: string[] | null;
  readonly Env: string[];
  readonly WorkingDir: string;
  readonly User: string;
  readonly ExposedPorts?: Record<string, Record<string, never>>;
  readonly StopSignal?: string;
  readonly Labels: Record<string, string> | null;
  readonly Volumes: Record<string, Record<string, never>> | null;
  readonly OnBuild: string[] | null;
}

const ok = <T>(value: T): ImageResult<T> => ({ ok: true, value });
const err = (code: ImageError['code'], status: ImageError['status'], message: string): { ok: false; error: ImageError } => ({ ok: false, error: { code, status, message } });

/** Deterministic overlay2 cache ID for a chain (real ones are random 64-hex IDs). */
export function cacheIdFor(chainId: Digest): string {
  return sha256Hex(`overlay2-cache-id ${chainId}`);
}

function unixSeconds(rfc3339: string): number {
  if (!rfc3339) return 0;
  const ms = Date.parse(rfc3339);
  return Number.isNaN(ms) ? 0 : Math.floor(ms / 1000);
}

function configView(c: ImageConfigBody): ImageConfigView {
  return {
    Cmd: c.Cmd && c.Cmd.length > 0 ? [...c.Cmd] : null,
    Entrypoint: c.Entrypoint && c.Entrypoint.length > 0 ? [...c.Entrypoint] : null,
    Env: [...(c.Env ?? [])],
    WorkingDir: c.WorkingDir ?? '',
    User: c.User ?? '',
    ...(c.ExposedPorts && Object.keys(c.ExposedPorts).length > 0 ? { ExposedPorts: { ...c.ExposedPorts } } : {}),
    ...(c.StopSignal ? { StopSignal: c.StopSignal } : {}),
    Labels: c.Labels && Object.keys(c.Labels).length > 0 ? { ...c.Labels } : null,
    Volumes: c.Volumes && Object.keys(c.Volumes).length > 0 ? { ...c.Volumes } : null,
    OnBuild: c.OnBuild && c.OnBuild.length > 0 ? [...c.OnBuild] : null,
  };
}

function isCanonical(ref: Reference): boolean {
  return ref.digest !== '';
}

export class ImageStore {
  readonly #layers = new Map<Digest, LayerRecord>();
  readonly #layerRefs = new Map<Digest, number>();
  readonly #images = new Map<Digest, ImageRecord>();
  /** referenceString (tagged or canonical) → image ID. */
  readonly #refs = new Map<string, { ref: Reference; id: Digest }>();
  readonly #lastTagTime = new Map<Digest, string>();
  readonly #rootfsCache = new Map<Digest, FileTree>();
  /** Unpacked layers (overlay2 `diff/` dirs), shared by every container mounting them. */
  readonly #diffDirs = new Map<Digest, FileTree>();
  /** Bumped on every change. */
  rev = 0;
  /** The disk unpacked layers take (overlay2 `diff/` dirs, each layer once); null: unlimited. */
  disk: Disk | null = null;

  // ── layers ─────────────────────────────────────────────────────────────────────────────────

  /** The layer with this ChainID. */
  layer(chainId: Digest): LayerRecord | undefined {
    return this.#layers.get(chainId);
  }

  hasChain(chainId: Digest): boolean {
    return this.#layers.has(chainId);
  }

  /** Whether any stored layer has this diff_id (on any parent chain). */
  layerPresent(diffId: Digest): boolean {
    for (const l of this.#layers.values()) if (l.diffId === diffId) return true;
    return false;
  }

  /** All layers, sorted by ChainID. */
  layers(): LayerRecord[] {
    return [...this.#layers.values()].sort((a, b) => byteOrder(a.chainId, b.chainId));
  }

  /** How many images use this layer (0 when unknown). */
  layerRefCount(chainId: Digest): number {
    return this.#layerRefs.get(chainId) ?? 0;
  }

  /** The layers of an image, bottom → top. */
  imageLayers(id: Digest): LayerRecord[] {
    const img = this.#images.get(id);
    return img ? img.chainIds.map((c) => this.#layers.get(c)!) : [];
  }

  // ── images ─────────────────────────────────────────────────────────────────────────────────

  get(id: Digest): ImageRecord | undefined {
    return this.#images.get(id);
  }

  has(id: Digest): boolean {
    return this.#images.has(id);
  }

  /** All images, sorted by ID. */
  images(): ImageRecord[] {
    return [...this.#images.values()].sort((a, b) => byteOrder(a.id, b.id));
  }

  /** Images whose parent is `id` (legacy builds). */
  children(id: Digest): ImageRecord[] {
    return this.images().filter((i) => i.parent === id);
  }

  /** Validates an image (config bytes + layers) without storing it. */
  check(input: AddImageInput): ImageResult<{ id: Digest; doc: ImageConfigDoc }> {
    const doc = parseImageConfig(input.configBytes);
    if (!doc) return err('invalid-config', 500, 'invalid image config: cannot parse JSON');
    if (doc.diffIds.length !== input.layers.length || doc.diffIds.some((d, i) => d !== input.layers[i].diffId)) {
      return err('invalid-config', 500, 'layers from manifest don\'t match image configuration');
    }
    if (!historyMatchesLayers(doc)) return err('invalid-config', 500, 'too many non-empty layers in History section');
    if (input.parent && !this.#images.has(input.parent)) return err('not-found', 404, `No such image: ${input.parent}`);
    return ok({ id: digestOf(input.configBytes), doc });
  }

  /** Registers an image and any of its layers not yet stored. Idempotent for a known config. */
  add(input: AddImageInput): ImageResult<{ image: ImageRecord; newLayers: Digest[] }> {
    const c = this.check(input);
    if (!c.ok) return c;
    const { id, doc } = c.value;
    const existing = this.#images.get(id);
    if (existing) return ok({ image: existing, newLayers: [] });
    const chains = chainIds(doc.diffIds);
    // Unpacking a layer that does not fit fails the whole registration: no partial image.
    const fresh = new Map<Digest, number>();
    input.layers.forEach((l, i) => {
      if (!this.#layers.has(chains[i])) fresh.set(chains[i], l.size);
    });
    const needed = [...fresh.values()].reduce((n, b) => n + b, 0);
    if (this.disk && !this.disk.fits(needed)) return err('no-space', 500, 'failed to register layer: no space left on device');
    const newLayers: Digest[] = [];
    let size = 0;
    input.layers.forEach((l, i) => {
      size += l.size;
      const chainId = chains[i];
      if (this.#layers.has(chainId)) return;
      const digest = l.digest ?? compressedDigestOf(l.diffId);
      const files = typeof l.files === 'function' ? l.files() : l.files;
      this.#layers.set(chainId, {
        chainId,
        parent: i === 0 ? '' : chains[i - 1],
        diffId: l.diffId,
        size: l.size,
        digest,
        compressedSize: l.compressedSize ?? 0,
        cacheId: cacheIdFor(chainId),
        files,
      });
      newLayers.push(chainId);
      this.disk?.charge(l.size);
    });
    for (const ch of chains) this.#layerRefs.set(ch, (this.#layerRefs.get(ch) ?? 0) + 1);
    const image: ImageRecord = {
      id,
      configBytes: input.configBytes,
      doc,
      diffIds: [...doc.diffIds],
      chainIds: chains,
      size,
      created: unixSeconds(doc.created),
      parent: input.parent ?? '',
    };
    this.#images.set(id, image);
    this.rev += 1;
    return ok({ image, newLayers });
  }

  // ── references ─────────────────────────────────────────────────────────────────────────────

  /** The references to an image, sorted as the reference store sorts them. */
  references(id: Digest): Reference[] {
    const out: Reference[] = [];
    for (const { ref, id: target } of this.#refs.values()) if (target === id) out.push(ref);
    return out.sort((a, b) => byteOrder(referenceString(a), referenceString(b)));
  }

  /** RepoTags: familiar `name:tag` strings. */
  repoTags(id: Digest): string[] {
    return this.references(id).filter((r) => !isCanonical(r)).map(familiarString);
  }

  /** RepoDigests: familiar `name@sha256:…` strings. */
  repoDigests(id: Digest): string[] {
    return this.references(id).filter(isCanonical).map(familiarString);
  }

  /** refstore.Get: the image a name points to (a bare name means `:latest`; a digest wins over a tag). */
  lookupReference(ref: Reference): Digest | undefined {
    let key: Reference;
    if (isCanonical(ref)) key = { ...trimNamed(ref), digest: ref.digest };
    else key = tagNameOnly(ref);
    return this.#refs.get(referenceString(key))?.id;
  }

  /**
   * `docker tag` (`POST /images/{name}/tag`): points a tag at an image, moving it if it existed.
   * `time` (RFC 3339 nano) becomes Metadata.LastTagTime.
   */
  tag(id: Digest, ref: Reference, time = ''): ImageResult<Reference> {
    if (!this.#images.has(id)) return err('not-found', 404, `No such image: ${id}`);
    if (isCanonical(ref)) return err('invalid-tag', 400, 'refusing to create a tag with a digest reference');
    const tagged = tagNameOnly(ref);
    if (familiarString({ ...tagged, tag: '' }) === 'sha256') return err('invalid-tag', 400, 'refusing to create an ambiguous tag using digest algorithm as name');
    this.#refs.set(referenceString(tagged), { ref: tagged, id });
    if (time) this.#lastTagTime.set(id, time);
    this.rev += 1;
    return ok(tagged);
  }

  /** Records a digest reference (`nginx@sha256:…`, RepoDigests) after a pull or push. */
  addDigest(ref: Reference, id: Digest): ImageResult<Reference> {
    if (!this.#images.has(id)) return err('not-found', 404, `No such image: ${id}`);
    const r = withDigest(trimNamed(ref), ref.digest);
    if (!r.ok) return err('invalid-reference', 400, r.error.message);
    this.#refs.set(referenceString(r.ref), { ref: r.ref, id });
    this.rev += 1;
    return ok(r.ref);
  }

  /** Removes a tag or digest reference (a bare name means `:latest`). Returns whether it existed. */
  untag(ref: Reference): boolean {
    const key = referenceString(isCanonical(ref) ? { ...trimNamed(ref), digest: ref.digest } : tagNameOnly(ref));
    const had = this.#refs.delete(key);
    if (had) this.rev += 1;
    return had;
  }

  /** Metadata.LastTagTime (Go's zero time when never tagged locally). */
  lastTagTime(id: Digest): string {
    return this.#lastTagTime.get(id) ?? '0001-01-01T00:00:00Z';
  }

  // ── lookup ─────────────────────────────────────────────────────────────────────────────────

  /** digestset.Lookup: an image ID from a full or short ID, with or without `sha256:`. */
  searchId(term: string): Digest | 'ambiguous' | undefined {
    let alg = '';
    let hex = term;
    if (validateDigest(term) !== 'format') {
      const i = term.indexOf(':');
      alg = term.slice(0, i);
      hex = term.slice(i + 1);
    }
    const matches: Digest[] = [];
    for (const id of this.#images.keys()) {
      const [idAlg, idHex] = [id.slice(0, id.indexOf(':')), digestHex(id)];
      if (alg && alg !== idAlg) continue;
      if (idHex === hex) return id;
      if (idHex.startsWith(hex)) matches.push(id);
    }
    if (matches.length === 0) return undefined;
    return matches.length === 1 ? matches[0] : 'ambiguous';
  }

  /**
   * `GetImage`: resolves a name (`nginx`, `nginx:1.27`, `nginx@sha256:…`) or an image ID (full or
   * any unique prefix, with or without `sha256:`) like the daemon does.
   */
  resolve(refOrId: string): ImageResult<ImageRecord> {
    const parsed = parseAnyReference(refOrId);
    if (!parsed.ok) return err('invalid-reference', 400, parsed.error.message);
    const any = parsed.ref;
    if (any.kind === 'digest') {
      const img = this.#images.get(any.digest);
      return img ? ok(img) : err('not-found', 404, `No such image: ${any.digest}`);
    }
    const byRef = this.lookupReference(any.ref);
    if (byRef) {
      const img = this.#images.get(byRef);
      if (img) return ok(img);
    }
    const byId = this.searchId(refOrId);
    if (byId && byId !== 'ambiguous') return ok(this.#images.get(byId)!);
    return err('not-found', 404, `No such image: ${familiarString(tagNameOnly(any.ref))}`);
  }

  /** daemon ImageService.find: the image for a reference or ID, or undefined. */
  find(ref: string): { readonly id: Digest; readonly config: ImageConfigView } | undefined {
    const r = this.resolve(ref);
    return r.ok ? { id: r.value.id, config: configView(r.value.doc.config) } : undefined;
  }

  /** The config an image gives its containers (Cmd, Entrypoint, Env, …). */
  configView(id: Digest): ImageConfigView | undefined {
    const img = this.#images.get(id);
    return img ? configView(img.doc.config) : undefined;
  }

  // ── Engine API views ───────────────────────────────────────────────────────────────────────

  /** `GET /images/json` rows, newest first. */
  list(opts: ListOptions = {}): ImageSummary[] {
    return listImages(this, opts);
  }

  /** `GET /images/{name}/json` for an image ID. */
  inspect(id: Digest): Record<string, unknown> | undefined {
    return inspectImage(this, id);
  }

  /** `GET /images/{name}/history` for an image ID. */
  history(id: Digest): HistoryItem[] | undefined {
    return imageHistory(this, id);
  }

  // ── root filesystems ───────────────────────────────────────────────────────────────────────

  /** A fresh, writable file tree with the image's layers applied (for a container's rootfs). */
  rootfs(id: Digest): FileTree {
    let template = this.#rootfsCache.get(id);
    if (!template) {
      const img = this.#images.get(id);
      template = buildRootfs(img ? img.chainIds.map((c) => this.#layers.get(c)!.files) : []);
      this.#rootfsCache.set(id, template);
    }
    const copy = new FileTree(template.root.mtime);
    const root = cloneNode(template.root);
    copy.root.mode = root.mode;
    copy.root.children = root.children;
    return copy;
  }

  /**
   * The image's layers as overlay lower dirs, top → bottom (`GraphDriver.Data.LowerDir` order).
   * Each is unpacked once and shared read-only by every container of every image using it.
   */
  lowerDirs(id: Digest): FileTree[] {
    const img = this.#images.get(id);
    if (!img) return [];
    return img.chainIds.map((c) => {
      let t = this.#diffDirs.get(c);
      if (!t) {
        t = layerTree(this.#layers.get(c)!.files);
        this.#diffDirs.set(c, t);
      }
      return t;
    }).reverse();
  }

  /** Same as `rootfs`. */
  rootfsFor(id: Digest): FileTree {
    return this.rootfs(id);
  }

  // ── removal (`docker rmi`) ─────────────────────────────────────────────────────────────────

  /**
   * `DELETE /images/{name}` (moby `daemon/images/image_delete.go`). `containers` lists the
   * containers that exist (in creation order; the first match is named in conflicts).
   */
  remove(name: string, opts: { force?: boolean; prune?: boolean }, containers: readonly ContainerImageUse[]): ImageResult<DeleteRecord[]> {
    const force = opts.force === true;
    const prune = opts.prune !== false;
    const found = this.resolve(name);
    if (!found.ok) return found;
    const imgId = found.value.id;
    const records: DeleteRecord[] = [];
    let repoRefs = this.references(imgId);
    let removedRepositoryRef = false;

    if (!isImageIdPrefix(imgId, name)) {
      if (!force && isSingleReference(repoRefs)) {
        const ctr = containers.find((c) => c.imageId === imgId);
        if (ctr) {
          return err('conflict', 409, `conflict: unable to remove repository reference "${name}" (must force) - container ${ctr.id.slice(0, 12)} is using its referenced image ${digestHex(imgId).slice(0, 12)}`);
        }
      }
      const p = parseNormalizedNamed(name);
      if (!p.ok) return err('invalid-reference', 400, p.error.message);
      const parsedRef = removeRefForm(p.ref);
      this.untag(parsedRef);
      records.push({ Untagged: familiarString(parsedRef) });
      repoRefs = this.references(imgId);
      if (!isCanonical(parsedRef)) {
        const name0 = referenceName(parsedRef);
        const foundTag = repoRefs.some((r) => !isCanonical(r) && referenceName(r) === name0);
        if (!foundTag) {
          const remaining: Reference[] = [];
          for (const r of repoRefs) {
            if (isCanonical(r) && referenceName(r) === name0) {
              this.untag(r);
              records.push({ Untagged: familiarString(r) });
            } else remaining.push(r);
          }
          repoRefs = remaining;
        }
      }
      if (repoRefs.length > 0) return ok(records);
      removedRepositoryRef = true;
    } else if (isSingleReference(repoRefs)) {
      const conflict = this.#checkConflict(imgId, force ? HARD : HARD | STOPPED, containers);
      if (conflict) return { ok: false, error: conflict.error };
      for (const r of repoRefs) {
        const parsedRef = removeRefForm(r);
        this.untag(parsedRef);
        records.push({ Untagged: familiarString(parsedRef) });
      }
    }
    const e = this.#deleteHelper(imgId, records, force, prune, removedRepositoryRef, containers);
    return e ?? ok(records);
  }

  /** checkImageDeleteConflict; `used` marks conflicts caused by a container. */
  #checkConflict(id: Digest, mask: number, containers: readonly ContainerImageUse[]): { ok: false; error: ImageError; used: boolean } | null {
    const short = digestHex(id).slice(0, 12);
    const conflict = (hard: boolean, used: boolean, msg: string) => ({
      ...err('conflict', 409, `conflict: unable to delete ${short} (${hard ? 'cannot be forced' : 'must be forced'}) - ${msg}`),
      used,
    });
    if (mask & CHILD && this.children(id).length > 0) return conflict(true, false, 'image has dependent child images');
    if (mask & RUNNING) {
      const c = containers.find((x) => x.imageId === id && x.running);
      if (c) return conflict(true, true, `image is being used by running container ${c.id.slice(0, 12)}`);
    }
    if (mask & REFERENCED && this.references(id).length > 0) return conflict(false, false, 'image is referenced in multiple repositories');
    if (mask & STOPPED) {
      const c = containers.find((x) => x.imageId === id && !x.running);
      if (c) return conflict(false, true, `image is being used by stopped container ${c.id.slice(0, 12)}`);
    }
    return null;
  }

  #deleteHelper(id: Digest, records: DeleteRecord[], force: boolean, prune: boolean, quiet: boolean, containers: readonly ContainerImageUse[]): { ok: false; error: ImageError } | null {
    const conflict = this.#checkConflict(id, force ? HARD : HARD | SOFT, containers);
    if (conflict) {
      const dangling = this.references(id).length === 0 && this.children(id).length === 0;
      if (quiet && (!dangling || conflict.used)) return null;
      return { ok: false, error: conflict.error };
    }
    const img = this.#images.get(id)!;
    for (const r of this.references(id)) {
      const parsedRef = removeRefForm(r);
      this.untag(parsedRef);
      records.push({ Untagged: familiarString(parsedRef) });
    }
    this.#images.delete(id);
    this.#rootfsCache.delete(id);
    this.#lastTagTime.delete(id);
    records.push({ Deleted: id });
    for (let i = img.chainIds.length - 1; i >= 0; i--) {
      const ch = img.chainIds[i];
      const n = (this.#layerRefs.get(ch) ?? 1) - 1;
      if (n > 0) {
        this.#layerRefs.set(ch, n);
        continue;
      }
      this.#layerRefs.delete(ch);
      this.disk?.charge(-(this.#layers.get(ch)?.size ?? 0));
      this.#layers.delete(ch);
      this.#diffDirs.delete(ch);
      records.push({ Deleted: ch });
    }
    this.rev += 1;
    if (!prune || !img.parent || !this.#images.has(img.parent)) return null;
    return this.#deleteHelper(img.parent, records, false, true, true, containers);
  }
}

const CHILD = 1;
const RUNNING = 2;
const REFERENCED = 4;
const STOPPED = 8;
const HARD = CHILD | RUNNING;
const SOFT = REFERENCED | STOPPED;

/** removeImageRef's normalisation: a tag-less name means `:latest`. */
function removeRefForm(ref: Reference): Reference {
  return isCanonical(ref) ? { ...trimNamed(ref), digest: ref.digest } : tagNameOnly(ref);
}

/** isImageIDPrefix: whether `name` is a prefix of the ID (with or without `sha256:`). */
export function isImageIdPrefix(imageId: Digest, name: string): boolean {
  return imageId.startsWith(name) || digestHex(imageId).startsWith(name);
}

/** isSingleReference: all references in one repository, and at most one of them a tag. */
export function isSingleReference(refs: readonly Reference[]): boolean {
  if (refs.length <= 1) return refs.length === 1;
  let single: Reference | null = null;
  const canonicalNames = new Set<string>();
  for (const r of refs) {
    if (isCanonical(r)) canonicalNames.add(referenceName(r));
    else if (single === null) single = r;
    else return false;
  }
  if (single === null) single = refs[0];
  return canonicalNames.size === 1 && canonicalNames.has(referenceName(single));
}

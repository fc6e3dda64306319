/**
 * dockerd's embedded BuildKit solving a Dockerfile (bk: frontend/dockerfile/dockerfile2llb,
 * solver/jobs.go, exporter/containerimage): load the Dockerfile, resolve each base image's
 * config (`load metadata for …`, locally unless `--pull`), load `.dockerignore` and the build
 * context, then run the steps of the stages the target needs, each a cache hit only if its
 * parent hit and its own key matches, and export the final stage as an image in the daemon's
 * image store (classic store: the ID is the config digest), tagged with the `-t` names.
 *
 * Lifecycle of a build: solve() reports every vertex to a Progress; any failure throws a
 * BuildFailure (message, the Dockerfile lines it points at) and leaves no image and no tag —
 * only the cache records of the steps that completed.
 */
import type { Daemon } from '../daemon/daemon.ts';
import { store } from '../daemon/router/images.ts';
import type { RemoteImage } from '../daemon/router/pull.ts';
import { BANDWIDTH, EXTRACT_RATE } from '../daemon/router/pull.ts';
import { OverlayFs } from '../fs/overlay.ts';
import { FileTree, normalizePath } from '../fs/tree.ts';
import type { Filesystem } from '../fs/filesystem.ts';
import { parseImageConfig, serializeImageConfig, goQuote, type HistoryEntry, type ImageConfigBody, type ImageConfigDoc } from '../image/config.ts';
import { digestOf, sha256Hex, type Digest } from '../image/digest.ts';
import { diffIdOf, type LayerFile } from '../image/layer.ts';
import { familiarString, parseNormalizedNamed, referenceString, tagNameOnly, type Reference } from '../image/reference.ts';
import { layerFilesOf, layerTree } from '../image/rootfs.ts';
import type { Wait } from '../kernel/process.ts';
import { BuildCache, newBuildkitId, type CacheRecord, type LayerRef } from './cache.ts';
import { contextView, readContext, type BuildContext } from './context.ts';
import { resolveGroup, resolveUser } from './users.ts';
import { copyInto, matchesChecksum, matchSource, writeHeredoc, type SourceMatch } from './copy.ts';
import { dispatchMeta, withShell, type ImageState } from './dispatch.ts';
import { execInContainer } from './exec.ts';
import { envMap, processWord, processWords } from './expand.ts';
import { DockerfileError, parseDockerfileText, type ArgDecl, type Instruction, type LintWarning, type Loc, type Stage } from './instructions.ts';
import { Progress, unitsBytes, type Vertex } from './progress.ts';
import { findStage, prefixCommand, stageDisplayName, stageTotal, type Numbering } from './stages.ts';

type Gen<T> = Generator<Wait, T, unknown>;

export interface BuildOptions {
  /** Basename shown in `load build definition from …` and error excerpts. */
  readonly dockerfileName: string;
  /** The Dockerfile's text, or null when it does not exist. */
  readonly dockerfile: string | null;
  /** Host filesystem and absolute context directory. */
  readonly hostFs: FileTree;
  readonly contextDir: string;
  readonly tags: readonly Reference[];
  readonly buildArgs: ReadonlyMap<string, string>;
  readonly labels: Readonly<Record<string, string>>;
  readonly target: string;
  readonly noCache: boolean;
  readonly pull: boolean;
}

/** A failed build: BuildKit's message and the Dockerfile lines it points at. */
export class BuildFailure extends Error {
  readonly loc: Loc | null;
  readonly vertex: Vertex | null;
  constructor(message: string, loc: Loc | null, vertex: Vertex | null) {
    super(message);
    this.loc = loc;
    this.vertex = vertex;
  }
}

export interface BuildResult {
  readonly imageId: Digest;
  readonly warnings: readonly LintWarning[];
}

/** A stage's result so far: the layers, the image config, and the cache key of its filesystem. */
interface StageState {
  key: string;
  layers: LayerRef[];
  image: ImageState;
  history: HistoryEntry[];
  architecture: string;
  os: string;
  /** ARGs declared in the stage, with their values (null: declared, no value). */
  args: Map<string, string | null>;
}

type BaseRef = { readonly kind: 'scratch' } | { readonly kind: 'stage'; readonly stage: Stage } | { readonly kind: 'image'; readonly ref: Reference };

interface ResolvedImage {
  readonly ref: Reference;
  readonly doc: ImageConfigDoc;
  readonly configDigest: Digest;
  readonly layers: LayerRef[];
  /** Manifest digest when resolved on the registry (the FROM vertex pins it), else null. */
  readonly remote: RemoteImage | null;
}

/** Predefined platform ARGs (bk: dockerfile2llb/platform.go) of this linux/amd64 host. */
const PLATFORM_ARGS: Record<string, string> = {
  BUILDPLATFORM: 'linux/amd64', BUILDOS: 'linux', BUILDARCH: 'amd64', BUILDVARIANT: '',
  TARGETPLATFORM: 'linux/amd64', TARGETOS: 'linux', TARGETARCH: 'amd64', TARGETVARIANT: '',
};
const DEFAULT_PATH_ENV = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const BUILDKIT_COMMENT = 'buildkit.dockerfile.v0';

const key = (...parts: string[]) => sha256Hex(parts.join('\0'));

function diffSize(files: readonly LayerFile[]): number {
  return files.reduce((s, f) => s + (f.type === 'dir' ? 0 : f.type === 'symlink' ? f.target.length : f.size), 0);
}

/** uppercaseCmd: the instruction word upper-cased. */
function uppercaseCmd(s: string): string {
  const i = s.search(/\s/);
  return i < 0 ? s.toUpperCase() : s.slice(0, i).toUpperCase() + s.slice(i);
}

/** runCommandString: `|2 A=1 B=2 /bin/sh -c …` when build args are in scope. */
function runCommandString(args: readonly string[], buildArgs: readonly [string, string][]): string {
  const pre = buildArgs.length ? [`|${buildArgs.length}`, ...buildArgs.map(([k, v]) => `${k}=${v}`)] : [];
  return [...pre, ...args].join(' ');
}

/** `/bin/sh -c echo hi` — summarizeHeredoc's `(first line...)` for heredoc RUNs. */
function summarizeHeredoc(doc: string): string {
  const lines = doc.trim().split('\n');
  return lines[0] + (lines.length > 1 ? '...' : '');
}

/** normalizeLayersAndHistory: history entries without a time get the first new layer's (or the previous) time. */
export function fillHistoryTimes(history: readonly HistoryEntry[]): HistoryEntry[] {
  let created: string | undefined;
  let gap = false;
  for (const h of history) {
    if (h.created) {
      created = h.created;
      if (gap) break;
    } else gap = true;
  }
  gap = false;
  return history.map((h) => {
    if (h.created) {
      if (gap) created = h.created;
      return h;
    }
    gap = true;
    return { ...h, created };
  });
}

export class BuildKit {
  readonly d: Daemon;
  readonly cache = new BuildCache();
  /** Unpacked layers (snapshots) by diff_id, shared by the steps that mount them. */
  readonly #trees = new Map<string, FileTree>();
  /** Layers already fetched from the registry by earlier builds (diff_id). */
  readonly #pulled = new Set<string>();
  /** Per context directory: what the last transfer sent (path → checksum). */
  readonly #transfers = new Map<string, Map<string, string>>();

  constructor(d: Daemon) {
    this.d = d;
  }

  #id(): string {
    return newBuildkitId(() => this.d.random.float());
  }

  #tree(l: LayerRef): FileTree {
    let t = this.#trees.get(l.diffId);
    if (!t) {
      t = layerTree(l.files);
      this.#trees.set(l.diffId, t);
    }
    return t;
  }

  #mount(layers: readonly LayerRef[]): OverlayFs {
    const upper = new FileTree();
    upper.disk = this.d.disk;
    return new OverlayFs(layers.map((l) => this.#tree(l)).reverse(), upper, () => this.d.now);
  }

  *#sleep(ms: number): Gen<void> {
    if (ms > 0) yield { kind: 'sleep', ms };
  }

  // ── base images ─────────────────────────────────────────────────────────────────────────

  #local(ref: Reference): ResolvedImage | null {
    const s = store(this.d);
    const r = s.resolve(referenceString(ref));
    if (!r.ok) return null;
    const img = r.value;
    return {
      ref, doc: img.doc, configDigest: img.id, remote: null,
      layers: s.imageLayers(img.id).map((l) => ({ diffId: l.diffId, size: l.size, files: l.files, digest: l.digest, compressedSize: l.compressedSize })),
    };
  }

  /** ResolveImageConfig: local first (unless --pull), then the registry. Throws the registry's error text. */
  #resolve(ref: Reference, pull: boolean): ResolvedImage {
    if (!pull) {
      const local = this.#local(ref);
      if (local) return local;
    }
    const reg = this.d.registry;
    if (!reg) throw new Error('no registry configured');
    const remote = reg.resolve(ref);
    if ('status' in remote) {
      if (remote.message.startsWith('pull access denied')) throw new Error('pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed');
      if (remote.status === 404) throw new Error(`${referenceString(ref)}: not found`);
      throw new Error(`failed to do request: ${remote.message}`);
    }
    const doc = parseImageConfig(remote.configBytes);
    if (!doc) throw new Error('invalid image config');
    return {
      ref, doc, configDigest: digestOf(remote.configBytes), remote,
      layers: remote.layers.map((l) => ({ diffId: l.diffId, size: l.size, digest: l.digest, compressedSize: l.compressedSize, get files() { return l.files(); } })),
    };
  }

  // ── the build ───────────────────────────────────────────────────────────────────────────

  *#solve(o: BuildOptions, p: Progress): Gen<BuildResult> {
    const d = this.d;
    // 1. the Dockerfile
    const def = p.start(`[internal] load build definition from ${o.dockerfileName}`);
    yield* this.#sleep(12);
    p.statusNow(def, `transferring dockerfile: ${o.dockerfile === null ? 2 : new TextEncoder().encode(o.dockerfile).length}B`);
    let df: ReturnType<typeof parseDockerfileText>;
    try {
      if (o.dockerfile === null) {
        p.done(def);
        throw new BuildFailure(`failed to read dockerfile: open ${o.dockerfileName}: no such file or directory`, null, null);
      }
      df = parseDockerfileText(o.dockerfile);
    } catch (e) {
      if (def.completed === null) p.done(def);
      if (e instanceof DockerfileError) throw new BuildFailure(e.message, e.loc, null);
      throw e;
    }
    const checkSkip = (df.parsed.directives.check ?? '').split(';').find((s) => s.trim().startsWith('skip='))?.trim().slice(5).split(',') ?? [];
    const warnings = df.warnings.filter((w) => !checkSkip.includes('all') && !checkSkip.includes(w.rule));
    for (const w of warnings) p.warn(def, `${w.rule}: ${w.message} (line ${w.line})`);
    p.done(def);
    if (df.stages.length === 0) throw new BuildFailure('dockerfile contains no stages to build', null, null);
    const escape = df.parsed.escape;

    // 2. global ARGs, the target, the stages it needs
    const meta = new Map<string, string>(Object.entries(PLATFORM_ARGS));
    for (const a of df.metaArgs) {
      const v = o.buildArgs.get(a.key) ?? (a.value !== null ? processWord(a.value, meta, escape) : undefined);
      if (v !== undefined) meta.set(a.key, v);
      else meta.delete(a.key);
    }
    const stages = df.stages;
    let target = stages[stages.length - 1];
    if (o.target) {
      const t = stages.find((s) => s.name === o.target.toLowerCase());
      if (!t) throw new BuildFailure(`target stage "${o.target}" could not be found`, null, null);
      target = t;
    }
    const bases = new Map<Stage, BaseRef>();
    const imageRefs: { ref: Reference; loc: Loc; text: string }[] = [];
    const addImage = (text: string, loc: Loc): Reference => {
      const parsed = parseNormalizedNamed(text);
      if (!parsed.ok) throw new BuildFailure(`failed to parse stage name "${text}": ${parsed.error.message}`, loc, null);
      const ref = parsed.ref.digest ? parsed.ref : tagNameOnly(parsed.ref);
      if (!imageRefs.some((r) => referenceString(r.ref) === referenceString(ref))) imageRefs.push({ ref, loc, text });
      return ref;
    };
    const needed = new Set<Stage>();
    const copyFromImages = new Map<Instruction, Reference>();
    const visit = (s: Stage): void => {
      if (needed.has(s)) return;
      needed.add(s);
      let name: string;
      try {
        name = processWord(s.baseName, meta, escape);
      } catch (e) {
        throw new BuildFailure((e as Error).message, s.loc, null);
      }
      if (!name) throw new BuildFailure(`base name (${s.baseName}) should not be blank`, s.loc, null);
      const dep = findStage(stages, name, s.index, false);
      if (dep) {
        bases.set(s, { kind: 'stage', stage: dep });
        visit(dep);
      } else if (name === 'scratch') bases.set(s, { kind: 'scratch' });
      else bases.set(s, { kind: 'image', ref: addImage(name, s.loc) });
      for (const c of s.commands) {
        if (c.kind === 'COPY' && c.from) {
          const from = processWord(c.from, meta, escape);
          const st = findStage(stages, from, s.index, true);
          if (st) visit(st);
          else copyFromImages.set(c, addImage(from, c.loc));
        }
      }
    };
    visit(target);
    imageRefs.sort((a, b) => a.loc.start - b.loc.start);
    const order = stages.filter((s) => needed.has(s));

    // 3. metadata of the base images
    const resolved = new Map<string, ResolvedImage>();
    for (const r of imageRefs) {
      const name = referenceString(r.ref);
      const v = p.start(`[internal] load metadata for ${name}`);
      const local = o.pull ? null : this.#local(r.ref);
      if (local) {
        resolved.set(name, local);
        p.done(v);
        continue;
      }
      yield* this.#sleep(180 + this.d.random.int(120));
      const repo = r.ref.path;
      if (r.ref.domain === 'docker.io') {
        const auth = p.start(`[auth] ${repo}:pull token for registry-1.docker.io`);
        p.done(auth);
      }
      yield* this.#sleep(420 + this.d.random.int(300));
      try {
        resolved.set(name, this.#resolve(r.ref, true));
      } catch (e) {
        const msg = (e as Error).message;
        p.fail(v, msg);
        throw new BuildFailure(`${r.text}: failed to resolve source metadata for ${name}: ${msg}`, r.loc, v);
      }
      p.done(v);
    }

    // 4. .dockerignore and the context
    const ign = p.start('[internal] load .dockerignore');
    const ctx = readContext(o.hostFs, o.contextDir);
    yield* this.#sleep(8);
    p.statusNow(ign, `transferring context: ${ctx.dockerignoreSize || 2}B`);
    p.done(ign);

    // 5. the stages' bases (image sources) and their numbering
    const states = new Map<Stage, StageState>();
    const numbering = new Map<Stage, Numbering>();
    for (const s of order) {
      const base = bases.get(s)!;
      const triggers = base.kind === 'image' ? (resolved.get(referenceString(base.ref))!.doc.config.OnBuild ?? []) : [];
      const commands = [...this.#triggers(triggers, s), ...s.commands];
      (s as { commands: Instruction[] }).commands.splice(0, s.commands.length, ...commands);
      numbering.set(s, { name: stageDisplayName(s, stages.length), total: stageTotal(commands, base.kind === 'image'), index: 0 });
    }
    for (const s of order) {
      const base = bases.get(s)!;
      if (base.kind !== 'image') continue;
      const img = resolved.get(referenceString(base.ref))!;
      const pinned = img.remote ? `${referenceString(base.ref)}@${img.remote.manifestDigest}` : referenceString(base.ref);
      const v = p.start(prefixCommand(numbering.get(s)!, `FROM ${pinned}`), this.#stageLabel(s));
      const k = key('source', img.configDigest);
      const hit = !o.noCache ? this.cache.use(k, d.now) : undefined;
      if (hit) p.cached(v);
      else {
        if (img.remote) yield* this.#pull(p, v, pinned, img);
        this.cache.put({ id: this.#id(), key: k, type: 'regular', description: `pulled from ${pinned}`, layer: null, size: 0, created: d.clock.rfc3339Nano(), createdAt: d.now, lastUsedAt: d.now, usageCount: 1, mutable: false, hidden: true });
        p.done(v);
      }
    }
    // COPY --from=image sources are image vertices too.
    const copyImages = new Map<string, ResolvedImage>();
    for (const [, ref] of copyFromImages) {
      const img = resolved.get(referenceString(ref))!;
      copyImages.set(referenceString(ref), img);
    }

    let context: BuildContext | null = null;
    const usesContext = order.some((s) => s.commands.some((c) => (c.kind === 'COPY' || c.kind === 'ADD') && !(c.kind === 'COPY' && c.from) && c.sources.length > 0));
    if (usesContext) {
      const v = p.start('[internal] load build context');
      context = ctx;
      yield* this.#sleep(15);
      p.statusNow(v, `transferring context: ${unitsBytes(this.#transferSize(ctx))}`);
      p.done(v);
    }

    // 6. the steps
    const contextFs = context ? contextView(context) : null;
    for (const s of order) {
      const base = bases.get(s)!;
      let st: StageState;
      if (base.kind === 'scratch') {
        st = { key: key('scratch'), layers: [], image: { config: { Env: [DEFAULT_PATH_ENV], WorkingDir: '/' }, author: '', cmdSet: false }, history: [], architecture: 'amd64', os: 'linux', args: new Map() };
      } else if (base.kind === 'stage') {
        const from = states.get(base.stage)!;
        st = { ...from, layers: [...from.layers], history: [...from.history], image: { config: structuredClone(from.image.config), author: from.image.author, cmdSet: false }, args: new Map() };
      } else {
        const img = resolved.get(referenceString(base.ref))!;
        st = {
          key: key('source', img.configDigest), layers: [...img.layers], image: { config: structuredClone(img.doc.config), author: '', cmdSet: false },
          history: [...img.doc.history], architecture: img.doc.architecture || 'amd64', os: img.doc.os || 'linux', args: new Map(),
        };
      }
      if (st.image.config.OnBuild) st.image.config.OnBuild = null;
      const n = numbering.get(s)!;
      for (const c of s.commands) {
        try {
          yield* this.#dispatch(c, s, st, n, { o, p, meta, escape, states, stages, contextFs, copyImages, copyFromImages });
        } catch (e) {
          if (e instanceof BuildFailure) throw e;
          throw new BuildFailure(`dockerfile parse error on line ${c.loc.start}: ${(e as Error).message}`, c.loc, null);
        }
      }
      states.set(s, st);
    }

    // 7. export the target stage
    const final = states.get(target)!;
    const config: ImageConfigBody = structuredClone(final.image.config);
    if (Object.keys(o.labels).length) config.Labels = { ...(config.Labels ?? {}), ...o.labels };
    const history = fillHistoryTimes(final.history);
    const created = history.length ? (history[history.length - 1].created ?? '') : '';
    const doc: ImageConfigDoc = {
      architecture: final.architecture, os: final.os, created, author: final.image.author, comment: '', dockerVersion: '', config, history,
      diffIds: final.layers.map((l) => l.diffId),
    };
    const configBytes = serializeImageConfig(doc, 'buildkit');
    const imageId = digestOf(configBytes);
    const ex = p.start('exporting to image');
    const s = store(d);
    const newBytes = final.layers.filter((l) => !s.layerPresent(l.diffId)).reduce((n, l) => n + l.size, 0);
    const layersStatus = p.status(ex, 'exporting layers');
    yield* this.#sleep(newBytes > 0 ? 40 + Math.round(newBytes / (EXTRACT_RATE / 1000)) : 0);
    p.statusDone(ex, layersStatus);
    const added = s.add({ configBytes, layers: final.layers.map((l) => ({ diffId: l.diffId, size: l.size, digest: l.digest, compressedSize: l.compressedSize, files: l.files })) });
    if (!added.ok) {
      p.fail(ex, added.error.message);
      throw new BuildFailure(added.error.message, null, ex);
    }
    for (const l of final.layers) this.#pulled.add(l.diffId);
    yield* this.#sleep(3);
    p.statusNow(ex, `writing image ${imageId}`);
    for (const t of o.tags) {
      const r = s.tag(imageId, t, d.clock.rfc3339Nano());
      if (r.ok) d.emit('image', 'tag', imageId, { name: familiarString(t) });
      p.statusNow(ex, `naming to ${referenceString(t)}`);
    }
    p.done(ex);
    d.rev += 1;
    return { imageId, warnings };
  }

  #stageLabel(s: Stage): string {
    return s.name || String(s.index);
  }

  /** ONBUILD triggers of the base, parsed as instructions of this stage. */
  #triggers(triggers: readonly string[], s: Stage): Instruction[] {
    const out: Instruction[] = [];
    for (const t of triggers) {
      try {
        const df = parseDockerfileText(`FROM scratch\n${t}\n`);
        for (const c of df.stages[0]?.commands ?? []) out.push({ ...c, loc: s.loc } as Instruction);
      } catch {
        // an unparsable trigger is skipped
      }
    }
    return out;
  }

  /** Pulls the layers of a remote base not present yet (the FROM vertex's sub-statuses). */
  *#pull(p: Progress, v: Vertex, pinned: string, img: ResolvedImage): Gen<void> {
    p.statusNow(v, `resolve ${pinned}`);
    const s = store(this.d);
    for (const l of img.layers) {
      if (s.layerPresent(l.diffId) || this.#pulled.has(l.diffId)) continue;
      const total = l.compressedSize ?? l.size;
      const dl = p.status(v, (l.digest ?? l.diffId), 0, total);
      yield* this.#sleep(Math.max(10, Math.round((total / BANDWIDTH) * 1000)));
      p.statusDone(v, dl, total, total);
      const ex = p.status(v, `extracting ${l.digest ?? l.diffId}`);
      yield* this.#sleep(Math.max(10, Math.round((l.size / EXTRACT_RATE) * 1000)));
      p.statusDone(v, ex);
      this.#pulled.add(l.diffId);
    }
  }

  /** Bytes fsutil sends for the context: headers for every path, contents for new or changed files. */
  #transferSize(ctx: BuildContext): number {
    const last = this.#transfers.get(ctx.dir) ?? new Map<string, string>();
    const now = new Map<string, string>();
    let bytes = 2;
    for (const [path, n] of ctx.files) {
      const sum = n.type === 'file' ? sha256Hex(`${n.mode}\0${n.content}\0${n.size}`) : `${n.type}\0${n.mode}\0${n.target}`;
      now.set(path, sum);
      bytes += path.length + 24;
      if (n.type === 'file' && last.get(path) !== sum) bytes += n.size;
    }
    this.#transfers.set(ctx.dir, now);
    return bytes;
  }

  // ── one instruction ─────────────────────────────────────────────────────────────────────

  *#dispatch(c: Instruction, s: Stage, st: StageState, n: Numbering, env: DispatchEnv): Gen<void> {
    const { o, p, meta, escape } = env;
    const d = this.d;
    // The variables instructions expand against: the image's ENV over the stage's ARGs.
    const vars = new Map<string, string>();
    for (const [k, v] of st.args) if (v !== null) vars.set(k, v);
    for (const [k, v] of envMap(st.image.config.Env ?? [])) vars.set(k, v);
    const history = (createdBy: string, layer: boolean, created?: string) =>
      st.history.push({ ...(created ? { created } : {}), createdBy, comment: BUILDKIT_COMMENT, ...(layer ? {} : { emptyLayer: true }) });
    const displayName = (text: string) => {
      let shown = text;
      try {
        shown = processWord(text, vars, escape);
      } catch {
        shown = text;
      }
      return prefixCommand(n, uppercaseCmd(shown));
    };

    switch (c.kind) {
      case 'ARG': {
        const parts: string[] = [];
        for (const a of c.args) {
          const value = this.#argValue(a, o.buildArgs, meta, vars, escape);
          st.args.set(a.key, value);
          if (value !== null) vars.set(a.key, value);
          parts.push(a.value !== null ? `${a.key}=${value ?? ''}` : a.key);
        }
        history(`ARG ${parts.join(' ')}`, false);
        return;
      }
      case 'RUN':
        yield* this.#run(c, s, st, displayName, env);
        return;
      case 'COPY':
      case 'ADD':
        yield* this.#copy(c, s, st, displayName, vars, env);
        return;
      case 'WORKDIR': {
        const raw = processWord(c.path, vars, escape);
        const cur = st.image.config.WorkingDir || '/';
        const wd = normalizePath(raw.startsWith('/') ? raw : `${cur}/${raw}`);
        st.image.config.WorkingDir = wd;
        if (wd === '/') {
          history(`WORKDIR ${wd}`, false);
          return;
        }
        const v = p.start(displayName(c.original), this.#stageLabel(s));
        const k = key(st.key, 'mkdir', wd, st.image.config.User ?? '');
        const layer = yield* this.#step(v, k, st, `mkdir ${wd}`, function* (mount) {
          if (!mount.isDir(wd)) mount.mkdir(wd, d.now, { parents: true, mode: 0o755 });
          yield* [];
          return null;
        });
        history(`WORKDIR ${wd}`, layer !== null, layer?.created);
        return;
      }
      default: {
        let createdBy: string;
        try {
          createdBy = dispatchMeta(c, st.image, vars, escape);
        } catch (e) {
          throw new BuildFailure((e as Error).message, c.loc, null);
        }
        history(createdBy, false);
      }
    }
  }

  #argValue(a: ArgDecl, buildArgs: ReadonlyMap<string, string>, meta: ReadonlyMap<string, string>, vars: ReadonlyMap<string, string>, escape: string): string | null {
    const given = buildArgs.get(a.key);
    if (given !== undefined) return given;
    if (a.value !== null) return processWord(a.value, vars, escape);
    if (meta.has(a.key)) return meta.get(a.key)!;
    return null;
  }

  /**
   * Runs a step that makes a layer: a cache hit reuses the record's layer and time; a miss
   * mounts the stage's layers, lets `work` write into the mount (it may return an error
   * message), and records the upper dir as the layer.
   */
  *#step(v: Vertex, k: string, st: StageState, description: string, work: (mount: OverlayFs) => Gen<string | null>): Gen<{ layer: LayerRef | null; created: string } | null> {
    const d = this.d;
    const p = this.#progress!;
    const hit = this.#noCache ? undefined : this.cache.use(k, d.now);
    let rec: CacheRecord;
    if (hit) {
      rec = hit;
      v.layer = rec.layer?.diffId ?? null;
      p.cached(v);
    } else {
      const mount = this.#mount(st.layers);
      let error: string | null;
      try {
        error = yield* work(mount);
      } finally {
        // The step's upper dir becomes a cache record; only an exported image's layers stay counted (image store).
        mount.upper.release();
      }
      if (error !== null) {
        p.fail(v, error);
        throw new BuildFailure(error, this.#currentLoc, v);
      }
      const files = layerFilesOf(mount.upper);
      const layer: LayerRef | null = files.length ? { diffId: diffIdOf(files), size: diffSize(files), files } : null;
      rec = { id: this.#id(), key: k, type: 'regular', description, layer, size: layer?.size ?? 0, created: d.clock.rfc3339Nano(), createdAt: d.now, lastUsedAt: d.now, usageCount: 1, mutable: false, hidden: false };
      this.cache.put(rec);
      v.layer = layer?.diffId ?? null;
      p.done(v);
    }
    st.key = k;
    if (rec.layer) st.layers.push(rec.layer);
    return rec.layer ? { layer: rec.layer, created: rec.created } : null;
  }

  #progress: Progress | null = null;
  #noCache = false;
  #currentLoc: Loc | null = null;

  *run(o: BuildOptions, p: Progress): Gen<BuildResult> {
    this.#progress = p;
    this.#noCache = o.noCache;
    try {
      return yield* this.#solve(o, p);
    } finally {
      this.#progress = null;
    }
  }

  *#run(c: Extract<Instruction, { kind: 'RUN' }>, s: Stage, st: StageState, displayName: (t: string) => string, env: DispatchEnv): Gen<void> {
    const d = this.d;
    const p = env.p;
    let args = [...c.cmd];
    let name = c.original;
    if (c.heredocs.length > 0 && c.prependShell) {
      const only = args.length === 1 && args[0].trim() === `<<${c.heredocs[0].name}` || args[0]?.trim().startsWith('<<') && args[0].trim().split(/\s+/).length === 1;
      args = only ? [c.heredocs[0].content] : [args.join(' ') + c.heredocs.map((h) => `\n${h.content}${h.name}`).join('')];
      name += ` (${summarizeHeredoc(c.heredocs[0].content)})`;
    }
    const argv = c.prependShell ? withShell(st.image.config, args) : args;
    const buildArgs = [...st.args].filter((e): e is [string, string] => e[1] !== null);
    const runEnv = new Map<string, string>();
    for (const [k2, v2] of buildArgs) runEnv.set(k2, v2);
    for (const [k2, v2] of envMap(st.image.config.Env ?? [])) runEnv.set(k2, v2);
    const user = st.image.config.User ?? '';
    const cwd = st.image.config.WorkingDir || '/';
    this.#currentLoc = c.loc;
    const v = p.start(displayName(name), this.#stageLabel(s));
    const k = key(st.key, 'run', JSON.stringify({ argv, env: [...runEnv].sort(), user, cwd }));
    const result = yield* this.#step(v, k, st, `mount / from exec ${argv.join(' ')}`, function* (mount) {
      const who = resolveUser(mount, user);
      if ('error' in who) return who.error;
      if (!mount.isDir(cwd)) mount.mkdir(cwd, d.now, { parents: true });
      yield { kind: 'sleep', ms: 110 + d.random.int(60) };
      const r = yield* execInContainer(d, { id: newBuildkitId(() => d.random.float()), mount, argv, env: runEnv, cwd, uid: who.uid, user: who.name, output: (data) => p.output(v, data) }, () => p.tick(v));
      if ('error' in r) return r.error;
      yield { kind: 'sleep', ms: 25 + d.random.int(20) };
      if (r.exitCode !== 0) return `process ${goQuote(argv.join(' '))} did not complete successfully: exit code: ${r.exitCode}`;
      return null;
    });
    st.history.push({ ...(result ? { created: result.created } : {}), createdBy: `RUN ${runCommandString(argv, buildArgs)} # buildkit`, comment: BUILDKIT_COMMENT, ...(result ? {} : { emptyLayer: true }) });
  }

  *#copy(c: Extract<Instruction, { kind: 'COPY' | 'ADD' }>, s: Stage, st: StageState, displayName: (t: string) => string, vars: Map<string, string>, env: DispatchEnv): Gen<void> {
    const d = this.d;
    const { p, escape } = env;
    this.#currentLoc = c.loc;
    const v = p.start(displayName(c.original), this.#stageLabel(s));
    const expand = (w: string) => processWord(w, vars, escape);
    const sources = c.json ? c.sources.map(expand) : c.sources.flatMap((w) => processWords(w, vars, escape));
    let dest = expand(c.dest);
    const cwd = st.image.config.WorkingDir || '/';
    const destIsDir = dest.endsWith('/') || dest === '.' || sources.length + c.heredocSources.length > 1;
    if (sources.length + c.heredocSources.length > 1 && !dest.endsWith('/')) {
      const msg = `When using ${c.kind} with more than one source file, the destination must be a directory and end with a /`;
      p.fail(v, msg);
      throw new BuildFailure(msg, c.loc, v);
    }
    dest = dest.startsWith('/') ? dest : `${cwd}/${dest}`;
    // Where the files come from: another stage, an image, or the build context.
    let srcFs: Filesystem;
    let srcKey: string;
    const from = c.kind === 'COPY' && c.from ? expand(c.from) : '';
    const refId = () => `${this.#id()}::${this.#id()}`;
    if (from) {
      const stage = findStage(env.stages, from, s.index, true);
      if (stage && env.states.has(stage)) {
        const other = env.states.get(stage)!;
        srcFs = this.#mount(other.layers);
        srcKey = other.key;
      } else {
        const img = env.copyImages.get(referenceString(env.copyFromImages.get(c)!))!;
        srcFs = this.#mount(img.layers);
        srcKey = img.configDigest;
      }
    } else {
      srcFs = env.contextFs ?? new FileTree();
      srcKey = 'context';
    }
    const matches: SourceMatch[] = [];
    for (const src of sources) {
      const m = matchSource(srcFs, '/', src);
      if (!m) {
        const msg = `failed to calculate checksum of ref ${refId()}: "${normalizePath(`/${src}`)}": not found`;
        p.fail(v, msg);
        throw new BuildFailure(`failed to compute cache key: ${msg}`, c.loc, v);
      }
      matches.push(...m);
    }
    const chown = c.chown ? expand(c.chown) : '';
    const chmod = c.chmod ? expand(c.chmod) : '';
    let mode: number | null = null;
    if (chmod) {
      if (!/^[0-7]{3,4}$/.test(chmod)) {
        const msg = `invalid chmod parameter: '${chmod}'. it should be octal string and between 0 and 07777`;
        p.fail(v, msg);
        throw new BuildFailure(msg, c.loc, v);
      }
      mode = parseInt(chmod, 8);
    }
    const checksum = matchesChecksum(srcFs, matches);
    const heredocs = c.heredocSources.map((h) => c.heredocs.find((x) => `<<${x.name}` === h.replace(/^<<-?["']?/, '<<').replace(/["']$/, '')) ?? c.heredocs[0]);
    const k = key(st.key, 'copy', srcKey, JSON.stringify({ sources, dest, destIsDir, chown, chmod, checksum, heredocs: heredocs.map((h) => [h.name, h.content]) }));
    const result = yield* this.#step(v, k, st, `${c.kind.toLowerCase()} ${sources.join(' ')} ${dest}`, function* (mount) {
      let uid: number | null = null;
      let gid: number | null = null;
      if (chown) {
        const [u, g] = chown.split(':');
        const who = resolveUser(mount, u);
        if ('error' in who) return who.error;
        uid = who.uid;
        gid = g !== undefined ? (resolveGroup(mount, g) ?? who.gid) : who.gid;
      }
      const bytes = matches.reduce((nb, m) => nb + (m.node.type === 'file' ? m.node.size : 0), 0);
      yield { kind: 'sleep', ms: 20 + Math.round(bytes / (EXTRACT_RATE / 1000)) };
      const opts = { dest, destIsDir, uid, gid, mode, now: d.now };
      copyInto(mount, srcFs, matches, opts);
      for (const h of heredocs) writeHeredoc(mount, h.name, h.content, opts);
      return null;
    });
    const shown = [...sources, ...c.heredocSources].join(' ');
    st.history.push({ ...(result ? { created: result.created } : {}), createdBy: `${c.kind} ${shown} ${expand(c.dest)} # buildkit`, comment: BUILDKIT_COMMENT, ...(result ? {} : { emptyLayer: true }) });
  }
}

interface DispatchEnv {
  readonly o: BuildOptions;
  readonly p: Progress;
  readonly meta: ReadonlyMap<string, string>;
  readonly escape: string;
  readonly states: Map<Stage, StageState>;
  readonly stages: readonly Stage[];
  readonly contextFs: FileTree | null;
  readonly copyImages: Map<string, ResolvedImage>;
  readonly copyFromImages: Map<Instruction, Reference>;
}



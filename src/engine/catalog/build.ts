/**
 * A tiny Dockerfile-like builder for catalog images: it records history entries the way
 * BuildKit writes them (`ENV K=V`, `CMD ["a" "b"]`, `EXPOSE map[80/tcp:{}]`,
 * `RUN /bin/sh -c … # buildkit`) and applies the metadata instructions to the config, so each
 * image carries its base's layers and history by reference (shared layers stay one object).
 */
import type { ConfigStyle, HistoryEntry, ImageConfigBody } from '../image/config.ts';
import { goList, goMapSet, goQuoteList } from '../image/config.ts';
import type { CatalogLayer } from './layer.ts';

/** How the Hub serves an image: an OCI index of OCI manifests (official images today), or one Docker schema 2 manifest (old pushes). */
export type Distribution = 'oci-index' | 'docker-v2';

/** An image on the simulated Docker Hub. */
export interface CatalogImage {
  /** Familiar repository name: `nginx`, `progrium/stress`. */
  readonly repository: string;
  readonly tags: readonly string[];
  /** Config `created` (RFC 3339). */
  readonly created: string;
  readonly architecture: string;
  readonly os: string;
  readonly config: ImageConfigBody;
  readonly history: readonly HistoryEntry[];
  /** Bottom → top. */
  readonly layers: readonly CatalogLayer[];
  readonly style: ConfigStyle;
  readonly distribution: Distribution;
  readonly author?: string;
  readonly dockerVersion?: string;
  readonly container?: string;
  readonly containerConfig?: ImageConfigBody;
}

export const BUILDKIT_COMMENT = 'buildkit.dockerfile.v0';
export const DEFAULT_PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** `RUN` as BuildKit records it. */
export function runBy(script: string): string {
  return `RUN /bin/sh -c ${script} # buildkit`;
}

/** A BuildKit-style image build on top of `base` (or scratch). */
export class Build {
  readonly #created: string;
  readonly #history: HistoryEntry[];
  readonly #layers: CatalogLayer[];
  readonly #config: ImageConfigBody;
  #cmdSet = false;

  constructor(created: string, base?: CatalogImage) {
    this.#created = created;
    this.#history = base ? [...base.history] : [];
    this.#layers = base ? [...base.layers] : [];
    // BuildKit's empty image for FROM scratch: WorkingDir "/" and the default PATH.
    this.#config = base ? structuredClone(base.config) : { Env: [DEFAULT_PATH], WorkingDir: '/' };
  }

  #meta(createdBy: string): this {
    this.#history.push({ created: this.#created, createdBy, comment: BUILDKIT_COMMENT, emptyLayer: true });
    return this;
  }

  /** A filesystem-changing step (RUN, COPY, ADD, WORKDIR that creates a layer). */
  layer(l: CatalogLayer): this {
    this.#history.push({ created: this.#created, createdBy: l.createdBy, comment: BUILDKIT_COMMENT });
    this.#layers.push(l);
    return this;
  }

  env(key: string, value: string): this {
    const env = (this.#config.Env ??= []);
    const i = env.findIndex((e) => e.startsWith(`${key}=`));
    if (i >= 0) env[i] = `${key}=${value}`;
    else env.push(`${key}=${value}`);
    return this.#meta(`ENV ${key}=${value}`);
  }

  label(key: string, value: string): this {
    this.#config.Labels = { ...(this.#config.Labels ?? {}), [key]: value };
    return this.#meta(`LABEL ${key}=${value}`);
  }

  cmd(args: string[]): this {
    this.#config.Cmd = args;
    this.#config.ArgsEscaped = true;
    this.#cmdSet = true;
    return this.#meta(`CMD ${goQuoteList(args)}`);
  }

  entrypoint(args: string[]): this {
    this.#config.Entrypoint = args;
    if (!this.#cmdSet) this.#config.Cmd = null;
    return this.#meta(`ENTRYPOINT ${goQuoteList(args)}`);
  }

  expose(...ports: string[]): this {
    const ep = { ...(this.#config.ExposedPorts ?? {}) };
    for (const p of ports) ep[p] = {};
    this.#config.ExposedPorts = ep;
    return this.#meta(`EXPOSE ${goMapSet(ports)}`);
  }

  stopSignal(sig: string): this {
    this.#config.StopSignal = sig;
    return this.#meta(`STOPSIGNAL ${sig}`);
  }

  volume(...paths: string[]): this {
    const v = { ...(this.#config.Volumes ?? {}) };
    for (const p of paths) v[p] = {};
    this.#config.Volumes = v;
    return this.#meta(`VOLUME ${goList(paths)}`);
  }

  /** WORKDIR; BuildKit commits a layer for it (the 32-byte empty layer when nothing changed). */
  workdir(dir: string, l?: CatalogLayer): this {
    this.#config.WorkingDir = dir;
    return l ? this.layer(l) : this.#meta(`WORKDIR ${dir}`);
  }

  user(u: string): this {
    this.#config.User = u;
    return this.#meta(`USER ${u}`);
  }

  /** Records an instruction that changes nothing (`ARG`, a `#(nop)` comment). */
  nop(createdBy: string): this {
    return this.#meta(createdBy);
  }

  done(repository: string, tags: readonly string[], extra: Partial<CatalogImage> = {}): CatalogImage {
    return {
      repository,
      tags,
      created: this.#created,
      architecture: 'amd64',
      os: 'linux',
      config: structuredClone(this.#config),
      history: [...this.#history],
      layers: [...this.#layers],
      style: 'buildkit',
      distribution: 'oci-index',
      ...extra,
    };
  }
}

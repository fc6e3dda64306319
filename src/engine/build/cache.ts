/**
 * The build cache (BuildKit's cache manager in dockerd): one record per step result, keyed by
 * the step's cache key — a digest of its parent's key and what the step does (the command and
 * the environment it runs in, or the checksum of the files it copies). A step hits only if a
 * record exists for its key, which holds only if its parent hit: the first miss cascades.
 * Records keep the layer they produced and when, so a fully cached build exports the very same
 * image config (and image ID). `docker system df` counts them; `docker builder prune` drops them.
 */
import type { Digest } from '../image/digest.ts';
import type { LayerFile } from '../image/layer.ts';

/** A layer of a stage: an image's layer or one a step produced. */
export interface LayerRef {
  readonly diffId: Digest;
  readonly size: number;
  readonly files: readonly LayerFile[];
  readonly digest?: Digest;
  readonly compressedSize?: number;
}

export type CacheType = 'regular' | 'source.local' | 'internal' | 'frontend';

export interface CacheRecord {
  /** BuildKit record ID (25 base-36 characters). */
  readonly id: string;
  readonly key: string;
  readonly type: CacheType;
  readonly description: string;
  /** The layer the step produced; null when it changed nothing. */
  readonly layer: LayerRef | null;
  readonly size: number;
  /** RFC 3339 time the result was made (history `created`). */
  readonly created: string;
  readonly createdAt: number;
  lastUsedAt: number;
  usageCount: number;
  /** Mutable records (a build context's copy) are listed with a `*`. */
  readonly mutable: boolean;
  /** Not listed by `docker system df` (source pins: which bases were already resolved). */
  readonly hidden: boolean;
}

export class BuildCache {
  readonly #records = new Map<string, CacheRecord>();
  rev = 0;

  get(key: string): CacheRecord | undefined {
    return this.#records.get(key);
  }

  /** Looks a key up and marks the record used. */
  use(key: string, now: number): CacheRecord | undefined {
    const r = this.#records.get(key);
    if (r) {
      r.lastUsedAt = now;
      r.usageCount += 1;
      this.rev += 1;
    }
    return r;
  }

  put(r: CacheRecord): void {
    this.#records.set(r.key, r);
    this.rev += 1;
  }

  /** Records as `GET /system/df` lists them (BuildCache), oldest first. */
  records(): CacheRecord[] {
    return [...this.#records.values()].filter((r) => !r.hidden).sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
  }

  /**
   * `POST /build/prune`: without `all`, keeps internal and frontend records (BuildKit's
   * default filter); returns what went, in listing order.
   */
  prune(all: boolean): CacheRecord[] {
    const gone: CacheRecord[] = [];
    for (const r of [...this.#records.values()].sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1))) {
      if (!all && (r.type === 'internal' || r.type === 'frontend')) continue;
      this.#records.delete(r.key);
      if (!r.hidden) gone.push(r);
    }
    if (gone.length) this.rev += 1;
    return gone;
  }
}

const BASE36 = '0123456789abcdefghijklmnopqrstuvwxyz';

/** identity.NewID: 25 random base-36 characters (from the engine's seeded random). */
export function newBuildkitId(rand: () => number): string {
  let s = '';
  for (let i = 0; i < 25; i++) s += BASE36[Math.floor(rand() * 36)];
  return s;
}

/**
 * The simulated Docker Hub (`registry-1.docker.io`, named `docker.io` in references): the
 * catalog served as a read-only Distribution registry. `resolveRemote` is what the daemon's
 * puller does first — `GET /v2/<name>/manifests/<tag|digest>` — with Docker Hub's answers for
 * a repository that does not exist (401 `denied`, which the daemon words as "pull access
 * denied …") and a tag that does not (404 `manifest unknown`). Other registries are not
 * reachable from the simulated host unless the daemon provides one (a `registry:2` container).
 */
import { catalogHasRepository, CATALOG } from '../catalog/index.ts';
import {
  familiarName,
  familiarString,
  parseNormalizedNamed,
  tagNameOnly,
  type Reference,
} from '../image/reference.ts';
import { remoteImageFor, type RemoteImage } from './remote.ts';

export { commitPull, planPull, type PullLayerPlan, type PullPlan } from './pull.ts';
export type { RemoteImage, RemoteLayer } from './remote.ts';

export const HUB_DOMAIN = 'docker.io';

export type RegistryErrorCode = 'invalid-reference' | 'denied' | 'manifest-unknown' | 'connection-refused' | 'no-such-host';

/** A failed resolution: a stable code and the daemon's message (the CLI adds `Error response from daemon: `). */
export interface RegistryError {
  readonly code: RegistryErrorCode;
  readonly message: string;
}

export type RemoteResult = { readonly ok: true; readonly image: RemoteImage; readonly ref: Reference } | { readonly ok: false; readonly error: RegistryError };

const fail = (code: RegistryErrorCode, message: string): { ok: false; error: RegistryError } => ({ ok: false, error: { code, message } });

function unreachable(domain: string): { ok: false; error: RegistryError } {
  const m = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(domain);
  const host = m ? m[1] : domain;
  const port = m?.[2];
  if (host === 'localhost' || host === '127.0.0.1' || host === '[::1]') {
    // Loopback registries are "insecure" by default: Docker falls back to plain HTTP.
    // Go dials `localhost` as [::1] first (the host resolves it to both).
    return fail('connection-refused', `Get "http://${domain}/v2/": dial tcp ${host === '127.0.0.1' ? '127.0.0.1' : '[::1]'}:${port ?? '80'}: connect: connection refused`);
  }
  return fail('no-such-host', `Get "https://${domain}/v2/": dial tcp: lookup ${host} on 127.0.0.53:53: no such host`);
}

/**
 * Resolves a reference (a string as typed, or a parsed one) against Docker Hub. A bare name
 * means `:latest`. Digests may name the index or the platform manifest.
 */
export function resolveRemote(refIn: Reference | string): RemoteResult {
  let ref: Reference;
  if (typeof refIn === 'string') {
    const p = parseNormalizedNamed(refIn);
    if (!p.ok) return fail('invalid-reference', p.error.message);
    ref = p.ref;
  } else ref = refIn;
  if (ref.tag && ref.digest) ref = { ...ref, tag: '' };
  ref = tagNameOnly(ref);
  if (ref.domain !== HUB_DOMAIN) return unreachable(ref.domain);
  const repo = ref.path.startsWith('library/') && !ref.path.slice(8).includes('/') ? ref.path.slice(8) : ref.path;
  if (!catalogHasRepository(repo)) {
    return fail('denied', `pull access denied for ${familiarName(ref)}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`);
  }
  const candidates = CATALOG.filter((c) => c.repository === repo);
  let image: RemoteImage | undefined;
  if (ref.digest) {
    image = candidates.map(remoteImageFor).find((r) => r.digest === ref.digest || r.manifest.digest === ref.digest);
  } else {
    const c = candidates.find((i) => i.tags.includes(ref.tag));
    image = c ? remoteImageFor(c) : undefined;
  }
  if (!image) return fail('manifest-unknown', `manifest for ${familiarString(ref)} not found: manifest unknown: manifest unknown`);
  return { ok: true, image, ref };
}

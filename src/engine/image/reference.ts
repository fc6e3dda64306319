/**
 * Image references, ported from github.com/distribution/reference (`regexp.go`,
 * `reference.go`, `normalize.go`): the grammar
 *
 *   reference := name [ ":" tag ] [ "@" digest ]
 *   name      := [domain '/'] remote-name
 *   domain    := host [':' port-number]
 *
 * and Docker's normalisation of familiar names: `alpine` → `docker.io/library/alpine`,
 * `bob/app` → `docker.io/bob/app`, `localhost:5000/x` stays on `localhost:5000`. Errors carry
 * the library's exact texts (the CLI and the daemon print them as they are).
 */
import { DIGEST_ERRORS, validateDigest } from './digest.ts';

/** A parsed reference. `domain` is '' only for names parsed without normalisation. */
export interface Reference {
  readonly domain: string;
  readonly path: string;
  /** '' when absent. */
  readonly tag: string;
  /** '' when absent. */
  readonly digest: string;
}

export const REFERENCE_ERRORS = {
  'invalid-format': 'invalid reference format',
  'invalid-tag': 'invalid tag format',
  'invalid-digest': 'invalid digest format',
  'uppercase': 'repository name must be lowercase',
  'name-empty': 'repository name must have at least one component',
  'name-too-long': 'repository name must not be more than 255 characters',
  'not-canonical': 'repository name must be canonical',
} as const;

export type ReferenceErrorCode =
  | keyof typeof REFERENCE_ERRORS
  | 'uppercase-repository'
  | 'hex-repository'
  | 'digest-format'
  | 'digest-length'
  | 'digest-unsupported';

/** A parse failure: a stable code and the message Docker prints. */
export interface ReferenceError {
  readonly code: ReferenceErrorCode;
  readonly message: string;
}

export type ParseResult<T> = { readonly ok: true; readonly ref: T } | { readonly ok: false; readonly error: ReferenceError };

const DEFAULT_DOMAIN = 'docker.io';
const LEGACY_DEFAULT_DOMAIN = 'index.docker.io';
const OFFICIAL_REPO_PREFIX = 'library/';
export const DEFAULT_TAG = 'latest';
export const NAME_TOTAL_LENGTH_MAX = 255;

// ── the grammar (regexp.go) ────────────────────────────────────────────────────────────────
const optional = (...res: string[]) => `(?:${res.join('')})?`;
const anyTimes = (...res: string[]) => `(?:${res.join('')})*`;
const capture = (...res: string[]) => `(${res.join('')})`;
const anchored = (...res: string[]) => `^${res.join('')}$`;

const alphanumeric = '[a-z0-9]+';
const separator = '(?:[._]|__|[-]+)';
const domainNameComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const optionalPort = '(?::[0-9]+)?';
const tagPat = '[\\w][\\w.-]{0,127}';
const digestPat = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9A-Fa-f]{32,}';
const identifier = '([a-f0-9]{64})';
const ipv6address = '\\[(?:[a-fA-F0-9:]+)\\]';
const domainName = domainNameComponent + anyTimes('\\.', domainNameComponent);
const host = `(?:${domainName}|${ipv6address})`;
const domainAndPort = host + optionalPort;
const pathComponent = alphanumeric + anyTimes(separator, alphanumeric);
const remoteName = pathComponent + anyTimes('/', pathComponent);
const namePat = optional(domainAndPort, '/') + remoteName;

const anchoredTagRegexp = new RegExp(anchored(tagPat));
const anchoredDigestRegexp = new RegExp(anchored(digestPat));
const anchoredNameRegexp = new RegExp(anchored(optional(capture(domainAndPort), '/'), capture(remoteName)));
const referenceRegexp = new RegExp(anchored(capture(namePat), optional(':', capture(tagPat)), optional('@', capture(digestPat))));
const anchoredIdentifierRegexp = new RegExp(anchored(identifier));

const fail = (code: ReferenceErrorCode, message?: string): { ok: false; error: ReferenceError } => ({
  ok: false,
  error: { code, message: message ?? (REFERENCE_ERRORS as Record<string, string>)[code] },
});

function digestFailure(s: string): { ok: false; error: ReferenceError } | null {
  const e = validateDigest(s);
  if (!e) return null;
  return fail(e === 'format' ? 'digest-format' : e === 'length' ? 'digest-length' : 'digest-unsupported', DIGEST_ERRORS[e]);
}

/** True for a 64-hex string (an image ID without its algorithm). */
export function isIdentifier(s: string): boolean {
  return anchoredIdentifierRegexp.test(s);
}

/** True for a valid tag. */
export function isValidTag(tag: string): boolean {
  return anchoredTagRegexp.test(tag);
}

/**
 * reference.Parse: a syntactically valid reference, without normalisation. A reference with no
 * name but a digest is allowed (`domain` and `path` are then '').
 */
export function parse(s: string): ParseResult<Reference> {
  const m = referenceRegexp.exec(s);
  if (!m) {
    if (s === '') return fail('name-empty');
    if (referenceRegexp.test(s.toLowerCase())) return fail('uppercase');
    return fail('invalid-format');
  }
  let domain = '';
  let path = m[1];
  const nm = anchoredNameRegexp.exec(m[1]);
  if (nm) {
    domain = nm[1] ?? '';
    path = nm[2];
  }
  if (path.length > NAME_TOTAL_LENGTH_MAX) return fail('name-too-long');
  const digest = m[3] ?? '';
  if (digest) {
    const bad = digestFailure(digest);
    if (bad) return bad;
  }
  if (!path && !digest) return fail('name-empty');
  return { ok: true, ref: { domain, path, tag: m[2] ?? '', digest } };
}

/** splitDockerDomain: the registry domain and the remote name, applying Docker Hub's defaults. */
function splitDockerDomain(name: string): [string, string] {
  const slash = name.indexOf('/');
  if (slash < 0) return [DEFAULT_DOMAIN, OFFICIAL_REPO_PREFIX + name];
  const maybeDomain = name.slice(0, slash);
  const maybeRemote = name.slice(slash + 1);
  let domain: string;
  let remote: string;
  if (maybeDomain === 'localhost') [domain, remote] = [maybeDomain, maybeRemote];
  else if (maybeDomain === LEGACY_DEFAULT_DOMAIN) [domain, remote] = [DEFAULT_DOMAIN, maybeRemote];
  else if (/[.:]/.test(maybeDomain)) [domain, remote] = [maybeDomain, maybeRemote];
  else if (maybeDomain.toLowerCase() !== maybeDomain) [domain, remote] = [maybeDomain, maybeRemote];
  else [domain, remote] = [DEFAULT_DOMAIN, name];
  if (domain === DEFAULT_DOMAIN && !remote.includes('/')) remote = OFFICIAL_REPO_PREFIX + remote;
  return [domain, remote];
}

/**
 * reference.ParseNormalizedNamed: a familiar name from the Docker UI made fully qualified
 * (`alpine` → docker.io/library/alpine). Tag and digest are kept as given (no default tag).
 */
export function parseNormalizedNamed(s: string): ParseResult<Reference> {
  if (anchoredIdentifierRegexp.test(s)) {
    return fail('hex-repository', `invalid repository name (${s}), cannot specify 64-byte hexadecimal strings`);
  }
  const [domain, remainder] = splitDockerDomain(s);
  const tagSep = remainder.indexOf(':');
  const remote = tagSep > -1 ? remainder.slice(0, tagSep) : remainder;
  if (remote.toLowerCase() !== remote) {
    return fail('uppercase-repository', `invalid reference format: repository name (${remote}) must be lowercase`);
  }
  const r = parse(`${domain}/${remainder}`);
  if (!r.ok) return r;
  if (!r.ref.path) return fail('invalid-format', `reference ${referenceString(r.ref)} has no name`);
  return r;
}

/** reference.ParseDockerRef: normalised, tagged with `latest` when bare; a digest wins over a tag. */
export function parseDockerRef(s: string): ParseResult<Reference> {
  const r = parseNormalizedNamed(s);
  if (!r.ok) return r;
  if (r.ref.tag && r.ref.digest) return { ok: true, ref: { ...r.ref, tag: '' } };
  return { ok: true, ref: tagNameOnly(r.ref) };
}

/** What reference.ParseAnyReference found: an image ID/digest, or a normalised name. */
export type AnyReference = { readonly kind: 'digest'; readonly digest: string } | { readonly kind: 'named'; readonly ref: Reference };

/** reference.ParseAnyReference: a 64-hex ID, a full digest, or a familiar name. */
export function parseAnyReference(s: string): ParseResult<AnyReference> {
  if (anchoredIdentifierRegexp.test(s)) return { ok: true, ref: { kind: 'digest', digest: `sha256:${s}` } };
  if (validateDigest(s) === null) return { ok: true, ref: { kind: 'digest', digest: s } };
  const r = parseNormalizedNamed(s);
  return r.ok ? { ok: true, ref: { kind: 'named', ref: r.ref } } : r;
}

/** The full name: `docker.io/library/nginx`. */
export function referenceName(ref: Reference): string {
  return ref.domain ? `${ref.domain}/${ref.path}` : ref.path;
}

/** String(): `name[:tag][@digest]`. */
export function referenceString(ref: Reference): string {
  return `${referenceName(ref)}${ref.tag ? `:${ref.tag}` : ''}${ref.digest ? `@${ref.digest}` : ''}`;
}

/** The familiar name: docker.io and `library/` dropped (`nginx`, `bob/app`, `localhost:5000/x`). */
export function familiarName(ref: Reference): string {
  if (ref.domain !== DEFAULT_DOMAIN) return referenceName(ref);
  if (ref.path.startsWith(OFFICIAL_REPO_PREFIX)) {
    const rest = ref.path.slice(OFFICIAL_REPO_PREFIX.length);
    if (!rest.includes('/')) return rest;
  }
  return ref.path;
}

/** reference.FamiliarString: `nginx:latest`, `nginx@sha256:…`. */
export function familiarString(ref: Reference): string {
  return `${familiarName(ref)}${ref.tag ? `:${ref.tag}` : ''}${ref.digest ? `@${ref.digest}` : ''}`;
}

/** Neither tag nor digest. */
export function isNameOnly(ref: Reference): boolean {
  return !ref.tag && !ref.digest;
}

/** reference.TagNameOnly: adds `latest` to a bare name. */
export function tagNameOnly(ref: Reference): Reference {
  return isNameOnly(ref) ? { ...ref, tag: DEFAULT_TAG } : ref;
}

/** reference.TrimNamed: the repository alone. */
export function trimNamed(ref: Reference): Reference {
  return { domain: ref.domain, path: ref.path, tag: '', digest: '' };
}

/** reference.WithTag (keeps a digest if the name had one). */
export function withTag(ref: Reference, tag: string): ParseResult<Reference> {
  if (!anchoredTagRegexp.test(tag)) return fail('invalid-tag');
  return { ok: true, ref: { ...ref, tag } };
}

/** reference.WithDigest (keeps a tag if the name had one). */
export function withDigest(ref: Reference, digest: string): ParseResult<Reference> {
  if (!anchoredDigestRegexp.test(digest)) return fail('invalid-digest');
  return { ok: true, ref: { ...ref, digest } };
}

/** The path of a name on Docker Hub as registries print it (`library/nginx`). */
export function referencePath(ref: Reference): string {
  return ref.path;
}

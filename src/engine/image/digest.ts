/**
 * Content addressing, as the image spec defines it: every blob is named by the sha256 of its
 * bytes (`sha256:<64 hex>`), a layer's diff_id by its uncompressed tar, a chain of layers by
 * ChainID (is: `identity/chainid.go`), an image (classic store) by its config's digest.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** `sha256:` followed by 64 lowercase hex digits. */
export type Digest = string;

/** Hex sha256 of a string (UTF-8) or bytes. */
export function sha256Hex(data: string | Uint8Array): string {
  return bytesToHex(sha256(typeof data === 'string' ? utf8ToBytes(data) : data));
}

/** The digest (`sha256:…`) of a string (UTF-8) or bytes. */
export function digestOf(data: string | Uint8Array): Digest {
  return `sha256:${sha256Hex(data)}`;
}

/** diff_id of an empty layer: sha256 of an empty tar (1024 zero bytes). moby `layer/empty.go`. */
export const EMPTY_LAYER_DIFF_ID: Digest = 'sha256:5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef';
/** The gzip of that empty tar as registries serve it (BuildKit `WORKDIR` layers): 32 bytes. */
export const EMPTY_LAYER_GZIP_DIGEST: Digest = 'sha256:4f4fb700ef54461cfa02571ae0db9a0dc1e0cdb5577484a6d75e68dc38e8acc1';
export const EMPTY_LAYER_GZIP_SIZE = 32;

/**
 * ChainID(L0) = DiffID(L0); ChainID(L0..Ln) = sha256(ChainID(L0..Ln-1) + " " + DiffID(Ln)).
 * Returns one chain ID per prefix of `diffIds`.
 */
export function chainIds(diffIds: readonly Digest[]): Digest[] {
  const out: Digest[] = [];
  for (const d of diffIds) out.push(out.length === 0 ? d : digestOf(`${out[out.length - 1]} ${d}`));
  return out;
}

/** The chain ID of the whole stack (empty string for no layers). */
export function chainId(diffIds: readonly Digest[]): Digest {
  return diffIds.length === 0 ? '' : chainIds(diffIds)[diffIds.length - 1];
}

/** stringid.TruncateID: strips the algorithm and keeps 12 hex digits (`a1b2c3d4e5f6`). */
export function truncateId(id: string): string {
  const i = id.indexOf(':');
  const hex = i >= 0 ? id.slice(i + 1) : id;
  return hex.length > 12 ? hex.slice(0, 12) : hex;
}

/** The hex part of a digest. */
export function digestHex(d: Digest): string {
  const i = d.indexOf(':');
  return i >= 0 ? d.slice(i + 1) : d;
}

/** go-digest `DigestRegexpAnchored`. */
const DIGEST_RE = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;
const ALGORITHM_HEX_LEN: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 };

/** go-digest errors, with Go's texts. */
export const DIGEST_ERRORS = {
  format: 'invalid checksum digest format',
  length: 'invalid checksum digest length',
  unsupported: 'unsupported digest algorithm',
} as const;
export type DigestErrorCode = keyof typeof DIGEST_ERRORS;

/** go-digest `Digest.Validate` / `Parse`: null when valid, else which error. */
export function validateDigest(s: string): DigestErrorCode | null {
  const i = s.indexOf(':');
  if (i <= 0 || i + 1 === s.length) return 'format';
  const alg = s.slice(0, i);
  const encoded = s.slice(i + 1);
  const want = ALGORITHM_HEX_LEN[alg];
  if (want === undefined) return DIGEST_RE.test(s) ? 'unsupported' : 'format';
  if (encoded.length !== want) return 'length';
  return /^[a-f0-9]+$/.test(encoded) ? null : 'format';
}

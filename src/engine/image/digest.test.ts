import { describe, expect, it } from 'vitest';
import { chainId, chainIds, digestOf, EMPTY_LAYER_DIFF_ID, truncateId, validateDigest } from './digest.ts';

const A = `sha256:${'a'.repeat(64)}`;
const B = `sha256:${'b'.repeat(64)}`;
const C = `sha256:${'c'.repeat(64)}`;

describe('digests', () => {
  it('hashes UTF-8 strings and bytes', () => {
    expect(digestOf('{"a":1}')).toBe('sha256:015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862');
  });

  it('the empty layer diff_id is the sha256 of an empty tar (1024 zero bytes)', () => {
    expect(digestOf(new Uint8Array(1024))).toBe(EMPTY_LAYER_DIFF_ID);
  });

  it('ChainID(L0) = DiffID(L0); ChainID(L0..Ln) = sha256(ChainID(L0..Ln-1) + " " + DiffID(Ln))', () => {
    // hand-computed with `sha256sum` over "sha256:aaa… sha256:bbb…"
    expect(chainIds([A, B, C])).toEqual([
      A,
      'sha256:ccd722928bd92476ba1745586fed6e45a102504185ad88cd89e01ff116fd146c',
      'sha256:c1377126441fb2f5ec2c21ae2a60255331d639e830f0ee1b40a36e52d4c40588',
    ]);
    expect(chainId([A, B])).toBe(digestOf(`${A} ${B}`));
    expect(chainId([])).toBe('');
  });

  it('truncates IDs like stringid.TruncateID', () => {
    expect(truncateId(`sha256:${'0123456789abcdef'.repeat(4)}`)).toBe('0123456789ab');
    expect(truncateId('abc')).toBe('abc');
  });

  it('validates digests with go-digest errors', () => {
    expect(validateDigest(A)).toBeNull();
    expect(validateDigest('sha256:abc')).toBe('length');
    expect(validateDigest(`sha256:${'A'.repeat(64)}`)).toBe('format');
    expect(validateDigest(`md5:${'a'.repeat(32)}`)).toBe('unsupported');
    expect(validateDigest('nocolon')).toBe('format');
  });
});

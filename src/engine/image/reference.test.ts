import { describe, expect, it } from 'vitest';
import {
  familiarName,
  familiarString,
  parse,
  parseAnyReference,
  parseDockerRef,
  parseNormalizedNamed,
  referenceString,
  tagNameOnly,
} from './reference.ts';

const HEX = 'a3ed95caeb02ffe68cdd9fd84406680ae93d633cb16422d00e8a7c22955b46d4';

describe('parseNormalizedNamed', () => {
  it.each([
    ['alpine', 'docker.io/library/alpine', 'alpine'],
    ['alpine:3.19', 'docker.io/library/alpine:3.19', 'alpine:3.19'],
    ['library/alpine', 'docker.io/library/alpine', 'alpine'],
    ['docker.io/alpine', 'docker.io/library/alpine', 'alpine'],
    ['index.docker.io/library/alpine', 'docker.io/library/alpine', 'alpine'],
    ['bob/app', 'docker.io/bob/app', 'bob/app'],
    ['bob/app:v1', 'docker.io/bob/app:v1', 'bob/app:v1'],
    ['progrium/stress', 'docker.io/progrium/stress', 'progrium/stress'],
    ['localhost:5000/x:y', 'localhost:5000/x:y', 'localhost:5000/x:y'],
    ['localhost/x', 'localhost/x', 'localhost/x'],
    ['ghcr.io/owner/img:1.0', 'ghcr.io/owner/img:1.0', 'ghcr.io/owner/img:1.0'],
    ['127.0.0.1:5000/a/b/c', '127.0.0.1:5000/a/b/c', '127.0.0.1:5000/a/b/c'],
    ['[::1]:5000/x', '[::1]:5000/x', '[::1]:5000/x'],
    ['docker.io/library/a/b', 'docker.io/library/a/b', 'library/a/b'],
    [`nginx@sha256:${HEX}`, `docker.io/library/nginx@sha256:${HEX}`, `nginx@sha256:${HEX}`],
    [`nginx:1.27@sha256:${HEX}`, `docker.io/library/nginx:1.27@sha256:${HEX}`, `nginx:1.27@sha256:${HEX}`],
    ['a__b-c.d---e', 'docker.io/library/a__b-c.d---e', 'a__b-c.d---e'],
    ['Foo/bar', 'Foo/bar', 'Foo/bar'],
  ])('%s → %s', (input, full, fam) => {
    const r = parseNormalizedNamed(input);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(referenceString(r.ref)).toBe(full);
    expect(familiarString(r.ref)).toBe(fam);
  });

  it.each([
    ['Alpine', 'invalid reference format: repository name (library/Alpine) must be lowercase'],
    ['bob/App', 'invalid reference format: repository name (bob/App) must be lowercase'],
    ['alpine:', 'invalid reference format'],
    [':tag', 'invalid reference format'],
    ['alpine@sha256:abc', 'invalid reference format'],
    ['-alpine', 'invalid reference format'],
    ['alpine:-x', 'invalid reference format'],
    ['a//b', 'invalid reference format'],
    ['a b', 'invalid reference format'],
    ['alpine:' + 'x'.repeat(129), 'invalid reference format'],
    [HEX, `invalid repository name (${HEX}), cannot specify 64-byte hexadecimal strings`],
    [`alpine@sha256:${'a'.repeat(63)}`, 'invalid checksum digest length'],
    [`alpine@md5:${'a'.repeat(32)}`, 'unsupported digest algorithm'],
    ['a'.repeat(256), 'repository name must not be more than 255 characters'],
  ])('rejects %s', (input, message) => {
    const r = parseNormalizedNamed(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toBe(message);
  });
});

describe('defaults and familiar forms', () => {
  it('adds :latest only through TagNameOnly / ParseDockerRef', () => {
    const r = parseNormalizedNamed('alpine');
    expect(r.ok && r.ref.tag).toBe('');
    expect(r.ok && referenceString(tagNameOnly(r.ref))).toBe('docker.io/library/alpine:latest');
    const d = parseDockerRef(`busybox:latest@sha256:${HEX}`);
    expect(d.ok && referenceString(d.ref)).toBe(`docker.io/library/busybox@sha256:${HEX}`);
    const b = parseDockerRef('bob/app');
    expect(b.ok && referenceString(b.ref)).toBe('docker.io/bob/app:latest');
  });

  it('familiar names drop docker.io and library/ only', () => {
    const n = (s: string) => {
      const r = parseNormalizedNamed(s);
      return r.ok ? familiarName(r.ref) : '';
    };
    expect(n('docker.io/library/redis')).toBe('redis');
    expect(n('docker.io/dmcgowan/myapp')).toBe('dmcgowan/myapp');
    expect(n('localhost:5000/library/redis')).toBe('localhost:5000/library/redis');
  });

  it('parse without normalisation keeps the domain empty', () => {
    const r = parse('alpine:3');
    expect(r.ok && [r.ref.domain, r.ref.path, r.ref.tag]).toEqual(['', 'alpine', '3']);
    const u = parse('UPPER');
    expect(!u.ok && u.error.message).toBe('repository name must be lowercase');
    const e = parse('');
    expect(!e.ok && e.error.message).toBe('repository name must have at least one component');
  });

  it('ParseAnyReference: IDs, digests, names', () => {
    expect(parseAnyReference(HEX)).toEqual({ ok: true, ref: { kind: 'digest', digest: `sha256:${HEX}` } });
    expect(parseAnyReference(`sha256:${HEX}`)).toEqual({ ok: true, ref: { kind: 'digest', digest: `sha256:${HEX}` } });
    const n = parseAnyReference('3b5');
    expect(n.ok && n.ref.kind).toBe('named');
  });
});

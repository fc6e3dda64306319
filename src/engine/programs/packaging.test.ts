import { describe, expect, it } from 'vitest';
import { debIndex } from '../catalog/packages.ts';
import { configureOrder, sizeToStr } from './apt-output.ts';
import { parseInstalledDb } from './apk.ts';
import { parseStatus, statusText } from './dpkg.ts';

describe('apt and dpkg details', () => {
  it("formats sizes like apt's SizeToStr in the C locale", () => {
    expect(sizeToStr(8808)).toBe('8808 B');
    expect(sizeToStr(20304)).toBe('20.3 kB');
    expect(sizeToStr(2025192)).toBe('2025 kB');
    expect(sizeToStr(9_306_000)).toBe('9306 kB');
    expect(sizeToStr(15_700_000)).toBe('15.7 MB');
    expect(sizeToStr(19_342_060)).toBe('19.3 MB');
  });

  it('configures in dpkg order: hash buckets, each package after what it depends on (real bookworm log)', () => {
    const index = debIndex('bookworm');
    const names = ['libssl3', 'openssl', 'ca-certificates', 'krb5-locales', 'libbrotli1', 'libkrb5support0', 'libk5crypto3', 'libkeyutils1', 'libkrb5-3', 'libgssapi-krb5-2', 'libsasl2-modules-db', 'libsasl2-2', 'libldap-2.5-0', 'libnghttp2-14', 'libpsl5', 'librtmp1', 'libssh2-1', 'libcurl4', 'curl', 'libldap-common', 'libsasl2-modules', 'publicsuffix'];
    const order = configureOrder(names.map((n) => index.packages.get(n)!)).map((p) => p.name);
    // `Setting up …` lines of `apt-get install -y ca-certificates curl libssl3` on debian:bookworm-slim.
    expect(order).toEqual(['libkeyutils1', 'libpsl5', 'libbrotli1', 'libssl3', 'libnghttp2-14', 'krb5-locales', 'libldap-common', 'libkrb5support0', 'libsasl2-modules-db', 'librtmp1', 'libk5crypto3', 'libsasl2-2', 'libssh2-1', 'libkrb5-3', 'openssl', 'publicsuffix', 'libsasl2-modules', 'libldap-2.5-0', 'ca-certificates', 'libgssapi-krb5-2', 'libcurl4', 'curl']);
  });

  it('round-trips the dpkg status file, sorted by package name', () => {
    const text = 'Package: zlib1g\nStatus: install ok installed\nVersion: 1:1.2.13.dfsg-1\nDescription: compression library - runtime\n zlib is a library\n\nPackage: apt\nStatus: install ok installed\nVersion: 2.6.1\n';
    const stanzas = parseStatus(text);
    expect(stanzas.map((s) => s.name)).toEqual(['zlib1g', 'apt']);
    expect(stanzas[0].fields.get('Description')).toBe('compression library - runtime\n zlib is a library');
    expect(statusText(stanzas)).toBe('Package: apt\nStatus: install ok installed\nVersion: 2.6.1\n\nPackage: zlib1g\nStatus: install ok installed\nVersion: 1:1.2.13.dfsg-1\nDescription: compression library - runtime\n zlib is a library\n');
  });

  it('reads the files an apk database entry owns', () => {
    const [e] = parseInstalledDb('P:curl\nV:8.12.1-r1\nI:258048\nF:usr/bin\nR:curl\nF:usr/share/doc/curl\nR:README\n');
    expect(e).toMatchObject({ name: 'curl', version: '8.12.1-r1', installedSize: 258048 });
    expect(e.files).toEqual(['/usr/bin', '/usr/bin/curl', '/usr/share/doc/curl', '/usr/share/doc/curl/README']);
  });
});

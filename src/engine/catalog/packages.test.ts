import { describe, expect, it } from 'vitest';
import { normalizePath } from '../fs/tree.ts';
import { buildRootfs } from '../image/rootfs.ts';
import { findCatalogImage } from './index.ts';
import { alpineIndex, debIndex, packageFilesSize, resolvable, type PackageIndex } from './packages.ts';
import { parseInstalledDb } from '../programs/apk.ts';
import { readStatus } from '../programs/dpkg.ts';
import { dependencyClosure } from '../programs/packaging.ts';

const INDEXES: [string, PackageIndex][] = [['alpine 3.21', alpineIndex()], ['bookworm', debIndex('bookworm')], ['noble', debIndex('noble')], ['jammy', debIndex('jammy')]];

const rootfsOf = (repo: string, tag: string) => {
  const img = findCatalogImage(repo, tag);
  if (!img) throw new Error(`${repo}:${tag} missing`);
  return buildRootfs(img.layers.map((l) => l.files));
};

describe('package catalog', () => {
  it('has 15–60 packages per release, the lesson tools among them', () => {
    for (const [name, index] of INDEXES) {
      expect(index.packages.size, name).toBeGreaterThan(15);
      for (const tool of ['curl', 'git', 'python3', 'jq', 'stress-ng', 'htop', 'nano', 'vim', 'openssl', 'ca-certificates']) {
        expect(index.packages.has(tool), `${name}: ${tool}`).toBe(true);
      }
    }
    expect(alpineIndex().packages.has('bash')).toBe(true);
    expect(debIndex('bookworm').packages.has('procps')).toBe(true);
    expect(debIndex('bookworm').packages.has('iputils-ping')).toBe(true);
  });

  it('resolves every dependency, recommendation and companion', () => {
    for (const [name, index] of INDEXES) {
      for (const p of index.packages.values()) {
        for (const d of [...p.depends, ...p.recommends, ...p.companions]) expect(resolvable(index, d), `${name}: ${p.name} → ${d}`).toBe(true);
      }
    }
  });

  it('gives every package consistent files: absolute, unique, not larger than the installed size', () => {
    for (const [name, index] of INDEXES) {
      const owner = new Map<string, string>();
      for (const p of index.packages.values()) {
        const paths = p.files.map((f) => f.path);
        expect(new Set(paths).size, `${name}: ${p.name} lists a path twice`).toBe(paths.length);
        for (const f of p.files) {
          expect(f.path, `${name}: ${p.name}`).toBe(normalizePath(f.path));
          if (f.type === 'symlink') expect(f.target, `${name}: ${p.name} ${f.path}`).not.toBe('');
          if (f.type === 'dir') continue;
          // Two packages never ship the same file (dpkg/apk would refuse the second).
          expect(owner.get(f.path), `${name}: ${f.path} in ${p.name} and ${owner.get(f.path)}`).toBeUndefined();
          owner.set(f.path, p.name);
        }
        expect(packageFilesSize(p), `${name}: ${p.name} files vs installed size`).toBeLessThanOrEqual(p.installedSize * 1.02);
        if (p.installedSize >= 8192) expect(p.files.length, `${name}: ${p.name} has no files`).toBeGreaterThan(0);
        expect(p.downloadSize, `${name}: ${p.name}`).toBeGreaterThan(0);
        if (p.installedSize > 64 * 1024) expect(p.downloadSize, `${name}: ${p.name} compresses`).toBeLessThan(p.installedSize);
      }
    }
  });

  it('agrees with the base images on the versions they already have', () => {
    const alpineDb = parseInstalledDb(rootfsOf('alpine', '3.21').readFile('/lib/apk/db/installed') as string);
    expect(alpineDb.length).toBe(15);
    for (const e of alpineDb) {
      expect(alpineIndex().baseSystem.has(e.name), e.name).toBe(true);
      const p = alpineIndex().packages.get(e.name);
      if (p) expect(p.version, e.name).toBe(e.version);
    }
    for (const [repo, tag, release] of [['debian', 'bookworm', 'bookworm'], ['ubuntu', '24.04', 'noble'], ['ubuntu', '22.04', 'jammy']] as const) {
      const status = readStatus(rootfsOf(repo, tag));
      expect(status.length, `${repo}:${tag}`).toBeGreaterThan(5);
      for (const s of status) {
        const p = debIndex(release).packages.get(s.name);
        if (p) expect(p.version, `${release}: ${s.name}`).toBe(s.fields.get('Version'));
        else expect(debIndex(release).baseSystem.has(s.name), `${release}: ${s.name} is base`).toBe(true);
      }
    }
  });

  it('reproduces `apk add curl` on alpine 3.21: nine packages, 12 MiB in 24', () => {
    const index = alpineIndex();
    const db = parseInstalledDb(rootfsOf('alpine', '3.21').readFile('/lib/apk/db/installed') as string);
    const plan = dependencyClosure(index, ['curl'], (n) => db.some((e) => e.name === n));
    expect(plan.map((p) => `${p.name} (${p.version})`)).toEqual([
      'brotli-libs (1.1.0-r2)', 'c-ares (1.34.3-r0)', 'libunistring (1.2-r0)', 'libidn2 (2.3.7-r0)', 'nghttp2-libs (1.64.0-r0)',
      'libpsl (0.21.5-r3)', 'zstd-libs (1.5.6-r2)', 'libcurl (8.12.1-r1)', 'curl (8.12.1-r1)',
    ]);
    const bytes = [...db.map((e) => e.installedSize), ...plan.map((p) => p.installedSize)].reduce((a, b) => a + b, 0);
    expect(Math.floor(bytes / 1048576)).toBe(12);
    expect(db.length + plan.length).toBe(24);
  });

  it('pulls in what `apt-get install curl` installs on bookworm, with and without recommends', () => {
    const index = debIndex('bookworm');
    const base = new Set(readStatus(rootfsOf('debian', 'bookworm')).map((s) => s.name));
    const installed = (n: string) => base.has(n) || index.baseSystem.has(n);
    const hard = dependencyClosure(index, ['curl'], installed).map((p) => p.name).sort();
    expect(hard).toEqual(['curl', 'libbrotli1', 'libcurl4', 'libgssapi-krb5-2', 'libk5crypto3', 'libkeyutils1', 'libkrb5-3', 'libkrb5support0', 'libldap-2.5-0', 'libnghttp2-14', 'libpsl5', 'librtmp1', 'libsasl2-2', 'libsasl2-modules-db', 'libssh2-1', 'libssl3']);
    const all = dependencyClosure(index, ['curl'], installed, { recommends: true }).map((p) => p.name).sort();
    expect(all).toEqual([...hard, 'ca-certificates', 'krb5-locales', 'libldap-common', 'libsasl2-modules', 'openssl', 'publicsuffix'].sort());
    // debian images lack ps until procps is installed
    expect(dependencyClosure(index, ['procps'], installed).map((p) => p.name)).toEqual(['libproc2-0', 'libncursesw6', 'procps']);
  });

  it('renames libraries for Ubuntu 24.04 (64-bit time_t) and keeps them apart per release', () => {
    expect(debIndex('noble').packages.get('libcurl4t64')?.version).toBe('8.5.0-2ubuntu10.6');
    expect(debIndex('noble').packages.has('libcurl4')).toBe(false);
    expect(debIndex('noble').packages.get('curl')?.depends).toEqual(['libcurl4t64']);
    expect(debIndex('noble').packages.get('curl')?.repo).toBe('noble-updates/main');
    expect(debIndex('jammy').packages.get('libcurl4')?.depends).toContain('libssh-4');
    expect(debIndex('bookworm').packages.get('python3')?.depends).toEqual(['python3-minimal', 'python3.11', 'libpython3-stdlib']);
    expect(debIndex('noble').packages.get('python3')?.depends).toEqual(['python3-minimal', 'python3.12', 'libpython3-stdlib']);
  });
});

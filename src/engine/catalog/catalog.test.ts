import { describe, expect, it } from 'vitest';
import { byteLength } from '../fs/tree.ts';
import { buildRootfs } from '../image/rootfs.ts';
import { imageSizeString } from '../image/units.ts';
import { layerDiffId } from '../registry/remote.ts';
import { CATALOG, catalogRepositories, catalogTags, findCatalogImage, type CatalogImage } from './index.ts';

const img = (repo: string, tag: string): CatalogImage => {
  const i = findCatalogImage(repo, tag);
  if (!i) throw new Error(`${repo}:${tag} missing`);
  return i;
};
const rootfs = (i: CatalogImage) => buildRootfs(i.layers.map((l) => l.files));
const size = (i: CatalogImage) => i.layers.reduce((n, l) => n + l.size, 0);

describe('catalog', () => {
  it('has the minimum repositories and tags', () => {
    expect(catalogRepositories()).toEqual(['alpine', 'busybox', 'debian', 'hello-world', 'httpd', 'nginx', 'node', 'postgres', 'progrium/stress', 'python', 'redis', 'registry', 'ubuntu']);
    for (const [repo, tags] of Object.entries({
      alpine: ['3.19', '3.20', '3.21', 'latest'], busybox: ['1.36', '1.37', 'latest'], ubuntu: ['22.04', '24.04', 'latest', 'noble', 'jammy'],
      debian: ['bookworm', '12', 'latest', 'bookworm-slim'], nginx: ['1.27', 'latest', 'alpine'], redis: ['7', '7.4', 'latest'],
      postgres: ['16', '17', 'latest'], node: ['20', '22', 'latest'], python: ['3.12', '3.13', 'latest'], httpd: ['2.4', 'latest'],
      registry: ['2', 'latest'], 'progrium/stress': ['latest'], 'hello-world': ['latest'],
    })) {
      for (const t of tags) expect(findCatalogImage(repo, t), `${repo}:${t}`).toBeDefined();
    }
    expect(findCatalogImage('library/alpine', 'latest')).toBe(findCatalogImage('alpine', '3.21'));
    expect(findCatalogImage('docker.io/library/nginx', 'latest')).toBe(img('nginx', '1.27'));
    expect(img('ubuntu', 'latest')).toBe(img('ubuntu', '24.04'));
    expect(img('debian', 'latest')).toBe(img('debian', '12'));
  });

  it('tags are unique within a repository, layer keys unique across the catalog', () => {
    for (const repo of catalogRepositories()) {
      const tags = catalogTags(repo);
      expect(new Set(tags).size, repo).toBe(tags.length);
    }
    const byKey = new Map<string, unknown>();
    for (const i of CATALOG) {
      for (const l of i.layers) {
        const seen = byKey.get(l.key);
        expect(seen === undefined || seen === l, l.key).toBe(true);
        byKey.set(l.key, l);
      }
    }
  });

  it('shares base layers as Docker Hub does', () => {
    const slim = img('debian', 'bookworm-slim').layers[0];
    for (const [r, t] of [['nginx', 'latest'], ['redis', 'latest'], ['postgres', '17'], ['postgres', '16'], ['httpd', 'latest']]) {
      expect(img(r, t).layers[0], `${r}:${t}`).toBe(slim);
    }
    expect(layerDiffId(img('nginx', 'latest').layers[0])).toBe(layerDiffId(img('redis', 'latest').layers[0]));
    expect(layerDiffId(img('postgres', '17').layers[0])).toBe(layerDiffId(img('redis', 'latest').layers[0]));
    expect(layerDiffId(slim)).not.toBe(layerDiffId(img('debian', 'bookworm').layers[0]));
    // buildpack-deps: debian:bookworm + curl + scm + deps, shared by node and python
    const bp = img('node', '22').layers.slice(0, 4);
    expect(bp[0]).toBe(img('debian', 'bookworm').layers[0]);
    for (const [r, t] of [['node', '20'], ['python', '3.13'], ['python', '3.12']]) expect(img(r, t).layers.slice(0, 4)).toEqual(bp);
    // postgres 16 and 17 share everything up to the signing key
    expect(img('postgres', '16').layers.slice(0, 8)).toEqual(img('postgres', '17').layers.slice(0, 8));
    expect(img('postgres', '16').layers[8]).not.toBe(img('postgres', '17').layers[8]);
    expect(img('nginx', 'alpine').layers[0]).toBe(img('alpine', 'latest').layers[0]);
    expect(img('registry', '2').layers[0]).toBe(img('alpine', '3.21').layers[0]);
  });

  it('keeps the history invariant: one non-empty entry per layer', () => {
    for (const i of CATALOG) {
      expect(i.history.filter((h) => !h.emptyLayer).length, `${i.repository}:${i.tags[0]}`).toBe(i.layers.length);
    }
  });

  it('sizes as `docker images` shows them', () => {
    const expected: [string, string, string][] = [
      ['alpine', 'latest', '7.83MB'], ['alpine', '3.20', '7.8MB'], ['busybox', 'latest', '4.27MB'], ['ubuntu', '24.04', '78.1MB'],
      ['debian', 'bookworm-slim', '74.8MB'], ['debian', 'bookworm', '117MB'], ['nginx', 'latest', '192MB'], ['nginx', 'alpine', '47.9MB'],
      ['redis', 'latest', '117MB'], ['postgres', '17', '438MB'], ['httpd', 'latest', '148MB'], ['registry', '2', '25.4MB'],
      ['progrium/stress', 'latest', '282MB'], ['hello-world', 'latest', '13.3kB'], ['node', '22', '1.11GB'], ['python', '3.13', '1.03GB'],
    ];
    for (const [r, t, s] of expected) expect(imageSizeString(size(img(r, t))), `${r}:${t}`).toBe(s);
    const compressed = img('alpine', 'latest').layers[0].compressedSize;
    expect(compressed).toBeGreaterThan(3_500_000);
    expect(compressed).toBeLessThan(3_700_000);
  });

  it('has the real default commands', () => {
    expect(img('nginx', 'latest').config).toMatchObject({ Entrypoint: ['/docker-entrypoint.sh'], Cmd: ['nginx', '-g', 'daemon off;'], StopSignal: 'SIGQUIT', ExposedPorts: { '80/tcp': {} } });
    expect(img('nginx', 'alpine').config).toMatchObject({ Entrypoint: ['/docker-entrypoint.sh'], Cmd: ['nginx', '-g', 'daemon off;'], StopSignal: 'SIGQUIT' });
    expect(img('redis', 'latest').config).toMatchObject({ Entrypoint: ['docker-entrypoint.sh'], Cmd: ['redis-server'], WorkingDir: '/data', Volumes: { '/data': {} }, ExposedPorts: { '6379/tcp': {} } });
    expect(img('postgres', 'latest').config).toMatchObject({ Entrypoint: ['docker-entrypoint.sh'], Cmd: ['postgres'], StopSignal: 'SIGINT' });
    expect(img('progrium/stress', 'latest').config).toMatchObject({ Entrypoint: ['/usr/bin/stress', '--verbose'], Cmd: [] });
    expect(img('busybox', 'latest').config.Cmd).toEqual(['sh']);
    expect(img('alpine', 'latest').config).toMatchObject({ Cmd: ['/bin/sh'], WorkingDir: '/', Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'] });
    expect(img('ubuntu', 'latest').config.Cmd).toEqual(['/bin/bash']);
    expect(img('debian', 'latest').config.Cmd).toEqual(['bash']);
    expect(img('hello-world', 'latest').config.Cmd).toEqual(['/hello']);
    expect(img('httpd', 'latest').config).toMatchObject({ Cmd: ['httpd-foreground'], StopSignal: 'SIGWINCH', WorkingDir: '/usr/local/apache2' });
    expect(img('node', 'latest').config).toMatchObject({ Entrypoint: ['docker-entrypoint.sh'], Cmd: ['node'] });
    expect(img('python', 'latest').config.Cmd).toEqual(['python3']);
    expect(img('registry', '2').config).toMatchObject({ Entrypoint: ['/entrypoint.sh'], Cmd: ['/etc/docker/registry/config.yml'], ExposedPorts: { '5000/tcp': {} } });
    expect(img('nginx', 'latest').history.map((h) => h.createdBy).slice(-4)).toEqual(['ENTRYPOINT ["/docker-entrypoint.sh"]', 'EXPOSE map[80/tcp:{}]', 'STOPSIGNAL SIGQUIT', 'CMD ["nginx" "-g" "daemon off;"]']);
  });

  it('root filesystems identify their distribution', () => {
    const osr = (r: string, t: string) => String(rootfs(img(r, t)).readFile('/etc/os-release'));
    expect(osr('alpine', 'latest')).toContain('PRETTY_NAME="Alpine Linux v3.21"');
    expect(osr('alpine', '3.19')).toContain('VERSION_ID=3.19.7');
    expect(osr('debian', 'latest')).toContain('PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"');
    expect(osr('nginx', 'latest')).toContain('ID=debian');
    expect(osr('ubuntu', 'latest')).toContain('PRETTY_NAME="Ubuntu 24.04.1 LTS"');
    expect(osr('ubuntu', '22.04')).toContain('VERSION_CODENAME=jammy');
    expect(osr('progrium/stress', 'latest')).toContain('14.04');
    expect(rootfs(img('busybox', 'latest')).exists('/etc/os-release')).toBe(false);
  });

  it('root filesystems have the expected programs and files', () => {
    const a = rootfs(img('alpine', 'latest'));
    const sh = a.lookup('/bin/sh', true);
    expect(typeof sh !== 'string' && [sh.type, sh.target]).toEqual(['symlink', '/bin/busybox']);
    for (const p of ['/bin/ls', '/bin/ps', '/usr/bin/top', '/usr/bin/wget', '/bin/ping', '/sbin/apk', '/lib/apk/db/installed']) expect(a.exists(p), p).toBe(true);
    expect(String(a.readFile('/lib/apk/db/installed'))).toContain('P:musl\nV:1.2.5-r9\n');
    const tmp = a.lookup('/tmp');
    expect(typeof tmp !== 'string' && tmp.mode).toBe(0o1777);

    const d = rootfs(img('debian', 'latest'));
    const dsh = d.lookup('/bin/sh', true);
    expect(typeof dsh !== 'string' && dsh.target).toBe('dash');
    for (const p of ['/bin/bash', '/usr/bin/apt-get', '/usr/bin/dpkg', '/usr/bin/hostname', '/var/lib/dpkg/status']) expect(d.exists(p), p).toBe(true);
    expect(d.exists('/bin/ps')).toBe(false); // procps is not in debian images
    expect(rootfs(img('ubuntu', 'latest')).exists('/usr/bin/ps')).toBe(true);
    expect(rootfs(img('node', 'latest')).exists('/usr/bin/ps')).toBe(true);

    const n = rootfs(img('nginx', 'latest'));
    expect(String(n.readFile('/usr/share/nginx/html/index.html'))).toContain('<title>Welcome to nginx!</title>');
    expect(String(n.readFile('/usr/share/nginx/html/index.html')).length).toBe(615);
    expect(String(n.readFile('/etc/nginx/nginx.conf'))).toContain('worker_processes  auto;');
    expect(String(n.readFile('/docker-entrypoint.sh'))).toContain('exec "$@"');
    expect(n.exists('/docker-entrypoint.d/30-tune-worker-processes.sh')).toBe(true);
    expect(String(n.readFile('/etc/passwd'))).toContain('nginx:x:101:101:nginx user:/nonexistent:/bin/false');
    expect(rootfs(img('nginx', 'alpine')).exists('/usr/share/nginx/html/index.html')).toBe(true);

    const r = rootfs(img('redis', 'latest'));
    expect(r.exists('/usr/local/bin/redis-server')).toBe(true);
    expect(r.exists('/usr/local/bin/redis-cli')).toBe(true);
    const data = r.lookup('/data');
    expect(typeof data !== 'string' && [data.type, data.uid]).toEqual(['dir', 999]);
    expect(rootfs(img('progrium/stress', 'latest')).exists('/usr/bin/stress')).toBe(true);
    expect(rootfs(img('hello-world', 'latest')).exists('/hello')).toBe(true);
    expect(rootfs(img('postgres', '17')).exists('/usr/lib/postgresql/17/bin/postgres')).toBe(true);
    expect(rootfs(img('postgres', '16')).exists('/usr/lib/postgresql/16/bin/postgres')).toBe(true);
    expect(rootfs(img('python', 'latest')).exists('/usr/local/bin/python3')).toBe(true);
    expect(rootfs(img('node', '20')).exists('/usr/local/bin/node')).toBe(true);
    expect(String(rootfs(img('httpd', 'latest')).readFile('/usr/local/apache2/htdocs/index.html'))).toBe('<html><body><h1>It works!</h1></body></html>\n');
  });

  it('stays data-light (< 150 KB of source)', () => {
    const sources = import.meta.glob('./*.ts', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
    let bytes = 0;
    for (const [name, text] of Object.entries(sources)) if (!name.endsWith('.test.ts')) bytes += byteLength(text);
    expect(Object.keys(sources)).toContain('./index.ts');
    expect(bytes).toBeLessThan(150_000);
  });
});

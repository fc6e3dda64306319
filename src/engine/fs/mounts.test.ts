import { describe, expect, it } from 'vitest';
import { MountFs, copyContents } from './mounts.ts';
import { FileTree } from './tree.ts';

/** A rootfs with image content at /data and /etc, a host with a volume dir and a site dir. */
function setup(opts: { ro?: boolean } = {}) {
  const root = new FileTree();
  root.writeFile('/data/from-image.txt', 'image', 0, { parents: true });
  root.writeFile('/etc/hosts', '', 0, { parents: true });
  root.symlink('/data', '/link', 0);
  // Mount points exist in the rootfs, as runc creates them before mounting.
  root.mkdir('/srv/site', 0, { parents: true });
  root.mkdir('/run/tmp', 0, { parents: true });
  const host = new FileTree();
  host.mkdir('/var/lib/docker/volumes/v/_data', 0, { parents: true });
  host.writeFile('/root/site/index.html', 'hi', 0, { parents: true });
  host.writeFile('/var/lib/docker/containers/c/hosts', '127.0.0.1\tlocalhost\n', 0, { parents: true });
  const tmp = new FileTree();
  const fs = new MountFs(root, [
    { destination: '/data', fs: host, source: '/var/lib/docker/volumes/v/_data', readOnly: false },
    { destination: '/srv/site', fs: host, source: '/root/site', readOnly: opts.ro ?? false },
    { destination: '/etc/hosts', fs: host, source: '/var/lib/docker/containers/c/hosts', readOnly: false },
    { destination: '/run/tmp', fs: tmp, source: '/', readOnly: false },
  ]);
  return { root, host, tmp, fs };
}

describe('MountFs', () => {
  it('routes each path to the mount with the longest matching destination; the mount shadows the image', () => {
    const { fs, root } = setup();
    expect(fs.exists('/data/from-image.txt')).toBe(false);
    expect(root.exists('/data/from-image.txt')).toBe(true);
    expect(fs.readFile('/srv/site/index.html')).toBe('hi');
    expect(fs.readFile('/etc/hosts')).toBe('127.0.0.1\tlocalhost\n');
    expect(fs.route('/srv/site/a/b').path).toBe('/root/site/a/b');
    expect(fs.route('/srv/sitex').mount).toBeNull();
  });

  it('writes under a mount go to its source, never to the rootfs', () => {
    const { fs, root, host } = setup();
    expect(fs.writeFile('/data/new.txt', 'x', 1)).toBeNull();
    expect(host.readFile('/var/lib/docker/volumes/v/_data/new.txt')).toBe('x');
    expect(root.exists('/data/new.txt')).toBe(false);
    expect(fs.writeFile('/etc/hosts', 'changed\n', 1)).toBeNull();
    expect(host.readFile('/var/lib/docker/containers/c/hosts')).toBe('changed\n');
    expect(root.readFile('/etc/hosts')).toBe('');
  });

  it('the host sees the container\'s bind-mount writes and the container the host\'s', () => {
    const { fs, host } = setup();
    host.writeFile('/root/site/index.html', 'edited on the host', 2);
    expect(fs.readFile('/srv/site/index.html')).toBe('edited on the host');
  });

  it('a read-only mount fails writes with EROFS; the rest of the rootfs stays writable', () => {
    const { fs } = setup({ ro: true });
    expect(fs.writeFile('/srv/site/x', 'x', 1)).toBe('EROFS');
    expect(fs.remove('/srv/site/index.html')).toBe('EROFS');
    expect(fs.mkdir('/srv/site/d', 1)).toBe('EROFS');
    expect(fs.writeFile('/tmp.txt', 'x', 1)).toBeNull();
  });

  it('follows symlinks across mounts', () => {
    const { fs } = setup();
    fs.writeFile('/data/a', 'in the volume', 1);
    expect(fs.readFile('/link/a')).toBe('in the volume');
  });

  it('lists mount points with the mounted root and keeps them from being removed', () => {
    const { fs } = setup();
    const run = fs.list('/run');
    expect(run).not.toBe('ENOENT');
    expect((run as [string, unknown][]).map(([n]) => n)).toEqual(['tmp']);
    expect(fs.remove('/data', { recursive: true })).toBe('EBUSY');
    expect(fs.rename('/data', '/elsewhere', 1)).toBe('EBUSY');
  });

  it('renames across mounts by copying and deleting (EXDEV fallback)', () => {
    const { fs, tmp, host } = setup();
    fs.writeFile('/run/tmp/f', 'moved', 1);
    expect(fs.rename('/run/tmp/f', '/data/f', 2)).toBeNull();
    expect(tmp.exists('/f')).toBe(false);
    expect(host.readFile('/var/lib/docker/volumes/v/_data/f')).toBe('moved');
  });

  it('walks the merged view, mounts included', () => {
    const { fs } = setup();
    const paths = [...fs.walk('/')].map(([p]) => p);
    expect(paths).toContain('/srv/site/index.html');
    expect(paths).not.toContain('/data/from-image.txt');
  });

  it('copyContents copies a directory\'s children with their metadata', () => {
    const { root, host } = setup();
    root.writeFile('/data/sub/deep.txt', 'deep', 5, { parents: true, mode: 0o600 });
    expect(copyContents(root, '/data', host, '/var/lib/docker/volumes/v/_data')).toBeNull();
    const n = host.lookup('/var/lib/docker/volumes/v/_data/sub/deep.txt');
    expect(typeof n).not.toBe('string');
    expect((n as { content: string; mode: number }).content).toBe('deep');
    expect((n as { mode: number }).mode).toBe(0o600);
    expect(host.readFile('/var/lib/docker/volumes/v/_data/from-image.txt')).toBe('image');
  });
});

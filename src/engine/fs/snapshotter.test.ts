import { describe, expect, it } from 'vitest';
import { layerFilesOf, layerTree } from '../image/rootfs.ts';
import type { LayerFile } from '../image/layer.ts';
import { OPAQUE_MARKER } from './overlay.ts';
import { overlayChanges, Snapshotter, upperSize, upperSummary } from './snapshotter.ts';
import { FileTree } from './tree.ts';

const T = 1_700_000_000;
const file = (path: string, content = ''): LayerFile => ({ path, type: 'file', mode: 0o644, uid: 0, gid: 0, size: content.length, content, target: '', mtime: T });
const dir = (path: string, mode = 0o755): LayerFile => ({ path, type: 'dir', mode, uid: 0, gid: 0, size: 4096, content: '', target: '', mtime: T });
const link = (path: string, target: string): LayerFile => ({ path, type: 'symlink', mode: 0o777, uid: 0, gid: 0, size: target.length, content: '', target, mtime: T });

/** An alpine-like base layer and a second layer that deletes and adds. */
function image(): FileTree[] {
  const base = layerTree([
    dir('/etc'), file('/etc/motd', 'welcome\n'), file('/etc/profile', 'export PATH\n'), dir('/etc/apk'), file('/etc/apk/world', 'busybox\n'),
    dir('/tmp', 0o1777), dir('/var'), link('/var/run', '/run'), dir('/run'), dir('/bin'), file('/bin/busybox', 'ELF'), link('/bin/sh', '/bin/busybox'),
    dir('/old'), file('/old/gone', 'x'),
  ]);
  const top = layerTree([dir('/etc'), file('/etc/issue', 'Alpine\n'), file('/.wh.old')]);
  return [top, base];
}

function mount(now = { t: 5000 }) {
  const snapshots = new Snapshotter(() => now.t);
  return { snapshots, fs: snapshots.prepare('ctr', image()), now };
}

describe('overlay mount: the merged view', () => {
  it('shows the topmost entry, merges directories and hides whiteouts', () => {
    const { fs } = mount();
    expect(fs.readFile('/etc/motd')).toBe('welcome\n');
    expect(fs.readFile('/etc/issue')).toBe('Alpine\n');
    const etc = fs.list('/etc');
    expect(typeof etc === 'string' ? etc : etc.map(([n]) => n)).toEqual(['apk', 'issue', 'motd', 'profile']);
    expect(fs.exists('/old')).toBe(false);
    const root = fs.list('/');
    expect(typeof root === 'string' ? root : root.map(([n]) => n)).not.toContain('.wh.old');
    expect(fs.readFile('/bin/sh')).toBe('ELF');
  });

  it('shares the lower dirs between containers and never writes them', () => {
    const lowers = image();
    const s = new Snapshotter(() => 1);
    const a = s.prepare('a', lowers);
    const b = s.prepare('b', lowers);
    expect(a.writeFile('/etc/motd', 'changed\n', 1)).toBeNull();
    expect(a.readFile('/etc/motd')).toBe('changed\n');
    expect(b.readFile('/etc/motd')).toBe('welcome\n');
    expect(lowers[1].readFile('/etc/motd')).toBe('welcome\n');
  });
});

describe('overlay mount: copy-up, whiteouts, opaque directories', () => {
  it('copies a lower file up whole on first write, parents with their metadata', () => {
    const { fs } = mount();
    fs.writeFile('/etc/profile', 'export PS1\n', 7000, { append: true });
    expect(fs.readFile('/etc/profile')).toBe('export PATH\nexport PS1\n');
    expect(fs.upper.readFile('/etc/profile')).toBe('export PATH\nexport PS1\n');
    const etc = fs.upper.lookup('/etc');
    const lowerEtc = fs.lowers[0].lookup('/etc');
    expect(typeof etc !== 'string' && typeof lowerEtc !== 'string' && etc.mtime === lowerEtc.mtime).toBe(true);
    expect(fs.upper.exists('/etc/motd')).toBe(false);
  });

  it('writes through symlinked directories to their target', () => {
    const { fs } = mount();
    expect(fs.writeFile('/var/run/app.pid', '1\n', 1)).toBeNull();
    expect(fs.upper.readFile('/run/app.pid')).toBe('1\n');
  });

  it('leaves a whiteout when a lower file is deleted, nothing when an upper one is', () => {
    const { fs } = mount();
    expect(fs.remove('/etc/motd')).toBeNull();
    expect(fs.exists('/etc/motd')).toBe(false);
    expect(fs.upper.exists('/etc/.wh.motd')).toBe(true);
    fs.writeFile('/tmp/x', '', 1);
    fs.remove('/tmp/x');
    expect(fs.upper.exists('/tmp/.wh.x')).toBe(false);
    expect(fs.writeFile('/etc/motd', 'new\n', 1)).toBeNull();
    expect(fs.upper.exists('/etc/.wh.motd')).toBe(false);
    expect(fs.readFile('/etc/motd')).toBe('new\n');
  });

  it('makes a removed and re-created directory opaque', () => {
    const { fs } = mount();
    expect(fs.remove('/etc/apk', { recursive: true })).toBeNull();
    expect(fs.mkdir('/etc/apk', 1)).toBeNull();
    expect(fs.list('/etc/apk')).toEqual([]);
    expect(fs.upper.exists(`/etc/apk/${OPAQUE_MARKER}`)).toBe(true);
  });

  it('renames a lower directory by copying it up and whiting out the source', () => {
    const { fs } = mount();
    expect(fs.rename('/etc/apk', '/etc/apk2', 1)).toBeNull();
    expect(fs.readFile('/etc/apk2/world')).toBe('busybox\n');
    expect(fs.exists('/etc/apk')).toBe(false);
    expect(fs.upper.exists('/etc/.wh.apk')).toBe(true);
  });

  it('refuses writes on a view', () => {
    const s = new Snapshotter(() => 1);
    const v = s.view('v', image());
    expect(v.writeFile('/x', '', 1)).toBe('EROFS');
    expect(v.remove('/etc/motd')).toBe('EROFS');
  });
});

describe('changes (docker diff)', () => {
  it('lists the reference example in walk order', () => {
    const { fs } = mount();
    fs.writeFile('/tmp/x', '', 6000);
    fs.remove('/etc/motd');
    expect(overlayChanges(fs)).toEqual([
      { Path: '/etc', Kind: 0 }, { Path: '/etc/motd', Kind: 2 }, { Path: '/tmp', Kind: 0 }, { Path: '/tmp/x', Kind: 1 },
    ]);
  });

  it('reports new trees as A, a changed file alone when its directory is unchanged, a re-created directory as D', () => {
    const { fs } = mount();
    fs.mkdir('/app/data', 1, { parents: true });
    fs.writeFile('/app/data/x', '', 1);
    fs.writeFile('/etc/profile', '', 1);
    fs.remove('/etc/apk', { recursive: true });
    fs.mkdir('/etc/apk', 1);
    fs.writeFile('/etc/apk/world', 'x', 1);
    expect(overlayChanges(fs).map((c) => `${'CAD'[c.Kind]} ${c.Path}`)).toEqual([
      'A /app', 'A /app/data', 'A /app/data/x', 'C /etc', 'D /etc/apk', 'C /etc/apk/world', 'C /etc/profile',
    ]);
  });

  it('is empty for a fresh container and counts the upper bytes', () => {
    const { fs } = mount();
    expect(overlayChanges(fs)).toEqual([]);
    fs.writeFile('/tmp/f', 'abcd', 1);
    expect(upperSize(fs)).toBe(4);
  });
});

describe('upperSummary: the snapshot\'s view of the r/w layer', () => {
  it('tells copied-up image files from whiteouts and files of the container\'s own', () => {
    const { fs, now } = mount();
    expect(upperSummary(fs)).toEqual({ size: 0, copiedUp: 0, whiteouts: 0, added: 0 });
    now.t = 6000;
    fs.writeFile('/notes', 'mine', 6); // a new name: only in the upper dir
    expect(upperSummary(fs)).toMatchObject({ copiedUp: 0, whiteouts: 0, added: 1, size: 4 });
    now.t = 7000;
    fs.writeFile('/etc/profile', 'export EDITOR=vi\n', 7, { append: true }); // a lower file: copied up first
    now.t = 8000;
    fs.remove('/etc/motd'); // a lower file: a whiteout
    fs.writeFile('/tmp/x', 'x', 8);
    fs.remove('/tmp/x'); // a name of its own, removed: no whiteout
    const s = upperSummary(fs);
    expect(s).toMatchObject({ copiedUp: 1, whiteouts: 1, added: 1 });
    expect(s.size).toBe(upperSize(fs));
  });

  it('counts a deleted lower directory as one whiteout, and a file re-created over a whiteout as the container\'s own', () => {
    const { fs } = mount();
    fs.remove('/etc/apk', { recursive: true });
    expect(upperSummary(fs)).toMatchObject({ copiedUp: 0, whiteouts: 1, added: 0 });
    fs.remove('/etc/motd');
    expect(upperSummary(fs)).toMatchObject({ whiteouts: 2, added: 0 });
    fs.writeFile('/etc/motd', 'new', 1); // takes the whiteout's place: nothing below is read or copied
    expect(upperSummary(fs)).toMatchObject({ copiedUp: 0, whiteouts: 1, added: 1 });
  });
});

describe('snapshot lifecycle', () => {
  it('commits an upper dir into a layer that later snapshots stack on', () => {
    const s = new Snapshotter(() => 1);
    const init = s.prepare('c-init', image());
    init.writeFile('/etc/hostname', 'abc\n', 1);
    const initLayer = s.commit('c-init')!;
    expect(initLayer.readOnly).toBe(true);
    expect(s.mounts('c-init')).toBeUndefined();
    const rw = s.prepare('c', [initLayer, ...image()]);
    expect(rw.readFile('/etc/hostname')).toBe('abc\n');
    expect(overlayChanges(rw)).toEqual([]);
    expect(s.remove('c')).toBe(true);
    expect(s.keys()).toEqual([]);
  });

  it('turns an upper dir into layer entries with whiteouts, and back', () => {
    const { fs } = mount();
    fs.remove('/etc/motd');
    fs.writeFile('/srv/a', 'a', 1, { parents: true });
    const files = layerFilesOf(fs.upper);
    expect(files.map((f) => f.path)).toEqual(['/etc', '/etc/.wh.motd', '/srv', '/srv/a']);
    const s = new Snapshotter(() => 1);
    const next = s.prepare('n', [layerTree(files), ...image()]);
    expect(next.exists('/etc/motd')).toBe(false);
    expect(next.readFile('/srv/a')).toBe('a');
  });
});

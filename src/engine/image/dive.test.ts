import { describe, expect, it } from 'vitest';
import { FileTree } from '../fs/tree.ts';
import { efficiencyOf, markLayerFiles, treeOrder } from './dive.ts';
import type { LayerFile } from './layer.ts';
import { applyLayer } from './rootfs.ts';

const T = 1_700_000_000;
const file = (path: string, size: number, content = ''): LayerFile => ({ path, type: 'file', mode: 0o644, uid: 0, gid: 0, size, content, target: '', mtime: T });
const dir = (path: string, mode = 0o755): LayerFile => ({ path, type: 'dir', mode, uid: 0, gid: 0, size: 4096, content: '', target: '', mtime: T });
const link = (path: string, target: string): LayerFile => ({ path, type: 'symlink', mode: 0o777, uid: 0, gid: 0, size: target.length, content: '', target, mtime: T });
const whiteout = (path: string): LayerFile => file(path, 0);

function stacked(...layers: LayerFile[][]): FileTree {
  const t = new FileTree();
  for (const l of layers) applyLayer(t, l);
  return t;
}

describe('dive efficiency (dive/filetree/efficiency.go)', () => {
  // dive's own TestEfficency fixture: nginx.conf stored twice, then /etc/nginx deleted.
  const layers = [
    { size: 5000, files: [file('/etc/nginx/nginx.conf', 2000), file('/etc/nginx/public', 3000)] },
    { size: 15000, files: [file('/etc/nginx/nginx.conf', 5000), file('/etc/athing', 10000)] },
    { size: 0, files: [whiteout('/etc/.wh.nginx')] },
  ];

  it('counts a path stored in two layers as waste, with both copies', () => {
    const e = efficiencyOf(layers);
    expect(e.inefficiencies).toEqual([{ path: '/etc/nginx/nginx.conf', count: 2, size: 7000 }]);
    expect(e.wastedBytes).toBe(7000);
    expect(e.sizeBytes).toBe(20000);
    expect(e.userSizeBytes).toBe(15000);
    expect(e.userWastedPercent).toBeCloseTo(7000 / 15000);
  });

  it('scores Σ smallest copy / Σ all copies, a deleted directory weighing what it held', () => {
    // nginx.conf 2000 of 7000, public 3000, athing 10000, /etc/nginx (whiteout of a dir holding 5000 + 3000) 8000.
    expect(efficiencyOf(layers).efficiency).toBeCloseTo((2000 + 3000 + 10000 + 8000) / (7000 + 3000 + 10000 + 8000));
  });

  it('counts a deleted file as waste: stored, then removed (the whiteout node weighs 0)', () => {
    const e = efficiencyOf([
      { size: 100, files: [file('/big', 1000), file('/keep', 50)] },
      { size: 0, files: [whiteout('/.wh.big')] },
    ]);
    expect(e.inefficiencies).toEqual([{ path: '/big', count: 2, size: 1000 }]);
    expect(e.efficiency).toBeCloseTo(50 / 1050);
    expect(e.userWastedPercent).toBeNull(); // the image adds nothing over its base layer
  });

  it('is 1 for an image with nothing stored twice, and for an empty one', () => {
    expect(efficiencyOf([{ size: 10, files: [dir('/etc'), file('/etc/a', 10)] }, { size: 5, files: [file('/etc/b', 5)] }]).efficiency).toBe(1);
    expect(efficiencyOf([{ size: 0, files: [file('/nothing', 0)] }]).efficiency).toBe(1);
  });

  it('visits leaves only: a directory holding files is not a node of its own', () => {
    const e = efficiencyOf([
      { size: 10, files: [dir('/etc'), file('/etc/a', 10)] },
      { size: 10, files: [dir('/etc'), file('/etc/b', 10)] },
    ]);
    expect(e.wastedBytes).toBe(0);
  });
});

describe('a layer\'s files, dive-style (CompareAndMark)', () => {
  const base = [dir('/etc'), file('/etc/motd', 8, 'welcome\n'), file('/etc/os-release', 10, 'ID=alpine\n'), dir('/srv'), file('/srv/x', 4, 'xxxx'), link('/bin', 'usr/bin')];

  it('marks added, modified, unmodified and removed entries, with what a removal deleted', () => {
    const top = [dir('/etc'), file('/etc/motd', 6, 'hello\n'), file('/etc/os-release', 10, 'ID=alpine\n'), file('/etc/new', 3, 'new'), whiteout('/.wh.srv')];
    const marks = markLayerFiles(top, stacked(base));
    expect(marks.map((e) => [e.path, e.mark, e.size])).toEqual([
      ['/etc', 'modified', 0],
      ['/etc/motd', 'modified', 6],
      ['/etc/new', 'added', 3],
      ['/etc/os-release', 'unmodified', 10],
      ['/srv', 'removed', 4],
    ]);
    expect(marks.find((e) => e.path === '/srv')!.type).toBe('dir');
  });

  it('adds the parent directories the tar leaves out, so the list reads as a tree', () => {
    const marks = markLayerFiles([file('/usr/share/app/data', 7)], stacked(base));
    expect(marks.map((e) => [e.path, e.mark, e.implied])).toEqual([
      ['/usr', 'added', true],
      ['/usr/share', 'added', true],
      ['/usr/share/app', 'added', true],
      ['/usr/share/app/data', 'added', false],
    ]);
  });

  it('treats everything under an opaque directory as new', () => {
    const marks = markLayerFiles([dir('/srv'), file('/srv/.wh..wh..opq', 0), file('/srv/x', 4, 'xxxx')], stacked(base));
    expect(marks.map((e) => [e.path, e.mark])).toEqual([['/srv', 'modified'], ['/srv/x', 'added']]);
  });

  it('orders paths as a tree, not by bytes', () => {
    expect(['/etc/nginx.conf', '/etc/nginx/x', '/etc/nginx', '/etc'].sort(treeOrder)).toEqual(['/etc', '/etc/nginx', '/etc/nginx/x', '/etc/nginx.conf']);
  });
});

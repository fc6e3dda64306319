import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layerTree } from '../image/rootfs.ts';
import type { LayerFile } from '../image/layer.ts';
import { Disk } from './disk.ts';
import { Snapshotter, upperSize } from './snapshotter.ts';
import { FileTree } from './tree.ts';

const T = 1_700_000_000;
const file = (path: string, size: number): LayerFile => ({ path, type: 'file', mode: 0o644, uid: 0, gid: 0, size, content: '', target: '', mtime: T });
const dir = (path: string): LayerFile => ({ path, type: 'dir', mode: 0o755, uid: 0, gid: 0, size: 4096, content: '', target: '', mtime: T });

function hostTree(capacity: number): { disk: Disk; fs: FileTree } {
  const disk = new Disk(capacity);
  const fs = new FileTree();
  fs.mkdir('/data', 0);
  fs.attachDisk(disk);
  return { disk, fs };
}

describe('disk accounting on a file tree', () => {
  it('charges writes, appends, copies and frees removes and overwrites', () => {
    const { disk, fs } = hostTree(10_000);
    expect(fs.writeFile('/data/a', 'hello', 1)).toBeNull();
    expect(disk.used).toBe(5);
    expect(fs.writeFile('/data/a', ' world', 2, { append: true })).toBeNull();
    expect(disk.used).toBe(11);
    expect(fs.writeFile('/data/big', '', 3, { size: 4000 })).toBeNull();
    expect(disk.used).toBe(4011);
    expect(fs.copy('/data', '/copy', 4)).toBeNull();
    expect(disk.used).toBe(8022);
    expect(fs.writeFile('/copy/big', 'x', 5)).toBeNull(); // truncating rewrite
    expect(disk.used).toBe(4023);
    expect(fs.rename('/data/a', '/copy/a', 6)).toBeNull(); // replaces /copy/a (11 bytes)
    expect(disk.used).toBe(4012);
    expect(fs.remove('/copy', { recursive: true })).toBeNull();
    expect(disk.used).toBe(4000);
    expect(disk.used).toBe(fs.totalSize());
  });

  it('fails a write that does not fit with ENOSPC and changes nothing', () => {
    const { disk, fs } = hostTree(1000);
    expect(fs.writeFile('/data/a', '', 1, { size: 900 })).toBeNull();
    const rev = fs.rev;
    expect(fs.writeFile('/data/b', '', 2, { size: 101 })).toBe('ENOSPC');
    expect(fs.exists('/data/b')).toBe(false);
    expect(fs.writeFile('/data/a', 'x'.repeat(10), 3, { append: true, size: 1001 })).toBe('ENOSPC');
    expect(fs.copy('/data/a', '/data/c', 4)).toBe('ENOSPC');
    expect(fs.rev).toBe(rev);
    expect(disk.used).toBe(900);
    expect(fs.writeFile('/data/b', '', 5, { size: 100 })).toBeNull(); // exactly full is fine
    expect(disk.available).toBe(0);
  });

  it('keeps the counter equal to the bytes of the files through any sequence of operations', () => {
    const path = fc.constantFrom('/data/a', '/data/b', '/data/sub/c', '/data/sub', '/x');
    const op = fc.oneof(
      fc.record({ kind: fc.constant('write' as const), path, size: fc.nat(600), append: fc.boolean() }),
      fc.record({ kind: fc.constant('remove' as const), path }),
      fc.record({ kind: fc.constant('copy' as const), path, to: path }),
      fc.record({ kind: fc.constant('rename' as const), path, to: path }),
      fc.record({ kind: fc.constant('mkdir' as const), path }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const { disk, fs } = hostTree(1500);
        let t = 1;
        for (const o of ops) {
          t += 1;
          if (o.kind === 'write') fs.writeFile(o.path, 'y'.repeat(o.size % 7), t, { size: o.size, append: o.append });
          else if (o.kind === 'remove') fs.remove(o.path, { recursive: true });
          else if (o.kind === 'copy') {
            if (!o.to.startsWith(`${o.path}/`)) fs.copy(o.path, o.to, t);
          } else if (o.kind === 'rename') {
            if (!o.to.startsWith(`${o.path}/`) && o.to !== o.path) fs.rename(o.path, o.to, t);
          } else fs.mkdir(o.path, t);
          expect(disk.used).toBe(fs.totalSize());
          expect(disk.used).toBeLessThanOrEqual(disk.capacity);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('disk accounting of a container r/w layer (overlay upper dir)', () => {
  function container(capacity: number) {
    const disk = new Disk(capacity);
    const snapshots = new Snapshotter(() => T);
    snapshots.disk = disk;
    const lower = layerTree([dir('/etc'), file('/etc/big.conf', 300), dir('/var'), file('/var/log.txt', 50)]);
    return { disk, snapshots, fs: snapshots.prepare('ctr', [lower]) };
  }

  it('counts own files and copy-ups, not the image layers below', () => {
    const { disk, fs } = container(1000);
    expect(disk.used).toBe(0);
    expect(fs.writeFile('/new', 'abc', 1)).toBeNull();
    expect(disk.used).toBe(3);
    expect(fs.chmod('/etc/big.conf', 0o600)).toBeNull(); // copy-up of the whole file
    expect(disk.used).toBe(303);
    expect(fs.writeFile('/var/log.txt', 'more', 2, { append: true })).toBeNull(); // copy-up, then grow
    expect(disk.used).toBe(357);
    expect(disk.used).toBe(upperSize(fs));
    expect(fs.remove('/etc/big.conf')).toBeNull(); // the copy goes, a whiteout stays
    expect(fs.remove('/new')).toBeNull();
    expect(disk.used).toBe(54);
    expect(disk.used).toBe(upperSize(fs));
  });

  it('fails a write into the container with ENOSPC when the disk is full', () => {
    const { disk, fs } = container(500);
    expect(fs.writeFile('/fill', '', 1, { size: 480 })).toBeNull();
    expect(fs.writeFile('/more', '', 2, { size: 21 })).toBe('ENOSPC');
    expect(fs.exists('/more')).toBe(false);
    expect(fs.copy('/var/log.txt', '/copy', 3)).toBe('ENOSPC');
    expect(disk.used).toBe(480);
  });

  it('gives the space back when the snapshot is removed (docker rm)', () => {
    const { disk, snapshots, fs } = container(1000);
    fs.writeFile('/a', '', 1, { size: 400 });
    fs.rename('/var/log.txt', '/moved', 2);
    expect(disk.used).toBe(450);
    expect(disk.used).toBe(upperSize(fs));
    snapshots.remove('ctr');
    expect(disk.used).toBe(0);
  });
});

describe('inodes', () => {
  it('fails a new file, directory or link with ENOSPC once the inodes run out, however much space is free', () => {
    const disk = new Disk(1 << 30, 1030);
    const fs = new FileTree();
    fs.attachDisk(disk); // the root: 1 inode
    expect(disk.inodesUsed).toBe(1);
    expect(fs.mkdir('/d', 0)).toBeNull();
    for (let i = 0; i < 1027; i++) expect(fs.writeFile(`/d/f${i}`, '', 0)).toBeNull();
    expect(disk.inodesUsed).toBe(1029);
    expect(fs.writeFile('/d/last', '', 0)).toBeNull();
    expect(fs.writeFile('/d/one-too-many', '', 0)).toBe('ENOSPC');
    expect(fs.mkdir('/e', 0)).toBe('ENOSPC');
    expect(fs.symlink('/d', '/l', 0)).toBe('ENOSPC');
    expect(fs.exists('/d/one-too-many')).toBe(false);
    expect(fs.writeFile('/d/f0', 'rewriting an existing file needs no inode', 0)).toBeNull();
    expect(fs.remove('/d', { recursive: true })).toBeNull();
    expect(disk.inodesUsed).toBe(1);
    expect(fs.mkdir('/e', 0)).toBeNull();
  });

  it('counts a container’s new files, copy-ups and whiteouts, and gives them back on docker rm', () => {
    const disk = new Disk(1 << 30, 1100);
    const snap = new Snapshotter(() => T);
    snap.disk = disk;
    const base = layerTree([dir('/etc'), file('/etc/motd', 10), file('/etc/profile', 20)]);
    const fs = snap.prepare('c1', [base]);
    expect(fs.writeFile('/etc/profile', 'changed', 1)).toBeNull(); // copy-up: /etc and /etc/profile
    expect(fs.remove('/etc/motd')).toBeNull(); // a whiteout
    expect(fs.writeFile('/new', '', 1)).toBeNull();
    expect(disk.inodesUsed).toBe(4);
    snap.remove('c1');
    expect(disk.inodesUsed).toBe(0);
  });
});

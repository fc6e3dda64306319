import { describe, expect, it } from 'vitest';
import type { HostFileEntry } from '../../worker/protocol.ts';
import { treeKey, visibleRows } from './treeModel.ts';

const file = (path: string, size = 1): HostFileEntry => ({ name: path.slice(path.lastIndexOf('/') + 1), path, type: 'file', size, mode: 0o644, mtime: 0 });
const dir = (path: string): HostFileEntry => ({ ...file(path, 4096), type: 'dir', mode: 0o755 });
const link = (path: string, target: string): HostFileEntry => ({ ...file(path, target.length), type: 'symlink', target, targetIsDir: true, mode: 0o777 });

const listings = {
  '/root': { entries: [file('/root/README.txt'), dir('/root/app'), file('/root/.bashrc'), dir('/root/Zeta'), link('/root/loop', '/root')] },
  '/root/app': { entries: [file('/root/app/index.html'), file('/root/app/Dockerfile'), dir('/root/app/static')] },
  '/root/app/static': { error: '/root/app/static: Permission denied' },
  '/root/loop': { entries: [dir('/root/loop/app')] },
};

describe('file tree rows', () => {
  it('shows folders first, then files case-insensitively; expanded folders nest their entries', () => {
    const rows = visibleRows({ root: '/root', expanded: { '/root/app': true, '/root/app/static': true }, listings });
    expect(rows.map((r) => `${'  '.repeat(r.level - 1)}${r.name}${r.isDir ? '/' : ''} ${r.pos}/${r.size}`)).toEqual([
      'app/ 1/5',
      '  static/ 1/3',
      '  Dockerfile 2/3',
      '  index.html 3/3',
      'loop/ 2/5',
      'Zeta/ 3/5',
      '.bashrc 4/5',
      'README.txt 5/5',
    ]);
    expect(rows[1]).toMatchObject({ expanded: true, parent: '/root/app', error: '/root/app/static: Permission denied' });
    expect(rows[0]).toMatchObject({ expanded: true, parent: null, level: 1 });
  });

  it('walks into a symlinked folder once', () => {
    const rows = visibleRows({ root: '/root', expanded: { '/root/loop': true }, listings });
    expect(rows.filter((r) => r.level === 2).map((r) => r.path)).toEqual(['/root/loop/app']);
  });

  it('moves with the keys of a WAI-ARIA tree view', () => {
    const rows = visibleRows({ root: '/root', expanded: { '/root/app': true }, listings });
    expect(treeKey(rows, null, 'ArrowDown')).toEqual({ kind: 'focus', path: '/root/app/static' });
    expect(treeKey(rows, '/root/app/static', 'ArrowUp')).toEqual({ kind: 'focus', path: '/root/app' });
    expect(treeKey(rows, '/root/app', 'ArrowRight')).toEqual({ kind: 'focus', path: '/root/app/static' });
    expect(treeKey(rows, '/root/app/static', 'ArrowRight')).toEqual({ kind: 'expand', path: '/root/app/static' });
    expect(treeKey(rows, '/root/app/Dockerfile', 'ArrowLeft')).toEqual({ kind: 'focus', path: '/root/app' });
    expect(treeKey(rows, '/root/app', 'ArrowLeft')).toEqual({ kind: 'collapse', path: '/root/app' });
    expect(treeKey(rows, '/root/.bashrc', 'ArrowRight')).toBeNull();
    expect(treeKey(rows, '/root/app', 'End')).toEqual({ kind: 'focus', path: '/root/README.txt' });
    expect(treeKey(rows, '/root/README.txt', 'Home')).toEqual({ kind: 'focus', path: '/root/app' });
    expect(treeKey(rows, '/root/README.txt', 'ArrowDown')).toEqual({ kind: 'focus', path: '/root/README.txt' });
    expect(treeKey(rows, '/root/app/Dockerfile', 'Enter')).toEqual({ kind: 'activate', path: '/root/app/Dockerfile' });
    expect(treeKey(rows, '/root/app/Dockerfile', 'F2')).toEqual({ kind: 'rename', path: '/root/app/Dockerfile' });
    expect(treeKey(rows, '/root/app/Dockerfile', 'Delete')).toEqual({ kind: 'delete', path: '/root/app/Dockerfile' });
    expect(treeKey(rows, '/root/app', 'a')).toBeNull();
    expect(treeKey([], null, 'ArrowDown')).toBeNull();
  });
});

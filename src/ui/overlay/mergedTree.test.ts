import { describe, expect, it } from 'vitest';
import type { OverlayMergedEntry, OverlayUpperEntry } from '../../engine/queries.ts';
import { changedDirs, treeOrder, visibleRows } from './mergedTree.ts';

const e = (path: string, type: 'file' | 'dir' = 'file', from: 'upper' | number = 1): OverlayMergedEntry => ({ path, type, size: 0, target: '', from });
const MERGED = [e('/bin', 'dir'), e('/bin/sh'), e('/etc', 'dir'), e('/etc/nginx', 'dir'), e('/etc/nginx/nginx.conf', 'file', 'upper'), e('/etc/os-release'), e('/tmp', 'dir')];

describe('the merged tree', () => {
  it('shows the top level, and what is inside open directories only', () => {
    const open = new Set(['/etc']);
    expect(visibleRows(MERGED, (d) => open.has(d)).map((r) => `${'  '.repeat(r.depth)}${r.name}${r.open ? '/' : ''}`)).toEqual([
      'bin', 'etc/', '  nginx', '  os-release', 'tmp',
    ]);
  });

  it('opens the directories holding the upper dir\'s changes (whiteouts by the path they hide)', () => {
    const upper: OverlayUpperEntry[] = [
      { path: '/etc/nginx/nginx.conf', type: 'file', kind: 'copied-up', size: 1, hides: '/etc/nginx/nginx.conf', layer: 2 },
      { path: '/usr/.wh.lib', type: 'file', kind: 'whiteout', size: 0, hides: '/usr/lib', layer: 3 },
    ];
    expect([...changedDirs(upper)].sort()).toEqual(['/etc', '/etc/nginx', '/usr']);
    const open = changedDirs(upper);
    expect(visibleRows(MERGED, (d) => open.has(d)).map((r) => r.entry.path)).toContain('/etc/nginx/nginx.conf');
  });

  it('slots a just-deleted name in at its place, as a ghost', () => {
    const rows = visibleRows(MERGED.filter((x) => x.path !== '/etc/os-release'), (d) => d === '/etc', [e('/etc/os-release')]);
    expect(rows.map((r) => [r.entry.path, r.ghost])).toEqual([
      ['/bin', false], ['/etc', false], ['/etc/nginx', false], ['/etc/os-release', true], ['/tmp', false],
    ]);
  });

  it('orders paths as a tree', () => {
    expect(['/etc/nginx.conf', '/etc/nginx/x', '/etc/nginx'].sort(treeOrder)).toEqual(['/etc/nginx', '/etc/nginx/x', '/etc/nginx.conf']);
  });
});

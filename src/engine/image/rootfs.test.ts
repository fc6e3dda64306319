import { describe, expect, it } from 'vitest';
import { EMPTY_LAYER_DIFF_ID, EMPTY_LAYER_GZIP_DIGEST } from './digest.ts';
import { compressedDigestOf, diffIdOf, opaqueMarkerFor, whiteoutFor, whiteoutTarget, opaqueDir, type LayerFile } from './layer.ts';
import { buildRootfs, virtualMtime } from './rootfs.ts';

const T = 1_700_000_000;
const file = (path: string, content = '', mode = 0o644): LayerFile => ({ path, type: 'file', mode, uid: 0, gid: 0, size: content.length, content, target: '', mtime: T });
const dir = (path: string, mode = 0o755): LayerFile => ({ path, type: 'dir', mode, uid: 0, gid: 0, size: 4096, content: '', target: '', mtime: T });
const link = (path: string, target: string): LayerFile => ({ path, type: 'symlink', mode: 0o777, uid: 0, gid: 0, size: target.length, content: '', target, mtime: T });

describe('layer identity', () => {
  it('diff_id depends on content, not on entry order', () => {
    const a = [dir('/etc'), file('/etc/motd', 'hi\n')];
    expect(diffIdOf(a)).toBe(diffIdOf([...a].reverse()));
    expect(diffIdOf(a)).not.toBe(diffIdOf([dir('/etc'), file('/etc/motd', 'ho\n')]));
    expect(diffIdOf([dir('/etc'), { ...file('/etc/motd', 'hi\n'), mode: 0o600 }])).not.toBe(diffIdOf(a));
  });

  it('the empty layer has the real empty-tar digests', () => {
    expect(diffIdOf([])).toBe(EMPTY_LAYER_DIFF_ID);
    expect(compressedDigestOf(EMPTY_LAYER_DIFF_ID)).toBe(EMPTY_LAYER_GZIP_DIGEST);
    expect(compressedDigestOf(diffIdOf([file('/a')]))).not.toBe(diffIdOf([file('/a')]));
  });

  it('names whiteouts like the OCI layer spec', () => {
    expect(whiteoutFor('/etc/motd', T).path).toBe('/etc/.wh.motd');
    expect(whiteoutTarget('/etc/.wh.motd')).toBe('/etc/motd');
    expect(whiteoutTarget('/.wh.x')).toBe('/x');
    expect(opaqueMarkerFor('/var/cache', T).path).toBe('/var/cache/.wh..wh..opq');
    expect(opaqueDir('/var/cache/.wh..wh..opq')).toBe('/var/cache');
    expect(whiteoutTarget('/var/cache/.wh..wh..opq')).toBeNull();
  });
});

describe('rootfs', () => {
  const base = [dir('/etc'), file('/etc/motd', 'welcome\n'), file('/etc/hostname', 'x\n'), dir('/var'), dir('/var/cache'), file('/var/cache/a'), file('/var/cache/b'), dir('/tmp', 0o1777), link('/bin', 'usr/bin'), dir('/usr'), dir('/usr/bin'), file('/usr/bin/sh', '', 0o755)];

  it('applies layers bottom to top, later entries win', () => {
    const fs = buildRootfs([base, [file('/etc/motd', 'changed\n')]]);
    expect(fs.readFile('/etc/motd')).toBe('changed\n');
    expect(fs.readFile('/etc/hostname')).toBe('x\n');
    const tmp = fs.lookup('/tmp');
    expect(typeof tmp !== 'string' && tmp.mode).toBe(0o1777);
    expect(typeof tmp !== 'string' && tmp.mtime).toBe(virtualMtime(T));
  });

  it('a whiteout deletes the lower file and is not itself visible', () => {
    const fs = buildRootfs([base, [whiteoutFor('/etc/motd', T)]]);
    expect(fs.exists('/etc/motd')).toBe(false);
    expect(fs.exists('/etc/.wh.motd')).toBe(false);
    expect(fs.exists('/etc/hostname')).toBe(true);
  });

  it('whiteouts only hide lower layers, not entries of their own layer', () => {
    const fs = buildRootfs([base, [whiteoutFor('/etc/motd', T), file('/etc/motd', 'again\n')]]);
    expect(fs.readFile('/etc/motd')).toBe('again\n');
  });

  it('an opaque directory hides the lower content but keeps its own', () => {
    const fs = buildRootfs([base, [dir('/var/cache'), opaqueMarkerFor('/var/cache', T), file('/var/cache/new')]]);
    const names = fs.list('/var/cache');
    expect(Array.isArray(names) && names.map(([n]) => n)).toEqual(['new']);
  });

  it('follows symlinked parent directories like tar extraction', () => {
    const fs = buildRootfs([base, [file('/bin/ls', '', 0o755)]]);
    expect(fs.exists('/usr/bin/ls')).toBe(true);
    const l = fs.lookup('/bin', true);
    expect(typeof l !== 'string' && l.type).toBe('symlink');
  });

  it('creates missing parents and keeps directory children when a layer re-lists a directory', () => {
    const fs = buildRootfs([base, [dir('/etc', 0o700), file('/opt/app/run.sh', '#!/bin/sh\n', 0o755)]]);
    const etc = fs.lookup('/etc');
    expect(typeof etc !== 'string' && etc.mode).toBe(0o700);
    expect(fs.exists('/etc/hostname')).toBe(true);
    expect(fs.readFile('/opt/app/run.sh')).toBe('#!/bin/sh\n');
  });
});

import { describe, expect, it } from 'vitest';
import { layerTree } from '../image/rootfs.ts';
import type { LayerFile } from '../image/layer.ts';
import { inspectOverlay, overlayKey, type OverlayLowerView } from './inspect.ts';
import { OVERLAY_EVENT_LOG } from './overlay.ts';
import { Snapshotter } from './snapshotter.ts';

const T = 1_700_000_000;
const file = (path: string, content = ''): LayerFile => ({ path, type: 'file', mode: 0o644, uid: 0, gid: 0, size: content.length, content, target: '', mtime: T });
const dir = (path: string): LayerFile => ({ path, type: 'dir', mode: 0o755, uid: 0, gid: 0, size: 4096, content: '', target: '', mtime: T });

/** lowers[0] = an init-like layer, lowers[1] = an app layer, lowers[2] = the base. */
function mount() {
  const base = layerTree([dir('/etc'), file('/etc/motd', 'welcome\n'), file('/etc/os-release', 'ID=alpine\n'), dir('/srv'), file('/srv/a', 'a'), file('/srv/b', 'b')]);
  const app = layerTree([dir('/etc'), file('/etc/app.conf', 'port=80\n'), file('/entrypoint.sh', '#!/bin/sh\n')]);
  const init = layerTree([dir('/etc'), file('/etc/hostname', 'abc\n'), file('/.dockerenv')]);
  const clock = { t: 1000 };
  const fs = new Snapshotter(() => clock.t).prepare('c', [init, app, base]);
  return { fs, clock };
}

const LOWERS: OverlayLowerView[] = [
  { index: 0, role: 'init', chainId: null, diffId: null, position: 0, createdBy: '', size: 0 },
  { index: 1, role: 'image', chainId: 'sha256:app', diffId: 'sha256:app', position: 2, createdBy: 'COPY app.conf /etc/', size: 18 },
  { index: 2, role: 'image', chainId: 'sha256:base', diffId: 'sha256:base', position: 1, createdBy: 'ADD rootfs.tar /', size: 30 },
];

describe('overlay event log', () => {
  it('records a copy-up with the lower layer the file came from, once', () => {
    const { fs, clock } = mount();
    clock.t = 2000;
    fs.writeFile('/etc/app.conf', 'port=8080\n', 2000);
    fs.writeFile('/etc/app.conf', 'port=9090\n', 2100);
    expect(fs.events).toEqual([{ seq: 1, t: 2000, op: 'copy-up', path: '/etc/app.conf', type: 'file', layer: 1 }]);
    expect(fs.eventSeq).toBe(1);
    expect(fs.isCopiedUp('/etc/app.conf')).toBe(true);
  });

  it('records a whiteout for a deleted lower name, with the layer it hides; a plain remove for an upper-only one', () => {
    const { fs } = mount();
    expect(fs.remove('/etc/motd')).toBeNull();
    fs.writeFile('/tmp-note', 'x', 1000);
    fs.remove('/tmp-note');
    expect(fs.events.map((e) => [e.op, e.path, e.layer])).toEqual([
      ['whiteout', '/etc/motd', 2],
      ['create', '/tmp-note', null],
      ['remove', '/tmp-note', null],
    ]);
  });

  it('records an opaque directory when a deleted lower directory is re-created', () => {
    const { fs } = mount();
    fs.remove('/srv', { recursive: true });
    fs.mkdir('/srv', 1000);
    expect(fs.events.map((e) => [e.op, e.path, e.type])).toEqual([
      ['whiteout', '/srv', 'dir'],
      ['opaque', '/srv', 'dir'],
    ]);
  });

  it('keeps only the most recent events, numbered without gaps', () => {
    const { fs } = mount();
    for (let i = 0; i < OVERLAY_EVENT_LOG + 10; i++) fs.writeFile(`/f${i}`, 'x', 1000);
    expect(fs.events).toHaveLength(OVERLAY_EVENT_LOG);
    expect(fs.events[0]!.seq).toBe(11);
    expect(fs.events.at(-1)!.seq).toBe(OVERLAY_EVENT_LOG + 10);
  });

  it('does not log reads, and the change key moves on every write', () => {
    const { fs } = mount();
    const before = overlayKey(fs);
    fs.readFile('/etc/motd');
    fs.list('/etc');
    expect(fs.events).toHaveLength(0);
    expect(overlayKey(fs)).toBe(before);
    fs.writeFile('/new', 'x', 1000);
    expect(overlayKey(fs)).not.toBe(before);
  });
});

describe('inspectOverlay', () => {
  it('tells copied-up files, new files, whiteouts and structural directories apart', () => {
    const { fs } = mount();
    fs.writeFile('/etc/app.conf', 'port=8080\n', 1000);
    fs.remove('/entrypoint.sh');
    fs.writeFile('/etc/new.conf', 'n\n', 1000);
    const o = inspectOverlay('c', fs, LOWERS);
    expect(o.upper.map((e) => [e.path, e.kind, e.layer])).toEqual([
      ['/.wh.entrypoint.sh', 'whiteout', 1],
      ['/etc', 'dir', 0],
      ['/etc/app.conf', 'copied-up', 1],
      ['/etc/new.conf', 'new', null],
    ]);
    expect(o.upper[0]!.hides).toBe('/entrypoint.sh');
    expect(o.rwSize).toBe('port=8080\n'.length + 'n\n'.length);
  });

  it('says where each merged name comes from, and leaves deleted names out', () => {
    const { fs } = mount();
    fs.writeFile('/etc/app.conf', 'port=8080\n', 1000);
    fs.remove('/etc/motd');
    const o = inspectOverlay('c', fs, LOWERS);
    const from = Object.fromEntries(o.merged.map((e) => [e.path, e.from]));
    expect(from['/etc/app.conf']).toBe('upper');
    expect(from['/etc/hostname']).toBe(0);
    expect(from['/etc/os-release']).toBe(2);
    expect(from['/entrypoint.sh']).toBe(1);
    expect(from['/etc/motd']).toBeUndefined();
    expect(o.merged.map((e) => e.path)).toEqual([
      '/.dockerenv', '/entrypoint.sh', '/etc', '/etc/app.conf', '/etc/hostname', '/etc/os-release', '/srv', '/srv/a', '/srv/b',
    ]);
    expect(o.lowers).toBe(LOWERS);
    expect(o.events.map((e) => e.op)).toEqual(['copy-up', 'whiteout']);
  });

  it('caps the merged tree and says how much was left out', () => {
    const { fs } = mount();
    const o = inspectOverlay('c', fs, LOWERS, 3);
    expect(o.merged).toHaveLength(3);
    expect(o.mergedTruncated).toBe(7); // 10 names in all
  });
});

import { describe, expect, it } from 'vitest';
import type { ContainerView, MountView, VolumeView } from '../../engine/snapshot.ts';
import { layoutVolumes } from './layout.ts';

const volume = (id: string, usedBy: string[], anonymous = false): VolumeView => ({
  id, rev: 1, anonymous, driver: 'local', mountpoint: `/var/lib/docker/volumes/${id}/_data`, createdAt: 0, size: 5, labels: {}, usedBy,
});

const container = (id: string, name: string, createdAt: number, mounts?: MountView[]) =>
  ({ id, name, createdAt, status: 'running', ...(mounts ? { mounts } : {}) }) as unknown as ContainerView;

describe('layoutVolumes', () => {
  it('puts named, then anonymous volumes, then host directories and tmpfs on the host side, each linked to its mount points', () => {
    const anon = 'a'.repeat(64);
    const l = layoutVolumes(
      [volume(anon, ['c2'], true), volume('data', ['c1', 'c2']), volume('orphan', [])],
      [
        container('c2', 'second', 2, [
          { type: 'volume', name: anon, source: '', destination: '/anon', rw: true },
          { type: 'bind', name: '', source: '/root/site', destination: '/site', rw: false },
          { type: 'volume', name: 'data', source: '', destination: '/data', rw: true },
        ]),
        container('c1', 'first', 1, [
          { type: 'volume', name: 'data', source: '', destination: '/data', rw: true },
          { type: 'tmpfs', name: '', source: '', destination: '/run', rw: true },
        ]),
        container('c3', 'plain', 3),
      ],
    );
    expect(l.sources.map((s) => `${s.kind}:${s.name}`)).toEqual(['named:data', 'named:orphan', `anonymous:${anon}`, 'bind:/root/site', 'tmpfs:']);
    expect(l.sources.find((s) => s.name === 'orphan')?.usedBy).toBe(0);
    expect(l.containers.map((r) => r.key)).toEqual([
      'c:c1', 'm:c1:/data', 'm:c1:/run', 'c:c2', 'm:c2:/anon', 'm:c2:/site', 'm:c2:/data', 'c:c3', 'none:c3',
    ]);
    const link = (from: string, to: string) => l.links.find((x) => l.sources[x.from].key === from && l.containers[x.to].key === to);
    expect(link('volume:data', 'm:c1:/data')).toMatchObject({ rw: true, kind: 'volume' });
    expect(link('volume:data', 'm:c2:/data')).toBeDefined();
    expect(link('bind:/root/site', 'm:c2:/site')).toMatchObject({ rw: false, kind: 'bind' });
    expect(link('tmpfs:c1:/run', 'm:c1:/run')).toMatchObject({ kind: 'tmpfs' });
    expect(l.links).toHaveLength(5);
    expect(l.rows).toBe(9);
  });
});

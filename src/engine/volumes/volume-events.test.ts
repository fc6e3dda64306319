import { describe, expect, it } from 'vitest';
import { runLines } from '../sim.ts';

describe('volume events (moby daemon/volumes_unix.go setupMounts, container.UnmountVolumes)', () => {
  const t = runLines([
    'docker volume create data',
    'docker run -d --name box -v data:/data:ro -v /scratch alpine sleep 1',
    'sleep 2',
    'docker rm -v box',
    'docker volume rm data',
    'sleep 1',
    "docker events --since 1h --until 0s --format '{{.Type}} {{.Action}} {{.Actor.ID}} {{json .Actor.Attributes}}'",
  ]);
  const lines = t.text.split('$ docker events')[1].split('\n').slice(1).filter(Boolean);

  it('mounts after the network is connected and before start; unmounts after die and disconnect', () => {
    const kinds = lines.map((l) => l.split(' ').slice(0, 2).join(' ')).filter((k) => !k.startsWith('image'));
    expect(kinds).toEqual([
      'volume create', 'volume create', 'container create',
      'network connect', 'volume mount', 'volume mount', 'container start',
      'container die', 'network disconnect', 'volume unmount', 'volume unmount',
      'container destroy', 'volume destroy', 'volume destroy',
    ]);
  });

  it('gives mount its container, destination, driver, propagation and read/write attributes', () => {
    const mount = lines.find((l) => l.startsWith('volume mount data '))!;
    const attrs = JSON.parse(mount.slice(mount.indexOf('{')));
    expect(Object.keys(attrs)).toEqual(['container', 'destination', 'driver', 'propagation', 'read/write']);
    expect(attrs).toMatchObject({ destination: '/data', driver: 'local', propagation: '', 'read/write': 'false' });
    const anon = lines.find((l) => l.startsWith('volume mount ') && !l.startsWith('volume mount data '))!;
    expect(JSON.parse(anon.slice(anon.indexOf('{')))).toMatchObject({ destination: '/scratch', 'read/write': 'true' });
    const unmount = lines.find((l) => l.startsWith('volume unmount data '))!;
    expect(Object.keys(JSON.parse(unmount.slice(unmount.indexOf('{'))))).toEqual(['container', 'driver']);
  });
});

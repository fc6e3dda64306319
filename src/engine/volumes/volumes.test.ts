import { describe, expect, it } from 'vitest';
import { runLines } from '../sim.ts';
import { parseBind, parseMountFlag, parseVolumeFlag } from './spec.ts';
import { ApiError } from '../daemon/errors.ts';

const PULL = 'docker pull -q alpine';

function volumeNames(e: ReturnType<typeof runLines>['engine']): string[] {
  return Object.keys(e.snapshot().volumes).sort();
}

describe('volumes in the engine', () => {
  it('fills an empty volume from the image on first mount, and never again', () => {
    const { text } = runLines([
      PULL,
      'docker run --rm -v etcvol:/etc alpine true',
      'ls /var/lib/docker/volumes/etcvol/_data/alpine-release',
      'docker run --rm -v etcvol:/etc alpine sh -c "echo mine > /etc/alpine-release"',
      'docker run --rm -v etcvol:/usr alpine cat /usr/alpine-release',
      'ls /var/lib/docker/volumes/etcvol/_data/bin',
    ]);
    expect(text).toContain('$ ls /var/lib/docker/volumes/etcvol/_data/alpine-release\n/var/lib/docker/volumes/etcvol/_data/alpine-release\n');
    // Mounted over /usr the non-empty volume is not filled again: /usr's image files stay out.
    expect(text).toContain('cat /usr/alpine-release\nmine\n');
    expect(text).toContain("ls: cannot access '/var/lib/docker/volumes/etcvol/_data/bin': No such file or directory");
  });

  it('volume-nocopy leaves the volume empty; a bind mount is never filled', () => {
    const { text } = runLines([
      PULL,
      'docker run --rm --mount type=volume,src=empty,dst=/etc/apk,volume-nocopy alpine ls /etc/apk',
      'mkdir /root/empty',
      'docker run --rm -v /root/empty:/etc/apk alpine ls /etc/apk',
      'docker run --rm -v full:/etc/apk alpine ls /etc/apk',
    ]);
    expect(text).toContain('$ docker run --rm --mount type=volume,src=empty,dst=/etc/apk,volume-nocopy alpine ls /etc/apk\n$ mkdir');
    expect(text).toContain('$ docker run --rm -v /root/empty:/etc/apk alpine ls /etc/apk\n$ docker');
    expect(text).toContain('$ docker run --rm -v full:/etc/apk alpine ls /etc/apk\narch\nkeys\n');
  });

  it('writes to a volume stay out of docker diff and docker commit; the r/w layer goes with docker rm', () => {
    const { text, engine } = runLines([
      PULL,
      'docker run --name w1 -v data:/data alpine sh -c "echo v > /data/in-volume; echo l > /in-layer"',
      'docker diff w1',
      'docker commit w1 snap',
      'docker run --rm snap ls /data /in-layer',
      'docker rm w1',
      'docker run --rm -v data:/data alpine ls /data /in-layer',
    ]);
    const diff = text.slice(text.indexOf('$ docker diff w1'), text.indexOf('$ docker commit'));
    expect(diff).toContain('A /in-layer');
    expect(diff).not.toContain('in-volume');
    expect(text).toMatch(/\$ docker run --rm snap ls \/data \/in-layer\n\/in-layer\n\n\/data:\n\$/);
    expect(text).toContain('ls: /in-layer: No such file or directory\n');
    expect(text.slice(text.lastIndexOf('$ '))).toContain('in-volume');
    expect(volumeNames(engine)).toEqual(['data']);
  });

  it('VOLUME in the image makes an anonymous volume that rm -v (and --rm) removes; named volumes stay', () => {
    const { text, engine } = runLines([
      'docker pull -q redis',
      'docker create --name r1 -v named:/other redis',
      'docker volume ls -q --filter label=com.docker.volume.anonymous',
      'docker rm -v r1',
      'docker volume ls -q',
      'docker run --rm redis true',
      'docker volume ls -q',
    ]);
    const anon = /label=com.docker.volume.anonymous\n([0-9a-f]{64})\n/.exec(text);
    expect(anon).not.toBeNull();
    expect(text).toContain('$ docker rm -v r1\nr1\n$ docker volume ls -q\nnamed\n$ docker run --rm redis true\n$ docker volume ls -q\nnamed\n');
    expect(volumeNames(engine)).toEqual(['named']);
  });

  it('a volume in use cannot be removed; bad mount specs change nothing', () => {
    const { text, engine } = runLines([
      PULL,
      'docker create --name c1 -v busy:/data alpine',
      'docker volume rm busy',
      'docker run -v a:b:c:d alpine true',
      'docker run --mount type=bind,source=/nope,target=/data alpine true',
      'docker run -v bad/name:/data alpine true',
    ]);
    expect(text).toMatch(/Error response from daemon: remove busy: volume is in use - \[[0-9a-f]{64}\]/);
    expect(volumeNames(engine)).toEqual(['busy']);
    expect(Object.values(engine.snapshot().containers).map((c) => c.name)).toEqual(['c1']);
  });
});

describe('mount specs', () => {
  it('parses -v as the CLI does', () => {
    expect(parseVolumeFlag('/data')).toEqual({ source: '', target: '/data' });
    expect(parseVolumeFlag('vol:/data')).toEqual({ source: 'vol', target: '/data' });
    expect(parseVolumeFlag('vol:/data:ro')).toEqual({ source: 'vol', target: '/data' });
    expect(parseVolumeFlag('a:b:c:d')).toBe('invalid spec: a:b:c:d: too many colons');
    expect(parseVolumeFlag(':/data')).toBe('invalid spec: :/data: empty section between colons');
    expect(parseVolumeFlag('')).toBe('invalid empty volume spec');
  });

  it('parses binds as the daemon does', () => {
    expect(parseBind('/host:/c:ro')).toMatchObject({ type: 'bind', source: '/host', destination: '/c', rw: false, mode: 'ro', propagation: 'rprivate' });
    expect(parseBind('vol:/c')).toMatchObject({ type: 'volume', source: 'vol', rw: true, mode: 'z', copyData: true });
    expect(parseBind('vol:/c:nocopy')).toMatchObject({ copyData: false });
    const err = (raw: string) => {
      try {
        parseBind(raw);
      } catch (e) {
        return e instanceof ApiError ? e.message : String(e);
      }
      return null;
    };
    expect(err('/data:rw')).toBe("invalid volume specification: '/data:rw'");
    expect(err('vol:/c:xyz')).toBe('invalid mode: xyz');
  });

  it('parses --mount as the CLI does', () => {
    expect(parseMountFlag('type=bind,src=/a,dst=/b,readonly', '/root')).toEqual({ Type: 'bind', Source: '/a', Target: '/b', ReadOnly: true });
    expect(parseMountFlag('src=./site,target=/b', '/root')).toMatchObject({ Type: 'volume', Source: '/root/site' });
    expect(parseMountFlag('type=tmpfs,dst=/t,tmpfs-size=64m', '/')).toEqual({ Type: 'tmpfs', Target: '/t', TmpfsOptions: { SizeBytes: 64 * 1024 * 1024 } });
    expect(parseMountFlag('type=bind,src=/a', '/')).toBe('target is required');
    expect(parseMountFlag('type=bind,foo=1,dst=/a', '/')).toBe("unexpected key 'foo' in 'foo=1'");
    expect(parseMountFlag('type=bind,dst=/a,volume-nocopy', '/')).toBe("cannot mix 'volume-*' options with mount type 'bind'");
  });
});

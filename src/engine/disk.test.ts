/**
 * The host's disk end to end: what fills it (host files, image layers, containers' r/w layers,
 * volumes, build steps), what frees it, and the errors when it is full.
 */
import { describe, expect, it } from 'vitest';
import { bootEngine, runLine } from './testing/drive.ts';
import type { Engine } from './index.ts';

const MiB = 1024 ** 2;
const used = (e: Engine) => e.machine.disk.used;
const imageCount = (e: Engine) => (runLine(e, 'docker images -q').out.trim() ? runLine(e, 'docker images -q').out.trim().split('\n').length : 0);

describe('the host disk', () => {
  it('defaults to 64 GiB and counts the host files at boot', () => {
    const e = bootEngine();
    expect(e.machine.disk.capacity).toBe(64 * 1024 ** 3);
    expect(used(e)).toBe(e.machine.hostFs.totalSize());
  });

  it('counts a pulled image once per layer and gives it back on rmi', () => {
    const e = bootEngine([], { diskBytes: 1024 * MiB });
    const before = used(e);
    expect(runLine(e, 'docker pull -q alpine').rc).toBe(0);
    const store = e.machine.daemon.images as unknown as { imageLayers(id: string): { size: number }[]; images(): { id: string }[] };
    const layerBytes = store.images().flatMap((i) => store.imageLayers(i.id)).reduce((n, l) => n + l.size, 0);
    expect(layerBytes).toBeGreaterThan(0);
    expect(used(e)).toBe(before + layerBytes);
    expect(runLine(e, 'docker rmi alpine').rc).toBe(0);
    expect(used(e)).toBe(before);
  });

  it('fails a pull that does not fit and keeps no partial image', () => {
    const e = bootEngine(['fallocate -l 835M /root/fill'], { diskBytes: 1024 * MiB });
    const before = used(e);
    const r = runLine(e, 'docker pull alpine');
    expect(r.rc).toBe(1);
    expect(r.out).toContain('failed to register layer: no space left on device');
    expect(imageCount(e)).toBe(0);
    expect(used(e)).toBe(before);
    expect(runLine(e, 'rm /root/fill').rc).toBe(0);
    expect(runLine(e, 'docker pull -q alpine').rc).toBe(0);
  });

  it('counts what a container writes and frees it on docker rm', () => {
    const e = bootEngine(['docker pull -q alpine'], { diskBytes: 1024 * MiB });
    const before = used(e);
    expect(runLine(e, "docker run --name writer alpine sh -c 'fallocate -l 100M /big'").rc).toBe(0);
    expect(used(e) - before).toBeGreaterThanOrEqual(100 * MiB);
    expect(runLine(e, 'docker rm writer').rc).toBe(0);
    expect(used(e)).toBe(before);
  });

  it('puts a volume on the same disk', () => {
    const e = bootEngine(['docker pull -q alpine'], { diskBytes: 1024 * MiB });
    const before = used(e);
    expect(runLine(e, 'docker run --rm -v data:/data alpine dd if=/dev/zero of=/data/z bs=1M count=50').rc).toBe(0);
    expect(used(e) - before).toBe(50 * MiB);
    expect(runLine(e, 'docker volume rm data').rc).toBe(0);
    expect(used(e)).toBe(before);
  });

  it('gives ENOSPC inside a container and from a shell redirection', () => {
    const e = bootEngine(['docker pull -q alpine'], { diskBytes: 1024 * MiB });
    const r = runLine(e, "docker run --rm alpine sh -c 'fallocate -l 2G /big; echo $?; dd if=/dev/zero of=/z bs=1M; echo $?; df -h'");
    expect(r.out).toContain("fallocate: fallocate '/big': No space left on device\n1\n");
    expect(r.out).toMatch(/\d+ bytes \([\d.]+MB\) copied, [\d.]+ seconds, [\d.]+GB\/s\n1\n/);
    expect(r.out).toMatch(/overlay +1\.0G +1\.0G +0 100% \/\n$/);
    runLine(e, 'fallocate -l 2000M /root/f');
    expect(runLine(e, 'dd if=/dev/zero of=/root/more bs=1M').out).toContain("dd: error writing '/root/more': No space left on device");
    expect(runLine(e, 'echo hi > /root/note').out).toBe('-bash: echo: write error: No space left on device\n');
  });

  it('fails a build whose RUN step fills the disk, leaving no image', () => {
    const e = bootEngine(['docker pull -q alpine', 'mkdir /root/b', "printf 'FROM alpine\\nRUN fallocate -l 5G /x\\n' > /root/b/Dockerfile"], { diskBytes: 1024 * MiB });
    const before = imageCount(e);
    const r = runLine(e, 'docker build -q -t big /root/b');
    expect(r.rc).not.toBe(0);
    expect(r.out).toContain('No space left on device');
    expect(imageCount(e)).toBe(before);
  });
});

describe('out of inodes', () => {
  it('refuses new files, directories and links with each tool’s ENOSPC message, on the host and in a container', () => {
    const e = bootEngine();
    runLine(e, 'docker pull -q alpine');
    e.machine.disk.inodesUsed = e.machine.disk.inodeCapacity; // as after a loop of `touch`
    expect(runLine(e, 'touch x').out).toBe("touch: cannot touch 'x': No space left on device\n");
    expect(runLine(e, 'mkdir y').out).toBe("mkdir: cannot create directory 'y': No space left on device\n");
    expect(runLine(e, 'echo hi > z').out).toBe('-bash: z: No space left on device\n');
    expect(runLine(e, 'ln -s /etc l').out).toBe("ln: failed to create symbolic link 'l': No space left on device\n");
    const inContainer = runLine(e, 'docker run --rm alpine touch /x');
    expect(inContainer.out).toBe('touch: /x: No space left on device\n');
    expect(inContainer.rc).toBe(1);
    expect(runLine(e, 'ls x y z l').out).not.toMatch(/^[xyzl]$/m);
  });
});

import { describe, expect, it } from 'vitest';
import { runLines } from '../engine/sim.ts';
import {
  apiCalled, cpuSharesContend, diffShowedChanges, imageByRef, imagesShareLayer, memoryLimited, normalizeRef, oomKilled,
  pid1HasOtherHostPid, pid1Killed, rwLayerWritten, runningFrom, namedVolumeOutlivedContainer, bindMounted, onUserNetwork, trafficOk, trafficFailed, startedWithin, runningAtLeast,
  pullFoundLayer, committed, commitFailed, ranCommittedImage, removedAfterDiff, replacementKeptData,
  imageFileCopiedUp, imageFileWhitedOut, diffShowedCopyUpAndWhiteout, onlyOwnFilesWritten, rwLayersEmpty,
  createMissedCache, createHitCache, ranToExit,
} from './predicates.ts';

const world = (lines: string[]) => runLines(lines, { timeoutMs: 5_000 }).engine.snapshot();

describe('predicates', () => {
  it('normalizes references the way repoTags spell them', () => {
    expect(normalizeRef('nginx')).toBe('nginx:latest');
    expect(normalizeRef('nginx:1.27')).toBe('nginx:1.27');
    expect(normalizeRef('localhost:5000/app')).toBe('localhost:5000/app:latest');
  });

  it('runningFrom counts running containers of one image', () => {
    const w = world(['docker run -d --name web nginx', 'docker run -d --name box alpine sleep 100']);
    expect(imageByRef(w, 'nginx')?.repoTags).toEqual(['nginx:latest']);
    expect(runningFrom('nginx')(w)).toBe(true);
    expect(runningFrom('nginx', 2)(w)).toBe(false);
    expect(runningFrom('redis')(w)).toBe(false);
    expect(apiCalled(/^GET \/containers\/[^/]+\/top/)(w)).toBe(false);
  });

  it('tells a PID 1 killed by a signal from an OOM kill', () => {
    const oom = world(['docker run -d --name hog --memory 64m progrium/stress --vm 1 --vm-bytes 128M', 'sleep 3']);
    expect(oomKilled(oom)).toBe(true);
    expect(memoryLimited(oom)).toBe(true);
    expect(pid1Killed(oom)).toBe(false);
    const killed = world(['docker run -d --name box alpine sleep 1000', "kill -9 $(docker inspect -f '{{.State.Pid}}' box)"]);
    expect(pid1Killed(killed)).toBe(true);
    expect(oomKilled(killed)).toBe(false);
    expect(pid1HasOtherHostPid(killed)).toBe(false);
  });

  it('sees contention only when the weighted containers share a CPU', () => {
    const apart = world(['docker run -d --name lo --cpu-shares 512 alpine sleep 100', 'docker run -d --name hi --cpu-shares 1024 alpine sleep 100']);
    expect(cpuSharesContend(512, 1024)(apart)).toBe(false);
    const pinned = world(['docker run -d --name lo --cpuset-cpus 1 --cpu-shares 512 alpine sleep 100', 'docker run -d --name hi --cpuset-cpus 1 --cpu-shares 1024 alpine sleep 100']);
    expect(cpuSharesContend(512, 1024)(pinned)).toBe(true);
    expect(cpuSharesContend(1024, 512)(pinned)).toBe(true);
  });

  it('finds shared layers only across different images', () => {
    expect(imagesShareLayer(world(['docker pull alpine']))).toBe(false);
    expect(imagesShareLayer(world(['docker pull nginx', 'docker pull redis']))).toBe(true);
  });

  it('docker diff counts once it lists a change, not before the change nor without a diff', () => {
    const before = world(['docker run -d --name box alpine sleep 1000', 'docker diff box']);
    expect(rwLayerWritten(before)).toBe(false);
    expect(diffShowedChanges(before)).toBe(false);
    const after = world(['docker run -d --name box alpine sleep 1000', 'docker exec box touch /tmp/x', 'docker diff box']);
    expect(rwLayerWritten(after)).toBe(false); // an empty file adds no bytes to the upper dir
    expect(diffShowedChanges(after)).toBe(true); // but docker diff lists it: A /tmp/x
    expect(diffShowedChanges(world(['docker run -d --name box alpine sleep 1000', 'docker diff box', 'docker exec box touch /tmp/x']))).toBe(false);
    const written = world(['docker run -d --name box alpine sleep 1000', "docker exec box sh -c 'echo hi >> /etc/profile'", 'docker diff nope', 'docker diff box']);
    expect(rwLayerWritten(written)).toBe(true);
    expect(diffShowedChanges(written)).toBe(true);
  });

  it('tells a copy-up and a whiteout of image files from files a container made itself', () => {
    const box = 'docker run -d --name box alpine sleep 1000';
    const fresh = world([box]);
    expect([rwLayersEmpty(fresh), imageFileCopiedUp(fresh), imageFileWhitedOut(fresh), onlyOwnFilesWritten(fresh)]).toEqual([true, false, false, false]);
    // Files of its own (even one later deleted) are neither: no copy-up, no whiteout.
    const own = world([box, "docker exec box sh -c 'echo hi > /root/notes.txt'", 'docker exec box sh -c "touch /tmp/x; rm /tmp/x"']);
    expect([rwLayersEmpty(own), imageFileCopiedUp(own), imageFileWhitedOut(own), onlyOwnFilesWritten(own)]).toEqual([false, false, false, true]);
    const changed = world([box, "docker exec box sh -c 'echo hi >> /etc/profile'"]);
    expect([imageFileCopiedUp(changed), imageFileWhitedOut(changed)]).toEqual([true, false]);
    expect(Object.values(changed.containers)[0].rwLayer).toMatchObject({ copiedUp: 1, whiteouts: 0, added: 0 });
    const deleted = world([box, 'docker exec box rm /etc/motd']);
    expect([imageFileCopiedUp(deleted), imageFileWhitedOut(deleted)]).toEqual([false, true]);
  });

  it('docker diff counts only for what it listed: a copy-up and a whiteout of one container', () => {
    const box = 'docker run -d --name box alpine sleep 1000';
    const edit = "docker exec box sh -c 'echo hi >> /etc/profile'";
    const rm = 'docker exec box rm /etc/motd';
    expect(diffShowedCopyUpAndWhiteout(world([box, edit, rm, 'docker diff box']))).toBe(true);
    // Asked before the whiteout existed: the listing could not have shown it.
    expect(diffShowedCopyUpAndWhiteout(world([box, edit, 'docker diff box', rm]))).toBe(false);
    expect(diffShowedCopyUpAndWhiteout(world([box, edit, 'docker diff box']))).toBe(false);
    // The changes are in another container than the one diffed.
    expect(diffShowedCopyUpAndWhiteout(world([box, 'docker run -d --name other alpine sleep 1000', edit, rm, 'docker diff other']))).toBe(false);
  });

  it('reads image cache misses and hits from the order of the API log', () => {
    const miss = world(['docker create --name web nginx']);
    expect([createMissedCache(miss), createHitCache(miss)]).toEqual([true, false]);
    const both = world(['docker create --name web nginx', 'docker run -d --name web2 nginx']);
    expect([createMissedCache(both), createHitCache(both)]).toEqual([true, true]);
    const pulled = world(['docker pull nginx', 'docker create --name web nginx']);
    expect([createMissedCache(pulled), createHitCache(pulled)]).toEqual([false, true]);
    // A miss whose pull fails is not a miss followed by a pull and a retry.
    const failed = world(['docker create --name web nosuchimage-xyz']);
    expect([createMissedCache(failed), createHitCache(failed)]).toEqual([false, false]);
  });

  it('ranToExit needs the command, the image and a clean exit', () => {
    const w = world(['docker run --name jammy ubuntu:22.04 uname -r', 'docker run --name noble ubuntu:24.04 uname -r', 'docker run --name bad ubuntu:22.04 sh -c "exit 3"']);
    expect(ranToExit('ubuntu:22.04', /uname/)(w)).toBe(true);
    expect(ranToExit('ubuntu:22.04', /hostname/)(w)).toBe(false);
    expect(ranToExit('ubuntu:22.04', /exit/)(w)).toBe(false);
    expect(ranToExit('alpine', /uname/)(w)).toBe(false);
  });

  it('a named volume outlives its container only once the container is gone', () => {
    const used = world(['docker run -d --name box -v data:/data alpine sh -c "echo hi > /data/x; sleep 100"']);
    expect(namedVolumeOutlivedContainer(used)).toBe(false);
    const gone = world(['docker run -d --name box -v data:/data alpine sh -c "echo hi > /data/x; sleep 100"', 'docker rm -f box']);
    expect(namedVolumeOutlivedContainer(gone)).toBe(true);
    const empty = world(['docker volume create data']);
    expect(namedVolumeOutlivedContainer(empty)).toBe(false);
  });

  it('tells read-only bind mounts from writable ones', () => {
    const ro = world(['mkdir /srv/www', 'docker run -d --name web -v /srv/www:/usr/share/nginx/html:ro nginx']);
    expect(bindMounted(true)(ro)).toBe(true);
    expect(bindMounted(false)(ro)).toBe(false);
    expect(bindMounted()(world(['docker run -d --name box -v data:/data alpine sleep 100']))).toBe(false);
  });

  it('reads networks and the packet log', () => {
    const bridge = world(['docker run -d --name web nginx', 'docker run --rm alpine ping -c 1 web']);
    expect(onUserNetwork(bridge)).toBe(false);
    expect(trafficOk('dns')(bridge)).toBe(false);
    const user = world(['docker network create appnet', 'docker run -d --name web --network appnet nginx', 'docker run --rm --network appnet alpine wget -qO- http://web']);
    expect(onUserNetwork(user)).toBe(true);
    expect(trafficOk('dns')(user)).toBe(true);
    expect(trafficOk('http')(user)).toBe(true);
    expect(trafficFailed('dns')(user)).toBe(false);
  });

  it('measures start latency in virtual ms and counts running containers', () => {
    const slow = world(['docker pull alpine', 'docker create --name box alpine sleep 100', 'sleep 2', 'docker start box']);
    expect(startedWithin(1000)(slow)).toBe(false);
    expect(startedWithin(3000)(slow)).toBe(true);
    expect(runningAtLeast(1)(slow)).toBe(true);
    expect(runningAtLeast(2)(slow)).toBe(false);
    expect(startedWithin(1000)(world(['docker run -d --name box alpine sleep 100']))).toBe(true);
  });

  it('sees a pull find a layer already stored only when two images share one', () => {
    expect(pullFoundLayer(world(['docker pull alpine', 'docker pull nginx']))).toBe(false);
    expect(pullFoundLayer(world(['docker pull debian:bookworm-slim', 'docker pull nginx']))).toBe(true);
  });

  it('follows docker diff, rm and commit through the API log', () => {
    const diffed = world(['docker run -d --name box alpine sleep 1000', 'docker exec box touch /x', 'docker diff box']);
    expect(removedAfterDiff(diffed)).toBe(false);
    expect(removedAfterDiff(world(['docker run -d --name box alpine sleep 1000', 'docker rm -f box']))).toBe(false);
    expect(removedAfterDiff(world(['docker run -d --name box alpine sleep 1000', 'docker diff box', 'docker rm -f box']))).toBe(true);
    const made = world(['docker run -d --name box alpine sleep 1000', 'docker exec box touch /x', 'docker commit box notes:v1']);
    expect([committed(made), commitFailed(made), ranCommittedImage(made)]).toEqual([true, false, false]);
    const ran = world(['docker run -d --name box alpine sleep 1000', 'docker commit box notes:v1', 'docker run --name check notes:v1 ls /']);
    expect(ranCommittedImage(ran)).toBe(true);
    // alpine is not the committed image, even though notes is built on it.
    expect(ranCommittedImage(world(['docker run -d --name box alpine sleep 1000', 'docker commit box notes']))).toBe(false);
    const failed = world(['docker commit nope notes']);
    expect([committed(failed), commitFailed(failed)]).toEqual([false, true]);
  });

  it('sees a replacement find its predecessor’s data in a named volume', () => {
    const first = "docker run -d --name app -v appdata:/data alpine sh -c 'echo started >> /data/log; sleep 1000'";
    expect(replacementKeptData(world([first]))).toBe(false);
    expect(replacementKeptData(world([first, 'docker rm -f app', 'docker run -d --name app alpine sleep 1000']))).toBe(false);
    expect(replacementKeptData(world([first, 'docker rm -f app', 'docker run -d --name app -v appdata:/data alpine sleep 1000']))).toBe(true);
  });
});

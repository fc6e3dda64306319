import { describe, expect, it } from 'vitest';
import { replaySolution } from './runner.ts';
import { lessonById } from './catalog.ts';

/** Replays `lines` (after the lesson's files, or `files`) and returns the ids of the lesson's hints that match the resulting state. */
function hintsAfter(lessonId: string, lines: string[], files?: Record<string, string>): readonly string[] {
  const lesson = lessonById(lessonId);
  if (!lesson) throw new Error(lessonId);
  return replaySolution({ ...lesson, solution: lines, ...(files ? { files } : {}) }, 15_000).hints;
}

describe('state-aware hints', () => {
  it('lesson 1: nginx run without -d and stopped with Ctrl-C', () => {
    expect(hintsAfter('what-is-a-container', ['docker run --name web nginx'])).toEqual(['ran-without-d']);
    expect(hintsAfter('what-is-a-container', ['docker run -d --name web nginx'])).toEqual([]);
  });

  it('lesson 2: alpine without a command exits at once; a killed container wants a restart', () => {
    expect(hintsAfter('namespaces', ['docker run -d --name box alpine'])).toEqual(['no-command']);
    expect(hintsAfter('namespaces', ['docker run -d --name box alpine sleep 1000', "kill -9 $(docker inspect -f '{{.State.Pid}}' box)"])).toEqual(['restart-after-kill']);
  });

  it('lesson 3: the wrong container limited, the hog unlimited, shares without contention, PID limit not reached', () => {
    expect(hintsAfter('cgroups', ['docker run -d --name web --memory 64m nginx'])).toEqual(['limited-wrong-container']);
    expect(hintsAfter('cgroups', ['docker run -d --name hog progrium/stress --vm 1 --vm-bytes 128M'])).toEqual(['hog-unlimited']);
    expect(
      hintsAfter('cgroups', ['docker run -d --name lo --cpu-shares 512 progrium/stress --cpu 1', 'docker run -d --name hi --cpu-shares 1024 progrium/stress --cpu 1']),
    ).toEqual(['no-contention']);
    expect(hintsAfter('cgroups', ['docker run -d --name lim --pids-limit 5 alpine sleep 1000'])).toEqual(['pids-not-reached']);
  });

  it('lesson 4: docker diff before any change; only new files written', () => {
    expect(hintsAfter('overlay', ['docker run -d --name box alpine sleep 1000', 'docker diff box'])).toEqual(['diff-empty']);
    expect(hintsAfter('overlay', ['docker run -d --name box alpine sleep 1000', 'docker exec box touch /root/notes.txt'])).toEqual(['own-files-only']);
    expect(hintsAfter('overlay', ['docker run -d --name box alpine sleep 1000', 'docker exec box touch /root/notes.txt', 'docker exec box rm /etc/motd'])).toEqual([]);
  });

  it('lesson 5: images without a common base; nginx pulled alone', () => {
    expect(hintsAfter('images-and-layers', ['docker pull alpine', 'docker pull nginx'])).toEqual(['nothing-shared']);
    expect(hintsAfter('images-and-layers', ['docker pull nginx'])).toEqual(['alone']);
    expect(hintsAfter('images-and-layers', ['docker pull nginx', 'docker pull redis'])).toEqual([]);
  });

  it('lesson 6: a failed build; a rebuild with nothing changed', () => {
    expect(hintsAfter('build', ['docker build -t hello app'], { 'app/Dockerfile': 'FROM alpine\nRUN false\n' })).toEqual(['build-failed']);
    expect(hintsAfter('build', ['docker build -t hello app', 'docker build -t hello app'])).toEqual(['all-cached']);
    expect(hintsAfter('build', ['docker build -t hello app'])).toEqual([]);
  });

  it('lesson 7: docker diff before any write; a commit of a container already gone', () => {
    expect(hintsAfter('commit', ['docker run -d --name box alpine sleep 1000', 'docker diff box'])).toEqual(['diff-empty']);
    expect(hintsAfter('commit', ['docker run --rm --name box alpine sh -c "echo hi > /note.txt"', 'docker commit box notes'])).toEqual(['commit-failed']);
    // After a diff and the removal, a new empty container is the lesson's path, not a mistake.
    expect(
      hintsAfter('commit', ['docker run -d --name box alpine sleep 1000', 'docker exec box touch /x', 'docker diff box', 'docker rm -f box', 'docker run -d --name box alpine sleep 1000']),
    ).toEqual([]);
  });

  it('lesson 8: tagged for a registry that is not running; a push that failed', () => {
    expect(hintsAfter('registries', ['docker pull alpine', 'docker tag alpine localhost:5000/alpine'])).toEqual(['no-registry']);
    expect(hintsAfter('registries', ['docker pull alpine', 'docker push alpine'])).toEqual(['push-failed']);
    expect(hintsAfter('registries', ['docker run -d -p 5000:5000 --name registry registry:2', 'docker pull alpine', 'docker tag alpine localhost:5000/alpine'])).toEqual([]);
  });

  it('lesson 9: an anonymous volume, a writable bind mount, data left in a container’s layer', () => {
    expect(hintsAfter('volumes', ['docker run -v /data alpine sh -c "echo x > /data/y"'])).toEqual(['anonymous-volume']);
    expect(hintsAfter('volumes', ['mkdir -p /root/site', 'docker run -d --name web -v /root/site:/usr/share/nginx/html nginx'])).toEqual(['bind-rw']);
    expect(hintsAfter('volumes', ['docker run --name scratch alpine sh -c "echo lost > /note.txt"'])).toEqual(['wrote-to-layer']);
    expect(hintsAfter('volumes', ['docker volume create data', 'docker run -v data:/data alpine sh -c "echo x > /data/y"'])).toEqual([]);
  });

  it('lesson 10: containers only on the default bridge; a name that does not resolve; nginx without -p; a request nothing answers', () => {
    expect(hintsAfter('networks', ['docker run -d --name db redis'])).toEqual(['default-bridge-only']);
    expect(hintsAfter('networks', ['docker network create appnet', 'docker run -d --name db --network appnet redis', 'docker run --rm --network appnet alpine nslookup dbb'])).toEqual(['name-not-found']);
    expect(hintsAfter('networks', ['docker network create appnet', 'docker run -d --name web --network appnet nginx'])).toEqual(['not-published']);
    expect(hintsAfter('networks', ['docker network create appnet', 'docker run -d --name web --network appnet -p 8080:80 nginx', 'curl -s localhost:9090'])).toEqual(['refused']);
    expect(hintsAfter('networks', ['docker network create appnet', 'docker run -d --name web --network appnet -p 8080:80 nginx'])).toEqual([]);
  });

  it('lesson 11: a container created but never started; an image pulled first, so no cache miss to watch', () => {
    expect(hintsAfter('architecture', ['docker create --name web nginx'])).toEqual(['created-not-started']);
    expect(hintsAfter('architecture', ['docker create --name web nginx', 'docker start web'])).toEqual([]);
    expect(hintsAfter('architecture', ['docker pull nginx', 'docker run -d --name web nginx'])).toEqual(['pulled-first']);
    expect(hintsAfter('architecture', ['docker pull nginx', 'docker run -d --name web nginx', 'docker create --name cache redis'])).toEqual([]);
  });

  it('lesson 12: alpine containers without a command; the Ubuntu container run with --rm', () => {
    expect(hintsAfter('vm-vs-container', ['docker run -d --name c1 alpine'])).toEqual(['exited-at-once']);
    expect(hintsAfter('vm-vs-container', ['docker run -d --name c1 alpine sleep 1000'])).toEqual([]);
    expect(hintsAfter('vm-vs-container', ['docker run --rm ubuntu:22.04 uname -r'])).toEqual(['ubuntu-gone']);
    expect(hintsAfter('vm-vs-container', ['docker run --name jammy ubuntu:22.04 uname -r'])).toEqual([]);
  });

  it('lesson 13: a failure without a restart policy; a replacement without the volume', () => {
    expect(hintsAfter('disposable', ['docker run -d --name flaky alpine sh -c "sleep 1; exit 1"', 'sleep 3'])).toEqual(['no-policy']);
    expect(
      hintsAfter('disposable', ["docker run -d --name app -v appdata:/data alpine sh -c 'echo started >> /data/log; sleep 1000'", 'docker rm -f app', 'docker run -d --name app alpine sleep 1000']),
    ).toEqual(['no-volume']);
    expect(
      hintsAfter('disposable', ["docker run -d --name app -v appdata:/data alpine sh -c 'echo started >> /data/log; sleep 1000'", 'docker rm -f app', "docker run -d --name app -v appdata:/data alpine sleep 1000"]),
    ).toEqual([]);
  });
});

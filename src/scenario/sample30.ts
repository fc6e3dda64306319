/**
 * A 30-step lesson as an instructor would record it (Record: a short caption per step, two goals),
 * for the budget "scenario URL of a 30-step lesson ≤ 2,000 characters" (design.md §5): the unit
 * test holds it to the budget and `npm run bench` reports its length. Every caption differs, as
 * real ones do (repeated text would compress unrealistically well).
 */
import { SCENARIO_VERSION, type Scenario } from './format.ts';

const STEPS: readonly (readonly [run: string, say: string])[] = [
  ['docker pull nginx', 'Fetch the image: its layers arrive one by one.'],
  ['docker images', 'The image now sits in the local store.'],
  ['docker run -d --name web -p 8080:80 nginx', 'Start a container and publish port 80.'],
  ['docker ps', 'It runs in the background.'],
  ['curl -s localhost:8080', 'Ask nginx for its page through the published port.'],
  ['docker logs web', 'Every request is in its log.'],
  ['docker exec web nginx -v', 'Run a second program inside the same container.'],
  ['docker top web', 'Its processes, seen from the host, with host PIDs.'],
  ['docker stats --no-stream', 'What it uses right now: CPU, memory, PIDs.'],
  ['docker inspect -f {{.NetworkSettings.IPAddress}} web', 'Its address on the default bridge.'],
  ['docker stop web', 'SIGTERM to PID 1, then it exits.'],
  ['docker ps -a', 'Stopped, not gone: it keeps its layer.'],
  ['docker start web', 'Start it again from where it was.'],
  ['docker restart web', 'Stop and start in one go.'],
  ['docker diff web', 'What it changed on top of the image.'],
  ['docker exec web touch /tmp/x', 'Write a file inside it.'],
  ['docker diff web', 'The new file appears: A /tmp/x.'],
  ['docker commit web mynginx', 'Freeze those changes into a new image.'],
  ['docker images', 'The new image shares every nginx layer.'],
  ['docker history mynginx', 'One more layer on top: the commit.'],
  ['docker run -d --name web2 mynginx', 'A container from the committed image.'],
  ['docker network ls', 'The networks every container can join.'],
  ['docker network inspect bridge', 'Who is attached to the default bridge.'],
  ['docker rm -f web2', 'Remove it, running or not.'],
  ['docker volume create data', 'A volume lives outside any container.'],
  ['docker run -d --name db -v data:/var/lib/postgresql/data -e POSTGRES_PASSWORD=pw postgres', 'A database keeps its files in the volume.'],
  ['docker volume ls', 'The volume is listed on its own.'],
  ['docker rm -f db', 'The container goes; the data stays.'],
  ['docker system df', 'Disk used by images, containers and volumes.'],
  ['docker rm -f web', 'Clean up the last container.'],
];

export const SAMPLE_30_STEP_LESSON: Scenario = {
  v: SCENARIO_VERSION,
  title: 'Containers, step by step',
  lang: 'en',
  host: { cpus: 4, memory: 8 * 1024 ** 3, seed: 1 },
  files: {},
  steps: STEPS.map(([run, say]) => ({ run, say })),
  goals: ['what-is-a-container.nginx-running', 'commit.committed'],
};

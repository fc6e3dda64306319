import { describe, expect, it } from 'vitest';
import { compose, EMPTY_DRAFT, findVerb, isComplete, missing, optionsFor, pickArg, pickVerb, toggleFlag, VERBS, verbId, type LiveState } from './compose.ts';

const LIVE: LiveState = {
  images: ['nginx:latest', 'myapp:1.0'],
  containers: [{ name: 'web', running: true }, { name: 'old', running: false }],
  networks: ['app'],
  volumes: ['data'],
};

describe('compose', () => {
  it('builds docker run -d --name web nginx from taps, flags in the help order', () => {
    let d = pickVerb(EMPTY_DRAFT, 'run');
    expect(compose(d)).toBe('docker run');
    expect(missing(d)).toEqual(['image']);
    d = pickArg(d, 0, 'nginx');
    d = toggleFlag(d, '--name', 'web');
    d = toggleFlag(d, '-d');
    expect(compose(d)).toBe('docker run -d --name web nginx');
    expect(isComplete(d)).toBe(true);
  });

  it('toggles bare flags, replaces and clears valued ones, clears a re-tapped argument', () => {
    let d = pickVerb(EMPTY_DRAFT, 'run');
    d = toggleFlag(toggleFlag(d, '-d'), '-d');
    expect(d.flags).toEqual({});
    d = toggleFlag(d, '-m', '64m');
    d = toggleFlag(d, '-m', '256m');
    expect(compose(d)).toBe('docker run -m 256m');
    d = toggleFlag(d, '-m', '256m');
    expect(compose(d)).toBe('docker run');
    d = pickArg(pickArg(d, 0, 'alpine'), 0, 'alpine');
    expect(d.args[0]).toBeNull();
  });

  it('starts over when another verb is picked, and keeps the draft on the same one', () => {
    const d = toggleFlag(pickVerb(EMPTY_DRAFT, 'ps'), '-a');
    expect(pickVerb(d, 'ps')).toBe(d);
    expect(compose(pickVerb(d, 'images'))).toBe('docker images');
    expect(compose(EMPTY_DRAFT)).toBe('docker');
    expect(isComplete(EMPTY_DRAFT)).toBe(false);
  });

  it('needs every required argument: exec wants a container and a command', () => {
    let d = pickVerb(EMPTY_DRAFT, 'exec');
    expect(missing(d)).toEqual(['container', 'command']);
    d = pickArg(toggleFlag(d, '-it'), 0, 'web');
    d = pickArg(d, 1, 'cat /etc/os-release');
    expect(compose(d)).toBe('docker exec -it web cat /etc/os-release');
    expect(isComplete(pickVerb(EMPTY_DRAFT, 'stats'))).toBe(true); // its container is optional
  });

  it('writes two-word verbs and quotes odd names', () => {
    expect(compose(pickArg(pickVerb(EMPTY_DRAFT, 'network create'), 0, 'app'))).toBe('docker network create app');
    expect(compose(pickArg(pickVerb(EMPTY_DRAFT, 'rm'), 0, "it's"))).toBe("docker rm 'it'\\''s'");
  });

  it('offers every issue-5 verb', () => {
    const ids = VERBS.map(verbId);
    for (const v of ['run', 'ps', 'stop', 'rm', 'logs', 'exec', 'images', 'pull', 'build', 'network create', 'volume create']) expect(ids).toContain(v);
    expect(findVerb('nope')).toBeUndefined();
  });
});

describe('optionsFor', () => {
  it('takes images, containers, networks and volumes from the live state', () => {
    expect(optionsFor('image', LIVE)).toEqual(['nginx', 'myapp:1.0', 'alpine', 'busybox', 'redis', 'progrium/stress']);
    expect(optionsFor('container', LIVE)).toEqual(['web', 'old']);
    expect(optionsFor('running', LIVE)).toEqual(['web']);
    expect(optionsFor('stopped', LIVE)).toEqual(['old']);
    expect(optionsFor('network', LIVE)).toEqual(['app']);
    expect(optionsFor('volume', LIVE)).toEqual(['data']);
    expect(optionsFor({ presets: ['8080:80'] }, LIVE)).toEqual(['8080:80']);
  });

  it('suggests only names no container has taken', () => {
    expect(optionsFor('newName', LIVE)).toEqual(['db', 'cache', 'hog', 'app']);
    expect(optionsFor('newName', { ...LIVE, containers: [] })).toContain('web');
  });
});

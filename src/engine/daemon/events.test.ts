import { describe, expect, it } from 'vitest';
import { Clock } from '../clock.ts';
import { getTimestamp, parseGoDuration, printEvent } from '../cli/docker/events.ts';
import { runLines } from '../sim.ts';
import type { DockerEvent } from './daemon.ts';
import { matches, parseTimestamp, timeNano, toMessage, type EventFilters } from './events.ts';

const clock = new Clock();
const ev = (over: Partial<DockerEvent>): DockerEvent => ({ seq: 1, t: 1500, type: 'container', action: 'start', id: 'abc123def456', attributes: { image: 'nginx', name: 'web' }, ...over });

describe('event messages', () => {
  it('fills the deprecated status/id/from for containers, and sorts attributes', () => {
    const m = toMessage(clock, ev({ attributes: { name: 'web', image: 'nginx', exitCode: '0' } }));
    expect(m).toMatchObject({ status: 'start', id: 'abc123def456', from: 'nginx', Type: 'container', Action: 'start', scope: 'local' });
    expect(Object.keys(m.Actor.Attributes)).toEqual(['exitCode', 'image', 'name']);
    expect(m.time).toBe(Date.UTC(2026, 0, 12, 9, 0, 1) / 1000);
    expect(m.timeNano / 1_000_000n).toBe(BigInt(Date.UTC(2026, 0, 12, 9, 0, 1, 500)));
  });

  it('leaves the deprecated fields out for networks and volumes', () => {
    const m = toMessage(clock, ev({ type: 'network', action: 'connect', attributes: { container: 'abc', name: 'bridge', type: 'bridge' } }));
    expect('status' in m).toBe(false);
    expect('from' in m).toBe(false);
  });

  it('prints as the CLI does: RFC3339 with 9 fractional digits, then (k=v, …)', () => {
    const line = printEvent(toMessage(clock, ev({})));
    expect(line).toMatch(/^2026-01-12T09:00:01\.5\d{8}Z container start abc123def456 \(image=nginx, name=web\)\n$/);
    expect(clock.rfc3339Nano(1500)).toBe(line.slice(0, 30));
  });

  it('timeNano agrees with the inspect timestamps', () => {
    const ns = timeNano(clock, 2345);
    expect(String(ns).slice(10)).toBe(clock.rfc3339Nano(2345).slice(20, 29));
  });
});

describe('filters (daemon/events/filter.go)', () => {
  const f = (filters: EventFilters, e: Partial<DockerEvent>) => matches(filters, toMessage(clock, ev(e)));
  it('type, event and container (ID prefix or name)', () => {
    expect(f({ type: ['container'] }, {})).toBe(true);
    expect(f({ type: ['image'] }, {})).toBe(false);
    expect(f({ event: ['start', 'die'] }, {})).toBe(true);
    expect(f({ event: ['stop'] }, {})).toBe(false);
    expect(f({ container: ['web'] }, {})).toBe(true);
    expect(f({ container: ['abc1'] }, {})).toBe(true);
    expect(f({ container: ['db'] }, {})).toBe(false);
    // A container filter excludes an image event whose ID and name do not match.
    expect(f({ container: ['web'] }, { type: 'image', action: 'pull', id: 'nginx:latest', attributes: { name: 'nginx' } })).toBe(false);
  });
  it('exec_create matches with its command line appended', () => {
    expect(f({ event: ['exec_create'] }, { action: 'exec_create: ls -l' })).toBe(true);
    expect(f({ event: ['exec_die'] }, { action: 'exec_create: ls -l' })).toBe(false);
  });
  it('image by name, tag or image ID', () => {
    expect(f({ image: ['nginx'] }, {})).toBe(true);
    expect(f({ image: ['nginx'] }, { type: 'image', action: 'pull', id: 'nginx:latest', attributes: { name: 'nginx' } })).toBe(true);
    expect(f({ image: ['alpine'] }, {})).toBe(false);
  });
  it('label key or key=value', () => {
    expect(f({ label: ['tier'] }, { attributes: { tier: 'front', name: 'web' } })).toBe(true);
    expect(f({ label: ['tier=back'] }, { attributes: { tier: 'front', name: 'web' } })).toBe(false);
  });
});

describe('timestamps', () => {
  const now = Date.UTC(2026, 0, 12, 9, 10, 30, 700);
  it('Go durations', () => {
    expect(parseGoDuration('1h30m')).toBe(5_400_000);
    expect(parseGoDuration('1.5s')).toBe(1500);
    expect(parseGoDuration('-2s')).toBe(-2000);
    expect(parseGoDuration('10')).toBeNull();
  });
  it('GetTimestamp: durations before now in whole seconds, dates as seconds.nanos, Unix values as is', () => {
    expect(getTimestamp('10m', now)).toBe(String(Math.floor((now - 600_000) / 1000)));
    expect(getTimestamp('2026-01-12T09:00:00', now)).toBe(`${Date.UTC(2026, 0, 12, 9) / 1000}.000000000`);
    expect(getTimestamp('2026-01-12T09:00:00.25+01:00', now)).toBe(`${Date.UTC(2026, 0, 12, 8) / 1000}.250000000`);
    expect(getTimestamp('2026-01-12', now)).toBe(`${Date.UTC(2026, 0, 12) / 1000}.000000000`);
    expect(getTimestamp('1768208400', now)).toBe('1768208400');
  });
  it('the daemon parses seconds[.nanos]', () => {
    expect(parseTimestamp('1768208400.5')).toBe(1_768_208_400_500_000_000n);
    expect(parseTimestamp('')).toBeNull();
    expect(() => parseTimestamp('yesterday')).toThrow('invalid syntax');
  });
});

describe('the daemon', () => {
  it('records the events real docker emits for a container lifecycle', () => {
    const { text } = runLines(['docker run -d --name web alpine sleep 100', 'docker stop -t 1 web', 'docker rm web', 'sleep 1', 'docker events --since 1h --until 0s --filter type=container --format "{{.Action}}"']);
    const actions = text.split('\n').slice(text.split('\n').findIndex((l) => l.startsWith('$ docker events')) + 1).filter(Boolean);
    expect(actions).toEqual(['create', 'start', 'kill', 'kill', 'die', 'stop', 'destroy']);
  });
});

describe('API call hops', () => {
  it('records which components each call reached', () => {
    const { engine } = runLines(['docker pull alpine', 'docker run -d --name web alpine sleep 100', 'docker exec web true', 'docker ps']);
    const log = engine.snapshot().apiLog;
    const hopsOf = (re: RegExp) => log.find((c) => re.test(c.path))?.hops;
    expect(hopsOf(/\/images\/create\?fromImage=/)).toEqual(['dockerd', 'images', 'registry']);
    expect(hopsOf(/\/containers\/create/)).toEqual(['dockerd', 'images']);
    // Starting also sets up the container's network (veth, IP) before runc starts it.
    expect(hopsOf(/\/containers\/[0-9a-f]+\/start$/)).toEqual(['dockerd', 'containerd', 'shim', 'runc', 'kernel', 'networks']);
    expect(hopsOf(/\/exec\/[0-9a-f]+\/start$/)).toEqual(['dockerd', 'containerd', 'shim', 'runc', 'kernel']);
    expect(hopsOf(/\/containers\/json/)).toEqual(['dockerd']);
  });

  it('a call that waits keeps its own hops while another call runs', () => {
    const { engine } = runLines(['docker run -d --name web alpine sleep 100', 'docker stop -t 2 web &', 'docker ps', 'sleep 3']);
    const log = engine.snapshot().apiLog;
    expect(log.find((c) => c.path.includes('/stop'))?.hops).toEqual(['dockerd', 'containerd', 'shim', 'runc', 'kernel']);
    expect(log.filter((c) => c.path.startsWith('/v1.51/containers/json')).map((c) => c.hops)).toEqual([['dockerd']]);
  });
});

/**
 * Read-only container routes: GET /containers/json (docker ps), /containers/{id}/json
 * (docker inspect), /containers/{id}/top, /containers/{id}/stats, /containers/{id}/logs.
 * Objects are built in the field order the real API emits, so `--format '{{json .}}'` and
 * `docker inspect` print like the real thing.
 */
import { inspectMounts } from '../../volumes/mounts.ts';
import { ZERO_TIME } from '../../clock.ts';
import { SIGNALS } from '../../kernel/signals.ts';
import { upperSize } from '../../fs/snapshotter.ts';
import { store } from './images.ts';
import type { Container, LogEntry } from '../container.ts';
import type { Daemon } from '../daemon.ts';
import { conflict } from '../errors.ts';
import { humanDuration } from '../../image/units.ts';
import type { ContainerStats } from '../stats.ts';
import { apiPorts, networkSettings } from '../../network/inspect.ts';

/** `Up 3 minutes`, `Exited (137) 5 seconds ago`, … (moby container/state.go String). */
export function statusString(d: Daemon, c: Container): string {
  const st = c.state;
  switch (st.Status) {
    case 'running':
      return `Up ${humanDuration(d.now - (st.StartedAt ?? d.now))}`;
    case 'paused':
      return `Up ${humanDuration(d.now - (st.StartedAt ?? d.now))} (Paused)`;
    case 'restarting':
      return `Restarting (${st.ExitCode}) ${humanDuration(d.now - (st.FinishedAt ?? d.now))} ago`;
    case 'removing':
      return 'Removal In Progress';
    case 'dead':
      return 'Dead';
    case 'created':
      return 'Created';
    case 'exited':
      return st.FinishedAt === null ? 'Created' : `Exited (${st.ExitCode}) ${humanDuration(d.now - st.FinishedAt)} ago`;
    default:
      return st.Status;
  }
}

function commandOf(c: Container): string {
  return [c.path, ...c.args].map((a) => (/\s/.test(a) ? a : a)).join(' ');
}

export interface ContainerSummary {
  Id: string;
  Names: string[];
  Image: string;
  ImageID: string;
  Command: string;
  Created: number;
  Ports: { IP?: string; PrivatePort: number; PublicPort?: number; Type: string }[];
  Labels: Record<string, string>;
  State: string;
  Status: string;
  HostConfig: { NetworkMode: string };
  NetworkSettings: { Networks: Record<string, unknown> };
  Mounts: unknown[];
  SizeRw?: number;
  SizeRootFs?: number;
}

export interface ListFilters {
  readonly [key: string]: readonly string[];
}

function matchesFilters(d: Daemon, c: Container, filters: ListFilters): boolean {
  for (const [key, values] of Object.entries(filters)) {
    if (values.length === 0) continue;
    const ok = values.some((v) => {
      switch (key) {
        case 'name': return new RegExp(v).test(c.name);
        case 'id': return c.id.startsWith(v);
        case 'status': return c.state.Status === v;
        case 'exited': return c.state.Status === 'exited' && String(c.state.ExitCode) === v;
        case 'label': {
          const [k, val] = v.split('=');
          return k in c.config.Labels && (val === undefined || c.config.Labels[k] === val);
        }
        case 'volume': return c.mounts.some((m) => (m.Name || m.Source) === v || m.Destination === v);
        case 'ancestor': {
          const img = d.images.find(v);
          return c.config.Image === v || (img !== undefined && img.id === c.imageId);
        }
        case 'network': {
          const nc = d.kernel.net;
          const n = nc.find(v);
          return n !== undefined && n !== 'ambiguous' && (nc.attachments.get(c.id)?.has(n.id) === true || c.hostConfig.NetworkMode === n.name);
        }
        case 'publish':
        case 'expose': {
          const [port, proto = 'tcp'] = v.split('/');
          const ports = apiPorts(d, c);
          return ports.some((p) => p.Type === proto && (key === 'publish' ? p.PublicPort !== undefined && String(p.PublicPort) === port : String(p.PrivatePort) === port));
        }
        default: return true;
      }
    });
    if (!ok) return false;
  }
  return true;
}

export const LIST_FILTERS = ['ancestor', 'before', 'exited', 'health', 'id', 'isolation', 'is-task', 'label', 'name', 'network', 'publish', 'since', 'status', 'volume', 'expose'];

/** GET /containers/json?all=&filters= — newest first. */
export function containerList(d: Daemon, opts: { all: boolean; filters: ListFilters; limit?: number; size?: boolean }): ContainerSummary[] {
  const q: string[] = [];
  if (opts.all) q.push('all=1');
  if (Object.keys(opts.filters).length) q.push(`filters=${encodeURIComponent(JSON.stringify(opts.filters))}`);
  if (opts.limit !== undefined && opts.limit > 0) q.push(`limit=${opts.limit}`);
  return d.call('GET', `/containers/json${q.length ? `?${q.join('&')}` : ''}`, 200, () => {
    // Newest first: the map keeps creation order.
    let list = [...d.containers.values()].reverse();
    if (!opts.all && !(opts.limit !== undefined && opts.limit > 0) && !('status' in opts.filters)) list = list.filter((c) => c.state.Running);
    list = list.filter((c) => matchesFilters(d, c, opts.filters));
    if (opts.limit !== undefined && opts.limit > 0) list = list.slice(0, opts.limit);
    return list.map((c) => {
      const row: ContainerSummary = {
        Id: c.id, Names: [`/${c.name}`], Image: c.config.Image, ImageID: c.imageId, Command: commandOf(c), Created: d.clock.unix(c.created), Ports: apiPorts(d, c),
        Labels: c.config.Labels, State: c.state.Status, Status: statusString(d, c), HostConfig: { NetworkMode: c.hostConfig.NetworkMode },
        NetworkSettings: { Networks: networkSettings(d, c).Networks as Record<string, unknown> }, Mounts: inspectMounts(c),
      };
      if (opts.size) {
        // GetContainerLayerSize: the r/w layer, and the whole chain under it (image + init + r/w).
        row.SizeRw = upperSize(c.rootfs);
        row.SizeRootFs = (store(d).get(c.imageId)?.size ?? 0) + row.SizeRw;
      }
      return row;
    });
  });
}

function time(d: Daemon, t: number | null): string {
  return t === null ? ZERO_TIME : d.clock.rfc3339Nano(t);
}

/** GET /containers/{id}/json */
export function containerInspect(d: Daemon, ref: string): Record<string, unknown> {
  return d.call('GET', `/containers/${ref}/json`, 200, () => inspectObject(d, d.lookup(ref)));
}

export function inspectObject(d: Daemon, c: Container): Record<string, unknown> {
  const st = c.state;
  const base = `/var/lib/docker/containers/${c.id}`;
  const layer = c.id.slice(0, 64);
  const { Init, ...hostConfigRest } = c.hostConfig;
  return {
    Id: c.id,
    Created: d.clock.rfc3339Nano(c.created),
    Path: c.path,
    Args: c.args,
    State: {
      Status: st.Status, Running: st.Running, Paused: st.Paused, Restarting: st.Restarting, OOMKilled: st.OOMKilled, Dead: st.Dead,
      Pid: st.Pid, ExitCode: st.ExitCode, Error: st.Error, StartedAt: time(d, st.StartedAt), FinishedAt: time(d, st.FinishedAt),
    },
    Image: c.imageId,
    ResolvConfPath: `${base}/resolv.conf`,
    HostnamePath: `${base}/hostname`,
    HostsPath: `${base}/hosts`,
    LogPath: `${base}/${c.id}-json.log`,
    Name: `/${c.name}`,
    RestartCount: c.restartCount,
    Driver: 'overlay2',
    Platform: 'linux',
    MountLabel: '',
    ProcessLabel: '',
    AppArmorProfile: 'docker-default',
    ExecIDs: c.execIds.length ? [...c.execIds] : null,
    HostConfig: { ...hostConfigRest, ...(Init !== undefined && Init !== null ? { Init } : {}) },
    GraphDriver: {
      Data: {
        ID: c.id,
        LowerDir: `/var/lib/docker/overlay2/${layer}-init/diff`,
        MergedDir: `/var/lib/docker/overlay2/${layer}/merged`,
        UpperDir: `/var/lib/docker/overlay2/${layer}/diff`,
        WorkDir: `/var/lib/docker/overlay2/${layer}/work`,
      },
      Name: 'overlay2',
    },
    Mounts: inspectMounts(c),
    Config: c.config,
    NetworkSettings: networkSettings(d, c),
  };
}

/** GET /containers/{id}/top?ps_args= — host ps filtered by the container's cgroup: host PIDs. */
export function containerTop(d: Daemon, ref: string): { Titles: string[]; Processes: string[][] } {
  return d.call('GET', `/containers/${ref}/top`, 200, () => {
    const c = d.lookup(ref);
    if (!c.state.Running || c.state.Restarting) throw conflict(`container ${c.id} is not running`);
    const k = d.kernel;
    const rows = [...k.processes.values()].filter((p) => p.cgroup.path === c.cgroupPath).sort((a, b) => a.hostPid - b.hostPid);
    const pad2 = (n: number) => String(n).padStart(2, '0');
    return {
      Titles: ['UID', 'PID', 'PPID', 'C', 'STIME', 'TTY', 'TIME', 'CMD'],
      Processes: rows.map((p) => {
        const dt = new Date(d.clock.wall(p.startedAt));
        const s = Math.floor(p.cpuTimeUs / 1e6);
        return [
          p.user, String(p.hostPid), String(p.ppid), String(Math.min(99, Math.round(p.cpuRate * 100))), `${pad2(dt.getUTCHours())}:${pad2(dt.getUTCMinutes())}`,
          p.fds[0]?.isTty ? 'pts/0' : '?', `${pad2(Math.floor(s / 3600))}:${pad2(Math.floor(s / 60) % 60)}:${pad2(s % 60)}`, p.alive ? p.argv.join(' ') : `[${p.comm}] <defunct>`,
        ];
      }),
    };
  });
}

/** GET /containers/{id}/stats?stream=0 */
export function containerStats(d: Daemon, ref: string, log = true): ContainerStats & { id: string; name: string } {
  const run = () => {
    const c = d.lookup(ref);
    return { ...d.stats.of(c), id: c.id, name: c.name };
  };
  return log ? d.call('GET', `/containers/${ref}/stats?stream=0`, 200, run) : run();
}

/** GET /containers/{id}/logs — the stored log (following is done by the client subscribing). */
export function containerLogs(d: Daemon, ref: string, query: string): { container: Container; entries: readonly LogEntry[] } {
  return d.call('GET', `/containers/${ref}/logs?${query}`, 200, () => {
    const c = d.lookup(ref);
    return { container: c, entries: c.log.filter((e) => !e.prompt || c.config.Tty) };
  });
}

export { SIGNALS };

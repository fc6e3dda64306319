/**
 * `docker ps` (cli/command/container/list.go, formatter/container.go): newest first, the
 * default table `CONTAINER ID IMAGE COMMAND CREATED STATUS PORTS NAMES`, `-a -q -l -n
 * --no-trunc -s --filter --format`.
 */
import { ApiError } from '../../daemon/errors.ts';
import { humanDuration, humanSizeWithPrecision } from '../../image/units.ts';
import { containerList, LIST_FILTERS, type ContainerSummary } from '../../daemon/router/query.ts';
import { bool, FORMAT_FLAG, list, num, str, StatusError, type Command, type DockerCli } from './command.ts';
import { formatTable, TemplateFailure } from './formatter.ts';
import { goStruct } from '../format/index.ts';

const DEFAULT_FORMAT = 'table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}';

const HEADERS = {
  ID: 'CONTAINER ID', Image: 'IMAGE', Command: 'COMMAND', CreatedAt: 'CREATED AT', RunningFor: 'CREATED', Ports: 'PORTS', State: 'STATE', Status: 'STATUS',
  Size: 'SIZE', Names: 'NAMES', Labels: 'LABELS', Mounts: 'MOUNTS', Networks: 'NETWORKS', LocalVolumes: 'LOCAL VOLUMES', Platform: 'PLATFORM',
};

/** formatter.Ellipsis: cut to `n` display runes, the last one being "…". */
export function ellipsis(s: string, n: number): string {
  const runes = [...s];
  if (runes.length <= n) return s;
  return `${runes.slice(0, n - 1).join('')}…`;
}

/** Go's strconv.Quote for the plain strings commands contain. */
export function goQuote(s: string): string {
  return JSON.stringify(s).replace(/[\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

function createdAt(unix: number): string {
  const d = new Date(unix * 1000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000 UTC`;
}

/** netip.Addr.Less: IPv4 before IPv6, then by bytes (unset sorts first). */
function ipLess(a: string | undefined, b: string | undefined): number {
  const key = (ip: string | undefined) => {
    if (!ip) return '0';
    if (ip.includes(':')) return `6${ip.split(':').map((h) => h.padStart(4, '0')).join(':')}`;
    return `4${ip.split('.').map((o) => o.padStart(3, '0')).join('.')}`;
  };
  const ka = key(a);
  const kb = key(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

const joinHostPort = (ip: string, port: string) => (ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`);

/**
 * formatter.DisplayablePorts (cli/command/formatter/container.go): sorted by private port, IP,
 * public port, type; ports published on the same number (or only exposed) are grouped into
 * ranges, other mappings follow one by one: `0.0.0.0:8080->80/tcp, [::]:8080->80/tcp`.
 */
export function displayablePorts(ports: ContainerSummary['Ports']): string {
  const sorted = [...ports].sort((i, j) => i.PrivatePort - j.PrivatePort || ipLess(i.IP, j.IP) || (i.PublicPort ?? 0) - (j.PublicPort ?? 0) || (i.Type < j.Type ? -1 : i.Type > j.Type ? 1 : 0));
  const groups = new Map<string, { first: number; last: number }>();
  const result: string[] = [];
  const hostMappings: string[] = [];
  const formGroup = (key: string, first: number, last: number) => {
    const [a, b] = key.split('/');
    const ip = b !== undefined ? a : '';
    const type = b !== undefined ? b : a;
    let g = first !== last ? `${first}-${last}` : String(first);
    if (ip) g = `${joinHostPort(ip, g)}->${g}`;
    return `${g}/${type}`;
  };
  for (const p of sorted) {
    let key = p.Type;
    if (p.IP) {
      if (p.PublicPort !== p.PrivatePort) {
        hostMappings.push(`${joinHostPort(p.IP, String(p.PublicPort))}->${p.PrivatePort}/${p.Type}`);
        continue;
      }
      key = `${p.IP}/${p.Type}`;
    }
    const g = groups.get(key);
    if (!g) {
      groups.set(key, { first: p.PrivatePort, last: p.PrivatePort });
      continue;
    }
    if (p.PrivatePort === g.last + 1) {
      g.last = p.PrivatePort;
      continue;
    }
    result.push(formGroup(key, g.first, g.last));
    groups.set(key, { first: p.PrivatePort, last: p.PrivatePort });
  }
  for (const [key, g] of groups) result.push(formGroup(key, g.first, g.last));
  return [...result, ...hostMappings].join(', ');
}

export function psFields(cli: DockerCli, c: ContainerSummary, trunc: boolean): Record<string, string> {
  const now = cli.daemon.clock.unix();
  const labels = Object.entries(c.Labels).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${k}=${v}`).join(',');
  let image = c.Image;
  if (trunc && image.startsWith('sha256:')) image = image.slice(7, 19);
  return {
    Command: goQuote(trunc ? ellipsis(c.Command, 20) : c.Command),
    CreatedAt: createdAt(c.Created),
    ID: trunc ? c.Id.slice(0, 12) : c.Id,
    Image: image,
    Labels: labels,
    LocalVolumes: String((c.Mounts as { Driver?: string }[]).filter((m) => m.Driver === 'local').length),
    Mounts: (c.Mounts as { Name?: string; Source: string }[]).map((m) => (trunc ? ellipsis(m.Name || m.Source, 15) : m.Name || m.Source)).join(','),
    Names: c.Names.map((n) => n.replace(/^\//, '')).join(','),
    Networks: Object.keys(c.NetworkSettings.Networks).join(','),
    Platform: '',
    Ports: displayablePorts(c.Ports),
    RunningFor: `${humanDuration((now - c.Created) * 1000)} ago`,
    // formatter.ContainerContext.Size: 3 significant digits, the virtual size only when known.
    Size: (c.SizeRootFs ?? 0) > 0 ? `${humanSizeWithPrecision(c.SizeRw ?? 0, 3)} (virtual ${humanSizeWithPrecision(c.SizeRootFs ?? 0, 3)})` : humanSizeWithPrecision(c.SizeRw ?? 0, 3),
    State: c.State,
    Status: c.Status,
  };
}

export const ps: Command = {
  name: 'ps', path: 'docker ps', use: 'docker ps [OPTIONS]', short: 'List containers', aliases: 'docker container ls, docker container list, docker container ps, docker ps',
  args: { kind: 'none' },
  flags: [
    { name: 'all', short: 'a', type: 'bool', usage: 'Show all containers (default shows just running)' },
    { name: 'filter', short: 'f', type: 'list', usage: 'Filter output based on conditions provided', valueName: 'filter' },
    FORMAT_FLAG,
    { name: 'last', short: 'n', type: 'int', usage: 'Show n last created containers (includes all states)', default: '-1' },
    { name: 'latest', short: 'l', type: 'bool', usage: 'Show the latest created container (includes all states)' },
    { name: 'no-trunc', type: 'bool', usage: "Don't truncate output" },
    { name: 'quiet', short: 'q', type: 'bool', usage: 'Only display container IDs' },
    { name: 'size', short: 's', type: 'bool', usage: 'Display total file sizes' },
  ],
  *run(cli, f) {
    const filters: Record<string, string[]> = {};
    for (const spec of list(f, 'filter')) {
      const eq = spec.indexOf('=');
      if (eq < 0) throw new StatusError(`invalid argument "${spec}" for "-f, --filter" flag: bad format of filter (expected name=value)`, 125);
      const key = spec.slice(0, eq).toLowerCase();
      if (!LIST_FILTERS.includes(key)) throw new ApiError(400, `invalid filter '${key}'`);
      (filters[key] ??= []).push(spec.slice(eq + 1));
    }
    const limit = bool(f, 'latest') ? 1 : num(f, 'last', -1);
    const rows = containerList(cli.daemon, { all: bool(f, 'all'), filters, limit, size: bool(f, 'size') });
    const trunc = !bool(f, 'no-trunc');
    if (bool(f, 'quiet') && !f.set.has('format')) {
      for (const r of rows) cli.out(`${trunc ? r.Id.slice(0, 12) : r.Id}\n`);
      return 0;
    }
    let format = str(f, 'format') || (bool(f, 'quiet') ? '{{.ID}}' : DEFAULT_FORMAT);
    if (format === 'table' ) format = DEFAULT_FORMAT;
    if (bool(f, 'size') && format === DEFAULT_FORMAT) format += '\t{{.Size}}';
    if (format === 'json') format = '{{json .}}';
    try {
      // Rows behave like docker's *formatter.ContainerContext (unknown fields are errors; json marshals every field).
      const contexts = rows.map((r) => {
        const fields = psFields(cli, r, trunc);
        return goStruct('*formatter.ContainerContext', { ...fields, MarshalJSON: () => fields });
      });
      cli.out(formatTable(format, contexts, HEADERS));
    } catch (e) {
      if (e instanceof TemplateFailure) throw new StatusError(e.message, 1);
      throw e;
    }
    return 0;
  },
};

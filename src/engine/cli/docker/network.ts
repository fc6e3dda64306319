/**
 * `docker network` (cli/command/network/*.go): create, ls, inspect, rm, connect, disconnect,
 * prune. Daemon errors print as `Error response from daemon: …`; `rm` and `inspect` go on past
 * a missing network and exit 1 at the end, as the real CLI does.
 */
import { ApiError } from '../../daemon/errors.ts';
import { EOF } from '../../kernel/streams.ts';
import { networkConnect, networkCreate, networkDisconnect, networkInspect, networkList, networkRemove, networksPrune } from '../../network/routes.ts';
import { goStruct } from '../format/index.ts';
import { bool, FORMAT_FLAG, list, str, StatusError, type Command, type DockerCli, keyValues } from './command.ts';
import { executeFormat, formatTable, TemplateFailure } from './formatter.ts';
import { goJson } from './gojson.ts';

function apiError(e: unknown): never {
  if (e instanceof ApiError) throw new StatusError(`Error response from daemon: ${e.message}`, 1);
  throw e;
}


export const networkCreateCmd: Command = {
  name: 'create', path: 'docker network create', use: 'docker network create [OPTIONS] NETWORK', short: 'Create a network', args: { kind: 'exact', n: 1 },
  flags: [
    { name: 'attachable', type: 'bool', usage: 'Enable manual container attachment' },
    { name: 'aux-address', type: 'list', valueName: 'map', usage: 'Auxiliary IPv4 or IPv6 addresses used by Network driver', default: 'map[]' },
    { name: 'config-from', type: 'string', usage: 'The network from which to copy the configuration' },
    { name: 'config-only', type: 'bool', usage: 'Create a configuration only network' },
    { name: 'driver', short: 'd', type: 'string', usage: 'Driver to manage the Network', default: '"bridge"' },
    { name: 'gateway', type: 'list', valueName: 'strings', usage: 'IPv4 or IPv6 Gateway for the master subnet' },
    { name: 'ingress', type: 'bool', usage: 'Create swarm routing-mesh network' },
    { name: 'internal', type: 'bool', usage: 'Restrict external access to the network' },
    { name: 'ip-range', type: 'list', valueName: 'strings', usage: 'Allocate container ip from a sub-range' },
    { name: 'ipam-driver', type: 'string', usage: 'IP Address Management Driver', default: '"default"' },
    { name: 'ipam-opt', type: 'list', valueName: 'map', usage: 'Set IPAM driver specific options', default: 'map[]' },
    { name: 'ipv4', type: 'bool', usage: 'Enable or disable IPv4 address assignment', default: 'true' },
    { name: 'ipv6', type: 'bool', usage: 'Enable or disable IPv6 address assignment' },
    { name: 'label', type: 'list', usage: 'Set metadata on a network' },
    { name: 'opt', short: 'o', type: 'list', valueName: 'map', usage: 'Set driver specific options', default: 'map[]' },
    { name: 'scope', type: 'string', usage: "Control the network's scope" },
    { name: 'subnet', type: 'list', valueName: 'strings', usage: 'Subnet in CIDR format that represents a network segment' },
  ],
  *run(cli, f) {
    const subnets = list(f, 'subnet');
    const gateways = list(f, 'gateway');
    if (gateways.length > subnets.length) throw new StatusError('invalid network config:\ncannot set gateway without a subnet', 1);
    try {
      const r = networkCreate(cli.daemon, {
        name: f.args[0], driver: str(f, 'driver', 'bridge') || 'bridge', subnet: subnets[0], gateway: gateways[0], internal: bool(f, 'internal'), attachable: bool(f, 'attachable'),
        labels: keyValues(list(f, 'label')), options: keyValues(list(f, 'opt')),
      });
      cli.out(`${r.Id}\n`);
      return 0;
    } catch (e) {
      return apiError(e);
    }
  },
};

const LS_FORMAT = 'table {{.ID}}\t{{.Name}}\t{{.Driver}}\t{{.Scope}}';
const LS_HEADERS = { ID: 'NETWORK ID', Name: 'NAME', Driver: 'DRIVER', Scope: 'SCOPE', IPv4: 'IPV4', IPv6: 'IPV6', Internal: 'INTERNAL', Labels: 'LABELS', CreatedAt: 'CREATED AT' };

function matches(n: Record<string, unknown>, filters: readonly [string, string][]): boolean {
  const byKey = new Map<string, string[]>();
  for (const [k, v] of filters) byKey.set(k, [...(byKey.get(k) ?? []), v]);
  for (const [k, vs] of byKey) {
    const ok = vs.some((v) => {
      switch (k) {
        case 'name': return String(n.Name).includes(v);
        case 'id': return String(n.Id).startsWith(v);
        case 'driver': return n.Driver === v;
        case 'scope': return v === 'local';
        case 'type': return v === 'custom' ? !['bridge', 'host', 'none'].includes(String(n.Name)) : ['bridge', 'host', 'none'].includes(String(n.Name));
        case 'dangling': return (v === 'true') === (Object.keys(n.Containers as object).length === 0 && !['bridge', 'host', 'none'].includes(String(n.Name)));
        case 'label': {
          const [lk, lv] = v.split('=');
          const labels = n.Labels as Record<string, string>;
          return lk in labels && (lv === undefined || labels[lk] === lv);
        }
        default: return true;
      }
    });
    if (!ok) return false;
  }
  return true;
}

/** time.Time.String(): `2026-01-12 09:00:00.5 +0000 UTC` from an RFC 3339 timestamp. */
function goTimeString(rfc3339: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(?:\.(\d+))?Z$/.exec(rfc3339);
  if (!m) return rfc3339;
  const frac = (m[3] ?? '').replace(/0+$/, '');
  return `${m[1]} ${m[2]}${frac ? `.${frac}` : ''} +0000 UTC`;
}

export const networkLs: Command = {
  name: 'ls', path: 'docker network ls', use: 'docker network ls [OPTIONS]', short: 'List networks', aliases: 'docker network ls, docker network list', args: { kind: 'none' },
  flags: [
    { name: 'filter', short: 'f', type: 'list', valueName: 'filter', usage: 'Provide filter values (e.g. "driver=bridge")' },
    FORMAT_FLAG,
    { name: 'no-trunc', type: 'bool', usage: 'Do not truncate the output' },
    { name: 'quiet', short: 'q', type: 'bool', usage: 'Only display network IDs' },
  ],
  *run(cli, f) {
    const filters: [string, string][] = [];
    for (const spec of list(f, 'filter')) {
      const eq = spec.indexOf('=');
      if (eq < 0) throw new StatusError(`invalid argument "${spec}" for "-f, --filter" flag: bad format of filter (expected name=value)\n\nUsage:  ${this.use}\n\nRun '${this.path} --help' for more information`, 125);
      const key = spec.slice(0, eq);
      if (!['dangling', 'driver', 'id', 'label', 'name', 'scope', 'type'].includes(key)) throw new StatusError(`Error response from daemon: invalid filter '${key}'`, 1);
      filters.push([key, spec.slice(eq + 1)]);
    }
    const nets = networkList(cli.daemon).filter((n) => matches(n, filters)).sort((a, b) => (String(a.Name) < String(b.Name) ? -1 : 1));
    const trunc = !bool(f, 'no-trunc');
    // Keys in Go's order: the context marshals through a map, so `{{json .}}` sorts them.
    const rows = nets.map((n) => ({
      CreatedAt: goTimeString(String(n.Created)), Driver: String(n.Driver), ID: trunc ? String(n.Id).slice(0, 12) : String(n.Id), IPv4: String(n.EnableIPv4), IPv6: String(n.EnableIPv6),
      Internal: String(n.Internal), Labels: Object.entries(n.Labels as Record<string, string>).map(([k, v]) => `${k}=${v}`).join(','), Name: String(n.Name), Scope: 'local',
    }));
    if (bool(f, 'quiet')) {
      for (const r of rows) cli.out(`${r.ID}\n`);
      return 0;
    }
    const format = str(f, 'format') || LS_FORMAT;
    try {
      const contexts = rows.map((r) => goStruct('*formatter.networkContext', { ...r, MarshalJSON: () => r }));
      cli.out(formatTable(format, contexts, LS_HEADERS));
    } catch (e) {
      if (e instanceof TemplateFailure) throw new StatusError(e.message, 1);
      throw e;
    }
    return 0;
  },
};

export const networkInspectCmd: Command = {
  name: 'inspect', path: 'docker network inspect', use: 'docker network inspect [OPTIONS] NETWORK [NETWORK...]', short: 'Display detailed information on one or more networks', args: { kind: 'min', n: 1 },
  flags: [
    { name: 'format', short: 'f', type: 'string', usage: "Format output using a custom template:\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates" },
    { name: 'verbose', short: 'v', type: 'bool', usage: 'Verbose output for diagnostics' },
  ],
  *run(cli, f) {
    const found: Record<string, unknown>[] = [];
    const errors: string[] = [];
    for (const ref of f.args) {
      try {
        found.push(networkInspect(cli.daemon, ref));
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        errors.push(`Error: No such network: ${ref}`);
      }
    }
    const format = str(f, 'format');
    if (format && format !== 'json') {
      for (const obj of found) {
        try {
          cli.out(`${executeFormat(format, obj, { missingKey: 'error' })}\n`);
        } catch (e) {
          if (e instanceof TemplateFailure) throw new StatusError(`template parsing error: ${e.message}`, 1);
          throw e;
        }
      }
    } else cli.out(`${found.length ? goJson(found, '    ') : '[]'}\n`);
    if (errors.length) {
      cli.err(`${errors.join('\n')}\n`);
      return 1;
    }
    return 0;
  },
};

export const networkRm: Command = {
  name: 'rm', path: 'docker network rm', use: 'docker network rm NETWORK [NETWORK...]', short: 'Remove one or more networks', aliases: 'docker network rm, docker network remove',
  args: { kind: 'min', n: 1 },
  flags: [{ name: 'force', short: 'f', type: 'bool', usage: 'Do not error if the network does not exist' }],
  *run(cli, f) {
    let status = 0;
    for (const ref of f.args) {
      try {
        networkRemove(cli.daemon, ref);
        cli.out(`${ref}\n`);
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        if (e.status === 404 && bool(f, 'force')) continue;
        cli.err(`Error response from daemon: ${e.message}\n`);
        status = 1;
      }
    }
    return status;
  },
};

export const networkConnectCmd: Command = {
  name: 'connect', path: 'docker network connect', use: 'docker network connect [OPTIONS] NETWORK CONTAINER', short: 'Connect a container to a network', args: { kind: 'exact', n: 2 },
  flags: [
    { name: 'alias', type: 'list', valueName: 'strings', usage: 'Add network-scoped alias for the container' },
    { name: 'ip', type: 'string', usage: 'IPv4 address (e.g., "172.30.100.104")' },
  ],
  *run(cli, f) {
    try {
      networkConnect(cli.daemon, f.args[0], f.args[1], { aliases: list(f, 'alias'), ipv4: str(f, 'ip') });
      return 0;
    } catch (e) {
      return apiError(e);
    }
  },
};

export const networkDisconnectCmd: Command = {
  name: 'disconnect', path: 'docker network disconnect', use: 'docker network disconnect [OPTIONS] NETWORK CONTAINER', short: 'Disconnect a container from a network', args: { kind: 'exact', n: 2 },
  flags: [{ name: 'force', short: 'f', type: 'bool', usage: 'Force the container to disconnect from a network' }],
  *run(cli, f) {
    try {
      networkDisconnect(cli.daemon, f.args[0], f.args[1], bool(f, 'force'));
      return 0;
    } catch (e) {
      return apiError(e);
    }
  },
};

export const networkPrune: Command = {
  name: 'prune', path: 'docker network prune', use: 'docker network prune [OPTIONS]', short: 'Remove all unused networks', args: { kind: 'none' },
  flags: [
    { name: 'filter', type: 'list', valueName: 'filter', usage: 'Provide filter values (e.g. "until=<timestamp>")' },
    { name: 'force', short: 'f', type: 'bool', usage: 'Do not prompt for confirmation' },
  ],
  *run(cli: DockerCli, f) {
    if (!bool(f, 'force')) {
      cli.out('WARNING! This will remove all custom networks not used by at least one container.\nAre you sure you want to continue? [y/N] ');
      const answer = yield cli.ctx.read(0, { line: true });
      if (answer === EOF || typeof answer !== 'string' || answer.trim().toLowerCase() !== 'y') return 0;
    }
    const r = networksPrune(cli.daemon);
    if (r.NetworksDeleted.length) cli.out(`Deleted Networks:\n${r.NetworksDeleted.map((n) => `${n}\n`).join('')}\n`);
    return 0;
  },
};

export const NETWORK_HELP = `
Usage:  docker network COMMAND

Manage networks

Commands:
  connect     Connect a container to a network
  create      Create a network
  disconnect  Disconnect a container from a network
  inspect     Display detailed information on one or more networks
  ls          List networks
  prune       Remove all unused networks
  rm          Remove one or more networks

Run 'docker network COMMAND --help' for more information on a command.
`;

export const NETWORK_COMMANDS: Record<string, Command> = {
  connect: networkConnectCmd, create: networkCreateCmd, disconnect: networkDisconnectCmd, inspect: networkInspectCmd, ls: networkLs,
  list: { ...networkLs, name: 'list', path: 'docker network list' }, prune: networkPrune, rm: networkRm, remove: { ...networkRm, name: 'remove', path: 'docker network remove' },
};

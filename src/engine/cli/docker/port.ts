/**
 * `docker port CONTAINER [PRIVATE_PORT[/PROTO]]` (cli/command/container/port.go): the
 * container's published ports from `NetworkSettings.Ports`, `80/tcp -> 0.0.0.0:8080` per
 * binding, sorted; with a port, only its host addresses.
 */
import { ApiError } from '../../daemon/errors.ts';
import { containerInspect } from '../../daemon/router/query.ts';
import { StatusError, type Command } from './command.ts';

export const port: Command = {
  name: 'port', path: 'docker port', use: 'docker port CONTAINER [PRIVATE_PORT[/PROTO]]', short: 'List port mappings or a specific mapping for the container',
  aliases: 'docker container port, docker port', args: { kind: 'range', min: 1, max: 2 }, flags: [],
  *run(cli, f) {
    let obj: Record<string, unknown>;
    try {
      obj = containerInspect(cli.daemon, f.args[0]);
    } catch (e) {
      if (e instanceof ApiError) throw new StatusError(`Error response from daemon: ${e.message}`, 1);
      throw e;
    }
    const ports = ((obj.NetworkSettings as { Ports: Record<string, { HostIp: string; HostPort: string }[] | null> }).Ports) ?? {};
    const addr = (b: { HostIp: string; HostPort: string }) => `${b.HostIp.includes(':') ? `[${b.HostIp}]` : b.HostIp}:${b.HostPort}`;
    if (f.args[1] !== undefined) {
      const [p, proto = 'tcp'] = f.args[1].split('/');
      if (!/^\d+$/.test(p)) throw new StatusError(`Error: invalid port (${p}): strconv.ParseUint: parsing "${p}": invalid syntax`, 1);
      const key = `${p}/${proto}`;
      const bindings = ports[key];
      if (!bindings?.length) throw new StatusError(`Error: No public port '${key}' published for ${f.args[0]}`, 1);
      for (const b of bindings) cli.out(`${addr(b)}\n`);
      return 0;
    }
    const lines: string[] = [];
    for (const [key, bindings] of Object.entries(ports)) for (const b of bindings ?? []) lines.push(`${key} -> ${addr(b)}`);
    const num = (l: string) => Number(l.split('/')[0]);
    lines.sort((a, b) => num(a) - num(b) || (a < b ? -1 : a > b ? 1 : 0));
    for (const l of lines) cli.out(`${l}\n`);
    return 0;
  },
};

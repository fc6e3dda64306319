/**
 * How networks show in the Engine API: a container's `NetworkSettings` (API v1.51, with the
 * deprecated top-level fields that mirror the default-bridge endpoint until v1.52), its `Ports`
 * in `GET /containers/json`, and a network's `GET /networks/{id}` object.
 */
import type { Container } from '../daemon/container.ts';
import type { Daemon } from '../daemon/daemon.ts';
import { formatIp } from './ipam.ts';
import type { Network } from './network.ts';
import { net, networkModeOf } from './sandbox.ts';

export interface ApiPort {
  IP?: string;
  PrivatePort: number;
  PublicPort?: number;
  Type: string;
}

/** `NetworkSettings.Ports`: every exposed or published port → its host bindings (null when not published). */
export function portMap(d: Daemon, c: Container): Record<string, { HostIp: string; HostPort: string }[] | null> {
  const sb = net(d).sandboxes.get(c.id);
  if (!sb || !c.state.Running) return {};
  const out: Record<string, { HostIp: string; HostPort: string }[] | null> = {};
  const keys = new Set([...Object.keys(c.config.ExposedPorts ?? {}), ...Object.keys(c.hostConfig.PortBindings)]);
  if (sb.mode !== 'bridge' && sb.mode !== 'user') return {};
  for (const k of [...keys].sort()) out[k] = null;
  for (const p of sb.ports) (out[p.containerPort] ??= []).push({ HostIp: p.hostIp, HostPort: String(p.hostPort) });
  return out;
}

/** `Ports` of `docker ps`: published bindings, then exposed ports without one. */
export function apiPorts(d: Daemon, c: Container): ApiPort[] {
  const out: ApiPort[] = [];
  for (const [key, bindings] of Object.entries(portMap(d, c))) {
    const [port, type = 'tcp'] = key.split('/');
    if (!bindings) out.push({ PrivatePort: Number(port), Type: type });
    else for (const b of bindings) out.push({ IP: b.HostIp, PrivatePort: Number(port), PublicPort: Number(b.HostPort), Type: type });
  }
  return out;
}

function endpointObject(d: Daemon, c: Container, n: Network): Record<string, unknown> {
  const nc = net(d);
  const settings = nc.attachments.get(c.id)?.get(n.id);
  const ep = c.state.Running ? n.endpoints.get(c.id) : undefined;
  const ip = ep?.ip != null ? formatIp(ep.ip) : '';
  return {
    IPAMConfig: settings?.ipv4 ? { IPv4Address: settings.ipv4 } : null,
    Links: null,
    Aliases: settings?.aliases.length ? [...settings.aliases] : null,
    MacAddress: ep?.ip != null ? ep.mac : '',
    DriverOpts: null,
    GwPriority: 0,
    NetworkID: n.id,
    EndpointID: ep ? ep.id : '',
    Gateway: ep?.ip != null && n.space ? formatIp(n.space.gateway) : '',
    IPAddress: ip,
    IPPrefixLen: ep?.ip != null && n.space ? n.space.subnet.prefix : 0,
    IPv6Gateway: '',
    GlobalIPv6Address: '',
    GlobalIPv6PrefixLen: 0,
    DNSNames: ep && ep.dnsNames.length ? [...ep.dnsNames] : null,
  };
}

/** `NetworkSettings` of `docker inspect`. */
export function networkSettings(d: Daemon, c: Container): Record<string, unknown> {
  const nc = net(d);
  const sb = c.state.Running ? nc.sandboxes.get(c.id) : undefined;
  const { mode, target } = networkModeOf(c.hostConfig.NetworkMode);
  const networks: Record<string, unknown> = {};
  if (mode === 'host' || mode === 'none') networks[target] = endpointObject(d, c, nc.byName(target)!);
  else if (mode !== 'container') {
    for (const netId of nc.attachments.get(c.id)?.keys() ?? []) {
      const n = nc.networks.get(netId);
      if (n) networks[n.name] = endpointObject(d, c, n);
    }
  }
  const def = nc.bridge.endpoints.get(c.id);
  const defIp = sb && def?.ip != null ? def.ip : null;
  return {
    Bridge: '', SandboxID: sb?.id ?? '', SandboxKey: sb && mode !== 'container' ? sb.key : '', Ports: portMap(d, c), HairpinMode: false, LinkLocalIPv6Address: '', LinkLocalIPv6PrefixLen: 0,
    SecondaryIPAddresses: null, SecondaryIPv6Addresses: null, EndpointID: defIp !== null ? def!.id : '', Gateway: defIp !== null ? formatIp(nc.bridge.space!.gateway) : '',
    GlobalIPv6Address: '', GlobalIPv6PrefixLen: 0, IPAddress: defIp !== null ? formatIp(defIp) : '', IPPrefixLen: defIp !== null ? 16 : 0, IPv6Gateway: '',
    MacAddress: defIp !== null ? def!.mac : '', Networks: networks,
  };
}

/** `GET /networks/{id}` (api/types/network Inspect). */
export function networkObject(d: Daemon, n: Network): Record<string, unknown> {
  const containers: Record<string, unknown> = {};
  for (const [cid, ep] of [...n.endpoints].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const c = d.containers.get(cid);
    containers[cid] = { Name: c?.name ?? '', EndpointID: ep.id, MacAddress: ep.mac, IPv4Address: ep.ip !== null && n.space ? `${formatIp(ep.ip)}/${n.space.subnet.prefix}` : '', IPv6Address: '' };
  }
  return {
    Name: n.name,
    Id: n.id,
    Created: d.clock.rfc3339Nano(n.created),
    Scope: 'local',
    Driver: n.driver,
    EnableIPv4: n.driver === 'bridge',
    EnableIPv6: false,
    IPAM: { Driver: 'default', Options: n.ipamOptions, Config: n.space ? [{ Subnet: net(d).subnetOf(n), Gateway: formatIp(n.space.gateway) }] : [] },
    Internal: n.internal,
    Attachable: n.attachable,
    Ingress: false,
    ConfigFrom: { Network: '' },
    ConfigOnly: false,
    Containers: containers,
    Options: { ...n.options },
    Labels: { ...n.labels },
  };
}

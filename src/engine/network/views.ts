/**
 * The network state as snapshot records (snapshot.ts): networks with their endpoints, the
 * published ports with their docker-proxy, and the bounded traffic log (pings, DNS queries,
 * HTTP and redis requests with their virtual times) that the UI animates as packets.
 */
import type { NetworkView, PortBindingView, TrafficView } from '../snapshot.ts';
import type { NetworkController } from './controller.ts';
import { formatIp } from './ipam.ts';

export function networkViews(nc: NetworkController): NetworkView[] {
  return [...nc.networks.values()].map((n) => ({
    id: n.id, rev: nc.rev, name: n.name, driver: n.driver, bridge: n.bridgeName, subnet: nc.subnetOf(n), gateway: n.space ? formatIp(n.space.gateway) : '',
    internal: n.internal, builtin: n.predefined, embeddedDns: n.userDefined, created: n.created,
    endpoints: [...n.endpoints.values()].map((e) => ({
      id: e.id, containerId: e.containerId, ip: e.ip !== null ? formatIp(e.ip) : '', mac: e.mac, ifName: e.ip !== null ? e.ifName : '', veth: e.ip !== null ? e.vethName : '',
      aliases: [...e.aliases], dnsNames: [...e.dnsNames],
    })),
  }));
}

export function portBindingViews(nc: NetworkController): PortBindingView[] {
  const out: PortBindingView[] = [];
  for (const sb of nc.sandboxes.values()) {
    const ip = sb.endpoints.find((e) => e.ip !== null)?.ip;
    sb.ports.forEach((p, i) => {
      const [port, proto = 'tcp'] = p.containerPort.split('/');
      out.push({
        id: `${sb.containerId.slice(0, 12)}/${p.hostIp.includes(':') ? `[${p.hostIp}]` : p.hostIp}:${p.hostPort}/${proto}`, rev: 1, containerId: sb.containerId,
        containerPort: Number(port), proto, hostIp: p.hostIp, hostPort: p.hostPort, containerIp: ip != null ? formatIp(ip) : '', proxyPid: sb.proxyPids[i] ?? null,
      });
    });
  }
  return out;
}

export function trafficViews(nc: NetworkController): TrafficView[] {
  return nc.traffic.map((e) => ({ id: `traffic-${e.seq}`, rev: 1, ...e }));
}

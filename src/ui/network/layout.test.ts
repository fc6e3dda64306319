import { describe, expect, it } from 'vitest';
import type { NetworkEndpointView, NetworkView } from '../../engine/snapshot.ts';
import { layoutNetworks, packetRoute } from './layout.ts';

const ep = (containerId: string, ip: string): NetworkEndpointView => ({ id: `ep-${containerId}`, containerId, ip, mac: '', ifName: 'eth0', veth: 'veth1234567', aliases: [], dnsNames: [] });
const net = (id: string, name: string, over: Partial<NetworkView> = {}): NetworkView => ({
  id, rev: 1, name, driver: 'bridge', bridge: name === 'bridge' ? 'docker0' : `br-${id.slice(0, 12)}`, subnet: '172.18.0.0/16', gateway: '172.18.0.1', internal: false,
  builtin: name === 'bridge', embeddedDns: name !== 'bridge', created: 10, endpoints: [], ...over,
});

describe('network layout', () => {
  const nets = [
    net('n2', 'app', { endpoints: [ep('db', '172.18.0.3'), ep('web', '172.18.0.2')] }),
    net('n1', 'bridge', { endpoints: [ep('solo', '172.17.0.2')], created: 0 }),
    net('n3', 'host', { driver: 'host', builtin: true, endpoints: [ep('h', '')] }),
  ];
  const l = layoutNetworks(nets);
  it('draws bridges only, docker0 first, endpoints by IP below their bridge', () => {
    expect(l.bridges.map((b) => b.network.name)).toEqual(['bridge', 'app']);
    const app = l.bridges[1];
    const appEps = l.endpoints.filter((e) => e.networkId === 'n2');
    expect(appEps.map((e) => e.endpoint.containerId)).toEqual(['web', 'db']);
    for (const e of appEps) expect(e.y).toBeGreaterThan(app.y + app.h);
    expect(l.height).toBeGreaterThan(Math.max(...l.endpoints.map((e) => e.y + e.h)));
  });
  it('a packet between two containers on one network stays on its bridge', () => {
    const r = packetRoute(l, { fromContainer: 'web', toContainer: 'db' });
    expect(r).toHaveLength(4);
    expect(r[1].y).toBe(r[2].y); // along the bridge bar
  });
  it('a packet to or from outside goes through the host', () => {
    const r = packetRoute(l, { fromContainer: null, toContainer: 'web' });
    expect(r[0]).toEqual({ x: l.host.x + l.host.w / 2, y: l.host.y + l.host.h });
    expect(packetRoute(l, { fromContainer: 'solo', toContainer: 'web' })).toHaveLength(5);
  });
});

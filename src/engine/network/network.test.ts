import { describe, expect, it } from 'vitest';
import { Random } from '../random.ts';
import { NetworkController } from './controller.ts';
import { lookupHostsFile, renderHosts, renderResolvConf } from './etcfiles.ts';
import { AddressSpace, formatIp, nextPool, parseCidr, parseIp } from './ipam.ts';
import { parsePortSpec, parsePortSpecs, PortAllocator } from './ports.ts';

const HOST_NETNS = 4026531840;

describe('IPAM', () => {
  it('walks the default pools: 172.17/16 … 172.31/16, then 192.168.0.0/20', () => {
    const used = [parseCidr('172.17.0.0/16')!];
    expect(formatIp(nextPool(used)!.base)).toBe('172.18.0.0');
    for (let i = 18; i <= 31; i++) used.push(parseCidr(`172.${i}.0.0/16`)!);
    const next = nextPool(used)!;
    expect(`${formatIp(next.base)}/${next.prefix}`).toBe('192.168.0.0/20');
  });

  it('gives the gateway .1, then the lowest free address, reusing released ones', () => {
    const s = new AddressSpace(parseCidr('172.18.0.0/16')!);
    expect(formatIp(s.gateway)).toBe('172.18.0.1');
    const a = s.allocate() as number;
    const b = s.allocate() as number;
    expect([formatIp(a), formatIp(b)]).toEqual(['172.18.0.2', '172.18.0.3']);
    s.release(a);
    expect(formatIp(s.allocate() as number)).toBe('172.18.0.2');
    expect(s.allocate(parseIp('172.18.0.3')!)).toBe('Address already in use');
  });

  it('masks a CIDR to its network and rejects bad ones', () => {
    expect(parseCidr('10.1.2.3/8')).toEqual({ base: parseIp('10.0.0.0'), prefix: 8 });
    expect(parseCidr('10.1.2.3')).toBeNull();
    expect(parseCidr('300.1.2.3/8')).toBeNull();
  });
});

describe('port specs (go-connections nat.ParsePortSpec)', () => {
  const one = (s: string) => {
    const r = parsePortSpec(s);
    return typeof r === 'string' ? r : r.map((m) => [m.port, m.binding.HostIp, m.binding.HostPort]);
  };
  it('reads every form', () => {
    expect(one('80')).toEqual([['80/tcp', '', '']]);
    expect(one('8080:80')).toEqual([['80/tcp', '', '8080']]);
    expect(one('127.0.0.1:8080:80')).toEqual([['80/tcp', '127.0.0.1', '8080']]);
    expect(one('127.0.0.1::80')).toEqual([['80/tcp', '127.0.0.1', '']]);
    expect(one('8080:80/udp')).toEqual([['80/udp', '', '8080']]);
    expect(one('8080-8081:80-81')).toEqual([['80/tcp', '', '8080'], ['81/tcp', '', '8081']]);
    expect(one('8000-8010:80')).toEqual([['80/tcp', '', '8000-8010']]);
    expect(one('[::1]:8080:80')).toEqual([['80/tcp', '::1', '8080']]);
  });
  it('rejects with the library messages', () => {
    expect(one('x')).toBe('invalid containerPort: x');
    expect(one('y:80')).toBe('invalid hostPort: y');
    expect(one('8080:')).toBe('no port specified: 8080:<empty>');
    expect(one('80/xyz')).toBe('invalid proto: xyz');
    expect(one('1.2.3:80:80')).toBe('invalid IP address: 1.2.3');
    expect(one('8080-8082:80-81')).toBe('invalid ranges specified for container and host Ports: 80-81 and 8080-8082');
    expect(one('70000')).toBe('invalid containerPort: 70000');
  });
  it('groups bindings by port', () => {
    const r = parsePortSpecs(['8080:80', '127.0.0.1:9090:80', '443']);
    expect(r).toEqual({ exposed: ['80/tcp', '443/tcp'], bindings: { '80/tcp': [{ HostIp: '', HostPort: '8080' }, { HostIp: '127.0.0.1', HostPort: '9090' }], '443/tcp': [{ HostIp: '', HostPort: '' }] } });
  });
});

describe('port allocator', () => {
  it('hands out ephemeral ports from 32768 in order and refuses taken ones', () => {
    const a = new PortAllocator();
    expect(a.request('tcp', ['0.0.0.0', '::'], null, 'c1')).toBe(32768);
    expect(a.request('tcp', ['0.0.0.0', '::'], null, 'c2')).toBe(32769);
    expect(a.request('tcp', ['0.0.0.0', '::'], [8080, 8080], 'c1')).toBe(8080);
    expect(a.request('tcp', ['0.0.0.0', '::'], [8080, 8080], 'c3')).toBe('Bind for 0.0.0.0:8080 failed: port is already allocated');
    expect(a.request('tcp', ['127.0.0.1'], [8080, 8080], 'c3')).toBe('Bind for 127.0.0.1:8080 failed: port is already allocated');
    expect(a.request('udp', ['0.0.0.0'], [8080, 8080], 'c3')).toBe(8080);
    a.releaseAll('c1');
    expect(a.request('tcp', ['0.0.0.0', '::'], [8080, 8080], 'c3')).toBe(8080);
    expect(a.request('tcp', ['0.0.0.0', '::'], [8080, 8082], 'c4')).toBe(8081);
  });
});

describe('network controller', () => {
  const make = () => new NetworkController(new Random(7), () => 0, HOST_NETNS);

  it('has bridge, host and none, and creates user bridges on the next /16', () => {
    const nc = make();
    expect([...nc.networks.values()].map((n) => [n.name, n.driver, n.bridgeName])).toEqual([['bridge', 'bridge', 'docker0'], ['host', 'host', ''], ['none', 'null', '']]);
    const n = nc.create({ name: 'mynet', driver: 'bridge' });
    if (typeof n === 'string') throw new Error(n);
    expect(nc.subnetOf(n)).toBe('172.18.0.0/16');
    expect(n.bridgeName).toBe(`br-${n.id.slice(0, 12)}`);
    expect(nc.create({ name: 'mynet', driver: 'bridge' })).toBe('network with name mynet already exists');
    expect(nc.create({ name: 'other', driver: 'bridge', subnet: '172.18.5.0/24' })).toBe('invalid pool request: Pool overlaps with other one on this address space');
    expect(nc.remove(nc.bridge)).toBe('bridge is a pre-defined network and cannot be removed');
  });

  it('resolves names on user-defined networks only, and routes only within shared networks', () => {
    const nc = make();
    const n = nc.create({ name: 'mynet', driver: 'bridge' });
    if (typeof n === 'string') throw new Error(n);
    const join = (id: string, netId: string, name: string, netns: number, aliases: string[] = []) => {
      nc.attachmentsOf(id).set(netId, { aliases, ipv4: '' });
      const sb = nc.createSandbox(id, netId === nc.bridge.id ? 'bridge' : 'user', { name, hostname: id.slice(0, 12) });
      if (typeof sb === 'string') throw new Error(sb);
      sb.netns = { type: 'net', inode: netns, owner: id };
      return sb;
    };
    join('a'.repeat(64), n.id, 'web', 1001, ['www']);
    join('b'.repeat(64), n.id, 'client', 1002);
    join('c'.repeat(64), nc.bridge.id, 'lonely', 1003);
    expect(nc.resolveEmbedded(1002, 'web')).toBe('172.18.0.2');
    expect(nc.resolveEmbedded(1002, 'www')).toBe('172.18.0.2');
    expect(nc.resolveEmbedded(1002, 'aaaaaaaaaaaa')).toBe('172.18.0.2');
    expect(nc.resolveEmbedded(1002, 'web.mynet')).toBe('172.18.0.2');
    expect(nc.resolveEmbedded(1003, 'web')).toBeNull();
    expect(nc.usesEmbeddedDns(1003)).toBe(false);
    expect(nc.route({ netns: 1002 }, '172.18.0.2')).toEqual({ ok: true, netns: 1001, clientIp: '172.18.0.3', containerId: 'a'.repeat(64) });
    expect(nc.route({ netns: 1003 }, '172.18.0.2')).toEqual({ ok: false, error: 'unreachable' });
    expect(nc.route({ netns: HOST_NETNS }, '172.17.0.2')).toMatchObject({ ok: true, netns: 1003, clientIp: '172.17.0.1' });
    const none = nc.createSandbox('e'.repeat(64), 'none', { name: 'void', hostname: 'eeeeeeeeeeee' });
    if (typeof none === 'string') throw new Error(none);
    none.netns = { type: 'net', inode: 1004, owner: 'e'.repeat(64) };
    expect(nc.route({ netns: 1004 }, '172.17.0.1')).toEqual({ ok: false, error: 'nonet' });
    expect(nc.route({ netns: 1004 }, '127.0.0.1')).toMatchObject({ ok: true, netns: 1004 });
    nc.releaseSandbox('a'.repeat(64));
    expect(nc.resolveEmbedded(1002, 'web')).toBeNull();
    expect(nc.remove(n)).toMatch(/^error while removing network: network mynet id [0-9a-f]{64} has active endpoints$/);
  });

  it('connects through a docker-proxy listener to the container and refuses closed ports', () => {
    const nc = make();
    nc.attachmentsOf('d'.repeat(64)).set(nc.bridge.id, { aliases: [], ipv4: '' });
    const sb = nc.createSandbox('d'.repeat(64), 'bridge', { name: 'web', hostname: 'dddddddddddd' });
    if (typeof sb === 'string') throw new Error(sb);
    sb.netns = { type: 'net', inode: 2001, owner: 'x' };
    const alive = () => true;
    const service = { proto: 'http' as const, handle: () => ({ status: 200, reason: 'OK', headers: [], body: 'hi' }) };
    nc.listen({ netns: 2001, address: '0.0.0.0', port: 80, transport: 'tcp', service, pid: 10 }, alive);
    nc.listen({ netns: HOST_NETNS, address: '0.0.0.0', port: 8080, transport: 'tcp', service: { proto: 'proxy', targetIp: '172.17.0.2', targetPort: 80 }, pid: 11 }, alive);
    const c = nc.connect({ netns: HOST_NETNS }, '127.0.0.1', 8080, alive);
    expect(c).toMatchObject({ ok: true, clientIp: '172.17.0.1' });
    expect(nc.connect({ netns: HOST_NETNS }, '127.0.0.1', 8081, alive)).toEqual({ ok: false, error: 'refused' });
    expect(nc.connect({ netns: HOST_NETNS }, '127.0.0.1', 8080, (pid) => pid !== 11)).toEqual({ ok: false, error: 'refused' });
  });
});

describe('/etc/hosts and /etc/resolv.conf', () => {
  it('renders hosts as etchosts does: defaults, --add-host, then the container', () => {
    const h = renderHosts({ extraHosts: ['db:10.0.0.5'], addresses: ['172.17.0.2'], hostname: 'abc123' });
    expect(h.split('\n').slice(-3)).toEqual(['10.0.0.5\tdb', '172.17.0.2\tabc123', '']);
    expect(lookupHostsFile(h, 'db')).toBe('10.0.0.5');
    expect(lookupHostsFile(h, 'localhost')).toBe('127.0.0.1');
  });
  it('points user-defined networks at the embedded DNS', () => {
    expect(renderResolvConf({ internal: true, dns: [] })).toContain('nameserver 127.0.0.11\noptions ndots:0\n');
    expect(renderResolvConf({ internal: true, dns: [] })).toContain('# ExtServers: [host(8.8.8.8) host(8.8.4.4)]');
    expect(renderResolvConf({ internal: false, dns: ['1.1.1.1'] })).toContain('nameserver 1.1.1.1\n\n# Based on host file: \'/etc/resolv.conf\' (legacy)\n# Overrides: [nameservers]\n');
  });
});

/**
 * `ip addr` / `ip a` / `ip route` / `ip link`: the interfaces of the process's network
 * namespace — `lo`, and per endpoint an `ethN@ifM` veth end (none under `--network none`; the
 * host's own under `--network host`) — in busybox's or iproute2's format.
 */
import type { ProcessContext } from '../kernel/context.ts';
import type { ProgramGenerator } from '../kernel/process.ts';
import { HOST_IFACE } from '../network/controller.ts';
import { broadcast, formatIp } from '../network/ipam.ts';
import { netnsOf } from './netclient.ts';
import { isBusybox } from './util.ts';

interface Iface {
  index: number;
  name: string;
  peer?: number;
  flags: string;
  mac: string;
  mtu: number;
  inet?: { cidr: string; brd: string };
  state: string;
}

function interfaces(ctx: ProcessContext): Iface[] {
  const net = ctx.kernel.net;
  const netns = netnsOf(ctx);
  const list: Iface[] = [];
  if (netns === net.hostNetns) {
    list.push({ index: HOST_IFACE.index, name: HOST_IFACE.name, flags: 'BROADCAST,MULTICAST,UP,LOWER_UP', mac: HOST_IFACE.mac, mtu: 1500, inet: { cidr: HOST_IFACE.cidr, brd: '10.0.2.255' }, state: 'UP' });
    for (const n of [...net.networks.values()].filter((x) => x.bridgeName && x.space).sort((a, b) => a.ifIndex - b.ifIndex)) {
      const up = n.endpoints.size > 0;
      list.push({
        index: n.ifIndex, name: n.bridgeName, flags: up ? 'BROADCAST,MULTICAST,UP,LOWER_UP' : 'NO-CARRIER,BROADCAST,MULTICAST,UP', mac: `02:42:${n.id.slice(0, 8).match(/../g)!.join(':')}`, mtu: 1500,
        inet: { cidr: `${formatIp(n.space!.gateway)}/${n.space!.subnet.prefix}`, brd: formatIp(broadcast(n.space!.subnet)) }, state: up ? 'UP' : 'DOWN',
      });
      for (const ep of [...n.endpoints.values()].filter((e) => e.ip !== null).sort((a, b) => a.ifIndex - b.ifIndex)) {
        list.push({ index: ep.ifIndex + 1, name: ep.vethName, peer: ep.ifIndex, flags: 'BROADCAST,MULTICAST,UP,LOWER_UP', mac: `${ep.mac.slice(0, 2)}:${ep.id.slice(0, 10).match(/../g)!.join(':')}`, mtu: 1500, state: 'UP' });
      }
    }
    return list.sort((a, b) => a.index - b.index);
  }
  const sb = net.sandboxOfNetns(netns);
  for (const ep of sb?.endpoints ?? []) {
    if (ep.ip === null) continue;
    const n = net.networks.get(ep.networkId)!;
    list.push({ index: ep.ifIndex, name: ep.ifName, peer: ep.ifIndex + 1, flags: 'BROADCAST,MULTICAST,UP,LOWER_UP', mac: ep.mac, mtu: 1500, inet: { cidr: `${formatIp(ep.ip)}/${n.space!.subnet.prefix}`, brd: formatIp(broadcast(n.space!.subnet)) }, state: 'UP' });
  }
  return list;
}

function addr(ctx: ProcessContext, busybox: boolean, showAddrs: boolean, opts: { v4: boolean; dev: string | null } = { v4: false, dev: null }): string {
  let out = opts.dev && opts.dev !== 'lo' ? '' : busybox
    ? '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN qlen 1000\n    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n'
    : '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000\n    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n';
  if (opts.v4 && out) out = out.split('\n')[0] + '\n';
  if (showAddrs && (!opts.dev || opts.dev === 'lo')) {
    out += '    inet 127.0.0.1/8 scope host lo\n       valid_lft forever preferred_lft forever\n';
    if (!opts.v4) out += busybox ? '    inet6 ::1/128 scope host \n       valid_lft forever preferred_lft forever\n' : '    inet6 ::1/128 scope host noprefixroute \n       valid_lft forever preferred_lft forever\n';
  }
  for (const i of interfaces(ctx)) {
    if (opts.dev && opts.dev !== i.name) continue;
    const name = i.peer !== undefined ? `${i.name}@if${i.peer}` : i.name;
    const flags = busybox && i.peer !== undefined ? `${i.flags},M-DOWN` : i.flags;
    const qdisc = i.name.startsWith('eth') && i.peer === undefined ? 'fq_codel' : 'noqueue';
    out += busybox
      ? `${i.index}: ${name}: <${flags}> mtu ${i.mtu} qdisc ${qdisc} state ${i.state} \n`
      : `${i.index}: ${name}: <${flags}> mtu ${i.mtu} qdisc ${qdisc}${i.name.startsWith('veth') ? ` master ${bridgeOf(ctx, i)}` : ''} state ${i.state} group default${i.peer === undefined && qdisc === 'fq_codel' ? ' qlen 1000' : ''}\n`;
    if (!opts.v4) out += `    link/ether ${i.mac} brd ff:ff:ff:ff:ff:ff${!busybox && i.peer !== undefined ? ' link-netnsid 0' : ''}\n`;
    if (showAddrs && i.inet) out += `    inet ${i.inet.cidr} brd ${i.inet.brd} scope global ${i.name}\n       valid_lft forever preferred_lft forever\n`;
  }
  return out;
}

function bridgeOf(ctx: ProcessContext, i: Iface): string {
  for (const n of ctx.kernel.net.networks.values()) for (const ep of n.endpoints.values()) if (ep.vethName === i.name) return n.bridgeName;
  return 'docker0';
}

function route(ctx: ProcessContext, busybox: boolean): string {
  const net = ctx.kernel.net;
  const netns = netnsOf(ctx);
  let out = '';
  if (netns === net.hostNetns) {
    out += 'default via 10.0.2.2 dev eth0 proto dhcp src 10.0.2.15 metric 100 \n10.0.2.0/24 dev eth0 proto kernel scope link src 10.0.2.15 metric 100 \n';
    for (const n of [...net.networks.values()].filter((x) => x.bridgeName && x.space)) {
      out += `${net.subnetOf(n)} dev ${n.bridgeName} proto kernel scope link src ${formatIp(n.space!.gateway)}${n.endpoints.size ? '' : ' linkdown'} \n`;
    }
    return out;
  }
  const eps = (net.sandboxOfNetns(netns)?.endpoints ?? []).filter((e) => e.ip !== null);
  if (eps[0]) out += `default via ${formatIp(net.networks.get(eps[0].networkId)!.space!.gateway)} dev ${eps[0].ifName} \n`;
  for (const ep of eps) {
    const n = net.networks.get(ep.networkId)!;
    out += busybox ? `${net.subnetOf(n)} dev ${ep.ifName} scope link  src ${formatIp(ep.ip!)} \n` : `${net.subnetOf(n)} dev ${ep.ifName} proto kernel scope link src ${formatIp(ep.ip!)} \n`;
  }
  return out;
}

export function* ip(ctx: ProcessContext): ProgramGenerator {
  ctx.rss(700 * 1024);
  const busybox = isBusybox(ctx);
  const v4 = ctx.argv.includes('-4');
  const args = ctx.argv.slice(1).filter((a) => a !== '-4');
  const obj = args[0] ?? '';
  const devAt = args.indexOf('dev') >= 0 ? args.indexOf('dev') + 1 : args[1] === 'show' || args[1] === 'list' ? 2 : -1;
  const dev = devAt > 0 ? (args[devAt] === 'dev' ? args[devAt + 1] : args[devAt]) ?? null : null;
  const is = (full: string, min: number) => obj.length >= min && full.startsWith(obj);
  if (is('address', 1) || ctx.argv[0].endsWith('ipaddr')) {
    if (dev && dev !== 'lo' && !interfaces(ctx).some((i) => i.name === dev)) {
      ctx.err(busybox ? `ip: can't find device '${dev}'\n` : `Device "${dev}" does not exist.\n`);
      return 1;
    }
    ctx.out(addr(ctx, busybox, true, { v4, dev }));
    return 0;
  }
  if (is('link', 1)) {
    if (dev && dev !== 'lo' && !interfaces(ctx).some((i) => i.name === dev)) {
      ctx.err(busybox ? `ip: can't find device '${dev}'\n` : `Device "${dev}" does not exist.\n`);
      return 1;
    }
    ctx.out(addr(ctx, busybox, false, { v4: false, dev }));
    return 0;
  }
  if (is('route', 1)) {
    ctx.out(route(ctx, busybox));
    return 0;
  }
  if (obj === '') {
    ctx.err(busybox ? 'BusyBox v1.37.0 (2024-12-13 22:10:36 UTC) multi-call binary.\n\nUsage: ip [OPTIONS] address|route|link|tunnel|neigh|rule [ARGS]\n' : 'Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }\n');
    return busybox ? 1 : 255;
  }
  ctx.err(`Object "${obj}" is unknown, try "ip help".\n`);
  return busybox ? 1 : 255;
}

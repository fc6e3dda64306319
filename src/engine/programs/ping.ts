/**
 * ping: ICMP echo over the simulated network, one request a second of virtual time. The
 * output is busybox's (alpine, busybox) or iputils' (debian, ubuntu, the host), as each prints
 * it; no reply from an unreachable address (other bridge networks are isolated), and the
 * summary on `-c` or Ctrl-C.
 */
import type { ProcessContext } from '../kernel/context.ts';
import type { ProgramGenerator } from '../kernel/process.ts';
import { SIGNALS } from '../kernel/signals.ts';
import { containerOfNetns, netnsOf, resolveName, rttMs } from './netclient.ts';
import { isBusybox } from './util.ts';

const f3 = (n: number) => n.toFixed(3);

export function* ping(ctx: ProcessContext): ProgramGenerator {
  ctx.rss(1.1 * 1024 * 1024);
  const busybox = isBusybox(ctx);
  const args = ctx.argv.slice(1);
  let count = Infinity;
  let host = '';
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-c') count = Number(args[++i]);
    else if (/^-c\d+$/.test(a)) count = Number(a.slice(2));
    else if (['-W', '-w', '-i', '-s', '-t', '-I'].includes(a)) i++;
    else if (a.startsWith('-')) continue;
    else host = a;
  }
  if (!host) {
    ctx.err(busybox ? 'BusyBox v1.37.0 (2024-12-13 22:10:36 UTC) multi-call binary.\n\nUsage: ping [OPTIONS] HOST\n' : 'ping: usage error: Destination address required\n');
    return 1;
  }
  if (!Number.isFinite(count) && count !== Infinity) count = 1;
  const r = resolveName(ctx, host);
  if (!r) {
    ctx.err(busybox ? `ping: bad address '${host}'\n` : `ping: ${host}: Name or service not known\n`);
    return busybox ? 1 : 2;
  }
  const net = ctx.kernel.net;
  const netns = netnsOf(ctx);
  const route = net.route({ netns }, r.ip);
  const from = containerOfNetns(ctx, netns);
  // iputils names the replier by reverse lookup: `web.mynet` from the embedded DNS.
  let replier = r.ip;
  if (!busybox && r.via !== 'literal') {
    const sb = net.sandboxOfNetns(netns);
    const viaNet = r.via === 'dns' ? sb?.endpoints.map((e) => net.networks.get(e.networkId)).find((n) => n?.userDefined) : undefined;
    replier = `${viaNet ? `${host}.${viaNet.name}` : host} (${r.ip})`;
  }
  if (!route.ok && route.error === 'nonet') {
    if (busybox) {
      ctx.out(`PING ${host} (${r.ip}): 56 data bytes\n`);
      ctx.err('ping: sendto: Network unreachable\n');
      return 1;
    }
    ctx.err('ping: connect: Network is unreachable\n');
    return 2;
  }
  ctx.out(busybox ? `PING ${host} (${r.ip}): 56 data bytes\n` : `PING ${host} (${r.ip}) 56(84) bytes of data.\n`);
  let stop = false;
  ctx.onSignal(SIGNALS.SIGINT, () => {
    stop = true;
    ctx.interrupt();
  });
  const times: number[] = [];
  let sent = 0;
  const started = ctx.now;
  while (sent < count && !stop) {
    const ok = route.ok;
    sent += 1;
    net.record({ kind: 'icmp', from: route.ok ? route.clientIp : (from ?? 'host'), to: r.ip, fromContainer: from, toContainer: route.ok ? route.containerId : null, detail: `echo request seq=${sent - 1}`, ok });
    if (ok) {
      const t = rttMs(ctx.now, sent);
      times.push(t);
      ctx.out(busybox ? `64 bytes from ${r.ip}: seq=${sent - 1} ttl=64 time=${f3(t)} ms\n` : `64 bytes from ${replier}: icmp_seq=${sent} ttl=64 time=${t < 0.1 ? f3(t) : t.toFixed(3)} ms\n`);
    }
    if (sent >= count) break;
    yield ctx.sleep(1000);
  }
  // Without replies busybox waits for late ones before giving up.
  if (!stop && times.length === 0 && busybox) yield ctx.sleep(10_000);
  const received = times.length;
  const loss = sent === 0 ? 0 : Math.round(((sent - received) / sent) * 100);
  const min = Math.min(...times);
  const max = Math.max(...times);
  const avg = times.reduce((a, b) => a + b, 0) / (received || 1);
  if (busybox) {
    ctx.out(`\n--- ${host} ping statistics ---\n${sent} packets transmitted, ${received} packets received, ${loss}% packet loss\n`);
    if (received) ctx.out(`round-trip min/avg/max = ${f3(min)}/${f3(avg)}/${f3(max)} ms\n`);
    return received ? 0 : 1;
  }
  const mdev = Math.sqrt(times.reduce((a, b) => a + (b - avg) ** 2, 0) / (received || 1));
  const elapsed = Math.max(0, ctx.now - started) + (sent > 1 ? 1 : 0);
  ctx.out(`\n--- ${host} ping statistics ---\n${sent} packets transmitted, ${received} received, ${loss}% packet loss, time ${elapsed}ms\n`);
  if (received) ctx.out(`rtt min/avg/max/mdev = ${f3(min)}/${f3(avg)}/${f3(max)}/${f3(mdev)} ms\n`);
  return received ? 0 : 1;
}

/**
 * busybox nslookup: asks the first nameserver of /etc/resolv.conf for A and AAAA records and
 * prints both answers (the AAAA one empty: the networks here are IPv4-only). Only the embedded
 * DNS server (127.0.0.11) answers; the host's resolvers are outside the simulation and find
 * nothing.
 */
import type { ProcessContext } from '../kernel/context.ts';
import type { ProgramGenerator } from '../kernel/process.ts';
import { EMBEDDED_DNS, HOST_NAMESERVERS } from '../network/etcfiles.ts';
import { netnsOf, resolveName } from './netclient.ts';

export function* nslookup(ctx: ProcessContext): ProgramGenerator {
  ctx.rss(900 * 1024);
  const args = ctx.argv.slice(1).filter((a) => !a.startsWith('-'));
  const name = args[0];
  if (!name) {
    ctx.err('BusyBox v1.37.0 (2024-12-13 22:10:36 UTC) multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n\nQuery DNS about HOST\n');
    return 1;
  }
  const internal = ctx.kernel.net.usesEmbeddedDns(netnsOf(ctx));
  const server = args[1] ?? (internal ? EMBEDDED_DNS : HOST_NAMESERVERS[0]);
  yield ctx.sleep(1);
  ctx.out(`Server:\t\t${server}\nAddress:\t${server}:53\n\n`);
  const r = server === EMBEDDED_DNS && internal ? resolveName(ctx, name) : null;
  const found = r && r.via === 'dns' ? r.ip : null;
  if (!found) {
    ctx.out(`** server can't find ${name}: NXDOMAIN\n\n** server can't find ${name}: NXDOMAIN\n\n`);
    return 1;
  }
  ctx.out(`Non-authoritative answer:\n\nNon-authoritative answer:\nName:\t${name}\nAddress: ${found}\n\n`);
  return 0;
}

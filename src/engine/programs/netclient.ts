/**
 * What the network tools share: resolving a name as libc/musl does inside the process's
 * namespace (`/etc/hosts`, then the nameserver of `/etc/resolv.conf`: the embedded DNS on
 * user-defined networks), and making one HTTP request over the simulated network.
 */
import type { ProcessContext } from '../kernel/context.ts';
import { lookupHostsFile } from '../network/etcfiles.ts';
import { parseIp } from '../network/ipam.ts';
import type { HttpResponse } from '../network/services.ts';

export function netnsOf(ctx: ProcessContext): number {
  return ctx.proc.ns.net.inode;
}

export function aliveFn(ctx: ProcessContext): (pid: number) => boolean {
  return (pid) => ctx.kernel.processes.get(pid)?.alive ?? false;
}

/** The container a netns belongs to (null on the host). */
export function containerOfNetns(ctx: ProcessContext, netns: number): string | null {
  return ctx.kernel.net.sandboxOfNetns(netns)?.containerId ?? null;
}

export interface Resolution {
  readonly ip: string;
  /** How it was found: the hosts file or the embedded DNS server. */
  readonly via: 'literal' | 'hosts' | 'dns';
}

/** getaddrinfo(3) for IPv4: a literal, `/etc/hosts`, then DNS. Null: not found. */
export function resolveName(ctx: ProcessContext, name: string): Resolution | null {
  if (parseIp(name) !== null) return { ip: name, via: 'literal' };
  const hosts = ctx.fs.readFile('/etc/hosts');
  if (typeof hosts === 'string' && !['ENOENT', 'EISDIR', 'ENOTDIR', 'EACCES'].includes(hosts)) {
    const ip = lookupHostsFile(hosts, name);
    if (ip && parseIp(ip) !== null) return { ip, via: 'hosts' };
  }
  if (name === 'localhost') return { ip: '127.0.0.1', via: 'hosts' };
  const net = ctx.kernel.net;
  const netns = netnsOf(ctx);
  if (net.usesEmbeddedDns(netns)) {
    const ip = net.resolveEmbedded(netns, name);
    const me = net.sandboxOfNetns(netns)?.endpoints.find((e) => e.ip !== null);
    net.record({ kind: 'dns', from: me?.ip != null ? formatIpU(me.ip) : '', to: '127.0.0.11', fromContainer: containerOfNetns(ctx, netns), toContainer: null, detail: `A ${name}${ip ? ` → ${ip}` : ' NXDOMAIN'}`, ok: ip !== null });
    if (ip) return { ip, via: 'dns' };
  }
  return null;
}

function formatIpU(ip: number): string {
  return `${ip >>> 24}.${(ip >>> 16) & 255}.${(ip >>> 8) & 255}.${ip & 255}`;
}

export interface Url {
  readonly scheme: string;
  readonly host: string;
  readonly port: number;
  readonly path: string;
}

export function parseUrl(raw: string): Url | null {
  const m = /^(?:([a-zA-Z][a-zA-Z0-9+.-]*):\/\/)?([^/:?#]*)(?::(\d*))?([/?#].*)?$/.exec(raw);
  if (!m || !m[2]) return null;
  const scheme = (m[1] ?? 'http').toLowerCase();
  const port = m[3] ? Number(m[3]) : scheme === 'https' ? 443 : 80;
  return { scheme, host: m[2], port, path: m[4] ? (m[4].startsWith('/') ? m[4] : `/${m[4]}`) : '/' };
}

export type HttpResult =
  | { readonly kind: 'resolve' }
  | { readonly kind: 'refused' | 'unreachable' | 'nonet'; readonly ip: string }
  | { readonly kind: 'ok'; readonly ip: string; readonly res: HttpResponse };

/** One HTTP/1.1 request from this process, logged in the traffic log. */
export function httpRequest(ctx: ProcessContext, url: Url, method: string, userAgent: string): HttpResult {
  const r = resolveName(ctx, url.host);
  if (!r) return { kind: 'resolve' };
  const net = ctx.kernel.net;
  const netns = netnsOf(ctx);
  const conn = net.connect({ netns }, r.ip, url.port, aliveFn(ctx));
  const from = containerOfNetns(ctx, netns);
  if (!conn.ok || conn.service.proto !== 'http') {
    const error = conn.ok ? 'refused' : conn.error;
    net.record({ kind: 'http', from: from ?? 'host', to: `${r.ip}:${url.port}`, fromContainer: from, toContainer: null, detail: `${method} ${url.path} (${error === 'refused' ? 'connection refused' : error === 'nonet' ? 'network unreachable' : 'no answer'})`, ok: false });
    return { kind: error, ip: r.ip };
  }
  const hostHeader = url.port === 80 ? url.host : `${url.host}:${url.port}`;
  const res = conn.service.handle({ method, path: url.path, headers: [['Host', hostHeader], ['User-Agent', userAgent], ['Accept', '*/*']], clientIp: conn.clientIp });
  net.record({ kind: 'http', from: conn.clientIp, to: conn.server, fromContainer: from, toContainer: conn.containerId, detail: `${method} ${url.path} → ${res.status}${conn.proxied ? ` (via docker-proxy ${r.ip}:${url.port})` : ''}`, ok: res.status < 400 });
  return { kind: 'ok', ip: r.ip, res };
}

/** A stable pseudo-random round-trip time in ms (0.04–0.13), from the virtual time and a counter. */
export function rttMs(now: number, n: number): number {
  let x = (Math.imul(now | 0, 2654435761) ^ Math.imul(n + 1, 40503)) >>> 0;
  x = Math.imul(x ^ (x >>> 15), 2246822519) >>> 0;
  x = (x ^ (x >>> 13)) >>> 0;
  return 0.04 + (x % 90) / 1000;
}

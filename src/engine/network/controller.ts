/**
 * libnetwork's controller as dockerd runs it, plus the parts of the kernel's network stack the
 * playground needs. Lifecycle:
 *
 *   boot            → the predefined networks `bridge` (docker0, 172.17.0.0/16), `host`, `none`
 *   network create  → a user-defined bridge `br-<12 hex>` on the next free /16
 *   container start → a sandbox (the container's netns) and one endpoint per attached network:
 *                     an address (lowest free), a veth pair, DNS names on user-defined networks;
 *                     the published ports are allocated and a docker-proxy listens on each
 *   container exit  → endpoints leave, addresses and host ports are released, proxies exit
 *
 * Sockets: a server registers a listener on a port of its netns; a client connects to an
 * address, which is routed (same network, host ↔ bridge, loopback) to a netns and a listener.
 * Every ping, DNS query and request is logged (bounded) so the UI can animate packets.
 */
import type { TrafficView } from '../snapshot.ts';
import type { Namespace } from '../kernel/namespaces.ts';
import type { Random } from '../random.ts';
import { AddressSpace, contains, formatCidr, formatIp, nextPool, overlaps, parseCidr, parseIp, type Ip4, type Subnet } from './ipam.ts';
import { Network, type Endpoint, type EndpointSettings } from './network.ts';
import { PortAllocator } from './ports.ts';
import type { Listener, Service } from './services.ts';

/** The host's own uplink (a VM's NIC). */
export const HOST_IP = '10.0.2.15';
export const HOST_IFACE = { name: 'eth0', index: 2, cidr: '10.0.2.15/24', mac: '52:54:00:12:34:56' } as const;

export type NetworkMode = 'bridge' | 'host' | 'none' | 'container' | 'user';

/** One published port as `docker port` and `docker ps` show it. */
export interface PublishedPort {
  /** `80/tcp` */
  readonly containerPort: string;
  readonly hostIp: string;
  readonly hostPort: number;
}

/** A running container's network namespace and what the daemon set up for it. */
export interface Sandbox {
  readonly containerId: string;
  readonly mode: NetworkMode;
  /** Set once runc has created (or joined) the namespace. */
  netns: Namespace | null;
  /** 64 hex; the netns is bind-mounted at `/var/run/docker/netns/<first 12>` (the SandboxKey). */
  readonly id: string;
  readonly key: string;
  /** Endpoints in join order (eth0, eth1…). */
  readonly endpoints: Endpoint[];
  readonly ports: PublishedPort[];
  readonly proxyPids: number[];
}

/** One logged packet exchange: the snapshot's TrafficView without its table identity. */
export type TrafficEvent = Omit<TrafficView, 'id' | 'rev'>;

/** Who is connecting: a process's netns and, if in a container, which one. */
export interface Client {
  readonly netns: number;
}

export type Route =
  | { readonly ok: true; readonly netns: number; readonly clientIp: string; readonly containerId: string | null }
  /** `unreachable`: dropped on the way (isolated networks); `nonet`: no route at all (`--network none`). */
  | { readonly ok: false; readonly error: 'unreachable' | 'nonet' };

export type Connection =
  | { readonly ok: true; readonly service: Exclude<Service, { proto: 'proxy' }>; readonly clientIp: string; readonly containerId: string | null; readonly pid: number; readonly server: string; readonly proxied: boolean }
  | { readonly ok: false; readonly error: 'refused' | 'unreachable' | 'nonet' };

const TRAFFIC_MAX = 200;

export class NetworkController {
  readonly networks = new Map<string, Network>();
  readonly ports = new PortAllocator();
  readonly listeners: Listener[] = [];
  readonly sandboxes = new Map<string, Sandbox>();
  readonly traffic: TrafficEvent[] = [];
  /** What each container asked for on each network, kept while it is stopped: container → network ID → settings. */
  readonly attachments = new Map<string, Map<string, EndpointSettings>>();
  readonly hostNetns: number;
  /** Bumped on every change (networks, endpoints, ports, traffic). */
  /** Bumped when networks, endpoints or port bindings change (not by traffic). */
  rev = 0;
  /** Bumped by every logged packet exchange: only the traffic table depends on it. */
  trafficRev = 0;
  #trafficSeq = 0;
  readonly #random: Random;
  readonly #now: () => number;
  #ifIndex = 4;

  constructor(random: Random, now: () => number, hostNetns: number) {
    this.#random = random;
    this.#now = now;
    this.hostNetns = hostNetns;
    this.#add(new Network({
      id: this.#random.hex(32), name: 'bridge', driver: 'bridge', created: 0, space: new AddressSpace(parseCidr('172.17.0.0/16')!), predefined: true, ifIndex: 3,
      ipamOptions: null,
      options: {
        'com.docker.network.bridge.default_bridge': 'true', 'com.docker.network.bridge.enable_icc': 'true', 'com.docker.network.bridge.enable_ip_masquerade': 'true',
        'com.docker.network.bridge.host_binding_ipv4': '0.0.0.0', 'com.docker.network.bridge.name': 'docker0', 'com.docker.network.driver.mtu': '1500',
      },
    }));
    this.#add(new Network({ id: this.#random.hex(32), name: 'host', driver: 'host', created: 0, space: null, predefined: true, ipamOptions: null }));
    this.#add(new Network({ id: this.#random.hex(32), name: 'none', driver: 'null', created: 0, space: null, predefined: true, ipamOptions: null }));
  }

  #add(n: Network): void {
    this.networks.set(n.id, n);
    this.rev += 1;
  }

  get now(): number {
    return this.#now();
  }

  get bridge(): Network {
    return this.byName('bridge')!;
  }

  byName(name: string): Network | undefined {
    for (const n of this.networks.values()) if (n.name === name) return n;
    return undefined;
  }

  /** As the daemon's FindNetwork: exact name, exact ID, then a unique ID prefix. */
  find(ref: string): Network | 'ambiguous' | undefined {
    const byName = this.byName(ref);
    if (byName) return byName;
    const byId = this.networks.get(ref);
    if (byId) return byId;
    const matches = [...this.networks.values()].filter((n) => n.id.startsWith(ref));
    if (matches.length > 1) return 'ambiguous';
    return matches[0];
  }

  // ── networks ─────────────────────────────────────────────────────────────────────────────

  /** `docker network create`; a string is the daemon's error. */
  create(opts: { name: string; driver: string; subnet?: string; gateway?: string; internal?: boolean; attachable?: boolean; labels?: Record<string, string>; options?: Record<string, string> }): Network | string {
    if (this.byName(opts.name)) return `network with name ${opts.name} already exists`;
    if (opts.driver === 'host' || opts.driver === 'null') return `only one instance of "${opts.driver}" network is allowed`;
    if (opts.driver !== 'bridge') return `plugin "${opts.driver}" not found`;
    const inUse = [...this.networks.values()].flatMap((n) => (n.space ? [n.space.subnet] : []));
    let subnet: Subnet | null;
    let gateway: Ip4 | undefined;
    if (opts.subnet) {
      subnet = parseCidr(opts.subnet);
      if (!subnet) return `invalid CIDR address: ${opts.subnet}`;
      if (inUse.some((s) => overlaps(s, subnet!))) return 'invalid pool request: Pool overlaps with other one on this address space';
      if (opts.gateway) {
        const g = parseIp(opts.gateway);
        if (g === null || !contains(subnet, g)) return `no matching subnet for gateway ${opts.gateway}`;
        gateway = g;
      }
    } else {
      if (opts.gateway) return 'invalid network config:\nWarning: cannot set gateway without a subnet';
      subnet = nextPool(inUse);
      if (!subnet) return 'all predefined address pools have been fully subnetted';
    }
    const n = new Network({
      id: this.#random.hex(32), name: opts.name, driver: 'bridge', created: this.now, space: new AddressSpace(subnet, gateway), internal: opts.internal,
      attachable: opts.attachable, labels: opts.labels, options: opts.options, ifIndex: this.#nextIfIndex(1),
    });
    this.#add(n);
    return n;
  }

  /** `docker network rm`; a string is the daemon's error. */
  remove(n: Network): string | null {
    if (n.predefined) return `${n.name} is a pre-defined network and cannot be removed`;
    if (n.endpoints.size > 0) return `error while removing network: network ${n.name} id ${n.id} has active endpoints`;
    this.networks.delete(n.id);
    for (const a of this.attachments.values()) a.delete(n.id);
    this.rev += 1;
    return null;
  }

  #nextIfIndex(n: number): number {
    const i = this.#ifIndex;
    this.#ifIndex += n;
    return i;
  }

  // ── attachments and endpoints ────────────────────────────────────────────────────────────

  attachmentsOf(containerId: string): Map<string, EndpointSettings> {
    let a = this.attachments.get(containerId);
    if (!a) {
      a = new Map();
      this.attachments.set(containerId, a);
    }
    return a;
  }

  /** Creates the sandbox of a starting container: its endpoints and their addresses. */
  createSandbox(containerId: string, mode: NetworkMode, names: { name: string; hostname: string }): Sandbox | string {
    const sbId = this.#random.hex(32);
    const sb: Sandbox = { containerId, mode, netns: null, id: sbId, key: `/var/run/docker/netns/${sbId.slice(0, 12)}`, endpoints: [], ports: [], proxyPids: [] };
    if (mode === 'host' || mode === 'none') {
      const n = this.byName(mode)!;
      sb.endpoints.push(this.#join(n, containerId, { aliases: [], ipv4: '' }, names, 0) as Endpoint);
    } else if (mode === 'bridge' || mode === 'user') {
      for (const [netId, settings] of this.attachmentsOf(containerId)) {
        const n = this.networks.get(netId);
        if (!n) continue;
        const ep = this.#join(n, containerId, settings, names, sb.endpoints.length);
        if (typeof ep === 'string') {
          this.#leaveAll(sb);
          return ep;
        }
        sb.endpoints.push(ep);
      }
    }
    this.sandboxes.set(containerId, sb);
    this.rev += 1;
    return sb;
  }

  #join(n: Network, containerId: string, settings: EndpointSettings, names: { name: string; hostname: string }, index: number): Endpoint | string {
    let ip: Ip4 | null = null;
    if (n.space) {
      const wanted = settings.ipv4 ? parseIp(settings.ipv4) : null;
      if (settings.ipv4 && wanted === null) return `invalid IPv4 address: ${settings.ipv4}`;
      const r = n.space.allocate(wanted ?? undefined);
      if (typeof r === 'string') return r === 'Address already in use' ? `Address already in use` : r;
      ip = r;
    }
    const mac = ip !== null ? this.#mac() : '';
    const dnsNames = n.userDefined ? [...new Set([names.name, ...settings.aliases, containerId.slice(0, 12), names.hostname])] : [];
    const ifIndex = ip !== null ? this.#nextIfIndex(2) : 0;
    const ep: Endpoint = {
      id: this.#random.hex(32), networkId: n.id, containerId, ip, mac, aliases: [...settings.aliases], dnsNames, ifName: `eth${index}`, ifIndex,
      vethName: `veth${this.#random.hex(4).slice(0, 7)}`,
    };
    n.endpoints.set(containerId, ep);
    return ep;
  }

  /** Since Docker 28.0 a random, locally administered unicast MAC (libnetwork/netutils GenerateRandomMAC). */
  #mac(): string {
    const b = this.#random.hex(6).match(/../g)!.map((x) => parseInt(x, 16));
    b[0] = (b[0] & 0xfe) | 0x02;
    return b.map((x) => x.toString(16).padStart(2, '0')).join(':');
  }

  /** `docker rename`: the container's endpoints answer to the new name. */
  renameContainer(containerId: string, oldName: string, newName: string): void {
    for (const n of this.networks.values()) {
      const ep = n.endpoints.get(containerId);
      if (!ep || ep.dnsNames.length === 0) continue;
      const next = { ...ep, dnsNames: [...new Set(ep.dnsNames.map((x) => (x === oldName ? newName : x)))] };
      n.endpoints.set(containerId, next);
      const sb = this.sandboxes.get(containerId);
      if (sb) sb.endpoints[sb.endpoints.indexOf(ep)] = next;
    }
    this.rev += 1;
  }

  /** `docker network connect` on a running container: one more endpoint. */
  joinRunning(n: Network, containerId: string, settings: EndpointSettings, names: { name: string; hostname: string }): Endpoint | string {
    const sb = this.sandboxes.get(containerId);
    if (!sb) return 'container is not running';
    const ep = this.#join(n, containerId, settings, names, sb.endpoints.length);
    if (typeof ep === 'string') return ep;
    sb.endpoints.push(ep);
    this.rev += 1;
    return ep;
  }

  /** `docker network disconnect` on a running container. */
  leaveRunning(n: Network, containerId: string): void {
    const sb = this.sandboxes.get(containerId);
    const ep = n.endpoints.get(containerId);
    if (!ep) return;
    n.endpoints.delete(containerId);
    if (ep.ip !== null) n.space?.release(ep.ip);
    if (sb) {
      const i = sb.endpoints.indexOf(ep);
      if (i >= 0) sb.endpoints.splice(i, 1);
    }
    this.rev += 1;
  }

  #leaveAll(sb: Sandbox): void {
    for (const ep of sb.endpoints) {
      const n = this.networks.get(ep.networkId);
      n?.endpoints.delete(sb.containerId);
      if (ep.ip !== null) n?.space?.release(ep.ip);
    }
    sb.endpoints.length = 0;
  }

  /** A stopped container's sandbox goes away: endpoints, addresses and host ports are released. */
  releaseSandbox(containerId: string): Sandbox | undefined {
    const sb = this.sandboxes.get(containerId);
    if (!sb) return undefined;
    this.#leaveAll(sb);
    this.ports.releaseAll(containerId);
    for (let i = this.listeners.length - 1; i >= 0; i--) if (sb.proxyPids.includes(this.listeners[i].pid)) this.listeners.splice(i, 1);
    this.sandboxes.delete(containerId);
    this.rev += 1;
    return sb;
  }

  /** The sandbox a netns belongs to (a `container:` joiner finds its owner's). */
  sandboxOfNetns(netns: number): Sandbox | undefined {
    for (const sb of this.sandboxes.values()) if (sb.netns?.inode === netns && sb.mode !== 'container' && sb.mode !== 'host') return sb;
    return undefined;
  }

  endpointByIp(ip: string): Endpoint | undefined {
    const v = parseIp(ip);
    if (v === null) return undefined;
    for (const n of this.networks.values()) for (const ep of n.endpoints.values()) if (ep.ip === v) return ep;
    return undefined;
  }

  // ── sockets ──────────────────────────────────────────────────────────────────────────────

  /** bind(2)+listen(2); false (EADDRINUSE) when the port is taken in that namespace. */
  listen(l: Listener, alive: (pid: number) => boolean): boolean {
    this.#prune(alive);
    if (this.listeners.some((x) => x.netns === l.netns && x.port === l.port && x.transport === l.transport && (x.address === l.address || x.address === '0.0.0.0' || l.address === '0.0.0.0'))) return false;
    this.listeners.push(l);
    this.rev += 1;
    return true;
  }

  #prune(alive: (pid: number) => boolean): void {
    for (let i = this.listeners.length - 1; i >= 0; i--) if (!alive(this.listeners[i].pid)) this.listeners.splice(i, 1);
  }

  /** The addresses a netns owns: loopback, its endpoints', or the host's bridges and uplink. */
  isLocal(netns: number, ip: string): boolean {
    if (ip.startsWith('127.') || ip === '::1') return true;
    if (netns === this.hostNetns) return ip === HOST_IP || [...this.networks.values()].some((n) => n.space && formatIp(n.space.gateway) === ip);
    const sb = this.sandboxOfNetns(netns);
    return sb?.endpoints.some((e) => e.ip !== null && formatIp(e.ip) === ip) ?? false;
  }

  /** Where a packet from `client` to `ip` goes: the netns that owns it, and the source address used. */
  route(client: Client, ip: string): Route {
    if (this.isLocal(client.netns, ip)) {
      const sb = client.netns === this.hostNetns ? undefined : this.sandboxOfNetns(client.netns);
      return { ok: true, netns: client.netns, clientIp: ip.startsWith('127.') ? '127.0.0.1' : ip, containerId: sb?.containerId ?? null };
    }
    const target = this.endpointByIp(ip);
    if (client.netns === this.hostNetns) {
      if (!target) return { ok: false, error: 'unreachable' };
      const n = this.networks.get(target.networkId)!;
      const sb = this.sandboxes.get(target.containerId);
      if (!sb?.netns) return { ok: false, error: 'unreachable' };
      return { ok: true, netns: sb.netns.inode, clientIp: formatIp(n.space!.gateway), containerId: target.containerId };
    }
    const me = this.sandboxOfNetns(client.netns);
    if (!me || !me.endpoints.some((e) => e.ip !== null)) return { ok: false, error: 'nonet' };
    if (target) {
      const mine = me.endpoints.find((e) => e.networkId === target.networkId);
      const sb = this.sandboxes.get(target.containerId);
      if (!mine || !sb?.netns || mine.ip === null) return { ok: false, error: 'unreachable' };
      return { ok: true, netns: sb.netns.inode, clientIp: formatIp(mine.ip), containerId: target.containerId };
    }
    // The host's addresses (bridge gateways, uplink), unless every network is internal.
    const out = me.endpoints.find((e) => !this.networks.get(e.networkId)?.internal);
    const isHostAddr = ip === HOST_IP || [...this.networks.values()].some((n) => n.space && formatIp(n.space.gateway) === ip);
    if (isHostAddr && out && out.ip !== null) return { ok: true, netns: this.hostNetns, clientIp: formatIp(out.ip), containerId: null };
    return { ok: false, error: 'unreachable' };
  }

  /** connect(2) to ip:port over TCP: the service listening there (through docker-proxy), or why not. */
  connect(client: Client, ip: string, port: number, alive: (pid: number) => boolean): Connection {
    this.#prune(alive);
    const r = this.route(client, ip);
    if (!r.ok) return r;
    const l = this.listeners.find((x) => x.netns === r.netns && x.port === port && x.transport === 'tcp' && (x.address === '0.0.0.0' || x.address === '::' || x.address === ip || (ip.startsWith('127.') && x.address === '127.0.0.1')));
    if (!l) return { ok: false, error: 'refused' };
    if (l.service.proto === 'proxy') {
      const c = this.connect({ netns: this.hostNetns }, l.service.targetIp, l.service.targetPort, alive);
      return c.ok ? { ...c, proxied: true } : c;
    }
    return { ok: true, service: l.service, clientIp: r.clientIp, containerId: r.containerId, pid: l.pid, server: `${ip}:${port}`, proxied: false };
  }

  // ── DNS ──────────────────────────────────────────────────────────────────────────────────

  /** Whether a netns's resolv.conf points at the embedded DNS server (a user-defined network). */
  usesEmbeddedDns(netns: number): boolean {
    const sb = this.sandboxOfNetns(netns);
    return sb?.endpoints.some((e) => this.networks.get(e.networkId)?.userDefined) ?? false;
  }

  /** The embedded DNS server's answer for a container: names on the networks it shares. */
  resolveEmbedded(netns: number, name: string): string | null {
    const sb = this.sandboxOfNetns(netns);
    if (!sb) return null;
    const q = name.toLowerCase().replace(/\.$/, '');
    for (const mine of sb.endpoints) {
      const n = this.networks.get(mine.networkId);
      if (!n?.userDefined) continue;
      for (const ep of n.endpoints.values()) {
        if (ep.ip === null) continue;
        if (ep.dnsNames.some((d) => d.toLowerCase() === q || `${d}.${n.name}`.toLowerCase() === q)) return formatIp(ep.ip);
      }
    }
    return null;
  }

  // ── traffic log ──────────────────────────────────────────────────────────────────────────

  record(e: Omit<TrafficEvent, 'seq' | 't'>): void {
    this.traffic.push({ ...e, seq: ++this.#trafficSeq, t: this.now });
    if (this.traffic.length > TRAFFIC_MAX) this.traffic.splice(0, this.traffic.length - TRAFFIC_MAX);
    this.trafficRev += 1;
  }

  subnetOf(n: Network): string {
    return n.space ? formatCidr(n.space.subnet) : '';
  }
}

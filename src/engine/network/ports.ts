/**
 * Published ports: the `-p` syntax as docker/go-connections `nat.ParsePortSpec` reads it, and
 * the daemon's port allocator (moby daemon/libnetwork/portallocator/portallocator.go): a host
 * port is held per protocol and address; `-P` and `-p 80` take the next free port of the
 * ephemeral range 32768–60999, sequentially.
 */

export interface PortBinding {
  readonly HostIp: string;
  readonly HostPort: string;
}

export interface PortMapping {
  /** `80/tcp` */
  readonly port: string;
  readonly binding: PortBinding;
}

export const EPHEMERAL_START = 32768;
export const EPHEMERAL_END = 60999;

function parsePortNumber(s: string): number | null {
  if (!/^\d+$/.test(s)) return null;
  const n = Number(s);
  return n <= 65535 ? n : null;
}

/** `8080` or `8080-8081` → [start, end], or null. */
export function parsePortRange(s: string): [number, number] | null {
  if (s === '') return null;
  const dash = s.indexOf('-');
  if (dash < 0) {
    const n = parsePortNumber(s);
    return n === null ? null : [n, n];
  }
  const a = parsePortNumber(s.slice(0, dash));
  const b = parsePortNumber(s.slice(dash + 1));
  if (a === null || b === null || b < a) return null;
  return [a, b];
}

function isIp(s: string): boolean {
  if (/^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.test(s)) return s.split('.').every((x) => Number(x) <= 255);
  return /^[0-9a-fA-F:]+$/.test(s) && s.includes(':');
}

/** nat.ParsePortSpec: one `-p` value → its mappings, or the error message. */
export function parsePortSpec(raw: string): PortMapping[] | string {
  const parts = raw.split(':');
  let ip = '';
  let hostPort = '';
  let containerPort: string;
  if (parts.length === 1) containerPort = parts[0];
  else if (parts.length === 2) [hostPort, containerPort] = parts;
  else {
    ip = parts.slice(0, -2).join(':');
    hostPort = parts[parts.length - 2];
    containerPort = parts[parts.length - 1];
  }
  const slash = containerPort.indexOf('/');
  let proto = slash >= 0 ? containerPort.slice(slash + 1) : 'tcp';
  containerPort = slash >= 0 ? containerPort.slice(0, slash) : containerPort;
  if (containerPort === '') return `no port specified: ${raw}<empty>`;
  if (proto === '') proto = 'tcp';
  proto = proto.toLowerCase();
  if (!['tcp', 'udp', 'sctp'].includes(proto)) return `invalid proto: ${proto}`;
  if (ip.startsWith('[')) {
    if (!ip.endsWith(']')) return `invalid IP address ${ip}: address ${ip}:: missing ']' in address`;
    ip = ip.slice(1, -1);
  }
  if (ip !== '' && !isIp(ip)) return `invalid IP address: ${ip}`;
  const cr = parsePortRange(containerPort);
  if (!cr) return `invalid containerPort: ${containerPort}`;
  let hr: [number, number] = [0, 0];
  if (hostPort !== '') {
    const h = parsePortRange(hostPort);
    if (!h) return `invalid hostPort: ${hostPort}`;
    hr = h;
    if (cr[1] - cr[0] !== hr[1] - hr[0] && cr[1] !== cr[0]) return `invalid ranges specified for container and host Ports: ${containerPort} and ${hostPort}`;
  }
  const count = cr[1] - cr[0] + 1;
  const out: PortMapping[] = [];
  for (let i = 0; i < count; i++) {
    let hp = '';
    if (hostPort !== '') {
      hp = String(hr[0] + i);
      if (count === 1 && hr[0] !== hr[1]) hp += `-${hr[1]}`;
    }
    out.push({ port: `${cr[0] + i}/${proto}`, binding: { HostIp: ip, HostPort: hp } });
  }
  return out;
}

/** nat.ParsePortSpecs: all `-p` values → exposed ports and bindings, or the first error. */
export function parsePortSpecs(specs: readonly string[]): { exposed: string[]; bindings: Record<string, PortBinding[]> } | string {
  const exposed: string[] = [];
  const bindings: Record<string, PortBinding[]> = {};
  for (const spec of specs) {
    const r = parsePortSpec(spec);
    if (typeof r === 'string') return r;
    for (const m of r) {
      if (!exposed.includes(m.port)) exposed.push(m.port);
      (bindings[m.port] ??= []).push(m.binding);
    }
  }
  return { exposed, bindings };
}

/** One host port held by a container's endpoint. */
export interface Allocation {
  readonly proto: string;
  readonly hostIp: string;
  readonly port: number;
  readonly owner: string;
}

const unspecified = (ip: string) => ip === '0.0.0.0' || ip === '::' || ip === '';
const family = (ip: string) => (ip.includes(':') ? 6 : 4);

/** The daemon's port allocator: which host ports are taken, and the next ephemeral one. */
export class PortAllocator {
  readonly allocations: Allocation[] = [];
  #next = EPHEMERAL_START;

  #taken(proto: string, hostIp: string, port: number): boolean {
    return this.allocations.some((a) => a.proto === proto && a.port === port && family(a.hostIp) === family(hostIp) && (a.hostIp === hostIp || unspecified(a.hostIp) || unspecified(hostIp)));
  }

  isFree(proto: string, hostIps: readonly string[], port: number): boolean {
    return hostIps.every((ip) => !this.#taken(proto, ip, port));
  }

  /** A port for every address in `hostIps`: the requested one (or range), else the next ephemeral one. */
  request(proto: string, hostIps: readonly string[], range: [number, number] | null, owner: string): number | string {
    if (range && range[0] !== 0) {
      for (let p = range[0]; p <= range[1]; p++) {
        if (this.isFree(proto, hostIps, p)) {
          for (const ip of hostIps) this.allocations.push({ proto, hostIp: ip, port: p, owner });
          return p;
        }
      }
      const blocked = hostIps.find((ip) => this.#taken(proto, ip, range[0])) ?? hostIps[0];
      return `Bind for ${blocked.includes(':') ? `[${blocked}]` : blocked}:${range[0]} failed: port is already allocated`;
    }
    const span = EPHEMERAL_END - EPHEMERAL_START + 1;
    for (let i = 0; i < span; i++) {
      const p = EPHEMERAL_START + ((this.#next - EPHEMERAL_START + i) % span);
      if (this.isFree(proto, hostIps, p)) {
        this.#next = p + 1 > EPHEMERAL_END ? EPHEMERAL_START : p + 1;
        for (const ip of hostIps) this.allocations.push({ proto, hostIp: ip, port: p, owner });
        return p;
      }
    }
    return 'no free ports available';
  }

  releaseAll(owner: string): void {
    for (let i = this.allocations.length - 1; i >= 0; i--) if (this.allocations[i].owner === owner) this.allocations.splice(i, 1);
  }
}

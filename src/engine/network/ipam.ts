/**
 * libnetwork's default IPAM driver (moby daemon/libnetwork/ipams/defaultipam, ipamutils): the
 * local address pools each new bridge network takes its subnet from — 172.17.0.0/16, 172.18/16,
 * … 172.31/16, then 192.168.0.0/16 in /20s — and, inside a subnet, the lowest free address
 * after the gateway (.1). Released addresses are handed out again (bitmap/sequence.go).
 */

/** An IPv4 address as an unsigned 32-bit integer. */
export type Ip4 = number;

export function parseIp(s: string): Ip4 | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (!m) return null;
  const b = m.slice(1).map(Number);
  if (b.some((x) => x > 255)) return null;
  return ((b[0] << 24) | (b[1] << 16) | (b[2] << 8) | b[3]) >>> 0;
}

export function formatIp(ip: Ip4): string {
  return `${ip >>> 24}.${(ip >>> 16) & 255}.${(ip >>> 8) & 255}.${ip & 255}`;
}

export interface Subnet {
  readonly base: Ip4;
  readonly prefix: number;
}

export function maskOf(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

/** `172.18.0.0/16` → a subnet (the address masked to its network), or null. */
export function parseCidr(s: string): Subnet | null {
  const [addr, p, extra] = s.split('/');
  if (extra !== undefined || p === undefined || !/^\d{1,2}$/.test(p) || Number(p) > 32) return null;
  const ip = parseIp(addr);
  if (ip === null) return null;
  const prefix = Number(p);
  return { base: (ip & maskOf(prefix)) >>> 0, prefix };
}

export function formatCidr(s: Subnet): string {
  return `${formatIp(s.base)}/${s.prefix}`;
}

export function contains(s: Subnet, ip: Ip4): boolean {
  return ((ip & maskOf(s.prefix)) >>> 0) === s.base;
}

export function broadcast(s: Subnet): Ip4 {
  return (s.base | ~maskOf(s.prefix)) >>> 0;
}

export function overlaps(a: Subnet, b: Subnet): boolean {
  return contains(a, b.base) || contains(b, a.base);
}

/** The predefined local pools, in the order the allocator walks them (ipamutils/utils.go). */
export function* defaultPools(): Generator<Subnet> {
  for (let i = 17; i <= 31; i++) yield { base: parseIp(`172.${i}.0.0`)!, prefix: 16 };
  for (let i = 0; i < 256; i += 16) yield { base: parseIp(`192.168.${i}.0`)!, prefix: 20 };
}

/** The next predefined subnet that overlaps none in use, or null when all are taken. */
export function nextPool(inUse: readonly Subnet[]): Subnet | null {
  for (const s of defaultPools()) if (!inUse.some((u) => overlaps(u, s))) return s;
  return null;
}

/** The addresses of one network's subnet: the gateway and every endpoint's address. */
export class AddressSpace {
  readonly subnet: Subnet;
  readonly gateway: Ip4;
  readonly #used = new Set<Ip4>();

  constructor(subnet: Subnet, gateway?: Ip4) {
    this.subnet = subnet;
    this.gateway = gateway ?? subnet.base + 1;
    this.#used.add(this.gateway);
  }

  /** The lowest free host address, or `preferred` when it is free; a string says why not. */
  allocate(preferred?: Ip4): Ip4 | string {
    if (preferred !== undefined) {
      if (!contains(this.subnet, preferred)) return `no available IPv4 addresses on this network's address pools: ${formatIp(preferred)} is out of range`;
      if (this.#used.has(preferred)) return 'Address already in use';
      this.#used.add(preferred);
      return preferred;
    }
    const last = broadcast(this.subnet);
    for (let ip = this.subnet.base + 1; ip < last; ip++) {
      if (!this.#used.has(ip)) {
        this.#used.add(ip);
        return ip;
      }
    }
    return 'no available IPv4 addresses on this network\'s address pools';
  }

  release(ip: Ip4): void {
    if (ip !== this.gateway) this.#used.delete(ip);
  }

  inUse(ip: Ip4): boolean {
    return this.#used.has(ip);
  }
}

/**
 * Geometry of the Network view (viewBox units): the host on top with its published ports, then one
 * bridge per row (docker0 and user-defined bridges) with its containers' endpoints below it, each
 * joined to the bridge by its veth pair. Pure mapping of the snapshot's networks and ports.
 */
import type { NetworkEndpointView, NetworkView, TrafficView } from '../../engine/snapshot.ts';

export const NET_W = 600;
const PAD = 8;
const HOST_H = 44;
const BAR_H = 30;
const EP_W = 138;
const EP_H = 68;
const EP_GAP = 10;
const PER_ROW = 4;
const VETH = 22;
const SECTION_GAP = 16;
/** Room under a bridge with no containers for its "no containers attached" line. */
const EMPTY_H = 26;

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export interface BridgeBox extends Rect {
  readonly network: NetworkView;
}

export interface EndpointBox extends Rect {
  readonly key: string;
  readonly networkId: string;
  readonly endpoint: NetworkEndpointView;
}

export interface NetLayout {
  readonly height: number;
  readonly host: Rect;
  readonly bridges: readonly BridgeBox[];
  readonly endpoints: readonly EndpointBox[];
}

/** Bridge networks in creation order, docker0 first; host/none have no bridge to draw. */
export function bridgesOf(networks: readonly NetworkView[]): NetworkView[] {
  return networks.filter((n) => n.driver === 'bridge').sort((a, b) => Number(b.builtin) - Number(a.builtin) || a.created - b.created || a.name.localeCompare(b.name));
}

export function layoutNetworks(networks: readonly NetworkView[]): NetLayout {
  const host: Rect = { x: PAD, y: PAD, w: NET_W - 2 * PAD, h: HOST_H };
  let y = host.y + host.h + SECTION_GAP;
  const bridges: BridgeBox[] = [];
  const endpoints: EndpointBox[] = [];
  for (const n of bridgesOf(networks)) {
    bridges.push({ network: n, x: PAD, y, w: NET_W - 2 * PAD, h: BAR_H });
    y += BAR_H;
    const eps = [...n.endpoints].sort((a, b) => ipOrder(a.ip) - ipOrder(b.ip));
    eps.forEach((endpoint, i) => {
      const row = Math.floor(i / PER_ROW);
      const col = i % PER_ROW;
      endpoints.push({ key: `${n.id}/${endpoint.id}`, networkId: n.id, endpoint, x: PAD + 6 + col * (EP_W + EP_GAP), y: y + VETH + row * (EP_H + VETH), w: EP_W, h: EP_H });
    });
    const rows = Math.ceil(eps.length / PER_ROW);
    y += (rows > 0 ? rows * (EP_H + VETH) : EMPTY_H) + SECTION_GAP;
  }
  return { height: y, host, bridges, endpoints };
}

function ipOrder(ip: string): number {
  return ip.split('.').reduce((n, part) => n * 256 + Number(part || 0), 0);
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

/**
 * A packet's route: from the sender's endpoint up its veth to the bridge, along the bridge, down to
 * the receiver — on a network both share, else through the host. Ends outside a container (the
 * host, a published port, the outside world) are the host box.
 */
export function packetRoute(l: NetLayout, t: Pick<TrafficView, 'fromContainer' | 'toContainer'>): Point[] {
  const hostPoint: Point = { x: l.host.x + l.host.w / 2, y: l.host.y + l.host.h };
  const epsOf = (id: string | null) => (id ? l.endpoints.filter((e) => e.endpoint.containerId === id) : []);
  const from = epsOf(t.fromContainer);
  const to = epsOf(t.toContainer);
  const shared = from.find((e) => to.some((d) => d.networkId === e.networkId));
  const a = shared ?? from[0];
  const b = shared ? to.find((d) => d.networkId === shared.networkId) : to[0];
  const up = (e: EndpointBox): Point[] => {
    const bar = l.bridges.find((br) => br.network.id === e.networkId)!;
    const x = e.x + e.w / 2;
    return [{ x, y: e.y + e.h / 2 }, { x, y: bar.y + bar.h / 2 }];
  };
  const start = a ? up(a) : [hostPoint];
  const end = b ? up(b).reverse() : [hostPoint];
  if (a && b && !shared) {
    // Different networks: out through the host (and, for a bridge-to-bridge hop, the host's routing).
    return [...start, hostPoint, ...end];
  }
  return [...start, ...end];
}

/**
 * Geometry of the Architecture diagram (viewBox units) and the route a call's token takes. Pure
 * data: which components a call reached comes from the engine (`ApiCall.hops`); this only maps
 * those hops to boxes and points.
 *
 *   docker CLI                      Docker Hub (registry)
 *      │ REST /v1.51 over docker.sock ╱
 *   dockerd ─────────── image cache / volumes / networks
 *      │ gRPC
 *   containerd
 *      │ ttrpc
 *   containerd-shim-runc-v2
 *      │ exec
 *   runc
 *      │ clone(2), cgroupfs
 *   Linux kernel
 */
import type { ApiCall, ApiHop } from '../../engine/snapshot.ts';

export type BoxId = 'cli' | ApiHop;

export interface Box {
  readonly id: BoxId;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export const VIEW_W = 610;
export const VIEW_H = 360;

const CHAIN_X = 6;
const CHAIN_W = 270;
const ROW = 61;
const BOX_H = 45;
const SIDE_X = 360;
const SIDE_W = 244;

/** The runtime path, top to bottom (the order a call goes down the stack). */
export const CHAIN: readonly BoxId[] = ['cli', 'dockerd', 'containerd', 'shim', 'runc', 'kernel'];
/** Stores beside dockerd, and the registry it talks to. */
export const SIDE: readonly ApiHop[] = ['registry', 'images', 'volumes', 'networks'];

export const BOXES: Readonly<Record<BoxId, Box>> = Object.fromEntries([
  ...CHAIN.map((id, i) => [id, { id, x: CHAIN_X, y: 6 + i * ROW, w: CHAIN_W, h: BOX_H }] as const),
  ...SIDE.map((id, i) => [id, { id, x: SIDE_X, y: 6 + i * ROW + (i > 0 ? 16 : 0), w: SIDE_W, h: BOX_H }] as const),
]) as Record<BoxId, Box>;

export interface Point {
  readonly x: number;
  readonly y: number;
}

export const center = (b: Box): Point => ({ x: b.x + b.w / 2, y: b.y + b.h / 2 });

/** The edge between dockerd and a side box: from dockerd's right side to the box's left side. */
export function sideEdge(id: ApiHop): readonly [Point, Point] {
  const d = BOXES.dockerd;
  const b = BOXES[id];
  return [{ x: d.x + d.w, y: d.y + d.h / 2 }, { x: b.x, y: b.y + b.h / 2 }];
}

/** The deepest box of the runtime chain a call reached (dockerd at least). */
export function deepest(call: Pick<ApiCall, 'hops'>): BoxId {
  let last: BoxId = 'dockerd';
  for (const id of CHAIN) if (call.hops.includes(id as ApiHop)) last = id;
  return last;
}

/** Boxes a call lights: the client, every hop, and the chain boxes between (a call passes through them). */
export function litBoxes(call: Pick<ApiCall, 'hops'>): ReadonlySet<BoxId> {
  const lit = new Set<BoxId>(['cli', ...call.hops]);
  const end = CHAIN.indexOf(deepest(call));
  for (let i = 0; i <= end; i += 1) lit.add(CHAIN[i]);
  return lit;
}

/** The token's routes: down the chain to the deepest hop, then one branch per side hop from dockerd. */
export function routes(call: Pick<ApiCall, 'hops'>): { readonly chain: readonly Point[]; readonly branches: readonly (readonly Point[])[] } {
  const end = CHAIN.indexOf(deepest(call));
  const chain = CHAIN.slice(0, end + 1).map((id) => center(BOXES[id]));
  const branches = SIDE.filter((id) => call.hops.includes(id)).map((id) => {
    const [from, to] = sideEdge(id);
    return [center(BOXES.dockerd), from, to, center(BOXES[id])];
  });
  return { chain, branches };
}

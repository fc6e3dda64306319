/**
 * Where each process sits in the Processes diagram. Pure: structure in, positions out (no React).
 *
 * Two levels of dagre, top to bottom like `pstree`: each container's PID namespace is laid out on
 * its own (cached by its structure, so a new container does not re-lay the others), then the host
 * tree is laid out with each namespace as one big node hanging under its shim. Children positions
 * are relative to their box, as React Flow sub-flows expect. Input is sorted by host PID, so the
 * same structure always gives the same picture.
 */
import { Graph, layout } from '@dagrejs/dagre';

/** What layout needs to know about a process: who it is, its parent, its namespace box. */
export interface LayoutItem {
  readonly id: string;
  readonly hostPid: number;
  readonly ppid: number;
  /** The container whose PID namespace it lives in (its box), or null on the host. */
  readonly containerId: string | null;
}

export const NODE_WIDTH = 226;
export const NODE_HEIGHT = 72;
/** Room inside a box around its processes; the top holds the box's label. */
export const BOX_PAD_X = 16;
export const BOX_PAD_TOP = 62;
export const BOX_PAD_BOTTOM = 16;

export interface Placed {
  readonly x: number;
  readonly y: number;
}
export interface PlacedBox extends Placed {
  readonly width: number;
  readonly height: number;
}

export interface ProcessLayout {
  /** Per process id: top-left, relative to its box when `box` is set. */
  readonly processes: Readonly<Record<string, Placed & { readonly box: string | null }>>;
  /** Per container id: the namespace box, top-left in flow coordinates. */
  readonly boxes: Readonly<Record<string, PlacedBox>>;
  /** Parent → child links between displayed processes, as React Flow edges want them. */
  readonly links: readonly { readonly id: string; readonly source: string; readonly target: string }[];
}

/** Identifies the structure: ids, parents and boxes. Layout only reruns when this changes. */
export function structureKey(items: readonly LayoutItem[]): string {
  return [...items]
    .sort((a, b) => a.hostPid - b.hostPid)
    .map((p) => `${p.id}<${p.ppid}@${p.containerId ?? ''}`)
    .join(' ');
}

interface InnerLayout {
  readonly width: number;
  readonly height: number;
  readonly positions: ReadonlyMap<string, Placed>;
}

const innerCache = new Map<string, InnerLayout>();
const INNER_CACHE_LIMIT = 400;

function newGraph(ranksep: number, nodesep: number): Graph {
  const g = new Graph();
  g.setGraph({ rankdir: 'TB', ranksep, nodesep, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  return g;
}

/** Lays out one namespace's processes; the result is the box's size and its children's offsets. */
function layoutBox(members: readonly LayoutItem[], byPid: ReadonlyMap<number, LayoutItem>): InnerLayout {
  const key = members.map((p) => `${p.id}<${p.ppid}`).join(' ');
  const hit = innerCache.get(key);
  if (hit) return hit;

  const g = newGraph(28, 14);
  for (const p of members) g.setNode(p.id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  for (const p of members) {
    const parent = byPid.get(p.ppid);
    if (parent && parent.containerId === p.containerId) g.setEdge(parent.id, p.id);
  }
  layout(g);

  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const p of members) {
    const n = g.node(p.id);
    minX = Math.min(minX, n.x! - NODE_WIDTH / 2);
    minY = Math.min(minY, n.y! - NODE_HEIGHT / 2);
    maxX = Math.max(maxX, n.x! + NODE_WIDTH / 2);
    maxY = Math.max(maxY, n.y! + NODE_HEIGHT / 2);
  }
  const positions = new Map<string, Placed>();
  for (const p of members) {
    const n = g.node(p.id);
    positions.set(p.id, { x: n.x! - NODE_WIDTH / 2 - minX + BOX_PAD_X, y: n.y! - NODE_HEIGHT / 2 - minY + BOX_PAD_TOP });
  }
  const result: InnerLayout = { width: maxX - minX + 2 * BOX_PAD_X, height: maxY - minY + BOX_PAD_TOP + BOX_PAD_BOTTOM, positions };
  if (innerCache.size >= INNER_CACHE_LIMIT) innerCache.delete(innerCache.keys().next().value!);
  innerCache.set(key, result);
  return result;
}

const boxNodeId = (containerId: string) => `ns:${containerId}`;

export function layoutProcesses(input: readonly LayoutItem[]): ProcessLayout {
  const items = [...input].sort((a, b) => a.hostPid - b.hostPid);
  const byPid = new Map(items.map((p) => [p.hostPid, p] as const));

  const hostItems: LayoutItem[] = [];
  const boxMembers = new Map<string, LayoutItem[]>();
  for (const p of items) {
    if (p.containerId === null) hostItems.push(p);
    else {
      let members = boxMembers.get(p.containerId);
      if (!members) boxMembers.set(p.containerId, (members = []));
      members.push(p);
    }
  }

  const inner = new Map<string, InnerLayout>();
  for (const [containerId, members] of boxMembers) inner.set(containerId, layoutBox(members, byPid));

  const g = newGraph(34, 24);
  // Nodes in host-PID order; a box takes the place of its lowest PID, so order is stable.
  const order: { id: string; pid: number; width: number; height: number }[] = hostItems.map((p) => ({ id: p.id, pid: p.hostPid, width: NODE_WIDTH, height: NODE_HEIGHT }));
  for (const [containerId, members] of boxMembers) {
    const box = inner.get(containerId)!;
    order.push({ id: boxNodeId(containerId), pid: members[0]!.hostPid, width: box.width, height: box.height });
  }
  order.sort((a, b) => a.pid - b.pid);
  for (const n of order) g.setNode(n.id, { width: n.width, height: n.height });

  const links: { id: string; source: string; target: string }[] = [];
  for (const p of items) {
    const parent = byPid.get(p.ppid);
    if (!parent) continue;
    links.push({ id: `${parent.id}>${p.id}`, source: parent.id, target: p.id });
    if (p.containerId === null && parent.containerId === null) g.setEdge(parent.id, p.id);
    // A box hangs under the host process that parents its root(s), usually the shim.
    else if (p.containerId !== null && parent.containerId === null) g.setEdge(parent.id, boxNodeId(p.containerId));
  }
  layout(g);

  const processes: Record<string, Placed & { box: string | null }> = {};
  const boxes: Record<string, PlacedBox> = {};
  for (const p of hostItems) {
    const n = g.node(p.id);
    processes[p.id] = { x: Math.round(n.x! - NODE_WIDTH / 2), y: Math.round(n.y! - NODE_HEIGHT / 2), box: null };
  }
  for (const [containerId, members] of boxMembers) {
    const box = inner.get(containerId)!;
    const n = g.node(boxNodeId(containerId));
    boxes[containerId] = { x: Math.round(n.x! - box.width / 2), y: Math.round(n.y! - box.height / 2), width: Math.round(box.width), height: Math.round(box.height) };
    for (const p of members) {
      const at = box.positions.get(p.id)!;
      processes[p.id] = { x: Math.round(at.x), y: Math.round(at.y), box: containerId };
    }
  }
  return { processes, boxes, links };
}

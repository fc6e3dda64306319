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
  /** Who started it when it was re-parented since (a shim: containerd); the tree hangs it there. */
  readonly launcherPid?: number | null;
}

/** Node and box sizes, in flow pixels; the node CSS (styles.css `.proc`, `.nsbox`) fills them. */
export interface ProcessSizes {
  readonly nodeWidth: number;
  readonly nodeHeight: number;
  /** Room inside a box around its processes; the top holds the box's label. */
  readonly boxPadX: number;
  readonly boxPadTop: number;
  readonly boxPadBottom: number;
  /** A box is at least this wide (room for its label line); its processes are centred in it. */
  readonly boxMinWidth: number;
}

/** The desk sizes. */
export const DESK_SIZES: ProcessSizes = { nodeWidth: 226, nodeHeight: 72, boxPadX: 16, boxPadTop: 62, boxPadBottom: 16, boxMinWidth: 0 };
/**
 * Presenter mode: room for its larger node type (every label ≥ 18 px, styles.css presenter
 * section), drawn at zoom ≥ 1 so it stays ≥ 18 px on the projector.
 */
export const PRESENTER_SIZES: ProcessSizes = { nodeWidth: 244, nodeHeight: 94, boxPadX: 18, boxPadTop: 74, boxPadBottom: 18, boxMinWidth: 392 };

export const NODE_WIDTH = DESK_SIZES.nodeWidth;
export const NODE_HEIGHT = DESK_SIZES.nodeHeight;
export const BOX_PAD_X = DESK_SIZES.boxPadX;
export const BOX_PAD_TOP = DESK_SIZES.boxPadTop;
export const BOX_PAD_BOTTOM = DESK_SIZES.boxPadBottom;

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
  /** Links between displayed processes, as React Flow edges want them. */
  readonly links: readonly ProcessLink[];
}

/** `parent`: the real parent (PPID). `launcher`: who started a process that was re-parented since. */
export interface ProcessLink {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly kind: 'parent' | 'launcher';
}

/**
 * The diagram's top-level rectangles in flow coordinates, by React Flow node id: host processes
 * and namespace boxes (`ns:<container id>`); the processes inside a box lie within it.
 */
export function topLevelRects(result: ProcessLayout, sizes: ProcessSizes = DESK_SIZES): Map<string, PlacedBox> {
  const out = new Map<string, PlacedBox>();
  for (const [id, p] of Object.entries(result.processes)) {
    if (p.box === null) out.set(id, { x: p.x, y: p.y, width: sizes.nodeWidth, height: sizes.nodeHeight });
  }
  for (const [containerId, box] of Object.entries(result.boxes)) out.set(boxNodeId(containerId), box);
  return out;
}

/** Identifies the structure: ids, parents and boxes. Layout only reruns when this changes. */
export function structureKey(items: readonly LayoutItem[]): string {
  return [...items]
    .sort((a, b) => a.hostPid - b.hostPid)
    .map((p) => `${p.id}<${p.ppid}${p.launcherPid ? `/${p.launcherPid}` : ''}@${p.containerId ?? ''}`)
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
function layoutBox(members: readonly LayoutItem[], byPid: ReadonlyMap<number, LayoutItem>, sizes: ProcessSizes): InnerLayout {
  const { nodeWidth, nodeHeight, boxPadX, boxPadTop, boxPadBottom, boxMinWidth } = sizes;
  const key = `${nodeWidth}x${nodeHeight}:${boxPadX},${boxPadTop},${boxPadBottom},${boxMinWidth} ${members.map((p) => `${p.id}<${p.ppid}`).join(' ')}`;
  const hit = innerCache.get(key);
  if (hit) return hit;

  const g = newGraph(28, 14);
  for (const p of members) g.setNode(p.id, { width: nodeWidth, height: nodeHeight });
  for (const p of members) {
    const parent = byPid.get(p.ppid);
    if (parent && parent.containerId === p.containerId) g.setEdge(parent.id, p.id);
  }
  layout(g);

  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const p of members) {
    const n = g.node(p.id);
    minX = Math.min(minX, n.x! - nodeWidth / 2);
    minY = Math.min(minY, n.y! - nodeHeight / 2);
    maxX = Math.max(maxX, n.x! + nodeWidth / 2);
    maxY = Math.max(maxY, n.y! + nodeHeight / 2);
  }
  const width = Math.max(maxX - minX + 2 * boxPadX, boxMinWidth);
  const left = (width - (maxX - minX)) / 2;
  const positions = new Map<string, Placed>();
  for (const p of members) {
    const n = g.node(p.id);
    positions.set(p.id, { x: n.x! - nodeWidth / 2 - minX + left, y: n.y! - nodeHeight / 2 - minY + boxPadTop });
  }
  const result: InnerLayout = { width, height: maxY - minY + boxPadTop + boxPadBottom, positions };
  if (innerCache.size >= INNER_CACHE_LIMIT) innerCache.delete(innerCache.keys().next().value!);
  innerCache.set(key, result);
  return result;
}

const boxNodeId = (containerId: string) => `ns:${containerId}`;

/** From this many containers on, their shims and boxes are wrapped into a grid instead of one row. */
export const GRID_FROM = 5;
/** The grid aims at the panel's shape (wider than tall). */
const GRID_ASPECT = 3;
const GRID_GAP_X = 28;
const GRID_GAP_Y = 40;
const UNIT_GAP = 34;

export function layoutProcesses(input: readonly LayoutItem[], dims: ProcessSizes = DESK_SIZES): ProcessLayout {
  const { nodeWidth, nodeHeight } = dims;
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
  for (const [containerId, members] of boxMembers) inner.set(containerId, layoutBox(members, byPid, dims));

  // Links to draw, and the tree to lay out: a re-parented process hangs under its launcher
  // (a shim under containerd, as it started), a box under the host process above its root(s).
  const links: ProcessLink[] = [];
  const treeEdges: [string, string][] = [];
  for (const p of items) {
    const parent = byPid.get(p.ppid);
    const launcher = p.launcherPid ? byPid.get(p.launcherPid) : undefined;
    if (parent) links.push({ id: `${parent.id}>${p.id}`, source: parent.id, target: p.id, kind: 'parent' });
    if (launcher && launcher !== parent) links.push({ id: `${launcher.id}~>${p.id}`, source: launcher.id, target: p.id, kind: 'launcher' });
    const above = launcher ?? parent;
    if (!above || above.containerId !== null) continue;
    treeEdges.push([above.id, p.containerId === null ? p.id : boxNodeId(p.containerId)]);
  }

  const processes: Record<string, Placed & { box: string | null }> = {};
  const boxes: Record<string, PlacedBox> = {};
  const placeBox = (containerId: string, left: number, top: number) => {
    const box = inner.get(containerId)!;
    boxes[containerId] = { x: Math.round(left), y: Math.round(top), width: Math.round(box.width), height: Math.round(box.height) };
    for (const p of boxMembers.get(containerId)!) {
      const at = box.positions.get(p.id)!;
      processes[p.id] = { x: Math.round(at.x), y: Math.round(at.y), box: containerId };
    }
  };

  // Many containers: each one's shim and box form a unit, and units wrap into a grid.
  const units = boxMembers.size >= GRID_FROM ? findUnits(boxMembers, treeEdges) : null;
  const unitShims = new Set(units?.map((u) => u.shim).filter((id): id is string => id !== null));

  const g = newGraph(34, 24);
  const order: { id: string; pid: number; width: number; height: number }[] = hostItems
    .filter((p) => !unitShims.has(p.id))
    .map((p) => ({ id: p.id, pid: p.hostPid, width: nodeWidth, height: nodeHeight }));
  if (!units) {
    for (const [containerId, members] of boxMembers) {
      const box = inner.get(containerId)!;
      order.push({ id: boxNodeId(containerId), pid: members[0]!.hostPid, width: box.width, height: box.height });
    }
  }
  order.sort((a, b) => a.pid - b.pid);
  for (const n of order) g.setNode(n.id, { width: n.width, height: n.height });
  for (const [from, to] of treeEdges) if (g.hasNode(from) && g.hasNode(to)) g.setEdge(from, to);
  layout(g);

  let minX = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const p of hostItems) {
    if (unitShims.has(p.id)) continue;
    const n = g.node(p.id);
    const x = n.x! - nodeWidth / 2, y = n.y! - nodeHeight / 2;
    processes[p.id] = { x: Math.round(x), y: Math.round(y), box: null };
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x + nodeWidth);
    maxY = Math.max(maxY, y + nodeHeight);
  }
  if (!units) {
    for (const containerId of boxMembers.keys()) {
      const n = g.node(boxNodeId(containerId));
      const box = inner.get(containerId)!;
      placeBox(containerId, n.x! - box.width / 2, n.y! - box.height / 2);
    }
    return { processes, boxes, links };
  }

  // Grid: units packed into rows (shelves) up to a width that gives the panel's shape, each row
  // centred under the host tree, in container order.
  const sizes = units.map((u) => {
    const box = inner.get(u.containerId)!;
    return { width: Math.max(box.width, nodeWidth), height: (u.shim ? nodeHeight + UNIT_GAP : 0) + box.height };
  });
  const area = sizes.reduce((sum, z) => sum + (z.width + GRID_GAP_X) * (z.height + GRID_GAP_Y), 0);
  const targetWidth = Math.max(...sizes.map((z) => z.width), Math.sqrt(GRID_ASPECT * area));
  const rows: number[][] = [[]];
  let rowWidth = 0;
  sizes.forEach((z, i) => {
    const row = rows[rows.length - 1]!;
    if (row.length && rowWidth + GRID_GAP_X + z.width > targetWidth) {
      rows.push([i]);
      rowWidth = z.width;
    } else {
      row.push(i);
      rowWidth += (row.length > 1 ? GRID_GAP_X : 0) + z.width;
    }
  });
  const hostCentre = Number.isFinite(minX) ? (minX + maxX) / 2 : 0;
  let top = (Number.isFinite(maxY) ? maxY : 0) + GRID_GAP_Y * 1.5;
  for (const row of rows) {
    const width = row.reduce((sum, i) => sum + sizes[i]!.width, 0) + GRID_GAP_X * (row.length - 1);
    let left = hostCentre - width / 2;
    let rowHeight = 0;
    for (const i of row) {
      const unit = units[i]!;
      const box = inner.get(unit.containerId)!;
      const centre = left + sizes[i]!.width / 2;
      let y = top;
      if (unit.shim) {
        processes[unit.shim] = { x: Math.round(centre - nodeWidth / 2), y: Math.round(y), box: null };
        y += nodeHeight + UNIT_GAP;
      }
      placeBox(unit.containerId, centre - box.width / 2, y);
      rowHeight = Math.max(rowHeight, sizes[i]!.height);
      left += sizes[i]!.width + GRID_GAP_X;
    }
    top += rowHeight + GRID_GAP_Y;
  }
  return { processes, boxes, links };
}

interface Unit {
  readonly containerId: string;
  /** The host process the box hangs under, when it holds nothing else (the shim). */
  readonly shim: string | null;
}

/** Pairs each box with the host process above it when that process parents only this box. */
function findUnits(boxMembers: ReadonlyMap<string, readonly LayoutItem[]>, treeEdges: readonly [string, string][]): Unit[] {
  const childrenOf = new Map<string, Set<string>>();
  for (const [from, to] of treeEdges) {
    let set = childrenOf.get(from);
    if (!set) childrenOf.set(from, (set = new Set()));
    set.add(to);
  }
  const aboveBox = new Map<string, string>();
  for (const [from, to] of treeEdges) if (to.startsWith('ns:')) aboveBox.set(to, from);
  return [...boxMembers.entries()]
    .sort((a, b) => a[1][0]!.hostPid - b[1][0]!.hostPid)
    .map(([containerId]) => {
      const above = aboveBox.get(boxNodeId(containerId));
      const only = above && childrenOf.get(above)?.size === 1;
      return { containerId, shim: only ? above : null };
    });
}

/**
 * Where everything sits in the Layers diagram. Pure: records in, a graph with positions out.
 *
 * Top → bottom, the way an image is built: from `scratch` (marked on each base layer), the layers (by ChainID, so a layer
 * shared by several images is drawn once and the images visibly branch from it), each image's
 * tags closing the run of layers it ends with, then the containers standing on each image. A run
 * of layers with one child each and no image ending among them is drawn as one "segment" node (a
 * stack of rows, bottom layer first, the images ending there as its footer): that keeps a
 * 14-layer image readable instead of 14 boxes and two more ranks.
 */
import { Graph, layout } from '@dagrejs/dagre';
import type { ContainerView, ImageView, LayerView } from '../../engine/snapshot.ts';

export interface Segment {
  /** `seg:<ChainID of its bottom layer>`. */
  readonly id: string;
  /** Bottom → top. */
  readonly layers: readonly LayerView[];
  /** Position of its bottom layer in any chain through it (1 = base layer). */
  readonly firstPosition: number;
  /** Images whose chain contains this segment. */
  readonly imageIds: readonly string[];
  /** The segment (or scratch) it stands on. */
  readonly parent: string;
  /** Images whose top layer is this segment's last one (its footer), oldest first. */
  readonly endImages: readonly ImageView[];
}

export interface LayersModel {
  readonly segments: readonly Segment[];
  /** Images in display order, each with the node whose footer shows it. */
  readonly images: readonly { readonly image: ImageView; readonly parent: string }[];
  /** Images with no layers at all (`FROM scratch` and metadata only): shown on the scratch node. */
  readonly scratchImages: readonly ImageView[];
  /** Containers with the node of their image (null: their image is gone). */
  readonly containers: readonly { readonly container: ContainerView; readonly parent: string | null }[];
  /** ChainID → the segment holding it. */
  readonly segmentOf: ReadonlyMap<string, string>;
}

export const SCRATCH_ID = 'scratch';
export const segmentId = (chainId: string) => `seg:${chainId}`;
export const containerNodeId = (containerId: string) => `ctr:${containerId}`;

/** Sizes of the nodes, in flow pixels (the node CSS uses the same). */
export interface LayerSizes {
  readonly scratch: { readonly width: number; readonly height: number };
  readonly segmentWidth: number;
  readonly segmentHeader: number;
  readonly row: number;
  readonly segmentPad: number;
  /** One image line in a segment's footer. */
  readonly imageLine: number;
  readonly container: { readonly width: number; readonly height: number };
}

export const SIZES: LayerSizes = {
  scratch: { width: 170, height: 38 },
  segmentWidth: 420,
  segmentHeader: 36,
  row: 32,
  segmentPad: 8,
  imageLine: 44,
  container: { width: 250, height: 76 }, // r/w line, name, status (60 squeezed the name out)
};

/**
 * Presenter mode: room for its larger type (every label ≥ 18 px; styles.css presenter section
 * sets the same heights), drawn at zoom ≥ 1 so it stays ≥ 18 px on the projector.
 */
export const PRESENTER_SIZES: LayerSizes = {
  scratch: { width: 190, height: 42 },
  segmentWidth: 460,
  segmentHeader: 40,
  row: 34,
  segmentPad: 14, // the rows' padding (8) and the node's 3 px border, top and bottom
  imageLine: 46,
  container: { width: 270, height: 90 },
};

/** A segment with more layers than this shows its first and last two and a "+N more" row until expanded. */
export const COLLAPSE_ABOVE = 5;

/** How many rows a segment shows (layers, or 4 layers and the "+N more" row). */
export function shownRows(layers: number, expanded: boolean): number {
  return expanded || layers <= COLLAPSE_ABOVE ? layers : COLLAPSE_ABOVE;
}

export function segmentHeight(rows: number, images: number, sizes: LayerSizes = SIZES): number {
  return sizes.segmentHeader + rows * sizes.row + sizes.segmentPad + images * sizes.imageLine;
}

export function scratchHeight(images: number, sizes: LayerSizes = SIZES): number {
  return sizes.scratch.height + images * sizes.imageLine;
}

const byCreated = (a: ImageView, b: ImageView) => a.created - b.created || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Groups the layer store into segments and hangs images and containers under them. */
export function buildModel(layers: Readonly<Record<string, LayerView>>, images: Readonly<Record<string, ImageView>>, containers: Readonly<Record<string, ContainerView>>): LayersModel {
  const imageList = Object.values(images).sort(byCreated);
  const children = new Map<string, string[]>();
  for (const l of Object.values(layers)) {
    if (!l.parent) continue;
    let list = children.get(l.parent);
    if (!list) children.set(l.parent, (list = []));
    list.push(l.id);
  }
  const tops = new Set<string>();
  for (const img of imageList) if (img.chain.length) tops.add(img.chain[img.chain.length - 1]!);
  const startsSegment = (l: LayerView) => !l.parent || !layers[l.parent] || (children.get(l.parent)?.length ?? 0) !== 1 || tops.has(l.parent);

  // Visit chains in image order so segments come out in a stable, meaningful order.
  const runs: { id: string; layers: LayerView[] }[] = [];
  const seen = new Set<string>();
  const segmentOf = new Map<string, string>();
  const usedBy = new Map<string, string[]>();
  const positions = new Map<string, number>();
  const positionOf = (chainId: string): number => {
    let n = 0;
    for (let id: string | null = chainId; id; id = layers[id]?.parent ?? null) {
      const known = positions.get(id);
      if (known !== undefined) return n + known;
      n += 1;
    }
    return n;
  };
  for (const img of imageList) {
    img.chain.forEach((chainId, i) => {
      positions.set(chainId, i + 1);
      let list = usedBy.get(chainId);
      if (!list) usedBy.set(chainId, (list = []));
      list.push(img.id);
    });
  }
  const visit = (start: LayerView) => {
    const id = segmentId(start.id);
    if (seen.has(id)) return;
    seen.add(id);
    const run: LayerView[] = [start];
    let cur = start;
    for (;;) {
      const next = children.get(cur.id);
      if (!next || next.length !== 1 || tops.has(cur.id)) break;
      const child = layers[next[0]!];
      if (!child) break;
      run.push(child);
      cur = child;
    }
    for (const l of run) segmentOf.set(l.id, id);
    runs.push({ id, layers: run });
  };
  for (const img of imageList) {
    for (const chainId of img.chain) {
      const l = layers[chainId];
      if (l && startsSegment(l)) visit(l);
    }
  }
  // Layers no listed image reaches (an intermediate image's, say) still get drawn.
  for (const l of Object.values(layers).sort((a, b) => (a.id < b.id ? -1 : 1))) {
    if (!segmentOf.has(l.id) && startsSegment(l)) visit(l);
  }

  const imageRows = imageList.map((image) => {
    const top = image.chain[image.chain.length - 1];
    return { image, parent: top ? segmentOf.get(top) ?? SCRATCH_ID : SCRATCH_ID };
  });
  const ending = new Map<string, ImageView[]>();
  for (const { image, parent } of imageRows) {
    let list = ending.get(parent);
    if (!list) ending.set(parent, (list = []));
    list.push(image);
  }
  const segments: Segment[] = runs.map(({ id, layers: run }) => {
    const start = run[0]!;
    return {
      id, layers: run, firstPosition: positionOf(start.id), imageIds: usedBy.get(start.id) ?? [],
      parent: start.parent ? segmentOf.get(start.parent) ?? SCRATCH_ID : SCRATCH_ID, endImages: ending.get(id) ?? [],
    };
  });
  const nodeOfImage = new Map(imageRows.map((r) => [r.image.id, r.parent]));
  const containerRows = Object.values(containers)
    .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1))
    .map((container) => ({ container, parent: nodeOfImage.get(container.imageId) ?? null }));
  return { segments, images: imageRows, scratchImages: ending.get(SCRATCH_ID) ?? [], containers: containerRows, segmentOf };
}

/** Identifies the structure (what is drawn where); layout only reruns when this changes. */
export function structureKey(model: LayersModel, expanded: ReadonlySet<string>): string {
  return [
    [...expanded].sort().join(','),
    ...model.segments.map((s) => `${s.id}<${s.parent}:${s.layers.length}:${s.endImages.length}`),
    `scratch:${model.scratchImages.length}`,
    ...model.containers.map((c) => `${c.container.id}<${c.parent ?? ''}`),
  ].join(' ');
}

export interface Placed {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface LayersLayout {
  readonly nodes: ReadonlyMap<string, Placed>;
  readonly edges: readonly { readonly id: string; readonly source: string; readonly target: string }[];
}

/** Positions (top-left) for every node, by dagre, top → bottom. */
export function layoutModel(model: LayersModel, expanded: ReadonlySet<string>, dims: LayerSizes = SIZES): LayersLayout {
  const g = new Graph();
  g.setGraph({ rankdir: 'TB', ranksep: 24, nodesep: 30, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  const sizes = new Map<string, { width: number; height: number }>();
  const edges: { id: string; source: string; target: string }[] = [];
  const node = (id: string, width: number, height: number) => {
    sizes.set(id, { width, height });
    g.setNode(id, { width, height });
  };
  const edge = (source: string, target: string) => {
    edges.push({ id: `${source}>${target}`, source, target });
    g.setEdge(source, target);
  };
  // `scratch` gets a node of its own only to hold images without layers; base layers say "scratch" themselves.
  if (model.scratchImages.length) node(SCRATCH_ID, dims.segmentWidth, scratchHeight(model.scratchImages.length, dims));
  for (const s of model.segments) node(s.id, dims.segmentWidth, segmentHeight(shownRows(s.layers.length, expanded.has(s.id)), s.endImages.length, dims));
  for (const c of model.containers) node(containerNodeId(c.container.id), dims.container.width, dims.container.height);
  for (const s of model.segments) if (s.parent !== SCRATCH_ID) edge(s.parent, s.id);
  for (const c of model.containers) if (c.parent) edge(c.parent, containerNodeId(c.container.id));
  layout(g);
  const nodes = new Map<string, Placed>();
  for (const [id, size] of sizes) {
    const n = g.node(id);
    nodes.set(id, { x: Math.round(n.x! - size.width / 2), y: Math.round(n.y! - size.height / 2), ...size });
  }
  return { nodes, edges };
}

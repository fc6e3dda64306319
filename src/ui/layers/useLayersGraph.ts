/**
 * The Layers diagram's React Flow nodes and edges from the store's tables. Layout (dagre) reruns
 * only when the structure changes; node objects are reused while what they show is unchanged, so
 * React Flow and the memo'd node components skip them (style.md "React Flow hygiene").
 */
import { useMemo, useRef } from 'react';
import type { Edge } from '@xyflow/react';
import type { BuildView, ContainerView, ImageView, LayerView } from '../../engine/snapshot.ts';
import { containerColor, registerContainers } from '../containerColors.ts';
import { useT } from '../context.ts';
import { imageName } from './actions.ts';
import { layerLighting, lightingKey, type Lighting } from './buildLighting.ts';
import { PRESENTER_SIZES, SCRATCH_ID, SIZES, buildModel, containerNodeId, layoutModel, structureKey, type LayersLayout, type LayersModel } from './layout.ts';
import type { ContainerNodeType, LayersNode, LayersSelection, ScratchNodeType, SegmentNodeType } from './nodeTypes.ts';

export interface LayersGraph {
  readonly model: LayersModel;
  readonly key: string;
  readonly placed: LayersLayout;
  readonly nodes: LayersNode[];
  readonly edges: Edge[];
}

/** Nodes are not React Flow-selectable (their rows and image lines are buttons), yet must take clicks. */
const NODE_STYLE = { pointerEvents: 'all' } as const;

const sameArray = <T,>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((x, i) => x === b[i]);

export function useLayersGraph(
  layers: Readonly<Record<string, LayerView>>, images: Readonly<Record<string, ImageView>>, containers: Readonly<Record<string, ContainerView>>,
  build: BuildView | null, selection: LayersSelection, opened: ReadonlySet<string>, presenter: boolean,
): LayersGraph {
  const t = useT();
  const model = useMemo(() => buildModel(layers, images, containers), [layers, images, containers]);
  const lighting = useMemo(() => layerLighting(build), [build]);
  // Segments shown in full: opened by the learner, or holding a lit or selected layer.
  const expanded = useMemo(() => {
    const out = new Set(opened);
    for (const s of model.segments) {
      if (s.layers.some((l) => lighting.has(l.diffId) || (selection?.kind === 'layer' && selection.chainId === l.id))) out.add(s.id);
    }
    return out;
  }, [model, lighting, selection, opened]);
  const key = useMemo(() => structureKey(model, expanded), [model, expanded]);
  // Keyed on the structure (and presenter mode's larger nodes) only: a size or a status changing never moves anything.
  const sizes = presenter ? PRESENTER_SIZES : SIZES;
  const placed = useMemo(() => layoutModel(model, expanded, sizes), [key, sizes]);
  const cache = useRef(new Map<string, LayersNode>());

  const nodes = useMemo(() => {
    const previous = cache.current;
    const next = new Map<string, LayersNode>();
    const out: LayersNode[] = [];
    const at = (id: string) => placed.nodes.get(id) ?? { x: 0, y: 0, width: 0, height: 0 };
    const samePlace = (old: LayersNode | undefined, id: string) => {
      const p = at(id);
      return old !== undefined && old.position.x === p.x && old.position.y === p.y && old.width === p.width && old.height === p.height;
    };
    const frame = (id: string) => {
      const p = at(id);
      return { id, position: { x: p.x, y: p.y }, width: p.width, height: p.height, draggable: false, connectable: false, selectable: false, focusable: false, style: NODE_STYLE };
    };
    const keep = (node: LayersNode) => {
      next.set(node.id, node);
      out.push(node);
    };
    const builtImageId = build?.imageId ?? null;
    const marksFor = (list: readonly ImageView[]) => ({
      selectedImageId: selection?.kind === 'image' && list.some((i) => i.id === selection.imageId) ? selection.imageId : null,
      builtImageId: builtImageId !== null && list.some((i) => i.id === builtImageId) ? builtImageId : null,
    });

    if (model.scratchImages.length) {
      const scratchMarks = marksFor(model.scratchImages);
      const scratch = previous.get(SCRATCH_ID) as ScratchNodeType | undefined;
      if (
        scratch && samePlace(scratch, SCRATCH_ID) && sameArray(scratch.data.images, model.scratchImages) &&
        scratch.data.selectedImageId === scratchMarks.selectedImageId && scratch.data.builtImageId === scratchMarks.builtImageId
      ) keep(scratch);
      else keep({ ...frame(SCRATCH_ID), type: 'scratch', data: { images: model.scratchImages, ...scratchMarks } });
    }

    const names = new Map(model.images.map(({ image }) => [image.id, imageName(image)]));
    for (const s of model.segments) {
      const usedBy = s.imageIds.map((id) => names.get(id) ?? id);
      const selectedChainId = selection?.kind === 'layer' && s.layers.some((l) => l.id === selection.chainId) ? selection.chainId : null;
      const diffIds = s.layers.map((l) => l.diffId);
      const light = lightingKey(diffIds, lighting);
      const marks = marksFor(s.endImages);
      const open = expanded.has(s.id);
      const ariaLabel = t(usedBy.length > 1 ? 'layers.sharedAria' : 'layers.segmentAria', { count: usedBy.length, images: usedBy.join(', '), layers: t('layers.layerCount', { count: s.layers.length }) });
      const old = previous.get(s.id) as SegmentNodeType | undefined;
      if (
        old && samePlace(old, s.id) && sameArray(old.data.layers, s.layers) && old.data.firstPosition === s.firstPosition && old.data.expanded === open && old.ariaLabel === ariaLabel &&
        sameArray(old.data.usedBy, usedBy) && old.data.selectedChainId === selectedChainId && lightingKey(diffIds, old.data.lighting) === light &&
        sameArray(old.data.endImages, s.endImages) && old.data.selectedImageId === marks.selectedImageId && old.data.builtImageId === marks.builtImageId
      ) {
        keep(old);
        continue;
      }
      const own = new Map<string, Lighting>();
      for (const d of diffIds) {
        const v = lighting.get(d);
        if (v) own.set(d, v);
      }
      keep({
        ...frame(s.id), type: 'segment', ariaRole: 'group', ariaLabel,
        data: { id: s.id, layers: s.layers, firstPosition: s.firstPosition, usedBy, selectedChainId, lighting: own, endImages: s.endImages, expanded: open, ...marks },
      });
    }

    registerContainers(model.containers.map((c) => c.container));
    for (const { container } of model.containers) {
      const id = containerNodeId(container.id);
      const color = containerColor(container.id);
      const old = previous.get(id) as ContainerNodeType | undefined;
      if (old && samePlace(old, id) && old.data.container === container && old.data.color === color) keep(old);
      else keep({ ...frame(id), type: 'container', data: { container, color } });
    }
    cache.current = next;
    return out;
  }, [model, placed, lighting, selection, build, expanded, t]);

  const edges = useMemo<Edge[]>(
    () => placed.edges.map((e) => ({ id: e.id, source: e.source, target: e.target, type: 'smoothstep', selectable: false, focusable: false })),
    [placed],
  );
  return { model, key, placed, nodes, edges };
}

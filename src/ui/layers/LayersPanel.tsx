/**
 * The Layers panel (design.md §4): images as a DAG of the layers they share, from `scratch` down
 * through base and app layers to the images and the containers standing on them, each container
 * with its own read-write layer. Selecting a layer lists its files as dive does (added / modified
 * / removed) with the image's wasted space and efficiency; the latest `docker build` lights up the
 * layers it built or took from the cache. Lazy-loaded (React Flow, dagre).
 */
import '@xyflow/react/dist/style.css';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Background, BackgroundVariant, Controls, ReactFlow, ReactFlowProvider, type NodeTypes } from '@xyflow/react';
import { usePlayground, useStoreValue, useT } from '../context.ts';
import { LayersSummary } from './LayersSummary.tsx';
import { useReducedMotion } from '../reducedMotion.ts';
import { LayersActionsContext, type LayersActions } from './actions.ts';
import { BuildStrip } from './BuildStrip.tsx';
import { latestBuild } from './buildLighting.ts';
import { ContainerNode } from './ContainerNode.tsx';
import { LayerDetails } from './LayerDetails.tsx';
import { containerNodeId, type LayersModel } from './layout.ts';
import type { LayersNode, LayersSelection } from './nodeTypes.ts';
import type { ContainerView } from '../../engine/snapshot.ts';
import { ScratchNode } from './ScratchNode.tsx';
import { SegmentNode } from './SegmentNode.tsx';
import { PRESENTER_MIN_ZOOM } from '../flowCamera.ts';
import { READABLE_ZOOM, useCamera } from './useFlowCamera.ts';
import { useLayersGraph } from './useLayersGraph.ts';

const nodeTypes = { scratch: ScratchNode, segment: SegmentNode, container: ContainerNode } satisfies NodeTypes;
const FIT = { padding: 0.05, maxZoom: 1.2, minZoom: 0.1 } as const;
/** Presenter mode: its node type is sized for zoom ≥ 1 (flowCamera.ts), the fit button keeps that. */
const PRESENTER_FIT = { ...FIT, maxZoom: 1.3, minZoom: PRESENTER_MIN_ZOOM } as const;
const DESK_ZOOM = { minZoom: READABLE_ZOOM, maxZoom: FIT.maxZoom } as const;
/** Linear moves: d3's smooth flight zooms out mid-pan, below the readable floor. */
const PRESENTER_ZOOM = { minZoom: PRESENTER_MIN_ZOOM, maxZoom: PRESENTER_FIT.maxZoom, interpolate: 'linear' } as const;
/** styles.css `.ldetails` width. */
const DETAILS_WIDTH = 400;

/** Presenter mode opens on the container created last (the one just run), when not all fits. */
function newestContainerNode(model: LayersModel): string | null {
  let best: ContainerView | null = null;
  for (const { container: c } of model.containers) if (!best || c.createdAt > best.createdAt) best = c;
  return best ? containerNodeId(best.id) : null;
}

export default function LayersPanel() {
  return (
    <ReactFlowProvider>
      <LayersView />
    </ReactFlowProvider>
  );
}

function LayersView() {
  const t = useT();
  const { store } = usePlayground();
  const layers = useStoreValue((s) => s.layers);
  const images = useStoreValue((s) => s.images);
  const containers = useStoreValue((s) => s.containers);
  const builds = useStoreValue((s) => s.builds);
  const presenter = useStoreValue((s) => s.presenter);
  const reduced = useReducedMotion();
  const [selection, setSelection] = useState<LayersSelection>(null);
  const [opened, setOpened] = useState<ReadonlySet<string>>(() => new Set());
  const build = useMemo(() => latestBuild(builds), [builds]);
  const graph = useLayersGraph(layers, images, containers, build, selection, opened, presenter);

  // A selection whose layer or image went away (docker rmi) closes the pane.
  useEffect(() => {
    if (selection?.kind === 'layer' && !layers[selection.chainId]) setSelection(null);
    if (selection?.kind === 'image' && !images[selection.imageId]) setSelection(null);
  }, [selection, layers, images]);

  const actions = useMemo<LayersActions>(() => ({
    select: setSelection,
    toggleSegment: (id) => setOpened((old) => {
      const next = new Set(old);
      if (!next.delete(id)) next.add(id);
      return next;
    }),
    openOverlay: (containerId) => {
      store.getState().select({ kind: 'container', id: containerId });
      store.getState().showView('main', 'overlay');
    },
  }), [store]);
  const close = useCallback(() => setSelection(null), []);

  const ariaLabelConfig = useMemo(() => ({
    'node.a11yDescription.default': t('layers.nodeHelp'),
    'node.a11yDescription.keyboardDisabled': t('layers.nodeHelp'),
    'edge.a11yDescription.default': t('layers.edgeHelp'),
    'controls.ariaLabel': t('flow.controls'),
    'controls.zoomIn.ariaLabel': t('flow.zoomIn'),
    'controls.zoomOut.ariaLabel': t('flow.zoomOut'),
    'controls.fitView.ariaLabel': t('flow.fit'),
    'controls.interactive.ariaLabel': t('flow.lock'),
  }), [t]);

  const wrapper = useRef<HTMLDivElement>(null);
  const selectedNode = selection
    ? (selection.kind === 'image' ? (graph.model.images.find((i) => i.image.id === selection.imageId)?.parent ?? null) : graph.model.segmentOf.get(selection.chainId) ?? null)
    : null;
  const { userMoved, onMove } = useCamera(
    wrapper, graph.key, graph.placed.nodes, presenter ? PRESENTER_ZOOM : DESK_ZOOM, reduced, selectedNode, DETAILS_WIDTH,
    presenter ? newestContainerNode(graph.model) : null,
  );

  const empty = graph.model.images.length === 0;
  return (
    <LayersActionsContext value={actions}>
      <div className={`layers${reduced ? ' layers--still' : ''}`}>
        {build && <BuildStrip build={build} />}
        <div className="layers__flow" ref={wrapper}>
          {empty && <p className="empty">{t('layers.empty')}</p>}
          {!empty && <LayersSummary id="layers-summary" />}
          {!empty && (
            <ReactFlow<LayersNode>
              aria-label={t('a11y.layersDiagram')}
              aria-describedby="layers-summary"
              nodes={graph.nodes}
              edges={graph.edges}
              nodeTypes={nodeTypes}
              onMove={onMove}
              nodesDraggable={false}
              nodesConnectable={false}
              nodesFocusable={false}
              edgesFocusable={false}
              elementsSelectable={false}
              panOnScroll
              zoomOnDoubleClick={false}
              minZoom={0.1}
              maxZoom={2.5}
              colorMode="dark"
              ariaLabelConfig={ariaLabelConfig}
              onlyRenderVisibleElements={graph.nodes.length > 300}
            >
              <Background variant={BackgroundVariant.Dots} gap={28} size={1.6} color="#2b3340" />
              <Controls showInteractive={false} position="bottom-left" fitViewOptions={presenter ? PRESENTER_FIT : FIT} onFitView={() => { userMoved.current = false; }} />
            </ReactFlow>
          )}
        </div>
        {selection && <LayerDetails selection={selection} onClose={close} />}
      </div>
    </LayersActionsContext>
  );
}

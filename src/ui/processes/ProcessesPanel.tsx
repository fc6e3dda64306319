/**
 * The Processes panel: the host process tree with each container's PID namespace drawn as a box
 * around its processes (design.md §4). Lazy-loaded (React Flow, dagre, framer-motion).
 *
 * React Flow hygiene (style.md): node types at module scope, memo'd nodes, layout recomputed only
 * when the structure key changes, node objects reused while their inputs are unchanged.
 */
import '@xyflow/react/dist/style.css';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import {
  Background, BackgroundVariant, Controls, ReactFlow, ReactFlowProvider, useReactFlow,
  type Edge, type NodeChange, type NodeMouseHandler, type NodeTypes, type OnMove,
} from '@xyflow/react';
import { MotionConfig } from 'framer-motion';
import type { ContainerView, ProcessView } from '../../engine/snapshot.ts';
import type { Selection } from '../../store/index.ts';
import type { Translate } from '../../i18n/index.ts';
import { usePlayground, useStoreValue, useT } from '../context.ts';
import { containerColor, registerContainers } from '../containerColors.ts';
import { useReducedMotion } from '../reducedMotion.ts';
import { FADE_MS, batchExpiry, killMarks, type Ghost, type KillMark } from './departures.ts';
import { DetailsPane } from './DetailsPane.tsx';
import { boxOf, cameraFor, PRESENTER_MIN_ZOOM, type Box } from '../flowCamera.ts';
import { DESK_SIZES, PRESENTER_SIZES, layoutProcesses, structureKey, topLevelRects, type PlacedBox, type ProcessLayout, type ProcessSizes } from './layout.ts';
import { NamespaceNode } from './NamespaceNode.tsx';
import { ProcessSummary } from './ProcessSummary.tsx';
import { ProcessNode } from './ProcessNode.tsx';
import type { DiagramNode, NamespaceNodeType, ProcessNodeType } from './nodeTypes.ts';
import { useDisplayedProcesses, type Displayed } from './useDisplayedProcesses.ts';
import { capProcesses, MORE_PREFIX, type Folded } from './aggregate.ts';

const nodeTypes = { process: ProcessNode, namespace: NamespaceNode } satisfies NodeTypes;
const FIT = { padding: 0.04, maxZoom: 1.15, minZoom: 0.1 } as const;
/**
 * Presenter mode: its node type is sized for zoom ≥ 1 (flowCamera.ts); a tree wider than the
 * panel pans to what just appeared instead of shrinking, and the fit button keeps that floor.
 */
const PRESENTER_FIT = { padding: 0.04, maxZoom: 1.25, minZoom: PRESENTER_MIN_ZOOM } as const;
const BOX_PREFIX = 'ns:';
const NO_FOLDED: ReadonlyMap<string, Folded> = new Map();

export default function ProcessesPanel() {
  return (
    <ReactFlowProvider>
      <MotionConfig reducedMotion="user">
        <ProcessesView />
      </MotionConfig>
    </ReactFlowProvider>
  );
}

function selectionOf(nodeId: string): Selection {
  return nodeId.startsWith(BOX_PREFIX) ? { kind: 'container', id: nodeId.slice(BOX_PREFIX.length) } : { kind: 'process', id: nodeId };
}

function ProcessesView() {
  const t = useT();
  const { store } = usePlayground();
  const processes = useStoreValue((s) => s.processes);
  const containers = useStoreValue((s) => s.containers);
  const events = useStoreValue((s) => s.events);
  const selection = useStoreValue((s) => s.selection);
  const reduced = useReducedMotion();
  const presenter = useStoreValue((s) => s.presenter);
  const sizes = presenter ? PRESENTER_SIZES : DESK_SIZES;

  const marks = useMemo(() => killMarks(events), [events]);
  // A fork bomb's thousands of processes are folded into one node per box (aggregate.ts), before
  // ghosts are tracked; the processes drawn last time stay drawn while they live.
  const drawn = useRef<ReadonlySet<string>>(new Set());
  const capped = useMemo(() => capProcesses(processes, undefined, drawn.current), [processes]);
  useEffect(() => {
    drawn.current = new Set(Object.keys(capped.processes));
  }, [capped]);
  const shown = useDisplayedProcesses(capped.processes, marks, reduced);
  // No ghosts in a folded box: its processes come and go by the thousand.
  const displayed = useMemo(() => withoutCrowdGhosts(shown, capped.folded), [shown, capped.folded]);
  const key = useMemo(() => structureKey(displayed.records), [displayed.records]);
  // Keyed on the structure (and presenter mode's larger nodes) only: a process changing state never moves anything.
  const layout = useMemo(() => layoutProcesses(displayed.records, sizes), [key, sizes]);
  const rects = useMemo(() => topLevelRects(layout, sizes), [layout, sizes]);
  const known = useKnownContainers(containers);
  const nodes = useDiagramNodes(displayed.records, displayed.ghosts, layout, sizes, known, marks, selection, reduced, t, capped.folded);
  // An edge's accessible name says who started whom (React Flow's default is "Edge from p1 to p302").
  const byId = useMemo(() => new Map(displayed.records.map((p) => [p.id, p])), [displayed.records]);
  const edgeEnd = useCallback((id: string) => {
    const p = byId.get(id);
    return p ? `${p.comm} (${t('proc.pid', { pid: p.hostPid })})` : id;
  }, [byId, t]);
  const edges = useMemo<Edge[]>(
    () => layout.links.map((l) => ({
      id: l.id, source: l.source, target: l.target, type: 'smoothstep', selectable: false, focusable: false,
      ariaLabel: t(l.kind === 'launcher' ? 'a11y.procEdgeLauncher' : 'a11y.procEdgeParent', { parent: edgeEnd(l.source), child: edgeEnd(l.target) }),
      // React Flow lifts an edge into a box above the box; -1 puts it back under, so the box's label stays on top.
      ...(layout.processes[l.target]?.box ? { zIndex: -1 } : {}),
      className: [l.kind === 'launcher' ? 'edge--launcher' : '', displayed.ghosts.has(l.target) ? 'edge--gone' : ''].join(' ').trim() || undefined,
    })),
    [layout, displayed.ghosts, edgeEnd, t],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<DiagramNode>[]) => {
      for (const change of changes) if (change.type === 'select' && change.selected) store.getState().select(selectionOf(change.id));
    },
    [store],
  );
  const onNodeClick = useCallback<NodeMouseHandler<DiagramNode>>((_, node) => store.getState().select(selectionOf(node.id)), [store]);
  const onPaneClick = useCallback(() => store.getState().select(null), [store]);
  const ariaLabelConfig = useMemo(
    () => ({
      'node.a11yDescription.default': t('flow.nodeHelp'),
      'node.a11yDescription.keyboardDisabled': t('flow.nodeHelp'),
      'edge.a11yDescription.default': t('flow.edgeHelp'),
      'controls.ariaLabel': t('flow.controls'),
      'controls.zoomIn.ariaLabel': t('flow.zoomIn'),
      'controls.zoomOut.ariaLabel': t('flow.zoomOut'),
      'controls.fitView.ariaLabel': t('flow.fit'),
      'controls.interactive.ariaLabel': t('flow.lock'),
    }),
    [t],
  );

  const wrapper = useRef<HTMLDivElement>(null);
  const newest = useMemo(() => newestContainer(containers), [containers]);
  const { userMoved, onMove, refit } = useAutoFit(wrapper, key, rects, presenter ? newest : null, presenter, reduced);
  useKeepClearOfDetails(wrapper, selection, reduced);
  const detailsOpen = selection !== null;
  useEffect(() => {
    if (!detailsOpen) refit(); // back to the whole picture once the pane closes
  }, [detailsOpen, refit]);

  return (
    <div className="processes">
      <div className="processes__flow" ref={wrapper}>
        {nodes.length === 0 && <p className="empty">{t('proc.empty')}</p>}
        <ProcessSummary id="processes-summary" />
        <ReactFlow<DiagramNode>
          aria-label={t('a11y.procDiagram')}
          aria-describedby="processes-summary"
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          onNodesChange={onNodesChange}
          onNodeClick={onNodeClick}
          onPaneClick={onPaneClick}
          onMove={onMove}
          nodesDraggable={false}
          nodesConnectable={false}
          edgesFocusable={false}
          elementsSelectable
          selectNodesOnDrag={false}
          fitView
          fitViewOptions={FIT}
          minZoom={0.1}
          maxZoom={2.5}
          colorMode="dark"
          ariaLabelConfig={ariaLabelConfig}
          proOptions={{ hideAttribution: false }}
          onlyRenderVisibleElements={nodes.length > 300}
        >
          <Background variant={BackgroundVariant.Dots} gap={28} size={1.6} color="#2b3340" />
          <Controls
            showInteractive={false}
            position="bottom-left"
            fitViewOptions={presenter ? PRESENTER_FIT : FIT}
            onFitView={() => {
              userMoved.current = false;
            }}
          />
        </ReactFlow>
      </div>
      <DetailsPane />
      <RefitOnLanguage refit={refit} />
    </div>
  );
}

/** Labels change width with the language; refit so nothing gets cut. */
function RefitOnLanguage({ refit }: { refit: () => void }) {
  const lang = useStoreValue((s) => s.lang);
  useEffect(() => refit(), [lang, refit]);
  return null;
}

/**
 * Fits the diagram when its structure or the panel size changes, until the learner pans or zooms
 * by hand; the Controls' fit button hands control back. In presenter mode the zoom never drops
 * below `PRESENTER_MIN_ZOOM`: a tree too wide for the panel is centred on what appeared last (a
 * new container's shim and box) and the rest is a pan away.
 */
function useAutoFit(
  wrapper: React.RefObject<HTMLDivElement | null>, key: string, rects: ReadonlyMap<string, PlacedBox>, newest: string | null,
  presenter: boolean, reduced: boolean,
) {
  const { fitView, setViewport } = useReactFlow();
  const userMoved = useRef(false);
  const seen = useRef<ReadonlySet<string> | null>(null);
  const focus = useRef<Box | null>(null);
  // onMove, not onMoveStart: d3-zoom starts a gesture on every mousedown, even a plain click.
  const onMove = useCallback<OnMove>((event) => {
    if (event) userMoved.current = true;
  }, []);
  // Entering or leaving presenter mode re-frames the diagram whatever the learner did by hand.
  useEffect(() => {
    userMoved.current = false;
  }, [presenter]);
  useEffect(() => {
    // Focus on what appeared since the last structure; a departure keeps the old focus.
    const before = seen.current;
    seen.current = new Set(rects.keys());
    if (!before) {
      // Opening the view: start from the newest container's box.
      const box = newest ? rects.get(`${BOX_PREFIX}${newest}`) : undefined;
      focus.current = box ? boxOf([box]) : null;
      return;
    }
    const added = [...rects.entries()].filter(([id]) => !before.has(id)).map(([, r]) => r);
    if (added.length) focus.current = boxOf(added);
  }, [rects, newest]);
  const refit = useCallback(() => {
    if (userMoved.current) return;
    const duration = reduced ? 0 : 300;
    requestAnimationFrame(() => {
      if (!presenter) return void fitView({ ...FIT, duration });
      const el = wrapper.current;
      const all = boxOf(rects.values());
      if (!el || !all || el.clientWidth === 0) return;
      const zoom = { minZoom: PRESENTER_FIT.minZoom, maxZoom: PRESENTER_FIT.maxZoom };
      // Linear: d3's smooth flight zooms out mid-pan, below the readable floor.
      void setViewport(cameraFor(all, focus.current, el.clientWidth, el.clientHeight, zoom), { duration, interpolate: 'linear' });
    });
  }, [fitView, setViewport, wrapper, rects, presenter, reduced]);
  useEffect(() => refit(), [key, refit]);
  useEffect(() => {
    const el = wrapper.current;
    if (!el) return;
    const observer = new ResizeObserver(() => refit());
    observer.observe(el);
    return () => observer.disconnect();
  }, [wrapper, refit]);
  return { userMoved, onMove, refit };
}

/** The id of the container created last (the one a presenter just ran), or null. */
function newestContainer(containers: Readonly<Record<string, ContainerView>>): string | null {
  let best: ContainerView | null = null;
  for (const c of Object.values(containers)) if (!best || c.createdAt > best.createdAt || (c.createdAt === best.createdAt && c.id > best.id)) best = c;
  return best?.id ?? null;
}

/** Width the details pane covers on the right of the diagram (styles.css .details). */
const DETAILS_WIDTH = 370;
const CLEARANCE = 24;

/**
 * The details pane lies over the diagram's right side; when the selected node would sit under it,
 * pan left just enough (same zoom: the diagram stays readable from the back row).
 */
function useKeepClearOfDetails(wrapper: React.RefObject<HTMLDivElement | null>, selection: Selection, reduced: boolean) {
  const { getInternalNode, getViewport, setViewport } = useReactFlow();
  useEffect(() => {
    if (!selection) return;
    const id = selection.kind === 'process' ? selection.id : `${BOX_PREFIX}${selection.id}`;
    const frame = requestAnimationFrame(() => {
      const node = getInternalNode(id);
      const el = wrapper.current;
      if (!node || !el) return;
      const { x, y, zoom } = getViewport();
      const width = (node.measured.width ?? node.width ?? 0) * zoom;
      const right = node.internals.positionAbsolute.x * zoom + x + Math.min(width, el.clientWidth - DETAILS_WIDTH - 2 * CLEARANCE);
      const limit = el.clientWidth - DETAILS_WIDTH - CLEARANCE;
      if (right > limit) void setViewport({ x: x - (right - limit), y, zoom }, { duration: reduced ? 0 : 250 });
    });
    return () => cancelAnimationFrame(frame);
  }, [selection, wrapper, getInternalNode, getViewport, setViewport, reduced]);
}

/** The last record seen of each container, so a box can keep its label while it fades out. */
function useKnownContainers(containers: Readonly<Record<string, ContainerView>>): ReadonlyMap<string, ContainerView> {
  const known = useRef(new Map<string, ContainerView>());
  return useMemo(() => {
    const list = Object.values(containers);
    registerContainers(list);
    for (const c of list) known.current.set(c.id, c);
    return new Map(known.current);
  }, [containers]);
}

/**
 * Builds React Flow nodes, reusing the previous node object whenever nothing it shows changed:
 * React Flow and the memo'd node components then skip it entirely.
 */
function useDiagramNodes(
  records: readonly ProcessView[], ghosts: ReadonlyMap<string, Ghost>, layout: ProcessLayout, sizes: ProcessSizes, known: ReadonlyMap<string, ContainerView>,
  marks: ReadonlyMap<number, KillMark>, selection: Selection, reduced: boolean, t: Translate, folded: ReadonlyMap<string, Folded> = NO_FOLDED,
): DiagramNode[] {
  const cache = useRef(new Map<string, DiagramNode>());
  return useMemo(() => {
    const previous = cache.current;
    const next = new Map<string, DiagramNode>();
    // Ghosts leave as one batch (departures.ts), so they all fade together.
    const due = batchExpiry(ghosts, marks, reduced);
    const fadeAtOf = (record: ProcessView): number | null => (due !== null && ghosts.has(record.id) ? due - FADE_MS : null);

    const hostNodes: DiagramNode[] = [];
    const members = new Map<string, ProcessView[]>();
    for (const record of records) {
      if (!layout.processes[record.id]) continue;
      if (record.containerId) {
        let list = members.get(record.containerId);
        if (!list) members.set(record.containerId, (list = []));
        list.push(record);
      } else hostNodes.push(processNode(record, null, null));
    }

    function processNode(record: ProcessView, box: string | null, color: string | null): ProcessNodeType {
      const at = layout.processes[record.id]!;
      const more = folded.get(record.id);
      if (more) {
        // The stand-in for a crowd of processes: not selectable (it is no one process).
        const node: ProcessNodeType = {
          id: record.id, type: 'process', position: { x: at.x, y: at.y }, ...(box ? { parentId: box } : {}),
          data: { process: record, mark: null, fadeAt: null, color, more },
          width: sizes.nodeWidth, height: sizes.nodeHeight, selectable: false, draggable: false,
          ariaLabel: t('proc.more', { count: more.count, comm: more.comm }),
        };
        next.set(record.id, node);
        return node;
      }
      const mark = marks.get(record.hostPid) ?? null;
      const shownMark = mark && (mark.kind === 'oom' || ghosts.has(record.id) || record.state === 'Z') ? mark : null;
      const fadeAt = fadeAtOf(record);
      const selected = selection?.kind === 'process' && selection.id === record.id;
      const command = record.args || record.comm;
      const ariaLabel = record.nsPid === null
        ? t('proc.aria', { command, pid: record.hostPid })
        : t('proc.ariaNs', { command, pid: record.hostPid, ns: record.nsPid });
      const old = previous.get(record.id) as ProcessNodeType | undefined;
      if (
        old && old.data.process === record && old.position.x === at.x && old.position.y === at.y && old.parentId === (box ?? undefined) && old.width === sizes.nodeWidth &&
        old.selected === selected && old.data.fadeAt === fadeAt && old.data.color === color && old.ariaLabel === ariaLabel &&
        sameMark(old.data.mark, shownMark)
      ) {
        next.set(record.id, old);
        return old;
      }
      const node: ProcessNodeType = {
        id: record.id,
        type: 'process',
        position: { x: at.x, y: at.y },
        ...(box ? { parentId: box } : {}),
        data: { process: record, mark: shownMark, fadeAt, color },
        width: sizes.nodeWidth,
        height: sizes.nodeHeight,
        selected,
        draggable: false,
        ariaLabel,
        className: fadeAt !== null ? 'rf-gone' : undefined,
      };
      next.set(record.id, node);
      return node;
    }

    const result: DiagramNode[] = [...hostNodes];
    const boxOrder = [...members.entries()].sort((a, b) => a[1][0]!.hostPid - b[1][0]!.hostPid);
    for (const [containerId, list] of boxOrder) {
      const box = layout.boxes[containerId];
      if (!box) continue;
      const container = known.get(containerId) ?? null;
      const color = containerColor(containerId);
      const allGone = list.every((r) => ghosts.has(r.id));
      const fadeAt = allGone ? fadeAtOf(list[0]!) : null;
      const id = `${BOX_PREFIX}${containerId}`;
      const selected = selection?.kind === 'container' && selection.id === containerId;
      const pidNamespace = container?.pidNamespace ?? list[0]!.namespaces.pid;
      const ariaLabel = t('proc.nsAria', { name: container?.name ?? containerId.slice(0, 12), ns: pidNamespace });
      const old = previous.get(id) as NamespaceNodeType | undefined;
      let node: NamespaceNodeType;
      if (
        old && old.data.container === container && old.position.x === box.x && old.position.y === box.y && old.width === box.width &&
        old.height === box.height && old.selected === selected && old.data.fadeAt === fadeAt && old.data.processCount === list.length &&
        old.ariaLabel === ariaLabel
      ) node = old;
      else {
        node = {
          id,
          type: 'namespace',
          position: { x: box.x, y: box.y },
          data: { containerId, container, pidNamespace, color, processCount: list.length, fadeAt },
          width: box.width,
          height: box.height,
          selected,
          draggable: false,
          ariaLabel,
          className: fadeAt !== null ? 'rf-gone' : undefined,
        };
      }
      next.set(id, node);
      result.push(node);
      for (const record of list) result.push(processNode(record, id, color));
    }
    cache.current = next;
    return result;
  }, [records, ghosts, layout, sizes, known, marks, selection, reduced, t, folded]);
}

function withoutCrowdGhosts(d: Displayed, folded: ReadonlyMap<string, Folded>): Displayed {
  if (folded.size === 0 || d.ghosts.size === 0) return d;
  const crowded = new Set([...folded.keys()].map((id) => id.slice(MORE_PREFIX.length)));
  const gone = (r: ProcessView) => d.ghosts.has(r.id) && r.containerId !== null && crowded.has(r.containerId);
  if (!d.records.some(gone)) return d;
  return { records: d.records.filter((r) => !gone(r)), ghosts: new Map([...d.ghosts].filter(([, g]) => !gone(g.record))) };
}

function sameMark(a: KillMark | null, b: KillMark | null): boolean {
  if (a === b) return true;
  if (!a || !b || a.kind !== b.kind) return false;
  return a.kind === 'oom' || (b.kind === 'signal' && a.signal === b.signal);
}

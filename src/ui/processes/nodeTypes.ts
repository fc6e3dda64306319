import type { Node } from '@xyflow/react';
import type { ContainerView, ProcessView } from '../../engine/snapshot.ts';
import type { KillMark } from './departures.ts';

export type ProcessNodeData = {
  readonly process: ProcessView;
  /** Set when the kernel killed it (events), shown as a red mark. */
  readonly mark: KillMark | null;
  /** performance.now() when the node starts fading out, null while alive. */
  readonly fadeAt: number | null;
  /** The namespace colour, null on the host. */
  readonly color: string | null;
  /** Set on the stand-in for processes folded away (aggregate.ts): how many, and their name. */
  readonly more?: { readonly count: number; readonly comm: string };
};

export type NamespaceNodeData = {
  readonly containerId: string;
  /** The last known record (the container may already be removed while its box fades). */
  readonly container: ContainerView | null;
  readonly pidNamespace: string | null;
  readonly color: string;
  readonly processCount: number;
  readonly fadeAt: number | null;
};

export type ProcessNodeType = Node<ProcessNodeData, 'process'>;
export type NamespaceNodeType = Node<NamespaceNodeData, 'namespace'>;
export type DiagramNode = ProcessNodeType | NamespaceNodeType;

import type { Node } from '@xyflow/react';
import type { ContainerView, ImageView, LayerView } from '../../engine/snapshot.ts';
import type { Lighting } from './buildLighting.ts';

/** Which image line is selected, and which one the latest build produced (shared by node kinds). */
type ImageMarks = {
  readonly selectedImageId: string | null;
  readonly builtImageId: string | null;
};

export type ScratchNodeData = ImageMarks & {
  /** Images with no layers (`FROM scratch` + metadata). */
  readonly images: readonly ImageView[];
};

export type SegmentNodeData = ImageMarks & {
  /** The segment's node id (for the expand toggle). */
  readonly id: string;
  /** All rows shown (else the first and last two, and a "+N more" row). */
  readonly expanded: boolean;
  /** Bottom → top. */
  readonly layers: readonly LayerView[];
  /** Position of the bottom layer in its chains (1 = base). */
  readonly firstPosition: number;
  /** Names of the images using it (a tag, or a short ID when untagged). */
  readonly usedBy: readonly string[];
  /** The selected layer's ChainID when it is in this segment, else null. */
  readonly selectedChainId: string | null;
  /** diff_id → lighting, only for this segment's layers. */
  readonly lighting: ReadonlyMap<string, Lighting>;
  /** Images ending with this segment's top layer (its footer). */
  readonly endImages: readonly ImageView[];
};

export type ContainerNodeData = {
  readonly container: ContainerView;
  readonly color: string;
};

export type ScratchNodeType = Node<ScratchNodeData, 'scratch'>;
export type SegmentNodeType = Node<SegmentNodeData, 'segment'>;
export type ContainerNodeType = Node<ContainerNodeData, 'container'>;
export type LayersNode = ScratchNodeType | SegmentNodeType | ContainerNodeType;

/** What the details pane shows. */
export type LayersSelection = { readonly kind: 'layer'; readonly chainId: string } | { readonly kind: 'image'; readonly imageId: string } | null;

import { createContext, useContext } from 'react';
import type { LayersSelection } from './nodeTypes.ts';

/** What the diagram's nodes can do, handed down by context (stable functions: memo'd nodes never re-render for them). */
export interface LayersActions {
  readonly select: (selection: LayersSelection) => void;
  /** Shows all the layers of a collapsed segment, or collapses it again. */
  readonly toggleSegment: (segmentId: string) => void;
  /** Shows a container's overlay (the Overlay tab). */
  readonly openOverlay: (containerId: string) => void;
}

export const LayersActionsContext = createContext<LayersActions | null>(null);

export function useLayersActions(): LayersActions {
  const actions = useContext(LayersActionsContext);
  if (!actions) throw new Error('useLayersActions outside the Layers panel');
  return actions;
}

/** The name an image goes by: its first tag, else docker's `<none>` with a short ID. */
export function imageName(image: { readonly id: string; readonly repoTags: readonly string[] }): string {
  return image.repoTags[0] ?? `<none> ${image.id.slice(image.id.indexOf(':') + 1, image.id.indexOf(':') + 13)}`;
}

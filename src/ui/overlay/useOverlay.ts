import { useEffect, useState } from 'react';
import type { OverlayInspection } from '../../engine/queries.ts';
import { usePlayground } from '../context.ts';

/**
 * A container's overlay, live: subscribes for as long as the view shows it (the host pushes a new
 * answer whenever the mount writes, at most once per frame) and unsubscribes on unmount.
 * `undefined` while the first answer is on its way; null when there is nothing to show.
 */
export function useOverlay(containerId: string | null): OverlayInspection | null | undefined {
  const { client } = usePlayground();
  const [state, setState] = useState<{ id: string; value: OverlayInspection | null } | null>(null);
  useEffect(() => {
    if (!containerId) return;
    return client.subscribe({ kind: 'overlay', containerId }, (result) => setState({ id: containerId, value: result.value }));
  }, [client, containerId]);
  if (!containerId) return null;
  return state?.id === containerId ? state.value : undefined;
}

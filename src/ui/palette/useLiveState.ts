import { useMemo } from 'react';
import { useStoreValue } from '../context.ts';
import type { LiveState } from './compose.ts';

/** The palette's view of the host: derived from the store's tables, recomputed when one changes. */
export function useLiveState(): LiveState {
  const images = useStoreValue((s) => s.images);
  const containers = useStoreValue((s) => s.containers);
  const networks = useStoreValue((s) => s.networks);
  const volumes = useStoreValue((s) => s.volumes);
  return useMemo(() => {
    const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    return {
      images: Object.values(images).flatMap((i) => i.repoTags).filter((tag) => !tag.startsWith('<none>')).sort(byName),
      containers: Object.values(containers)
        .map((c) => ({ name: c.name, running: c.status === 'running' }))
        .sort((a, b) => byName(a.name, b.name)),
      networks: Object.values(networks).filter((n) => !n.builtin).map((n) => n.name).sort(byName),
      volumes: Object.values(volumes).filter((v) => !v.anonymous).map((v) => v.id).sort(byName),
    };
  }, [images, containers, networks, volumes]);
}

import { useEffect, useMemo, useState } from 'react';
import type { ContainerView } from '../../engine/snapshot.ts';
import { useStoreValue } from '../context.ts';

/** Containers in creation order. */
export function sortedContainers(containers: Readonly<Record<string, ContainerView>>): ContainerView[] {
  return Object.values(containers).sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
}

/** The container to show by default: the selected one, else the newest running, else the newest. */
export function defaultContainer(list: readonly ContainerView[], selected: string | null): string | null {
  if (selected && list.some((c) => c.id === selected)) return selected;
  const running = list.filter((c) => c.status === 'running');
  return (running.at(-1) ?? list.at(-1))?.id ?? null;
}

/** Which container the Overlay view shows: the learner's choice, following the app's selection. */
export function useChosenContainer(): { list: ContainerView[]; chosen: string | null; choose: (id: string) => void } {
  const containers = useStoreValue((s) => s.containers);
  const selected = useStoreValue((s) => (s.selection?.kind === 'container' ? s.selection.id : null));
  const list = useMemo(() => sortedContainers(containers), [containers]);
  const [picked, setPicked] = useState<string | null>(null);
  // A container selected elsewhere (a click in Layers or Processes) becomes the one shown.
  useEffect(() => {
    if (selected) setPicked(selected);
  }, [selected]);
  const chosen = picked && containers[picked] ? picked : defaultContainer(list, selected);
  return { list, chosen, choose: setPicked };
}

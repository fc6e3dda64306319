/**
 * The Processes diagram in words (design.md §4, issue 6 "each diagram has a text equivalent"): the
 * containers with their image, status and how many processes their PID namespace holds, then the
 * host processes outside any container. React Flow's wrapper points at it with aria-describedby;
 * the element itself is `hidden`, so a screen reader hears it once, as the diagram's description.
 */
import { useMemo } from 'react';
import type { ContainerView, ProcessView } from '../../engine/snapshot.ts';
import type { Translate } from '../../i18n/index.ts';
import { useStoreValue, useT } from '../context.ts';
import { statusLabel } from '../labels.ts';

export function processSummary(t: Translate, containers: readonly ContainerView[], processes: readonly ProcessView[]): string {
  const counts = new Map<string, number>();
  let host = 0;
  for (const p of processes) {
    if (p.containerId === null) host += 1;
    else counts.set(p.containerId, (counts.get(p.containerId) ?? 0) + 1);
  }
  const ordered = [...containers].sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
  const list = ordered
    .map((c) => {
      const status = c.oomKilled ? `${statusLabel(t, c)}, ${t('proc.oomKilled')}` : statusLabel(t, c);
      return t('a11y.procContainer', { name: c.name, image: c.image, status, count: counts.get(c.id) ?? 0 });
    })
    .join('; ');
  const head = ordered.length === 0 ? t('a11y.procNoContainers') : t('a11y.procContainers', { count: ordered.length, list });
  return `${head}. ${t('a11y.procHost', { count: host })}.`;
}

export function ProcessSummary({ id }: { id: string }) {
  const t = useT();
  const containers = useStoreValue((s) => s.containers);
  const processes = useStoreValue((s) => s.processes);
  const text = useMemo(
    () => processSummary(t, Object.values(containers) as ContainerView[], Object.values(processes) as ProcessView[]),
    [t, containers, processes],
  );
  return <p id={id} hidden>{text}</p>;
}

/**
 * The Cgroups panel: one card per container with its cgroup v2 gauges (design.md §4). Lazy-loaded.
 * Cards subscribe to their own records; gauge samples reach the bars through transient
 * subscriptions into motion values, so the panel does not re-render per sample.
 */
import { MotionConfig } from 'framer-motion';
import { useShallowValue, useT } from '../context.ts';
import { registerContainers } from '../containerColors.ts';
import type { PlaygroundState } from '../../store/index.ts';
import { ContainerCard } from './ContainerCard.tsx';

/** Container ids in creation order (stable: a card never jumps when another changes state). */
function containerIds(s: PlaygroundState): string[] {
  const list = Object.values(s.containers);
  registerContainers(list);
  return list.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1)).map((c) => c.id);
}

export default function CgroupsPanel() {
  const t = useT();
  const ids = useShallowValue(containerIds);
  return (
    <MotionConfig reducedMotion="user">
      {ids.length === 0 ? (
        <p className="empty">{t('cg.empty')}</p>
      ) : (
        <ul className="cg-list">
          {ids.map((id) => (
            <li key={id}>
              <ContainerCard id={id} />
            </li>
          ))}
        </ul>
      )}
    </MotionConfig>
  );
}

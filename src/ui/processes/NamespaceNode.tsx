import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { motion } from 'framer-motion';
import { useT } from '../context.ts';
import { statusLabel } from '../labels.ts';
import { FADE_MS } from './departures.ts';
import type { NamespaceNodeType } from './nodeTypes.ts';

/** A container's PID namespace: a labelled box around its processes (a React Flow parent node). */
function NamespaceNodeView({ data, selected }: NodeProps<NamespaceNodeType>) {
  const t = useT();
  const { container, pidNamespace, color, fadeAt } = data;
  const fading = fadeAt !== null;
  const delay = fading ? Math.max(0, fadeAt - performance.now()) / 1000 : 0;
  const stopped = container && container.status !== 'running' && container.status !== 'paused';
  return (
    <motion.div
      className={`nsbox${selected ? ' nsbox--selected' : ''}${stopped || fading ? ' nsbox--stopped' : ''}`}
      style={{ '--accent': color } as React.CSSProperties}
      initial={{ opacity: 0 }}
      animate={fading ? { opacity: 0, scale: 0.97, transition: { delay, duration: FADE_MS / 1000 } } : { opacity: 1, scale: 1 }}
      transition={{ duration: 0.3 }}
    >
      <div className="nsbox__label">
        <span className="nsbox__name">{container?.name ?? data.containerId.slice(0, 12)}</span>
        {stopped && container && <span className="nsbox__status">{statusLabel(t, container)}</span>}
        {container?.oomKilled && <span className="nsbox__badge">{t('cg.oomKilled')}</span>}
        {container && <span className="nsbox__image">{container.image}</span>}
      </div>
      <div className="nsbox__ns">
        {t('proc.nsBox')} <span className="mono">{pidNamespace ?? ''}</span>
      </div>
    </motion.div>
  );
}

export const NamespaceNode = memo(NamespaceNodeView);

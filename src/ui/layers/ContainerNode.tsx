import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { useT } from '../context.ts';
import { statusLabel } from '../labels.ts';
import { useLayersActions } from './actions.ts';
import { dockerSize } from './humanSize.ts';
import type { ContainerNodeType } from './nodeTypes.ts';

/** A container standing on its image: its own read-write layer on top, its name in its colour. */
function ContainerNodeView({ data }: NodeProps<ContainerNodeType>) {
  const t = useT();
  const { openOverlay } = useLayersActions();
  const { container: c, color } = data;
  const running = c.status === 'running' || c.status === 'paused';
  return (
    <div className={`lctr${running ? '' : ' lctr--stopped'}`} style={{ '--accent': color } as React.CSSProperties}>
      <Handle type="target" position={Position.Top} isConnectable={false} className="proc__handle" />
      <button
        type="button"
        className="lctr__button nodrag nopan"
        aria-label={t('layers.containerAria', { name: c.name, image: c.image, size: dockerSize(c.rwSize) })}
        title={t('panel.overlay')}
        onClick={() => openOverlay(c.id)}
      >
        <span className="lctr__rw">
          <span>{t('layers.rw')}</span>
          <span className="mono">{dockerSize(c.rwSize)}</span>
        </span>
        <span className="lctr__name">{c.name}</span>
        <span className="lctr__status">{statusLabel(t, c)}</span>
      </button>
    </div>
  );
}

export const ContainerNode = memo(ContainerNodeView);

import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { LayerView } from '../../engine/snapshot.ts';
import type { Translate } from '../../i18n/index.ts';
import { useT } from '../context.ts';
import { useLayersActions } from './actions.ts';
import type { Lighting } from './buildLighting.ts';
import { dockerSize, shortCreatedBy } from './humanSize.ts';
import { ImageLine } from './ImageLine.tsx';
import { COLLAPSE_ABOVE } from './layout.ts';
import type { SegmentNodeType } from './nodeTypes.ts';

function lightingLabel(t: Translate, l: Lighting): string {
  switch (l) {
    case 'running': return t('build.step.running');
    case 'done': return t('build.step.done');
    case 'cached': return t('build.step.cached');
    case 'error': return t('build.step.error');
  }
}

/**
 * A run of layers drawn as one stack, bottom layer first (the flow goes down from scratch), with
 * the images that end there as its footer. Each row is a button: selecting it lists the layer's
 * files. A segment used by several images carries a "shared" badge and a distinct border: the
 * images branch below it. Long runs show their first and last two layers until expanded.
 */
function SegmentNodeView({ data }: NodeProps<SegmentNodeType>) {
  const t = useT();
  const { select, toggleSegment } = useLayersActions();
  const { id, layers, firstPosition, usedBy, selectedChainId, lighting, endImages, selectedImageId, builtImageId, expanded } = data;
  const onScratch = firstPosition === 1;
  const shared = usedBy.length > 1;
  const collapsible = layers.length > COLLAPSE_ABOVE;
  const hidden = collapsible && !expanded ? layers.slice(2, -2) : [];
  const shown: (LayerView | 'more')[] = hidden.length ? [layers[0]!, layers[1]!, 'more', ...layers.slice(-2)] : [...layers];

  const row = (l: LayerView) => {
    const position = firstPosition + layers.indexOf(l);
    const light = lighting.get(l.diffId);
    const selected = l.id === selectedChainId;
    const what = l.createdBy ? shortCreatedBy(l.createdBy) : t('layers.noHistory');
    return (
      <li key={l.id}>
        <button
          type="button"
          className={`lrow nodrag nopan${selected ? ' lrow--selected' : ''}${light ? ` lrow--${light}` : ''}`}
          aria-pressed={selected}
          aria-label={t('layers.rowAria', { position, createdBy: what.length > 90 ? `${what.slice(0, 90)}…` : what, size: dockerSize(l.size) })}
          title={l.createdBy}
          onClick={() => select(selected ? null : { kind: 'layer', chainId: l.id })}
        >
          <span className="lrow__pos" aria-hidden="true">{position}</span>
          <span className="lrow__what">{what}</span>
          {light && <span className={`lrow__light lrow__light--${light}`}>{lightingLabel(t, light)}</span>}
          <span className="lrow__size">{dockerSize(l.size)}</span>
        </button>
      </li>
    );
  };

  return (
    <div className={`lseg${shared ? ' lseg--shared' : ''}`}>
      <Handle type="target" position={Position.Top} isConnectable={false} className="proc__handle" />
      <div className="lseg__head">
        {onScratch && <span className="lseg__scratch mono" title={t('layers.scratchHint')}>scratch ▸</span>}
        {collapsible ? (
          <button type="button" className="lseg__toggle nodrag nopan" aria-expanded={expanded} onClick={() => toggleSegment(id)}>
            <span aria-hidden="true">{expanded ? '▾' : '▸'}</span> {t('layers.layerCount', { count: layers.length })}
          </button>
        ) : (
          <span className="lseg__count">{t('layers.layerCount', { count: layers.length })}</span>
        )}
        {shared ? (
          <span className="lseg__shared" title={usedBy.join(', ')}>{t('layers.shared', { count: usedBy.length })}</span>
        ) : (
          <span className="lseg__owner">{usedBy[0] ?? ''}</span>
        )}
      </div>
      <ol className="lseg__rows">
        {shown.map((l) => l === 'more' ? (
          <li key="more">
            <button type="button" className="lrow lrow--more nodrag nopan" onClick={() => toggleSegment(id)}>
              <span className="lrow__pos" aria-hidden="true">⋮</span>
              <span className="lrow__what">{t('layers.more', { count: hidden.length })}</span>
              <span className="lrow__size">{dockerSize(hidden.reduce((sum, h) => sum + h.size, 0))}</span>
            </button>
          </li>
        ) : row(l))}
      </ol>
      {endImages.length > 0 && (
        <div className="lseg__images">
          {endImages.map((image) => <ImageLine key={image.id} image={image} selected={image.id === selectedImageId} built={image.id === builtImageId} />)}
        </div>
      )}
      <Handle type="source" position={Position.Bottom} isConnectable={false} className="proc__handle" />
    </div>
  );
}

export const SegmentNode = memo(SegmentNodeView);

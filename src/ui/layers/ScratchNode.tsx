import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { useT } from '../context.ts';
import { ImageLine } from './ImageLine.tsx';
import type { ScratchNodeType } from './nodeTypes.ts';

/** `scratch`: the empty image every chain starts from (and the images that add no layer to it). */
function ScratchNodeView({ data }: NodeProps<ScratchNodeType>) {
  const t = useT();
  return (
    <div className="lscratch">
      <div className="lscratch__label">
        <span className="lscratch__name mono">{t('layers.scratch')}</span>
        <span className="lscratch__hint">{t('layers.scratchHint')}</span>
      </div>
      {data.images.map((image) => <ImageLine key={image.id} image={image} selected={image.id === data.selectedImageId} built={image.id === data.builtImageId} />)}
      <Handle type="source" position={Position.Bottom} isConnectable={false} className="proc__handle" />
    </div>
  );
}

export const ScratchNode = memo(ScratchNodeView);

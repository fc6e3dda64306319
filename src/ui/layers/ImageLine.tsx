import { useT } from '../context.ts';
import { useLayersActions } from './actions.ts';
import { dockerSize, shortDigest } from './humanSize.ts';
import type { ImageView } from '../../engine/snapshot.ts';

/**
 * An image, at the foot of the layer it ends with: its tags as chips, its ID and size. A button:
 * selecting it shows the image's efficiency.
 */
export function ImageLine({ image, selected, built }: { image: ImageView; selected: boolean; built: boolean }) {
  const t = useT();
  const { select } = useLayersActions();
  const none = t('layers.untagged');
  const tags = image.repoTags.length ? image.repoTags : [`${none}:${none}`];
  return (
    <button
      type="button"
      className={`limg nodrag nopan${selected ? ' limg--selected' : ''}${built ? ' limg--built' : ''}`}
      aria-pressed={selected}
      aria-label={t('layers.imageAria', { tags: tags.join(', '), layers: t('layers.layerCount', { count: image.chain.length }), size: dockerSize(image.size) })}
      onClick={() => select(selected ? null : { kind: 'image', imageId: image.id })}
    >
      <span className="limg__tags">
        {tags.map((tag) => <span key={tag} className="chip">{tag}</span>)}
      </span>
      <span className="limg__meta">
        <span className="mono">{shortDigest(image.id)}</span>
        <span className="limg__size">{dockerSize(image.size)}</span>
      </span>
    </button>
  );
}

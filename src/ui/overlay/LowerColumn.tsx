import type { OverlayLowerView, OverlayUpperEntry } from '../../engine/queries.ts';
import { useT } from '../context.ts';
import { dockerSize, shortCreatedBy } from '../layers/humanSize.ts';
import { longLayer, shortLayer } from './labels.ts';

/**
 * The read-only lower dirs, top first (the order overlayfs searches them): the container's init
 * layer, then its image's layers. Under each, the files the upper dir took from it (copied up)
 * or hides (whited out), so the learner sees where every change came from.
 */
export function LowerColumn({ lowers, upper }: { lowers: readonly OverlayLowerView[]; upper: readonly OverlayUpperEntry[] }) {
  const t = useT();
  const touched = new Map<number, OverlayUpperEntry[]>();
  for (const u of upper) {
    if (u.layer === null || (u.kind !== 'copied-up' && u.kind !== 'whiteout')) continue;
    let list = touched.get(u.layer);
    if (!list) touched.set(u.layer, (list = []));
    list.push(u);
  }
  return (
    <ol className="ov-lowers">
      {lowers.map((l) => (
        <li key={l.index} className={`ov-lower ov-lower--${l.role}`} data-lower={l.index}>
          <div className="ov-lower__head" title={l.createdBy || undefined}>
            <span className="ov-lower__tag" aria-label={longLayer(t, l)}>{shortLayer(t, l)}</span>
            <span className="ov-lower__what">{l.role === 'init' ? t('overlay.initHint') : shortCreatedBy(l.createdBy) || t('layers.noHistory')}</span>
            {l.role === 'image' && <span className="ov-lower__size">{dockerSize(l.size)}</span>}
          </div>
          {touched.get(l.index)?.map((u) => (
            <div key={u.path} className={`ov-lower__file ov-lower__file--${u.kind}`} data-lower-file={`${l.index}:${u.hides}`}>
              <span className="mono">{u.hides}</span>
              <span className="ov-lower__mark">{u.kind === 'copied-up' ? t('overlay.copiedUp') : t('overlay.hidden')}</span>
            </div>
          ))}
        </li>
      ))}
    </ol>
  );
}

import type { OverlayLowerView, OverlayUpperEntry } from '../../engine/queries.ts';
import type { Translate } from '../../i18n/index.ts';
import { useT } from '../context.ts';
import { dockerSize } from '../layers/humanSize.ts';
import { longLayer, shortLayer } from './labels.ts';

function describe(t: Translate, u: OverlayUpperEntry, lowers: readonly OverlayLowerView[]): string {
  switch (u.kind) {
    case 'copied-up': return t('overlay.kind.copiedUp', { layer: longLayer(t, u.layer === null ? undefined : lowers[u.layer]) });
    case 'new': return t('overlay.kind.new');
    case 'whiteout': return t('overlay.kind.whiteout', { path: u.hides });
    case 'opaque': return t('overlay.kind.opaque');
    case 'dir': return t('overlay.kind.dir');
  }
}

/**
 * The container's upper dir (its read-write layer) as overlayfs keeps it: files copied up,
 * files created, whiteouts (`.wh.NAME`, drawn crossed out) and opaque directories; the
 * directories copied up only to hold them are dimmed.
 */
export function UpperColumn({ upper, lowers, fresh }: { upper: readonly OverlayUpperEntry[]; lowers: readonly OverlayLowerView[]; fresh: ReadonlyMap<string, number> }) {
  const t = useT();
  if (!upper.length) return <p className="ov-empty">{t('overlay.upperEmpty')}</p>;
  return (
    <ul className="ov-upper">
      {upper.map((u) => {
        const depth = u.path.split('/').length - 2;
        const name = u.path.slice(u.path.lastIndexOf('/') + 1);
        const seq = fresh.get(u.path);
        const what = describe(t, u, lowers);
        return (
          <li key={u.path} className={`ov-up ov-up--${u.kind}`} data-upper-path={u.path} aria-label={`${u.path}: ${what}`} title={what}>
            <span key={seq ?? 'still'} className={`ov-up__row${seq !== undefined ? ' is-fresh' : ''}`} style={{ paddingLeft: `${depth * 14 + 6}px` }}>
              <span className="ov-up__icon" aria-hidden="true">{u.kind === 'whiteout' ? '⊘' : u.type === 'dir' ? '▪' : '•'}</span>
              <span className="ov-up__name mono">{name}{u.type === 'dir' ? '/' : ''}</span>
              {u.kind === 'copied-up' && <span className="ov-up__badge ov-up__badge--copied">↑ {shortLayer(t, u.layer === null ? undefined : lowers[u.layer])}</span>}
              {u.kind === 'new' && <span className="ov-up__badge ov-up__badge--new">{t('overlay.kind.new')}</span>}
              {u.kind === 'whiteout' && <span className="ov-up__badge ov-up__badge--whiteout">{shortLayer(t, u.layer === null ? undefined : lowers[u.layer])}</span>}
              {u.kind === 'opaque' && <span className="ov-up__badge ov-up__badge--opaque">opaque</span>}
              {u.type === 'file' && u.kind !== 'whiteout' && <span className="ov-up__size">{dockerSize(u.size)}</span>}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

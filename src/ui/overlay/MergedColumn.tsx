import { useEffect, useMemo, useRef, useState } from 'react';
import type { OverlayLowerView, OverlayMergedEntry, OverlayUpperEntry } from '../../engine/queries.ts';
import { useT } from '../context.ts';
import { dockerSize } from '../layers/humanSize.ts';
import { longLayer, shortLayer } from './labels.ts';
import { changedDirs, visibleRows } from './mergedTree.ts';

/**
 * What the container sees: the merged tree, each name tagged with the layer it comes from (the
 * upper dir in the container's colour). Directories holding changes open by themselves; a
 * deleted name lingers struck through before it goes.
 */
export function MergedColumn({ merged, truncated, upper, lowers, fresh, ghosts }: {
  merged: readonly OverlayMergedEntry[]; truncated: number; upper: readonly OverlayUpperEntry[]; lowers: readonly OverlayLowerView[];
  fresh: ReadonlyMap<string, number>; ghosts: readonly OverlayMergedEntry[];
}) {
  const t = useT();
  // The learner's own toggles win over the automatic opening.
  const [toggled, setToggled] = useState<ReadonlyMap<string, boolean>>(new Map());
  const auto = useMemo(() => {
    const dirs = changedDirs(upper);
    for (const g of ghosts) for (let p = g.path.slice(0, g.path.lastIndexOf('/')); p; p = p.slice(0, p.lastIndexOf('/'))) dirs.add(p);
    return dirs;
  }, [upper, ghosts]);
  const rows = useMemo(() => visibleRows(merged, (dir) => toggled.get(dir) ?? auto.has(dir), ghosts), [merged, toggled, auto, ghosts]);
  // Bring the newest change into view (a copied-up file deep in /etc, a name being deleted).
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => {
    const target = ghosts.at(-1)?.path ?? [...fresh.keys()].at(-1);
    if (!target) return;
    const escaped = typeof CSS !== 'undefined' && CSS.escape ? CSS.escape(target) : target;
    list.current?.querySelector(`[data-merged-path="${escaped}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [fresh, ghosts]);
  const toggle = (dir: string, open: boolean) => setToggled((old) => new Map(old).set(dir, !open));
  return (
    <ul className="ov-merged" aria-label={t('overlay.merged')} ref={list}>
      {rows.map((r) => {
        const from = r.entry.from;
        const source = from === 'upper' ? t('overlay.from.upper') : shortLayer(t, lowers[from]);
        const sourceLong = from === 'upper' ? t('overlay.from.upper') : longLayer(t, lowers[from]);
        const seq = fresh.get(r.entry.path);
        return (
          <li
            key={`${r.entry.path}${r.ghost ? ' ghost' : ''}`}
            data-merged-path={r.entry.path}
            title={`${r.entry.path} ${t('overlay.fromAria', { layer: sourceLong })}`}
            className={`ov-m${from === 'upper' ? ' ov-m--upper' : ''}${r.ghost ? ' ov-m--ghost' : ''}`}
          >
            <span key={seq ?? 'still'} className={`ov-m__row${seq !== undefined ? ' is-fresh' : ''}`} style={{ paddingLeft: `${r.depth * 14 + 4}px` }}>
              {r.isDir && !r.ghost ? (
                <button type="button" className="ov-m__dir" aria-expanded={r.open} onClick={() => toggle(r.entry.path, r.open)}>
                  <span className="ov-m__toggle" aria-hidden="true">{r.open ? '▾' : '▸'}</span>
                  <span className="ov-m__name mono">{r.name}/</span>
                </button>
              ) : (
                <>
                  <span className="ov-m__toggle" aria-hidden="true" />
                  <span className="ov-m__name mono">{r.name}{r.entry.type === 'symlink' ? ` → ${r.entry.target}` : ''}</span>
                </>
              )}
              <span className={`ov-m__from${from === 'upper' ? ' ov-m__from--upper' : ''}`} aria-label={t('overlay.fromAria', { layer: sourceLong })}>{source}</span>
              <span className="ov-m__size">{r.entry.type === 'file' ? dockerSize(r.entry.size) : ''}</span>
            </span>
          </li>
        );
      })}
      {truncated > 0 && <li className="ov-empty">{t('overlay.truncated', { count: truncated })}</li>}
    </ul>
  );
}

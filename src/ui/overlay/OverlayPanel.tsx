/**
 * The Overlay panel (design.md §4): one container's overlay mount side by side — its read-only
 * lower layers, its upper dir (the read-write layer) and the merged view it sees. A write that
 * copies a file up shows the file travelling from its layer to the upper dir; a delete shows the
 * whiteout appearing in the upper dir and the name leaving the merged view. Lazy-loaded.
 */
import { useRef } from 'react';
import { motion } from 'framer-motion';
import { useT } from '../context.ts';
import { containerColor, registerContainers } from '../containerColors.ts';
import { dockerSize } from '../layers/humanSize.ts';
import { statusLabel } from '../labels.ts';
import { useReducedMotion } from '../reducedMotion.ts';
import { EventLog } from './EventLog.tsx';
import { LowerColumn } from './LowerColumn.tsx';
import { MergedColumn } from './MergedColumn.tsx';
import { UpperColumn } from './UpperColumn.tsx';
import { useChosenContainer } from './useChosenContainer.ts';
import { useOverlay } from './useOverlay.ts';
import { useOverlayEffects } from './useOverlayEffects.ts';

export default function OverlayPanel() {
  const t = useT();
  const { list, chosen, choose } = useChosenContainer();
  const inspection = useOverlay(chosen);
  const reduced = useReducedMotion();
  const root = useRef<HTMLDivElement>(null);
  const fx = useOverlayEffects(root, inspection, reduced);
  registerContainers(list);
  const container = list.find((c) => c.id === chosen) ?? null;

  if (!list.length) return <p className="empty">{t('overlay.empty')}</p>;
  const color = container ? containerColor(container.id) : undefined;
  return (
    <div className="overlay" ref={root} style={color ? ({ '--accent': color } as React.CSSProperties) : undefined}>
      <div className="overlay__bar">
        <label className="overlay__pick">
          <span>{t('overlay.container')}</span>
          <select value={chosen ?? ''} onChange={(e) => choose(e.currentTarget.value)}>
            {list.map((c) => <option key={c.id} value={c.id}>{c.name} ({c.image}) · {statusLabel(t, c)}</option>)}
          </select>
        </label>
      </div>
      {inspection === undefined && <p className="ov-empty">{t('overlay.loading')}</p>}
      {/* null: the container went away, or no engine answers (the fixture route). */}
      {inspection === null && <p className="ov-empty">{container ? t('dive.unavailable') : t('overlay.gone')}</p>}
      {inspection && (
        <>
          <div className="overlay__cols">
            <section className="ov-col ov-col--lower" aria-labelledby="ov-lower-title">
              <h2 id="ov-lower-title" className="ov-col__title">{t('overlay.lower')} <span className="ov-col__hint">{t('overlay.lowerHint')}</span></h2>
              <div className="ov-col__body" tabIndex={0}><LowerColumn lowers={inspection.lowers} upper={inspection.upper} /></div>
            </section>
            <section className="ov-col ov-col--upper" aria-labelledby="ov-upper-title">
              <h2 id="ov-upper-title" className="ov-col__title">{t('overlay.upper')} <span className="ov-col__hint">{t('overlay.upperHint', { size: dockerSize(inspection.rwSize) })}</span></h2>
              <div className="ov-col__body" tabIndex={0}><UpperColumn upper={inspection.upper} lowers={inspection.lowers} fresh={fx.fresh} /></div>
            </section>
            <section className="ov-col ov-col--merged" aria-labelledby="ov-merged-title">
              <h2 id="ov-merged-title" className="ov-col__title">{t('overlay.merged')} <span className="ov-col__hint">{t('overlay.mergedHint')}</span></h2>
              <div className="ov-col__body" tabIndex={0}>
                <MergedColumn merged={inspection.merged} truncated={inspection.mergedTruncated} upper={inspection.upper} lowers={inspection.lowers} fresh={fx.fresh} ghosts={fx.ghosts} />
              </div>
            </section>
          </div>
          <EventLog events={inspection.events} lowers={inspection.lowers} />
        </>
      )}
      {fx.flights.map((f) => (
        <motion.div
          key={f.id}
          className="ov-flight mono"
          aria-hidden="true"
          initial={{ x: f.from.x, y: f.from.y, opacity: 0.2, scale: 1.1 }}
          animate={{ x: f.to.x, y: f.to.y, opacity: 1, scale: 1 }}
          transition={{ duration: 0.9, ease: [0.3, 0.7, 0.4, 1] }}
          onAnimationComplete={() => fx.land(f.id)}
        >
          {f.text}
        </motion.div>
      ))}
    </div>
  );
}

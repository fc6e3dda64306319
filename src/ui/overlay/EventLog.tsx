import type { OverlayEvent, OverlayLowerView } from '../../engine/queries.ts';
import { useT } from '../context.ts';
import { eventText } from './labels.ts';

/** The last few overlay operations, newest last, announced politely as they happen. */
export function EventLog({ events, lowers }: { events: readonly OverlayEvent[]; lowers: readonly OverlayLowerView[] }) {
  const t = useT();
  const recent = events.slice(-5);
  return (
    <section className="ov-log" aria-label={t('overlay.log')} tabIndex={0}>
      <h2 className="ov-log__title">{t('overlay.log')}</h2>
      {recent.length === 0 ? (
        <p className="ov-empty">{t('overlay.logEmpty')}</p>
      ) : (
        <ol className="ov-log__lines" aria-live="polite">
          {recent.map((e) => (
            <li key={e.seq} className={`ov-ev ov-ev--${e.op}`}>
              <span className="ov-ev__op mono">{e.op}</span>
              <span className="ov-ev__text">{eventText(t, e, lowers)}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

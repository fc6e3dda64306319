/**
 * In the terminal's title bar while a past state is shown: where the view is, that the terminal is
 * read-only, and the two ways on — back to the present, or continue from here. It sits in the bar,
 * not over the terminal: the terminal keeps its size, so a redrawn screen lays out as it did live
 * (pull progress moves the cursor up by rows).
 */
import { usePlayground, useStoreValue, useT } from '../context.ts';
import { continueFromHere, travel } from './travel.ts';

export function TravelBanner() {
  const t = useT();
  const { client } = usePlayground();
  const viewing = useStoreValue((s) => s.timeline.viewing);
  const total = useStoreValue((s) => s.timeline.steps.length);
  if (viewing === null) return null;
  const where = viewing === 0 ? t('timeline.viewingStart') : t('timeline.viewing', { n: viewing, total });
  return (
    <div className="travel-banner" role="status" data-viewing={viewing} title={`${where} ${t('timeline.readOnly')}`}>
      <span className="travel-banner__where">
        <RewindIcon />{' '}
        {viewing === 0 ? t('timeline.shortStart') : t('timeline.short', { n: viewing, total })}
        <span className="visually-hidden"> {where} {t('timeline.readOnly')}</span>
      </span>
      <button type="button" className="button button--primary" onClick={() => travel(client, total)}>
        {t('timeline.now')}
      </button>
      <button type="button" className="button" onClick={() => continueFromHere(client)} title={t('timeline.branchHint')}>
        {t('timeline.branch')}
      </button>
    </div>
  );
}

/** Two left-pointing triangles (the font may lack U+23EA). */
export function RewindIcon() {
  return (
    <svg className="icon" viewBox="0 0 16 12" width="1.1em" height="0.85em" aria-hidden="true" focusable="false">
      <path d="M8 0v12L0 6zM16 0v12L8 6z" fill="currentColor" />
    </svg>
  );
}

/** The terminal's bar: the travel banner while the past is shown, else the typing hint. */
export function TerminalBarHint() {
  const t = useT();
  const past = useStoreValue((s) => s.timeline.viewing !== null);
  return past ? <TravelBanner /> : <p className="panel__hint">{t('terminal.hint')}</p>;
}

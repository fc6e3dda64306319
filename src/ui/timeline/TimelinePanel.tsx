/**
 * The Timeline (issue 5): every step of the session listed; step back, step forward, jump to any
 * step, autoplay at a chosen pace. Each move asks the worker to rebuild that moment by
 * deterministic replay of the journal (engine/timeline.ts): the diagrams and the terminal show the
 * host exactly as it was, then the present comes back unchanged.
 */
import { useEffect, useRef, useState } from 'react';
import { usePlayground, useStoreValue, useT } from '../context.ts';
import type { TimelineStep } from '../../worker/protocol.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { AUTOPLAY_SECONDS, autoplayNext, clock, continueFromHere, positionOf, travel, type AutoplaySeconds } from './travel.ts';
import './timeline.css';

const FILE_TEXT: Record<Extract<TimelineStep, { kind: 'file' }>['op'], MessageKey> = {
  write: 'timeline.file.write',
  createFile: 'timeline.file.createFile',
  mkdir: 'timeline.file.mkdir',
  rename: 'timeline.file.rename',
  delete: 'timeline.file.delete',
};

/** A bar and a triangle: to the start, or (forward) to the end. Drawn, since fonts may lack U+23EE/U+23ED. */
function EdgeIcon({ forward = false }: { forward?: boolean }) {
  return (
    <svg className="icon" viewBox="0 0 12 12" width="0.9em" height="0.9em" aria-hidden="true" focusable="false" style={forward ? { transform: 'scaleX(-1)' } : undefined}>
      <path d="M0 0h2v12H0zM12 0v12L3 6z" fill="currentColor" />
    </svg>
  );
}

export default function TimelinePanel() {
  const t = useT();
  const { client } = usePlayground();
  const timeline = useStoreValue((s) => s.timeline);
  const { steps } = timeline;
  const position = positionOf(timeline);
  const past = timeline.viewing !== null;
  const [playing, setPlaying] = useState(false);
  const [seconds, setSeconds] = useState<AutoplaySeconds>(1);
  const list = useRef<HTMLOListElement>(null);
  /** Autoplay started at the present and asked for the start: not finished until the view leaves the present. */
  const rewinding = useRef(false);
  if (past) rewinding.current = false;

  const go = (to: number) => travel(client, Math.max(0, Math.min(steps.length, to)));

  // Autoplay: one step every `seconds`, from the start when it begins at the present; stops at the present.
  useEffect(() => {
    if (!playing) return;
    const next = autoplayNext(position, steps.length);
    if (next === null) {
      if (!rewinding.current) setPlaying(false);
      return;
    }
    const timer = setTimeout(() => go(next), seconds * 1000);
    return () => clearTimeout(timer);
  }, [playing, position, steps.length, seconds]);

  const play = () => {
    if (playing) {
      setPlaying(false);
      return;
    }
    if (!past) {
      rewinding.current = true;
      go(0);
    }
    setPlaying(true);
  };

  // A toolbar button that disables itself (Step back on reaching the start) would drop the
  // keyboard's focus to the page: hand it to the first button still enabled in the toolbar.
  const transport = useRef<HTMLDivElement>(null);
  const lastFocused = useRef<HTMLButtonElement | null>(null);
  useEffect(() => {
    const el = lastFocused.current;
    if (!el?.disabled) return;
    if (document.activeElement !== el && document.activeElement !== document.body) return;
    transport.current?.querySelector<HTMLButtonElement>('button:not(:disabled)')?.focus();
  });

  // Keep the viewed step in sight.
  useEffect(() => {
    list.current?.querySelector('[aria-current="step"]')?.scrollIntoView({ block: 'nearest' });
  }, [position]);

  if (!steps.length) return <p className="empty">{t('timeline.empty')}</p>;

  return (
    <div className="timeline" aria-label={t('timeline.label')} role="region">
      <div
        ref={transport}
        className="timeline__transport"
        role="toolbar"
        aria-label={t('panel.timeline')}
        onFocus={(e) => {
          lastFocused.current = e.target instanceof HTMLButtonElement ? e.target : null;
        }}
      >
        <button type="button" className="button" onClick={() => go(0)} disabled={position === 0} aria-label={t('timeline.first')} title={t('timeline.first')}><EdgeIcon /></button>
        <button type="button" className="button" onClick={() => go(position - 1)} disabled={position === 0} aria-label={t('timeline.back')} title={t('timeline.back')}>◀</button>
        <button type="button" className="button" onClick={() => go(position + 1)} disabled={!past} aria-label={t('timeline.forward')} title={t('timeline.forward')}>▶</button>
        <button type="button" className="button" onClick={() => go(steps.length)} disabled={!past}>{t('timeline.now')} <EdgeIcon forward /></button>
        <button type="button" className="button button--primary" aria-pressed={playing} onClick={play}>
          {playing ? <><span className="pause-icon" aria-hidden="true" /> {t('timeline.pause')}</> : `▶ ${t('timeline.play')}`}
        </button>
        <label className="timeline__speed">
          <span className="visually-hidden">{t('timeline.speed')}</span>
          <select value={seconds} onChange={(e) => setSeconds(Number(e.currentTarget.value) as AutoplaySeconds)} title={t('timeline.speed')}>
            {AUTOPLAY_SECONDS.map((s) => (
              <option key={s} value={s}>{t('timeline.speedOption', { n: s })}</option>
            ))}
          </select>
        </label>
      </div>
      {past && (
        <div className="timeline__status">
          <p>{position === 0 ? t('timeline.viewingStart') : t('timeline.viewing', { n: position, total: steps.length })} {t('timeline.readOnly')}</p>
          <button type="button" className="button" onClick={() => continueFromHere(client)}>{t('timeline.branch')}</button>
          <p className="timeline__hint">{t('timeline.branchHint')}</p>
        </div>
      )}
      <ol ref={list} className="timeline__steps" aria-label={t('timeline.steps')}>
        <li>
          <button type="button" className="timeline__step" aria-current={position === 0 ? 'step' : undefined} onClick={() => go(0)}>
            <span className="timeline__n">0</span>
            <span className="timeline__text">{t('timeline.start')} <span className="timeline__dim">· {t('timeline.startHint')}</span></span>
            <span className="timeline__at">0:00</span>
          </button>
        </li>
        {steps.map((step, i) => (
          <li key={i} data-future={i + 1 > position ? '' : undefined}>
            <button type="button" className="timeline__step" aria-current={i + 1 === position ? 'step' : undefined} onClick={() => go(i + 1)}>
              <span className="timeline__n">{i + 1}</span>
              {step.kind === 'line' ? (
                <code className="timeline__text" title={step.line}>$ {step.line}</code>
              ) : (
                <span className="timeline__text timeline__file">{t(FILE_TEXT[step.op] as 'timeline.file.write', { path: step.path })}</span>
              )}
              <span className="timeline__at">{i + 1 === steps.length && !past ? t('timeline.present') : clock(step.at)}</span>
            </button>
          </li>
        ))}
      </ol>
    </div>
  );
}

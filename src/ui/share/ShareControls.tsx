/**
 * Header controls for the session: **Share** asks the engine for the session as a scenario
 * (`share` → `scenario`), encodes it as a `#/s/…` URL, copies it and shows it. **Record** (in the
 * same dialog) lets the author give it a title, narrate each step, mark where it should stop for
 * the viewer and pick goals from the lessons' list (the viewer's checklist, GoalPicker.tsx); the
 * link follows every edit. **Reset sandbox** forgets the saved session.
 */
import { lazy, Suspense, useEffect, useRef, useState, type RefObject } from 'react';
import { encodeScenario } from '../../scenario/codec.ts';
import { LIMITS, type Scenario } from '../../scenario/format.ts';
import { usePlayground, useStoreValue, useT } from '../context.ts';
import { resetSandbox } from './status.ts';

// The picker lists every lesson's goals: it loads (with the lesson catalog) only when Record opens.
const GoalPicker = lazy(() => import('./GoalPicker.tsx'));

let nextShareId = 1;

/**
 * Keeps the dialog inside the window: it hangs from the Share button's right edge, which sits far
 * to the left once the header wraps (1280 px and narrower), and no lower than the window's bottom.
 * Re-measured as it grows (Record, the picker).
 */
function useKeepInView(ref: RefObject<HTMLElement | null>, open: boolean) {
  useEffect(() => {
    const el = ref.current;
    if (!open || !el) return;
    const MARGIN = 8;
    const place = () => {
      el.style.translate = '';
      el.style.maxHeight = '';
      const r = el.getBoundingClientRect();
      // Its top hangs under the header, whose height varies (it wraps on narrow windows).
      el.style.maxHeight = `${Math.max(240, Math.floor(innerHeight - r.top - MARGIN))}px`;
      const shift = r.left < MARGIN ? MARGIN - r.left : r.right > innerWidth - MARGIN ? Math.max(MARGIN - r.left, innerWidth - MARGIN - r.right) : 0;
      if (shift) el.style.translate = `${Math.round(shift)}px 0`;
    };
    place();
    const observer = new ResizeObserver(place);
    observer.observe(el);
    addEventListener('resize', place);
    return () => {
      observer.disconnect();
      removeEventListener('resize', place);
    };
  }, [ref, open]);
}

const linkOf = (hash: string) => `${location.origin}${location.pathname}${location.search}${hash}`;

export function ShareControls() {
  const t = useT();
  const { client } = usePlayground();
  const lang = useStoreValue((s) => s.lang);
  const ready = useStoreValue((s) => s.connection === 'ready');
  const [scenario, setScenario] = useState<Scenario | null>(null);
  const [recording, setRecording] = useState(false);
  const [url, setUrl] = useState<string | null>(null);
  const [copied, setCopied] = useState<boolean | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const popover = useRef<HTMLDivElement>(null);
  useKeepInView(popover, scenario !== null && url !== null);
  // A dialog takes the focus when it opens (WAI-ARIA dialog pattern): its Esc works at once, and
  // the link, selected on focus, is ready to copy.
  const open = scenario !== null && url !== null;
  useEffect(() => {
    if (open) input.current?.focus();
  }, [open]);

  // The link follows the scenario (and every edit of it); the latest encoding wins.
  useEffect(() => {
    if (!scenario) return;
    let live = true;
    void encodeScenario(scenario).then((hash) => {
      if (live) setUrl(linkOf(hash));
    });
    return () => {
      live = false;
    };
  }, [scenario]);

  const copy = async (link: string) => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };

  const share = () => {
    const id = nextShareId++;
    const stop = client.onMessage((m) => {
      if (m.type !== 'scenario' || m.id !== id) return;
      stop();
      setScenario(m.scenario);
      setCopied(null);
      void encodeScenario(m.scenario).then((hash) => copy(linkOf(hash)));
    });
    client.send({ type: 'share', id, title: '', lang });
  };

  const shareButton = useRef<HTMLButtonElement>(null);
  const close = () => {
    setScenario(null);
    setUrl(null);
    setRecording(false);
    shareButton.current?.focus();
  };

  const edit = (patch: Partial<Scenario>) => {
    setScenario((s) => (s ? { ...s, ...patch } : s));
    setCopied(null);
  };
  const editStep = (i: number, patch: { say?: string; pause?: boolean }) => {
    if (!scenario) return;
    const steps = scenario.steps.map((step, j) => {
      if (j !== i) return step;
      const say = patch.say ?? step.say ?? '';
      const pause = patch.pause ?? step.pause === true;
      return { run: step.run, ...(say ? { say } : {}), ...(pause ? { pause: true as const } : {}) };
    });
    edit({ steps });
  };

  const setGoals = (goals: readonly string[]) => {
    setScenario((s) => {
      if (!s) return s;
      const { goals: _, ...rest } = s;
      return goals.length ? { ...rest, goals } : rest;
    });
    setCopied(null);
  };

  const reset = () => {
    if (window.confirm(t('session.resetConfirm'))) resetSandbox();
  };

  return (
    <div className="share-controls">
      <button ref={shareButton} type="button" className="button" onClick={share} disabled={!ready} title={t('share.hint')}>
        {t('share.button')}
      </button>
      <button type="button" className="button button--quiet share-controls__reset" onClick={reset} title={t('session.resetHint')}>
        {t('session.reset')}
      </button>
      {scenario && url && (
        <div
          ref={popover}
          className="share-popover"
          role="dialog"
          aria-label={t('share.dialog')}
          onKeyDown={(e) => {
            if (e.key !== 'Escape') return;
            e.stopPropagation(); // not presenter mode's Esc
            close();
          }}
        >
          <label className="share-popover__label" htmlFor="share-url">
            {copied === true ? t('share.copied') : copied === false ? t('share.copyManually') : t('share.dialog')}
          </label>
          <input id="share-url" ref={input} className="share-popover__url" readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
          <p className="share-popover__size">
            {t('share.length', { count: url.length })} · {t('record.steps', { count: scenario.steps.length })}
          </p>
          {recording && (
            <div className="record">
              <label className="record__field">
                {t('record.title')}
                {/* Record replaces the button that opened it: the keyboard carries on in the title. */}
                <input autoFocus value={scenario.title} maxLength={LIMITS.title} onChange={(e) => edit({ title: e.currentTarget.value })} />
              </label>
              <ol className="record__steps" aria-label={t('record.stepsLabel')}>
                {scenario.steps.map((step, i) => (
                  <li key={i} className="record__step">
                    <code className="record__run">{step.run}</code>
                    <input
                      aria-label={t('record.say', { n: i + 1 })}
                      placeholder={t('record.sayPlaceholder')}
                      value={step.say ?? ''}
                      maxLength={LIMITS.say}
                      onChange={(e) => editStep(i, { say: e.currentTarget.value })}
                    />
                    <label className="record__pause">
                      <input type="checkbox" checked={step.pause === true} onChange={(e) => editStep(i, { pause: e.currentTarget.checked })} />
                      {t('record.pause')}
                    </label>
                  </li>
                ))}
              </ol>
              <Suspense fallback={<p className="share-popover__size">{t('panel.loading')}</p>}>
                <GoalPicker picked={scenario.goals ?? []} onChange={setGoals} />
              </Suspense>
            </div>
          )}
          <div className="share-popover__actions">
            {!recording && scenario.steps.length > 0 && (
              <button type="button" className="button button--quiet" onClick={() => setRecording(true)}>
                {t('record.open')}
              </button>
            )}
            {recording && (
              <button type="button" className="button" onClick={() => void copy(url)}>
                {t('record.copy')}
              </button>
            )}
            <button type="button" className="button button--quiet" onClick={close}>
              {t('share.close')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}

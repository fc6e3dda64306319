/**
 * Presenter mode's caption bar and keyboard (design.md §4): → or space types the next step's
 * command (through the worker's `run`, waiting for its `done`), ← goes back in time to the host as
 * it was after the previous step (the timeline's deterministic replay; → walks forward again
 * without typing anything twice, back to the present), Esc leaves. The caption is the step's narration (`say`) in large type; what the step changed is
 * ringed in the diagram (pulse.ts). Steps come from the store when a scenario has handed them
 * over (`presenterSteps`), else from the built-in demo.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { usePlayground, useStoreValue, useT } from '../context.ts';
import { demoSteps } from './demo.ts';
import { pulseChanges } from './pulse.ts';
import { canGoBack, canGoForward, STEPPER_START, stepBack, stepFinished, stepForward, type StepperState } from './stepper.ts';
import { setPresenterMode } from './url-sync.ts';
import { travel } from '../timeline/travel.ts';

/** Autoplay: the pause after a step's command has finished, so its caption can be read. */
export const AUTOPLAY_PAUSE_MS = 3500;

/** Keys typed here go to the page, not to the presentation. */
const OWN_KEYS = '.terminal-host, input, textarea, select, [contenteditable="true"], dialog';

export function PresenterBar() {
  const t = useT();
  const { store, client } = usePlayground();
  const scenarioSteps = useStoreValue((s) => s.presenterSteps);
  const steps = useMemo(() => scenarioSteps ?? demoSteps(t), [scenarioSteps, t]);
  const [state, setState] = useState<StepperState>(STEPPER_START);
  const [autoplay, setAutoplay] = useState(false);
  const current = useRef(state);
  const bar = useRef<HTMLElement>(null);
  const layer = useRef<HTMLDivElement>(null);
  const stopPulse = useRef<(() => void) | null>(null);
  const alive = useRef(true);
  /** Timeline positions: where the presentation began, and the step count after each step ran. */
  const marks = useRef<{ start: number; after: number[] }>({ start: 0, after: [] });
  const timelineLength = () => store.getState().timeline.steps.length;
  /** Shows the host as it was at presenter step `index` (-1: before the first), or the present. */
  const show = useCallback(
    (index: number) => {
      const at = index < 0 ? marks.current.start : marks.current.after[index];
      if (at !== undefined) travel(client, at);
    },
    [client],
  );

  const commit = useCallback((next: StepperState) => {
    current.current = next;
    setState(next);
  }, []);

  // A new list of steps (a scenario arrived) starts from the top. The demo's captions follow the
  // language without restarting: only the scenario list's identity matters.
  useEffect(() => {
    marks.current = { start: 0, after: [] };
    commit(STEPPER_START);
  }, [scenarioSteps, commit]);

  const next = useCallback(() => {
    const move = stepForward(current.current, steps.length);
    if (move.state === current.current) return;
    commit(move.state);
    if (move.run === null) {
      show(move.state.index);
      return;
    }
    const before = store.getState();
    const run = move.run;
    if (run === 0) marks.current.start = timelineLength();
    void client.run(steps[run]!.run).then(() => {
      if (!alive.current) return;
      marks.current.after[run] = timelineLength();
      commit(stepFinished(current.current));
      stopPulse.current?.();
      if (layer.current) stopPulse.current = pulseChanges(store, before, layer.current);
    });
  }, [client, commit, steps, store]);

  const prev = useCallback(() => {
    if (current.current.busy) return;
    const back = stepBack(current.current);
    if (back === current.current) return;
    commit(back);
    show(back.index);
  }, [commit, show]);
  const leave = useCallback(() => {
    setPresenterMode(store, false);
    // Keyboard users keep their place: on the switch that brings presenter mode back.
    requestAnimationFrame(() => document.querySelector<HTMLElement>('.presenter-toggle')?.focus());
  }, [store]);

  // Autoplay (design.md §4): the next step a moment after the previous one finished; off at the end.
  const more = canGoForward(state, steps.length);
  useEffect(() => {
    if (!autoplay || state.busy) return;
    if (!more) {
      setAutoplay(false);
      return;
    }
    const timer = setTimeout(next, AUTOPLAY_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [autoplay, state, more, next]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      const target = event.target instanceof Element ? event.target : null;
      if (target?.closest(OWN_KEYS)) return;
      if (event.key === 'ArrowRight' || (event.key === ' ' && !target?.closest('button, a, [role="tab"]'))) next();
      else if (event.key === 'ArrowLeft') prev();
      else if (event.key === 'Escape') leave();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [next, prev, leave]);

  // Mount: the keyboard belongs to the presentation (the terminal does not take focus here).
  useEffect(() => {
    alive.current = true;
    bar.current?.focus({ preventScroll: true });
    return () => {
      alive.current = false;
      stopPulse.current?.();
    };
  }, []);

  const step = state.index >= 0 ? steps[state.index] : undefined;
  const running = state.busy && state.index === state.executed - 1;
  return (
    <section ref={bar} className="presenter-bar" aria-label={t('presenter.region')} tabIndex={-1}>
      <div className="presenter-bar__meta">
        <span className="presenter-bar__step">{step ? t('presenter.step', { n: state.index + 1, total: steps.length }) : t('presenter.ready')}</span>
        {running && <span className="presenter-bar__status">{t('presenter.running')}</span>}
        {step && state.index < state.executed - 1 && <span className="presenter-bar__status">{t('presenter.earlier')}</span>}
        <span className="presenter-bar__keys" aria-hidden="true">{t('presenter.keys')}</span>
      </div>
      <p className="presenter-bar__caption" aria-live="polite" aria-atomic="true" data-step={state.index}>
        {step ? (step.say ?? step.run) : t('presenter.intro')}
      </p>
      {step && <p className="presenter-bar__command"><code>$ {step.run}</code></p>}
      <div className="presenter-bar__controls">
        <button type="button" className="button" onClick={prev} disabled={!canGoBack(state)} aria-keyshortcuts="ArrowLeft">
          ← {t('presenter.prev')}
        </button>
        <button type="button" className="button button--primary" onClick={next} disabled={!canGoForward(state, steps.length)} aria-keyshortcuts="ArrowRight Space">
          {t('presenter.next')} →
        </button>
        <button type="button" className="button" aria-pressed={autoplay} onClick={() => setAutoplay(!autoplay)} disabled={!autoplay && !more}>
          {t('presenter.autoplay')}
        </button>
        <button type="button" className="button" onClick={leave} aria-keyshortcuts="Escape">
          {t('presenter.leave')}
        </button>
      </div>
      <div ref={layer} className="presenter-rings" aria-hidden="true" hidden />
    </section>
  );
}

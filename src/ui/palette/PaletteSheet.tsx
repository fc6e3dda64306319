/**
 * The command palette's sheet: a modal dialog (focus kept inside, Esc closes) in which a docker
 * command is composed by tapping: a verb, then options and arguments offered from the live state
 * (compose.ts). The line is shown as it grows; "Insert at prompt" types it without Enter (first
 * clearing a half-typed line with Ctrl-E Ctrl-U, as the worker's `run` does), and a second tap
 * ("Run it") presses Enter. "Run" runs a complete line at once.
 */
import { useEffect, useRef, useState } from 'react';
import type { MessageKey } from '../../i18n/index.ts';
import { usePlayground, useT } from '../context.ts';
import {
  compose, EMPTY_DRAFT, findVerb, isComplete, missing, optionsFor, pickArg, pickVerb, toggleFlag, VERBS, verbId, type ArgKind, type Draft,
} from './compose.ts';
import { useLiveState } from './useLiveState.ts';

const ARG_LABEL = {
  image: 'palette.arg.image',
  container: 'palette.arg.container',
  name: 'palette.arg.name',
  command: 'palette.arg.command',
  context: 'palette.arg.context',
} as const satisfies Readonly<Record<ArgKind, MessageKey>>;

/** Ctrl-E (end of line), Ctrl-U (kill to start): clears whatever was half-typed at the prompt. */
const CLEAR_LINE = '\x05\x15';

function Chip({ pressed, onClick, children }: { pressed: boolean; onClick: () => void; children: string }) {
  return (
    <button type="button" className="chip-button" aria-pressed={pressed} onClick={onClick}>
      {children}
    </button>
  );
}

export default function PaletteSheet({ onClose }: { onClose: () => void }) {
  const t = useT();
  const { client } = usePlayground();
  const live = useLiveState();
  const dialog = useRef<HTMLDialogElement>(null);
  const [draft, setDraft] = useState<Draft>(EMPTY_DRAFT);
  const [inserted, setInserted] = useState<string | null>(null);

  useEffect(() => {
    const el = dialog.current;
    if (el && !el.open) el.showModal();
    return () => el?.close();
  }, []);

  const verb = draft.verb ? findVerb(draft.verb) : undefined;
  const line = compose(draft);
  const needs = missing(draft);
  const complete = isComplete(draft);
  const update = (next: Draft) => setDraft(next);

  const close = () => dialog.current?.close();
  const insert = () => {
    client.input(CLEAR_LINE + line);
    setInserted(line);
  };
  const runInserted = () => {
    client.input('\r');
    close();
  };
  const run = () => {
    void client.run(line);
    close();
  };

  return (
    <dialog ref={dialog} className="palette" aria-labelledby="palette-title" onClose={onClose}>
      <div className="palette__head">
        <h2 id="palette-title" className="palette__title">{t('palette.title')}</h2>
        <button type="button" className="icon-button" aria-label={t('palette.close')} onClick={close}>✕</button>
      </div>
      <div className="palette__body">
        <fieldset className="palette__group">
          <legend>{t('palette.verb')}</legend>
          <div className="palette__chips">
            {VERBS.map((v) => (
              <Chip key={verbId(v)} pressed={draft.verb === verbId(v)} onClick={() => update(pickVerb(draft, verbId(v)))}>
                {verbId(v)}
              </Chip>
            ))}
          </div>
        </fieldset>
        {verb && verb.flags.length > 0 && (
          <fieldset className="palette__group">
            <legend>{t('palette.options')}</legend>
            <div className="palette__chips">
              {verb.flags.flatMap((spec) =>
                spec.values
                  ? optionsFor(spec.values, live).map((value) => (
                      <Chip key={`${spec.flag} ${value}`} pressed={draft.flags[spec.flag] === value} onClick={() => update(toggleFlag(draft, spec.flag, value))}>
                        {`${spec.flag} ${value}`}
                      </Chip>
                    ))
                  : [
                      <Chip key={spec.flag} pressed={draft.flags[spec.flag] === true} onClick={() => update(toggleFlag(draft, spec.flag))}>
                        {spec.flag}
                      </Chip>,
                    ],
              )}
            </div>
          </fieldset>
        )}
        {verb?.args.map((spec, i) => {
          const options = optionsFor(spec.source, live);
          return (
            <fieldset key={`${draft.verb}-${i}`} className="palette__group">
              <legend>
                {t(ARG_LABEL[spec.kind])}
                {spec.optional && <span className="palette__optional"> {t('palette.optional')}</span>}
              </legend>
              {options.length ? (
                <div className="palette__chips">
                  {options.map((value) => (
                    <Chip key={value} pressed={draft.args[i] === value} onClick={() => update(pickArg(draft, i, value))}>
                      {value}
                    </Chip>
                  ))}
                </div>
              ) : (
                <p className="palette__none">{t('palette.none')}</p>
              )}
            </fieldset>
          );
        })}
      </div>
      <div className="palette__foot">
        <p className="palette__line">
          <span className="visually-hidden">{t('palette.preview')}: </span>
          <output className="mono" aria-live="polite">{line}</output>
        </p>
        {needs.length > 0 && <p className="palette__needs">{t('palette.needs', { what: needs.map((k) => t(ARG_LABEL[k])).join(', ') })}</p>}
        <div className="palette__actions">
          <button type="button" className="button" onClick={() => { setDraft(EMPTY_DRAFT); setInserted(null); }} disabled={!draft.verb}>
            {t('palette.reset')}
          </button>
          {inserted === line ? (
            <button type="button" className="button" onClick={runInserted}>{t('palette.runInserted')} ⏎</button>
          ) : (
            <button type="button" className="button" onClick={insert} disabled={!draft.verb}>{t('palette.insert')}</button>
          )}
          <button type="button" className="button button--primary" onClick={run} disabled={!complete}>{t('palette.run')}</button>
        </div>
      </div>
    </dialog>
  );
}

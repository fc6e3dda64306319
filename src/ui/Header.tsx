import { SPEEDS, type Speed } from '../worker/protocol.ts';
import { LANGS, LANG_NAMES, rememberLang } from '../i18n/index.ts';
import { usePlayground, useStoreValue, useT } from './context.ts';
import { PresenterToggle } from './presenter/PresenterToggle.tsx';
import { ShareControls } from './share/ShareControls.tsx';

/** Product name, the engine it imitates (from snapshot.host), speed and language. */
export function Header({ fixture }: { fixture: boolean }) {
  const t = useT();
  const host = useStoreValue((s) => s.host);
  const engine = host ? t('app.engine', { docker: host.dockerVersion, api: host.apiVersion, cgroup: host.cgroupVersion, runtime: host.runtime }) : t('app.connecting');
  return (
    <header className="app-header">
      <div className="brand">
        <h1 className="brand__name">{t('app.title')}</h1>
        {/* The title keeps the whole line reachable when a narrow header cuts it short. */}
        <p className="brand__engine" title={engine}>{engine}</p>
      </div>
      {fixture && <span className="badge badge--fixture">{t('app.fixture')}</span>}
      <div className="header-controls">
        {!fixture && <ShareControls />}
        <SpeedControl />
        <LanguageSwitch />
        <PresenterToggle />
      </div>
    </header>
  );
}

function SpeedControl() {
  const t = useT();
  const { store } = usePlayground();
  const speed = useStoreValue((s) => s.speed);
  const choose = (s: Speed) => store.getState().setSpeed(s);
  return (
    <div className="segmented" role="group" aria-labelledby="speed-label">
      <span id="speed-label" className="segmented__label">{t('speed.label')}</span>
      {SPEEDS.map((s) => (
        <button
          key={s}
          type="button"
          className={`segmented__button${s === 0 ? ' segmented__button--pause' : ''}`}
          aria-pressed={speed === s}
          onClick={() => choose(s)}
          title={s === 0 ? t('speed.pause') : t('speed.timesLong', { n: s })}
        >
          {s === 0 ? (
            <>
              <span className="pause-icon" aria-hidden="true" />
              {t('speed.pause')}
            </>
          ) : (
            t('speed.times', { n: s })
          )}
        </button>
      ))}
    </div>
  );
}

function LanguageSwitch() {
  const t = useT();
  const { store } = usePlayground();
  const lang = useStoreValue((s) => s.lang);
  return (
    <div className="segmented" role="group" aria-labelledby="lang-label">
      <span id="lang-label" className="segmented__label">{t('lang.label')}</span>
      {LANGS.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          className="segmented__button"
          aria-pressed={lang === l}
          onClick={() => {
            store.getState().setLang(l);
            rememberLang(l);
          }}
        >
          {LANG_NAMES[l]}
        </button>
      ))}
    </div>
  );
}

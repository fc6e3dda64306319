import { usePlayground, useStoreValue, useT } from '../context.ts';
import { setPresenterMode } from './url-sync.ts';

/** The header's switch into and out of presenter mode (also `?present` in the URL, Esc to leave). */
export function PresenterToggle() {
  const t = useT();
  const { store } = usePlayground();
  const on = useStoreValue((s) => s.presenter);
  return (
    <button type="button" className="segmented__button presenter-toggle" aria-pressed={on} title={t('presenter.toggleHint')} onClick={() => setPresenterMode(store, !on)}>
      <span className="presenter-toggle__icon" aria-hidden="true" />
      {t('presenter.toggle')}
    </button>
  );
}

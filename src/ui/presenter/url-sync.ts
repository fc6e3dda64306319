/** Presenter mode on or off, with the address kept in step (`?present`) so the URL reopens it. */
import type { PlaygroundStore } from '../../store/index.ts';
import { withPresent } from './url.ts';

export function setPresenterMode(store: PlaygroundStore, on: boolean): void {
  store.getState().setPresenter(on);
  try {
    const next = withPresent(location.href, on);
    if (next !== location.href) history.replaceState(history.state, '', next);
  } catch {
    // an address we cannot rewrite (a sandboxed frame): the mode still changes
  }
}

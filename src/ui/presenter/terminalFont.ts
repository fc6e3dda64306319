/**
 * The terminal's font size for the screen at hand: 22 px in presenter mode (read from the back of
 * a room), 14 px on a phone (so a prompt and a short command fit on a 390 px line), 18 px otherwise.
 */
import { useSyncExternalStore } from 'react';
import { useStoreValue } from '../context.ts';

const PHONE = '(max-width: 600px)';
const media = typeof matchMedia === 'function' ? matchMedia(PHONE) : null;

function subscribe(onChange: () => void): () => void {
  media?.addEventListener('change', onChange);
  return () => media?.removeEventListener('change', onChange);
}

export const TERMINAL_FONT = { presenter: 22, phone: 14, normal: 18 } as const;

export function terminalFontSize(presenter: boolean, phone: boolean): number {
  return presenter ? TERMINAL_FONT.presenter : phone ? TERMINAL_FONT.phone : TERMINAL_FONT.normal;
}

export function useTerminalFontSize(): number {
  const presenter = useStoreValue((s) => s.presenter);
  const phone = useSyncExternalStore(subscribe, () => media?.matches ?? false, () => false);
  return terminalFontSize(presenter, phone);
}

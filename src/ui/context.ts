/**
 * How components reach the store and the client: one context, and one small hook per question
 * (style.md "Subscribe to the least"): `useStoreValue(selector)` re-renders only when the selected
 * value changes; `useShallowValue` for selectors that build arrays or objects.
 */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { PlaygroundState, PlaygroundStore } from '../store/index.ts';
import type { EngineClient } from '../worker/client.ts';
import { translator, type Translate } from '../i18n/index.ts';

export interface Playground {
  readonly store: PlaygroundStore;
  readonly client: EngineClient;
}

export const PlaygroundContext = createContext<Playground | null>(null);

export function usePlayground(): Playground {
  const playground = useContext(PlaygroundContext);
  if (!playground) throw new Error('usePlayground outside <PlaygroundContext>');
  return playground;
}

export function useStoreValue<T>(selector: (state: PlaygroundState) => T): T {
  return useStore(usePlayground().store, selector);
}

export function useShallowValue<T>(selector: (state: PlaygroundState) => T): T {
  return useStore(usePlayground().store, useShallow(selector));
}

/** `t` in the current language; re-renders the caller when the language changes. */
export function useT(): Translate {
  return translator(useStoreValue((s) => s.lang));
}

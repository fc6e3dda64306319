import type { en } from './en.ts';

/** The languages the UI speaks; `en` defines the keys. */
export const LANGS = ['en', 'pt-BR'] as const;
export type Lang = (typeof LANGS)[number];

type Source = typeof en;
export type MessageKey = keyof Source;

/** Plural forms (Intl.PluralRules categories); `other` is required, the rest fall back to it. */
export interface PluralForms {
  readonly zero?: string;
  readonly one?: string;
  readonly two?: string;
  readonly few?: string;
  readonly many?: string;
  readonly other: string;
}

/** What a translation must provide: every English key, with a string or plural forms alike. */
export type Messages = {
  readonly [K in MessageKey]: Source[K] extends string ? string : PluralForms;
};

/** `'{a} and {b}'` → `'a' | 'b'`. */
type Placeholders<S> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;

type PlaceholdersOf<V> = V extends string ? Placeholders<V> : V extends { readonly other: infer O } ? Placeholders<O> | 'count' : never;

/** The parameters of a key, derived from the English text. */
export type ParamsOf<K extends MessageKey> = PlaceholdersOf<Source[K]>;

export type ParamArgs<K extends MessageKey> = [ParamsOf<K>] extends [never]
  ? []
  : [params: { readonly [P in ParamsOf<K>]: P extends 'count' ? number : string | number }];

export type Translate = <K extends MessageKey>(key: K, ...params: ParamArgs<K>) => string;

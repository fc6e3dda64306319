/**
 * Typed i18n without a library. `translator(lang)` returns `t(key, params)`: `{name}` interpolation
 * and plural forms picked with Intl.PluralRules from `params.count`. Keys and parameter names are
 * checked at compile time against the English source (./en.ts).
 */
import { en } from './en.ts';
import { ptBR } from './pt-BR.ts';
import { negotiateLang } from './negotiate.ts';
import { LANGS, type Lang, type Messages, type MessageKey, type ParamArgs, type PluralForms, type Translate } from './types.ts';

export { LANGS };
export type { Lang, MessageKey, Translate };

const CATALOGS: Readonly<Record<Lang, Messages>> = { en, 'pt-BR': ptBR };

/** Each language's own name, shown in the switch in that language. */
export const LANG_NAMES: Readonly<Record<Lang, string>> = { en: 'English', 'pt-BR': 'Português' };

const STORAGE_KEY = 'container-playground.lang';

export { isLang, langForTag } from './negotiate.ts';

/** The remembered choice, else the first browser language we speak (any `pt*` → pt-BR), else English. */
export const detectLang = negotiateLang;

/** Reads navigator.languages and localStorage (both optional: works in Node and in private mode). */
export function initialLang(): Lang {
  let remembered: string | null = null;
  try {
    remembered = globalThis.localStorage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    // storage denied: fall back to the browser language
  }
  const nav = globalThis.navigator;
  const preferred = nav ? (nav.languages?.length ? nav.languages : [nav.language]) : [];
  return detectLang(preferred, remembered);
}

export function rememberLang(lang: Lang): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  } catch {
    // storage denied: the choice lasts for this page only
  }
}

const PLACEHOLDER = /\{(\w+)\}/g;

function interpolate(text: string, params: Readonly<Record<string, string | number>> | undefined): string {
  if (!params) return text;
  return text.replace(PLACEHOLDER, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

const cache = new Map<Lang, Translate>();

/** The `t` function of one language (memoized, so it is a stable reference for React). */
export function translator(lang: Lang): Translate {
  const hit = cache.get(lang);
  if (hit) return hit;
  const messages = CATALOGS[lang];
  const plurals = new Intl.PluralRules(lang);
  const t = (<K extends MessageKey>(key: K, ...args: ParamArgs<K>): string => {
    const params = args[0] as Readonly<Record<string, string | number>> | undefined;
    const entry: string | PluralForms = messages[key] ?? en[key];
    if (typeof entry === 'string') return interpolate(entry, params);
    const count = Number(params?.count ?? 0);
    const form = entry[plurals.select(count)] ?? entry.other;
    return interpolate(form, params);
  }) as Translate;
  cache.set(lang, t);
  return t;
}

/** Number formatting in the UI language (decimal comma in pt-BR). */
export function numberFormat(lang: Lang, maximumFractionDigits: number, minimumFractionDigits = 0): Intl.NumberFormat {
  return new Intl.NumberFormat(lang, { maximumFractionDigits, minimumFractionDigits });
}

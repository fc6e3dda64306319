/**
 * Which UI language to start in: the learner's remembered choice, else the first of the browser's
 * preferred languages (`navigator.languages`, in the user's order) that we speak, else English.
 * We speak one Portuguese, so any `pt` tag (pt, pt-BR, pt-PT, pt-AO…) picks pt-BR. Tags are
 * matched on their primary subtag, case-insensitively, `_` accepted for `-` (BCP 47, RFC 4647
 * "lookup" reduced to the primary language, which is all two catalogs need).
 */
import { LANGS, type Lang } from './types.ts';

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/** The catalog for one BCP 47 tag, or null when we do not speak it. */
export function langForTag(tag: string): Lang | null {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  if (primary === 'pt') return 'pt-BR';
  if (primary === 'en') return 'en';
  return null;
}

/** The remembered choice, else the first browser language we speak, else English. */
export function negotiateLang(preferred: readonly string[], remembered: string | null): Lang {
  if (isLang(remembered)) return remembered;
  for (const tag of preferred) {
    const lang = langForTag(tag);
    if (lang) return lang;
  }
  return 'en';
}

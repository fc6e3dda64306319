import { describe, expect, it } from 'vitest';
import { langForTag, negotiateLang } from './negotiate.ts';

describe('negotiateLang', () => {
  it('maps every Portuguese tag to pt-BR', () => {
    for (const tag of ['pt', 'pt-BR', 'pt-PT', 'PT-br', 'pt_BR', 'pt-AO']) expect(negotiateLang([tag], null), tag).toBe('pt-BR');
  });

  it('takes the first language we speak, in the browser order', () => {
    expect(negotiateLang(['de-DE', 'fr', 'pt-PT', 'en'], null)).toBe('pt-BR');
    expect(negotiateLang(['es', 'en-GB', 'pt-BR'], null)).toBe('en');
  });

  it('falls back to English for unknown languages and empty lists', () => {
    expect(negotiateLang(['ja-JP', 'de'], null)).toBe('en');
    expect(negotiateLang([], null)).toBe('en');
    // "port" is not Portuguese: only the primary subtag counts.
    expect(langForTag('port')).toBeNull();
  });

  it('prefers a remembered choice over the browser, ignoring junk in storage', () => {
    expect(negotiateLang(['pt-BR'], 'en')).toBe('en');
    expect(negotiateLang(['en-US'], 'pt-BR')).toBe('pt-BR');
    expect(negotiateLang(['pt-BR'], 'klingon')).toBe('pt-BR');
    expect(negotiateLang(['en'], 'pt')).toBe('en'); // only exact catalog ids are remembered
  });
});

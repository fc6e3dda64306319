import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { ptBR } from './pt-BR.ts';
import { detectLang, translator } from './index.ts';

describe('t', () => {
  it('interpolates typed parameters', () => {
    expect(translator('en')('narration.started', { name: 'web' })).toBe('web started');
    expect(translator('pt-BR')('narration.started', { name: 'web' })).toBe('web foi iniciado');
    expect(translator('en')('proc.aria', { command: 'nginx', pid: 4123 })).toBe('nginx, host PID 4123');
  });

  it('picks plural forms by count, per language', () => {
    const t = translator('en');
    expect(t('cg.oomKills', { count: 1 })).toBe('1 OOM kill');
    expect(t('cg.oomKills', { count: 3 })).toBe('3 OOM kills');
    const pt = translator('pt-BR');
    expect(pt('cg.throttled', { count: 1 })).toBe('limitado pela cota 1 vez');
    expect(pt('cg.throttled', { count: 0 })).toBe('limitado pela cota 0 vez'); // CLDR: 0 is "one" in Portuguese
    expect(pt('cg.throttled', { count: 12 })).toBe('limitado pela cota 12 vezes');
  });

  it('returns a stable function per language', () => {
    expect(translator('en')).toBe(translator('en'));
  });
});

describe('catalogs', () => {
  it('pt-BR has every key, with the same placeholders', () => {
    const placeholders = (v: unknown) => JSON.stringify(v).match(/\{\w+\}/g)?.sort() ?? [];
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(ptBR[key], key).toBeDefined();
      expect(placeholders(ptBR[key]), key).toEqual(placeholders(en[key]));
    }
  });
});

describe('detectLang', () => {
  it('prefers the remembered choice, then any Portuguese, else English', () => {
    expect(detectLang(['pt-BR'], 'en')).toBe('en');
    expect(detectLang(['pt-PT', 'en'], null)).toBe('pt-BR');
    expect(detectLang(['de-DE', 'pt'], null)).toBe('pt-BR');
    expect(detectLang(['en-GB', 'pt-BR'], null)).toBe('en');
    expect(detectLang([], 'xx')).toBe('en');
  });
});

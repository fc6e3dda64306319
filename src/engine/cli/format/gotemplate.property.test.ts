import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { TemplateError, executeTemplate, goFunc, goStruct, parseTemplate, renderTable } from './gotemplate.ts';
import { tabwrite } from './tabwriter.ts';

const DATA = {
  A: 1.5,
  B: 'text',
  C: [1, 'a', null, { D: 'deep' }],
  M: { k: 'v', n: 3 },
  N: null,
  T: true,
  I: 7n,
  S: goStruct('*T', { Name: 'n', Get: goFunc(['string'], (k: string) => k), String: () => 's' }),
};

/** Parse, then execute against a few data shapes; anything but a TemplateError is a bug. */
function survives(src: string): boolean {
  let t;
  try {
    t = parseTemplate(src);
  } catch (e) {
    if (e instanceof TemplateError) return true;
    throw e;
  }
  for (const data of [DATA, null, 'str', [1, 2], DATA.S]) {
    for (const opts of [{}, { missingKey: 'error' as const }, { typed: true }]) {
      try {
        const out = executeTemplate(t, data, opts);
        if (typeof out !== 'string') return false;
      } catch (e) {
        if (!(e instanceof TemplateError)) throw e;
      }
    }
  }
  return true;
}

const TOKENS = [
  '{{', '}}', '{{- ', ' -}}', '.', '.A', '.B', '.C', '.M', '.N', '.S', '.Name', '.k', '$', '$x', '$x :=', '$y =', ' ', ',', '|',
  '(', ')', 'range', 'if', 'else', 'with', 'end', 'break', 'continue', 'define "T"', 'template "T"', 'block "B" .',
  'and', 'or', 'not', 'len', 'index', 'slice', 'print', 'printf', 'println', 'eq', 'ne', 'lt', 'le', 'gt', 'ge',
  'html', 'js', 'urlquery', 'call', 'json', 'split', 'join', 'title', 'lower', 'upper', 'pad', 'truncate',
  '"%d"', '"%s %v"', '"%5.2f"', '","', '`raw`', "'c'", '0', '1', '-2', '3.5', '1e6', '0x1F', '2i', 'nil', 'true', 'false',
  '/*', '*/', 'text', '\n', '\t', '"', '\\', '.Get "a"',
];

describe('fuzz: nothing but TemplateError escapes', () => {
  it('random strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 80 }), survives), { numRuns: 3000 });
  });

  it('random token soups that reach deep into parser and executor', () => {
    const soup = fc.array(fc.constantFrom(...TOKENS), { maxLength: 30 }).map((ts) => ts.join(''));
    fc.assert(fc.property(soup, survives), { numRuns: 5000 });
  });

  it('well-formed actions built from tokens', () => {
    const action = fc
      .array(fc.constantFrom(...TOKENS.filter((t) => !t.includes('{{') && !t.includes('}}'))), { minLength: 1, maxLength: 8 })
      .map((ts) => '{{' + ts.join(' ') + '}}');
    fc.assert(fc.property(fc.array(action, { maxLength: 5 }).map((a) => a.join('x')), survives), { numRuns: 5000 });
  });

  it('renderTable with random formats', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (format) => {
        try {
          expect(typeof renderTable(format, [DATA, DATA.S], { A: 'A', B: 'B' })).toBe('string');
        } catch (e) {
          if (!(e instanceof TemplateError)) throw e;
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('tabwriter properties', () => {
  it('never throws, and leaves text without cell terminators unchanged', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 120 }), (s) => {
        const out = tabwrite(s);
        if (!/[\t\v\f]/.test(s)) expect(out).toBe(s);
      }),
      { numRuns: 3000 },
    );
  });

  it('aligns every tab-terminated column to a common start', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' ', '-'), maxLength: 12 });
    const row = fc.array(cell, { minLength: 3, maxLength: 3 });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 6 }), (rows) => {
        const out = tabwrite(rows.map((r) => r.join('\t') + '\n').join(''));
        const lines = out.split('\n').slice(0, -1);
        const w0 = Math.max(10, ...rows.map((r) => r[0]!.length + 3));
        const w1 = Math.max(10, ...rows.map((r) => r[1]!.length + 3));
        lines.forEach((line, i) => {
          expect(line).toBe(rows[i]![0]!.padEnd(w0) + rows[i]![1]!.padEnd(w1) + rows[i]![2]);
        });
      }),
      { numRuns: 1000 },
    );
  });
});

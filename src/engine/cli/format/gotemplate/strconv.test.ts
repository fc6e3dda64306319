import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { formatFloat, parseFloat64, parseInt64, parseUint64, quote, quoteRune, unquote } from './strconv.ts';
import { jsonFloat, jsonString } from './json.ts';
import { sprintf } from './fmt.ts';

describe('strconv.FormatFloat', () => {
  const cases: [number, string, number, string][] = [
    [1.5, 'g', -1, '1.5'],
    [1e6, 'g', -1, '1e+06'],
    [123456, 'g', -1, '123456'],
    [1e-5, 'g', -1, '1e-05'],
    [1e-4, 'g', -1, '0.0001'],
    [0, 'g', -1, '0'],
    [0, 'e', -1, '0e+00'],
    [0, 'f', 2, '0.00'],
    [1e100, 'g', -1, '1e+100'],
    [5e-324, 'g', -1, '5e-324'],
    [1.7976931348623157e308, 'g', -1, '1.7976931348623157e+308'],
    [0.1, 'f', 20, '0.10000000000000000555'],
    [2.5, 'f', 0, '2'],
    [3.5, 'f', 0, '4'],
    [0.125, 'f', 2, '0.12'],
    [0.375, 'f', 2, '0.38'],
    [1e21, 'f', 0, '1000000000000000000000'],
    [123.456, 'e', 2, '1.23e+02'],
    [123.456, 'E', 0, '1E+02'],
    [9.99, 'e', 1, '1.0e+01'],
    [99.5, 'g', 2, '1e+02'],
    [0.000123456, 'g', 3, '0.000123'],
    [1, 'x', -1, '0x1p+00'],
    [-0.5, 'x', -1, '-0x1p-01'],
    [3, 'x', 0, '0x1p+02'],
    [NaN, 'g', -1, 'NaN'],
    [Infinity, 'g', -1, '+Inf'],
    [-Infinity, 'f', 2, '-Inf'],
    [-0, 'g', -1, '-0'],
  ];
  for (const [x, fmt, prec, expected] of cases) {
    it(`FormatFloat(${x}, '${fmt}', ${prec})`, () => {
      expect(formatFloat(x, fmt, prec)).toBe(expected);
    });
  }

  it('shortest output round-trips', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        expect(Number(formatFloat(x, 'g', -1))).toBe(x);
        expect(Number(formatFloat(x, 'e', 16))).toBe(x);
      }),
      { numRuns: 2000 },
    );
  });

  it('fixed precision agrees with correctly rounded JS output away from exact ties', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e15, max: 1e15, noNaN: true }), fc.integer({ min: 0, max: 12 }), (x, p) => {
        const js = x.toExponential(p);
        const go = formatFloat(x, 'e', p).replace(/e([+-])0(\d)$/, 'e$1$2');
        const tie = /5$/.test(Math.abs(x).toExponential(p + 1)) && Math.abs(x).toExponential(p + 1) === Math.abs(x).toExponential();
        if (!tie && x !== 0) expect(go).toBe(js);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('strconv number parsing (base 0)', () => {
  it('parses Go integer literals', () => {
    expect(parseInt64('0x1F')).toBe(31n);
    expect(parseInt64('017')).toBe(15n);
    expect(parseInt64('0o17')).toBe(15n);
    expect(parseInt64('0b11')).toBe(3n);
    expect(parseInt64('1_000')).toBe(1000n);
    expect(parseInt64('-9223372036854775808')).toBe(-9223372036854775808n);
    expect(parseInt64('9223372036854775808')).toBeNull();
    expect(parseUint64('18446744073709551615')).toBe(18446744073709551615n);
    expect(parseInt64('1__0')).toBeNull();
    expect(parseInt64('_1')).toBeNull();
    expect(parseInt64('089')).toBeNull();
  });

  it('parses Go float literals', () => {
    expect(parseFloat64('1.5e3')).toBe(1500);
    expect(parseFloat64('.5')).toBe(0.5);
    expect(parseFloat64('0x1p-2')).toBe(0.25);
    expect(parseFloat64('0x1.8p1')).toBe(3);
    expect(parseFloat64('1e400')).toBeNull();
    expect(parseFloat64('0x1.8')).toBeNull();
    expect(parseFloat64('1_0.5')).toBe(10.5);
  });
});

describe('quoting', () => {
  it('quotes like strconv.Quote', () => {
    expect(quote('a"b\\c\n\t\u0007\u00e9\u00a0\u200b\u{1F600}\u007f')).toBe('"a\\"b\\\\c\\n\\t\\aé\\u00a0\\u200b😀\\x7f"');
    expect(quote('é', true)).toBe('"\\u00e9"');
    expect(quoteRune(0x41)).toBe("'A'");
    expect(quoteRune(0x27)).toBe("'\\''");
  });

  it('unquotes Go string literals', () => {
    expect(unquote('"a\\tb\\u00e9\\x41\\101\\U0001F600"')).toBe('a\tbéAA😀');
    expect(unquote('`a\\n\r`')).toBe('a\\n');
    expect(() => unquote('"\\\'"')).toThrow('invalid syntax');
    expect(() => unquote('"\\ud800"')).toThrow('invalid syntax');
  });
});

describe('encoding/json pieces', () => {
  it('encodes floats like Go', () => {
    expect(jsonFloat(1e21)).toBe('1e+21');
    expect(jsonFloat(1e20)).toBe('100000000000000000000');
    expect(jsonFloat(1e-7)).toBe('1e-7');
    expect(jsonFloat(0.000001)).toBe('0.000001');
    expect(jsonFloat(-0)).toBe('-0');
  });

  it('escapes strings like Go with HTML escaping off', () => {
    expect(jsonString('<&>\u2029\u007f\u001f')).toBe('"<&>\\u2029\u007f\\u001f"');
  });
});

describe('fmt.Sprintf corner cases', () => {
  it('handles bad widths, precisions and indexes', () => {
    expect(sprintf('%*d', ['x', 1n])).toBe('%!(BADWIDTH)1');
    expect(sprintf('%.*d', ['x', 1n])).toBe('%!(BADPREC)1');
    expect(sprintf('%[3]d', [1n])).toBe('%!d(BADINDEX)');
    expect(sprintf('%-*d|', [-3n, 1n])).toBe('1  |');
    expect(sprintf('%.0d|%.0d', [0n, 1n])).toBe('|1');
  });
});

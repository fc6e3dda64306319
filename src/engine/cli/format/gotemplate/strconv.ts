/**
 * The parts of Go's strconv that text/template and fmt lean on: quoting (`%q`, error messages),
 * unquoting string and rune literals, Go number-literal parsing, and float formatting with
 * correctly rounded digits. Matched against go/src/strconv/{quote,atoi,atof,ftoa}.go.
 */

import { fromUtf8, utf8Bytes } from './utf8.ts';

/** Go's `strconv.ErrSyntax` text. */
export const ERR_SYNTAX = 'invalid syntax';

export class StrconvError extends Error {}

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;

/** `strconv.IsPrint`: letters, marks, numbers, punctuation, symbols and the ASCII space. */
export function isPrint(r: number): boolean {
  if (r === 0x20) return true;
  if (r < 0x20 || r === 0x7f) return false;
  if (r < 0x7f) return true;
  if (r > 0x10ffff || (r >= 0xd800 && r <= 0xdfff)) return false;
  return PRINTABLE.test(String.fromCodePoint(r));
}

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

function appendEscapedRune(out: string[], r: number, quote: number, asciiOnly: boolean): void {
  if (r === quote || r === 0x5c) {
    out.push('\\', String.fromCodePoint(r));
    return;
  }
  if (asciiOnly ? r < 0x80 && isPrint(r) : isPrint(r)) {
    out.push(String.fromCodePoint(r));
    return;
  }
  switch (r) {
    case 0x07: out.push('\\a'); return;
    case 0x08: out.push('\\b'); return;
    case 0x0c: out.push('\\f'); return;
    case 0x0a: out.push('\\n'); return;
    case 0x0d: out.push('\\r'); return;
    case 0x09: out.push('\\t'); return;
    case 0x0b: out.push('\\v'); return;
  }
  if (r < 0x20 || r === 0x7f) out.push('\\x' + hex(r, 2));
  else if (r > 0x10ffff || (r >= 0xd800 && r <= 0xdfff)) out.push('\\ufffd');
  else if (r < 0x10000) out.push('\\u' + hex(r, 4));
  else out.push('\\U' + hex(r, 8));
}

/** `strconv.Quote` (or `QuoteToASCII` when `asciiOnly`). */
export function quote(s: string, asciiOnly = false): string {
  const out: string[] = ['"'];
  for (const ch of s) appendEscapedRune(out, ch.codePointAt(0) ?? 0xfffd, 0x22, asciiOnly);
  out.push('"');
  return out.join('');
}

/** `strconv.QuoteRune`. */
export function quoteRune(r: number, asciiOnly = false): string {
  if (r > 0x10ffff || r < 0 || (r >= 0xd800 && r <= 0xdfff)) r = 0xfffd;
  const out: string[] = ["'"];
  appendEscapedRune(out, r, 0x27, asciiOnly);
  out.push("'");
  return out.join('');
}

/** `strconv.CanBackquote`. */
export function canBackquote(s: string): boolean {
  for (const ch of s) {
    const r = ch.codePointAt(0) ?? 0;
    if (r === 0xfeff) return false;
    if ((r < 0x20 && r !== 0x09) || r === 0x60 || r === 0x7f) return false;
  }
  return true;
}

function unhex(c: string): number {
  const v = parseInt(c, 16);
  return Number.isNaN(v) || !/^[0-9a-fA-F]$/.test(c) ? -1 : v;
}

/**
 * `strconv.UnquoteChar`: decodes the first character or escape of `s` inside a literal quoted with
 * `quote`. Returns the value, whether it is a single byte (from `\x` or octal) and the rest.
 */
export function unquoteChar(s: string, quote: string): { value: number; isByte: boolean; tail: string } {
  const first = s.codePointAt(0);
  if (first === undefined) throw new StrconvError(ERR_SYNTAX);
  const c = String.fromCodePoint(first);
  if (c === quote && (quote === "'" || quote === '"')) throw new StrconvError(ERR_SYNTAX);
  if (c !== '\\') return { value: first, isByte: false, tail: s.slice(c.length) };
  if (s.length <= 1) throw new StrconvError(ERR_SYNTAX);
  const e = s[1] ?? '';
  let rest = s.slice(2);
  switch (e) {
    case 'a': return { value: 7, isByte: false, tail: rest };
    case 'b': return { value: 8, isByte: false, tail: rest };
    case 'f': return { value: 12, isByte: false, tail: rest };
    case 'n': return { value: 10, isByte: false, tail: rest };
    case 'r': return { value: 13, isByte: false, tail: rest };
    case 't': return { value: 9, isByte: false, tail: rest };
    case 'v': return { value: 11, isByte: false, tail: rest };
    case 'x':
    case 'u':
    case 'U': {
      const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      if (rest.length < n) throw new StrconvError(ERR_SYNTAX);
      let v = 0;
      for (let j = 0; j < n; j++) {
        const x = unhex(rest[j] ?? '');
        if (x < 0) throw new StrconvError(ERR_SYNTAX);
        v = v * 16 + x;
      }
      rest = rest.slice(n);
      if (e === 'x') return { value: v, isByte: true, tail: rest };
      if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) throw new StrconvError(ERR_SYNTAX);
      return { value: v, isByte: false, tail: rest };
    }
    case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
      let v = Number(e);
      if (rest.length < 2) throw new StrconvError(ERR_SYNTAX);
      for (let j = 0; j < 2; j++) {
        const d = (rest.charCodeAt(j) - 0x30) | 0;
        if (d < 0 || d > 7) throw new StrconvError(ERR_SYNTAX);
        v = v * 8 + d;
      }
      if (v > 255) throw new StrconvError(ERR_SYNTAX);
      return { value: v, isByte: true, tail: rest.slice(2) };
    }
    case '\\':
      return { value: 0x5c, isByte: false, tail: rest };
    case "'":
    case '"':
      if (e !== quote) throw new StrconvError(ERR_SYNTAX);
      return { value: e.charCodeAt(0), isByte: false, tail: rest };
    default:
      throw new StrconvError(ERR_SYNTAX);
  }
}

/** `strconv.Unquote` for "…" and `…` literals (the lexer guarantees the shape). */
export function unquote(lit: string): string {
  if (lit.length < 2) throw new StrconvError(ERR_SYNTAX);
  const q = lit[0];
  if (q !== lit[lit.length - 1]) throw new StrconvError(ERR_SYNTAX);
  const body = lit.slice(1, -1);
  if (q === '`') {
    if (body.includes('`')) throw new StrconvError(ERR_SYNTAX);
    return body.replaceAll('\r', '');
  }
  if (q !== '"') throw new StrconvError(ERR_SYNTAX);
  if (body.includes('\n')) throw new StrconvError(ERR_SYNTAX);
  if (!body.includes('\\') && !body.includes('"')) return body;
  // Collect bytes: \x and octal escapes are raw bytes, the rest UTF-8 encoded characters.
  const bytes: number[] = [];
  let rest = body;
  while (rest.length > 0) {
    const { value, isByte, tail } = unquoteChar(rest, '"');
    rest = tail;
    if (isByte) bytes.push(value);
    else for (const b of utf8Bytes(String.fromCodePoint(value))) bytes.push(b);
  }
  return fromUtf8(Uint8Array.from(bytes));
}

// ---------------------------------------------------------------------------------------------
// Integer and float literal parsing (strconv.ParseInt/ParseUint/ParseFloat with base 0).

function underscoreOK(s0: string): boolean {
  let s = s0;
  let saw = '^';
  let i = 0;
  if (s.length >= 1 && (s[0] === '-' || s[0] === '+')) s = s.slice(1);
  let isHex = false;
  const l1 = (s[1] ?? '').toLowerCase();
  if (s.length >= 2 && s[0] === '0' && (l1 === 'b' || l1 === 'o' || l1 === 'x')) {
    i = 2;
    saw = '0';
    isHex = l1 === 'x';
  }
  for (; i < s.length; i++) {
    const c = s[i] ?? '';
    const lc = c.toLowerCase();
    if ((c >= '0' && c <= '9') || (isHex && lc >= 'a' && lc <= 'f')) {
      saw = '0';
      continue;
    }
    if (c === '_') {
      if (saw !== '0') return false;
      saw = '_';
      continue;
    }
    if (saw === '_') return false;
    saw = '!';
  }
  return saw !== '_';
}

/** `strconv.ParseUint(s, 0, 64)`; null on any error. */
export function parseUint64(s0: string): bigint | null {
  if (s0 === '') return null;
  let s = s0;
  let base = 10n;
  if (s[0] === '0') {
    const l = (s[1] ?? '').toLowerCase();
    if (s.length >= 3 && l === 'b') { base = 2n; s = s.slice(2); }
    else if (s.length >= 3 && l === 'o') { base = 8n; s = s.slice(2); }
    else if (s.length >= 3 && l === 'x') { base = 16n; s = s.slice(2); }
    else { base = 8n; s = s.slice(1); }
  }
  let n = 0n;
  let underscores = false;
  for (const c of s) {
    if (c === '_') {
      underscores = true;
      continue;
    }
    const d = /^[0-9a-zA-Z]$/.test(c) ? BigInt(parseInt(c, 36)) : 99n;
    if (d >= base) return null;
    n = n * base + d;
    if (n > 0xffffffffffffffffn) return null;
  }
  if (underscores && !underscoreOK(s0)) return null;
  return n;
}

/** `strconv.ParseInt(s, 0, 64)`; null on any error. */
export function parseInt64(s: string): bigint | null {
  if (s === '') return null;
  let neg = false;
  let body = s;
  if (s[0] === '+' || s[0] === '-') {
    neg = s[0] === '-';
    body = s.slice(1);
  }
  const u = parseUint64(body);
  if (u === null) return null;
  if (!neg && u > 0x7fffffffffffffffn) return null;
  if (neg && u > 0x8000000000000000n) return null;
  return neg ? -u : u;
}

/** `strconv.ParseFloat(s, 64)` for Go literal syntax; null on syntax or range error. */
export function parseFloat64(s: string): number | null {
  if (s === '') return null;
  let body = s;
  let neg = false;
  if (body[0] === '+' || body[0] === '-') {
    neg = body[0] === '-';
    body = body.slice(1);
  }
  const lower = body.toLowerCase();
  if (lower === 'inf' || lower === 'infinity') return null; // never reaches here from the lexer
  if (lower === 'nan') return null;
  if (body.includes('_') && !underscoreOK(s)) return null;
  const clean = body.replaceAll('_', '');
  let v: number;
  if (/^0x/i.test(clean)) {
    const m = /^0x([0-9a-f]*)(?:\.([0-9a-f]*))?p([+-]?\d+)$/i.exec(clean);
    if (!m) return null;
    const intPart = m[1] ?? '';
    const frac = m[2] ?? '';
    if (intPart === '' && frac === '') return null;
    const mant = BigInt('0x' + (intPart + frac || '0'));
    const exp = Number(m[3]) - 4 * frac.length;
    v = Number(mant) * 2 ** exp;
  } else {
    if (!/^(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(clean)) return null;
    v = Number(clean);
  }
  if (!Number.isFinite(v)) return null;
  return neg ? -v : v;
}

// ---------------------------------------------------------------------------------------------
// Float formatting (strconv.FormatFloat for bitSize 64).

interface Decimal {
  /** Significant digits without leading zeros; "" for zero. */
  d: string;
  /** Position of the decimal point relative to the start of d. */
  dp: number;
}

/** The exact decimal expansion of a finite, non-negative double. */
function exactDecimal(x: number): Decimal {
  if (x === 0) return { d: '', dp: 0 };
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let exp: number;
  if (biased === 0) exp = -1074;
  else {
    mant |= 1n << 52n;
    exp = biased - 1075;
  }
  let digits: string;
  let dp: number;
  if (exp >= 0) {
    digits = (mant << BigInt(exp)).toString();
    dp = digits.length;
  } else {
    digits = (mant * 5n ** BigInt(-exp)).toString();
    dp = digits.length + exp;
  }
  return trim({ d: digits, dp });
}

function trim(a: Decimal): Decimal {
  let end = a.d.length;
  while (end > 0 && a.d[end - 1] === '0') end--;
  let start = 0;
  while (start < end && a.d[start] === '0') start++;
  if (start === end) return { d: '', dp: 0 };
  return { d: a.d.slice(start, end), dp: a.dp - start };
}

/** decimal.Round: round to nd digits, half to even on exact ties. */
function round(a: Decimal, nd: number): Decimal {
  if (nd < 0 || nd >= a.d.length) return a;
  const next = a.d.charCodeAt(nd) - 48;
  let up: boolean;
  if (next === 5 && nd + 1 === a.d.length) up = nd > 0 && (a.d.charCodeAt(nd - 1) - 48) % 2 === 1;
  else up = next >= 5;
  if (!up) return trim({ d: a.d.slice(0, nd), dp: a.dp });
  let i = nd - 1;
  const ds = a.d.slice(0, nd).split('');
  while (i >= 0 && ds[i] === '9') i--;
  if (i < 0) return { d: '1', dp: a.dp + 1 };
  ds[i] = String.fromCharCode((ds[i] ?? '0').charCodeAt(0) + 1);
  return trim({ d: ds.slice(0, i + 1).join(''), dp: a.dp });
}

/** Shortest digits that round-trip, as JS produces them (the same choice as Go's Ryu). */
function shortestDecimal(x: number): Decimal {
  if (x === 0) return { d: '', dp: 0 };
  const e = x.toExponential();
  const m = /^(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(e);
  if (!m) return exactDecimal(x);
  return trim({ d: (m[1] ?? '') + (m[2] ?? ''), dp: Number(m[3]) + 1 });
}

function digitAt(a: Decimal, i: number): string {
  return i >= 0 && i < a.d.length ? (a.d[i] ?? '0') : '0';
}

function fmtE(neg: boolean, a: Decimal, prec: number, fmt: string): string {
  let s = neg ? '-' : '';
  s += a.d.length === 0 ? '0' : digitAt(a, 0);
  if (prec > 0) {
    s += '.';
    for (let i = 1; i <= prec; i++) s += digitAt(a, i);
  }
  s += fmt;
  let exp = a.d.length === 0 ? 0 : a.dp - 1;
  s += exp < 0 ? '-' : '+';
  exp = Math.abs(exp);
  s += exp < 10 ? '0' + exp : String(exp);
  return s;
}

function fmtF(neg: boolean, a: Decimal, prec: number): string {
  let s = neg ? '-' : '';
  if (a.dp > 0) {
    let m = Math.min(a.d.length, a.dp);
    s += a.d.slice(0, m);
    for (; m < a.dp; m++) s += '0';
  } else s += '0';
  if (prec > 0) {
    s += '.';
    for (let i = 1; i <= prec; i++) s += digitAt(a, a.dp + i - 1);
  }
  return s;
}

function fmtHex(neg: boolean, x: number, prec: number, upper: boolean): string {
  // %x: -0x1.23abcp+20, the mantissa normalised to 1.xxx and the exponent at least two digits.
  let s = neg ? '-0x' : '0x';
  let m = 0n;
  let exp = 0;
  if (x !== 0) {
    const view = new DataView(new ArrayBuffer(8));
    view.setFloat64(0, x);
    const hi = view.getUint32(0);
    const biased = (hi >>> 20) & 0x7ff;
    m = (BigInt(hi & 0xfffff) << 32n) | BigInt(view.getUint32(4));
    if (biased === 0) {
      exp = -1022;
      while ((m & (1n << 52n)) === 0n) {
        m <<= 1n;
        exp--;
      }
    } else {
      m |= 1n << 52n;
      exp = biased - 1023;
    }
  }
  let frac: string;
  if (prec >= 0 && prec < 13) {
    const shift = BigInt(4 * (13 - prec));
    let q = m >> shift;
    const rem = m & ((1n << shift) - 1n);
    const half = 1n << (shift - 1n);
    if (rem > half || (rem === half && (q & 1n) === 1n)) q += 1n;
    if (q >> BigInt(4 * prec) >= 2n) {
      q >>= 1n;
      exp++;
    }
    frac = prec > 0 ? (q & ((1n << BigInt(4 * prec)) - 1n)).toString(16).padStart(prec, '0') : '';
  } else {
    frac = (m & ((1n << 52n) - 1n)).toString(16).padStart(13, '0');
    frac = prec < 0 ? frac.replace(/0+$/, '') : frac.padEnd(prec, '0');
  }
  s += x === 0 ? '0' : '1';
  if (frac.length > 0) s += '.' + frac;
  const ae = Math.abs(exp);
  s += 'p' + (exp < 0 ? '-' : '+') + (ae < 10 ? '0' + ae : String(ae));
  return upper ? s.toUpperCase() : s;
}

/**
 * `strconv.FormatFloat(x, fmt, prec, 64)` for fmt in e E f g G x X; prec -1 means shortest.
 * NOTE: shortest %g switches to an exponent at exp < -4 || exp >= 6 (strconv's "eprec = 6" when
 * shortest), which is why Go prints 1e+06 for a JSON number 1000000.
 */
export function formatFloat(x: number, fmt: string, prec: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return '+Inf';
  if (x === -Infinity) return '-Inf';
  const neg = x < 0 || Object.is(x, -0);
  const ax = Math.abs(x);
  if (fmt === 'x' || fmt === 'X') return fmtHex(neg, ax, prec, fmt === 'X');
  const shortest = prec < 0;
  let digs: Decimal;
  if (shortest) {
    digs = shortestDecimal(ax);
    switch (fmt) {
      case 'e': case 'E': prec = Math.max(digs.d.length - 1, 0); break;
      case 'f': prec = Math.max(digs.d.length - digs.dp, 0); break;
      default: prec = digs.d.length;
    }
  } else {
    const exact = exactDecimal(ax);
    switch (fmt) {
      case 'e': case 'E': digs = round(exact, prec + 1); break;
      case 'f': digs = round(exact, exact.dp + prec); break;
      default:
        if (prec === 0) prec = 1;
        digs = round(exact, prec);
    }
  }
  switch (fmt) {
    case 'e': case 'E': return fmtE(neg, digs, prec, fmt);
    case 'f': return fmtF(neg, digs, prec);
    default: {
      let eprec = prec;
      if (eprec > digs.d.length && digs.d.length >= digs.dp) eprec = digs.d.length;
      if (shortest) eprec = 6;
      const exp = digs.dp - 1;
      if (exp < -4 || exp >= eprec) {
        if (prec > digs.d.length) prec = digs.d.length;
        return fmtE(neg, digs, prec - 1, fmt === 'G' ? 'E' : 'e');
      }
      if (prec > digs.dp) prec = digs.d.length;
      return fmtF(neg, digs, Math.max(prec - digs.dp, 0));
    }
  }
}

/**
 * Go's fmt printer (go/src/fmt/print.go and format.go) over the value model of values.ts:
 * Sprint, Sprintln and Sprintf with flags, width, precision, `*`, the %!verb(type=value) error
 * forms, MISSING/EXTRA/NOVERB/BADWIDTH/BADPREC, composite printing (`[a b]`, `map[k:v]`, `{f g}`).
 */

import { formatFloat, quote, quoteRune, canBackquote, isPrint } from './strconv.ts';
import { runeCount, utf8Bytes } from './utf8.ts';
import {
  GoComplex,
  GoStruct,
  GoUint8,
  NilPointer,
  isGoFunction,
  isMap,
  mapGet,
  sortedKeys,
  structFields,
  structMethod,
  typeName,
} from './values.ts';

const NIL_ANGLE = '<nil>';
/** Go prints addresses for func values and nested pointers; ours are fixed and fake. */
const FAKE_ADDRESS = '0xc000010000';

interface Flags {
  plus: boolean;
  minus: boolean;
  sharp: boolean;
  space: boolean;
  zero: boolean;
  plusV: boolean;
  sharpV: boolean;
  widPresent: boolean;
  precPresent: boolean;
  wid: number;
  prec: number;
}

function clearFlags(): Flags {
  return {
    plus: false, minus: false, sharp: false, space: false, zero: false,
    plusV: false, sharpV: false, widPresent: false, precPresent: false, wid: 0, prec: 0,
  };
}

function tooLarge(x: number): boolean {
  return x > 1e6 || x < -1e6;
}

class Printer {
  buf: string[] = [];
  f: Flags = clearFlags();
  arg: unknown = undefined;
  argSet = false;
  erroring = false;

  constructor(readonly typed: boolean) {}

  write(s: string): void {
    this.buf.push(s);
  }

  // ---- format.go -------------------------------------------------------------------------

  writePadding(n: number): void {
    if (n <= 0) return;
    const pad = this.f.zero && !this.f.minus ? '0' : ' ';
    this.write(pad.repeat(n));
  }

  pad(s: string): void {
    if (!this.f.widPresent || this.f.wid === 0) {
      this.write(s);
      return;
    }
    const width = this.f.wid - runeCount(s);
    if (!this.f.minus) {
      this.writePadding(width);
      this.write(s);
    } else {
      this.write(s);
      const z = this.f.zero;
      this.f.zero = false;
      this.writePadding(width);
      this.f.zero = z;
    }
  }

  fmtBoolean(v: boolean): void {
    this.pad(v ? 'true' : 'false');
  }

  truncate(s: string): string {
    if (this.f.precPresent) {
      let n = this.f.prec;
      let i = 0;
      for (const ch of s) {
        n--;
        if (n < 0) return s.slice(0, i);
        i += ch.length;
      }
    }
    return s;
  }

  fmtS(s: string): void {
    this.pad(this.truncate(s));
  }

  fmtSx(s: string, digits: string): void {
    let bytes = utf8Bytes(s);
    if (this.f.precPresent && this.f.prec < bytes.length) bytes = bytes.subarray(0, this.f.prec);
    const parts: string[] = [];
    for (let i = 0; i < bytes.length; i++) {
      let p = '';
      if (this.f.space && i > 0) p += ' ';
      if (this.f.sharp && (this.f.space || i === 0)) p += digits === 'X' ? '0X' : '0x';
      const b = bytes[i] ?? 0;
      const h = b.toString(16).padStart(2, '0');
      p += digits === 'X' ? h.toUpperCase() : h;
      parts.push(p);
    }
    const z = this.f.zero;
    this.f.zero = false; // Go pads hex strings with spaces only
    this.pad(parts.join(''));
    this.f.zero = z;
  }

  fmtQ(s: string): void {
    s = this.truncate(s);
    if (this.f.sharp && canBackquote(s)) {
      this.pad('`' + s + '`');
      return;
    }
    this.pad(quote(s, this.f.plus));
  }

  fmtInteger(v: bigint, base: number, isSigned: boolean, verb: string, upper: boolean): void {
    const negative = isSigned && v < 0n;
    let u = negative ? -v : v;
    let prec = 0;
    if (this.f.precPresent) {
      prec = this.f.prec;
      if (prec === 0 && u === 0n) {
        const z = this.f.zero;
        this.f.zero = false;
        this.writePadding(this.f.wid);
        this.f.zero = z;
        return;
      }
    } else if (this.f.zero && !this.f.minus && this.f.widPresent) {
      prec = this.f.wid;
      if (negative || this.f.plus || this.f.space) prec--;
    }
    let digits = u.toString(base);
    if (upper) digits = digits.toUpperCase();
    u = 0n;
    if (digits.length < prec) digits = '0'.repeat(prec - digits.length) + digits;
    if (this.f.sharp) {
      if (base === 2) digits = '0b' + digits;
      else if (base === 8 && digits[0] !== '0') digits = '0' + digits;
      else if (base === 16) digits = (upper ? '0X' : '0x') + digits;
    }
    if (verb === 'O') digits = '0o' + digits;
    if (negative) digits = '-' + digits;
    else if (this.f.plus) digits = '+' + digits;
    else if (this.f.space) digits = ' ' + digits;
    const z = this.f.zero;
    this.f.zero = false;
    this.pad(digits);
    this.f.zero = z;
  }

  fmtUnicode(u: bigint): void {
    let s = 'U+' + u.toString(16).toUpperCase().padStart(this.f.precPresent && this.f.prec > 4 ? this.f.prec : 4, '0');
    if (this.f.sharp && u <= 0x10ffffn && isPrint(Number(u))) s += " '" + String.fromCodePoint(Number(u)) + "'";
    const z = this.f.zero;
    this.f.zero = false;
    this.pad(s);
    this.f.zero = z;
  }

  fmtC(u: bigint): void {
    const r = u > 0x10ffffn || (u >= 0xd800n && u <= 0xdfffn) ? 0xfffd : Number(u);
    const z = this.f.zero;
    this.f.zero = false;
    this.pad(String.fromCodePoint(r));
    this.f.zero = z;
  }

  fmtQc(u: bigint): void {
    const r = u > 0x10ffffn ? 0xfffd : Number(u);
    const z = this.f.zero;
    this.f.zero = false;
    this.pad(quoteRune(r, this.f.plus));
    this.f.zero = z;
  }

  fmtFloatF(v: number, verb: string, prec: number): void {
    if (this.f.precPresent) prec = this.f.prec;
    let num = formatFloat(v, verb === 'F' ? 'f' : verb, prec);
    if (num[0] !== '-' && num[0] !== '+') num = '+' + num;
    if (this.f.space && num[0] === '+' && !this.f.plus) num = ' ' + num.slice(1);
    if (num[1] === 'I' || num[1] === 'N') {
      const z = this.f.zero;
      this.f.zero = false;
      if (num[1] === 'N' && !this.f.space && !this.f.plus) num = num.slice(1);
      this.pad(num);
      this.f.zero = z;
      return;
    }
    if (this.f.sharp && verb !== 'b') num = this.sharpFloat(num, verb, prec);
    if (this.f.plus || num[0] !== '+') {
      if (this.f.zero && !this.f.minus && this.f.widPresent && this.f.wid > num.length) {
        this.write(num[0] ?? '');
        this.writePadding(this.f.wid - num.length);
        this.write(num.slice(1));
        return;
      }
      this.pad(num);
      return;
    }
    this.pad(num.slice(1));
  }

  /** The '#' flag: always a decimal point; %g and %v keep trailing zeros (format.go). */
  sharpFloat(num: string, verb: string, prec: number): string {
    let digits = 0;
    if (verb === 'v' || verb === 'g' || verb === 'G' || verb === 'x') {
      digits = prec === -1 ? 6 : prec;
    }
    let tail = '';
    let hasDecimalPoint = false;
    let sawNonzeroDigit = false;
    for (let i = 1; i < num.length; i++) {
      const c = num[i] ?? '';
      if (c === '.') {
        hasDecimalPoint = true;
        continue;
      }
      if (c === 'p' || c === 'P' || ((c === 'e' || c === 'E') && verb !== 'x' && verb !== 'X')) {
        tail = num.slice(i);
        num = num.slice(0, i);
        break;
      }
      if (c !== '0') sawNonzeroDigit = true;
      if (sawNonzeroDigit) digits--;
    }
    if (!hasDecimalPoint) {
      if (num.length === 2 && num[1] === '0') digits--;
      num += '.';
    }
    while (digits > 0) {
      num += '0';
      digits--;
    }
    return num + tail;
  }

  // ---- print.go --------------------------------------------------------------------------

  badVerb(verb: string): void {
    this.erroring = true;
    this.write('%!' + verb + '(');
    if (this.argSet && this.arg !== null && this.arg !== undefined) {
      this.write(typeName(this.arg, this.typed) + '=');
      this.printArg(this.arg, 'v');
    } else this.write(NIL_ANGLE);
    this.write(')');
    this.erroring = false;
  }

  fmtBool(v: boolean, verb: string): void {
    if (verb === 't' || verb === 'v') this.fmtBoolean(v);
    else this.badVerb(verb);
  }

  fmtIntegerVerb(v: bigint, isSigned: boolean, verb: string): void {
    switch (verb) {
      case 'v':
        if (this.f.sharpV && !isSigned) this.fmtInteger(v, 16, false, 'x', false);
        else this.fmtInteger(v, 10, isSigned, verb, false);
        return;
      case 'd': this.fmtInteger(v, 10, isSigned, verb, false); return;
      case 'b': this.fmtInteger(v, 2, isSigned, verb, false); return;
      case 'o': case 'O': this.fmtInteger(v, 8, isSigned, verb, false); return;
      case 'x': this.fmtInteger(v, 16, isSigned, verb, false); return;
      case 'X': this.fmtInteger(v, 16, isSigned, verb, true); return;
      case 'c': this.fmtC(v); return;
      case 'q': this.fmtQc(v); return;
      case 'U': this.fmtUnicode(v); return;
      default: this.badVerb(verb);
    }
  }

  fmtFloat(v: number, verb: string): void {
    switch (verb) {
      case 'v': this.fmtFloatF(v, 'g', -1); return;
      case 'b': case 'g': case 'G': case 'x': case 'X': this.fmtFloatF(v, verb, -1); return;
      case 'f': case 'e': case 'E': case 'F': this.fmtFloatF(v, verb, 6); return;
      default: this.badVerb(verb);
    }
  }

  fmtComplex(v: GoComplex, verb: string): void {
    switch (verb) {
      case 'v': case 'b': case 'g': case 'G': case 'x': case 'X': case 'f': case 'F': case 'e': case 'E': {
        const oldPlus = this.f.plus;
        this.write('(');
        this.fmtFloat(v.re, verb);
        this.f.plus = true;
        this.fmtFloat(v.im, verb);
        this.write('i)');
        this.f.plus = oldPlus;
        return;
      }
      default: this.badVerb(verb);
    }
  }

  fmtString(v: string, verb: string): void {
    switch (verb) {
      case 'v':
        if (this.f.sharpV) this.fmtQ(v);
        else this.fmtS(v);
        return;
      case 's': this.fmtS(v); return;
      case 'x': this.fmtSx(v, 'x'); return;
      case 'X': this.fmtSx(v, 'X'); return;
      case 'q': this.fmtQ(v); return;
      default: this.badVerb(verb);
    }
  }

  fmtPointer(isNil: boolean, verb: string): void {
    switch (verb) {
      case 'v':
        this.pad(isNil ? NIL_ANGLE : FAKE_ADDRESS);
        return;
      case 'p':
        this.pad(isNil ? '0x0' : FAKE_ADDRESS);
        return;
      case 'b': case 'o': case 'd': case 'x': case 'X':
        this.fmtInteger(isNil ? 0n : 0xc000010000n, verb === 'b' ? 2 : verb === 'o' ? 8 : verb === 'd' ? 10 : 16, false, verb, verb === 'X');
        return;
      default: this.badVerb(verb);
    }
  }

  /** Stringer handling: a struct with a String() method prints through it for %v %s %x %X %q. */
  handleMethods(verb: string): boolean {
    if (this.erroring) return false;
    const a = this.arg;
    if (!(a instanceof GoStruct) || this.f.sharpV) return false;
    const m = structMethod(a, 'String');
    if (!m || m.params.length !== 0) return false;
    if (verb !== 'v' && verb !== 's' && verb !== 'x' && verb !== 'X' && verb !== 'q') return false;
    let s: unknown;
    try {
      s = m.call([], { typed: this.typed, jsonSortMapKeys: false });
    } catch (e) {
      this.write('%!' + verb + '(PANIC=String method: ' + (e instanceof Error ? e.message : String(e)) + ')');
      return true;
    }
    this.fmtString(typeof s === 'string' ? s : String(s), verb);
    return true;
  }

  printArg(arg: unknown, verb: string): void {
    this.arg = arg;
    this.argSet = true;
    if (arg === null || arg === undefined) {
      if (verb === 'T' || verb === 'v') this.pad(NIL_ANGLE);
      else this.badVerb(verb);
      return;
    }
    if (verb === 'T') {
      this.fmtS(typeName(arg, this.typed));
      return;
    }
    if (verb === 'p') {
      const pointerish = arg instanceof NilPointer || Array.isArray(arg) || isMap(arg) || isGoFunction(arg) ||
        (arg instanceof GoStruct && arg.typeName.startsWith('*'));
      if (pointerish) this.fmtPointer(arg instanceof NilPointer, 'p');
      else this.badVerb(verb);
      return;
    }
    switch (typeof arg) {
      case 'boolean': this.fmtBool(arg, verb); return;
      case 'number':
        if (this.typed && Number.isInteger(arg)) this.fmtIntegerVerb(BigInt(arg), true, verb);
        else this.fmtFloat(arg, verb);
        return;
      case 'bigint': this.fmtIntegerVerb(arg, true, verb); return;
      case 'string': this.fmtString(arg, verb); return;
    }
    if (arg instanceof GoUint8) {
      this.fmtIntegerVerb(BigInt(arg.value), false, verb);
      return;
    }
    if (arg instanceof GoComplex) {
      this.fmtComplex(arg, verb);
      return;
    }
    if (this.handleMethods(verb)) return;
    this.printValue(arg, verb, 0);
  }

  printValue(v: unknown, verb: string, depth: number): void {
    if (depth > 0 && v !== undefined && v !== null) {
      this.arg = v;
      this.argSet = true;
      if (typeof v !== 'object' || v instanceof GoUint8 || v instanceof GoComplex) {
        this.printArg(v, verb);
        return;
      }
      if (this.handleMethods(verb)) return;
    }
    if (v === undefined) {
      if (depth === 0) this.write('<invalid reflect.Value>');
      else if (verb === 'v') this.write(NIL_ANGLE);
      else this.badVerb(verb);
      return;
    }
    if (v === null) {
      // A nil interface element of a slice or map.
      this.write(NIL_ANGLE);
      return;
    }
    if (v instanceof NilPointer) {
      this.fmtPointer(true, verb);
      return;
    }
    if (typeof v === 'function' || isGoFunction(v)) {
      this.fmtPointer(false, verb);
      return;
    }
    if (Array.isArray(v)) {
      if (this.f.sharpV) {
        this.write(typeName(v, this.typed) + '{');
        v.forEach((e, i) => {
          if (i > 0) this.write(', ');
          this.printValue(e, verb, depth + 1);
        });
        this.write('}');
        return;
      }
      this.write('[');
      v.forEach((e, i) => {
        if (i > 0) this.write(' ');
        this.printValue(e, verb, depth + 1);
      });
      this.write(']');
      return;
    }
    if (v instanceof GoStruct) {
      if (v.typeName.startsWith('*') && depth > 0) {
        this.fmtPointer(false, verb);
        return;
      }
      if (v.typeName.startsWith('*')) this.write('&');
      if (this.f.sharpV) this.write(v.typeName.replace(/^\*/, ''));
      this.write('{');
      structFields(v).forEach(([name, field], i) => {
        if (i > 0) this.write(this.f.sharpV ? ', ' : ' ');
        if (this.f.plusV || this.f.sharpV) this.write(name + ':');
        this.printValue(field === null ? new NilPointer('interface {}') : field, verb, depth + 1);
      });
      this.write('}');
      return;
    }
    if (isMap(v)) {
      if (this.f.sharpV) this.write(typeName(v, this.typed) + '{');
      else this.write('map[');
      sortedKeys(v).forEach((k, i) => {
        if (i > 0) this.write(this.f.sharpV ? ', ' : ' ');
        this.printValue(k, verb, depth + 1);
        this.write(':');
        this.printValue(mapGet(v, k), verb, depth + 1);
      });
      this.write(this.f.sharpV ? '}' : ']');
      return;
    }
    this.write('?');
  }

  // ---- doPrintf --------------------------------------------------------------------------

  doPrintf(format: string, a: readonly unknown[]): void {
    const end = format.length;
    let argNum = 0;
    let afterIndex = false;
    let reordered = false;
    let goodArgNum = true;

    const intFromArg = (): { num: number; isInt: boolean } => {
      let num = 0;
      let isInt = false;
      if (argNum < a.length) {
        const v = a[argNum];
        if (typeof v === 'bigint') {
          isInt = true;
          num = Number(v);
        } else if (v instanceof GoUint8) {
          isInt = true;
          num = v.value;
        } else if (this.typed && typeof v === 'number' && Number.isInteger(v)) {
          isInt = true;
          num = v;
        }
        argNum++;
        if (tooLarge(num)) {
          num = 0;
          isInt = false;
        }
      }
      return { num, isInt };
    };

    const parseNum = (start: number): { num: number; isNum: boolean; next: number } => {
      if (start >= end) return { num: 0, isNum: false, next: end };
      let num = 0;
      let isNum = false;
      let i = start;
      for (; i < end && format[i]! >= '0' && format[i]! <= '9'; i++) {
        if (tooLarge(num)) return { num: 0, isNum: false, next: end };
        num = num * 10 + (format.charCodeAt(i) - 48);
        isNum = true;
      }
      return { num, isNum, next: i };
    };

    const argNumber = (i: number): { i: number; found: boolean } => {
      if (i >= end || format[i] !== '[') return { i, found: false };
      reordered = true;
      // parseArgNumber
      for (let j = i + 1; j < end; j++) {
        if (format[j] === ']') {
          const { num, isNum, next } = parseNum(i + 1);
          if (!isNum || next !== j) {
            goodArgNum = false;
            return { i: j + 1, found: true };
          }
          const idx = num - 1;
          if (idx >= 0 && idx <= a.length) {
            argNum = idx;
            return { i: j + 1, found: true };
          }
          goodArgNum = false;
          return { i: j + 1, found: true };
        }
      }
      goodArgNum = false;
      return { i: i + 1, found: false };
    };

    let i = 0;
    while (i < end) {
      goodArgNum = true;
      const lasti = i;
      while (i < end && format[i] !== '%') i++;
      if (i > lasti) this.write(format.slice(lasti, i));
      if (i >= end) break;
      i++; // skip %
      this.f = clearFlags();
      flags: for (; i < end; i++) {
        switch (format[i]) {
          case '#': this.f.sharp = true; break;
          case '0': this.f.zero = true; break;
          case '+': this.f.plus = true; break;
          case '-': this.f.minus = true; break;
          case ' ': this.f.space = true; break;
          default: break flags;
        }
      }
      let r = argNumber(i);
      i = r.i;
      afterIndex = r.found;
      if (i < end && format[i] === '*') {
        i++;
        const { num, isInt } = intFromArg();
        this.f.wid = num;
        this.f.widPresent = isInt;
        if (!isInt) this.write('%!(BADWIDTH)');
        if (this.f.wid < 0) {
          this.f.wid = -this.f.wid;
          this.f.minus = true;
          this.f.zero = false;
        }
        afterIndex = false;
      } else {
        const p = parseNum(i);
        this.f.wid = p.num;
        this.f.widPresent = p.isNum;
        i = p.next;
        if (afterIndex && this.f.widPresent) goodArgNum = false;
      }
      if (i + 1 <= end && format[i] === '.') {
        i++;
        if (afterIndex) goodArgNum = false;
        r = argNumber(i);
        i = r.i;
        afterIndex = r.found;
        if (i < end && format[i] === '*') {
          i++;
          const { num, isInt } = intFromArg();
          this.f.prec = num;
          this.f.precPresent = isInt;
          if (this.f.prec < 0) {
            this.f.prec = 0;
            this.f.precPresent = false;
          }
          if (!isInt) this.write('%!(BADPREC)');
          afterIndex = false;
        } else {
          const p = parseNum(i);
          this.f.prec = p.num;
          this.f.precPresent = true;
          i = p.next;
        }
      }
      if (!afterIndex) {
        r = argNumber(i);
        i = r.i;
        afterIndex = r.found;
      }
      if (i >= end) {
        this.write('%!(NOVERB)');
        break;
      }
      const cp = format.codePointAt(i) ?? 0;
      const verb = String.fromCodePoint(cp);
      i += verb.length;
      if (verb === '%') {
        this.write('%');
        continue;
      }
      if (!goodArgNum) {
        this.write('%!' + verb + '(BADINDEX)');
        continue;
      }
      if (argNum >= a.length) {
        this.write('%!' + verb + '(MISSING)');
        continue;
      }
      if (verb === 'w') {
        this.arg = a[argNum];
        this.argSet = true;
        this.badVerb(verb);
        argNum++;
        continue;
      }
      if (verb === 'v') {
        if (this.f.sharp) {
          this.f.sharp = false;
          this.f.sharpV = true;
        }
        if (this.f.plus) {
          this.f.plus = false;
          this.f.plusV = true;
        }
      }
      this.printArg(a[argNum], verb);
      argNum++;
    }
    if (!reordered && argNum < a.length) {
      this.f = clearFlags();
      this.write('%!(EXTRA ');
      a.slice(argNum).forEach((arg, k) => {
        if (k > 0) this.write(', ');
        if (arg === null || arg === undefined) this.write(NIL_ANGLE);
        else {
          this.write(typeName(arg, this.typed) + '=');
          this.printArg(arg, 'v');
        }
      });
      this.write(')');
    }
  }

  out(): string {
    return this.buf.join('');
  }
}

function isStringArg(a: unknown): boolean {
  return typeof a === 'string';
}

/** fmt.Sprint: spaces between operands when neither side is a string. */
export function sprint(args: readonly unknown[], typed = false): string {
  const p = new Printer(typed);
  let prevString = false;
  args.forEach((arg, i) => {
    const isString = isStringArg(arg);
    if (i > 0 && !isString && !prevString) p.write(' ');
    p.f = clearFlags();
    p.printArg(arg, 'v');
    prevString = isString;
  });
  return p.out();
}

/** fmt.Sprintln: always spaces between operands, and a newline. */
export function sprintln(args: readonly unknown[], typed = false): string {
  const p = new Printer(typed);
  args.forEach((arg, i) => {
    if (i > 0) p.write(' ');
    p.f = clearFlags();
    p.printArg(arg, 'v');
  });
  p.write('\n');
  return p.out();
}

/** fmt.Sprintf. */
export function sprintf(format: string, args: readonly unknown[], typed = false): string {
  const p = new Printer(typed);
  p.doPrintf(format, args);
  return p.out();
}

/** `%v` of one value; `indirectTop` strips a top-level pointer as text/template's printableValue does. */
export function formatValue(v: unknown, typed = false, indirectTop = false): string {
  if (indirectTop && v instanceof GoStruct && v.typeName.startsWith('*')) {
    v = new GoStruct(v.typeName.slice(1), v.fields);
  }
  return sprint([v], typed);
}

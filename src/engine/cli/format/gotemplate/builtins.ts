/**
 * text/template's predefined functions (go/src/text/template/funcs.go): and or not len index
 * slice call print printf println html js urlquery eq ne lt le gt ge, with Go's error texts.
 * `and`, `or` and `call` are special-cased by the executor exactly as exec.go does; their entries
 * here carry the signatures used for argument checking.
 */

import { sprint, sprintf, sprintln } from './fmt.ts';
import { isPrint } from './strconv.ts';
import { byteSlice, utf8Bytes, utf8Len } from './utf8.ts';
import {
  GoCallError,
  GoComplex,
  GoStruct,
  GoUint8,
  NilPointer,
  adopt,
  compareStrings,
  isGoFunction,
  isMap,
  mapElemType,
  mapGet,
  mapHas,
  mapSize,
  sliceElemType,
  typeName,
  typedSlice,
  zeroOf,
  type CallContext,
  type FuncMap,
  type GoFunction,
} from './values.ts';

/** reflect's indirectInterface: a nil interface becomes the invalid value. */
export function indirectInterface(v: unknown): unknown {
  return v === null ? undefined : v;
}

/** exec.go isTrue: [truth, ok]. */
export function isTrue(v: unknown): [boolean, boolean] {
  if (v === undefined) return [false, true];
  if (v === null || v instanceof NilPointer) return [false, true];
  switch (typeof v) {
    case 'string': return [v.length > 0, true];
    case 'boolean': return [v, true];
    case 'number': return [v !== 0, true];
    case 'bigint': return [v !== 0n, true];
    case 'function': return [true, true];
  }
  if (v instanceof GoUint8) return [v.value !== 0, true];
  if (v instanceof GoComplex) return [v.re !== 0 || v.im !== 0, true];
  if (v instanceof GoStruct || isGoFunction(v)) return [true, true];
  if (Array.isArray(v)) return [v.length > 0, true];
  if (isMap(v)) return [mapSize(v) > 0, true];
  return [false, false];
}

export function truth(v: unknown): boolean {
  return isTrue(indirectInterface(v))[0];
}

function fail(msg: string): never {
  throw new GoCallError(msg);
}

/** Zero reflect.Value.Type() panics inside the builtin; safeCall turns that into this error. */
const ZERO_VALUE_TYPE_PANIC = 'reflect: call of reflect.Value.Type on zero Value';

function typeOf(v: unknown, ctx: CallContext): string {
  if (v === undefined) fail(ZERO_VALUE_TYPE_PANIC);
  return typeName(v, ctx.typed);
}

function indexArg(index: unknown, cap: number, ctx: CallContext): number {
  let x: bigint;
  if (typeof index === 'bigint') x = index;
  else if (index instanceof GoUint8) x = BigInt(index.value);
  else if (index === undefined) fail('cannot index slice/array with nil');
  else fail('cannot index slice/array with type ' + typeOf(index, ctx));
  if (x < 0n || x > BigInt(cap)) fail('index out of range: ' + x.toString());
  return Number(x);
}

/** reflect indirect through pointers/interfaces: [value, isNil]. */
function indirect(v: unknown): [unknown, boolean] {
  if (v === null || v instanceof NilPointer) return [v, true];
  return [v, false];
}

function derefStructType(v: unknown, ctx: CallContext): string {
  const t = typeOf(v, ctx);
  return v instanceof GoStruct ? t.replace(/^\*/, '') : t;
}

function index(args: unknown[], ctx: CallContext): unknown {
  let item = indirectInterface(args[0]);
  if (item === undefined) fail('index of untyped nil');
  for (let index of args.slice(1)) {
    index = indirectInterface(index);
    const [it, isNil] = indirect(item);
    if (isNil) fail('index of nil pointer');
    item = it;
    if (typeof item === 'string') {
      const bytes = utf8Bytes(item);
      const x = indexArg(index, bytes.length, ctx);
      if (x >= bytes.length) fail('reflect: string index out of range');
      item = new GoUint8(bytes[x] ?? 0);
    } else if (Array.isArray(item)) {
      const x = indexArg(index, item.length, ctx);
      if (x >= item.length) fail('reflect: slice index out of range');
      item = adopt(item[x], ctx.typed);
    } else if (isMap(item)) {
      if (index === undefined) fail('value is nil; should be of type string');
      if (typeof index !== 'string') fail(`value has type ${typeOf(index, ctx)}; should be string`);
      item = mapHas(item, index) ? adopt(mapGet(item, index), ctx.typed) : zeroOf(mapElemType(item, ctx.typed));
    } else {
      fail('can\'t index item of type ' + derefStructType(item, ctx));
    }
  }
  return item;
}

function slice(args: unknown[], ctx: CallContext): unknown {
  const item = indirectInterface(args[0]);
  if (item === undefined) fail('slice of untyped nil');
  const indexes = args.slice(1);
  if (indexes.length > 3) fail(`too many slice indexes: ${indexes.length}`);
  let cap: number;
  let len: number;
  if (typeof item === 'string') {
    if (indexes.length === 3) fail('cannot 3-index slice a string');
    cap = len = utf8Len(item);
  } else if (Array.isArray(item)) {
    cap = len = item.length;
  } else {
    fail('can\'t slice item of type ' + typeOf(item, ctx));
  }
  const idx = [0, len, 0];
  indexes.forEach((ix, i) => {
    idx[i] = indexArg(ix, cap, ctx);
  });
  const [i, j, k] = idx as [number, number, number];
  if (i > j) fail(`invalid slice index: ${i} > ${j}`);
  if (indexes.length === 3 && j > k) fail(`invalid slice index: ${j} > ${k}`);
  if (typeof item === 'string') return byteSlice(item, i, j);
  const arr = item as unknown[];
  return typedSlice(arr.slice(i, j), sliceElemType(arr, ctx.typed));
}

function length(args: unknown[], ctx: CallContext): bigint {
  const [item, isNil] = indirect(args[0]);
  if (isNil) fail('len of nil pointer');
  if (typeof item === 'string') return BigInt(utf8Len(item));
  if (Array.isArray(item)) return BigInt(item.length);
  if (isMap(item)) return BigInt(mapSize(item));
  fail('len of type ' + derefStructType(item, ctx));
}

// ---- comparison ---------------------------------------------------------------------------

type BasicKind = 'invalid' | 'bool' | 'complex' | 'int' | 'float' | 'string' | 'uint';
const ERR_BAD_COMPARISON_TYPE = 'invalid type for comparison';
const ERR_NO_COMPARISON = 'missing argument for comparison';

function basicKind(v: unknown): BasicKind {
  switch (typeof v) {
    case 'boolean': return 'bool';
    case 'bigint': return 'int';
    case 'number': return 'float';
    case 'string': return 'string';
  }
  if (v instanceof GoUint8) return 'uint';
  if (v instanceof GoComplex) return 'complex';
  return 'invalid';
}

function asBig(v: unknown): bigint {
  return typeof v === 'bigint' ? v : v instanceof GoUint8 ? BigInt(v.value) : 0n;
}

/** reflect.Kind, for canCompare. */
function reflectKind(v: unknown): string {
  if (v === undefined) return 'invalid';
  if (v instanceof NilPointer) return 'ptr';
  if (v instanceof GoStruct) return v.typeName.startsWith('*') ? 'ptr' : 'struct';
  if (typeof v === 'function' || isGoFunction(v)) return 'func';
  if (Array.isArray(v)) return 'slice';
  if (isMap(v)) return 'map';
  return typeof v;
}

function isNilValue(v: unknown): boolean {
  return v === undefined || v === null || v instanceof NilPointer;
}

function comparable(v: unknown): boolean {
  const k = reflectKind(v);
  return k !== 'slice' && k !== 'map' && k !== 'func';
}

function eq(args: unknown[], ctx: CallContext): boolean {
  const arg1 = indirectInterface(args[0]);
  const rest = args.slice(1);
  if (rest.length === 0) fail(ERR_NO_COMPARISON);
  const k1 = basicKind(arg1);
  for (let arg of rest) {
    arg = indirectInterface(arg);
    const k2 = basicKind(arg);
    let t = false;
    if (k1 !== k2) {
      if (k1 === 'int' && k2 === 'uint') t = asBig(arg1) >= 0n && asBig(arg1) === asBig(arg);
      else if (k1 === 'uint' && k2 === 'int') t = asBig(arg) >= 0n && asBig(arg1) === asBig(arg);
      else if (arg1 !== undefined && arg !== undefined) {
        fail(`incompatible types for comparison: ${typeOf(arg1, ctx)} and ${typeOf(arg, ctx)}`);
      }
    } else {
      switch (k1) {
        case 'bool': case 'string': case 'float': t = arg1 === arg; break;
        case 'int': case 'uint': t = asBig(arg1) === asBig(arg); break;
        case 'complex': {
          const a = arg1 as GoComplex;
          const b = arg as GoComplex;
          t = a.re === b.re && a.im === b.im;
          break;
        }
        default: {
          const ka = reflectKind(arg1);
          const kb = reflectKind(arg);
          if (!(ka === kb || ka === 'invalid' || kb === 'invalid')) {
            fail(`non-comparable types ${sprintf('%s', [arg1], ctx.typed)}: ${typeOf(arg1, ctx)}, ${typeOf(arg, ctx)}: ${sprint([arg], ctx.typed)}`);
          }
          if (isNilValue(arg1) || isNilValue(arg)) t = isNilValue(arg) === isNilValue(arg1);
          else {
            if (!comparable(arg)) fail(`non-comparable type ${sprintf('%s', [arg], ctx.typed)}: ${typeOf(arg, ctx)}`);
            t = arg1 === arg;
          }
        }
      }
    }
    if (t) return true;
  }
  return false;
}

function lt(args: unknown[], ctx: CallContext): boolean {
  const arg1 = indirectInterface(args[0]);
  const k1 = basicKind(arg1);
  if (k1 === 'invalid') fail(ERR_BAD_COMPARISON_TYPE);
  const arg2 = indirectInterface(args[1]);
  const k2 = basicKind(arg2);
  if (k2 === 'invalid') fail(ERR_BAD_COMPARISON_TYPE);
  if (k1 !== k2) {
    if (k1 === 'int' && k2 === 'uint') return asBig(arg1) < 0n || asBig(arg1) < asBig(arg2);
    if (k1 === 'uint' && k2 === 'int') return asBig(arg2) >= 0n && asBig(arg1) < asBig(arg2);
    fail(`incompatible types for comparison: ${typeOf(arg1, ctx)} and ${typeOf(arg2, ctx)}`);
  }
  switch (k1) {
    case 'bool': case 'complex': return fail(ERR_BAD_COMPARISON_TYPE);
    case 'float': return (arg1 as number) < (arg2 as number);
    case 'int': case 'uint': return asBig(arg1) < asBig(arg2);
    case 'string': return compareStrings(arg1 as string, arg2 as string) < 0;
  }
  return false;
}

function le(args: unknown[], ctx: CallContext): boolean {
  return lt(args, ctx) || eq(args, ctx);
}

// ---- escapers ------------------------------------------------------------------------------

/** evalArgs: fmt.Sprint after printableValue (pointers indirected, nil as "<no value>"). */
function evalArgs(args: unknown[], ctx: CallContext): string {
  if (args.length === 1 && typeof args[0] === 'string') return args[0];
  const printable = args.map((a) => {
    if (a === undefined || a === null) return '<no value>';
    if (a instanceof GoStruct && a.typeName.startsWith('*')) return new GoStruct(a.typeName.slice(1), a.fields);
    if (a instanceof NilPointer) return null;
    return a;
  });
  return sprint(printable, ctx.typed);
}

export function htmlEscapeString(s: string): string {
  return s.replace(/[\0"'&<>]/g, (c) =>
    c === '\0' ? '\uFFFD' : c === '"' ? '&#34;' : c === "'" ? '&#39;' : c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;',
  );
}

export function jsEscapeString(s: string): string {
  let out = '';
  for (const ch of s) {
    const r = ch.codePointAt(0) ?? 0;
    switch (ch) {
      case '\\': out += '\\\\'; continue;
      case "'": out += "\\'"; continue;
      case '"': out += '\\"'; continue;
      case '<': out += '\\u003C'; continue;
      case '>': out += '\\u003E'; continue;
      case '&': out += '\\u0026'; continue;
      case '=': out += '\\u003D'; continue;
    }
    if (r < 0x20) out += '\\u00' + r.toString(16).toUpperCase().padStart(2, '0');
    else if (r < 0x80 || isPrint(r)) out += ch;
    else out += '\\u' + r.toString(16).toUpperCase().padStart(4, '0');
  }
  return out;
}

/** url.QueryEscape. */
export function queryEscape(s: string): string {
  let out = '';
  for (const b of utf8Bytes(s)) {
    const c = String.fromCharCode(b);
    if (/[A-Za-z0-9\-_.~]/.test(c)) out += c;
    else if (c === ' ') out += '+';
    else out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

// ---- call ----------------------------------------------------------------------------------

function prepareArg(v: unknown, argType: string, ctx: CallContext): unknown {
  if (v === undefined) {
    if (argType === 'string' || argType === 'int' || argType === 'bool' || argType === 'float64') {
      fail(`value is nil; should be of type ${argType}`);
    }
    return argType === 'reflect.Value' ? undefined : null;
  }
  if (argType === 'interface {}' || argType === 'reflect.Value') return v;
  const t = typeOf(v, ctx);
  if (t === argType) return v;
  fail(`value has type ${t}; should be ${argType}`);
}

/** The `call` builtin with the callee's name prepended, as exec.go arranges. */
export function callBuiltin(calleeName: string, fnv: unknown, args: unknown[], ctx: CallContext): unknown {
  const fn0 = indirectInterface(fnv);
  if (fn0 === undefined) fail('call of nil');
  let fn: GoFunction;
  if (isGoFunction(fn0)) fn = fn0;
  else if (typeof fn0 === 'function') {
    const f = fn0 as (...a: unknown[]) => unknown;
    fn = { params: Array.from({ length: f.length }, () => 'interface {}' as const), call: (a) => f(...a) };
  } else fail(`non-function ${calleeName} of type ${typeOf(fn0, ctx)}`);
  const numIn = fn.params.length;
  if (fn.variadic !== undefined) {
    if (args.length < numIn) fail(`wrong number of args for ${calleeName}: got ${args.length} want at least ${numIn}`);
  } else if (args.length !== numIn) {
    fail(`wrong number of args for ${calleeName}: got ${args.length} want ${numIn}`);
  }
  const argv = args.map((a, i) => {
    const argType = i < numIn ? fn.params[i]! : (fn.variadic ?? 'interface {}');
    try {
      return prepareArg(indirectInterface(a), argType, ctx);
    } catch (e) {
      if (e instanceof GoCallError) fail(`arg ${i}: ${e.message}`);
      throw e;
    }
  });
  return fn.call(argv, ctx);
}

// ---- the table -----------------------------------------------------------------------------

const V = 'reflect.Value' as const;
const ANY = 'interface {}' as const;

export const BUILTINS: FuncMap = new Map<string, GoFunction>([
  ['and', { params: [V], variadic: V, call: () => fail('unreachable') }],
  ['call', { params: [V], variadic: V, call: () => fail('unreachable') }],
  ['html', { params: [], variadic: ANY, call: (a, ctx) => htmlEscapeString(evalArgs(a, ctx)) }],
  ['index', { params: [V], variadic: V, call: index }],
  ['slice', { params: [V], variadic: V, call: slice }],
  ['js', { params: [], variadic: ANY, call: (a, ctx) => jsEscapeString(evalArgs(a, ctx)) }],
  ['len', { params: [V], call: length }],
  ['not', { params: [V], call: (a) => !truth(a[0]) }],
  ['or', { params: [V], variadic: V, call: () => fail('unreachable') }],
  ['print', { params: [], variadic: ANY, call: (a, ctx) => sprint(a, ctx.typed) }],
  ['printf', { params: ['string'], variadic: ANY, call: (a, ctx) => sprintf(a[0] as string, a.slice(1), ctx.typed) }],
  ['println', { params: [], variadic: ANY, call: (a, ctx) => sprintln(a, ctx.typed) }],
  ['urlquery', { params: [], variadic: ANY, call: (a, ctx) => queryEscape(evalArgs(a, ctx)) }],
  ['eq', { params: [V], variadic: V, call: eq }],
  ['ge', { params: [V, V], call: (a, ctx) => !lt(a, ctx) }],
  ['gt', { params: [V, V], call: (a, ctx) => !le(a, ctx) }],
  ['le', { params: [V, V], call: le }],
  ['lt', { params: [V, V], call: lt }],
  ['ne', { params: [V, V], call: (a, ctx) => !eq(a, ctx) }],
]);

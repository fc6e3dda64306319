/**
 * How plain JS data stands in for Go values during template execution.
 *
 *   JS value                 Go value (what reflect would see)
 *   undefined                the zero reflect.Value: a missing map key ("<no value>")
 *   null                     a nil interface{} inside a map or slice (a nil pointer in typed mode)
 *   string / boolean         string / bool
 *   number                   float64, as encoding/json decodes numbers (int in typed mode if integral)
 *   bigint                   int (template literals like 3, len results, range indexes)
 *   Array                    []interface{} ([]string for split results, and in typed mode)
 *   plain object / Map       map[string]interface{}, keys iterated and printed sorted
 *   goStruct(type, fields)   a Go struct (pointer if type starts with '*'); function fields are methods
 *
 * "Typed mode" imitates executing against the Go structs the docker CLI holds, rather than a
 * JSON-decoded map: integral numbers are ints, string slices are []string, nulls are nil pointers.
 */

/** A struct value: fields in declaration order; function-valued fields are its methods. */
export class GoStruct {
  constructor(
    readonly typeName: string,
    readonly fields: Readonly<Record<string, unknown>>,
  ) {}
}

/** A single byte, as `index` on a string yields. */
export class GoUint8 {
  constructor(readonly value: number) {}
}

/** A nil pointer of a known type (prints `<nil>`, is false, errors on field access). */
export class NilPointer {
  constructor(readonly typeName: string) {}
}

/** complex128, from literals such as 1+2i. */
export class GoComplex {
  constructor(
    readonly re: number,
    readonly im: number,
  ) {}
}

/** Parameter types a template function can declare; these drive Go's argument checks. */
export type ParamType = 'reflect.Value' | 'interface {}' | 'string' | 'int' | 'bool' | 'float64' | '[]string';

/** What a function may need to know about the execution calling it. */
export interface CallContext {
  /** Typed mode (see the module comment). */
  readonly typed: boolean;
  /** json: sort map keys as Go does for real maps. */
  readonly jsonSortMapKeys: boolean;
}

/** A function callable from a template: Go's reflect.Func with its signature. */
export interface GoFunction {
  readonly params: readonly ParamType[];
  /** Element type of a trailing ...variadic parameter. */
  readonly variadic?: ParamType;
  /** Returns the result or throws GoCallError (Go's non-nil error result, or a recovered panic). */
  readonly call: (args: unknown[], ctx: CallContext) => unknown;
}

/** The error a template function returns; surfaces as `error calling NAME: MESSAGE`. */
export class GoCallError extends Error {}

export type FuncMap = ReadonlyMap<string, GoFunction>;

/** Wrap a JS function with a Go signature, for FuncMaps and struct methods. */
export function goFunc(params: readonly ParamType[], fn: (...args: never[]) => unknown, variadic?: ParamType): GoFunction {
  const call = fn as (...args: unknown[]) => unknown;
  return variadic === undefined
    ? { params, call: (args) => call(...args) }
    : { params, variadic, call: (args) => call(...args) };
}

/** Build a struct value for templates that should behave like docker's formatter contexts. */
export function goStruct(typeName: string, fields: Readonly<Record<string, unknown>>): GoStruct {
  return new GoStruct(typeName, fields);
}

// Slices whose element type is known (split results, typed-mode string arrays).
const sliceElem = new WeakMap<readonly unknown[], string>();

export function typedSlice<T>(arr: T[], elem: string): T[] {
  sliceElem.set(arr, elem);
  return arr;
}

export function isGoFunction(v: unknown): v is GoFunction {
  return typeof v === 'object' && v !== null && 'call' in v && 'params' in v && typeof (v as GoFunction).call === 'function';
}

export function isMap(v: unknown): v is Record<string, unknown> | Map<string, unknown> {
  if (v instanceof Map) return true;
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  return !(v instanceof GoStruct || v instanceof GoUint8 || v instanceof NilPointer || v instanceof GoComplex || isGoFunction(v));
}

/** Keys of a map in Go's fmtsort order (bytewise for strings, which is code-point order). */
export function sortedKeys(m: Record<string, unknown> | Map<string, unknown>): string[] {
  const keys = m instanceof Map ? [...m.keys()].map(String) : Object.keys(m);
  return keys.sort(compareStrings);
}

export function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const x = ia.next();
    const y = ib.next();
    if (x.done) return y.done ? 0 : -1;
    if (y.done) return 1;
    const cx = x.value.codePointAt(0) ?? 0;
    const cy = y.value.codePointAt(0) ?? 0;
    if (cx !== cy) return cx < cy ? -1 : 1;
  }
}

/** Insertion-ordered keys (JS order), for json output of maps that stand in for structs. */
export function mapKeys(m: Record<string, unknown> | Map<string, unknown>): string[] {
  return m instanceof Map ? [...m.keys()].map(String) : Object.keys(m);
}

export function mapGet(m: Record<string, unknown> | Map<string, unknown>, key: string): unknown {
  if (m instanceof Map) return m.get(key);
  return Object.prototype.hasOwnProperty.call(m, key) ? m[key] : undefined;
}

export function mapHas(m: Record<string, unknown> | Map<string, unknown>, key: string): boolean {
  if (m instanceof Map) return m.has(key) && m.get(key) !== undefined;
  return Object.prototype.hasOwnProperty.call(m, key) && m[key] !== undefined;
}

export function mapSize(m: Record<string, unknown> | Map<string, unknown>): number {
  return mapKeys(m).filter((k) => mapHas(m, k)).length;
}

/** The fields of a struct (methods excluded), in declaration order. */
export function structFields(s: GoStruct): [string, unknown][] {
  return Object.entries(s.fields).filter(([, v]) => typeof v !== 'function' && !isGoFunction(v));
}

export function structMethod(s: GoStruct, name: string): GoFunction | undefined {
  if (!Object.prototype.hasOwnProperty.call(s.fields, name)) return undefined;
  const v = s.fields[name];
  if (isGoFunction(v)) return v;
  if (typeof v === 'function') {
    const fn = v as (...args: unknown[]) => unknown;
    return { params: Array.from({ length: fn.length }, () => 'interface {}' as const), call: (args) => fn(...args) };
  }
  return undefined;
}

/** Reads go through here so typed mode can turn JS data into Go-typed values. */
export function adopt(v: unknown, typed: boolean): unknown {
  if (!typed) return v;
  if (v === null) return new NilPointer('interface {}');
  if (typeof v === 'number' && Number.isInteger(v) && Math.abs(v) <= Number.MAX_SAFE_INTEGER) return BigInt(v);
  return v;
}

function elemTypeOf(arr: readonly unknown[], typed: boolean): string {
  const tagged = sliceElem.get(arr);
  if (tagged !== undefined) return tagged;
  if (!typed) return 'interface {}';
  if (arr.every((e) => typeof e === 'string')) return 'string';
  if (arr.every((e) => typeof e === 'bigint' || (typeof e === 'number' && Number.isInteger(e)))) return 'int';
  return 'interface {}';
}

export function sliceElemType(arr: readonly unknown[], typed: boolean): string {
  return elemTypeOf(arr, typed);
}

export function mapElemType(m: Record<string, unknown> | Map<string, unknown>, typed: boolean): string {
  if (!typed) return 'interface {}';
  const keys = mapKeys(m);
  return keys.length > 0 && keys.every((k) => typeof mapGet(m, k) === 'string') ? 'string' : 'interface {}';
}

/** reflect.Type.String() of a value. */
export function typeName(v: unknown, typed: boolean): string {
  if (v === undefined) return '<invalid>';
  if (v === null) return 'interface {}';
  switch (typeof v) {
    case 'string': return 'string';
    case 'boolean': return 'bool';
    case 'bigint': return 'int';
    case 'number': return typed && Number.isInteger(v) ? 'int' : 'float64';
    case 'function': return 'func()';
  }
  if (v instanceof GoStruct) return v.typeName;
  if (v instanceof GoUint8) return 'uint8';
  if (v instanceof NilPointer) return v.typeName;
  if (v instanceof GoComplex) return 'complex128';
  if (isGoFunction(v)) return 'func(' + v.params.join(', ') + (v.variadic ? (v.params.length ? ', ...' : '...') + v.variadic : '') + ')';
  if (Array.isArray(v)) return '[]' + elemTypeOf(v, typed);
  if (isMap(v)) return 'map[string]' + mapElemType(v, typed);
  return 'interface {}';
}

/** The zero value of a map's element type (missingkey=zero, index of an absent key). */
export function zeroOf(elemType: string): unknown {
  switch (elemType) {
    case 'string': return '';
    case 'int': return 0n;
    case 'float64': return 0;
    case 'bool': return false;
    default: return null;
  }
}

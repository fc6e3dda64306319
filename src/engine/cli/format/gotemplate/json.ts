/**
 * encoding/json's Encoder as the docker CLI's `json` template function uses it
 * (docker/cli templates/templates.go: SetEscapeHTML(false), trailing newline trimmed).
 * Strings are escaped as go/src/encoding/json/encode.go does (\b and \f short forms since
 * Go 1.22, U+2028/U+2029 always escaped); floats use the 'f' format unless the exponent is
 * < -6 or >= 21, with e-07 cleaned to e-7.
 */

import {
  GoComplex,
  GoStruct,
  GoUint8,
  NilPointer,
  isGoFunction,
  isMap,
  mapGet,
  mapHas,
  mapKeys,
  sortedKeys,
  structFields,
  structMethod,
} from './values.ts';

export class JsonUnsupported extends Error {}

export interface JsonOptions {
  /** Sort map keys as Go does for real maps; by default plain objects keep their insertion order. */
  readonly sortMapKeys?: boolean;
}

const HEX = '0123456789abcdef';

export function jsonString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0xfffd;
    if (c < 0x80) {
      if (c >= 0x20 && c !== 0x22 && c !== 0x5c) {
        out += ch;
        continue;
      }
      switch (c) {
        case 0x22: out += '\\"'; break;
        case 0x5c: out += '\\\\'; break;
        case 0x08: out += '\\b'; break;
        case 0x0c: out += '\\f'; break;
        case 0x0a: out += '\\n'; break;
        case 0x0d: out += '\\r'; break;
        case 0x09: out += '\\t'; break;
        default: out += '\\u00' + HEX[c >> 4] + HEX[c & 0xf];
      }
      continue;
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      out += '\\ufffd';
      continue;
    }
    if (c === 0x2028 || c === 0x2029) {
      out += '\\u202' + HEX[c & 0xf];
      continue;
    }
    out += ch;
  }
  return out + '"';
}

export function jsonFloat(f: number): string {
  if (!Number.isFinite(f)) throw new JsonUnsupported('json: unsupported value: ' + String(f));
  if (Object.is(f, -0)) return '-0';
  const abs = Math.abs(f);
  if (abs !== 0 && (abs < 1e-6 || abs >= 1e21)) {
    // JS uses the same shortest digits and the same e-7 / e+21 spelling as Go's cleaned output.
    return f.toExponential().replace(/e([+-])(\d)$/, 'e$1$2');
  }
  // Shortest 'f' formatting: JS prints these ranges without an exponent, exactly as Go does.
  return String(f);
}

function encode(v: unknown, opts: JsonOptions, depth: number): string {
  if (depth > 1000) throw new JsonUnsupported('json: unsupported value: encountered a cycle');
  if (v === null || v === undefined || v instanceof NilPointer) return 'null';
  switch (typeof v) {
    case 'string': return jsonString(v);
    case 'boolean': return v ? 'true' : 'false';
    case 'number': return jsonFloat(v);
    case 'bigint': return v.toString();
    case 'function': throw new JsonUnsupported('json: unsupported type: func()');
  }
  if (v instanceof GoUint8) return String(v.value);
  if (v instanceof GoComplex) throw new JsonUnsupported('json: unsupported type: complex128');
  if (isGoFunction(v)) throw new JsonUnsupported('json: unsupported type: func()');
  if (Array.isArray(v)) return '[' + v.map((e) => encode(e, opts, depth + 1)).join(',') + ']';
  if (v instanceof GoStruct) {
    const marshal = structMethod(v, 'MarshalJSON');
    if (marshal) return encode(marshal.call([], { typed: false, jsonSortMapKeys: opts.sortMapKeys ?? false }), opts, depth + 1);
    return '{' + structFields(v).map(([k, f]) => jsonString(k) + ':' + encode(f, opts, depth + 1)).join(',') + '}';
  }
  if (isMap(v)) {
    const keys = (opts.sortMapKeys ? sortedKeys(v) : mapKeys(v)).filter((k) => mapHas(v, k));
    return '{' + keys.map((k) => jsonString(k) + ':' + encode(mapGet(v, k), opts, depth + 1)).join(',') + '}';
  }
  throw new JsonUnsupported('json: unsupported type');
}

/** The docker `json` function: the encoding, or "" when encoding fails (docker ignores the error). */
export function dockerJSON(v: unknown, opts: JsonOptions = {}): string {
  try {
    return encode(v, opts, 0);
  } catch (e) {
    if (e instanceof JsonUnsupported) return '';
    throw e;
  }
}

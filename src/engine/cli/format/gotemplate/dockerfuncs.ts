/**
 * The docker CLI's template functions (docker/cli templates/templates.go): `basicFunctions`
 * available to every --format, and `HeaderFunctions` that replace some of them while a table
 * header is rendered so the column titles come out unchanged.
 */

import { dockerJSON } from './json.ts';
import { byteSlice, fromRunes, runes, utf8Len } from './utf8.ts';
import { GoCallError, typedSlice, type FuncMap, type GoFunction } from './values.ts';

// Title case differs from upper case only for the digraphs DŽ Dž dž, LJ Lj lj, NJ Nj nj, DZ Dz dz.
const TITLE_DIGRAPHS: ReadonlyMap<number, number> = new Map([
  [0x1c4, 0x1c5], [0x1c5, 0x1c5], [0x1c6, 0x1c5], [0x1c7, 0x1c8], [0x1c8, 0x1c8], [0x1c9, 0x1c8],
  [0x1ca, 0x1cb], [0x1cb, 0x1cb], [0x1cc, 0x1cb], [0x1f1, 0x1f2], [0x1f2, 0x1f2], [0x1f3, 0x1f2],
]);

/** unicode.ToUpper / ToLower / ToTitle on one rune (simple case mapping: one rune in, one out). */
function mapRune(r: number, kind: 'upper' | 'lower' | 'title'): number {
  if (kind === 'lower' && r === 0x130) return 0x69; // İ → i, as Go's unicode tables say
  const ch = String.fromCodePoint(r);
  if (kind === 'title') {
    const d = TITLE_DIGRAPHS.get(r);
    if (d !== undefined) return d;
  }
  const mapped = kind === 'lower' ? ch.toLowerCase() : ch.toUpperCase();
  const cps = runes(mapped);
  return cps.length === 1 ? (cps[0] ?? r) : r;
}

function mapString(s: string, kind: 'upper' | 'lower'): string {
  return fromRunes(runes(s).map((r) => mapRune(r, kind)));
}

const NOT_SEPARATOR = /^[\p{L}\p{Nd}]$/u;

/** strings.Title's isSeparator. */
function isSeparator(r: number): boolean {
  if (r <= 0x7f) {
    const c = String.fromCharCode(r);
    return !/[0-9a-zA-Z_]/.test(c);
  }
  const ch = String.fromCodePoint(r);
  if (NOT_SEPARATOR.test(ch)) return false;
  return /^\s$/u.test(ch);
}

/** strings.Title (deprecated in Go, still what docker uses). */
export function title(s: string): string {
  let prev = 0x20;
  const out: number[] = [];
  for (const r of runes(s)) {
    out.push(isSeparator(prev) ? mapRune(r, 'title') : r);
    prev = r;
  }
  return fromRunes(out);
}

/** strings.Split. */
export function split(s: string, sep: string): string[] {
  if (sep === '') return typedSlice(Array.from(s), 'string');
  return typedSlice(s.split(sep), 'string');
}

/** Go refuses huge strings.Repeat results; we refuse earlier to keep the browser alive. */
const MAX_REPEAT = 1 << 24;

function repeat(s: string, n: number): string {
  if (n < 0) throw new GoCallError('strings: negative Repeat count');
  if (n * s.length > MAX_REPEAT) throw new GoCallError('strings: Repeat output length overflow');
  return s.repeat(n);
}

/** docker's padWithSpace. */
export function padWithSpace(source: string, prefix: number, suffix: number): string {
  if (source === '') return source;
  return repeat(' ', prefix) + source + repeat(' ', suffix);
}

/** docker's truncateWithLength: byte length, byte slice. */
export function truncateWithLength(source: string, length: number): string {
  if (utf8Len(source) < length) return source;
  if (length < 0) throw new GoCallError(`runtime error: slice bounds out of range [:${length}]`);
  return byteSlice(source, 0, length);
}

function num(v: unknown): number {
  return typeof v === 'bigint' ? Number(v) : Number(v);
}

const S = 'string' as const;
const I = 'int' as const;

/** docker/cli templates.basicFunctions. */
export const DOCKER_FUNCS: FuncMap = new Map<string, GoFunction>([
  ['json', { params: ['interface {}'], call: (a, ctx) => dockerJSON(a[0], { sortMapKeys: ctx.jsonSortMapKeys }) }],
  ['split', { params: [S, S], call: (a) => split(a[0] as string, a[1] as string) }],
  ['join', { params: ['[]string', S], call: (a) => (a[0] as string[]).join(a[1] as string) }],
  ['title', { params: [S], call: (a) => title(a[0] as string) }],
  ['lower', { params: [S], call: (a) => mapString(a[0] as string, 'lower') }],
  ['upper', { params: [S], call: (a) => mapString(a[0] as string, 'upper') }],
  ['pad', { params: [S, I, I], call: (a) => padWithSpace(a[0] as string, num(a[1]), num(a[2])) }],
  ['truncate', { params: [S, I], call: (a) => truncateWithLength(a[0] as string, num(a[1])) }],
]);

/** docker/cli templates.HeaderFunctions layered over basicFunctions, as `tmpl.Funcs(...)` does. */
export const DOCKER_HEADER_FUNCS: FuncMap = new Map<string, GoFunction>([
  ...DOCKER_FUNCS,
  ['json', { params: [S], call: (a) => a[0] }],
  ['split', { params: [S, S], call: (a) => a[0] }],
  ['join', { params: [S, S], call: (a) => a[0] }],
  ['title', { params: [S], call: (a) => a[0] }],
  ['lower', { params: [S], call: (a) => a[0] }],
  ['upper', { params: [S], call: (a) => a[0] }],
  ['truncate', { params: [S, I], call: (a) => a[0] }],
]);

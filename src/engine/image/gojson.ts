/**
 * JSON bytes as Go's encoding/json writes them (blobs are hashed, so every byte counts):
 * compact, `<` `>` `&` U+2028 U+2029 escaped as `\u003c`…, object keys in the order given.
 * Go map keys come out sorted; callers build such objects with `sortedKeys`.
 */
export function goJson(value: unknown, indent = ''): string {
  const text = indent ? JSON.stringify(value, null, indent) : JSON.stringify(value);
  return (text ?? 'null').replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A copy of a string-keyed map with its keys sorted as Go marshals maps (byte order). */
export function sortedKeys<T>(obj: Readonly<Record<string, T>>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const k of Object.keys(obj).sort(byteOrder)) out[k] = obj[k];
  return out;
}

/** Byte-wise string comparison (UTF-16 code units match UTF-8 order for BMP text). */
export function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

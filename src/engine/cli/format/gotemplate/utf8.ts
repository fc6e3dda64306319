/**
 * Go strings are byte sequences; ours are JS strings. These helpers give the byte-level view
 * where Go semantics depend on it (`len`, `index`, `slice`, `truncate`, `%x`, error columns).
 * NOTE: a byte slice that cuts a multi-byte character decodes to U+FFFD here, where Go would keep
 * the raw bytes; the terminal shows the same replacement character either way.
 */

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: false });

export function utf8Bytes(s: string): Uint8Array {
  return encoder.encode(s);
}

export function fromUtf8(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

/** Go's `len(s)`: the number of UTF-8 bytes. */
export function utf8Len(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}

/** `utf8.RuneCountInString`. */
export function runeCount(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** The code points of `s`, as Go's `[]rune(s)`. */
export function runes(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) out.push(ch.codePointAt(0) ?? 0xfffd);
  return out;
}

/** Go's `s[lo:hi]` on bytes. */
export function byteSlice(s: string, lo: number, hi: number): string {
  const b = utf8Bytes(s);
  return fromUtf8(b.subarray(lo, hi));
}

/** `string(runes)`, safe for long inputs. */
export function fromRunes(rs: readonly number[]): string {
  let out = '';
  for (let i = 0; i < rs.length; i += 4096) out += String.fromCodePoint(...rs.slice(i, i + 4096));
  return out;
}

/**
 * `?present` in the address opens presenter mode: `/?present`, `/?present#/s/…` (a shared
 * scenario), and, since a shared link may carry its own query inside the fragment,
 * `/#/s/…?present` too. Toggling the mode keeps the address in step so the URL can be reopened.
 */

/** Whether the address asks for presenter mode. */
export function presentRequested(search: string, hash: string): boolean {
  if (new URLSearchParams(search).has('present')) return true;
  const q = hash.indexOf('?');
  return q >= 0 && new URLSearchParams(hash.slice(q + 1)).has('present');
}

/** `href` with `present` added to (or removed from) its query; the fragment is kept as is. */
export function withPresent(href: string, on: boolean): string {
  const url = new URL(href);
  const parts = url.search.replace(/^\?/, '').split('&').filter((p) => p !== '' && p.split('=')[0] !== 'present');
  if (on) parts.push('present');
  url.search = parts.length ? `?${parts.join('&')}` : '';
  let hash = url.hash;
  if (!on && hash.includes('?')) {
    const q = hash.indexOf('?');
    const rest = hash.slice(q + 1).split('&').filter((p) => p !== '' && p.split('=')[0] !== 'present');
    hash = hash.slice(0, q) + (rest.length ? `?${rest.join('&')}` : '');
  }
  url.hash = hash;
  return url.toString();
}

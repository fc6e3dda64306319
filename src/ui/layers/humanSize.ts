/**
 * Sizes the way `docker images` / `docker history` print them (go-units HumanSizeWithPrecision,
 * 3 significant digits, decimal units: `192MB`, `7.83MB`, `1.62kB`, `0B`), so the diagram reads
 * like the terminal next to it. Display only: the figures come from the snapshot.
 */
const UNITS = ['B', 'kB', 'MB', 'GB', 'TB'] as const;

export function dockerSize(bytes: number): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${Number(value.toPrecision(3))}${UNITS[unit]}`;
}

/** A percentage with at most one decimal (`99.2%`, `0.5%`, `100%`), in the UI language. */
export function percent(ratio: number, lang: string): string {
  return `${new Intl.NumberFormat(lang, { maximumFractionDigits: ratio >= 0.9995 || ratio === 0 ? 0 : 1 }).format(ratio * 100)}%`;
}

/** The 12 hex digits docker shows of a digest (`sha256:` dropped). */
export function shortDigest(digest: string): string {
  return digest.slice(digest.indexOf(':') + 1, digest.indexOf(':') + 13);
}

/** `created_by` shortened for a one-line row: BuildKit's ` # buildkit` suffix and `/bin/sh -c` noise dropped. */
export function shortCreatedBy(createdBy: string): string {
  return createdBy
    .replace(/ # buildkit$/, '')
    .replace(/^\/bin\/sh -c #\(nop\)\s+/, '')
    .replace(/^\/bin\/sh -c /, 'RUN ')
    .replace(/^RUN \/bin\/sh -c /, 'RUN ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Size arguments and human-readable sizes as df, dd and fallocate print them: GNU gnulib
 * `human.c` (df -h rounds up, dd rounds to nearest) and BusyBox `make_human_readable_str`.
 */

const BINARY: Record<string, number> = { '': 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3, T: 1024 ** 4, P: 1024 ** 5 };
const DECIMAL: Record<string, number> = { KB: 1e3, MB: 1e6, GB: 1e9, TB: 1e12, PB: 1e15 };

/**
 * `10G`, `1M`, `512`, `4KiB`, `1MB` (decimal), `2k` → bytes (util-linux strtosize, coreutils dd
 * `bs=`; also dd's `c`, `w`, `b` units). Null when invalid.
 */
export function parseSize(text: string, ddUnits = false): number | null {
  const m = /^(\d+)([a-zA-Z]*)$/.exec(text);
  if (!m) return null;
  const n = Number(m[1]);
  let suffix = m[2];
  if (ddUnits && (suffix === 'c' || suffix === 'w' || suffix === 'b')) return n * { c: 1, w: 2, b: 512 }[suffix];
  if (suffix.length === 3 && suffix.slice(1) === 'iB') suffix = suffix[0];
  const up = suffix.toUpperCase();
  if (up in DECIMAL && suffix.length === 2) return n * DECIMAL[up];
  if (suffix.length <= 1 && up in BINARY) return n * BINARY[up];
  return null;
}

const UNITS = ['K', 'M', 'G', 'T', 'P', 'E'];

/** `df -h` (gnulib human_ceiling, powers of 1024): `2.1G`, `58G`, `0`. */
export function gnuHumanCeil(bytes: number): string {
  if (bytes < 1024) return String(Math.ceil(bytes));
  let v = bytes;
  for (const unit of UNITS) {
    v /= 1024;
    if (v < 10) {
      const r = Math.ceil(v * 10 - 1e-9) / 10;
      if (r < 10) return `${r.toFixed(1)}${unit}`;
      return `10${unit}`;
    }
    const r = Math.ceil(v - 1e-9);
    if (r < 1024) return `${r}${unit}`;
  }
  return `${Math.ceil(v)}E`;
}

/** dd's `105 MB` / `100 MiB` (gnulib human_round_to_nearest | human_space_before_unit | human_B). */
export function gnuHumanNearest(bytes: number, si: boolean): string {
  const base = si ? 1000 : 1024;
  if (bytes < base) return `${Math.round(bytes)} B`;
  let v = bytes;
  for (const unit of UNITS) {
    v /= base;
    const label = si ? (unit === 'K' ? 'kB' : `${unit}B`) : `${unit}iB`;
    if (Math.round(v * 10) / 10 < 10) return `${(Math.round(v * 10) / 10).toFixed(1)} ${label}`;
    if (Math.round(v) < base) return `${Math.round(v)} ${label}`;
  }
  return `${Math.round(v)} EB`;
}

/** BusyBox make_human_readable_str(n, 1, 0): `58.4G`, `64.0M`, `512`, `0`. */
export function busyboxHuman(bytes: number): string {
  if (bytes === 0) return '0';
  if (bytes < 1024) return String(Math.round(bytes));
  let v = bytes;
  for (const unit of UNITS) {
    v /= 1024;
    if (v < 1024 - 0.05) return `${v.toFixed(1)}${unit}`;
  }
  return `${v.toFixed(1)}E`;
}

/** C printf `%g` (6 significant digits). */
export function printfG(x: number): string {
  if (x === 0) return '0';
  const exp = Math.floor(Math.log10(Math.abs(x)));
  if (exp < -4 || exp >= 6) {
    const [mant, e] = x.toExponential(5).split('e');
    const m = mant.includes('.') ? mant.replace(/0+$/, '').replace(/\.$/, '') : mant;
    const en = Number(e);
    return `${m}e${en < 0 ? '-' : '+'}${String(Math.abs(en)).padStart(2, '0')}`;
  }
  const s = x.toPrecision(6);
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

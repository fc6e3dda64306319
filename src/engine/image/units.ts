/**
 * Sizes as the docker CLI prints them, ported from github.com/docker/go-units (`size.go`):
 * `docker images`/`history`/`ps -s` use HumanSizeWithPrecision(size, 3) in decimal units
 * (`192MB`, `7.83MB`, `13.3kB`); pull progress uses HumanSize (4 digits: `3.642MB`); `docker
 * stats` uses BytesSize (binary units). Formatting is Go's `%.*g` on float64, reproduced
 * exactly (correct rounding, ties to even, `1e+03MB` when rounding overflows the unit).
 */

const DECIMAL_ABBRS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB', 'YB'];
const BINARY_ABBRS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB', 'ZiB', 'YiB'];

function sizeAndUnit(size: number, base: number, abbrs: readonly string[]): [number, string] {
  let i = 0;
  const limit = abbrs.length - 1;
  while (size >= base && i < limit) {
    size /= base;
    i++;
  }
  return [size, abbrs[i]];
}

/** go-units HumanSizeWithPrecision: decimal units, `precision` significant digits. */
export function humanSizeWithPrecision(size: number, precision: number): string {
  const [v, unit] = sizeAndUnit(size, 1000, DECIMAL_ABBRS);
  return `${formatG(v, precision)}${unit}`;
}

/** go-units HumanSize: decimal units, 4 significant digits (`3.642MB`). */
export function humanSize(size: number): string {
  return humanSizeWithPrecision(size, 4);
}

/** The SIZE column of `docker images` / `docker history` (3 significant digits). */
export function imageSizeString(size: number): string {
  return humanSizeWithPrecision(size, 3);
}

/** go-units BytesSize: binary units, `%.4g` (`64MiB`, `7.773GiB`). */
export function bytesSize(size: number): string {
  const [v, unit] = sizeAndUnit(size, 1024, BINARY_ABBRS);
  return `${formatG(v, 4)}${unit}`;
}

/**
 * Go's `fmt.Sprintf("%.*g", prec, x)` for a finite float64: the exact binary value rounded to
 * `prec` significant digits (ties to even), trailing zeros dropped, `%e` form when the decimal
 * exponent is < -4 or ≥ prec.
 */
export function formatG(x: number, prec: number): string {
  if (!Number.isFinite(x)) return x > 0 ? '+Inf' : x < 0 ? '-Inf' : 'NaN';
  const neg = x < 0 || Object.is(x, -0);
  const { digits, dp } = roundDecimal(exactDecimal(Math.abs(x)), prec === 0 ? 1 : prec);
  if (prec === 0) prec = 1;
  const nd = digits.length;
  let eprec = prec;
  if (eprec > nd && nd >= dp) eprec = nd;
  const exp = dp - 1;
  let body: string;
  if (nd === 0) {
    body = '0';
  } else if (exp < -4 || exp >= eprec) {
    const p = Math.min(prec, nd) - 1;
    const mant = digits[0] + (p > 0 ? `.${digits.slice(1, 1 + p).padEnd(p, '0')}` : '');
    const e = Math.abs(exp);
    body = `${mant}e${exp < 0 ? '-' : '+'}${e < 10 ? `0${e}` : e}`;
  } else {
    const p = prec > dp ? nd : prec;
    const decimals = Math.max(p - dp, 0);
    const intPart = dp <= 0 ? '0' : digits.slice(0, dp).padEnd(dp, '0');
    let frac = '';
    for (let i = 0; i < decimals; i++) {
      const k = dp + i;
      frac += k >= 0 && k < nd ? digits[k] : '0';
    }
    body = decimals > 0 ? `${intPart}.${frac}` : intPart;
  }
  return neg ? `-${body}` : body;
}

/** Exact decimal expansion of a non-negative double: digits (no leading/trailing zeros) and point position. */
function exactDecimal(x: number): { digits: string; dp: number } {
  if (x === 0) return { digits: '', dp: 0 };
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, x);
  const hi = buf.getUint32(0);
  const lo = buf.getUint32(4);
  const expBits = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e2: number;
  if (expBits === 0) e2 = -1074;
  else {
    mant |= 1n << 52n;
    e2 = expBits - 1075;
  }
  // value = mant * 2^e2 = mant * 5^-e2 / 10^-e2 when e2 < 0
  let intDigits: string;
  let dp: number;
  if (e2 >= 0) {
    intDigits = (mant << BigInt(e2)).toString();
    dp = intDigits.length;
  } else {
    const scaled = mant * 5n ** BigInt(-e2);
    const s = scaled.toString();
    dp = s.length + e2;
    intDigits = s;
  }
  let start = 0;
  while (start < intDigits.length - 1 && intDigits[start] === '0') {
    start++;
    dp--;
  }
  const digits = intDigits.slice(start).replace(/0+$/, '');
  return { digits, dp };
}

/** Rounds to `prec` significant digits, ties to even; result has no trailing zeros. */
function roundDecimal(d: { digits: string; dp: number }, prec: number): { digits: string; dp: number } {
  let { digits, dp } = d;
  if (digits.length <= prec) return { digits, dp };
  const kept = digits.slice(0, prec);
  const first = digits.charCodeAt(prec) - 48;
  const restNonZero = /[1-9]/.test(digits.slice(prec + 1));
  const lastKept = kept.charCodeAt(kept.length - 1) - 48;
  const up = first > 5 || (first === 5 && (restNonZero || lastKept % 2 === 1));
  if (!up) return { digits: kept.replace(/0+$/, ''), dp };
  const arr = kept.split('').map((c) => c.charCodeAt(0) - 48);
  let i = arr.length - 1;
  while (i >= 0) {
    if (arr[i] < 9) {
      arr[i]++;
      break;
    }
    arr[i] = 0;
    i--;
  }
  if (i < 0) {
    arr.unshift(1);
    arr.pop();
    dp++;
  }
  digits = arr.join('').replace(/0+$/, '');
  return { digits, dp };
}

/** go-units HumanDuration ("About a minute", "3 weeks"); `ms` is a duration in milliseconds. */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / 1000);
  if (seconds < 1) return 'Less than a second';
  if (seconds === 1) return '1 second';
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.trunc(ms / 60_000);
  if (minutes === 1) return 'About a minute';
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.round(ms / 3_600_000);
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.trunc(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.trunc(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24 / 30)} months`;
  return `${Math.trunc(Math.trunc(ms / 3_600_000) / 24 / 365)} years`;
}

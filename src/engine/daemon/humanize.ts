/** Human-friendly durations and sizes as the docker CLI prints them (docker/go-units). */

/** go-units HumanDuration. */
export function humanDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < 1) return 'Less than a second';
  if (seconds === 1) return '1 second';
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.floor(seconds / 60);
  if (minutes === 1) return 'About a minute';
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.round(seconds / 3600);
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.floor(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.floor(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24 / 30)} months`;
  return `${Math.floor(seconds / 3600 / 24 / 365)} years`;
}

/** go-units BytesSize (binary units, 4 significant digits): `12.5MiB`, `64MiB`, `7.773GiB`. */
export function bytesSize(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  return customSize(n, 1024, units);
}

/** go-units HumanSize (decimal units, 4 significant digits): `1.23kB`, `45.6MB`. */
export function humanSize(n: number): string {
  return customSize(n, 1000, ['B', 'kB', 'MB', 'GB', 'TB', 'PB']);
}

function customSize(n: number, base: number, units: string[]): string {
  let size = n;
  let i = 0;
  while (size >= base && i < units.length - 1) {
    size /= base;
    i++;
  }
  return `${formatG4(size)}${units[i]}`;
}

/** Go's %.4g: up to 4 significant digits, no trailing zeros. */
export function formatG4(x: number): string {
  if (x === 0) return '0';
  const s = x.toPrecision(4);
  if (s.includes('e')) return String(Number(s));
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

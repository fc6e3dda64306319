/** Display formatting only: numbers the snapshot carries, written the way docker and Linux write them. */
import type { Lang } from '../i18n/index.ts';

const formats = new Map<string, Intl.NumberFormat>();
function nf(lang: Lang, digits: number, minDigits = digits): Intl.NumberFormat {
  const key = `${lang}:${digits}:${minDigits}`;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.NumberFormat(lang, { maximumFractionDigits: digits, minimumFractionDigits: minDigits, useGrouping: false })));
  return f;
}

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'] as const;

/** Binary units like `docker stats` (`47.5 MiB`), with the language's decimal mark. */
export function formatBytes(bytes: number, lang: Lang): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || Number.isInteger(value) ? 0 : value >= 100 ? 0 : 1;
  return `${nf(lang, digits).format(value)} ${UNITS[unit]}`;
}

export function formatPercent(value: number, lang: Lang): string {
  return `${nf(lang, value >= 100 ? 0 : 1).format(value)}%`;
}

/** Up to `digits` decimals, none when not needed (0.5, 1.25, 2). */
export function formatNumber(value: number, lang: Lang, digits = 0): string {
  return nf(lang, digits, 0).format(value);
}

/** Signal numbers as `kill -l` names them (x86-64 Linux). */
const SIGNALS: Readonly<Record<number, string>> = {
  1: 'SIGHUP', 2: 'SIGINT', 3: 'SIGQUIT', 4: 'SIGILL', 6: 'SIGABRT', 8: 'SIGFPE', 9: 'SIGKILL', 10: 'SIGUSR1', 11: 'SIGSEGV',
  12: 'SIGUSR2', 13: 'SIGPIPE', 14: 'SIGALRM', 15: 'SIGTERM', 17: 'SIGCHLD', 18: 'SIGCONT', 19: 'SIGSTOP', 20: 'SIGTSTP',
};
export function signalName(signal: number): string {
  return SIGNALS[signal] ?? `signal ${signal}`;
}

/** The 12-character short ID docker prints. */
export const shortId = (id: string) => id.slice(0, 12);

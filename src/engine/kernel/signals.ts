/** Linux signal numbers (x86-64) and names, as `kill -l` lists them. */
export const SIGNALS = {
  SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGILL: 4, SIGTRAP: 5, SIGABRT: 6, SIGBUS: 7, SIGFPE: 8,
  SIGKILL: 9, SIGUSR1: 10, SIGSEGV: 11, SIGUSR2: 12, SIGPIPE: 13, SIGALRM: 14, SIGTERM: 15,
  SIGSTKFLT: 16, SIGCHLD: 17, SIGCONT: 18, SIGSTOP: 19, SIGTSTP: 20, SIGTTIN: 21, SIGTTOU: 22,
  SIGURG: 23, SIGXCPU: 24, SIGXFSZ: 25, SIGVTALRM: 26, SIGPROF: 27, SIGWINCH: 28, SIGIO: 29,
  SIGPWR: 30, SIGSYS: 31,
} as const;

export type SignalName = keyof typeof SIGNALS;

const BY_NUMBER = new Map<number, SignalName>(Object.entries(SIGNALS).map(([k, v]) => [v, k as SignalName]));

export function signalName(n: number): SignalName | undefined {
  return BY_NUMBER.get(n);
}

/**
 * Parses a signal as `kill -s`, `docker kill -s` and `--stop-signal` accept it: a number,
 * `KILL`, or `SIGKILL` (case-insensitive). Returns undefined when unknown.
 */
export function parseSignal(text: string): number | undefined {
  const t = text.trim().toUpperCase();
  if (/^\d+$/.test(t)) {
    const n = Number(t);
    return n >= 1 && n <= 31 ? n : undefined;
  }
  const name = (t.startsWith('SIG') ? t : `SIG${t}`) as SignalName;
  return SIGNALS[name];
}

/** Signals whose default action is to ignore them. */
export const DEFAULT_IGNORED: ReadonlySet<number> = new Set([SIGNALS.SIGCHLD, SIGNALS.SIGURG, SIGNALS.SIGWINCH, SIGNALS.SIGCONT]);

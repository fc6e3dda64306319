/**
 * The latest Engine API calls, newest first, as large mono lines for a projector: method, path,
 * status, virtual time. Choosing one lights its path in the diagram; choosing it again follows the
 * latest call again.
 */
import { memo } from 'react';
import type { ApiCall } from '../../engine/snapshot.ts';
import { useT } from '../context.ts';

const SHOWN = 40;

/**
 * The path as the log shows it: without the `/v1.51` prefix (the title says which API) and with
 * 64-hex IDs cut to docker's 12-character short form. The accessible name keeps the full path.
 */
export function displayPath(path: string): string {
  return path.replace(/^\/v\d+\.\d+/, '').replace(/\b([0-9a-f]{12})[0-9a-f]{52}\b/g, '$1');
}

/** Virtual time since boot as `m:ss.s`. */
export function formatVirtualTime(ms: number): string {
  const s = ms / 1000;
  const m = Math.floor(s / 60);
  return `${m}:${(s - m * 60).toFixed(1).padStart(4, '0')}`;
}

export const ApiLog = memo(function ApiLog({ log, selected, onSelect }: { log: readonly ApiCall[]; selected: number | null; onSelect: (seq: number | null) => void }) {
  const t = useT();
  const recent = log.slice(-SHOWN).reverse();
  return (
    <section className="arch-log" aria-labelledby="arch-log-title">
      <h3 id="arch-log-title" className="arch-log__title">{t('arch.log')}</h3>
      <p className="arch-log__hint">{t('arch.logHint')}</p>
      {recent.length === 0 ? (
        <p className="arch-log__empty">{t('arch.logEmpty')}</p>
      ) : (
        <ol className="arch-log__list">
          {recent.map((c) => {
            const pressed = c.seq === selected;
            const time = formatVirtualTime(c.t);
            return (
              <li key={c.seq}>
                <button
                  type="button"
                  className={`arch-call${pressed ? ' arch-call--selected' : ''}${c.status >= 400 ? ' arch-call--error' : ''}`}
                  aria-pressed={pressed}
                  aria-label={t('arch.callLabel', { method: c.method, path: c.path, status: String(c.status), time, hops: c.hops.join(' → ') })}
                  title={c.path}
                  data-seq={c.seq}
                  onClick={() => onSelect(pressed ? null : c.seq)}
                >
                  <span className={`arch-call__method arch-call__method--${c.method.toLowerCase()}`}>{c.method}</span>
                  <span className="arch-call__path mono">{displayPath(c.path)}</span>
                  <span className="arch-call__status mono">{c.status}</span>
                  <span className="arch-call__time mono">{time}</span>
                </button>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
});

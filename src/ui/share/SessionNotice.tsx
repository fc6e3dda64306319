/** The session's start, said in a banner: replaying N steps, a refused shared link, a restarted engine. */
import { useStoreValue, useT } from '../context.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { discardPreviousSession, downloadUnreplayable, restorePreviousSandbox, retryUnreplayable, useSessionStatus } from './status.ts';
import type { ScenarioErrorCode } from '../../scenario/format.ts';

const REASONS: Record<ScenarioErrorCode, MessageKey> = {
  'too-long': 'share.error.tooLong',
  'not-base64': 'share.error.notBase64',
  'not-deflate': 'share.error.notDeflate',
  'too-large': 'share.error.tooLarge',
  'not-json': 'share.error.notJson',
  version: 'share.error.version',
  schema: 'share.error.schema',
  unsupported: 'share.error.unsupported',
};

export function SessionNotice() {
  const t = useT();
  const status = useSessionStatus();
  const ready = useStoreValue((s) => s.connection === 'ready');
  const notices: { key: string; text: string; error?: boolean; action?: { label: string; run: () => void }; second?: { label: string; run: () => void } }[] = [];
  if (status.replaying && !ready) notices.push({ key: 'replaying', text: t('session.replaying', { count: status.replaying.steps }) });
  if (status.linkError) {
    const reason = REASONS[status.linkError.code];
    notices.push({ key: 'link', error: true, text: `${t(status.linkError.keptOwn ? 'share.errorKept' : 'share.error', { reason: t(reason as 'share.error.schema') })}${status.linkError.detail ? ` (${status.linkError.detail})` : ''}` });
  }
  if (status.restarts > 0) notices.push({ key: 'restart', text: t('session.restarted') });
  const discard = { label: t('session.discardPrevious'), run: discardPreviousSession };
  if (status.previousKept) notices.push({ key: 'previous', text: t(status.previousFor === 'lesson' ? 'session.previousKeptLesson' : 'session.previousKept'), action: { label: t('session.restorePrevious'), run: restorePreviousSandbox }, second: discard });
  if (status.branchKept) notices.push({ key: 'branch', text: t('timeline.keptAside'), action: { label: t('timeline.bringBack'), run: restorePreviousSandbox }, second: discard });
  if (status.unreplayable) {
    notices.push({ key: 'unreplayable', error: true, text: t('session.unreplayable'), action: { label: t('session.retry'), run: retryUnreplayable }, second: { label: t('session.download'), run: downloadUnreplayable } });
  }
  if (!notices.length) return null;
  return (
    <div className="session-notices">
      {notices.map((n) => (
        <div key={n.key} className={`banner${n.error ? ' banner--error' : ''}`} role={n.error ? 'alert' : 'status'} data-notice={n.key}>
          {n.text}
          {[n.action, n.second].map((a) => a && (
            <button key={a.label} type="button" className="banner__action" onClick={a.run}>
              {a.label}
            </button>
          ))}
        </div>
      ))}
    </div>
  );
}

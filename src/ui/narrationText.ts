import type { NarrationItem } from '../store/index.ts';
import type { Translate } from '../i18n/index.ts';
import { signalName } from './format.ts';

function assertNever(value: never): never {
  throw new Error(`unhandled narration: ${JSON.stringify(value)}`);
}

/** Words one narration item in the current language. */
export function narrationText(t: Translate, item: NarrationItem): string {
  switch (item.kind) {
    case 'created': return t('narration.created', { name: item.name });
    case 'removed': return t('narration.removed', { name: item.name });
    case 'started': return t('narration.started', { name: item.name });
    case 'exited': return t('narration.exited', { name: item.name, code: item.code });
    case 'pid1-exit': return t('narration.pid1Exit', { name: item.name, code: item.code });
    case 'oom-kill':
      return item.name
        ? t('narration.oomKill', { name: item.name, comm: item.comm, pid: item.pid })
        : t('narration.oomKillHost', { comm: item.comm, pid: item.pid });
    case 'fork-failed': return t('narration.forkFailed', { name: item.name ?? t('narration.container') });
    case 'pid-max':
      return item.name
        ? t('narration.pidMax', { name: item.name, limit: item.limit })
        : t('narration.pidMaxHost', { limit: item.limit });
    case 'signal': return t('narration.signal', { comm: item.comm, pid: item.pid, signal: signalName(item.signal) });
    case 'travel': return item.step === 0 ? t('narration.travelStart') : t('narration.travel', { n: item.step, total: item.total });
    case 'present': return t('narration.present');
    default: return assertNever(item);
  }
}

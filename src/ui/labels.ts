/** Words for engine enums, in the UI language. The values come from the snapshot; only the wording is ours. */
import type { ContainerView, ProcessState } from '../engine/snapshot.ts';
import type { Translate } from '../i18n/index.ts';

function assertNever(value: never): never {
  throw new Error(`unhandled: ${String(value)}`);
}

export function statusLabel(t: Translate, container: ContainerView): string {
  switch (container.status) {
    case 'created': return t('status.created');
    case 'running': return t('status.running');
    case 'paused': return t('status.paused');
    case 'restarting': return t('status.restarting');
    case 'removing': return t('status.removing');
    case 'exited': return t('status.exited', { code: container.exitCode });
    case 'dead': return t('status.dead');
    default: return assertNever(container.status);
  }
}

export function stateLabel(t: Translate, state: ProcessState): string {
  switch (state) {
    case 'R': return t('state.R');
    case 'S': return t('state.S');
    case 'D': return t('state.D');
    case 'Z': return t('state.Z');
    case 'T': return t('state.T');
    default: return assertNever(state);
  }
}

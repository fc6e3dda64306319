/**
 * What the session start looked like, for the UI: a scenario or saved session being replayed
 * (how many steps), a shared link that was refused (and why), a worker restarted after a crash.
 * A tiny external store (useSyncExternalStore), set by boot.tsx and the session endpoint.
 */
import { useSyncExternalStore } from 'react';
import type { ScenarioErrorCode } from '../../scenario/format.ts';

export interface SessionStatus {
  /** Steps being replayed before the prompt appears (null: nothing to replay). */
  readonly replaying: { readonly kind: 'scenario' | 'restore'; readonly steps: number; readonly title?: string } | null;
  /** A shared link that could not be opened. */
  readonly linkError: { readonly code: ScenarioErrorCode; readonly detail: string } | null;
  /** How many times a crashed engine was restarted and the session replayed. */
  readonly restarts: number;
  /** A shared link replaced the learner's own sandbox, which was kept aside and can come back. */
  readonly previousKept: boolean;
}

let status: SessionStatus = { replaying: null, linkError: null, restarts: 0, previousKept: false };
const listeners = new Set<() => void>();

export function setSessionStatus(patch: Partial<SessionStatus>): void {
  status = { ...status, ...patch };
  for (const l of listeners) l();
}

export function getSessionStatus(): SessionStatus {
  return status;
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

export function useSessionStatus(): SessionStatus {
  return useSyncExternalStore(subscribe, getSessionStatus);
}

let reset: (() => void) | null = null;
let restorePrevious: (() => void) | null = null;

/** boot.tsx registers how to bring back the sandbox a shared link replaced. */
export function setRestorePrevious(fn: (() => void) | null): void {
  restorePrevious = fn;
}

export function restorePreviousSandbox(): void {
  restorePrevious?.();
}

/** boot.tsx registers how to start over with an empty sandbox (forget the saved session, reload). */
export function setResetSandbox(fn: (() => void) | null): void {
  reset = fn;
}

export function resetSandbox(): void {
  reset?.();
}

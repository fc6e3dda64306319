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
  /** `keptOwn`: the learner's own saved sandbox carries on (else an empty one). */
  readonly linkError: { readonly code: ScenarioErrorCode; readonly detail: string; readonly keptOwn: boolean } | null;
  /** How many times a crashed engine was restarted and the session replayed. */
  readonly restarts: number;
  /** A shared link replaced the learner's own sandbox, which was kept aside and can come back. */
  readonly previousKept: boolean;
  /** What took the kept sandbox's place: a shared link (absent) or a lesson started over in a clean sandbox. */
  readonly previousFor?: 'lesson';
  /** Continuing from a past step dropped the steps after it; the whole session was kept aside and can come back. */
  readonly branchKept: boolean;
  /** The saved session could not be replayed by this version; it was kept aside (retry or download). */
  readonly unreplayable: boolean;
}

let status: SessionStatus = { replaying: null, linkError: null, restarts: 0, previousKept: false, branchKept: false, unreplayable: false };
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

let keepAside: (() => void) | null = null;
let discardPrevious: (() => void) | null = null;

/** boot.tsx registers how to forget the session kept aside. */
export function setDiscardPrevious(fn: (() => void) | null): void {
  discardPrevious = fn;
}

export function discardPreviousSession(): void {
  discardPrevious?.();
}
let unreplayable: { readonly retry: () => void; readonly download: () => void } | null = null;

/** boot.tsx registers how to keep the whole session aside (before the timeline drops the steps after a past one). */
export function setKeepSessionAside(fn: (() => void) | null): void {
  keepAside = fn;
}

export function keepSessionAside(): void {
  keepAside?.();
}

/** boot.tsx registers what to do with a session that could not be replayed. */
export function setUnreplayableActions(actions: typeof unreplayable): void {
  unreplayable = actions;
}

export function retryUnreplayable(): void {
  unreplayable?.retry();
}

export function downloadUnreplayable(): void {
  unreplayable?.download();
}

let clean: (() => void) | null = null;

/** boot.tsx (start.ts) registers how to start a lesson over in a clean sandbox, keeping the learner's own aside. */
export function setCleanSandbox(fn: (() => void) | null): void {
  clean = fn;
}

export function canStartCleanSandbox(): boolean {
  return clean !== null;
}

/** Reloads into an empty sandbox; the current one is kept aside ("Back to my sandbox" brings it back). */
export function startCleanSandbox(): void {
  clean?.();
}

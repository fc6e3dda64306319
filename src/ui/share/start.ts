/**
 * How a page starts its engine: a shared scenario (`#/s/…`, decoded as hostile input), else the
 * saved sandbox session (localStorage), else an empty sandbox. The worker replays whatever it is
 * before the learner sees the prompt, and is replaced (and the session replayed) if it crashes.
 */
import { decodeScenario, isScenarioHash } from '../../scenario/codec.ts';
import { firstPause, ScenarioError, type ScenarioStep } from '../../scenario/format.ts';
import { connect, spawnEngineWorker, type EngineClient } from '../../worker/client.ts';
import type { ClientMessage, SessionStart } from '../../worker/protocol.ts';
import { loadSession, PREVIOUS_KEY, restoreStart, sessionEndpoint, SessionKeeper, STORAGE_KEY, type SessionStorage } from './session.ts';
import { setResetSandbox, setRestorePrevious, setSessionStatus } from './status.ts';

function storage(): SessionStorage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // storage disabled: the session lives in memory only
  }
}

/** What a test may do to the session: crash the worker for real, count restarts. */
export interface SessionTestControls {
  crash(): void;
  readonly restarts: number;
}

export interface SessionClient {
  readonly client: EngineClient;
  readonly controls: SessionTestControls;
  /** A shared scenario's steps from its first `pause` on: the viewer steps through them (presenter mode). */
  readonly remaining: readonly ScenarioStep[] | null;
}

export async function startSessionClient(): Promise<SessionClient> {
  const store = storage();
  const keeper = new SessionKeeper(store);
  let start: SessionStart | undefined;
  let remaining: readonly ScenarioStep[] | null = null;
  const { hash } = location;
  if (isScenarioHash(hash)) {
    // Nothing the learner made is lost: their own sandbox is kept aside before the link replaces it.
    const own = store?.getItem(STORAGE_KEY) ?? null;
    if (store && own) {
      try {
        store.setItem(PREVIOUS_KEY, own);
        setSessionStatus({ previousKept: true });
      } catch {
        // quota: the link still opens; the old session stays where it was until the first save
      }
    }
    try {
      const scenario = await decodeScenario(hash);
      start = { kind: 'scenario', scenario };
      const played = firstPause(scenario);
      if (played < scenario.steps.length) remaining = scenario.steps.slice(played);
      setSessionStatus({ replaying: { kind: 'scenario', steps: played, title: scenario.title } });
    } catch (e) {
      const err = e instanceof ScenarioError ? e : new ScenarioError('unsupported', '');
      setSessionStatus({ linkError: { code: err.code, detail: err.detail } });
    }
    // The link has done its work: from now on this is the learner's sandbox session (a reload restores it).
    const q = hash.indexOf('?');
    history.replaceState(history.state, '', `${location.pathname}${location.search}${q >= 0 ? `#${hash.slice(q)}` : ''}`);
  } else {
    const saved = store ? loadSession(store) : null;
    if (saved) {
      start = restoreStart(saved);
      const steps = saved.journal.filter((e) => e.k === 'file' || (e.k === 'in' && e.data.includes('\r'))).length;
      setSessionStatus({ replaying: { kind: 'restore', steps } });
    }
  }

  const endpoint = sessionEndpoint({ start, keeper, spawn: spawnEngineWorker, onRestart: (n) => setSessionStatus({ restarts: n }) });
  const client = connect(endpoint, { onClose: () => keeper.flush() });
  addEventListener('pagehide', () => keeper.flush());
  setRestorePrevious(() => {
    const previous = store?.getItem(PREVIOUS_KEY);
    if (!store || !previous) return;
    keeper.clear();
    store.setItem(STORAGE_KEY, previous);
    store.removeItem(PREVIOUS_KEY);
    location.replace(`${location.pathname}${location.search}`);
  });
  setResetSandbox(() => {
    keeper.clear();
    location.replace(`${location.pathname}${location.search}`);
  });
  return {
    client,
    remaining,
    controls: {
      // A request the host cannot handle: it throws inside the worker, as an engine bug would.
      crash: () => endpoint.post({ type: 'files', id: -1, request: null } as unknown as ClientMessage),
      get restarts() {
        return endpoint.restarts;
      },
    },
  };
}

/**
 * How a page starts its engine: a shared scenario (`#/s/…`, decoded as hostile input), else the
 * saved sandbox session (localStorage), else an empty sandbox. The worker replays whatever it is
 * before the learner sees the prompt, and is replaced (and the session replayed) if it crashes.
 */
import { decodeScenario, isScenarioHash } from '../../scenario/codec.ts';
import { firstPause, ScenarioError, type Scenario, type ScenarioStep } from '../../scenario/format.ts';
import { connect, spawnEngineWorker, type EngineClient } from '../../worker/client.ts';
import type { ClientMessage, SessionStart } from '../../worker/protocol.ts';
import { loadSession, PREVIOUS_KEY, PREVIOUS_KIND_KEY, restoreStart, sessionEndpoint, SessionKeeper, STORAGE_KEY, UNREPLAYABLE_KEY, type SavedSession, type SessionStorage } from './session.ts';
import { setCleanSandbox, setDiscardPrevious, setKeepSessionAside, setResetSandbox, setRestorePrevious, setSessionStatus, setUnreplayableActions } from './status.ts';
import { clearGoals, copyGoals, GOALS_KEY, moveGoals, PREVIOUS_GOALS_KEY, restoreGoals, saveGoals, startGoals } from './goalsStorage.ts';

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
  /** The learner's own sandbox: the saved session replayed, and whatever was kept aside still on offer. */
  const resumeOwn = () => {
    // A session kept aside stays on offer across reloads until it is brought back or discarded.
    if (store?.getItem(PREVIOUS_KEY)) setSessionStatus(store.getItem(PREVIOUS_KIND_KEY) === 'branch' ? { branchKept: true } : { previousKept: true });
    if (store?.getItem(PREVIOUS_KEY) && store.getItem(PREVIOUS_KIND_KEY) === 'lesson') setSessionStatus({ previousFor: 'lesson' });
    const saved = store ? loadSession(store) : null;
    if (saved) {
      start = restoreStart(saved);
      restoreGoals(store);
      const steps = saved.journal.filter((e) => e.k === 'file' || (e.k === 'in' && e.data.includes('\r'))).length;
      setSessionStatus({ replaying: { kind: 'restore', steps } });
    }
    return saved !== null;
  };
  if (isScenarioHash(hash)) {
    let scenario: Scenario | null = null;
    try {
      scenario = await decodeScenario(hash);
    } catch (e) {
      // A refused link replaces nothing: the learner's own sandbox carries on.
      const err = e instanceof ScenarioError ? e : new ScenarioError('unsupported', '');
      setSessionStatus({ linkError: { code: err.code, detail: err.detail, keptOwn: resumeOwn() } });
    }
    if (scenario) {
      // Nothing the learner made is lost: their own sandbox is kept aside before the link replaces it.
      const own = store?.getItem(STORAGE_KEY) ?? null;
      if (store && own) {
        try {
          store.setItem(PREVIOUS_KEY, own);
          store.setItem(PREVIOUS_KIND_KEY, 'link');
          moveGoals(store, GOALS_KEY, PREVIOUS_GOALS_KEY);
          setSessionStatus({ previousKept: true });
        } catch {
          // quota: the link still opens; the old session stays where it was until the first save
        }
      }
      start = { kind: 'scenario', scenario };
      startGoals(store, scenario.goals);
      const played = firstPause(scenario);
      if (played < scenario.steps.length) remaining = scenario.steps.slice(played);
      setSessionStatus({ replaying: { kind: 'scenario', steps: played, title: scenario.title } });
    }
    // The link has done its work: from now on this is the learner's sandbox session (a reload restores it).
    const q = hash.indexOf('?');
    history.replaceState(history.state, '', `${location.pathname}${location.search}${q >= 0 ? `#${hash.slice(q)}` : ''}`);
  } else {
    resumeOwn();
  }

  // A session this version cannot replay is kept, not overwritten by the empty sandbox's first save.
  const onRestoreFailed = (s: SavedSession) => {
    try {
      store?.setItem(UNREPLAYABLE_KEY, JSON.stringify(s));
    } catch {
      // quota: it still lives in memory until the page closes
    }
    setSessionStatus({ unreplayable: true });
    setUnreplayableActions({
      retry: () => {
        keeper.clear();
        store?.setItem(STORAGE_KEY, JSON.stringify(s));
        location.replace(`${location.pathname}${location.search}`);
      },
      download: () => {
        const a = document.createElement('a');
        a.href = URL.createObjectURL(new Blob([JSON.stringify(s)], { type: 'application/json' }));
        a.download = 'container-playground-session.json';
        a.click();
        URL.revokeObjectURL(a.href);
      },
    });
  };
  const endpoint = sessionEndpoint({ start, keeper, spawn: spawnEngineWorker, onRestart: (n) => setSessionStatus({ restarts: n }), onRestoreFailed });
  const client = connect(endpoint, {
    onClose: () => {
      keeper.flush();
      endpoint.stop();
    },
  });
  addEventListener('pagehide', () => keeper.flush());
  setRestorePrevious(() => {
    const previous = store?.getItem(PREVIOUS_KEY);
    if (!store || !previous) return;
    keeper.clear();
    store.setItem(STORAGE_KEY, previous);
    store.removeItem(PREVIOUS_KEY);
    store.removeItem(PREVIOUS_KIND_KEY);
    moveGoals(store, PREVIOUS_GOALS_KEY, GOALS_KEY);
    location.replace(`${location.pathname}${location.search}`);
  });
  setKeepSessionAside(() => {
    const whole = keeper.session();
    if (!store || !whole) return;
    try {
      store.setItem(PREVIOUS_KEY, JSON.stringify(whole));
      store.setItem(PREVIOUS_KIND_KEY, 'branch');
      copyGoals(store, GOALS_KEY, PREVIOUS_GOALS_KEY); // the branch is the same session: same goals
      setSessionStatus({ branchKept: true, previousKept: false });
    } catch {
      // quota: the branch still happens; the dropped steps are not kept
    }
  });
  setDiscardPrevious(() => {
    store?.removeItem(PREVIOUS_KEY);
    store?.removeItem(PREVIOUS_KIND_KEY);
    saveGoals(store, [], [], PREVIOUS_GOALS_KEY);
    setSessionStatus({ previousKept: false, branchKept: false });
  });
  // A lesson started over (ui/lessons) gets an empty sandbox; the learner's own is kept aside
  // first, as a shared link does. An empty one is not worth replacing an older kept sandbox for.
  setCleanSandbox(() => {
    keeper.flush();
    const own = store?.getItem(STORAGE_KEY) ?? null;
    const worked = store ? (loadSession(store)?.journal.some((e) => e.k === 'file' || (e.k === 'in' && e.data.includes('\r'))) ?? false) : false;
    keeper.clear();
    if (store && own && worked) {
      try {
        store.setItem(PREVIOUS_KEY, own);
        store.setItem(PREVIOUS_KIND_KEY, 'lesson');
        moveGoals(store, GOALS_KEY, PREVIOUS_GOALS_KEY);
      } catch {
        // quota: the clean sandbox still starts
      }
    } else {
      clearGoals(store);
    }
    location.replace(`${location.pathname}${location.search}`);
  });
  setResetSandbox(() => {
    keeper.clear();
    clearGoals(store);
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

/**
 * The one place the UI reads engine state from (design.md §1): a vanilla zustand store, usable
 * without React, in three slices:
 *  - engine: the snapshot's record tables, API log, kernel events and narration, kept in step with
 *    the host by `receive` (welcome → patches numbered by seq; a gap asks for a `resync`);
 *  - gauges: the latest light-channel sample, replaced wholesale (read it transiently, not by render);
 *  - ui: selection, language, speed.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ClientMessage, HostMessage, Speed, TimelineStep } from '../worker/protocol.ts';
import type { ApiCall, GaugeSample, HostView, KernelEvent, ProcessSample } from '../engine/snapshot.ts';
import type { Lang } from '../i18n/types.ts';
import { narratePatch, type Narration, type NarrationItem } from './narrate.ts';
import { EMPTY_TABLES, appendBounded, applyTables, reconcileLog, reconcileTables, type Tables } from './tables.ts';

export type Connection = 'connecting' | 'ready' | 'resyncing' | 'mismatch' | 'fatal';

export type Problem =
  | { readonly kind: 'mismatch'; readonly expected: number; readonly got: number }
  | { readonly kind: 'fatal'; readonly message: string };

export interface EngineSlice extends Tables {
  readonly connection: Connection;
  readonly problem: Problem | null;
  /** seq of the last snapshot or patch applied. */
  readonly seq: number;
  readonly host: HostView | null;
  readonly apiLog: readonly ApiCall[];
  readonly events: readonly KernelEvent[];
  /** The latest patch's narration (null until something happens). */
  readonly narration: Narration | null;
  /** The host filesystem's change counter (`files-changed`): the editor's file tree re-lists when it moves. */
  readonly filesRev: number;
  /** The session's steps, and how many of them the state shown has (null: the present; time travel otherwise). */
  readonly timeline: Timeline;
}

export interface Timeline {
  readonly steps: readonly TimelineStep[];
  readonly viewing: number | null;
}

export const EMPTY_TIMELINE: Timeline = { steps: [], viewing: null };

export interface Gauges {
  /** Virtual time of the sample. */
  readonly t: number;
  readonly containers: Readonly<Record<string, GaugeSample>>;
  readonly processes: Readonly<Record<number, ProcessSample>>;
}

export interface GaugeSlice {
  readonly gauges: Gauges;
}

export type Selection = { readonly kind: 'process'; readonly id: string } | { readonly kind: 'container'; readonly id: string } | null;

/** The views each workspace area can show (one tab each). */
export const AREA_VIEWS = {
  main: ['processes', 'layers', 'overlay', 'volumes', 'architecture', 'vmcompare', 'registry'],
  side: ['cgroups', 'files', 'network', 'lessons', 'timeline'],
} as const;
export type Area = keyof typeof AREA_VIEWS;
export type AreaView<A extends Area = Area> = (typeof AREA_VIEWS)[A][number];

export interface UiSlice {
  readonly selection: Selection;
  /** The tab each workspace area shows. */
  readonly views: { readonly main: AreaView<'main'>; readonly side: AreaView<'side'> };
  readonly lang: Lang;
  /** The speed the host last confirmed (or the one just asked for). */
  readonly speed: Speed;
  /** Presenter mode: projector theme, one focused diagram beside the terminal, captions, step-through. */
  readonly presenter: boolean;
  /** What presenter mode steps through (a scenario's steps); null = the built-in demo. */
  readonly presenterSteps: readonly PresenterStep[] | null;
}

/** One step of a presentation: the command line to type, and the narration shown as its caption. */
export interface PresenterStep {
  readonly run: string;
  readonly say?: string;
}

export interface Actions {
  /** Feeds one host message in (the client calls it for everything but terminal output). */
  readonly receive: (message: HostMessage) => void;
  readonly select: (selection: Selection) => void;
  readonly setLang: (lang: Lang) => void;
  /** Shows `view` in `area` (a tab click, a lesson step, the Build button). */
  readonly showView: <A extends Area>(area: A, view: AreaView<A>) => void;
  /** Asks the host for a speed and shows it at once. */
  readonly setSpeed: (speed: Speed) => void;
  readonly setPresenter: (on: boolean) => void;
  /** A scenario hands its steps to presenter mode (null: back to the built-in demo). */
  readonly setPresenterSteps: (steps: readonly PresenterStep[] | null) => void;
}

export type PlaygroundState = EngineSlice & GaugeSlice & UiSlice & Actions;
export type PlaygroundStore = StoreApi<PlaygroundState>;

export interface StoreOptions {
  /** Where the store's own requests (`resync`, `setSpeed`) go; usually `client.send`. */
  readonly send?: (message: ClientMessage) => void;
  readonly lang?: Lang;
  /** Start in presenter mode (`?present` in the URL). */
  readonly presenter?: boolean;
}

export const EMPTY_GAUGES: Gauges = { t: 0, containers: {}, processes: {} };

function assertNever(value: never): never {
  throw new Error(`unhandled message: ${JSON.stringify(value)}`);
}

export function createPlaygroundStore(options: StoreOptions = {}): PlaygroundStore {
  const send = options.send ?? (() => {});
  let batch = 0;

  return createStore<PlaygroundState>()((set, get) => ({
    ...EMPTY_TABLES,
    connection: 'connecting',
    problem: null,
    seq: 0,
    host: null,
    apiLog: [],
    events: [],
    narration: null,
    filesRev: 0,
    timeline: EMPTY_TIMELINE,
    gauges: EMPTY_GAUGES,
    selection: null,
    views: { main: 'processes', side: 'cgroups' },
    lang: options.lang ?? 'en',
    speed: 1,
    presenter: options.presenter ?? false,
    presenterSteps: null,

    receive: (message) => {
      const state = get();
      switch (message.type) {
        case 'welcome':
        case 'snapshot': {
          const { snapshot } = message;
          const tables = reconcileTables(state, snapshot);
          set({
            ...tables,
            gauges: pruneGauges(state.gauges, tables),
            connection: 'ready',
            problem: null,
            seq: message.seq,
            host: snapshot.host,
            apiLog: reconcileLog(state.apiLog, snapshot.apiLog),
            events: reconcileLog(state.events, snapshot.events),
            ...(message.type === 'welcome' ? { speed: message.speed } : {}),
          });
          return;
        }
        case 'patch': {
          if (state.connection !== 'ready' || message.seq <= state.seq) return; // before welcome, while resyncing, or a repeat
          if (message.seq !== state.seq + 1) {
            set({ connection: 'resyncing' });
            send({ type: 'resync' });
            return;
          }
          const { patch } = message;
          const tables = applyTables(state, patch);
          const items = narratePatch(state.containers, tables.containers, patch);
          set({
            ...tables,
            gauges: pruneGauges(state.gauges, tables),
            seq: message.seq,
            host: patch.host ?? state.host,
            apiLog: appendBounded(state.apiLog, patch.apiLog),
            events: appendBounded(state.events, patch.events),
            ...(items.length ? { narration: { batch: ++batch, items } } : {}),
          });
          return;
        }
        case 'gauges': {
          // The host sends only samples that changed: merge, keeping the others' identity.
          set({ gauges: mergeGauges(state.gauges, message.containers, message.processes, message.t) });
          return;
        }
        case 'speed':
          if (message.speed !== state.speed) set({ speed: message.speed });
          return;
        case 'version-mismatch':
          set({ connection: 'mismatch', problem: { kind: 'mismatch', expected: message.expected, got: message.got } });
          return;
        case 'fatal':
          set({ connection: 'fatal', problem: { kind: 'fatal', message: message.message } });
          return;
        case 'files-changed':
          if (message.rev !== state.filesRev) set({ filesRev: message.rev });
          return;
        case 'timeline': {
          const steps = message.from === 0 ? message.steps : [...state.timeline.steps.slice(0, message.from), ...message.steps];
          // A move in time is news: the live line says where the host shown now is.
          const moved = message.viewing !== state.timeline.viewing;
          const item: NarrationItem | null = !moved ? null : message.viewing === null ? { kind: 'present' } : { kind: 'travel', step: message.viewing, total: steps.length };
          set({ timeline: { steps, viewing: message.viewing }, ...(item ? { narration: { batch: ++batch, items: [item] } } : {}) });
          return;
        }
        case 'screen':
        case 'pong':
        case 'files-result':
        case 'diagnostics':
        case 'queryResult':
        case 'subscription':
        case 'output':
        case 'done':
        case 'journal':
        case 'scenario':
          return; // the terminal, the client and the session keeper (ui/share) handle these
        default:
          assertNever(message);
      }
    },
    select: (selection) => {
      const current = get().selection;
      if (current === selection || (current && selection && current.kind === selection.kind && current.id === selection.id)) return;
      set({ selection });
    },
    showView: (area, view) => {
      const views = get().views;
      if (views[area] !== view) set({ views: { ...views, [area]: view } });
    },
    setLang: (lang) => {
      if (lang !== get().lang) set({ lang });
    },
    setSpeed: (speed) => {
      send({ type: 'setSpeed', speed });
      if (speed !== get().speed) set({ speed });
    },
    setPresenter: (on) => {
      if (on !== get().presenter) set({ presenter: on });
    },
    setPresenterSteps: (steps) => {
      if (steps !== get().presenterSteps) set({ presenterSteps: steps });
    },
  }));
}

/** Folds a gauges message (changed samples only) into the slice. */
export function mergeGauges(gauges: Gauges, containers: readonly GaugeSample[], processes: readonly ProcessSample[], t: number): Gauges {
  let nextContainers = gauges.containers;
  if (containers.length) {
    const merged: Record<string, GaugeSample> = { ...gauges.containers };
    for (const sample of containers) merged[sample.containerId] = sample;
    nextContainers = merged;
  }
  let nextProcesses = gauges.processes;
  if (processes.length) {
    const merged: Record<number, ProcessSample> = { ...gauges.processes };
    for (const sample of processes) merged[sample.hostPid] = sample;
    nextProcesses = merged;
  }
  return { t, containers: nextContainers, processes: nextProcesses };
}

/** Drops samples of containers and processes that left the tables (the host never says so itself). */
export function pruneGauges(gauges: Gauges, tables: Tables): Gauges {
  let containers: Record<string, GaugeSample> | null = null;
  for (const id in gauges.containers) {
    if (id in tables.containers) continue;
    containers ??= { ...gauges.containers };
    delete containers[id];
  }
  let processes: Record<number, ProcessSample> | null = null;
  for (const pid in gauges.processes) {
    if (`p${pid}` in tables.processes) continue;
    processes ??= { ...gauges.processes };
    delete processes[pid];
  }
  if (!containers && !processes) return gauges;
  return { t: gauges.t, containers: containers ?? gauges.containers, processes: processes ?? gauges.processes };
}

/**
 * Calls `listener` when `selector`'s result changes (Object.is), outside React: the way gauges feed
 * motion values without re-rendering. Returns the unsubscribe function.
 */
export function subscribeSelected<T>(store: PlaygroundStore, selector: (state: PlaygroundState) => T, listener: (value: T, previous: T) => void, fireImmediately = false): () => void {
  let current = selector(store.getState());
  if (fireImmediately) listener(current, current);
  return store.subscribe((state) => {
    const next = selector(state);
    if (Object.is(next, current)) return;
    const previous = current;
    current = next;
    listener(next, previous);
  });
}

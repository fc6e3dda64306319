/**
 * The one protocol between the UI and the engine host (style.md, "The worker boundary"): two
 * discriminated unions and a version number, a handshake first. The UI sends `hello`, the host
 * answers `welcome` with a full snapshot; after that, `patch` messages carry only what changed
 * (at most one per animation frame), numbered by `seq`. A gap in `seq` makes the client ask for
 * a `resync`. Gauge figures travel apart on `gauges`, since they change on every tick.
 */
import type {
  ApiCall, BuildView, CgroupView, ContainerView, GaugeSample, HostView, ImageView, KernelEvent, LayerView, ProcessSample, ProcessView, RegistryView, Snapshot, TransferView, VolumeView, NetworkView, PortBindingView, TrafficView,
} from '../engine/snapshot.ts';
import type { HostFileRequest, HostFileResult } from '../engine/hostfiles.ts';
import type { EngineQuery, QueryResult } from '../engine/queries.ts';
import type { DockerfileDiagnostic } from '../engine/editorDiagnostics.ts';
import type { JournalEntry } from '../engine/journal.ts';
import type { TimelineStep } from '../engine/timeline.ts';
import type { Scenario, ScenarioLang } from '../scenario/format.ts';

export type { JournalEntry } from '../engine/journal.ts';
export type { TimelineStep } from '../engine/timeline.ts';

/** The engine options a session is built with (its seed makes the IDs). */
export interface SessionHost {
  readonly seed: number;
  readonly cpus: number;
  readonly memoryBytes: number;
}

/**
 * How `hello` asks the host to start: replay a saved session's journal (a reload, a crashed
 * worker), or play a scenario (a shared URL). `skipOutput` drops that many characters of the
 * session's terminal output (the terminal already shows them, after a worker restart): output is
 * deterministic, so the replay prints exactly those characters first.
 */
export type SessionStart =
  | { readonly kind: 'restore'; readonly host: SessionHost; readonly journal: readonly JournalEntry[]; readonly until: number; readonly skipOutput?: number }
  | { readonly kind: 'scenario'; readonly scenario: Scenario };

export type { HostFileEntry, HostFileRequest, HostFileResult } from '../engine/hostfiles.ts';
export type { DockerfileDiagnostic } from '../engine/editorDiagnostics.ts';
export type { EngineQuery, QueryResult } from '../engine/queries.ts';

/** Queries whose answer the host pushes again whenever it may have changed (the overlay of one container). */
export type SubscribableQuery = Extract<EngineQuery, { readonly kind: 'overlay' }>;
/** The answer to a query of the given kind. */
export type ResultOf<Q extends EngineQuery> = Extract<QueryResult, { readonly kind: Q['kind'] }>;

export const PROTOCOL_VERSION = 1;

export const SPEEDS = [0, 1, 2, 10] as const;
/** Virtual-time speed: 0 = paused. */
export type Speed = (typeof SPEEDS)[number];

export type ClientMessage =
  | { readonly type: 'hello'; readonly v: number; readonly cols?: number; readonly rows?: number; readonly session?: SessionStart }
  /** Raw terminal keystrokes, as xterm.js delivers them. */
  | { readonly type: 'input'; readonly data: string }
  | { readonly type: 'resize'; readonly cols: number; readonly rows: number }
  /** Runs a command line in the host shell as if typed (lessons, palette); answered by `done`. */
  | { readonly type: 'run'; readonly id: number; readonly line: string }
  | { readonly type: 'setSpeed'; readonly speed: Speed }
  | { readonly type: 'resync' }
  /** An on-demand question (a layer's files, an image's efficiency, an overlay); answered by `queryResult`. */
  | { readonly type: 'query'; readonly id: number; readonly query: EngineQuery }
  /** Answer `query` now and again whenever the answer changes (at most once per frame), until `unsubscribe`. */
  | { readonly type: 'subscribe'; readonly id: number; readonly query: SubscribableQuery }
  | { readonly type: 'unsubscribe'; readonly id: number }
  /** The editor's host-file operation (list, read, save, create, rename, delete); answered by `files-result`. */
  | { readonly type: 'files'; readonly id: number; readonly request: HostFileRequest }
  /** Dockerfile diagnostics for the editor's buffer; answered by `diagnostics`. */
  | { readonly type: 'diagnose'; readonly id: number; readonly text: string }
  /** The current session as a scenario (Share); answered by `scenario`. */
  | { readonly type: 'share'; readonly id: number; readonly title: string; readonly lang: ScenarioLang }
  /**
   * Time travel: show the state after the first `to` timeline steps (0 = before the first; the
   * step count or more = the present). The present is paused meanwhile and the terminal is
   * read-only; answered by `screen` and `timeline`.
   */
  | { readonly type: 'travel'; readonly to: number }
  /** Continue from the state being viewed: it becomes the present, the steps after it are dropped. */
  | { readonly type: 'branch' }
  /** The UI's watchdog: are you alive? Answered by `pong` at once (a hung worker never answers). */
  | { readonly type: 'ping'; readonly id: number };

export interface SnapshotPatch {
  readonly host?: HostView;
  readonly put: {
    readonly processes?: readonly ProcessView[];
    readonly containers?: readonly ContainerView[];
    readonly cgroups?: readonly CgroupView[];
    readonly images?: readonly ImageView[];
    readonly layers?: readonly LayerView[];
    readonly builds?: readonly BuildView[];
    readonly registries?: readonly RegistryView[];
    readonly transfers?: readonly TransferView[];
    readonly volumes?: readonly VolumeView[];
    readonly networks?: readonly NetworkView[];
    readonly ports?: readonly PortBindingView[];
    readonly traffic?: readonly TrafficView[];
  };
  readonly remove: {
    readonly processes?: readonly string[];
    readonly containers?: readonly string[];
    readonly cgroups?: readonly string[];
    readonly images?: readonly string[];
    readonly layers?: readonly string[];
    readonly builds?: readonly string[];
    readonly registries?: readonly string[];
    readonly transfers?: readonly string[];
    readonly volumes?: readonly string[];
    readonly networks?: readonly string[];
    readonly ports?: readonly string[];
    readonly traffic?: readonly string[];
  };
  /** API calls and kernel events since the previous patch, to append. */
  readonly apiLog?: readonly ApiCall[];
  readonly events?: readonly KernelEvent[];
}

export type HostMessage =
  /** `restoreFailed`: the session asked for could not be replayed; this is an empty sandbox. */
  | { readonly type: 'welcome'; readonly v: number; readonly seq: number; readonly snapshot: Snapshot; readonly speed: Speed; readonly restoreFailed?: true }
  | { readonly type: 'version-mismatch'; readonly expected: number; readonly got: number }
  /** Terminal output (may contain ANSI escapes). */
  | { readonly type: 'output'; readonly data: string }
  | { readonly type: 'done'; readonly id: number; readonly exitCode: number }
  | { readonly type: 'patch'; readonly seq: number; readonly patch: SnapshotPatch }
  | { readonly type: 'snapshot'; readonly seq: number; readonly snapshot: Snapshot }
  /** Gauge samples that changed since the previous `gauges` message (a delta: merge, don't replace). */
  | { readonly type: 'gauges'; readonly t: number; readonly containers: readonly GaugeSample[]; readonly processes: readonly ProcessSample[] }
  | { readonly type: 'speed'; readonly speed: Speed }
  | { readonly type: 'fatal'; readonly message: string }
  | { readonly type: 'queryResult'; readonly id: number; readonly result: QueryResult }
  /** A subscribed query's new answer. */
  | { readonly type: 'subscription'; readonly id: number; readonly result: QueryResult }
  | { readonly type: 'files-result'; readonly id: number; readonly result: HostFileResult }
  /** The host filesystem changed (shell, editor, docker cp): its change counter, at most once per frame. */
  | { readonly type: 'files-changed'; readonly rev: number }
  | { readonly type: 'diagnostics'; readonly id: number; readonly diagnostics: readonly DockerfileDiagnostic[] }
  /**
   * The session journal grew (at most once per frame): entries from index `from` on (0 after
   * `welcome`: the whole journal), the virtual time now, and the engine options, for persistence.
   */
  | { readonly type: 'journal'; readonly from: number; readonly entries: readonly JournalEntry[]; readonly now: number; readonly host: SessionHost }
  | { readonly type: 'scenario'; readonly id: number; readonly scenario: Scenario }
  /**
   * The session's timeline grew or the view moved: steps from index `from` on (0: the whole list),
   * and the step count being viewed (null: the present).
   */
  | { readonly type: 'timeline'; readonly from: number; readonly steps: readonly TimelineStep[]; readonly viewing: number | null }
  /**
   * The terminal shows another moment (time travel): clear it and write `data`. `past`: a past
   * state is shown (read-only); `total`: characters of the present's output so far (after a
   * return or a branch), which a restarted worker's replay skips.
   */
  | { readonly type: 'screen'; readonly data: string; readonly past: boolean; readonly total: number }
  | { readonly type: 'pong'; readonly id: number };

/** Transport behind an interface (style.md): a Worker, or an in-process pair for tests and benches. */
export interface Endpoint<In, Out> {
  post(message: Out): void;
  listen(handler: (message: In) => void): () => void;
}

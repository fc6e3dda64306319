/**
 * The one protocol between the UI and the engine host (style.md, "The worker boundary"): two
 * discriminated unions and a version number, a handshake first. The UI sends `hello`, the host
 * answers `welcome` with a full snapshot; after that, `patch` messages carry only what changed
 * (at most one per animation frame), numbered by `seq`. A gap in `seq` makes the client ask for
 * a `resync`. Gauge figures travel apart on `gauges`, since they change on every tick.
 */
import type {
  ApiCall, CgroupView, ContainerView, GaugeSample, HostView, ImageView, KernelEvent, ProcessSample, ProcessView, Snapshot,
} from '../engine/snapshot.ts';

export const PROTOCOL_VERSION = 1;

export const SPEEDS = [0, 1, 2, 10] as const;
/** Virtual-time speed: 0 = paused. */
export type Speed = (typeof SPEEDS)[number];

export type ClientMessage =
  | { readonly type: 'hello'; readonly v: number; readonly cols?: number; readonly rows?: number }
  /** Raw terminal keystrokes, as xterm.js delivers them. */
  | { readonly type: 'input'; readonly data: string }
  | { readonly type: 'resize'; readonly cols: number; readonly rows: number }
  /** Runs a command line in the host shell as if typed (lessons, palette); answered by `done`. */
  | { readonly type: 'run'; readonly id: number; readonly line: string }
  | { readonly type: 'setSpeed'; readonly speed: Speed }
  | { readonly type: 'resync' };

export interface SnapshotPatch {
  readonly host?: HostView;
  readonly put: {
    readonly processes?: readonly ProcessView[];
    readonly containers?: readonly ContainerView[];
    readonly cgroups?: readonly CgroupView[];
    readonly images?: readonly ImageView[];
  };
  readonly remove: {
    readonly processes?: readonly string[];
    readonly containers?: readonly string[];
    readonly cgroups?: readonly string[];
    readonly images?: readonly string[];
  };
  /** API calls and kernel events since the previous patch, to append. */
  readonly apiLog?: readonly ApiCall[];
  readonly events?: readonly KernelEvent[];
}

export type HostMessage =
  | { readonly type: 'welcome'; readonly v: number; readonly seq: number; readonly snapshot: Snapshot; readonly speed: Speed }
  | { readonly type: 'version-mismatch'; readonly expected: number; readonly got: number }
  /** Terminal output (may contain ANSI escapes). */
  | { readonly type: 'output'; readonly data: string }
  | { readonly type: 'done'; readonly id: number; readonly exitCode: number }
  | { readonly type: 'patch'; readonly seq: number; readonly patch: SnapshotPatch }
  | { readonly type: 'snapshot'; readonly seq: number; readonly snapshot: Snapshot }
  /** Gauge samples that changed since the previous `gauges` message (a delta: merge, don't replace). */
  | { readonly type: 'gauges'; readonly t: number; readonly containers: readonly GaugeSample[]; readonly processes: readonly ProcessSample[] }
  | { readonly type: 'speed'; readonly speed: Speed }
  | { readonly type: 'fatal'; readonly message: string };

/** Transport behind an interface (style.md): a Worker, or an in-process pair for tests and benches. */
export interface Endpoint<In, Out> {
  post(message: Out): void;
  listen(handler: (message: In) => void): () => void;
}

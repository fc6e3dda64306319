/**
 * The serializable view model the UI sees (design.md §1). Plain readonly records, each with a
 * `rev` bumped whenever it changes, so "did it change?" is an integer compare and the worker can
 * send compact patches. No class instances, no functions: everything here survives postMessage.
 */

export const SNAPSHOT_VERSION = 1;

/** Linux process states as `ps` prints them: running, sleeping, disk sleep, zombie, stopped (frozen). */
export type ProcessState = 'R' | 'S' | 'D' | 'Z' | 'T';

/** Namespace identities as `readlink /proc/PID/ns/*` shows them, e.g. `pid:[4026532201]`. */
export interface NamespaceSet {
  readonly pid: string;
  readonly net: string;
  readonly mnt: string;
  readonly uts: string;
  readonly ipc: string;
  readonly user: string;
  readonly cgroup: string;
}

export interface ProcessView {
  /** `p<hostPid>`; host PIDs are never reused within one engine run. */
  readonly id: string;
  readonly rev: number;
  readonly hostPid: number;
  /** Host PID of the parent, 0 for systemd. */
  readonly ppid: number;
  /** PID inside the container's PID namespace, or null for a process in the host namespace. */
  readonly nsPid: number | null;
  readonly comm: string;
  /** The full command line, as `ps -ef` CMD shows it. */
  readonly args: string;
  readonly state: ProcessState;
  readonly user: string;
  /** Full ID of the container whose PID namespace the process lives in, or null. */
  readonly containerId: string | null;
  /** cgroup v2 path, e.g. `/system.slice/docker-<id>.scope`. */
  readonly cgroup: string;
  readonly namespaces: NamespaceSet;
  /** Virtual ms when the process started. */
  readonly startedAt: number;
  /**
   * Host PID of the process that started this one when it has since been re-parented, else
   * null: a containerd-shim is started by containerd and daemonises (its parent becomes systemd).
   */
  readonly launcherPid?: number | null;
}

export type ContainerStatus = 'created' | 'running' | 'paused' | 'restarting' | 'removing' | 'exited' | 'dead';

export interface ContainerLimits {
  /** Bytes; 0 = unlimited. */
  readonly memory: number;
  readonly memoryReservation: number;
  readonly memorySwap: number;
  readonly cpuShares: number;
  /** cgroup v2 cpu.weight derived from cpuShares (runc ≥ 1.3.2 conversion); 100 when unset. */
  readonly cpuWeight: number;
  /** CPUs × 1e9; 0 = unlimited. */
  readonly nanoCpus: number;
  readonly cpusetCpus: string;
  /** 0 = unlimited. */
  readonly pidsLimit: number;
}

export interface ContainerView {
  readonly id: string;
  readonly rev: number;
  readonly name: string;
  /** The image as the user typed it (Config.Image). */
  readonly image: string;
  readonly imageId: string;
  readonly command: string;
  readonly status: ContainerStatus;
  /** Host PID of the container's PID 1, 0 when not running. */
  readonly pid: number;
  readonly exitCode: number;
  readonly oomKilled: boolean;
  readonly restartCount: number;
  readonly createdAt: number;
  readonly startedAt: number | null;
  readonly finishedAt: number | null;
  readonly cgroup: string;
  readonly pidNamespace: string | null;
  readonly hostname: string;
  readonly limits: ContainerLimits;
  /** Bytes of regular files in its read-write layer (overlay upper dir), as `docker ps -s` SIZE shows. */
  readonly rwSize: number;
  /**
   * What its read-write layer holds against the image's layers, as `docker diff` would list it:
   * image files changed (copied up), image files deleted (whiteouts), files of its own; absent
   * while the layer holds no file. Recomputed only when the layer (or the container) changes.
   */
  readonly rwLayer?: RwLayerView;
  /** The read-write layer as its latest `docker diff` (GET /containers/{id}/changes) listed it; absent: never diffed. */
  readonly lastDiff?: RwLayerView;
  /** Its volumes, bind mounts and tmpfs mounts, by destination (absent: none). */
  readonly mounts?: readonly MountView[];
}

/** A container's read-write layer (overlay upper dir) against its image's layers (engine/fs/snapshotter.ts `upperSummary`). */
export interface RwLayerView {
  /** Files (not directories) copied up from a lower layer: image files the container changed. */
  readonly copiedUp: number;
  /** Whiteouts: image files or directories the container deleted. */
  readonly whiteouts: number;
  /** Files created in the layer alone (nothing below them). */
  readonly added: number;
}

/** One mount of a container, as its `docker inspect` `Mounts` entry describes it (engine/volumes/mounts.ts). */
export interface MountView {
  readonly type: 'volume' | 'bind' | 'tmpfs';
  /** The volume's name; '' for bind and tmpfs mounts. */
  readonly name: string;
  /** Host path (a volume's `_data` directory, a bind mount's source); '' for tmpfs (memory only). */
  readonly source: string;
  readonly destination: string;
  readonly rw: boolean;
}

/** A volume of the `local` driver (engine/volumes/store.ts); it outlives the containers that use it. */
export interface VolumeView {
  /** The volume's name (64 hex digits for an anonymous volume). */
  readonly id: string;
  readonly rev: number;
  readonly anonymous: boolean;
  readonly driver: string;
  /** `/var/lib/docker/volumes/<name>/_data` on the host. */
  readonly mountpoint: string;
  readonly createdAt: number;
  /** Bytes of the files in it. */
  readonly size: number;
  readonly labels: Readonly<Record<string, string>>;
  /** IDs of the containers (any state) that reference it; empty = unused (prunable). */
  readonly usedBy: readonly string[];
}

export interface CgroupView {
  /** cgroup v2 path, e.g. `/system.slice/docker-<id>.scope`. */
  readonly path: string;
  readonly rev: number;
  readonly containerId: string | null;
  /** memory.max in bytes, null = "max". */
  readonly memoryMax: number | null;
  readonly memoryHigh: number | null;
  readonly memoryLow: number;
  readonly memoryEvents: { readonly low: number; readonly high: number; readonly max: number; readonly oom: number; readonly oom_kill: number };
  readonly cpuWeight: number;
  /** cpu.max: quota µs (null = "max") and period µs. */
  readonly cpuMax: { readonly quota: number | null; readonly period: number };
  /** cpuset.cpus, '' = all. */
  readonly cpuset: string;
  /** pids.max, null = "max". */
  readonly pidsMax: number | null;
  readonly frozen: boolean;
}

/** Fast-changing figures, sent on their own light channel (style.md: gauges bypass React). */
export interface GaugeSample {
  readonly containerId: string;
  /** docker stats CPU %: 100 = one full CPU. */
  readonly cpuPercent: number;
  /** memory.current in bytes. */
  readonly memoryBytes: number;
  /** The limit docker stats shows: memory.max, or host RAM when unlimited. */
  readonly memoryLimit: number;
  readonly pids: number;
  /** pids.max, null = unlimited. */
  readonly pidsLimit: number | null;
  /** Periods throttled by cpu.max so far (cpu.stat nr_throttled). */
  readonly throttled: number;
}

export interface ProcessSample {
  readonly hostPid: number;
  /** %CPU of one CPU, as top shows it. */
  readonly cpuPercent: number;
  readonly rssBytes: number;
}

export interface HostView {
  readonly hostname: string;
  readonly cpus: number;
  readonly memoryBytes: number;
  /** Virtual time in ms since the host booted. */
  readonly now: number;
  readonly dockerVersion: string;
  readonly apiVersion: string;
  readonly kernelVersion: string;
  /** "2" on this host (cgroup v2, unified hierarchy). */
  readonly cgroupVersion: string;
  /** The OCI runtime and its version, e.g. "runc 1.3.3". */
  readonly runtime: string;
  readonly storageDriver: string;
}

/**
 * A component an Engine API call reached: along the runtime path (dockerd → containerd →
 * containerd-shim-runc-v2 → runc → the kernel) or a store beside dockerd (the image cache, the
 * volume and network stores, the registry).
 */
export type ApiHop = 'dockerd' | 'containerd' | 'shim' | 'runc' | 'kernel' | 'images' | 'volumes' | 'networks' | 'registry';

/** One Engine API call, logged by the daemon so the UI can animate client → daemon → runtime. */
export interface ApiCall {
  readonly seq: number;
  readonly t: number;
  readonly method: string;
  /** Path with the version prefix, e.g. `/v1.51/containers/create?name=web`. */
  readonly path: string;
  readonly status: number;
  /**
   * The components the handler really reached, in stack order (`dockerd` first): filled by the
   * daemon as the handler calls containerd (which goes through the shim and runc to the kernel),
   * the image/volume/network stores or the registry.
   */
  readonly hops: readonly ApiHop[];
}

/**
 * `fork-failed`: a container's --pids-limit refused a fork; `pid-max`: the host's limit did (value:
 * the limit — systemd's default pids.max of a container's scope, or kernel.pid_max when the table is full).
 */
export type KernelEventKind = 'oom-kill' | 'fork-failed' | 'pid-max' | 'pid1-exit' | 'signal' | 'container-start' | 'container-die';

/** Something worth narrating or marking in a diagram ("hog was OOM-killed"). */
export interface KernelEvent {
  readonly seq: number;
  readonly t: number;
  readonly kind: KernelEventKind;
  readonly containerId: string | null;
  readonly hostPid: number | null;
  readonly comm: string | null;
  /** Signal number for 'signal', exit code for 'pid1-exit'/'container-die'. */
  readonly value: number | null;
}

export interface ImageView {
  readonly id: string;
  readonly rev: number;
  readonly repoTags: readonly string[];
  readonly size: number;
  readonly layers: readonly string[];
  /** ChainIDs of its layers, bottom → top (keys of `Snapshot.layers`). */
  readonly chain: readonly string[];
  /** Config `created`, Unix seconds (0 when absent). */
  readonly created: number;
}

/**
 * A read-only layer in the layer store, shared by every image whose chain contains it (moby
 * `daemon/internal/layer/layer_store.go`: layers keyed by ChainID, reference-counted).
 */
export interface LayerView {
  /** The ChainID (`sha256:…`): identifies the layer *and everything below it*. */
  readonly id: string;
  readonly rev: number;
  readonly diffId: string;
  /** ChainID of the layer below, or null for a base layer (on scratch). */
  readonly parent: string | null;
  /** Uncompressed size in bytes (DiffSize), as `docker history` SIZE. */
  readonly size: number;
  /** `created_by` of the history entry that made it (`RUN /bin/sh -c …`, `COPY … # buildkit`). */
  readonly createdBy: string;
  /** That history entry's `created`, Unix seconds (0 when absent). */
  readonly created: number;
  /** How many images use it (the layer store's reference count). */
  readonly images: number;
}

export type BuildStepStatus = 'waiting' | 'running' | 'cached' | 'done' | 'error';

/** One BuildKit vertex of a `docker build` as the Layers view shows it. */
export interface BuildStepView {
  /** BuildKit's vertex number (`#N`). */
  readonly n: number;
  /** The vertex name as printed: `[2/3] RUN apk add curl`, `[internal] load build context`. */
  readonly name: string;
  /** Stage name or index (`builder`, `0`); null for `[internal]` and export vertices. */
  readonly stage: string | null;
  readonly status: BuildStepStatus;
  /** diff_id of the layer this step produced or reused (RUN/COPY/ADD/WORKDIR), else null. */
  readonly layer: string | null;
  /** Virtual milliseconds the step took (0 when cached). */
  readonly durationMs: number;
}

/** A `docker build`, running or finished (the daemon keeps the last few). */
export interface BuildView {
  /** `build-1`, `build-2`, … in order. */
  readonly id: string;
  readonly rev: number;
  readonly status: 'running' | 'done' | 'error';
  /** `-t` names as given (normalised familiar form: `myapp:latest`). */
  readonly tags: readonly string[];
  readonly dockerfile: string;
  readonly steps: readonly BuildStepView[];
  /** The resulting image ID when done. */
  readonly imageId: string | null;
  readonly startedAt: number;
  readonly finishedAt: number | null;
}

/** A blob a registry repository links (engine/registry/distribution.ts). */
export interface RegistryBlobView {
  readonly digest: string;
  /** Bytes as stored (compressed for layers). */
  readonly size: number;
  readonly kind: 'layer' | 'config';
}

export interface RegistryTagView {
  readonly tag: string;
  /** The manifest (or index) digest the tag points to. */
  readonly digest: string;
}

export interface RegistryRepositoryView {
  /** The repository path (`library/alpine`, `alice/app`, `alpine` on a registry:2). */
  readonly name: string;
  readonly tags: readonly RegistryTagView[];
  /** Layers bottom → top, then the config, of the tags shown. */
  readonly blobs: readonly RegistryBlobView[];
  /** Read-only (the Hub's official images). */
  readonly readOnly: boolean;
}

/** A registry the daemon can reach: Docker Hub, or a running registry:2 container. */
export interface RegistryView {
  /** The host name (`docker.io`, `localhost:5000`). */
  readonly id: string;
  readonly rev: number;
  readonly kind: 'hub' | 'local';
  /** Who `docker login` logged in as, or null. */
  readonly user: string | null;
  /** The registry:2 container, or null for the Hub. */
  readonly containerId: string | null;
  readonly repositories: readonly RegistryRepositoryView[];
}

export type TransferOutcome = 'pushed' | 'exists' | 'mounted' | 'downloaded' | 'already-exists' | 'denied';

export interface TransferLayerView {
  /** Progress ID (12 hex: the diff_id for a push, the blob digest for a pull). */
  readonly id: string;
  readonly digest: string;
  readonly size: number;
  /** null while moving. */
  readonly outcome: TransferOutcome | null;
  /** `Mounted from <repository>`. */
  readonly from: string | null;
  /** Virtual ms. */
  readonly start: number;
  readonly end: number;
}

/** One `docker push` or `docker pull` (the engine keeps the last few). */
export interface TransferView {
  /** `transfer-1`, `transfer-2`, … in order. */
  readonly id: string;
  readonly rev: number;
  readonly kind: 'push' | 'pull';
  readonly registry: string;
  readonly repository: string;
  readonly tag: string;
  readonly status: 'running' | 'done' | 'failed';
  readonly digest: string;
  readonly start: number;
  readonly end: number;
  readonly layers: readonly TransferLayerView[];
}

/** A container's endpoint on a network (engine/network/network.ts). */
export interface NetworkEndpointView {
  readonly id: string;
  readonly containerId: string;
  /** IPv4 address, empty on host/none. */
  readonly ip: string;
  readonly mac: string;
  /** `eth0`… inside the container; `vethXXXXXXX` on the host. */
  readonly ifName: string;
  readonly veth: string;
  readonly aliases: readonly string[];
  /** Names the embedded DNS answers for it (user-defined networks only). */
  readonly dnsNames: readonly string[];
}

/** A Docker network: `bridge` (docker0), `host`, `none`, or a user-defined bridge. */
export interface NetworkView {
  readonly id: string;
  readonly rev: number;
  readonly name: string;
  readonly driver: 'bridge' | 'host' | 'null';
  /** Linux bridge: `docker0`, `br-<12 hex>`; empty for host/none. */
  readonly bridge: string;
  readonly subnet: string;
  readonly gateway: string;
  readonly internal: boolean;
  /** Predefined by the daemon (bridge, host, none). */
  readonly builtin: boolean;
  /** Containers resolve each other by name here (the embedded DNS at 127.0.0.11). */
  readonly embeddedDns: boolean;
  readonly created: number;
  readonly endpoints: readonly NetworkEndpointView[];
}

/** One published port: a host address and port, forwarded by a docker-proxy to a container. */
export interface PortBindingView {
  /** `<short id>/0.0.0.0:8080/tcp` */
  readonly id: string;
  readonly rev: number;
  readonly containerId: string;
  readonly containerPort: number;
  readonly proto: string;
  readonly hostIp: string;
  readonly hostPort: number;
  readonly containerIp: string;
  readonly proxyPid: number | null;
}

/** One packet exchange on the simulated network (bounded log, oldest evicted). */
export interface TrafficView {
  /** `traffic-<seq>` */
  readonly id: string;
  readonly rev: number;
  readonly seq: number;
  /** Virtual ms. */
  readonly t: number;
  readonly kind: 'icmp' | 'dns' | 'http' | 'resp' | 'pgsql';
  /** Source and destination addresses (`172.18.0.3`, `172.18.0.2:80`). */
  readonly from: string;
  readonly to: string;
  readonly fromContainer: string | null;
  readonly toContainer: string | null;
  /** `GET / → 200`, `echo request seq=0`, `A web → 172.18.0.2`. */
  readonly detail: string;
  readonly ok: boolean;
}

export interface Snapshot {
  readonly v: typeof SNAPSHOT_VERSION;
  readonly host: HostView;
  readonly processes: Readonly<Record<string, ProcessView>>;
  readonly containers: Readonly<Record<string, ContainerView>>;
  readonly cgroups: Readonly<Record<string, CgroupView>>;
  readonly images: Readonly<Record<string, ImageView>>;
  /** The layer store, by ChainID. */
  readonly layers: Readonly<Record<string, LayerView>>;
  /** The last few `docker build`s, by id. */
  readonly builds: Readonly<Record<string, BuildView>>;
  /** Reachable registries, by host. */
  readonly registries: Readonly<Record<string, RegistryView>>;
  /** The last few pushes and pulls, by id. */
  readonly transfers: Readonly<Record<string, TransferView>>;
  /** Volumes, by name. */
  readonly volumes: Readonly<Record<string, VolumeView>>;
  /** Networks, by ID. */
  readonly networks: Readonly<Record<string, NetworkView>>;
  /** Published ports, by binding. */
  readonly ports: Readonly<Record<string, PortBindingView>>;
  /** The last packets (pings, DNS, HTTP, redis), by `traffic-<seq>`. */
  readonly traffic: Readonly<Record<string, TrafficView>>;
  /** The most recent Engine API calls, oldest first (bounded). */
  readonly apiLog: readonly ApiCall[];
  /** The most recent kernel events, oldest first (bounded). */
  readonly events: readonly KernelEvent[];
}

export type RecordTable = 'processes' | 'containers' | 'cgroups' | 'images' | 'layers' | 'builds' | 'registries' | 'transfers' | 'volumes' | 'networks' | 'ports' | 'traffic';

/**
 * A container as dockerd keeps it: its configuration (`Config`, `HostConfig`), its state
 * machine (created → running ⇄ paused → exited, restarting, removing; engine-reference §12),
 * its root filesystem and its log. Field names follow the Engine API so `docker inspect` can
 * print them as they are.
 */
import type { Filesystem } from '../fs/filesystem.ts';
import type { OverlayFs } from '../fs/overlay.ts';
import type { UpperCounts } from '../fs/snapshotter.ts';
import type { FileTree } from '../fs/tree.ts';
import type { MountPoint } from '../volumes/mounts.ts';
import type { ContainerStatus } from '../snapshot.ts';

export interface RestartPolicy {
  Name: '' | 'no' | 'always' | 'unless-stopped' | 'on-failure';
  MaximumRetryCount: number;
}

export interface ContainerConfig {
  Hostname: string;
  Domainname: string;
  User: string;
  AttachStdin: boolean;
  AttachStdout: boolean;
  AttachStderr: boolean;
  ExposedPorts?: Record<string, Record<string, never>>;
  Tty: boolean;
  OpenStdin: boolean;
  StdinOnce: boolean;
  Env: string[];
  Cmd: string[] | null;
  Image: string;
  Volumes: Record<string, Record<string, never>> | null;
  WorkingDir: string;
  Entrypoint: string[] | null;
  OnBuild: string[] | null;
  Labels: Record<string, string>;
  StopSignal?: string;
  StopTimeout?: number;
}

export interface HostConfig {
  Binds: string[] | null;
  ContainerIDFile: string;
  LogConfig: { Type: string; Config: Record<string, string> };
  NetworkMode: string;
  PortBindings: Record<string, { HostIp: string; HostPort: string }[]>;
  RestartPolicy: RestartPolicy;
  AutoRemove: boolean;
  VolumeDriver: string;
  VolumesFrom: string[] | null;
  ConsoleSize: [number, number];
  CapAdd: string[] | null;
  CapDrop: string[] | null;
  CgroupnsMode: string;
  Dns: string[];
  DnsOptions: string[];
  DnsSearch: string[];
  ExtraHosts: string[] | null;
  GroupAdd: string[] | null;
  IpcMode: string;
  Cgroup: string;
  Links: string[] | null;
  OomScoreAdj: number;
  PidMode: string;
  Privileged: boolean;
  PublishAllPorts: boolean;
  ReadonlyRootfs: boolean;
  SecurityOpt: string[] | null;
  /** `--tmpfs PATH[:OPTIONS]`. */
  Tmpfs?: Record<string, string>;
  UTSMode: string;
  UsernsMode: string;
  ShmSize: number;
  Runtime: string;
  Isolation: string;
  CpuShares: number;
  Memory: number;
  NanoCpus: number;
  CgroupParent: string;
  BlkioWeight: number;
  BlkioWeightDevice: unknown[];
  BlkioDeviceReadBps: unknown[];
  BlkioDeviceWriteBps: unknown[];
  BlkioDeviceReadIOps: unknown[];
  BlkioDeviceWriteIOps: unknown[];
  CpuPeriod: number;
  CpuQuota: number;
  CpuRealtimePeriod: number;
  CpuRealtimeRuntime: number;
  CpusetCpus: string;
  CpusetMems: string;
  Devices: unknown[];
  DeviceCgroupRules: string[] | null;
  DeviceRequests: unknown[] | null;
  MemoryReservation: number;
  MemorySwap: number;
  MemorySwappiness: number | null;
  OomKillDisable: boolean | null;
  PidsLimit: number | null;
  Ulimits: unknown[];
  CpuCount: number;
  CpuPercent: number;
  IOMaximumIOps: number;
  IOMaximumBandwidth: number;
  /** `--mount` entries (api/types/mount). */
  Mounts?: import('../volumes/spec.ts').ApiMount[];
  Init?: boolean | null;
  MaskedPaths: string[];
  ReadonlyPaths: string[];
}

export interface ContainerState {
  Status: ContainerStatus;
  Running: boolean;
  Paused: boolean;
  Restarting: boolean;
  OOMKilled: boolean;
  Dead: boolean;
  Pid: number;
  ExitCode: number;
  Error: string;
  /** Virtual ms; null = never. */
  StartedAt: number | null;
  FinishedAt: number | null;
}

/**
 * A container's log keeps its latest MAX_LOG_ENTRIES writes (a write is usually one line), up to
 * LOG_ROTATE_ENTRIES more before the oldest block is dropped: like the json-file driver with
 * `--log-opt max-size=… --log-opt max-file=…`, `docker logs` then starts at the oldest kept write.
 * (Docker's default json-file has no cap; the playground needs one to stay in memory.)
 */
export const MAX_LOG_ENTRIES = 5000;
export const LOG_ROTATE_ENTRIES = 500;

export interface LogEntry {
  readonly t: number;
  readonly stream: 'stdout' | 'stderr';
  readonly text: string;
  readonly prompt: boolean;
}

export interface ExecRecord {
  readonly id: string;
  readonly containerId: string;
  readonly cmd: string[];
  readonly tty: boolean;
  readonly attachStdin: boolean;
  readonly env: string[];
  readonly user: string;
  readonly workingDir: string;
  running: boolean;
  exitCode: number | null;
  pid: number;
}

export class Container {
  readonly id: string;
  name: string;
  readonly created: number;
  readonly path: string;
  readonly args: string[];
  readonly config: ContainerConfig;
  readonly hostConfig: HostConfig;
  readonly imageId: string;
  /** The overlay mount of its snapshot: image layers + init layer + its read-write layer. */
  readonly rootfs: OverlayFs;
  /** What its processes see: the rootfs with its mount table on top (volumes/mounts.ts). */
  fs: Filesystem;
  /** Volumes, bind mounts and tmpfs mounts, by destination (volumes/mounts.ts). */
  mounts: MountPoint[] = [];
  /** Contents of its tmpfs mounts while it runs, by destination. */
  readonly tmpfs = new Map<string, FileTree>();
  readonly state: ContainerState = {
    Status: 'created', Running: false, Paused: false, Restarting: false, OOMKilled: false, Dead: false, Pid: 0, ExitCode: 0, Error: '', StartedAt: null, FinishedAt: null,
  };
  restartCount = 0;
  /** Stopped by `docker stop`/`kill`: restart policies leave it alone until the next start. */
  manuallyStopped = false;
  hasBeenStarted = false;
  readonly log: LogEntry[] = [];
  /** Live listeners on the container's output (attach, logs -f). */
  readonly outputListeners = new Set<(e: LogEntry) => void>();
  readonly execIds: string[] = [];
  /** Called when PID 1 exits (attached clients stop waiting). */
  readonly exitListeners = new Set<() => void>();
  /** Host PID of the container's shim while it runs. */
  shimPid = 0;
  /** Namespace inode of the running container's PID namespace (for the snapshot). */
  pidNamespace: string | null = null;
  hostname: string;
  /** Pending restart (restart policy back-off), virtual ms. */
  restartAt: number | null = null;
  restartDelay = 0;
  rev = 1;
  /** What its latest `docker diff` listed, counted as the snapshot's `rwLayer` (null: never diffed). */
  lastDiff: UpperCounts | null = null;
  /** Set when the container dies, for `docker wait` and attached clients. */
  exitSeq = 0;

  constructor(init: { id: string; name: string; created: number; path: string; args: string[]; config: ContainerConfig; hostConfig: HostConfig; imageId: string; rootfs: OverlayFs }) {
    this.id = init.id;
    this.name = init.name;
    this.created = init.created;
    this.path = init.path;
    this.args = init.args;
    this.config = init.config;
    this.hostConfig = init.hostConfig;
    this.imageId = init.imageId;
    this.rootfs = init.rootfs;
    this.fs = init.rootfs;
    this.hostname = init.config.Hostname;
  }

  get shortId(): string {
    return this.id.slice(0, 12);
  }

  get cgroupPath(): string {
    return `/system.slice/docker-${this.id}.scope`;
  }

  setStatus(s: ContainerStatus): void {
    const st = this.state;
    st.Status = s;
    st.Running = s === 'running' || s === 'paused' || s === 'restarting';
    st.Paused = s === 'paused';
    st.Restarting = s === 'restarting';
    st.Dead = s === 'dead';
    this.touch();
  }

  appendLog(e: LogEntry): void {
    this.log.push(e);
    // Oldest output goes in blocks, as json-file with max-size/max-file rotates a whole file away.
    if (this.log.length > MAX_LOG_ENTRIES + LOG_ROTATE_ENTRIES) this.log.splice(0, this.log.length - MAX_LOG_ENTRIES);
    for (const l of [...this.outputListeners]) l(e);
  }

  touch(): void {
    this.rev += 1;
  }
}

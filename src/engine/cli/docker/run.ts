/**
 * `docker run` and `docker create` (cli/command/container/run.go, create.go, opts.go): parse
 * the container options into Config + HostConfig, create (pulling the image first when the
 * daemon says "No such image"), then for run: start, and either print the ID (-d) or stay
 * attached — stream the output, forward stdin (-i) and Ctrl-C (sig-proxy), exit with the
 * container's code.
 */
import { INTERRUPTED, type Process } from '../../kernel/process.ts';
import { SIGNALS, parseSignal } from '../../kernel/signals.ts';
import { EOF } from '../../kernel/streams.ts';
import type { ContainerConfig, HostConfig, RestartPolicy } from '../../daemon/container.ts';
import { ApiError } from '../../daemon/errors.ts';
import { containerCreate, containerKill, containerStart } from '../../daemon/router/containers.ts';
import { containerAttach } from '../../daemon/router/attach.ts';
import { Pipe } from '../../kernel/streams.ts';
import { ContainerPty } from '../../runtime/pty.ts';
import { bool, list, num, str, StatusError, type Command, type DockerCli, type Gen, keyValues } from './command.ts';
import type { FlagSpec, ParsedFlags } from './flags.ts';
import { pullImage } from './pull.ts';
import { validateReference } from './reference.ts';
import { mountOptions } from './volume.ts';
import { parsePortSpecs } from '../../network/ports.ts';

export const CONTAINER_FLAGS: readonly FlagSpec[] = [
  { name: 'cpu-period', type: 'int', usage: 'Limit CPU CFS (Completely Fair Scheduler) period' },
  { name: 'cpu-quota', type: 'int', usage: 'Limit CPU CFS (Completely Fair Scheduler) quota' },
  { name: 'cpu-shares', short: 'c', type: 'int', usage: 'CPU shares (relative weight)' },
  { name: 'cpus', type: 'decimal', usage: 'Number of CPUs' },
  { name: 'cpuset-cpus', type: 'string', usage: 'CPUs in which to allow execution (0-3, 0,1)' },
  { name: 'entrypoint', type: 'string', usage: 'Overwrite the default ENTRYPOINT of the image' },
  { name: 'env', short: 'e', type: 'list', usage: 'Set environment variables' },
  { name: 'add-host', type: 'list', usage: 'Add a custom host-to-IP mapping (host:ip)' },
  { name: 'dns', type: 'list', usage: 'Set custom DNS servers' },
  { name: 'dns-option', type: 'list', usage: 'Set DNS options' },
  { name: 'dns-search', type: 'list', usage: 'Set custom DNS search domains' },
  { name: 'expose', type: 'list', usage: 'Expose a port or a range of ports' },
  { name: 'hostname', short: 'h', type: 'string', usage: 'Container host name' },
  { name: 'init', type: 'bool', usage: 'Run an init inside the container that forwards signals and reaps processes' },
  { name: 'interactive', short: 'i', type: 'bool', usage: 'Keep STDIN open even if not attached' },
  { name: 'ip', type: 'string', usage: 'IPv4 address (e.g., 172.30.100.104)' },
  { name: 'label', short: 'l', type: 'list', usage: 'Set meta data on a container' },
  { name: 'memory', short: 'm', type: 'bytes', usage: 'Memory limit' },
  { name: 'memory-reservation', type: 'bytes', usage: 'Memory soft limit' },
  { name: 'memory-swap', type: 'memswap', usage: "Swap limit equal to memory plus swap: '-1' to enable unlimited swap" },
  { name: 'mount', type: 'list', valueName: 'mount', usage: 'Attach a filesystem mount to the container' },
  { name: 'name', type: 'string', usage: 'Assign a name to the container' },
  { name: 'net', type: 'string', usage: 'Connect a container to a network', hidden: true },
  { name: 'network', type: 'string', usage: 'Connect a container to a network' },
  { name: 'network-alias', type: 'list', usage: 'Add network-scoped alias for the container' },
  { name: 'oom-score-adj', type: 'int', usage: "Tune host's OOM preferences (-1000 to 1000)" },
  { name: 'pids-limit', type: 'int', usage: 'Tune container pids limit (set -1 for unlimited)' },
  { name: 'publish', short: 'p', type: 'list', usage: "Publish a container's port(s) to the host" },
  { name: 'publish-all', short: 'P', type: 'bool', usage: 'Publish all exposed ports to random ports' },
  { name: 'read-only', type: 'bool', usage: "Mount the container's root filesystem as read only" },
  { name: 'restart', type: 'string', usage: 'Restart policy to apply when a container exits', default: '"no"' },
  { name: 'rm', type: 'bool', usage: 'Automatically remove the container and its associated anonymous volumes when it exits' },
  { name: 'stop-signal', type: 'string', usage: 'Signal to stop the container' },
  { name: 'stop-timeout', type: 'int', usage: 'Timeout (in seconds) to stop a container' },
  { name: 'tmpfs', type: 'list', usage: 'Mount a tmpfs directory' },
  { name: 'tty', short: 't', type: 'bool', usage: 'Allocate a pseudo-TTY' },
  { name: 'user', short: 'u', type: 'string', usage: 'Username or UID (format: "<name|uid>[:<group|gid>]")' },
  { name: 'volume', short: 'v', type: 'list', usage: 'Bind mount a volume' },
  { name: 'volumes-from', type: 'list', usage: 'Mount volumes from the specified container(s)' },
  { name: 'workdir', short: 'w', type: 'string', usage: 'Working directory inside the container' },
];

const RUN_ONLY: readonly FlagSpec[] = [
  { name: 'detach', short: 'd', type: 'bool', usage: 'Run container in background and print container ID' },
  { name: 'sig-proxy', type: 'bool', usage: 'Proxy received signals to the process', default: 'true' },
];

function parseRestart(s: string): RestartPolicy {
  if (s === '' || s === 'no') return { Name: s as '' | 'no', MaximumRetryCount: 0 };
  const [name, count, extra] = s.split(':');
  if (extra !== undefined) throw new StatusError(`invalid restart policy format: ${s}`, 125);
  if (count !== undefined && name !== 'on-failure') throw new StatusError(`invalid restart policy format: maximum retry count can only be used with 'on-failure'`, 125);
  if (count !== undefined && !/^\d+$/.test(count)) throw new StatusError(`invalid restart policy format: maximum retry count must be an integer`, 125);
  if (!['always', 'unless-stopped', 'on-failure'].includes(name)) throw new StatusError(`invalid restart policy: unknown policy '${name}'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'`, 125);
  return { Name: name as RestartPolicy['Name'], MaximumRetryCount: count !== undefined ? Number(count) : 0 };
}

export interface ContainerOptions {
  readonly name: string;
  readonly config: ContainerConfig;
  readonly hostConfig: HostConfig;
  readonly entrypointSet: boolean;
  readonly networking?: { readonly aliases: readonly string[]; readonly ipv4: string };
}

/** Turns run/create flags into the API request (cli/command/container/opts.go parse). */
export function containerOptions(cli: DockerCli, f: ParsedFlags, image: string, cmd: string[], detach: boolean, command = 'run'): ContainerOptions {
  const mnt = mountOptions(cli, f, command);
  const restart = parseRestart(str(f, 'restart', ''));
  const autoRemove = bool(f, 'rm');
  if (autoRemove && restart.Name !== '' && restart.Name !== 'no') throw new StatusError('docker: conflicting options: cannot specify both --restart and --rm\n\nRun \'docker run --help\' for more information', 125);
  const stopSignal = str(f, 'stop-signal', '');
  if (stopSignal && parseSignal(stopSignal) === undefined) throw new StatusError(`docker: Invalid signal: ${stopSignal}\n\nRun 'docker run --help' for more information`, 125);
  const oomAdj = num(f, 'oom-score-adj', 0);
  if (oomAdj < -1000 || oomAdj > 1000) throw new StatusError(`docker: Error response from daemon: Invalid value ${oomAdj}, range for oom score adj is [-1000, 1000]\n\nRun 'docker run --help' for more information`, 125);
  const env: string[] = [];
  for (const e of list(f, 'env')) {
    if (e.includes('=')) env.push(e);
    else {
      const v = cli.ctx.env.get(e);
      if (v !== undefined) env.push(`${e}=${v}`);
    }
  }
  const labels = keyValues(list(f, 'label'));
  const interactive = bool(f, 'interactive');
  const parsedPorts = parsePortSpecs(list(f, 'publish'));
  if (typeof parsedPorts === 'string') throw new StatusError(`docker: ${parsedPorts}\n\nRun 'docker run --help' for more information`, 125);
  // Go encodes maps with sorted keys: keep PortBindings in that order.
  const ports = Object.fromEntries(Object.entries(parsedPorts.bindings).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  for (const e of list(f, 'expose')) {
    if (e.includes(':')) throw new StatusError(`docker: invalid port format for --expose: ${e}\n\nRun 'docker run --help' for more information`, 125);
  }
  for (const h of list(f, 'add-host')) {
    if (!/^[^:=]+[:=].+$/.test(h)) throw new StatusError(`docker: invalid argument "${h}" for "--add-host" flag: bad format for add-host: "${h}"\n\nSee 'docker run --help'.`, 125);
  }
  const networkMode = str(f, 'network', '') || str(f, 'net', '') || 'bridge';
  const exposed: Record<string, Record<string, never>> = {};
  for (const k of Object.keys(ports)) exposed[k] = {};
  for (const e of list(f, 'expose')) exposed[e.includes('/') ? e : `${e}/tcp`] = {};
  const entrypoint = f.set.has('entrypoint') ? (str(f, 'entrypoint') ? [str(f, 'entrypoint')] : []) : null;
  const pidsLimit = f.set.has('pids-limit') ? num(f, 'pids-limit') : null;
  const config: ContainerConfig = {
    Hostname: str(f, 'hostname'), Domainname: '', User: str(f, 'user'), AttachStdin: interactive && !detach, AttachStdout: !detach, AttachStderr: !detach,
    ...(Object.keys(exposed).length ? { ExposedPorts: exposed } : {}),
    Tty: bool(f, 'tty'), OpenStdin: interactive, StdinOnce: interactive && !detach, Env: env, Cmd: cmd.length ? cmd : null, Image: image, Volumes: mnt.volumes,
    WorkingDir: str(f, 'workdir'), Entrypoint: entrypoint, OnBuild: null, Labels: labels,
    ...(stopSignal ? { StopSignal: stopSignal } : {}), ...(f.set.has('stop-timeout') ? { StopTimeout: num(f, 'stop-timeout') } : {}),
  };
  const hostConfig: HostConfig = {
    Binds: mnt.binds, ContainerIDFile: '', LogConfig: { Type: 'json-file', Config: {} }, NetworkMode: networkMode, PortBindings: ports, RestartPolicy: restart,
    AutoRemove: autoRemove, VolumeDriver: '', VolumesFrom: list(f, 'volumes-from').length ? list(f, 'volumes-from') : null, ConsoleSize: [0, 0], CapAdd: null, CapDrop: null, CgroupnsMode: 'private', Dns: list(f, 'dns'), DnsOptions: list(f, 'dns-option'), DnsSearch: list(f, 'dns-search'),
    ExtraHosts: list(f, 'add-host').length ? list(f, 'add-host').map((h) => h.replace('=', ':')) : null, GroupAdd: null, IpcMode: 'private', Cgroup: '', Links: null, OomScoreAdj: oomAdj, PidMode: '', Privileged: false, PublishAllPorts: bool(f, 'publish-all'),
    ReadonlyRootfs: bool(f, 'read-only'), SecurityOpt: null, ...(mnt.tmpfs ? { Tmpfs: mnt.tmpfs } : {}), UTSMode: '', UsernsMode: '', ShmSize: 67108864, Runtime: 'runc', Isolation: '', CpuShares: num(f, 'cpu-shares'),
    Memory: num(f, 'memory'), NanoCpus: Math.round(num(f, 'cpus') * 1e9), CgroupParent: '', BlkioWeight: 0, BlkioWeightDevice: [], BlkioDeviceReadBps: [],
    BlkioDeviceWriteBps: [], BlkioDeviceReadIOps: [], BlkioDeviceWriteIOps: [], CpuPeriod: num(f, 'cpu-period'), CpuQuota: num(f, 'cpu-quota'), CpuRealtimePeriod: 0,
    CpuRealtimeRuntime: 0, CpusetCpus: str(f, 'cpuset-cpus'), CpusetMems: '', Devices: [], DeviceCgroupRules: null, DeviceRequests: null,
    MemoryReservation: num(f, 'memory-reservation'), MemorySwap: num(f, 'memory-swap'), MemorySwappiness: null, OomKillDisable: null, PidsLimit: pidsLimit,
    Ulimits: [], CpuCount: 0, CpuPercent: 0, IOMaximumIOps: 0, IOMaximumBandwidth: 0,
    ...(mnt.mounts ? { Mounts: mnt.mounts } : {}),
    ...(bool(f, 'init') ? { Init: true } : {}),
    MaskedPaths: ['/proc/asound', '/proc/acpi', '/proc/interrupts', '/proc/kcore', '/proc/keys', '/proc/latency_stats', '/proc/timer_list', '/proc/timer_stats', '/proc/sched_debug', '/proc/scsi', '/sys/firmware', '/sys/devices/virtual/powercap'],
    ReadonlyPaths: ['/proc/bus', '/proc/fs', '/proc/irq', '/proc/sys', '/proc/sysrq-trigger'],
  };
  return { name: str(f, 'name'), config, hostConfig, entrypointSet: entrypoint !== null, networking: { aliases: list(f, 'network-alias'), ipv4: str(f, 'ip') } };
}

/** Creates the container, pulling its image first if needed. Returns the ID. */
export function* createContainer(cli: DockerCli, opts: ContainerOptions, onError: (msg: string) => StatusError): Gen<string> {
  const req = { name: opts.name, config: opts.config, hostConfig: opts.hostConfig, entrypointSet: opts.entrypointSet, networking: opts.networking };
  if (opts.hostConfig.NetworkMode === 'host' && Object.keys(opts.hostConfig.PortBindings).length > 0) cli.err('WARNING: Published ports are discarded when using host network mode\n');
  try {
    return containerCreate(cli.daemon, req).Id;
  } catch (e) {
    if (!(e instanceof ApiError) || e.status !== 404 || !e.message.startsWith('No such image')) {
      if (e instanceof ApiError) throw onError(`Error response from daemon: ${e.message}`);
      throw e;
    }
  }
  const ref = opts.config.Image;
  const tagged = /:[^/]+$|@/.test(ref) ? ref : `${ref}:latest`;
  cli.err(`Unable to find image '${tagged}' locally\n`);
  const pulled = yield* pullImage(cli, tagged, { toStderr: true });
  if (pulled !== null) throw onError(pulled);
  try {
    return containerCreate(cli.daemon, req).Id;
  } catch (e) {
    if (e instanceof ApiError) throw onError(`Error response from daemon: ${e.message}`);
    throw e;
  }
}

/** Exit code of a failed start, as run.go runStartContainerErr maps it. */
export function startErrorCode(msg: string): number {
  if (/executable file not found|no such file or directory|system cannot find the file specified/.test(msg)) return 127;
  if (/permission denied|is a directory/.test(msg)) return 126;
  return 125;
}

function runError(message: string, code = 125): StatusError {
  return new StatusError(`docker: ${message}\n\nRun 'docker run --help' for more information`, code);
}

export const run: Command = {
  name: 'run', path: 'docker run', use: 'docker run [OPTIONS] IMAGE [COMMAND] [ARG...]', short: 'Create and run a new container from an image',
  aliases: 'docker container run, docker run', flags: [...CONTAINER_FLAGS, ...RUN_ONLY].sort((a, b) => (a.name < b.name ? -1 : 1)), args: { kind: 'min', n: 1 }, interspersed: false,
  *run(cli, f) {
    const [image, ...cmd] = f.args;
    const refErr = validateReference(image);
    if (refErr) throw runError(refErr);
    const detach = bool(f, 'detach');
    const opts = containerOptions(cli, f, image, cmd, detach);
    const id = yield* createContainer(cli, opts, (m) => runError(m));
    const d = cli.daemon;
    const c = d.lookup(id);
    if (detach) {
      try {
        containerStart(d, id);
      } catch (e) {
        if (e instanceof ApiError) throw runError(`Error response from daemon: ${e.message}`, startErrorCode(e.message));
        throw e;
      }
      cli.out(`${id}\n`);
      return 0;
    }
    // Attached: output first, then start, then wait.
    const ctx = cli.ctx;
    const onOutput = (e: { stream: 'stdout' | 'stderr'; text: string; prompt: boolean }) => ctx.write(e.text, e.stream === 'stderr' ? 2 : 1, e.prompt ? 'prompt' : 'data');
    c.outputListeners.add(onOutput);
    const seq = c.exitSeq;
    let exited = false;
    const me: Process = ctx.proc;
    const onExit = () => {
      exited = true;
      ctx.kernel.interrupt(me);
    };
    c.exitListeners.add(onExit);
    const cleanup = () => {
      c.outputListeners.delete(onOutput);
      c.exitListeners.delete(onExit);
    };
    containerAttach(d, id, { stdin: c.config.AttachStdin, stdout: c.config.AttachStdout, stderr: c.config.AttachStderr });
    try {
      containerStart(d, id);
    } catch (e) {
      cleanup();
      if (e instanceof ApiError) throw runError(`Error response from daemon: ${e.message}`, startErrorCode(e.message));
      throw e;
    }
    const task = d.containerd.tasks.get(id);
    // sig-proxy: Ctrl-C on the client is forwarded to the container (without a tty).
    ctx.onSignal(SIGNALS.SIGINT, () => {
      if (exited || !c.state.Running) return;
      if (c.config.Tty && task?.stdin instanceof ContainerPty) {
        const pty = task.stdin;
        const target = pty.foregroundPgid ?? task.init.pgid;
        ctx.kernel.killGroup(target, SIGNALS.SIGINT, null);
        return;
      }
      try {
        containerKill(d, id, 'SIGINT');
      } catch {
        // already gone
      }
    });
    ctx.onSignal(SIGNALS.SIGTERM, () => {
      if (!exited && c.state.Running) containerKill(d, id, 'SIGTERM');
    });
    if (c.config.OpenStdin && task?.stdin) {
      const input = task.stdin;
      while (!exited && c.exitSeq === seq) {
        const line = yield ctx.read(0);
        if (line === INTERRUPTED) continue;
        if (line === EOF || typeof line !== 'string') {
          if (input instanceof ContainerPty) input.hangup();
          else if (input instanceof Pipe) input.close('w');
          yield ctx.until(() => exited || c.exitSeq !== seq);
          break;
        }
        if (input instanceof ContainerPty) input.feed(line);
        else input.write(line);
      }
    } else {
      while (!exited && c.exitSeq === seq) yield ctx.until(() => exited || c.exitSeq !== seq);
    }
    cleanup();
    const code = c.state.ExitCode;
    if (c.hostConfig.AutoRemove) yield ctx.until(() => !d.containers.has(id));
    return code;
  },
};

export const create: Command = {
  name: 'create', path: 'docker create', use: 'docker create [OPTIONS] IMAGE [COMMAND] [ARG...]', short: 'Create a new container',
  aliases: 'docker container create, docker create', flags: CONTAINER_FLAGS, args: { kind: 'min', n: 1 }, interspersed: false,
  *run(cli, f) {
    const [image, ...cmd] = f.args;
    const refErr = validateReference(image);
    if (refErr) throw new StatusError(`docker: ${refErr}\n\nRun 'docker create --help' for more information`, 125);
    const opts = containerOptions(cli, f, image, cmd, true, 'create');
    const id = yield* createContainer(cli, opts, (m) => new StatusError(`docker: ${m}\n\nRun 'docker create --help' for more information`, 125));
    cli.out(`${id}\n`);
    return 0;
  },
};

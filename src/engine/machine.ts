/**
 * The simulated host: one Linux kernel, its filesystem and terminal, containerd and dockerd,
 * booted like a Docker host (systemd → containerd, dockerd, sshd → the learner's bash). It
 * implements the kernel's view of the userland (program lookup, filesystems, terminals) and
 * wires the daemon to the runtime.
 */
import { Clock } from './clock.ts';
import { dockerProgram } from './cli/docker/index.ts';
import { completeLine } from './cli/complete.ts';
import { ApiError } from './daemon/errors.ts';
import { Daemon, type ImageService } from './daemon/daemon.ts';
import { restartDue } from './daemon/router/lifecycle.ts';
import type { Filesystem } from './fs/filesystem.ts';
import { Disk } from './fs/disk.ts';
import { FileTree } from './fs/tree.ts';
import type { Machine, Resolved } from './kernel/context.ts';
import { Kernel } from './kernel/kernel.ts';
import type { Process, ProgramFn } from './kernel/process.ts';
import { NullStream } from './kernel/streams.ts';
import { Terminal } from './kernel/tty.ts';
import { resolveProgram } from './programs/index.ts';
import { tini } from './programs/tini.ts';
import { Random } from './random.ts';
import { Containerd } from './runtime/containerd.ts';
import { NetworkController } from './network/controller.ts';
import { ContainerPty } from './runtime/pty.ts';
import { buildHostFs } from './hostfs.ts';
import { setContainerFile } from './volumes/mounts.ts';

export interface HostOptions {
  readonly seed: number;
  readonly cpus: number;
  readonly memoryBytes: number;
  readonly hostname: string;
  /** Headless (the sim runner): no echo, no prompts in the output. */
  readonly headless: boolean;
  /** Capacity of the host's one disk (/, /var/lib/docker), in bytes. */
  readonly diskBytes: number;
}

/** 64 GiB of disk: Docker Desktop's default virtual disk size for its Linux VM. */
export const DEFAULT_HOST: HostOptions = { seed: 1, cpus: 4, memoryBytes: 8 * 1024 ** 3, hostname: 'playground', headless: false, diskBytes: 64 * 1024 ** 3 };

export class HostMachine implements Machine {
  readonly options: HostOptions;
  readonly clock = new Clock();
  readonly random: Random;
  readonly kernel: Kernel;
  readonly hostFs: FileTree;
  /** The disk under / and /var/lib/docker: host files, image layers, containers' r/w layers, volumes. */
  readonly disk: Disk;
  readonly terminal: Terminal;
  readonly containerd: Containerd;
  readonly daemon: Daemon;
  readonly docker: ProgramFn;
  /** Host PID of the learner's login shell. */
  shellPid = 0;
  readonly bugs: string[] = [];

  constructor(options: HostOptions, images: (m: HostMachine) => ImageService) {
    this.options = options;
    this.random = new Random(options.seed);
    this.kernel = new Kernel(this.clock, { cpus: options.cpus, memoryBytes: options.memoryBytes, hostname: options.hostname });
    this.kernel.machine = this;
    this.hostFs = buildHostFs(options.hostname);
    this.disk = new Disk(options.diskBytes);
    this.hostFs.attachDisk(this.disk);
    this.terminal = new Terminal(this.kernel, { headless: options.headless });
    this.kernel.net = new NetworkController(new Random(options.seed ^ 0x6e657477), () => this.clock.now, this.kernel.namespaces.host.net.inode);
    this.containerd = new Containerd(this.kernel);
    this.daemon = new Daemon(this.kernel, this.clock, this.random, this.containerd);
    this.daemon.disk = this.disk;
    this.daemon.snapshotter.disk = this.disk;
    this.daemon.images = images(this);
    this.daemon.hostFs = this.hostFs;
    this.daemon.writeContainerFile = (c, name, content) => setContainerFile(this.daemon, c.id, name, content);
    for (const dir of ['/var/lib/docker/containers', '/var/lib/docker/volumes']) this.hostFs.mkdir(dir, 0, { parents: true, mode: dir.endsWith('volumes') ? 0o701 : 0o710 });
    this.daemon.onRestartDue = (c) => restartDue(this.daemon, c);
    this.containerd.resolveIn = (fs, name, path) => resolveProgram(fs, name, path);
    this.containerd.rootfsOf = (id) => this.daemon.containers.get(id)?.fs ?? new FileTree();
    this.containerd.tiniProgram = tini;
    this.docker = dockerProgram(() => this.daemon);
    this.#boot();
  }

  #boot(): void {
    const k = this.kernel;
    const nul = new NullStream();
    const spawn = (argv: string[], parent: Process | null, cgroup: string, comm?: string, binary = argv[0]) => {
      const r = this.resolve(parent ?? ({ containerId: null, cwd: '/' } as Process), binary, '/usr/sbin:/usr/bin:/sbin:/bin');
      if ('error' in r) throw new Error(`boot: ${argv[0]} missing`);
      const p = k.spawn({ parent, argv, comm: comm ?? r.comm, program: r.program, fds: [nul, nul, nul], cgroup: k.cgroups.ensure(cgroup), ppid: 0, env: new Map([['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], ['LANG', 'C.UTF-8']]) });
      if (typeof p === 'string') throw new Error('boot failed');
      return p;
    };
    const systemd = spawn(['/sbin/init'], null, '/init.scope', 'systemd');
    k.skipPids(300);
    spawn(['/usr/lib/systemd/systemd-journald'], systemd, '/system.slice/systemd-journald.service', 'systemd-journal');
    k.skipPids(320);
    const containerd = spawn(['/usr/bin/containerd'], systemd, '/system.slice/containerd.service');
    this.containerd.containerdPid = containerd.hostPid;
    k.skipPids(12);
    spawn(['/usr/bin/dockerd', '-H', 'fd://', '--containerd=/run/containerd/containerd.sock'], systemd, '/system.slice/docker.service');
    k.skipPids(40);
    spawn(['/usr/sbin/cron', '-f', '-P'], systemd, '/system.slice/cron.service');
    const sshd = spawn(['sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups'], systemd, '/system.slice/ssh.service', 'sshd', '/usr/sbin/sshd');
    k.skipPids(180);
    const session = spawn(['sshd: root@pts/0'], sshd, '/user.slice/user-0.slice/session-1.scope', 'sshd', '/usr/sbin/sshd');
    this.#sessionParent = session;
    this.#login();
    k.dispatch();
  }

  /** `$?` of the learner's shell. */
  lastStatus(): number {
    return this.lastShellStatus;
  }
  lastShellStatus = 0;

  recordStatus(p: Process, status: number): void {
    if (p.hostPid === this.shellPid) this.lastShellStatus = status;
  }

  #sessionParent: Process | null = null;

  /** Starts the learner's login shell; when it exits (`exit`, Ctrl-D) a new session opens, as a terminal reconnecting would. */
  #login(): void {
    const k = this.kernel;
    const session = this.#sessionParent;
    if (!session) throw new Error('boot: no session');
    const tty = this.terminal.stream;
    const r = this.resolve(session, 'bash', '/usr/bin:/bin');
    if ('error' in r) throw new Error('boot: bash missing');
    const shell = k.spawn({
      parent: session, argv: ['-bash'], comm: 'bash', program: r.program, fds: [tty, tty, tty], cwd: '/root', uid: 0, user: 'root',
      env: new Map([
        ['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], ['HOME', '/root'], ['USER', 'root'], ['LOGNAME', 'root'], ['SHELL', '/bin/bash'],
        ['TERM', 'xterm-256color'], ['LANG', 'C.UTF-8'], ['PWD', '/root'], ['HOSTNAME', this.options.hostname],
      ]),
    });
    if (typeof shell === 'string') throw new Error('boot failed');
    this.shellPid = shell.hostPid;
    this.terminal.session = shell;
    shell.exitWatchers.push(() => this.#login());
  }

  // ── Machine (the kernel's view of the userland) ─────────────────────────────────────────

  fsFor(p: Process): Filesystem {
    if (p.containerId) return this.daemon.containers.get(p.containerId)?.fs ?? this.daemon.buildMounts.get(p.containerId) ?? new FileTree();
    return this.hostFs;
  }

  resolve(p: Process, name: string, path: string): Resolved {
    const r = resolveProgram(this.fsFor(p), name, path, p.cwd);
    if (!('error' in r) && !p.containerId && r.path.endsWith('/docker')) return { ...r, program: this.docker };
    return r;
  }

  terminalFor(p: Process): { foregroundPgid: number | null } | undefined {
    const s = p.fds[0];
    if (s === this.terminal.stream) return this.terminal;
    if (s instanceof ContainerPty) return s;
    return undefined;
  }

  completerFor(p: Process): ((line: string) => readonly string[]) | undefined {
    if (p.containerId) return undefined;
    return (line) => completeLine(this, p, line);
  }

  historyFor(): readonly string[] {
    return this.terminal.history('bash');
  }

  get headless(): boolean {
    return this.options.headless;
  }

  terminalWidth(): number {
    return this.terminal.cols;
  }

  terminalHeight(): number {
    return this.terminal.rows;
  }

  afterTick(): void {
    this.daemon.tick();
  }

  onOomKill(victim: Process): void {
    const id = victim.containerId ?? victim.cgroup.containerId;
    const c = id ? this.daemon.containers.get(id) : undefined;
    if (!c) return;
    c.state.OOMKilled = true;
    this.daemon.touch(c);
    this.daemon.emit('container', 'oom', c.id, { image: c.config.Image, name: c.name });
  }

  reportBug(p: Process, error: unknown): void {
    const msg = error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error);
    this.bugs.push(`${p.comm}[${p.hostPid}]: ${msg}`);
    if (error instanceof ApiError) return;
  }
}

/** `docker version` and `docker info`, describing the simulated host (Docker Engine 28.5, cgroup v2, runc). */
import * as V from '../../versions.ts';
import { str, StatusError, type Command, type DockerCli } from './command.ts';
import { executeFormat, TemplateFailure } from './formatter.ts';
import { bytesSize } from '../../image/units.ts';

/** `-f/--format` of version and info: a Go template against the typed data (`json` = the whole object). */
function printFormatted(cli: DockerCli, format: string, data: unknown): number {
  try {
    cli.out(`${executeFormat(format === 'json' ? '{{json .}}' : format, data, { typed: true })}\n`);
  } catch (e) {
    if (e instanceof TemplateFailure) throw new StatusError(`template parsing error: ${e.message}`, 1);
    throw e;
  }
  return 0;
}

function versionData(cli: DockerCli) {
  cli.daemon.logCall('GET', '/version', 200);
  return {
    Client: { Platform: { Name: '' }, Version: V.DOCKER_VERSION, ApiVersion: V.API_VERSION, DefaultAPIVersion: V.API_VERSION, GitCommit: V.DOCKER_GIT_COMMIT, GoVersion: V.GO_VERSION, Os: 'linux', Arch: 'amd64', BuildTime: 'Wed Oct  8 12:17:03 2025', Context: 'default' },
    Server: {
      Platform: { Name: 'Docker Engine - Community' },
      Components: [
        { Name: 'Engine', Version: V.DOCKER_VERSION, Details: { ApiVersion: V.API_VERSION, Arch: 'amd64', BuildTime: 'Wed Oct  8 12:17:03 2025', Experimental: 'false', GitCommit: 'af898ab', GoVersion: V.GO_VERSION, KernelVersion: V.KERNEL_RELEASE, MinAPIVersion: V.MIN_API_VERSION, Os: 'linux' } },
        { Name: 'containerd', Version: V.CONTAINERD_VERSION.slice(1), Details: { GitCommit: V.CONTAINERD_COMMIT } },
        { Name: 'runc', Version: V.RUNC_VERSION, Details: { GitCommit: V.RUNC_COMMIT } },
        { Name: 'docker-init', Version: V.TINI_VERSION, Details: { GitCommit: V.TINI_COMMIT } },
      ],
      Version: V.DOCKER_VERSION, ApiVersion: V.API_VERSION, MinAPIVersion: V.MIN_API_VERSION, GitCommit: 'af898ab', GoVersion: V.GO_VERSION, Os: 'linux', Arch: 'amd64', KernelVersion: V.KERNEL_RELEASE, BuildTime: '2025-10-08T12:17:03.000000000+00:00',
    },
  };
}

export const version: Command = {
  name: 'version', path: 'docker version', use: 'docker version [OPTIONS]', short: 'Show the Docker version information', args: { kind: 'none' },
  flags: [{ name: 'format', short: 'f', type: 'string', usage: "Format output using a custom template:\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates" }],
  *run(cli, f) {
    const data = versionData(cli);
    const format = str(f, 'format');
    if (format) return printFormatted(cli, format, data);
    cli.out(`Client: Docker Engine - Community
 Version:           ${V.DOCKER_VERSION}
 API version:       ${V.API_VERSION}
 Go version:        ${V.GO_VERSION}
 Git commit:        ${V.DOCKER_GIT_COMMIT}
 Built:             Wed Oct  8 12:17:03 2025
 OS/Arch:           linux/amd64
 Context:           default

Server: Docker Engine - Community
 Engine:
  Version:          ${V.DOCKER_VERSION}
  API version:      ${V.API_VERSION} (minimum version ${V.MIN_API_VERSION})
  Go version:       ${V.GO_VERSION}
  Git commit:       af898ab
  Built:            Wed Oct  8 12:17:03 2025
  OS/Arch:          linux/amd64
  Experimental:     false
 containerd:
  Version:          ${V.CONTAINERD_VERSION.slice(1)}
  GitCommit:        ${V.CONTAINERD_COMMIT}
 runc:
  Version:          ${V.RUNC_VERSION}
  GitCommit:        ${V.RUNC_COMMIT}
 docker-init:
  Version:          ${V.TINI_VERSION}
  GitCommit:        ${V.TINI_COMMIT}
`);
    return 0;
  },
};

export const info: Command = {
  name: 'info', path: 'docker info', use: 'docker info [OPTIONS]', short: 'Display system-wide information', args: { kind: 'none' }, aliases: 'docker system info, docker info',
  flags: version.flags,
  *run(cli, f) {
    const d = cli.daemon;
    const k = d.kernel;
    d.logCall('GET', '/info', 200);
    const all = [...d.containers.values()];
    const running = all.filter((c) => c.state.Running && !c.state.Paused).length;
    const paused = all.filter((c) => c.state.Paused).length;
    const images = d.imageCount?.() ?? 0;
    const data = {
      ID: 'c2f1d7a0-5f3e-4b8e-9a1c-3d2e6f7a8b9c', Containers: all.length, ContainersRunning: running, ContainersPaused: paused, ContainersStopped: all.length - running - paused,
      Images: images, Driver: 'overlay2', MemoryLimit: true, SwapLimit: true, CpuCfsPeriod: true, CpuCfsQuota: true, CPUShares: true, CPUSet: true, PidsLimit: true,
      KernelVersion: V.KERNEL_RELEASE, OperatingSystem: V.HOST_OS, OSType: 'linux', Architecture: 'x86_64', NCPU: k.cpus, MemTotal: k.memoryBytes,
      Name: k.namespaces.host.uts.hostname, ServerVersion: V.DOCKER_VERSION, CgroupDriver: 'systemd', CgroupVersion: '2', DockerRootDir: '/var/lib/docker',
      DefaultRuntime: 'runc', InitBinary: 'docker-init',
    };
    const format = str(f, 'format');
    if (format) return printFormatted(cli, format, data);
    cli.out(`Client: Docker Engine - Community
 Version:    ${V.DOCKER_VERSION}
 Context:    default
 Debug Mode: false

Server:
 Containers: ${data.Containers}
  Running: ${running}
  Paused: ${paused}
  Stopped: ${data.ContainersStopped}
 Images: ${images}
 Server Version: ${V.DOCKER_VERSION}
 Storage Driver: overlay2
  Backing Filesystem: extfs
  Supports d_type: true
  Using metacopy: false
  Native Overlay Diff: true
  userxattr: false
 Logging Driver: json-file
 Cgroup Driver: systemd
 Cgroup Version: 2
 Plugins:
  Volume: local
  Network: bridge host ipvlan macvlan null overlay
  Log: awslogs fluentd gcplogs gelf journald json-file local splunk syslog
 CDI spec directories:
  /etc/cdi
  /var/run/cdi
 Swarm: inactive
 Runtimes: io.containerd.runc.v2 runc
 Default Runtime: runc
 Init Binary: docker-init
 containerd version: ${V.CONTAINERD_COMMIT}
 runc version: ${V.RUNC_COMMIT}
 init version: ${V.TINI_COMMIT}
 Security Options:
  apparmor
  seccomp
   Profile: builtin
  cgroupns
 Kernel Version: ${V.KERNEL_RELEASE}
 Operating System: ${V.HOST_OS}
 OSType: linux
 Architecture: x86_64
 CPUs: ${k.cpus}
 Total Memory: ${bytesSize(k.memoryBytes)}
 Name: ${data.Name}
 ID: ${data.ID}
 Docker Root Dir: /var/lib/docker
 Debug Mode: false
 Experimental: false
 Insecure Registries:
  ::1/128
  127.0.0.0/8
 Live Restore Enabled: false

`);
    return 0;
  },
};

/**
 * dockerd's side of container networking (moby daemon/container_operations.go,
 * daemon/network.go): validating `--network` at create, building the sandbox when a container
 * starts (endpoints, published ports, one docker-proxy per host address and port, the
 * container's /etc/hosts and /etc/resolv.conf) and tearing it down when it exits.
 */
import type { Container } from '../daemon/container.ts';
import type { Daemon } from '../daemon/daemon.ts';
import { ApiError, badRequest } from '../daemon/errors.ts';
import type { ProcessContext } from '../kernel/context.ts';
import type { Namespace } from '../kernel/namespaces.ts';
import type { ProgramGenerator } from '../kernel/process.ts';
import { NullStream } from '../kernel/streams.ts';
import type { NetworkController, NetworkMode, Sandbox } from './controller.ts';
import { renderHosts, renderResolvConf } from './etcfiles.ts';
import { formatIp } from './ipam.ts';
import type { EndpointSettings } from './network.ts';
import { parsePortRange } from './ports.ts';

export function net(d: Daemon): NetworkController {
  return d.kernel.net;
}

/** `HostConfig.NetworkMode` → the kind of sandbox and, for user networks, the network's name. */
export function networkModeOf(mode: string): { mode: NetworkMode; target: string } {
  if (mode === '' || mode === 'default' || mode === 'bridge') return { mode: 'bridge', target: 'bridge' };
  if (mode === 'host' || mode === 'none') return { mode, target: mode };
  if (mode.startsWith('container:')) return { mode: 'container', target: mode.slice('container:'.length) };
  return { mode: 'user', target: mode };
}

export interface NetworkingRequest {
  readonly aliases: readonly string[];
  readonly ipv4: string;
}

/** Checks `--network` and friends at `POST /containers/create` (runconfig validateNetMode, daemon verifyNetworkingConfig). */
export function validateNetworking(d: Daemon, h: Container['hostConfig'], hostnameSet: boolean, req: NetworkingRequest | undefined): void {
  const { mode, target } = networkModeOf(h.NetworkMode);
  const publishes = Object.keys(h.PortBindings).length > 0 || h.PublishAllPorts;
  if (mode === 'container') {
    if (hostnameSet) throw badRequest('conflicting options: hostname and the network mode');
    if (publishes) throw badRequest('conflicting options: port publishing and the container type network mode');
    if ((h.Dns ?? []).length) throw badRequest('conflicting options: dns and the network mode');
    if ((h.ExtraHosts ?? []).length) throw badRequest('conflicting options: custom host-to-IP mapping and the network mode');
    d.lookup(target);
    return;
  }
  if (mode === 'user') {
    const n = net(d).find(target);
    if (n === 'ambiguous') throw badRequest(`network ${target} is ambiguous`);
    if (!n) throw new ApiError(404, `network ${target} not found`);
  }
  const isUser = mode === 'user' && (net(d).find(target) as { predefined?: boolean }).predefined === false;
  if (req?.ipv4 && !isUser) throw badRequest('user specified IP address is supported on user defined networks only');
  if (req?.aliases.length && !isUser) throw badRequest('network-scoped alias is supported only for containers in user defined networks');
}

/** Records the container's first network (what `NetworkMode` names) as an attachment. */
export function attachOnCreate(d: Daemon, c: Container, req: NetworkingRequest | undefined): void {
  const { mode, target } = networkModeOf(c.hostConfig.NetworkMode);
  if (mode !== 'bridge' && mode !== 'user') return;
  const n = net(d).find(target);
  if (!n || n === 'ambiguous') return;
  net(d).attachmentsOf(c.id).set(n.id, { aliases: [...(req?.aliases ?? [])], ipv4: req?.ipv4 ?? '' });
}

/** `--network host` takes the host's hostname, `container:X` X's (daemon/container_operations.go). */
export function defaultHostname(d: Daemon, networkMode: string): string | undefined {
  const { mode, target } = networkModeOf(networkMode);
  if (mode === 'host') return d.kernel.namespaces.host.uts.hostname;
  if (mode === 'container') return d.tryLookup(target)?.hostname;
  return undefined;
}

export function forgetContainer(d: Daemon, c: Container): void {
  net(d).attachments.delete(c.id);
}

/** The docker-proxy process: holds its listening socket until dockerd stops it. */
function* dockerProxy(ctx: ProcessContext): ProgramGenerator {
  ctx.rss(3.8 * 1024 * 1024);
  for (;;) yield ctx.pause();
}

/** The netns a starting container must join instead of a new one (`host`, `container:X`). */
export function sharedNetns(d: Daemon, c: Container): Namespace | null {
  const { mode, target } = networkModeOf(c.hostConfig.NetworkMode);
  if (mode === 'host') return d.kernel.namespaces.host.net;
  if (mode === 'container') {
    const other = d.tryLookup(target);
    return other ? (d.containerd.tasks.get(other.id)?.ns.net ?? null) : null;
  }
  return null;
}

/**
 * Before the task starts: endpoints and published ports (daemon.initializeNetworking +
 * allocatePorts). Returns the error the start fails with, changing nothing.
 */
export function setupNetworking(d: Daemon, c: Container): string | null {
  d.reach('networks'); // the Architecture view: this API call reached the network controller
  const nc = net(d);
  const { mode, target } = networkModeOf(c.hostConfig.NetworkMode);
  if (mode === 'container') {
    const other = d.tryLookup(target);
    if (!other) return `No such container: ${target}`;
    if (!other.state.Running) return `cannot join network namespace of a non running container: container ${other.id} is not running`;
  }
  const sb = nc.createSandbox(c.id, mode, { name: c.name, hostname: c.hostname });
  if (typeof sb === 'string') return `failed to set up container networking: ${sb}`;
  if (mode !== 'bridge' && mode !== 'user') return null;
  const first = sb.endpoints[0];
  if (!first) return null;
  const wanted = new Map<string, { HostIp: string; HostPort: string }[]>();
  for (const [port, bindings] of Object.entries(c.hostConfig.PortBindings)) wanted.set(port, bindings);
  if (c.hostConfig.PublishAllPorts) for (const port of Object.keys(c.config.ExposedPorts ?? {})) if (!wanted.has(port)) wanted.set(port, [{ HostIp: '', HostPort: '' }]);
  const sorted = [...wanted].sort(([a], [b]) => portKey(a) - portKey(b));
  for (const [port, bindings] of sorted) {
    const proto = port.split('/')[1] ?? 'tcp';
    for (const b of bindings) {
      const ips = b.HostIp === '' ? ['0.0.0.0', '::'] : [b.HostIp];
      const range = b.HostPort === '' ? null : parsePortRange(b.HostPort);
      const got = nc.ports.request(proto, ips, range, c.id);
      if (typeof got === 'string') {
        nc.releaseSandbox(c.id);
        return `failed to set up container networking: driver failed programming external connectivity on endpoint ${c.name} (${first.id}): ${got}`;
      }
      for (const ip of ips) sb.ports.push({ containerPort: port, hostIp: ip, hostPort: got });
    }
  }
  return null;
}

function portKey(p: string): number {
  const [n, proto] = p.split('/');
  return Number(n.split('-')[0]) * 4 + (proto === 'udp' ? 1 : proto === 'sctp' ? 2 : 0);
}

/** After runc made the netns: proxies listen, the files are written, events are sent. */
export function networkingStarted(d: Daemon, c: Container, netns: Namespace): void {
  const nc = net(d);
  const sb = nc.sandboxes.get(c.id);
  if (!sb) return;
  sb.netns = netns;
  const dockerd = [...d.kernel.processes.values()].find((p) => p.alive && p.comm === 'dockerd' && !p.containerId);
  const first = sb.endpoints[0];
  if (dockerd && first?.ip != null) {
    for (const p of sb.ports) {
      const [cport, proto] = p.containerPort.split('/');
      const argv = ['/usr/bin/docker-proxy', '-proto', proto, '-host-ip', p.hostIp, '-host-port', String(p.hostPort), '-container-ip', formatIp(first.ip), '-container-port', cport, '-use-listen-fd'];
      const nul = new NullStream();
      const proc = d.kernel.spawn({ parent: dockerd, argv, comm: 'docker-proxy', program: dockerProxy, fds: [nul, nul, nul], cgroup: dockerd.cgroup, containerId: null, ns: d.kernel.namespaces.host });
      if (typeof proc === 'string') continue;
      sb.proxyPids.push(proc.hostPid);
      nc.listen({ netns: nc.hostNetns, address: p.hostIp, port: p.hostPort, transport: proto === 'udp' ? 'udp' : 'tcp', service: { proto: 'proxy', targetIp: formatIp(first.ip), targetPort: Number(cport) }, pid: proc.hostPid }, (pid) => d.kernel.processes.get(pid)?.alive ?? false);
    }
  }
  for (const ep of sb.endpoints) {
    const n = nc.networks.get(ep.networkId);
    if (n) d.emit('network', 'connect', n.id, { container: c.id, name: n.name, type: n.driver });
  }
  writeNetworkFiles(d, c, sb);
}

/** When PID 1 has exited: the sandbox is torn down (daemon.releaseNetwork). */
export function releaseNetworking(d: Daemon, c: Container): void {
  const nc = net(d);
  const sb = nc.sandboxes.get(c.id);
  if (!sb) return;
  for (const pid of sb.proxyPids) {
    const p = d.kernel.processes.get(pid);
    if (p?.alive) d.kernel.terminate(p, { signal: 15 });
  }
  const eps = [...sb.endpoints];
  nc.releaseSandbox(c.id);
  for (const ep of eps) {
    const n = nc.networks.get(ep.networkId);
    if (n) d.emit('network', 'disconnect', n.id, { container: c.id, name: n.name, type: n.driver });
  }
}

/** The content of a container's /etc/hosts and /etc/resolv.conf for its current sandbox. */
export function networkFiles(d: Daemon, c: Container, sb: Sandbox | undefined = net(d).sandboxes.get(c.id)): { hosts: string; resolv: string } {
  const nc = net(d);
  const { mode, target } = networkModeOf(c.hostConfig.NetworkMode);
  if (mode === 'host') {
    const host = d.kernel.machine.fsFor({ containerId: null } as never).readFile('/etc/hosts');
    return { hosts: typeof host === 'string' && !host.startsWith('E') ? host : '', resolv: renderResolvConf({ internal: false, dns: c.hostConfig.Dns ?? [] }) };
  }
  if (mode === 'container') {
    const other = d.tryLookup(target);
    if (other) return networkFiles(d, other);
  }
  const addresses = (sb?.endpoints ?? []).filter((e) => e.ip !== null).map((e) => formatIp(e.ip!));
  const internal = (sb?.endpoints ?? []).some((e) => nc.networks.get(e.networkId)?.userDefined);
  return {
    hosts: renderHosts({ extraHosts: c.hostConfig.ExtraHosts ?? [], addresses, hostname: c.hostname }),
    resolv: renderResolvConf({ internal, dns: c.hostConfig.Dns ?? [], dnsSearch: c.hostConfig.DnsSearch, dnsOptions: c.hostConfig.DnsOptions }),
  };
}

/**
 * Writes the files where the container sees them. The daemon keeps them outside the
 * container's layers (bind mounts from /var/lib/docker/containers/<id>/), so they never show
 * in `docker diff`: here they go into the container's init layer.
 */
export function writeNetworkFiles(d: Daemon, c: Container, sb?: Sandbox): void {
  const { hosts, resolv } = networkFiles(d, c, sb);
  const hook = d.writeContainerFile;
  if (hook) {
    hook(c, 'hosts', hosts);
    hook(c, 'resolv.conf', resolv);
    return;
  }
  const init = c.rootfs.lowers[0];
  if (!init) return;
  init.writeFile('/etc/hosts', hosts, d.now, { parents: true });
  init.writeFile('/etc/resolv.conf', resolv, d.now, { parents: true });
}

export type { EndpointSettings };

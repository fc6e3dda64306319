/**
 * Network routes of the Engine API (moby api/server/router/network): POST /networks/create,
 * GET /networks, GET /networks/{id}, DELETE /networks/{id}, POST /networks/{id}/connect|disconnect,
 * POST /networks/prune. Each validates first and changes nothing when it fails.
 */
import type { Daemon } from '../daemon/daemon.ts';
import { ApiError, badRequest, conflict } from '../daemon/errors.ts';
import type { Network } from './network.ts';
import { networkObject } from './inspect.ts';
import { net, networkModeOf, writeNetworkFiles } from './sandbox.ts';

function notFound(ref: string): ApiError {
  return new ApiError(404, `network ${ref} not found`);
}

export function findNetwork(d: Daemon, ref: string): Network {
  const n = net(d).find(ref);
  if (n === 'ambiguous') throw badRequest(`network ${ref} is ambiguous`);
  if (!n) throw notFound(ref);
  return n;
}

export interface CreateNetworkRequest {
  readonly name: string;
  readonly driver: string;
  readonly subnet?: string;
  readonly gateway?: string;
  readonly internal: boolean;
  readonly attachable: boolean;
  readonly labels: Record<string, string>;
  readonly options: Record<string, string>;
}

/** POST /networks/create */
export function networkCreate(d: Daemon, req: CreateNetworkRequest): { Id: string; Warning: string } {
  return d.call('POST', '/networks/create', 201, () => {
    if (!/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(req.name)) throw badRequest(`invalid network name "${req.name}": only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`);
    const r = net(d).create(req);
    if (typeof r === 'string') {
      if (r.startsWith('network with name')) throw conflict(r);
      if (r.startsWith('plugin')) throw new ApiError(404, r);
      throw new ApiError(r.startsWith('invalid pool') || r.startsWith('all predefined') ? 403 : 400, r);
    }
    d.emit('network', 'create', r.id, { name: r.name, type: r.driver });
    return { Id: r.id, Warning: '' };
  });
}

/** GET /networks */
export function networkList(d: Daemon): Record<string, unknown>[] {
  return d.call('GET', '/networks', 200, () => [...net(d).networks.values()].map((n) => networkObject(d, n)));
}

/** GET /networks/{id} */
export function networkInspect(d: Daemon, ref: string): Record<string, unknown> {
  return d.call('GET', `/networks/${ref}`, 200, () => networkObject(d, findNetwork(d, ref)));
}

/** DELETE /networks/{id} */
export function networkRemove(d: Daemon, ref: string): void {
  d.call('DELETE', `/networks/${ref}`, 204, () => {
    const n = findNetwork(d, ref);
    const err = net(d).remove(n);
    if (err) throw n.predefined ? new ApiError(403, err) : conflict(err);
    d.emit('network', 'destroy', n.id, { name: n.name, type: n.driver });
  });
}

/** POST /networks/{id}/connect */
export function networkConnect(d: Daemon, ref: string, containerRef: string, opts: { aliases: string[]; ipv4: string }): void {
  d.call('POST', `/networks/${ref}/connect`, 200, () => {
    const n = findNetwork(d, ref);
    const c = d.lookup(containerRef);
    const nc = net(d);
    const { mode } = networkModeOf(c.hostConfig.NetworkMode);
    if (n.driver === 'host' || mode === 'host') throw new ApiError(400, 'container cannot be disconnected from host network or connected to host network');
    if (n.driver === 'null' || mode === 'none') throw new ApiError(400, 'container cannot be connected to multiple networks with one of the networks in private (none) mode');
    if (mode === 'container') throw new ApiError(400, 'container sharing network namespace with another container or host cannot be connected to any other network');
    const att = nc.attachmentsOf(c.id);
    if (att.has(n.id) && (n.endpoints.has(c.id) || !c.state.Running)) throw new ApiError(403, `endpoint with name ${c.name} already exists in network ${n.name}`);
    if (opts.ipv4 && !n.userDefined) throw badRequest('user specified IP address is supported on user defined networks only');
    if (opts.aliases.length && !n.userDefined) throw badRequest('network-scoped alias is supported only for containers in user defined networks');
    const settings = { aliases: [...opts.aliases], ipv4: opts.ipv4 };
    if (c.state.Running) {
      const ep = nc.joinRunning(n, c.id, settings, { name: c.name, hostname: c.hostname });
      if (typeof ep === 'string') throw new ApiError(400, ep);
      att.set(n.id, settings);
      writeNetworkFiles(d, c);
      d.emit('network', 'connect', n.id, { container: c.id, name: n.name, type: n.driver });
    } else att.set(n.id, settings);
    d.touch(c);
  });
}

/** POST /networks/{id}/disconnect */
export function networkDisconnect(d: Daemon, ref: string, containerRef: string, force: boolean): void {
  d.call('POST', `/networks/${ref}/disconnect`, 200, () => {
    const n = findNetwork(d, ref);
    const nc = net(d);
    const c = d.tryLookup(containerRef);
    if (!c) {
      if (force) return;
      throw new ApiError(404, `No such container: ${containerRef}`);
    }
    const { mode } = networkModeOf(c.hostConfig.NetworkMode);
    if (n.driver === 'host' || mode === 'host') throw new ApiError(400, 'container cannot be disconnected from host network or connected to host network');
    if (!nc.attachmentsOf(c.id).has(n.id)) throw new ApiError(403, `container ${c.id} is not connected to network ${n.name}`);
    nc.attachmentsOf(c.id).delete(n.id);
    if (c.state.Running && n.endpoints.has(c.id)) {
      nc.leaveRunning(n, c.id);
      writeNetworkFiles(d, c);
      d.emit('network', 'disconnect', n.id, { container: c.id, name: n.name, type: n.driver });
    }
    d.touch(c);
  });
}

/** POST /networks/prune — user-defined networks without endpoints. */
export function networksPrune(d: Daemon): { NetworksDeleted: string[] } {
  return d.call('POST', '/networks/prune', 200, () => {
    const deleted: string[] = [];
    for (const n of [...net(d).networks.values()]) {
      if (n.predefined || n.endpoints.size > 0) continue;
      if (net(d).remove(n) === null) {
        deleted.push(n.name);
        d.emit('network', 'destroy', n.id, { name: n.name, type: n.driver });
      }
    }
    d.emit('network', 'prune', '', { reclaimed: '0' });
    return { NetworksDeleted: deleted };
  });
}

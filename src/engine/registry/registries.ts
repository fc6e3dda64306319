/**
 * The registries a machine's daemon can reach, by host name: Docker Hub (`docker.io`, always)
 * and `registry:2` servers running in containers, reached through a published port
 * (`localhost:5000`). Also the daemon-side state of moby's distribution code: the v2 metadata
 * service (which blob digest a layer has in which repository, `distribution/metadata/v2_metadata_service.go`,
 * used for "Layer already exists" checks and cross-repository mounts) and a bounded log of
 * transfers (push/pull, per layer) for the Registry view.
 */
import { FileTree } from '../fs/tree.ts';
import type { Digest } from '../image/digest.ts';
import { DistributionRegistry, type LayerContents } from './distribution.ts';
import { catalogSource } from './hubsource.ts';

export const HUB_HOST = 'docker.io';

/** A `registry serve` process: its registry and the container port it listens on. */
export interface RegistryServer {
  readonly containerId: string;
  readonly port: number;
  readonly registry: DistributionRegistry;
}

/** What a layer transfer ended as. */
export type LayerOutcome = 'pushed' | 'exists' | 'mounted' | 'downloaded' | 'already-exists' | 'denied';

export interface TransferLayer {
  /** Progress ID (12 hex). */
  readonly id: string;
  readonly digest: Digest;
  readonly size: number;
  outcome: LayerOutcome | null;
  /** `Mounted from <repo>`. */
  from?: string;
  /** Virtual times (ms) the layer started and finished moving (equal for skipped layers). */
  start: number;
  end: number;
}

export interface Transfer {
  readonly seq: number;
  readonly kind: 'push' | 'pull';
  readonly registry: string;
  readonly repository: string;
  readonly tag: string;
  readonly start: number;
  end: number;
  status: 'running' | 'done' | 'failed';
  digest: string;
  readonly layers: TransferLayer[];
}

const TRANSFER_MAX = 20;

/** The machine's registries and the daemon's distribution metadata. */
export class Registries {
  readonly contents: LayerContents = new Map();
  readonly hub: DistributionRegistry;
  /** Running `registry serve` processes by PID. */
  readonly servers = new Map<number, RegistryServer>();
  /** diff_id → where its blob is known to be: `host/path` repository and blob digest. */
  readonly metadata = new Map<Digest, { digest: Digest; repository: string }[]>();
  /** Logins the daemon was told about (POST /auth), by server: for the Registry view. */
  readonly logins = new Map<string, string>();
  readonly transfers: Transfer[] = [];
  #seq = 0;
  #rev = 0;

  constructor(now: () => number) {
    this.hub = new DistributionRegistry({ host: HUB_HOST, fs: new FileTree(), root: '/var/lib/registry', contents: this.contents, now, source: catalogSource(this.contents) });
  }

  /** Bumped on any change the snapshot shows. */
  get rev(): number {
    let r = this.#rev + this.hub.rev;
    for (const s of this.servers.values()) r += s.registry.rev;
    return r;
  }

  touch(): void {
    this.#rev += 1;
  }

  /** Bumped as a push or pull advances: only the transfer log depends on it. */
  transfersRev = 0;

  touchTransfers(): void {
    this.transfersRev += 1;
  }

  /** v2 metadata: remember that `diffId` is blob `digest` in `repository` (`host/path`). */
  remember(diffId: Digest, digest: Digest, repository: string): void {
    const list = this.metadata.get(diffId) ?? [];
    if (!list.some((m) => m.repository === repository && m.digest === digest)) list.push({ digest, repository });
    this.metadata.set(diffId, list);
  }

  beginTransfer(t: Omit<Transfer, 'seq' | 'end' | 'status' | 'digest'>): Transfer {
    const tr: Transfer = { ...t, seq: ++this.#seq, end: t.start, status: 'running', digest: '' };
    this.transfers.push(tr);
    if (this.transfers.length > TRANSFER_MAX) this.transfers.splice(0, this.transfers.length - TRANSFER_MAX);
    this.touchTransfers();
    return tr;
  }
}

const registriesByKernel = new WeakMap<object, Registries>();

/** The machine's registries (one per kernel), created on first use. */
export function registriesOf(kernel: object & { clock: { now: number } }): Registries {
  let r = registriesByKernel.get(kernel);
  if (!r) {
    r = new Registries(() => kernel.clock.now);
    registriesByKernel.set(kernel, r);
  }
  return r;
}

/** A published port as the daemon's containers have it. */
export interface PortOwner {
  readonly containerId: string;
  readonly running: boolean;
  readonly bindings: Readonly<Record<string, readonly { HostIp: string; HostPort: string }[]>>;
}

/** `localhost:<host port>` where a running container publishes `port`/tcp, or null. */
export function publishedAddress(containers: Iterable<PortOwner>, containerId: string, port: number): string | null {
  for (const c of containers) {
    if (c.containerId !== containerId || !c.running) continue;
    const b = c.bindings[`${port}/tcp`]?.find((x) => x.HostPort !== '');
    if (b) return `localhost:${b.HostPort}`;
  }
  return null;
}

export type Reach = { readonly ok: true; readonly registry: DistributionRegistry } | { readonly ok: false; readonly message: string };

/**
 * Finds the registry for a reference's domain: Docker Hub, or for `localhost:PORT` /
 * `127.0.0.1:PORT` the running `registry serve` whose container publishes PORT. Anything else
 * is unreachable with Go's dial errors (loopback over plain HTTP: Docker treats it as insecure).
 */
export function reachRegistry(regs: Registries, domain: string, containers: Iterable<PortOwner>): Reach {
  if (domain === HUB_HOST || domain === 'index.docker.io' || domain === 'registry-1.docker.io') return { ok: true, registry: regs.hub };
  const m = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(domain);
  const host = m ? m[1] : domain;
  const port = m?.[2] ?? '';
  if (host === 'localhost' || host === '127.0.0.1' || host === '[::1]') {
    for (const c of containers) {
      if (!c.running) continue;
      for (const [cport, binds] of Object.entries(c.bindings)) {
        if (!binds.some((b) => b.HostPort === port && (b.HostIp === '' || b.HostIp === '0.0.0.0' || b.HostIp === '127.0.0.1' || b.HostIp === '::'))) continue;
        const want = Number(cport.split('/')[0]);
        for (const s of regs.servers.values()) if (s.containerId === c.containerId && s.port === want) return { ok: true, registry: s.registry };
      }
    }
    const addr = host === '127.0.0.1' ? '127.0.0.1' : '[::1]';
    return { ok: false, message: `Get "http://${domain}/v2/": dial tcp ${addr}:${port || '80'}: connect: connection refused` };
  }
  return { ok: false, message: `Get "https://${domain}/v2/": dial tcp: lookup ${host} on 127.0.0.53:53: no such host` };
}

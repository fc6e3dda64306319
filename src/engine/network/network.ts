/**
 * libnetwork's records: a network (driver bridge, host or null), the endpoints that join
 * containers to it, and the sandbox (network namespace) each running container has. Field
 * names follow the Engine API so `docker network inspect` prints them as they are.
 */
import type { AddressSpace, Ip4 } from './ipam.ts';

export type NetworkDriver = 'bridge' | 'host' | 'null';

/** What a container asked for on one network (`--network-alias`, `--ip`, `network connect`). */
export interface EndpointSettings {
  readonly aliases: readonly string[];
  readonly ipv4: string;
}

/** A container's attachment to a network while it runs: its veth, address and DNS names. */
export interface Endpoint {
  readonly id: string;
  readonly networkId: string;
  readonly containerId: string;
  readonly ip: Ip4 | null;
  readonly mac: string;
  readonly aliases: readonly string[];
  readonly dnsNames: readonly string[];
  /** `eth0`, `eth1`… inside the container. */
  readonly ifName: string;
  /** Interface index inside the container; the host side (`vethXXXXXXX`) has `ifIndex + 1`. */
  readonly ifIndex: number;
  readonly vethName: string;
}

export class Network {
  readonly id: string;
  readonly name: string;
  readonly driver: NetworkDriver;
  /** Virtual ms. */
  readonly created: number;
  readonly space: AddressSpace | null;
  readonly internal: boolean;
  readonly attachable: boolean;
  readonly labels: Readonly<Record<string, string>>;
  readonly options: Readonly<Record<string, string>>;
  /** `docker0`, `br-<12 hex>`; empty for host/none. */
  readonly bridgeName: string;
  /** Created by the daemon itself (bridge, host, none): cannot be removed. */
  readonly predefined: boolean;
  /** Host-side interface index of the bridge. */
  readonly ifIndex: number;
  readonly endpoints = new Map<string, Endpoint>();
  /** The IPAM config as given (null for the default pools' choice). */
  readonly ipamOptions: Readonly<Record<string, string>> | null;

  constructor(init: {
    id: string; name: string; driver: NetworkDriver; created: number; space: AddressSpace | null; internal?: boolean; attachable?: boolean;
    labels?: Record<string, string>; options?: Record<string, string>; predefined?: boolean; ifIndex?: number; ipamOptions?: Record<string, string> | null;
  }) {
    this.id = init.id;
    this.name = init.name;
    this.driver = init.driver;
    this.created = init.created;
    this.space = init.space;
    this.internal = init.internal ?? false;
    this.attachable = init.attachable ?? false;
    this.labels = init.labels ?? {};
    this.options = init.options ?? {};
    this.predefined = init.predefined ?? false;
    this.ifIndex = init.ifIndex ?? 0;
    this.ipamOptions = init.ipamOptions === undefined ? {} : init.ipamOptions;
    this.bridgeName = init.driver !== 'bridge' ? '' : init.name === 'bridge' && this.predefined ? 'docker0' : `br-${init.id.slice(0, 12)}`;
  }

  /** User-defined networks have the embedded DNS; the default bridge does not. */
  get userDefined(): boolean {
    return !this.predefined;
  }

  get shortId(): string {
    return this.id.slice(0, 12);
  }
}

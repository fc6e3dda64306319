/**
 * What listens on a socket: a server program registers a service on a port of its network
 * namespace (`bind(2)` + `listen(2)`), and clients that connect get it to talk to. Services
 * speak a protocol as data: HTTP requests in, responses out; RESP commands for redis.
 */

export interface HttpRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: readonly (readonly [string, string])[];
  /** The address the connection comes from, as the server sees it. */
  readonly clientIp: string;
}

export interface HttpResponse {
  readonly status: number;
  readonly reason: string;
  readonly headers: readonly (readonly [string, string])[];
  readonly body: string;
}

/** A RESP reply as redis sends it. */
export type RespReply =
  | { readonly type: 'status'; readonly value: string }
  | { readonly type: 'error'; readonly value: string }
  | { readonly type: 'integer'; readonly value: number }
  | { readonly type: 'bulk'; readonly value: string | null }
  | { readonly type: 'array'; readonly value: readonly RespReply[] };

export type Service =
  | { readonly proto: 'http'; handle(req: HttpRequest): HttpResponse }
  | { readonly proto: 'resp'; handle(args: readonly string[], clientIp: string): RespReply }
  /** docker-proxy: forwards the connection to a container's address. */
  | { readonly proto: 'proxy'; readonly targetIp: string; readonly targetPort: number };

export interface Listener {
  /** Network namespace inode. */
  readonly netns: number;
  /** `0.0.0.0`, `::`, `127.0.0.1`, or one address. */
  readonly address: string;
  readonly port: number;
  readonly transport: 'tcp' | 'udp';
  readonly service: Service;
  /** Host PID of the owning process: the socket closes when it dies. */
  readonly pid: number;
}

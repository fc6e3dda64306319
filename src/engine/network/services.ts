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

/** One result of a postgres simple query, as the backend sends it (RowDescription + DataRows + CommandComplete, or ErrorResponse). */
export type PgResult =
  | { readonly type: 'rows'; readonly columns: readonly { readonly name: string; readonly numeric: boolean }[]; readonly rows: readonly (readonly (string | null)[])[]; readonly tag: string }
  /** `notices`: NoticeResponses sent before the tag (`table "x" does not exist, skipping`). */
  | { readonly type: 'command'; readonly tag: string; readonly notices?: readonly string[] }
  /** `position`: 1-based character offset into the query (the ErrorResponse `P` field). */
  | { readonly type: 'error'; readonly message: string; readonly position?: number; readonly detail?: string; readonly hint?: string };

/** What psql's describe commands (`\dt`, `\d`, `\l`) read from pg_catalog. */
export interface PgCatalog {
  readonly databases: readonly { readonly name: string; readonly owner: string }[];
  readonly tables: readonly {
    readonly name: string;
    readonly owner: string;
    readonly sequences: readonly string[];
    readonly columns: readonly { readonly name: string; readonly type: string; readonly notNull: boolean; readonly default: string; readonly primaryKey: boolean }[];
  }[];
}

/** The postgres frontend/backend protocol's startup: authenticated, or why not. */
export type PgStartup = { readonly ok: true; readonly superuser: boolean } | { readonly ok: false; readonly fatal?: string; readonly needPassword?: boolean };

export type Service =
  | { readonly proto: 'http'; handle(req: HttpRequest): HttpResponse }
  | { readonly proto: 'resp'; handle(args: readonly string[], clientIp: string): RespReply }
  /** postgres: a session per connection (startup with user, database, password), then simple queries. */
  | {
    readonly proto: 'pgsql';
    startup(user: string, database: string, password: string | null, clientIp: string, local: boolean): PgStartup;
    /**
     * The backend process the postmaster forks for an authenticated connection; `close` ends it.
     * `state`: still serving, ended by a shutdown (FATAL sent to the client), or simply gone.
     */
    backend(user: string, database: string, clientIp: string, local: boolean): { close(): void; state(): 'open' | 'terminated' | 'lost' };
    query(database: string, user: string, sql: string): readonly PgResult[];
    describe(database: string): PgCatalog;
  }
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

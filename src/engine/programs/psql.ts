/**
 * psql, the postgres interactive terminal (postgres src/bin/psql): connects through libpq
 * (the Unix socket by default, TCP with `-h`; PGHOST, PGPORT, PGUSER, PGDATABASE, PGPASSWORD),
 * runs `-c` commands or reads statements at the `postgres=# ` prompt until a `;`, and prints
 * results as psql does (psql-format.ts). Meta-commands: `\q`, `\dt`, `\d`, `\l`, `\conninfo`,
 * `\?` (abridged). Connection errors as libpq words them, exit status 2; a failed `-c`
 * statement exits 1.
 */
import type { ProcessContext } from '../kernel/context.ts';
import { INTERRUPTED, type ProgramGenerator } from '../kernel/process.ts';
import { SIGNALS } from '../kernel/signals.ts';
import type { PgResult, Service } from '../network/services.ts';
import { aliveFn, containerOfNetns, netnsOf, resolveName } from './netclient.ts';
import { PG_SOCKET } from './postgres.ts';
import { formatAligned, formatError } from './psql-format.ts';
import { isEof, MiB } from './util.ts';

type PgService = Extract<Service, { proto: 'pgsql' }>;

interface Conn {
  readonly service: PgService;
  readonly user: string;
  readonly database: string;
  readonly superuser: boolean;
  readonly host: string | null;
  readonly ip: string;
  readonly port: number;
  readonly clientIp: string;
  readonly server: string;
  readonly toContainer: string | null;
  /** The server process serving this connection. */
  readonly backend: ReturnType<PgService['backend']>;
}

interface Options {
  host: string | null;
  port: number;
  user: string;
  database: string | null;
  commands: string[];
  tuplesOnly: boolean;
  /** PGPASSWORD, or what was typed at the prompt (kept for reconnecting). */
  password: string | null;
}

const USAGE_HINT = 'psql: hint: Try "psql --help" for more information.';

function parseArgs(ctx: ProcessContext): Options | string {
  const env = ctx.env;
  const o: Options = { host: env.get('PGHOST') || null, port: Number(env.get('PGPORT') || 5432), user: env.get('PGUSER') || ctx.proc.user, database: env.get('PGDATABASE') || null, commands: [], tuplesOnly: false, password: env.get('PGPASSWORD') ?? null };
  const args = ctx.argv.slice(1);
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = (short: string, long: string): string | null => {
      if (a === short || a === long) return args[++i] ?? null;
      if (a.startsWith(`${long}=`)) return a.slice(long.length + 1);
      if (a.startsWith(short) && a.length > short.length) return a.slice(short.length);
      return null;
    };
    if (a === '-X' || a === '--no-psqlrc' || a === '-q' || a === '--quiet' || a === '-w' || a === '--no-password' || a === '-W' || a === '--password') continue;
    if (a === '-t' || a === '--tuples-only') { o.tuplesOnly = true; continue; }
    let v: string | null;
    if ((v = value('-h', '--host')) !== null) o.host = v;
    else if ((v = value('-p', '--port')) !== null) o.port = Number(v);
    else if ((v = value('-U', '--username')) !== null) o.user = v;
    else if ((v = value('-d', '--dbname')) !== null) o.database = v;
    else if ((v = value('-c', '--command')) !== null) o.commands.push(v);
    // glibc getopt_long's complaint, then psql's hint.
    else if (a.startsWith('-')) return `psql: ${a.startsWith('--') ? `unrecognized option '${a.split('=')[0]}'` : `invalid option -- '${a.slice(1, 2)}'`}`;
    else positional.push(a);
  }
  if (positional[0]) {
    const uri = /^postgres(?:ql)?:\/\/(?:([^:@/]*)(?::([^@/]*))?@)?([^:/?]*)(?::(\d+))?(?:\/([^?]*))?/.exec(positional[0]);
    if (uri) {
      if (uri[1]) o.user = decodeURIComponent(uri[1]);
      if (uri[2] !== undefined) o.password = decodeURIComponent(uri[2]);
      if (uri[3]) o.host = uri[3];
      if (uri[4]) o.port = Number(uri[4]);
      if (uri[5]) o.database = decodeURIComponent(uri[5]);
    } else o.database = positional[0];
  }
  if (positional[1]) o.user = positional[1];
  for (const extra of positional.slice(2)) ctx.err(`psql: warning: extra command-line argument "${extra}" ignored\n`);
  return o;
}

/** libpq's connection: the socket or host, the server's auth exchange; an error text on failure. */
function* connect(ctx: ProcessContext, o: Options): Generator<ReturnType<ProcessContext['read']>, Conn | string, unknown> {
  const net = ctx.kernel.net;
  const netns = netnsOf(ctx);
  const user = o.user;
  const database = o.database ?? user;
  const local = o.host === null || o.host.startsWith('/');
  let ip = '127.0.0.1';
  const where = local ? `connection to server on socket "${o.host ? `${o.host.replace(/\/$/, '')}/.s.PGSQL.${o.port}` : PG_SOCKET.replace('5432', String(o.port))}"` : '';
  let at = '';
  if (!local) {
    const r = resolveName(ctx, o.host!);
    if (!r) return `psql: error: could not translate host name "${o.host}" to address: Name or service not known`;
    ip = r.ip;
    at = `connection to server at "${o.host}"${r.via === 'literal' ? '' : ` (${ip})`}, port ${o.port}`;
  }
  const c = net.connect({ netns }, ip, o.port, aliveFn(ctx));
  // A Unix socket is a file in this container's filesystem: only a server in the same namespace has it.
  const sameNs = c.ok && (!local || net.sandboxOfNetns(netns)?.containerId === c.containerId || (c.containerId === null && containerOfNetns(ctx, netns) === null));
  if (!c.ok || c.service.proto !== 'pgsql' || !sameNs) {
    if (local) return `psql: error: ${where} failed: No such file or directory\n\tIs the server running locally and accepting connections on that socket?`;
    const why = !c.ok && c.error !== 'refused' ? (c.error === 'nonet' ? 'Network is unreachable' : 'Connection timed out') : 'Connection refused';
    return `psql: error: ${at} failed: ${why}\n\tIs the server running on that host and accepting TCP/IP connections?`;
  }
  const service = c.service;
  let s = service.startup(user, database, o.password, c.clientIp, local);
  if (!s.ok && s.needPassword) {
    if (!ctx.isatty(0)) return `psql: error: ${at} failed: fe_sendauth: no password supplied`;
    ctx.out(`Password for user ${user}: `);
    const line = yield ctx.read(0, { line: true, echo: false });
    ctx.out('\n');
    if (isEof(line) || typeof line !== 'string') {
      return `psql: error: ${at} failed: fe_sendauth: no password supplied`;
    }
    o.password = line.replace(/\r?\n$/, '');
    s = service.startup(user, database, o.password, c.clientIp, local);
  }
  if (!s.ok) return `psql: error: ${local ? where : at} failed: FATAL:  ${s.fatal ?? 'no pg_hba.conf entry'}`;
  const backend = service.backend(user, database, c.clientIp, local);
  ctx.proc.exitWatchers.push(() => backend.close());
  return { service, user, database, superuser: s.superuser, host: local ? null : o.host, ip, port: o.port, clientIp: c.clientIp, server: c.server, toContainer: c.containerId, backend };
}

/**
 * Prints one result as psql does (PrintQueryResult); errors and notices to stderr. `locus`: the
 * `psql:<stdin>:N: ` prefix psql gives messages while it reads a script rather than a terminal.
 */
function printResult(ctx: ProcessContext, query: string, r: PgResult, tuplesOnly: boolean, locus = ''): boolean {
  switch (r.type) {
    case 'rows':
      if (tuplesOnly) {
        for (const row of r.rows) ctx.out(` ${row.map((v) => v ?? '').join(' | ')}\n`);
        ctx.out('\n');
      } else ctx.out(formatAligned(r.columns, r.rows));
      return true;
    case 'command':
      for (const n of r.notices ?? []) ctx.err(`${locus}NOTICE:  ${n}\n`);
      ctx.out(`${r.tag}\n`);
      return true;
    case 'error':
      ctx.err(`${locus}${formatError(query, r.message, r.position)}`);
      return false;
  }
}

function record(ctx: ProcessContext, conn: Conn, detail: string, ok: boolean): void {
  ctx.kernel.net.record({ kind: 'pgsql', from: conn.clientIp, to: conn.server, fromContainer: containerOfNetns(ctx, netnsOf(ctx)), toContainer: conn.toContainer, detail: detail.replace(/\s+/g, ' ').trim().slice(0, 60), ok });
}

/** What psql prints when the server went away under it (libpq pqReadData + psql CheckConnection). */
function connectionLost(ctx: ProcessContext, conn: Conn, locus = ''): void {
  if (conn.backend.state() === 'terminated') ctx.err(`${locus}FATAL:  terminating connection due to administrator command\n`);
  ctx.err('server closed the connection unexpectedly\n\tThis probably means the server terminated abnormally\n\tbefore or while processing the request.\n');
}

/** Sends a query string; true when every statement succeeded. */
function runQuery(ctx: ProcessContext, conn: Conn, sql: string, tuplesOnly: boolean, locus = ''): boolean {
  const results = conn.service.query(conn.database, conn.user, sql);
  const ok = results.every((r) => r.type !== 'error');
  record(ctx, conn, sql, ok);
  for (const r of results) printResult(ctx, sql, r, tuplesOnly, locus);
  return ok;
}

// ── meta-commands (src/bin/psql/describe.c) ─────────────────────────────────────────────────

function listTables(ctx: ProcessContext, conn: Conn, withSequences: boolean): boolean {
  const list: string[][] = [];
  for (const t of conn.service.describe(conn.database).tables) {
    list.push(['public', t.name, 'table', t.owner]);
    if (withSequences) for (const seq of t.sequences) list.push(['public', seq, 'sequence', t.owner]);
  }
  list.sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  if (list.length === 0) {
    ctx.err('Did not find any relations.\n');
    return true;
  }
  ctx.out(formatAligned(['Schema', 'Name', 'Type', 'Owner'].map((name) => ({ name, numeric: false })), list, { title: 'List of relations' }));
  return true;
}

function listDatabases(ctx: ProcessContext, conn: Conn): boolean {
  const cols = ['Name', 'Owner', 'Encoding', 'Locale Provider', 'Collate', 'Ctype', 'Locale', 'ICU Rules', 'Access privileges'].map((name) => ({ name, numeric: false }));
  const rows = conn.service.describe(conn.database).databases.map(({ name, owner }) => {
    const acl = name.startsWith('template') ? `=c/${owner}\n${owner}=CTc/${owner}` : '';
    return [name, owner, 'UTF8', 'libc', 'en_US.utf8', 'en_US.utf8', '', '', acl];
  });
  ctx.out(formatAligned(cols, rows, { title: 'List of databases' }));
  return true;
}

function describeTable(ctx: ProcessContext, conn: Conn, name: string): boolean {
  const rel = name.toLowerCase();
  const t = conn.service.describe(conn.database).tables.find((x) => x.name === rel);
  if (!t) {
    ctx.err(`Did not find any relation named "${name}".\n`);
    return false;
  }
  const cols = ['Column', 'Type', 'Collation', 'Nullable', 'Default'].map((n) => ({ name: n, numeric: false }));
  const rows = t.columns.map((c) => [c.name, c.type, '', c.notNull ? 'not null' : '', c.default]);
  const body = formatAligned(cols, rows, { title: `Table "public.${rel}"`, footer: false });
  const pk = t.columns.find((c) => c.primaryKey);
  ctx.out(pk ? `${body}Indexes:\n    "${rel}_pkey" PRIMARY KEY, btree (${pk.name})\n\n` : `${body}\n`);
  return true;
}

function metaCommand(ctx: ProcessContext, conn: Conn, line: string): 'quit' | boolean {
  const [cmd, ...args] = line.trim().split(/\s+/);
  switch (cmd) {
    case '\\q': case '\\quit': return 'quit';
    case '\\dt': case '\\dt+': return listTables(ctx, conn, false);
    case '\\d': case '\\d+':
      if (args.length === 0) return listTables(ctx, conn, true);
      return describeTable(ctx, conn, args[0]);
    case '\\l': case '\\list': case '\\l+': return listDatabases(ctx, conn);
    case '\\conninfo':
      if (conn.host === null) ctx.out(`You are connected to database "${conn.database}" as user "${conn.user}" via socket in "/var/run/postgresql" at port "${conn.port}".\n`);
      else ctx.out(`You are connected to database "${conn.database}" as user "${conn.user}" on host "${conn.host}"${conn.host === conn.ip ? '' : ` (address "${conn.ip}")`} at port "${conn.port}".\n`);
      return true;
    case '\\?':
      ctx.out('General\n  \\q                     quit psql\n\nInformational\n  \\d[+]  [NAME]          list tables and sequences, or describe table\n  \\dt[+]                 list tables\n  \\l[+]                  list databases\n\nConnection\n  \\conninfo              display information about current connection\n\n(abridged: the playground\'s psql knows only these)\n');
      return true;
    default:
      ctx.err(`invalid command ${cmd}\nTry \\? for help.\n`);
      return false;
  }
}

// ── the program ─────────────────────────────────────────────────────────────────────────────

/**
 * psql's lexer (psqlscan.l) on the query buffer: each statement ended by a `;` outside quotes is
 * sent on its own; what follows the last one stays in the buffer.
 */
export function takeStatements(buf: string): { statements: string[]; rest: string } {
  const statements: string[] = [];
  let q: string | null = null;
  let start = 0;
  for (let i = 0; i < buf.length; i++) {
    const c = buf[i];
    if (q) { if (c === q) q = null; continue; }
    if (c === "'" || c === '"') q = c;
    else if (c === '-' && buf[i + 1] === '-') { while (i < buf.length && buf[i] !== '\n') i++; }
    else if (c === ';') {
      const stmt = buf.slice(start, i + 1).replace(/^\s+/, '');
      if (stmt !== ';') statements.push(stmt);
      start = i + 1;
    }
  }
  return { statements, rest: buf.slice(start).trim() ? buf.slice(start).replace(/^\s+/, '') : '' };
}

export function* psql(ctx: ProcessContext): ProgramGenerator {
  ctx.rss(5.2 * MiB);
  const args = ctx.argv.slice(1);
  if (args.includes('--help') || args[0] === '-?') {
    // The real usage(), cut down to the options this psql understands.
    ctx.out(`psql is the PostgreSQL interactive terminal.

Usage:
  psql [OPTION]... [DBNAME [USERNAME]]

General options:
  -c, --command=COMMAND    run only single command (SQL or internal) and exit
  -d, --dbname=DBNAME      database name to connect to (default: "${ctx.env.get('PGUSER') || ctx.proc.user}")
  -V, --version            output version information, then exit
  -X, --no-psqlrc          do not read startup file (~/.psqlrc)
  -?, --help[=options]     show this help, then exit

Output format options:
  -t, --tuples-only        print rows only

Connection options:
  -h, --host=HOSTNAME      database server host or socket directory (default: "local socket")
  -p, --port=PORT          database server port (default: "5432")
  -U, --username=USERNAME  database user name (default: "${ctx.env.get('PGUSER') || ctx.proc.user}")
  -w, --no-password        never prompt for password
  -W, --password           force password prompt (should happen automatically)

For more information, type "\\?" (for internal commands) or "\\help" (for SQL
commands) from within psql, or consult the psql section in the PostgreSQL
documentation.

Report bugs to <pgsql-bugs@lists.postgresql.org>.
PostgreSQL home page: <https://www.postgresql.org/>
`);
    return 0;
  }
  if (args.includes('--version') || args.includes('-V')) {
    ctx.out('psql (PostgreSQL) 17.4 (Debian 17.4-1.pgdg120+2)\n');
    return 0;
  }
  const o = parseArgs(ctx);
  if (typeof o === 'string') {
    ctx.err(`${o}\n${USAGE_HINT}\n`);
    return 1;
  }
  const first = yield* connect(ctx, o);
  if (typeof first === 'string') {
    ctx.err(`${first}\n`);
    return 2;
  }
  let conn: Conn | null = first;
  const opts: Options = o;
  if (o.commands.length) {
    yield ctx.sleep(2);
    for (const c of o.commands) {
      if (first.backend.state() !== 'open') {
        connectionLost(ctx, first);
        ctx.err('connection to server was lost\n');
        return 2;
      }
      const ok = c.trim().startsWith('\\') ? metaCommand(ctx, first, c) : runQuery(ctx, first, c, o.tuplesOnly);
      if (ok === 'quit') return 0;
      if (!ok) return 1;
    }
    return 0;
  }
  const interactive = ctx.isatty(0);
  if (interactive) ctx.out(`psql (17.4 (Debian 17.4-1.pgdg120+2))\nType "help" for help.\n\n`);
  // Ctrl-C at the prompt discards the query buffer instead of quitting.
  let cancelled = false;
  if (interactive) ctx.onSignal(SIGNALS.SIGINT, () => { cancelled = true; ctx.interrupt(); });
  /** psql's CheckConnection: a lost connection is reported and reset (reconnected) once. */
  function* usable(): Generator<ReturnType<ProcessContext['read']>, Conn | null | 'exit', unknown> {
    if (!conn) return null;
    if (conn.backend.state() === 'open') return conn;
    connectionLost(ctx, conn, interactive ? '' : `psql:<stdin>:${lineNo}: `);
    if (!interactive) {
      ctx.err(`psql:<stdin>:${lineNo}: connection to server was lost\n`);
      return 'exit';
    }
    ctx.err('The connection to the server was lost. Attempting reset: ');
    const again = yield* connect(ctx, opts);
    ctx.err(typeof again === 'string' ? 'Failed.\n' : 'Succeeded.\n');
    conn = typeof again === 'string' ? null : again;
    return null;
  }
  let buf = '';
  let lineNo = 0;
  for (;;) {
    const mark = conn?.superuser ? '#' : '>';
    const prompt = !conn ? '!?> ' : buf.trim() ? `${conn.database}-${mark} ` : `${conn.database}=${mark} `;
    cancelled = false;
    const line = yield ctx.read(0, interactive ? { line: true, prompt } : { line: true });
    if (line === INTERRUPTED || cancelled) {
      buf = '';
      continue;
    }
    if (isEof(line) || typeof line !== 'string') {
      if (interactive) ctx.out('\\q\n');
      else if (buf.trim() && conn) {
        // A script's last statement needs no semicolon: MainLoop sends what is left at EOF.
        const c = yield* usable();
        if (c === 'exit') return 2;
        if (c) runQuery(ctx, c, buf, o.tuplesOnly, `psql:<stdin>:${lineNo}: `);
      }
      return 0;
    }
    const text = line.replace(/\r?\n$/, '');
    lineNo += 1;
    if (!buf.trim() && text.trim().startsWith('\\')) {
      if (/^\\q(uit)?\b/.test(text.trim())) return 0;
      const c = yield* usable();
      if (c === 'exit') return 2;
      if (!c) {
        if (!conn) ctx.err('You are currently not connected to a database.\n');
        continue;
      }
      metaCommand(ctx, c, text);
      continue;
    }
    if (!buf.trim() && ['help', 'quit', 'exit'].includes(text.trim().toLowerCase())) {
      const w = text.trim().toLowerCase();
      if (w === 'help') ctx.out('You are using psql, the command-line interface to PostgreSQL.\nType:  \\copyright for distribution terms\n       \\h for help with SQL commands\n       \\? for help with psql commands\n       \\g or terminate with semicolon to execute query\n       \\q to quit\n');
      else return 0;
      continue;
    }
    buf += buf ? `\n${text}` : text;
    const { statements, rest } = takeStatements(buf);
    buf = rest;
    for (const sql of statements) {
      const c = yield* usable();
      if (c === 'exit') return 2;
      if (!c) {
        if (!conn) ctx.err('You are currently not connected to a database.\n');
        continue;
      }
      runQuery(ctx, c, sql, o.tuplesOnly, interactive ? '' : `psql:<stdin>:${lineNo}: `);
    }
  }
}

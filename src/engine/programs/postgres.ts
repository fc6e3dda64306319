/**
 * postgres as the official image runs it (docker-library/postgres 17/bookworm
 * docker-entrypoint.sh): the entrypoint refuses an uninitialised data directory without
 * POSTGRES_PASSWORD (or POSTGRES_HOST_AUTH_METHOD=trust), drops to the `postgres` user (gosu),
 * runs initdb, starts a temporary server on the Unix socket only to create POSTGRES_DB, stops
 * it, and execs the real server. The postmaster (src/backend/postmaster/postmaster.c) forks the
 * checkpointer, background writer, startup process, walwriter, autovacuum launcher and logical
 * replication launcher, listens on 5432, and handles SIGTERM (smart), SIGINT (fast, the image's
 * STOPSIGNAL) and SIGQUIT (immediate) shutdown.
 *
 * The cluster's data (roles, databases, tables, rows) lives in one JSON file in the data
 * directory (standing for base/ and global/), written after every change, so it survives a
 * restart and, in a named volume, the container.
 */
import type { ProcessContext } from '../kernel/context.ts';
import type { Process, ProgramGenerator } from '../kernel/process.ts';
import { SIGNALS } from '../kernel/signals.ts';
import type { PgResult, PgStartup, Service } from '../network/services.ts';
import { PgExecutor, PG_VERSION_STRING, newCluster, type PgClusterState } from './postgres-sql.ts';
import { idle, MiB, pad2 } from './util.ts';

export const PG_SOCKET = '/var/run/postgresql/.s.PGSQL.5432';
const ENTRYPOINT = '/usr/local/bin/docker-entrypoint.sh';
/** Stands for the cluster's relation files and pg_control. */
export const CLUSTER_FILE = 'base/playground-cluster.json';
const POSTGRES_UID = 999;

/** What the data directory holds. */
export interface PgDataDir {
  readonly cluster: PgClusterState;
  readonly roles: Record<string, { readonly superuser: boolean; readonly password: string | null }>;
  /** The method of pg_hba.conf's last line (`host all all all …`). */
  readonly hostAuth: 'scram-sha-256' | 'trust';
  /** pg_control's state and time: a clean shutdown, or a server that was running (crash). */
  control: { state: 'shut down' | 'in production'; time: number };
}

export function pgDataPath(ctx: ProcessContext): string {
  return (ctx.env.get('PGDATA') || '/var/lib/postgresql/data').replace(/\/$/, '');
}

export function readDataDir(ctx: ProcessContext, pgdata: string): PgDataDir | null {
  const raw = ctx.fs.readFile(`${pgdata}/${CLUSTER_FILE}`);
  if (typeof raw !== 'string' || ['ENOENT', 'EISDIR', 'ENOTDIR', 'EACCES'].includes(raw)) return null;
  try {
    return JSON.parse(raw) as PgDataDir;
  } catch {
    return null;
  }
}

function writeDataDir(ctx: ProcessContext, pgdata: string, d: PgDataDir): void {
  ctx.fs.writeFile(`${pgdata}/${CLUSTER_FILE}`, `${JSON.stringify(d)}\n`, ctx.now, { parents: true, uid: POSTGRES_UID, mode: 0o600 });
}

/** `2026-01-12 09:00:00.123 UTC` (log_line_prefix '%m [%p] '). */
function logTime(ctx: ProcessContext, ms = ctx.kernel.clock.wall(ctx.now)): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}.${String(d.getUTCMilliseconds()).padStart(3, '0')} UTC`;
}

function secondsTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())} UTC`;
}

function hbaConf(hostAuth: string): string {
  return `# PostgreSQL Client Authentication Configuration File
# ===================================================
# (abridged: the sample's comments are left out)

# TYPE  DATABASE        USER            ADDRESS                 METHOD

# "local" is for Unix domain socket connections only
local   all             all                                     trust
# IPv4 local connections:
host    all             all             127.0.0.1/32            trust
# IPv6 local connections:
host    all             all             ::1/128                 trust
# Allow replication connections from localhost, by a user with the
# replication privilege.
local   replication     all                                     trust
host    replication     all             127.0.0.1/32            trust
host    replication     all             ::1/128                 trust

host all all all ${hostAuth}
`;
}

// ── docker-entrypoint.sh ────────────────────────────────────────────────────────────────────

const NO_PASSWORD = `Error: Database is uninitialized and superuser password is not specified.
       You must specify POSTGRES_PASSWORD to a non-empty value for the
       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".

       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all
       connections without a password. This is *not* recommended.

       See PostgreSQL documentation about "Trust Authentication":
       https://www.postgresql.org/docs/current/auth-trust.html
`;

const TRUST_WARNING = `********************************************************************************
WARNING: POSTGRES_HOST_AUTH_METHOD has been set to "trust". This will allow
         anyone with access to the Postgres port to access your database without
         a password, even if POSTGRES_PASSWORD is set. See PostgreSQL
         documentation about "trust":
         https://www.postgresql.org/docs/current/auth-trust.html
         In Docker's default configuration, this is effectively any other
         container on the same system.

         It is not recommended to use POSTGRES_HOST_AUTH_METHOD=trust. Replace
         it with "-e POSTGRES_PASSWORD=password" instead to set a password in
         "docker run".
********************************************************************************
`;

function initdbOutput(pgdata: string): string {
  return `The files belonging to this database system will be owned by user "postgres".
This user must also own the server process.

The database cluster will be initialized with locale "en_US.utf8".
The default database encoding has accordingly been set to "UTF8".
The default text search configuration will be set to "english".

Data page checksums are disabled.

fixing permissions on existing directory ${pgdata} ... ok
creating subdirectories ... ok
selecting dynamic shared memory implementation ... posix
selecting default "max_connections" ... 100
selecting default "shared_buffers" ... 128MB
selecting default time zone ... Etc/UTC
creating configuration files ... ok
running bootstrap script ... ok
performing post-bootstrap initialization ... ok
syncing data to disk ... ok


Success. You can now start the database server using:

    pg_ctl -D ${pgdata} -l logfile start

`;
}

/** The image's docker-entrypoint.sh. */
export function* postgresEntrypoint(ctx: ProcessContext): ProgramGenerator {
  let args = ctx.argv.slice(1);
  if (args.length === 0 || args[0].startsWith('-')) args = ['postgres', ...args];
  if (args[0] !== 'postgres') {
    const r = ctx.kernel.machine.resolve(ctx.proc, args[0], ctx.env.get('PATH') ?? '');
    if ('error' in r) {
      ctx.err(`${ENTRYPOINT}: line 351: exec: ${args[0]}: not found\n`);
      return 127;
    }
    yield { kind: 'exec', argv: args, program: r.program, comm: r.comm };
    return 0;
  }
  ctx.rss(3.5 * MiB);
  const pgdata = pgDataPath(ctx);
  const fs = ctx.fs;
  // docker_create_db_directories, then `exec gosu postgres "$BASH_SOURCE" "$@"`.
  if (ctx.proc.uid === 0) {
    fs.mkdir(pgdata, ctx.now, { parents: true, mode: 0o700 });
    ctx.proc.uid = POSTGRES_UID;
    ctx.proc.user = 'postgres';
    ctx.proc.touch();
  }
  const exists = fs.exists(`${pgdata}/PG_VERSION`);
  if (!exists) {
    const password = ctx.env.get('POSTGRES_PASSWORD') ?? '';
    const method = ctx.env.get('POSTGRES_HOST_AUTH_METHOD') ?? '';
    // docker_verify_minimum_env
    if (!password && method !== 'trust') {
      ctx.err(NO_PASSWORD);
      return 1;
    }
    if (method === 'trust') ctx.err(TRUST_WARNING);
    const user = ctx.env.get('POSTGRES_USER') || 'postgres';
    const db = ctx.env.get('POSTGRES_DB') || user;
    // docker_init_database_dir: initdb --username="$POSTGRES_USER" --pwfile=<(printf "%s\n" "$POSTGRES_PASSWORD")
    const initdb = ctx.spawn({ argv: ['initdb', '--username=' + user, '--pwfile=/dev/fd/63'], comm: 'initdb', program: initdbProgram });
    if (typeof initdb !== 'string') yield ctx.waitpid(initdb.hostPid);
    const data: PgDataDir = {
      cluster: newCluster(user),
      roles: { [user]: { superuser: true, password: password || null } },
      hostAuth: method === 'trust' ? 'trust' : 'scram-sha-256',
      control: { state: 'shut down', time: ctx.kernel.clock.wall(ctx.now) },
    };
    writeDataDir(ctx, pgdata, data);
    const major = ctx.env.get('PG_MAJOR') ?? '17';
    for (const dir of ['base/1', 'base/4', 'base/5', 'global', 'pg_wal/archive_status', 'pg_xact', 'pg_multixact/members', 'pg_multixact/offsets', 'pg_notify', 'pg_stat', 'pg_subtrans', 'pg_tblspc', 'pg_logical/snapshots']) fs.mkdir(`${pgdata}/${dir}`, ctx.now, { parents: true, mode: 0o700 });
    fs.writeFile(`${pgdata}/PG_VERSION`, `${major}\n`, ctx.now, { uid: POSTGRES_UID, mode: 0o600 });
    fs.writeFile(`${pgdata}/postgresql.conf`, "# (abridged) the image's postgresql.conf.sample\nlisten_addresses = '*'\nmax_connections = 100\nshared_buffers = 128MB\ndynamic_shared_memory_type = posix\nlog_timezone = 'Etc/UTC'\ntimezone = 'Etc/UTC'\nlc_messages = 'en_US.utf8'\ndefault_text_search_config = 'pg_catalog.english'\n", ctx.now, { uid: POSTGRES_UID, mode: 0o600 });
    fs.writeFile(`${pgdata}/pg_ident.conf`, '# PostgreSQL User Name Maps\n# MAPNAME       SYSTEM-USERNAME         PG-USERNAME\n', ctx.now, { uid: POSTGRES_UID, mode: 0o600 });
    fs.writeFile(`${pgdata}/pg_hba.conf`, hbaConf(data.hostAuth), ctx.now, { uid: POSTGRES_UID, mode: 0o600 });
    ctx.out(initdbOutput(pgdata));
    ctx.err('initdb: warning: enabling "trust" authentication for local connections\ninitdb: hint: You can change this by editing pg_hba.conf or using the option -A, or --auth-local and --auth-host, the next time you run initdb.\n');
    // docker_temp_server_start: pg_ctl -D "$PGDATA" -o "-c listen_addresses='' -p 5432" -w start
    ctx.out('waiting for server to start....');
    const temp = ctx.spawn({ argv: ['postgres', '-D', pgdata, '-c', 'listen_addresses=', '-p', '5432'], comm: 'postgres', program: postgresServer });
    if (typeof temp === 'string') {
      ctx.out(' stopped waiting\npg_ctl: could not start server\nExamine the log output.\n');
      return 1;
    }
    yield ctx.until(() => fs.exists(`${pgdata}/postmaster.pid`) || !temp.alive, 60_000);
    ctx.out(' done\nserver started\n');
    // docker_setup_db: CREATE DATABASE :"db" when POSTGRES_DB is not there yet.
    // (docker_process_sql is psql over the temporary server's Unix socket.)
    const conn = ctx.kernel.net.connect({ netns: ctx.proc.ns.net.inode }, '127.0.0.1', 5432, (pid) => ctx.kernel.processes.get(pid)?.alive ?? false);
    if (conn.ok && conn.service.proto === 'pgsql' && !conn.service.describe('postgres').databases.some((d) => d.name === db)) {
      const [r] = conn.service.query('postgres', user, `CREATE DATABASE "${db.replace(/"/g, '""')}"`);
      if (r?.type === 'command') ctx.out(`${r.tag}\n\n`);
    }
    // docker_process_init_files /docker-entrypoint-initdb.d/*
    const initFiles = fs.list('/docker-entrypoint-initdb.d');
    ctx.out('\n');
    if (typeof initFiles === 'string' || initFiles.length === 0) ctx.out(`${ENTRYPOINT}: ignoring /docker-entrypoint-initdb.d/*\n\n`);
    else for (const [name] of initFiles) ctx.out(`${ENTRYPOINT}: ignoring /docker-entrypoint-initdb.d/${name}\n\n`);
    // docker_temp_server_stop: pg_ctl -D "$PGDATA" -m fast -w stop
    ctx.out('waiting for server to shut down....');
    ctx.kernel.kill(temp, SIGNALS.SIGINT, ctx.proc);
    yield ctx.waitpid(temp.hostPid);
    ctx.out(' done\nserver stopped\n\nPostgreSQL init process complete; ready for start up.\n\n');
  } else {
    ctx.out('\nPostgreSQL Database directory appears to contain a database; Skipping initialization\n\n');
  }
  yield { kind: 'exec', argv: args, program: postgresServer, comm: 'postgres' };
  return 0;
}

/** initdb: the bootstrap backends it runs (`postgres --boot`, `postgres --single`) use a few PIDs. */
function* initdbProgram(ctx: ProcessContext): ProgramGenerator {
  ctx.rss(4 * MiB);
  ctx.cpu(1);
  for (const argv of [['postgres', '--check'], ['postgres', '--boot'], ['postgres', '--single']]) {
    const c = ctx.spawn({ argv, comm: 'postgres', program: bootstrapBackend });
    if (typeof c !== 'string') yield ctx.waitpid(c.hostPid);
  }
  ctx.cpu(0);
  return 0;
}

function* bootstrapBackend(ctx: ProcessContext): ProgramGenerator {
  ctx.rss(12 * MiB);
  ctx.cpu(1);
  yield ctx.sleep(250);
  return 0;
}

/** A short-lived child: the startup process (no WAL to replay) or a backend refused at authentication. */
function* shortBackend(ctx: ProcessContext): ProgramGenerator {
  ctx.rss(6 * MiB);
  yield ctx.sleep(20);
  return 0;
}

// ── the postmaster ──────────────────────────────────────────────────────────────────────────

/** Whether a client address is covered by pg_hba.conf's loopback `trust` lines. */
function isLoopback(ip: string): boolean {
  return ip.startsWith('127.') || ip === '::1';
}

/** The postgres server (postmaster) and its auxiliary processes. */
export function* postgresServer(ctx: ProcessContext): ProgramGenerator {
  const me = ctx.pid;
  const pgdata = pgDataPath(ctx);
  const log = (pid: number, msg: string, level = 'LOG') => ctx.err(`${logTime(ctx)} [${pid}] ${level}:  ${msg}\n`);
  ctx.proc.touch();
  if (ctx.proc.uid === 0) {
    ctx.err('"root" execution of the PostgreSQL server is not permitted.\nThe server must be started under an unprivileged user ID to prevent\npossible system security compromise.  See the documentation for\nmore information on how to properly start the server.\n');
    return 1;
  }
  const data = readDataDir(ctx, pgdata);
  if (!data || !ctx.fs.exists(`${pgdata}/PG_VERSION`)) {
    ctx.err(`postgres: could not access the server configuration file "${pgdata}/postgresql.conf": No such file or directory\n`);
    return 2;
  }
  const argv = ctx.argv;
  const tcp = !argv.some((a, i) => a === 'listen_addresses=' || (a === '-c' && argv[i + 1] === 'listen_addresses='));
  ctx.rss(18 * MiB);
  ctx.cpu(0.05);
  const aux: Process[] = [];
  const fork = (title: string, rss: number): Process | null => {
    const p = ctx.spawn({ argv: [title], comm: 'postgres', program: idle(rss) });
    if (typeof p === 'string') return null;
    aux.push(p);
    return p;
  };
  const pidOf = (p: Process | null) => (p ? ctx.kernel.pidIn(p, ctx.proc.ns.pid) : 0);

  log(me, `starting ${PG_VERSION_STRING}`);
  if (tcp) {
    log(me, 'listening on IPv4 address "0.0.0.0", port 5432');
    log(me, 'listening on IPv6 address "::", port 5432');
  }
  log(me, `listening on Unix socket "${PG_SOCKET}"`);
  const checkpointer = fork('postgres: checkpointer', 4.5 * MiB);
  fork('postgres: background writer', 3.9 * MiB);
  // The startup process replays WAL (or not), then exits.
  const startup = ctx.spawn({ argv: ['postgres: startup'], comm: 'postgres', program: shortBackend });
  const startupPid = typeof startup === 'string' ? 0 : pidOf(startup);
  if (data.control.state === 'shut down') log(startupPid, `database system was shut down at ${secondsTime(data.control.time)}`);
  else {
    log(startupPid, `database system was interrupted; last known up at ${secondsTime(data.control.time)}`);
    log(startupPid, 'database system was not properly shut down; automatic recovery in progress');
    log(startupPid, 'redo starts at 0/1908A28');
    log(startupPid, 'redo done at 0/1908AD8 system usage: CPU: user: 0.00 s, system: 0.00 s, elapsed: 0.00 s');
    log(pidOf(checkpointer), 'checkpoint starting: end-of-recovery immediate wait');
    log(pidOf(checkpointer), 'checkpoint complete: wrote 3 buffers (0.0%); 0 WAL file(s) added, 0 removed, 0 recycled; write=0.002 s, sync=0.001 s, total=0.006 s; sync files=2, longest=0.001 s, average=0.001 s; distance=0 kB, estimate=0 kB; lsn=0/1908B10, redo lsn=0/1908B10');
  }
  if (typeof startup !== 'string') yield ctx.waitpid(startup.hostPid);
  fork('postgres: walwriter', 4.2 * MiB);
  fork('postgres: autovacuum launcher', 5.1 * MiB);
  const logrep = fork('postgres: logical replication launcher', 4.9 * MiB);
  data.control = { state: 'in production', time: ctx.kernel.clock.wall(ctx.now) };
  writeDataDir(ctx, pgdata, data);
  ctx.fs.writeFile(`${pgdata}/postmaster.pid`, `${me}\n${pgdata}\n${Math.floor(ctx.kernel.clock.wall(ctx.now) / 1000)}\n5432\n/var/run/postgresql\n${tcp ? '*' : ''}\n  5432001         0\nready   \n`, ctx.now, { uid: POSTGRES_UID, mode: 0o600 });
  log(me, 'database system is ready to accept connections');
  ctx.cpu(0);

  /** A backend forked for a connection that fails authentication: it logs, then exits. */
  const backend = (user: string, database: string, clientIp: string, local: boolean): number => {
    const p = ctx.spawn({ argv: [`postgres: ${user} ${database} ${local ? '[local]' : clientIp} authentication`], comm: 'postgres', program: shortBackend });
    return typeof p === 'string' ? me : pidOf(p);
  };
  const backends = new Set<Process>();
  const terminated = new WeakSet<Process>();
  let clientPort = 40_000;
  const executor = new PgExecutor(data.cluster);
  const service: Service = {
    proto: 'pgsql',
    startup: (user, database, password, clientIp, local): PgStartup => {
      const trust = local || isLoopback(clientIp) || data.hostAuth === 'trust';
      const role = data.roles[user];
      if (!trust) {
        if (password === null) return { ok: false, needPassword: true };
        if (!role || role.password === null || role.password !== password) {
          log(backend(user, database, clientIp, local), `password authentication failed for user "${user}"`, 'FATAL');
          return { ok: false, fatal: `password authentication failed for user "${user}"` };
        }
      }
      if (!role) {
        log(backend(user, database, clientIp, local), `role "${user}" does not exist`, 'FATAL');
        return { ok: false, fatal: `role "${user}" does not exist` };
      }
      if (!data.cluster.databases[database]) {
        log(backend(user, database, clientIp, local), `database "${database}" does not exist`, 'FATAL');
        return { ok: false, fatal: `database "${database}" does not exist` };
      }
      return { ok: true, superuser: role.superuser };
    },
    query: (database, user, sql): readonly PgResult[] => {
      const { results, changed } = executor.query({ user, database, wallMs: ctx.kernel.clock.wall(ctx.now) }, sql);
      if (changed) writeDataDir(ctx, pgdata, data);
      return results;
    },
    describe: (database) => executor.describe(database),
    backend: (user, database, clientIp, local) => {
      const from = local ? '[local]' : `${clientIp}(${clientPort++})`;
      const p = ctx.spawn({ argv: [`postgres: ${user} ${database} ${from} idle`], comm: 'postgres', program: idle(7.6 * MiB) });
      if (typeof p === 'string') return { close: () => {}, state: () => 'lost' as const };
      backends.add(p);
      return {
        close: () => {
          backends.delete(p);
          if (p.alive) ctx.kernel.kill(p, SIGNALS.SIGTERM, ctx.proc);
        },
        state: () => (p.alive && ctx.proc.alive ? 'open' : terminated.has(p) ? 'terminated' : 'lost'),
      };
    },
  };
  // listen_addresses = '*' (the image's postgresql.conf); the Unix socket is the loopback here.
  ctx.kernel.net.listen({ netns: ctx.proc.ns.net.inode, address: tcp ? '0.0.0.0' : '127.0.0.1', port: 5432, transport: 'tcp', pid: ctx.proc.hostPid, service },
    (pid) => ctx.kernel.processes.get(pid)?.alive ?? false);

  let mode: 'smart' | 'fast' | 'immediate' | null = null;
  ctx.onSignal(SIGNALS.SIGTERM, () => { mode = 'smart'; ctx.interrupt(); });
  ctx.onSignal(SIGNALS.SIGINT, () => { mode = 'fast'; ctx.interrupt(); });
  ctx.onSignal(SIGNALS.SIGQUIT, () => { mode = 'immediate'; ctx.interrupt(); });
  ctx.onSignal(SIGNALS.SIGCHLD, () => {});
  while (mode === null) yield ctx.pause();
  const how = mode as 'smart' | 'fast' | 'immediate';
  log(me, `received ${how} shutdown request`);
  const stopAux = () => {
    for (const p of aux) if (p.alive) ctx.kernel.kill(p, SIGNALS.SIGTERM, ctx.proc);
  };
  if (how === 'immediate') {
    for (const p of backends) if (p.alive) ctx.kernel.kill(p, SIGNALS.SIGKILL, ctx.proc);
    stopAux();
    yield ctx.sleep(5);
    log(me, 'database system is shut down');
    ctx.fs.remove(`${pgdata}/postmaster.pid`);
    return 0;
  }
  // Connected clients: their backends end with FATAL (fast/immediate; smart waits for them).
  const dropBackends = () => {
    for (const p of backends) {
      if (!p.alive) continue;
      log(pidOf(p), 'terminating connection due to administrator command', 'FATAL');
      terminated.add(p);
      ctx.kernel.kill(p, SIGNALS.SIGTERM, ctx.proc);
    }
    backends.clear();
  };
  const clients = () => [...backends].some((p) => p.alive);
  if (how === 'smart' && clients()) {
    yield ctx.until(() => !clients() || mode !== 'smart');
    if (clients()) log(me, 'received fast shutdown request');
  }
  if (how === 'fast' || clients()) log(me, 'aborting any active transactions');
  dropBackends();
  log(me, `background worker "logical replication launcher" (PID ${pidOf(logrep)}) exited with exit code 1`);
  yield ctx.sleep(20);
  const ck = pidOf(checkpointer);
  log(ck, 'shutting down');
  log(ck, 'checkpoint starting: shutdown immediate');
  yield ctx.sleep(40);
  log(ck, 'checkpoint complete: wrote 3 buffers (0.0%); 0 WAL file(s) added, 0 removed, 0 recycled; write=0.004 s, sync=0.002 s, total=0.013 s; sync files=2, longest=0.001 s, average=0.001 s; distance=0 kB, estimate=0 kB; lsn=0/1908B10, redo lsn=0/1908B10');
  stopAux();
  data.control = { state: 'shut down', time: ctx.kernel.clock.wall(ctx.now) };
  writeDataDir(ctx, pgdata, data);
  ctx.fs.remove(`${pgdata}/postmaster.pid`);
  log(me, 'database system is shut down');
  return 0;
}


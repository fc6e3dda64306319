import { describe, expect, it } from 'vitest';
import { runLines } from '../sim.ts';
import { newCluster, PgExecutor, splitStatements } from './postgres-sql.ts';
import { formatAligned, formatError } from './psql-format.ts';
import { takeStatements } from './psql.ts';

describe('psql aligned output (print.c)', () => {
  it('centres headers, right-aligns numbers and leaves a text last column unpadded', () => {
    const out = formatAligned([{ name: 'id', numeric: true }, { name: 'name', numeric: false }], [['1', 'a'], ['10', 'bob']]);
    expect(out).toBe(' id | name \n----+------\n  1 | a\n 10 | bob\n(2 rows)\n\n');
  });

  it('says "1 row" and centres a title over the table', () => {
    const out = formatAligned(['Schema', 'Name', 'Type', 'Owner'].map((name) => ({ name, numeric: false })), [['public', 't', 'table', 'postgres']], { title: 'List of relations' });
    expect(out.split('\n')).toEqual(['        List of relations', ' Schema | Name | Type  |  Owner   ', '--------+------+-------+----------', ' public | t    | table | postgres', '(1 row)', '', '']);
  });

  it('continues a multi-line cell with a + wrap mark', () => {
    const out = formatAligned([{ name: 'a', numeric: false }, { name: 'acl', numeric: false }], [['x', 'p\nqq']]);
    expect(out.split('\n').slice(2, 4)).toEqual([' x | p  +', '   | qq']);
  });

  it('prints an error with its LINE and a caret under the position', () => {
    expect(formatError('SELECT * FROM x;', 'relation "x" does not exist', 15)).toBe('ERROR:  relation "x" does not exist\nLINE 1: SELECT * FROM x;\n                      ^\n');
    expect(formatError('SELECT 1;\nSELEC 2;', 'syntax error at or near "SELEC"', 11)).toBe('ERROR:  syntax error at or near "SELEC"\nLINE 2: SELEC 2;\n        ^\n');
    expect(formatError('DROP TABLE t', 'table "t" does not exist')).toBe('ERROR:  table "t" does not exist\n');
  });
});

describe('psql query buffer', () => {
  it('sends each ;-terminated statement on its own and keeps the rest', () => {
    expect(takeStatements("SELECT 1; SELECT ';' ;\n INSERT INTO t")).toEqual({ statements: ['SELECT 1;', "SELECT ';' ;"], rest: 'INSERT INTO t' });
    expect(takeStatements('SELECT 1 -- a ; comment')).toEqual({ statements: [], rest: 'SELECT 1 -- a ; comment' });
    expect(takeStatements(';;')).toEqual({ statements: [], rest: '' });
  });
});

describe('the SQL subset', () => {
  const session = { user: 'postgres', database: 'postgres', wallMs: Date.UTC(2026, 0, 12, 9) };
  const run = (ex: PgExecutor, sql: string) => ex.query(session, sql).results;

  it('creates, fills, counts, filters and drops a table', () => {
    const ex = new PgExecutor(newCluster('postgres'));
    expect(run(ex, 'CREATE TABLE t (id serial primary key, name text);')).toEqual([{ type: 'command', tag: 'CREATE TABLE' }]);
    expect(run(ex, "INSERT INTO t (name) VALUES ('a'), ('b'), ('it''s');")).toEqual([{ type: 'command', tag: 'INSERT 0 3' }]);
    expect(run(ex, 'SELECT * FROM t WHERE id >= 2 ORDER BY id DESC;')).toEqual([{ type: 'rows', columns: [{ name: 'id', numeric: true }, { name: 'name', numeric: false }], rows: [['3', "it's"], ['2', 'b']], tag: 'SELECT 2' }]);
    expect(run(ex, 'select count(*) from T')).toEqual([{ type: 'rows', columns: [{ name: 'count', numeric: true }], rows: [['3']], tag: 'SELECT 1' }]);
    expect(run(ex, "DELETE FROM t WHERE name = 'a'")).toEqual([{ type: 'command', tag: 'DELETE 1' }]);
    expect(run(ex, 'DROP TABLE t')).toEqual([{ type: 'command', tag: 'DROP TABLE' }]);
    expect(run(ex, 'SELECT * FROM t')).toEqual([{ type: 'error', message: 'relation "t" does not exist', position: 15 }]);
  });

  it('answers constants and functions with postgres column names', () => {
    const ex = new PgExecutor(newCluster('postgres'));
    const [one] = run(ex, 'SELECT 1');
    expect(one).toMatchObject({ columns: [{ name: '?column?', numeric: true }], rows: [['1']] });
    const [v] = run(ex, 'SELECT version()');
    expect(v).toMatchObject({ columns: [{ name: 'version', numeric: false }], rows: [[expect.stringMatching(/^PostgreSQL 17\.4 \(Debian/)]] });
    expect(run(ex, 'SELECT current_user, current_database()')[0]).toMatchObject({ rows: [['postgres', 'postgres']] });
  });

  it('reports errors with postgres messages and cursor positions', () => {
    const ex = new PgExecutor(newCluster('postgres'));
    expect(run(ex, 'SELEC 1')).toEqual([{ type: 'error', message: 'syntax error at or near "SELEC"', position: 1 }]);
    expect(run(ex, 'INSERT INTO')).toEqual([{ type: 'error', message: 'syntax error at end of input', position: 12 }]);
    run(ex, 'CREATE TABLE n (id int primary key)');
    expect(run(ex, "INSERT INTO n VALUES ('x')")).toEqual([{ type: 'error', message: 'invalid input syntax for type integer: "x"', position: 23 }]);
    run(ex, 'INSERT INTO n VALUES (1)');
    expect(run(ex, 'INSERT INTO n VALUES (1)')).toEqual([{ type: 'error', message: 'duplicate key value violates unique constraint "n_pkey"', position: undefined }]);
    expect(run(ex, 'CREATE TABLE n (id int)')).toEqual([{ type: 'error', message: 'relation "n" already exists', position: undefined }]);
    expect(run(ex, 'SELECT nope FROM n')).toEqual([{ type: 'error', message: 'column "nope" does not exist', position: 8 }]);
  });

  it('refuses what it does not implement instead of pretending', () => {
    const ex = new PgExecutor(newCluster('postgres'));
    const [r] = run(ex, 'UPDATE t SET a = 1');
    expect(r).toMatchObject({ type: 'error', message: expect.stringContaining('UPDATE is not supported') });
  });

  it('runs every statement of a query string as one transaction, stopping at the first error', () => {
    const ex = new PgExecutor(newCluster('postgres'));
    const r = ex.query(session, 'CREATE TABLE a (x int); SELECT * FROM b; CREATE TABLE c (x int);');
    expect(r.results.map((x) => x.type)).toEqual(['command', 'error']);
    expect(r.results[1]).toMatchObject({ position: 39 });
    // One implicit transaction: the failed statement rolls back the CREATE before it.
    expect(Object.keys(ex.state.databases.postgres.tables)).toEqual([]);
    expect(ex.query(session, 'SELECT 1; CREATE DATABASE x').results[1]).toEqual({ type: 'error', message: 'CREATE DATABASE cannot run inside a transaction block', position: undefined });
    expect(splitStatements("SELECT ';'; ;SELECT 2")).toEqual([["SELECT ';'", 0], ['SELECT 2', 13]]);
  });
});

describe('postgres and psql in containers', () => {
  const t = runLines([
    'docker network create app',
    'docker run -d --name db --network app -e POSTGRES_PASSWORD=pw -v pgdata:/var/lib/postgresql/data postgres',
    'sleep 3',
    "docker exec db psql -U postgres -c 'CREATE TABLE t (id serial primary key, name text);' -c \"INSERT INTO t (name) VALUES ('a');\"",
    "docker run --rm --network app -e PGPASSWORD=pw postgres psql -h db -U postgres -c 'SELECT name FROM t'",
    "docker run --rm --network app -e PGPASSWORD=bad postgres psql -h db -U postgres -c 'SELECT 1'",
    'echo status=$?',
    'docker rm -f db',
    'docker run -d --name db2 -e POSTGRES_PASSWORD=other -v pgdata:/var/lib/postgresql/data postgres',
    'sleep 2',
    "docker exec db2 psql -U postgres -c 'SELECT * FROM t'",
    'docker exec db2 cat /var/lib/postgresql/data/PG_VERSION',
    'docker run -d --name nopw postgres',
    'sleep 1',
  ]);
  const text = t.text;
  const s = t.engine.snapshot();

  it('answers psql from another container through the network, with password auth', () => {
    expect(text).toContain("psql -h db -U postgres -c 'SELECT name FROM t'\n name \n------\n a\n(1 row)\n\n");
    expect(text).toContain('psql: error: connection to server at "db" (172.18.0.2), port 5432 failed: FATAL:  password authentication failed for user "postgres"\n$ echo status=$?\nstatus=2\n');
    const pg = Object.values(s.traffic).filter((x) => x.kind === 'pgsql');
    expect(pg.length).toBeGreaterThan(0);
  });

  it('keeps the data in the volume for a new container, skipping initialisation', () => {
    expect(text).toContain("$ docker exec db2 psql -U postgres -c 'SELECT * FROM t'\n id | name \n----+------\n  1 | a\n(1 row)\n");
    expect(text).toContain('PG_VERSION\n17\n');
    const db2 = Object.values(s.containers).find((c) => c.name === 'db2')!;
    expect(db2.status).toBe('running');
  });

  it('runs the postmaster and its auxiliary processes as postgres', () => {
    const db2 = Object.values(s.containers).find((c) => c.name === 'db2')!;
    const procs = Object.values(s.processes).filter((p) => p.containerId === db2.id && p.state !== 'Z');
    expect(procs.map((p) => p.args).sort()).toEqual(['postgres', 'postgres: autovacuum launcher', 'postgres: background writer', 'postgres: checkpointer', 'postgres: logical replication launcher', 'postgres: walwriter']);
    expect(new Set(procs.map((p) => p.user))).toEqual(new Set(['postgres']));
  });

  it('refuses to initialise without a password', () => {
    const nopw = Object.values(s.containers).find((c) => c.name === 'nopw')!;
    expect(nopw.status).toBe('exited');
    expect(nopw.exitCode).toBe(1);
  });
});

describe('psql sessions', () => {
  const t = runLines([
    'docker network create app',
    'docker run -d --name db --network app -e POSTGRES_PASSWORD=pw postgres',
    'sleep 3',
    'docker run -d --name cli --network app -e PGPASSWORD=pw postgres sleep 1000',
    `docker exec -d cli bash -c '{ echo "SELECT 1;"; echo "DROP TABLE IF EXISTS zz;"; echo "SELECT * FROM"; echo " nope;"; sleep 3; echo "SELECT 2;"; } | psql -h db -U postgres > /tmp/out 2>&1'`,
    'sleep 1',
    'docker top db',
    'docker stop db',
    'sleep 5',
    'docker exec cli cat /tmp/out',
    'docker logs db 2>&1 | grep FATAL',
  ]);

  it('forks a backend process per connection, named after the client', () => {
    expect(t.text).toMatch(/postgres: postgres postgres 172\.18\.0\.3\(\d+\) idle\n/);
  });

  it('prefixes messages with psql:<stdin>:N: when reading a script, and reports a lost connection', () => {
    const out = t.text.split('$ docker exec cli cat /tmp/out\n')[1].split('$ docker logs')[0];
    expect(out).toBe([
      ' ?column? ', '----------', '        1', '(1 row)', '',
      'psql:<stdin>:2: NOTICE:  table "zz" does not exist, skipping',
      'DROP TABLE',
      'psql:<stdin>:4: ERROR:  relation "nope" does not exist',
      'LINE 2:  nope;',
      '         ^',
      'psql:<stdin>:5: FATAL:  terminating connection due to administrator command',
      'server closed the connection unexpectedly',
      '\tThis probably means the server terminated abnormally',
      '\tbefore or while processing the request.',
      'psql:<stdin>:5: connection to server was lost',
      '',
    ].join('\n'));
  });

  it('logs the terminated backend on fast shutdown', () => {
    expect(t.text).toMatch(/UTC \[\d+\] FATAL: {2}terminating connection due to administrator command\n/);
  });
});

describe('pg_isready', () => {
  it('reports no response until the server listens, then accepting connections', () => {
    const t = runLines([
      'docker network create app',
      'docker run -d --name db --network app -e POSTGRES_PASSWORD=pw postgres',
      'docker exec db pg_isready',
      'sleep 4',
      'docker exec db pg_isready; echo $?',
      'docker run --rm --network app postgres pg_isready -h db -p 5433',
    ]);
    expect(t.text).toContain('$ docker exec db pg_isready\n/var/run/postgresql:5432 - no response\n');
    expect(t.text).toContain('/var/run/postgresql:5432 - accepting connections\n0\n');
    expect(t.text).toContain('db:5433 - no response\n');
  });
});

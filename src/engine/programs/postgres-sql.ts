/**
 * The SQL the playground's postgres understands: a deliberately small subset, executed the way
 * the backend does (postgres src/backend/parser/gram.y for the grammar it accepts here,
 * src/backend/tcop/cmdtag.c for the command tags, parse_relation.c / parse_expr.c for the error
 * texts and their cursor positions). Anything else is refused with an ERROR that says so, never
 * answered as if it had run.
 *
 * Statements: SELECT (constants, `version()`, `current_user`, `current_database()`, `now()`,
 * columns, `*`, `count(*)`, FROM one table, WHERE col = value, ORDER BY col, LIMIT n),
 * CREATE TABLE, INSERT … VALUES, DELETE, DROP TABLE, CREATE DATABASE.
 */
import type { PgCatalog, PgResult } from '../network/services.ts';
import { lex, Parser, splitStatements, SqlError, type Tok } from './postgres-sql-parse.ts';

export { splitStatements };

export const PG_VERSION_STRING = 'PostgreSQL 17.4 (Debian 17.4-1.pgdg120+2) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit';

export type PgType = 'integer' | 'bigint' | 'text' | 'boolean';

export interface PgColumn {
  readonly name: string;
  readonly type: PgType;
  /** `serial`: an integer column with a sequence default. */
  readonly serial: boolean;
  readonly notNull: boolean;
  readonly primaryKey: boolean;
}

export interface PgTable {
  readonly name: string;
  readonly owner: string;
  readonly columns: PgColumn[];
  rows: (string | null)[][];
  /** The `<table>_<col>_seq` sequences' last values, by column. */
  readonly sequences: Record<string, number>;
}

/** One database's catalog and data (what the data directory holds, as JSON). */
export interface PgDatabase {
  readonly name: string;
  readonly owner: string;
  readonly tables: Record<string, PgTable>;
}

export interface PgClusterState {
  readonly version: 1;
  readonly databases: Record<string, PgDatabase>;
}

export function newCluster(superuser: string, extraDb?: string): PgClusterState {
  const databases: Record<string, PgDatabase> = {};
  for (const name of ['postgres', 'template0', 'template1']) databases[name] = { name, owner: superuser, tables: {} };
  if (extraDb && !databases[extraDb]) databases[extraDb] = { name: extraDb, owner: superuser, tables: {} };
  return { version: 1, databases };
}

// ── executor ────────────────────────────────────────────────────────────────────────────────

type Expr =
  | { readonly e: 'const'; readonly v: string | null; readonly type: PgType; readonly name: string }
  | { readonly e: 'col'; readonly name: string; readonly pos: number }
  | { readonly e: 'star' }
  | { readonly e: 'count' }
  | { readonly e: 'fn'; readonly fn: 'version' | 'current_user' | 'current_database' | 'now'; readonly name: string };

export interface Session {
  readonly user: string;
  readonly database: string;
  /** Virtual wall time (ms since the epoch), for now(). */
  readonly wallMs: number;
}

const NUMERIC: readonly PgType[] = ['integer', 'bigint'];

function parseExpr(p: Parser): Expr {
  const t = p.t;
  if (p.isOp('*')) { p.next(); return { e: 'star' }; }
  if (p.isOp('-') && p.toks[p.i + 1]?.k === 'num') { p.next(); const n = p.next(); return { e: 'const', v: String(-Number(n.v)), type: 'integer', name: '?column?' }; }
  if (t.k === 'num') { p.next(); return { e: 'const', v: String(Number(t.v)), type: Number(t.v) > 2147483647 ? 'bigint' : 'integer', name: '?column?' }; }
  if (t.k === 'str') { p.next(); return { e: 'const', v: t.v, type: 'text', name: '?column?' }; }
  if (t.k === 'ident') {
    if (!t.quoted && ['true', 'false'].includes(t.v)) { p.next(); return { e: 'const', v: t.v === 'true' ? 't' : 'f', type: 'boolean', name: 'bool' }; }
    if (!t.quoted && t.v === 'null') { p.next(); return { e: 'const', v: null, type: 'text', name: '?column?' }; }
    if (!t.quoted && (t.v === 'current_user' || t.v === 'user')) { p.next(); return { e: 'fn', fn: 'current_user', name: 'current_user' }; }
    p.next();
    if (p.isOp('(')) {
      p.next();
      const fn = t.v;
      if (fn === 'count') {
        if (p.isOp('*')) p.next(); else parseExpr(p);
        p.op(')');
        return { e: 'count' };
      }
      if (fn === 'version' || fn === 'current_database' || fn === 'now') {
        p.op(')');
        return { e: 'fn', fn, name: fn };
      }
      throw new SqlError(`function ${fn}() does not exist`, t.pos);
    }
    if (p.isOp('.')) { p.next(); const c = p.ident(); return { e: 'col', name: c.v, pos: t.pos }; }
    return { e: 'col', name: t.v, pos: t.pos };
  }
  return p.fail();
}

function literal(p: Parser): { v: string | null; type: PgType | 'unknown'; pos: number } {
  const t = p.t;
  if (p.isOp('-') && p.toks[p.i + 1]?.k === 'num') { p.next(); const n = p.next(); return { v: String(-Number(n.v)), type: 'integer', pos: t.pos }; }
  if (t.k === 'num') { p.next(); return { v: String(Number(t.v)), type: 'integer', pos: t.pos }; }
  if (t.k === 'str') { p.next(); return { v: t.v, type: 'unknown', pos: t.pos }; }
  if (t.k === 'ident' && !t.quoted && ['true', 'false'].includes(t.v)) { p.next(); return { v: t.v === 'true' ? 't' : 'f', type: 'boolean', pos: t.pos }; }
  if (t.k === 'ident' && !t.quoted && t.v === 'null') { p.next(); return { v: null, type: 'unknown', pos: t.pos }; }
  if (t.k === 'ident' && !t.quoted && t.v === 'default') { p.next(); return { v: null, type: 'unknown', pos: -1 }; }
  return p.fail();
}

/** A value stored in a column of `type` (the input function's checks and messages). */
function coerce(type: PgType, v: string | null, inputType: PgType | 'unknown', pos: number): string | null {
  if (v === null) return null;
  if (type === 'integer' || type === 'bigint') {
    if (inputType === 'boolean') throw new SqlError(`column is of type ${type} but expression is of type boolean`, pos);
    if (!/^\s*-?\d+\s*$/.test(v)) throw new SqlError(`invalid input syntax for type ${type}: "${v}"`, pos);
    const n = Number(v.trim());
    if (type === 'integer' && Math.abs(n) > 2147483647) throw new SqlError('integer out of range', pos);
    return String(n);
  }
  if (type === 'boolean') {
    if (inputType === 'integer') throw new SqlError('column is of type boolean but expression is of type integer', pos);
    const s = v.trim().toLowerCase();
    if (['t', 'true', 'yes', 'on', '1', 'y'].includes(s)) return 't';
    if (['f', 'false', 'no', 'off', '0', 'n'].includes(s)) return 'f';
    throw new SqlError(`invalid input syntax for type boolean: "${v}"`, pos);
  }
  return v;
}

function typeName(p: Parser): { type: PgType; serial: boolean } {
  const t = p.ident();
  let type: PgType;
  let serial = false;
  switch (t.v) {
    case 'serial': case 'serial4': type = 'integer'; serial = true; break;
    case 'bigserial': case 'serial8': type = 'bigint'; serial = true; break;
    case 'int': case 'integer': case 'int4': case 'smallint': case 'int2': type = 'integer'; break;
    case 'bigint': case 'int8': type = 'bigint'; break;
    case 'text': case 'varchar': type = 'text'; break;
    case 'character': case 'char': type = 'text'; if (p.isKw('varying')) p.next(); break;
    case 'boolean': case 'bool': type = 'boolean'; break;
    default: throw new SqlError(`type "${t.v}" does not exist`, t.pos);
  }
  if (type === 'text' && p.isOp('(')) { p.next(); if (p.t.k !== 'num') p.fail(); p.next(); p.op(')'); }
  return { type, serial };
}

export class PgExecutor {
  readonly state: PgClusterState;
  constructor(state: PgClusterState) {
    this.state = state;
  }

  /**
   * Runs a simple-query string: one result per statement, stopping at the first error. Several
   * statements in one string run as one implicit transaction (postgres.c exec_simple_query): an
   * error rolls the earlier ones back, and CREATE/DROP DATABASE refuse to run inside it.
   */
  query(session: Session, sql: string): { results: PgResult[]; changed: boolean } {
    const results: PgResult[] = [];
    const stmts = splitStatements(sql);
    const before = stmts.length > 1 ? JSON.stringify(this.state.databases) : null;
    let changed = false;
    for (const [text, offset] of stmts) {
      try {
        const toks = lex(text, offset);
        const [a, b] = toks;
        if (before !== null && a.k === 'ident' && ['create', 'drop'].includes(a.v) && b?.k === 'ident' && b.v === 'database') {
          throw new SqlError(`${a.v.toUpperCase()} DATABASE cannot run inside a transaction block`);
        }
        const r = this.#statement(session, toks);
        if (r.type === 'command') changed = true;
        results.push(r);
      } catch (e) {
        if (!(e instanceof SqlError)) throw e;
        results.push({ type: 'error', message: e.message, position: e.position });
        if (before !== null && changed) {
          const saved = JSON.parse(before) as Record<string, PgDatabase>;
          for (const k of Object.keys(this.state.databases)) delete this.state.databases[k];
          Object.assign(this.state.databases, saved);
        }
        break;
      }
    }
    return { results, changed };
  }

  /** The catalog as psql's describe queries see it (pg_class, pg_attribute, pg_database). */
  describe(database: string): PgCatalog {
    const db = this.state.databases[database];
    const tables = Object.values(db?.tables ?? {}).sort((a, b) => (a.name < b.name ? -1 : 1)).map((t) => ({
      name: t.name,
      owner: t.owner,
      sequences: t.columns.filter((c) => c.serial).map((c) => `${t.name}_${c.name}_seq`),
      columns: t.columns.map((c) => ({ name: c.name, type: c.type, notNull: c.notNull, default: c.serial ? `nextval('${t.name}_${c.name}_seq'::regclass)` : '', primaryKey: c.primaryKey })),
    }));
    const databases = Object.values(this.state.databases).sort((a, b) => (a.name < b.name ? -1 : 1)).map((d) => ({ name: d.name, owner: d.owner }));
    return { databases, tables };
  }

  #db(s: Session): PgDatabase {
    return this.state.databases[s.database];
  }

  #table(s: Session, t: Tok & { k: 'ident' }): PgTable {
    const table = this.#db(s).tables[t.v];
    if (!table) throw new SqlError(`relation "${t.v}" does not exist`, t.pos);
    return table;
  }

  #statement(s: Session, toks: Tok[]): PgResult {
    const p = new Parser(toks);
    const first = p.t;
    if (first.k !== 'ident' || first.quoted) p.fail();
    switch (first.v) {
      case 'select': return this.#select(s, p);
      case 'create': return this.#create(s, p);
      case 'insert': return this.#insert(s, p);
      case 'drop': return this.#drop(s, p);
      case 'delete': return this.#delete(s, p);
      case 'update': case 'alter': case 'truncate': case 'begin': case 'commit': case 'rollback': case 'grant': case 'revoke': case 'with': case 'explain': case 'vacuum': case 'analyze': case 'copy': case 'show': case 'set':
        throw new SqlError(`${first.v.toUpperCase()} is not supported by this playground's simulated postgres (supported: SELECT, CREATE TABLE, INSERT, DELETE, DROP TABLE, CREATE DATABASE)`, first.pos);
      default: return p.fail();
    }
  }

  #where(p: Parser, table: PgTable): ((row: (string | null)[]) => boolean) {
    if (!p.isKw('where')) return () => true;
    p.next();
    const col = p.ident();
    const idx = table.columns.findIndex((c) => c.name === col.v);
    if (idx < 0) throw new SqlError(`column "${col.v}" does not exist`, col.pos);
    const opTok = p.t;
    if (opTok.k !== 'op' || !['=', '<>', '!=', '<', '>', '<=', '>='].includes(opTok.v)) p.fail();
    p.next();
    const lit = literal(p);
    const type = table.columns[idx].type;
    const v = coerce(type, lit.v, lit.type, lit.pos);
    const numeric = NUMERIC.includes(type);
    const cmp = (a: string | null): boolean => {
      if (a === null || v === null) return false;
      const d = numeric ? Number(a) - Number(v) : a < v ? -1 : a > v ? 1 : 0;
      switch (opTok.v) {
        case '=': return d === 0;
        case '<>': case '!=': return d !== 0;
        case '<': return d < 0;
        case '>': return d > 0;
        case '<=': return d <= 0;
        default: return d >= 0;
      }
    };
    return (row) => cmp(row[idx]);
  }

  #select(s: Session, p: Parser): PgResult {
    p.kw('select');
    const exprs: Expr[] = [];
    const aliases: (string | null)[] = [];
    do {
      if (exprs.length) p.next();
      exprs.push(parseExpr(p));
      if (p.isKw('as')) { p.next(); aliases.push(p.ident().v); } else if (p.t.k === 'ident' && !p.isKw('from', 'where', 'order', 'limit')) aliases.push(p.ident().v); else aliases.push(null);
    } while (p.isOp(','));
    let table: PgTable | null = null;
    if (p.isKw('from')) {
      p.next();
      table = this.#table(s, p.ident());
    }
    const where = table ? this.#where(p, table) : () => true;
    let order: { idx: number; desc: boolean } | null = null;
    if (p.isKw('order')) {
      p.next();
      p.kw('by');
      const col = p.ident();
      const idx = table ? table.columns.findIndex((c) => c.name === col.v) : -1;
      if (idx < 0) throw new SqlError(`column "${col.v}" does not exist`, col.pos);
      const desc = p.isKw('desc') ? (p.next(), true) : (p.isKw('asc') && p.next(), false);
      order = { idx, desc };
    }
    let limit = Infinity;
    if (p.isKw('limit')) {
      p.next();
      const n = p.t;
      if (n.k !== 'num') p.fail();
      p.next();
      limit = Number(n.v);
    }
    p.end();
    // Columns and their values, per row.
    const columns: { name: string; numeric: boolean }[] = [];
    const getters: ((row: (string | null)[]) => string | null)[] = [];
    const hasCount = exprs.some((e) => e.e === 'count');
    exprs.forEach((e, n) => {
      const alias = aliases[n];
      switch (e.e) {
        case 'star':
          if (!table) throw new SqlError('SELECT * with no tables specified is not valid', undefined);
          table.columns.forEach((c, i) => { columns.push({ name: c.name, numeric: NUMERIC.includes(c.type) }); getters.push((r) => r[i]); });
          return;
        case 'const': columns.push({ name: alias ?? e.name, numeric: NUMERIC.includes(e.type) }); getters.push(() => e.v); return;
        case 'count': columns.push({ name: alias ?? 'count', numeric: true }); getters.push(() => null); return;
        case 'fn': {
          const v = e.fn === 'version' ? PG_VERSION_STRING : e.fn === 'current_user' ? s.user : e.fn === 'current_database' ? s.database : formatTimestamp(s.wallMs);
          columns.push({ name: alias ?? e.name, numeric: false });
          getters.push(() => v);
          return;
        }
        case 'col': {
          const i = table ? table.columns.findIndex((c) => c.name === e.name) : -1;
          if (i < 0 || !table) throw new SqlError(`column "${e.name}" does not exist`, e.pos);
          if (hasCount) throw new SqlError(`column "${table.name}.${e.name}" must appear in the GROUP BY clause or be used in an aggregate function`, e.pos);
          columns.push({ name: alias ?? e.name, numeric: NUMERIC.includes(table.columns[i].type) });
          getters.push((r) => r[i]);
          return;
        }
      }
    });
    let rows = table ? table.rows.filter(where) : [[]];
    if (order) {
      const { idx, desc } = order;
      const numeric = table ? NUMERIC.includes(table.columns[idx].type) : false;
      rows = [...rows].sort((a, b) => {
        const x = a[idx];
        const y = b[idx];
        if (x === y) return 0;
        if (x === null) return desc ? -1 : 1; // NULLS LAST ascending, FIRST descending
        if (y === null) return desc ? 1 : -1;
        const d = numeric ? Number(x) - Number(y) : x < y ? -1 : 1;
        return desc ? -d : d;
      });
    }
    if (hasCount) {
      const n = String(rows.length);
      const out = [exprs.map((e, i) => (e.e === 'count' ? n : getters[i]([])))];
      return { type: 'rows', columns, rows: out.slice(0, limit), tag: `SELECT ${Math.min(1, limit)}` };
    }
    const out = rows.slice(0, limit).map((r) => getters.map((g) => g(r)));
    return { type: 'rows', columns, rows: out, tag: `SELECT ${out.length}` };
  }

  #create(s: Session, p: Parser): PgResult {
    p.kw('create');
    if (p.isKw('database')) {
      p.next();
      const name = p.ident();
      p.end();
      if (this.state.databases[name.v]) throw new SqlError(`database "${name.v}" already exists`);
      this.state.databases[name.v] = { name: name.v, owner: s.user, tables: {} };
      return { type: 'command', tag: 'CREATE DATABASE' };
    }
    p.kw('table');
    let ifNotExists = false;
    if (p.isKw('if')) { p.next(); p.kw('not'); p.kw('exists'); ifNotExists = true; }
    const name = p.ident();
    p.op('(');
    const columns: PgColumn[] = [];
    for (;;) {
      if (p.isKw('primary')) {
        p.next(); p.kw('key'); p.op('(');
        const c = p.ident();
        p.op(')');
        const i = columns.findIndex((x) => x.name === c.v);
        if (i < 0) throw new SqlError(`column "${c.v}" named in key does not exist`, c.pos);
        columns[i] = { ...columns[i], primaryKey: true, notNull: true };
      } else {
        const col = p.ident();
        const { type, serial } = typeName(p);
        let notNull = serial;
        let primaryKey = false;
        for (;;) {
          if (p.isKw('primary')) { p.next(); p.kw('key'); primaryKey = true; notNull = true; } else if (p.isKw('not')) { p.next(); p.kw('null'); notNull = true; } else if (p.isKw('null')) p.next(); else if (p.isKw('unique')) p.next(); else break;
        }
        if (columns.some((c) => c.name === col.v)) throw new SqlError(`column "${col.v}" specified more than once`);
        columns.push({ name: col.v, type, serial, notNull, primaryKey });
      }
      if (p.isOp(',')) { p.next(); continue; }
      p.op(')');
      break;
    }
    p.end();
    const db = this.#db(s);
    if (db.tables[name.v]) {
      if (ifNotExists) return { type: 'command', tag: 'CREATE TABLE', notices: [`relation "${name.v}" already exists, skipping`] };
      throw new SqlError(`relation "${name.v}" already exists`);
    }
    const sequences: Record<string, number> = {};
    for (const c of columns) if (c.serial) sequences[c.name] = 0;
    db.tables[name.v] = { name: name.v, owner: s.user, columns, rows: [], sequences };
    return { type: 'command', tag: 'CREATE TABLE' };
  }

  #insert(s: Session, p: Parser): PgResult {
    p.kw('insert');
    p.kw('into');
    const table = this.#table(s, p.ident());
    let targets: number[] = table.columns.map((_, i) => i);
    if (p.isOp('(')) {
      p.next();
      targets = [];
      do {
        if (targets.length) p.next();
        const c = p.ident();
        const i = table.columns.findIndex((x) => x.name === c.v);
        if (i < 0) throw new SqlError(`column "${c.v}" of relation "${table.name}" does not exist`, c.pos);
        targets.push(i);
      } while (p.isOp(','));
      p.op(')');
    }
    p.kw('values');
    const tuples: { v: string | null; type: PgType | 'unknown'; pos: number }[][] = [];
    do {
      if (tuples.length) p.next();
      const openPos = p.t.pos;
      p.op('(');
      const vals: { v: string | null; type: PgType | 'unknown'; pos: number }[] = [];
      do {
        if (vals.length) p.next();
        vals.push(literal(p));
      } while (p.isOp(','));
      p.op(')');
      if (vals.length > targets.length) throw new SqlError('INSERT has more expressions than target columns', vals[targets.length].pos);
      if (vals.length < targets.length && targets.length !== table.columns.length) throw new SqlError('INSERT has more target columns than expressions', openPos);
      tuples.push(vals);
    } while (p.isOp(','));
    p.end();
    // Build every row first: a failing row inserts none (one statement, one transaction).
    const sequences = { ...table.sequences };
    const rows: (string | null)[][] = [];
    for (const vals of tuples) {
      const row: (string | null)[] = table.columns.map(() => null);
      const given = new Set<number>();
      vals.forEach((lit, n) => {
        const i = targets[n];
        if (lit.pos === -1) return; // DEFAULT
        given.add(i);
        row[i] = coerce(table.columns[i].type, lit.v, lit.type, lit.pos);
      });
      table.columns.forEach((c, i) => {
        if (!given.has(i) && c.serial) row[i] = String((sequences[c.name] = (sequences[c.name] ?? 0) + 1));
      });
      table.columns.forEach((c, i) => {
        if (c.notNull && row[i] === null) throw new SqlError(`null value in column "${c.name}" of relation "${table.name}" violates not-null constraint`);
      });
      const pk = table.columns.findIndex((c) => c.primaryKey);
      if (pk >= 0 && [...table.rows, ...rows].some((r) => r[pk] === row[pk])) {
        throw new SqlError(`duplicate key value violates unique constraint "${table.name}_pkey"`);
      }
      rows.push(row);
    }
    // Sequences advance even when the statement fails later (nextval is not transactional).
    Object.assign(table.sequences, sequences);
    table.rows.push(...rows);
    return { type: 'command', tag: `INSERT 0 ${rows.length}` };
  }

  #delete(s: Session, p: Parser): PgResult {
    p.kw('delete');
    p.kw('from');
    const table = this.#table(s, p.ident());
    const where = this.#where(p, table);
    p.end();
    const before = table.rows.length;
    table.rows = table.rows.filter((r) => !where(r));
    return { type: 'command', tag: `DELETE ${before - table.rows.length}` };
  }

  #drop(s: Session, p: Parser): PgResult {
    p.kw('drop');
    if (p.isKw('database')) {
      p.next();
      const name = p.ident();
      p.end();
      if (!this.state.databases[name.v]) throw new SqlError(`database "${name.v}" does not exist`);
      if (name.v === s.database) throw new SqlError('cannot drop the currently open database');
      if (name.v === 'template0' || name.v === 'template1') throw new SqlError(`cannot drop a template database`);
      delete this.state.databases[name.v];
      return { type: 'command', tag: 'DROP DATABASE' };
    }
    p.kw('table');
    let ifExists = false;
    if (p.isKw('if')) { p.next(); p.kw('exists'); ifExists = true; }
    const names: (Tok & { k: 'ident' })[] = [];
    do {
      if (names.length) p.next();
      names.push(p.ident());
    } while (p.isOp(','));
    p.end();
    const db = this.#db(s);
    for (const n of names) {
      if (!db.tables[n.v] && !ifExists) throw new SqlError(`table "${n.v}" does not exist`);
    }
    const notices = names.filter((n) => !db.tables[n.v]).map((n) => `table "${n.v}" does not exist, skipping`);
    for (const n of names) delete db.tables[n.v];
    return notices.length ? { type: 'command', tag: 'DROP TABLE', notices } : { type: 'command', tag: 'DROP TABLE' };
  }
}

/** timestamptz output in the session's TimeZone (Etc/UTC in the image): `2026-01-12 09:00:00.123456+00`. */
function formatTimestamp(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)}000+00`;
}

/**
 * The front of the playground's SQL: the scanner (postgres src/backend/parser/scan.l: identifiers
 * folded to lower case unless quoted, '' and "" escapes, -- comments) and the token cursor the
 * grammar in postgres-sql.ts reads, with gram.y's error texts and 1-based cursor positions.
 */

// ── lexer ───────────────────────────────────────────────────────────────────────────────────

export type Tok =
  | { readonly k: 'ident'; readonly v: string; readonly raw: string; readonly quoted: boolean; readonly pos: number }
  | { readonly k: 'num'; readonly v: string; readonly raw: string; readonly pos: number }
  | { readonly k: 'str'; readonly v: string; readonly raw: string; readonly pos: number }
  | { readonly k: 'op'; readonly v: string; readonly raw: string; readonly pos: number }
  | { readonly k: 'end'; readonly v: ''; readonly raw: ''; readonly pos: number };

export class SqlError extends Error {
  readonly position?: number;
  constructor(message: string, position?: number) {
    super(message);
    this.position = position;
  }
}

/** Splits one statement into tokens; `pos` is 1-based in the whole query string. */
export function lex(sql: string, base: number): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < sql.length) {
    const c = sql[i];
    if (/\s/.test(c)) { i++; continue; }
    if (c === '-' && sql[i + 1] === '-') { while (i < sql.length && sql[i] !== '\n') i++; continue; }
    const pos = base + i + 1;
    if (/[A-Za-z_]/.test(c)) {
      let j = i;
      while (j < sql.length && /[A-Za-z0-9_$]/.test(sql[j])) j++;
      const raw = sql.slice(i, j);
      out.push({ k: 'ident', v: raw.toLowerCase(), raw, quoted: false, pos });
      i = j;
    } else if (c === '"') {
      let j = i + 1;
      let v = '';
      for (; j < sql.length; j++) {
        if (sql[j] === '"') { if (sql[j + 1] === '"') { v += '"'; j++; continue; } break; }
        v += sql[j];
      }
      if (j >= sql.length) throw new SqlError('unterminated quoted identifier', pos);
      out.push({ k: 'ident', v, raw: sql.slice(i, j + 1), quoted: true, pos });
      i = j + 1;
    } else if (/[0-9]/.test(c)) {
      let j = i;
      while (j < sql.length && /[0-9]/.test(sql[j])) j++;
      out.push({ k: 'num', v: sql.slice(i, j), raw: sql.slice(i, j), pos });
      i = j;
    } else if (c === "'") {
      let j = i + 1;
      let v = '';
      for (; j < sql.length; j++) {
        if (sql[j] === "'") { if (sql[j + 1] === "'") { v += "'"; j++; continue; } break; }
        v += sql[j];
      }
      if (j >= sql.length) throw new SqlError('unterminated quoted string at or near "' + sql.slice(i) + '"', pos);
      out.push({ k: 'str', v, raw: sql.slice(i, j + 1), pos });
      i = j + 1;
    } else {
      const two = sql.slice(i, i + 2);
      const op = ['<>', '!=', '<=', '>=', '::'].includes(two) ? two : c;
      out.push({ k: 'op', v: op, raw: op, pos });
      i += op.length;
    }
  }
  out.push({ k: 'end', v: '', raw: '', pos: base + sql.length + 1 });
  return out;
}

/** Splits a query string at top-level semicolons: [text, offset]. */
export function splitStatements(sql: string): [string, number][] {
  const out: [string, number][] = [];
  let start = 0;
  let q: string | null = null;
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i];
    if (q) { if (c === q) q = null; continue; }
    if (c === "'" || c === '"') q = c;
    else if (c === '-' && sql[i + 1] === '-') { while (i < sql.length && sql[i] !== '\n') i++; }
    else if (c === ';') { out.push([sql.slice(start, i), start]); start = i + 1; }
  }
  out.push([sql.slice(start), start]);
  return out.filter(([s]) => s.replace(/--[^\n]*/g, '').trim() !== '');
}

// ── parser ──────────────────────────────────────────────────────────────────────────────────

export class Parser {
  i = 0;
  readonly toks: Tok[];
  constructor(toks: Tok[]) {
    this.toks = toks;
  }
  get t(): Tok {
    return this.toks[this.i];
  }
  next(): Tok {
    return this.toks[this.i++];
  }
  /** gram.y's error: `syntax error at or near "tok"`, or at end of input. */
  fail(t: Tok = this.t): never {
    if (t.k === 'end') throw new SqlError('syntax error at end of input', t.pos);
    throw new SqlError(`syntax error at or near "${t.raw}"`, t.pos);
  }
  isKw(...words: string[]): boolean {
    return this.t.k === 'ident' && !this.t.quoted && words.includes(this.t.v);
  }
  kw(...words: string[]): string {
    if (!this.isKw(...words)) this.fail();
    return this.next().v;
  }
  isOp(op: string): boolean {
    return this.t.k === 'op' && this.t.v === op;
  }
  op(op: string): void {
    if (!this.isOp(op)) this.fail();
    this.i++;
  }
  ident(): Tok & { k: 'ident' } {
    const t = this.t;
    if (t.k !== 'ident') this.fail();
    this.i++;
    return t as Tok & { k: 'ident' };
  }
  end(): void {
    if (this.t.k !== 'end') this.fail();
  }
}

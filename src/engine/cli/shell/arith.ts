/**
 * Shell arithmetic (`$((…))`), as bash and ash evaluate it: integers, variables by name (with or
 * without `$`), + - * / % ** unary - ! ~, comparisons, && ||, ?:, assignments (= += -= *= /= %=)
 * and ++/--. Errors come back as the shell's message (`division by 0 (error token is "0")`).
 */

export type ArithResult = { readonly ok: true; readonly value: number } | { readonly ok: false; readonly error: string };

interface Vars {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
}

const TOKEN = /\s*(\d+|[A-Za-z_][A-Za-z0-9_]*|\$[A-Za-z_][A-Za-z0-9_]*|\*\*|\+\+|--|[+\-*/%]=|<=|>=|==|!=|&&|\|\||[-+*/%()<>!~?:=])/y;

export function evalArith(expr: string, vars: Vars): ArithResult {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  const src = expr.trim();
  while (TOKEN.lastIndex < src.length) {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(src);
    if (!m) return { ok: false, error: `${src}: syntax error: invalid arithmetic operator (error token is "${src.slice(at).trim()}")` };
    tokens.push(m[1].startsWith('$') ? m[1].slice(1) : m[1]);
  }
  let i = 0;
  const peek = () => tokens[i];
  const next = () => tokens[i++];
  const isName = (t: string | undefined) => t !== undefined && /^[A-Za-z_]/.test(t);
  const num = (name: string) => {
    const v = vars.get(name) ?? '';
    const n = Number.parseInt(v, 10);
    return Number.isNaN(n) ? 0 : n;
  };
  class ArithError extends Error {}
  const trunc = (x: number) => Math.trunc(x) | 0;

  const primary = (): number => {
    const t = next();
    if (t === undefined) throw new ArithError(`${src}: syntax error: operand expected (error token is "${src}")`);
    if (t === '(') {
      const v = assignment();
      if (next() !== ')') throw new ArithError(`${src}: syntax error: missing ')'`);
      return v;
    }
    if (t === '-') return trunc(-unary());
    if (t === '+') return unary();
    if (t === '!') return unary() ? 0 : 1;
    if (t === '~') return ~unary();
    if (t === '++' || t === '--') {
      const name = next();
      if (!isName(name)) throw new ArithError(`${src}: syntax error: operand expected`);
      const v = num(name!) + (t === '++' ? 1 : -1);
      vars.set(name!, String(v));
      return v;
    }
    if (/^\d+$/.test(t)) return Number(t);
    if (isName(t)) {
      if (peek() === '++' || peek() === '--') {
        const op = next();
        const v = num(t);
        vars.set(t, String(v + (op === '++' ? 1 : -1)));
        return v;
      }
      return num(t);
    }
    throw new ArithError(`${src}: syntax error: operand expected (error token is "${tokens.slice(i - 1).join(' ')}")`);
  };
  const unary = primary;
  const binary = (ops: string[], sub: () => number, apply: (op: string, a: number, b: number) => number) => (): number => {
    let a = sub();
    while (ops.includes(peek() ?? '')) {
      const op = next();
      a = apply(op, a, sub());
    }
    return a;
  };
  const power = (): number => {
    const a = unary();
    if (peek() === '**') {
      next();
      return trunc(a ** power());
    }
    return a;
  };
  const mul = binary(['*', '/', '%'], power, (op, a, b) => {
    if ((op === '/' || op === '%') && b === 0) throw new ArithError(`${src}: division by 0 (error token is "${tokens[tokens.length - 1]}")`);
    return op === '*' ? trunc(a * b) : op === '/' ? trunc(a / b) : trunc(a % b);
  });
  const add = binary(['+', '-'], mul, (op, a, b) => trunc(op === '+' ? a + b : a - b));
  const rel = binary(['<', '>', '<=', '>='], add, (op, a, b) => Number(op === '<' ? a < b : op === '>' ? a > b : op === '<=' ? a <= b : a >= b));
  const eq = binary(['==', '!='], rel, (op, a, b) => Number(op === '==' ? a === b : a !== b));
  const and = binary(['&&'], eq, (_op, a, b) => Number(a !== 0 && b !== 0));
  const or = binary(['||'], and, (_op, a, b) => Number(a !== 0 || b !== 0));
  const ternary = (): number => {
    const c = or();
    if (peek() !== '?') return c;
    next();
    const a = assignment();
    if (next() !== ':') throw new ArithError(`${src}: syntax error: expected ':'`);
    const b = assignment();
    return c ? a : b;
  };
  const assignment = (): number => {
    const t = peek();
    const op = tokens[i + 1];
    if (isName(t) && op !== undefined && ['=', '+=', '-=', '*=', '/=', '%='].includes(op)) {
      i += 2;
      const rhs = assignment();
      const cur = num(t!);
      if ((op === '/=' || op === '%=') && rhs === 0) throw new ArithError(`${src}: division by 0 (error token is "${tokens[tokens.length - 1]}")`);
      const v = op === '=' ? rhs : op === '+=' ? cur + rhs : op === '-=' ? cur - rhs : op === '*=' ? cur * rhs : op === '/=' ? trunc(cur / rhs) : cur % rhs;
      vars.set(t!, String(trunc(v)));
      return trunc(v);
    }
    return ternary();
  };
  try {
    if (tokens.length === 0) return { ok: true, value: 0 };
    const v = assignment();
    if (i < tokens.length) return { ok: false, error: `${src}: syntax error in expression (error token is "${tokens.slice(i).join(' ')}")` };
    return { ok: true, value: v };
  } catch (e) {
    if (e instanceof ArithError) return { ok: false, error: e.message };
    throw e;
  }
}

/**
 * Variable substitution in Dockerfile instructions, ported from BuildKit's shell lexer
 * (bk: frontend/dockerfile/shell/lex.go `ProcessWord` / `ProcessWords`): quotes are removed,
 * `$VAR` and `${VAR}` are replaced, with the modifiers `${VAR:-word}`, `${VAR-word}`,
 * `${VAR:+word}`, `${VAR+word}` and `${VAR:?message}`. The escape character (`\` or the
 * `# escape=` one) escapes the next character outside single quotes. Used by the instructions
 * that support substitution: ADD COPY ENV EXPOSE FROM LABEL STOPSIGNAL USER VOLUME WORKDIR
 * (and ONBUILD's trigger when it runs). RUN, CMD and ENTRYPOINT are left to the shell.
 */

export type Env = ReadonlyMap<string, string>;

export class ExpandError extends Error {}

interface Words {
  words: string[];
  word: string;
  inWord: boolean;
}

const isNameStart = (c: string) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_';
const isNameChar = (c: string) => isNameStart(c) || (c >= '0' && c <= '9');
const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\r';

class Lexer {
  readonly #s: string;
  #i = 0;
  readonly #env: Env;
  readonly #escape: string;
  /** Names that were referenced but not set (for the UndefinedVar check). */
  readonly unmatched = new Set<string>();

  constructor(s: string, env: Env, escape: string) {
    this.#s = s;
    this.#env = env;
    this.#escape = escape;
  }

  #peek(): string {
    return this.#s[this.#i] ?? '';
  }
  #next(): string {
    return this.#s[this.#i++] ?? '';
  }

  /** Processes until `stop` (not consumed) or the end; returns the words (split) and the joined text. */
  process(stop: string, split: boolean): Words {
    const w: Words = { words: [], word: '', inWord: false };
    const raw = (t: string) => {
      w.word += t;
      w.inWord = true;
    };
    const addString = (t: string) => {
      if (!split) return raw(t);
      for (const c of t) {
        if (isSpace(c)) {
          if (w.inWord) {
            w.words.push(w.word);
            w.word = '';
            w.inWord = false;
          }
        } else raw(c);
      }
    };
    while (this.#i < this.#s.length) {
      const c = this.#peek();
      if (stop && c === stop) break;
      if (c === "'") {
        this.#next();
        raw('');
        raw(this.#single());
        continue;
      }
      if (c === '"') {
        this.#next();
        raw('');
        raw(this.#double());
        continue;
      }
      if (c === '$') {
        this.#next();
        addString(this.#dollar());
        continue;
      }
      if (c === this.#escape) {
        this.#next();
        if (this.#i >= this.#s.length) {
          raw(c);
          break;
        }
        raw(this.#next());
        continue;
      }
      this.#next();
      if (split && isSpace(c)) {
        if (w.inWord) {
          w.words.push(w.word);
          w.word = '';
          w.inWord = false;
        }
        continue;
      }
      raw(c);
    }
    if (w.inWord) w.words.push(w.word);
    return w;
  }

  #single(): string {
    let out = '';
    for (;;) {
      if (this.#i >= this.#s.length) throw new ExpandError('unexpected end of statement while looking for matching single-quote');
      const c = this.#next();
      if (c === "'") return out;
      out += c;
    }
  }

  #double(): string {
    let out = '';
    for (;;) {
      if (this.#i >= this.#s.length) throw new ExpandError('unexpected end of statement while looking for matching double-quote');
      const c = this.#next();
      if (c === '"') return out;
      if (c === '$') {
        out += this.#dollar();
        continue;
      }
      if (c === this.#escape) {
        const n = this.#peek();
        if (n === '"' || n === '$' || n === this.#escape) {
          out += this.#next();
          continue;
        }
      }
      out += c;
    }
  }

  #lookup(name: string): string | undefined {
    const v = this.#env.get(name);
    if (v === undefined) this.unmatched.add(name);
    return v;
  }

  #dollar(): string {
    const c = this.#peek();
    if (c === '{') {
      this.#next();
      let name = '';
      while (this.#i < this.#s.length && isNameChar(this.#peek())) name += this.#next();
      if (!name) throw new ExpandError(`missing ':' in substitution`);
      const ch = this.#next();
      if (ch === '}') return this.#lookup(name) ?? '';
      let mod = ch;
      if (ch === ':') mod += this.#next();
      if (![':-', '-', ':+', '+', ':?', '?'].includes(mod)) throw new ExpandError(`unsupported modifier (${mod}) in substitution`);
      const word = this.process('}', false).word;
      if (this.#next() !== '}') throw new ExpandError("syntax error: missing '}'");
      const v = this.#lookup(name);
      switch (mod) {
        case ':-': return v === undefined || v === '' ? word : v;
        case '-': return v === undefined ? word : v;
        case ':+': return v === undefined || v === '' ? '' : word;
        case '+': return v === undefined ? '' : word;
        default:
          if (v === undefined || (mod === ':?' && v === '')) throw new ExpandError(`${name}: ${word || 'is not allowed to be unset'}`);
          return v;
      }
    }
    if (!isNameStart(c)) return '$';
    let name = '';
    while (this.#i < this.#s.length && isNameChar(this.#peek())) name += this.#next();
    return this.#lookup(name) ?? '';
  }
}

/** ProcessWord: one word, quotes removed, variables substituted (spaces kept). */
export function processWord(s: string, env: Env, escape = '\\'): string {
  return new Lexer(s, env, escape).process('', false).word;
}

/** ProcessWords: like the shell, the result split on unquoted whitespace. */
export function processWords(s: string, env: Env, escape = '\\'): string[] {
  return new Lexer(s, env, escape).process('', true).words;
}

/** The variables a word refers to that are not set (the UndefinedVar check). */
export function unmatchedVars(s: string, env: Env, escape = '\\'): string[] {
  const l = new Lexer(s, env, escape);
  try {
    l.process('', false);
  } catch {
    return [];
  }
  return [...l.unmatched];
}

/** Env `K=V` list → map (later entries win). */
export function envMap(list: readonly string[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const kv of list) {
    const eq = kv.indexOf('=');
    if (eq < 0) m.set(kv, '');
    else m.set(kv.slice(0, eq), kv.slice(eq + 1));
  }
  return m;
}

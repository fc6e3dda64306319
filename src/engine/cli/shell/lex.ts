/**
 * The shell's lexer: cuts a command line into words, operators and newlines, the way bash's
 * `read_token` does. A word keeps its pieces (quoted or not, `$VAR`, `$(…)`) unexpanded.
 * `$(…)` is not scanned for its end here: the lexer hands the cursor to the parser
 * (`hooks.substitution`), which parses the inside in place and stops at the matching `)`.
 */
import type { Script, Word, WordPart } from './ast.ts';

export const EOF_ERROR = 'syntax error: unexpected end of file';

/** Unquoted, these end a word. */
const META: ReadonlySet<string> = new Set([' ', '\t', '\n', ';', '&', '|', '<', '>', '(', ')']);
const NAME_AT = /[A-Za-z_][A-Za-z0-9_]*/y;
const IO_NUMBER_AT = /[0-9]+(?=[<>])/y;
const BRACED_PARAM = /^(?:[A-Za-z_][A-Za-z0-9_]*|[0-9]+|[?$!#@*])$/;
const SPECIAL_PARAMS = '?$!#@*';

/** Longest first, so `&&` wins over `&` and `>>` over `>`. */
const OPERATORS = [
  '&>>', '<<<', '<<-',
  '&&', '&>', '||', ';;', '>>', '>&', '>|', '<<', '<&', '<>',
  '&', '|', ';', '(', ')', '>', '<',
] as const;

export type ControlOp = ';' | ';;' | '&' | '&&' | '|' | '||' | '(' | ')';
export type RedirOp = '>' | '>>' | '<' | '>&' | '<&' | '&>' | '&>>' | '>|' | '<>';

export type Token =
  | { readonly t: 'word'; readonly word: Word; readonly raw: string }
  | { readonly t: 'op'; readonly op: ControlOp }
  | { readonly t: 'redir'; readonly fd: number | null; readonly op: RedirOp; readonly raw: string }
  | { readonly t: 'newline' }
  | { readonly t: 'eof' };

/** Thrown inside the lexer and parser; `parse()` turns it into a failed `ParseResult`. */
export class ShellSyntaxError extends Error {
  constructor(
    message: string,
    readonly incomplete: boolean,
  ) {
    super(message);
  }
}

export function fail(message: string): never {
  throw new ShellSyntaxError(message, false);
}

/** Input ran out where more could still come: the terminal asks for a continuation line. */
export function needMore(message: string): never {
  throw new ShellSyntaxError(message, true);
}

export function unclosed(closer: string): never {
  return needMore(`unexpected EOF while looking for matching \`${closer}'`);
}

export const lit = (text: string, quoted: boolean): WordPart => ({ kind: 'lit', text, quoted });

/** The text of a word that is one unquoted literal — the only form a reserved word takes. */
export function plainText(word: Word): string | null {
  const [only] = word.parts;
  return word.parts.length === 1 && only?.kind === 'lit' && !only.quoted ? only.text : null;
}

export interface LexerHooks {
  /** Called with the cursor just after `$(`; must leave it just after the matching `)`. */
  substitution(): Script;
  /** Parses the unescaped text between backquotes. */
  backquoted(text: string): Script;
}

/** Collects a word's parts, merging runs of unquoted literal characters into one part. */
class WordBuilder {
  readonly parts: WordPart[] = [];
  private pending = '';

  text(s: string): void {
    this.pending += s;
  }

  push(part: WordPart): void {
    this.flush();
    this.parts.push(part);
  }

  done(): Word {
    this.flush();
    return { parts: this.parts };
  }

  private flush(): void {
    if (this.pending === '') return;
    this.parts.push(lit(this.pending, false));
    this.pending = '';
  }
}

export class Lexer {
  private pos = 0;

  constructor(
    private readonly src: string,
    private readonly hooks: LexerHooks,
  ) {}

  /** The next token; `$(…)` and backquotes inside a word are parsed through the hooks. */
  next(): Token {
    const { src } = this;
    for (;;) {
      const c = src[this.pos];
      if (c === ' ' || c === '\t') this.pos++;
      else if (c === '\\' && src[this.pos + 1] === '\n') this.pos += 2;
      else break;
    }
    if (src[this.pos] === '#') {
      const eol = src.indexOf('\n', this.pos);
      this.pos = eol < 0 ? src.length : eol;
    }
    if (this.pos >= src.length) return { t: 'eof' };
    if (src[this.pos] === '\n') {
      this.pos++;
      return { t: 'newline' };
    }

    const start = this.pos;
    let fd: number | null = null;
    IO_NUMBER_AT.lastIndex = this.pos;
    const io = IO_NUMBER_AT.exec(src);
    if (io) {
      fd = Number(io[0]);
      this.pos += io[0].length;
    }
    const op = OPERATORS.find((o) => src.startsWith(o, this.pos));
    if (op === undefined) return this.lexWord();
    this.pos += op.length;
    switch (op) {
      case '<<':
      case '<<-':
      case '<<<':
        return fail('here-documents are not supported');
      case '&&':
      case '||':
      case ';;':
      case '&':
      case '|':
      case ';':
      case '(':
      case ')':
        return { t: 'op', op };
      default:
        return { t: 'redir', fd, op, raw: src.slice(start, this.pos) };
    }
  }

  private lexWord(): Token {
    const { src } = this;
    const start = this.pos;
    const word = new WordBuilder();
    while (this.pos < src.length) {
      const c = src[this.pos] ?? '';
      if (META.has(c)) break;
      switch (c) {
        case '\\': {
          const code = src.codePointAt(this.pos + 1);
          if (code === undefined) return needMore(EOF_ERROR);
          const escaped = String.fromCodePoint(code);
          this.pos += 1 + escaped.length;
          if (escaped !== '\n') word.push(lit(escaped, true));
          break;
        }
        case "'": {
          const end = src.indexOf("'", this.pos + 1);
          if (end < 0) return unclosed("'");
          word.push(lit(src.slice(this.pos + 1, end), true));
          this.pos = end + 1;
          break;
        }
        case '"':
          this.lexDoubleQuoted(word);
          break;
        case '$': {
          const part = this.lexDollar(false);
          if (part) word.push(part);
          else word.text('$');
          break;
        }
        case '`':
          word.push({ kind: 'cmd', script: this.lexBackticks(false), quoted: false });
          break;
        default:
          word.text(c);
          this.pos++;
      }
    }
    return { t: 'word', word: word.done(), raw: src.slice(start, this.pos) };
  }

  /** `"…"`: only `$`, backticks and the escapes `\$ \` \" \\ \<newline>` are special. */
  private lexDoubleQuoted(word: WordBuilder): void {
    const { src } = this;
    this.pos++;
    let text = '';
    let produced = false;
    const flush = (): void => {
      if (text === '') return;
      word.push(lit(text, true));
      produced = true;
      text = '';
    };
    for (;;) {
      const c = src[this.pos];
      if (c === undefined) unclosed('"');
      if (c === '"') {
        this.pos++;
        break;
      }
      if (c === '\\') {
        const n = src[this.pos + 1];
        if (n === undefined) unclosed('"');
        if (n === '\n') {
          this.pos += 2;
        } else if (n === '$' || n === '`' || n === '"' || n === '\\') {
          text += n;
          this.pos += 2;
        } else {
          text += '\\';
          this.pos++;
        }
      } else if (c === '$') {
        const part = this.lexDollar(true);
        if (part) {
          flush();
          word.push(part);
          produced = true;
        } else {
          text += '$';
        }
      } else if (c === '`') {
        flush();
        word.push({ kind: 'cmd', script: this.lexBackticks(true), quoted: true });
        produced = true;
      } else {
        text += c;
        this.pos++;
      }
    }
    flush();
    // `""` is still an argument: an empty quoted literal keeps the word from vanishing.
    if (!produced) word.push(lit('', true));
  }

  /** At a `$`: a parameter or `$(…)`, or null (cursor past the `$`) when it is a lone `$`. */
  private lexDollar(quoted: boolean): WordPart | null {
    const { src } = this;
    const c = src[this.pos + 1] ?? '';
    if (c === '{') {
      const end = src.indexOf('}', this.pos + 2);
      if (end < 0) return unclosed('}');
      const name = src.slice(this.pos + 2, end);
      if (!BRACED_PARAM.test(name)) return fail(`\${${name}}: bad substitution`);
      this.pos = end + 1;
      return { kind: 'var', name, quoted };
    }
    if (c === '(') {
      if (src[this.pos + 2] === '(') {
        // $((expr)): find the matching `))`, counting parentheses inside.
        let depth = 0;
        for (let i = this.pos + 3; i < src.length; i++) {
          const ch = src[i];
          if (ch === '(') depth++;
          else if (ch === ')') {
            if (depth > 0) depth--;
            else if (src[i + 1] === ')') {
              const expr = src.slice(this.pos + 3, i);
              this.pos = i + 2;
              return { kind: 'arith', expr, quoted };
            } else break;
          }
        }
        return unclosed('))');
      }
      this.pos += 2;
      return { kind: 'cmd', script: this.hooks.substitution(), quoted };
    }
    NAME_AT.lastIndex = this.pos + 1;
    const name = NAME_AT.exec(src)?.[0] ?? (/[0-9]/.test(c) || SPECIAL_PARAMS.includes(c) ? c : '');
    if (c === '' || name === '') {
      this.pos++;
      return null;
    }
    this.pos += 1 + name.length;
    return { kind: 'var', name, quoted };
  }


  /** `` `…` ``: unescape `\$ \` \\` (and `\"` inside double quotes), then parse the text. */
  private lexBackticks(inDoubleQuotes: boolean): Script {
    const { src } = this;
    this.pos++;
    let inner = '';
    for (;;) {
      const c = src[this.pos];
      if (c === undefined) return unclosed('`');
      if (c === '`') {
        this.pos++;
        break;
      }
      if (c === '\\') {
        const n = src[this.pos + 1];
        if (n === undefined) return unclosed('`');
        const unescape = n === '$' || n === '`' || n === '\\' || (inDoubleQuotes && n === '"');
        inner += unescape ? n : c + n;
        this.pos += 2;
      } else {
        inner += c;
        this.pos++;
      }
    }
    try {
      return this.hooks.backquoted(inner);
    } catch (e) {
      // The backquote is closed: no continuation line can finish what is inside it.
      if (e instanceof ShellSyntaxError) fail(e.message);
      throw e;
    }
  }
}

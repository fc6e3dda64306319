/**
 * The shell's parser: a command line in, the syntax tree of `ast.ts` out — the job bash's
 * `parse.y` does before anything runs: recursive descent over the tokens of `lex.ts`, with one
 * token of lookahead. `$(…)` inside a word re-enters this parser at the lexer's cursor, so
 * quotes and parentheses inside it need no separate matching.
 *
 * Nothing is expanded here: `~`, globs, `$VAR` and `$(…)` stay as parts of their word.
 * Errors carry bash's wording (what it prints after `bash: `); `incomplete` marks input that
 * a continuation line could still finish (open quotes, `$(`, `|`, `&&`, `if` … ).
 */
import type {
  Assignment,
  Command,
  For,
  FunctionDef,
  Group,
  If,
  ListItem,
  Loop,
  ParseResult,
  Pipeline,
  AndOr,
  Redirect,
  Script,
  SimpleCommand,
  Subshell,
  Word,
} from './ast.ts';

import { EOF_ERROR, Lexer, ShellSyntaxError, fail, lit, needMore, plainText, unclosed } from './lex.ts';
import type { ControlOp, Token } from './lex.ts';

/** Parses one command line (possibly several lines joined with `\n`). Never throws. */
export function parse(src: string): ParseResult {
  try {
    return { ok: true, script: new Parser(src, 0).parseProgram() };
  } catch (e) {
    if (e instanceof ShellSyntaxError) {
      return { ok: false, incomplete: e.incomplete, error: e.message };
    }
    // NOTE: only reachable if MAX_DEPTH is set above what the JS stack can hold.
    if (e instanceof RangeError) return { ok: false, incomplete: false, error: NESTING_ERROR };
    throw e;
  }
}

const NESTING_ERROR = 'syntax error: commands nested too deeply';
/** Far beyond anything typed by hand; keeps recursion well inside the JS stack. */
const MAX_DEPTH = 200;

/** Reserved words that end a list; in command position they can only close a compound. */
const CLOSERS: ReadonlySet<string> = new Set(['then', 'elif', 'else', 'fi', 'do', 'done', '}']);
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const ASSIGNMENT_PREFIX = /^([A-Za-z_][A-Za-z0-9_]*)=/;

const isOp = (tok: Token, op: ControlOp): boolean => tok.t === 'op' && tok.op === op;
const isKeyword = (tok: Token, kw: string): boolean =>
  tok.t === 'word' && plainText(tok.word) === kw;
const isCloser = (tok: Token): boolean => {
  if (tok.t !== 'word') return false;
  const text = plainText(tok.word);
  return text !== null && CLOSERS.has(text);
};


/** `NAME=value` as the first words of a simple command; null for any other word. */
function asAssignment(word: Word): Assignment | null {
  const [first, ...rest] = word.parts;
  if (first?.kind !== 'lit' || first.quoted) return null;
  const m = ASSIGNMENT_PREFIX.exec(first.text);
  if (!m) return null;
  const tail = first.text.slice(m[0].length);
  const parts = tail === '' ? rest : [lit(tail, false), ...rest];
  // `FOO=` assigns the empty string, exactly like `FOO=''`.
  return { name: m[1] ?? '', value: { parts: parts.length > 0 ? parts : [lit('', true)] } };
}


class Parser {
  private readonly lexer: Lexer;
  private lookahead: Token | null = null;

  constructor(
    src: string,
    private depth: number,
  ) {
    if (depth > MAX_DEPTH) fail(NESTING_ERROR);
    this.lexer = new Lexer(src, {
      substitution: () => this.nested(() => this.parseSubstitution()),
      backquoted: (text) => new Parser(text, this.depth + 1).parseProgram(),
    });
  }

  parseProgram(): Script {
    const script = this.parseList();
    const tok = this.peek();
    if (tok.t !== 'eof') this.unexpected(tok);
    return script;
  }

  // ── grammar ────────────────────────────────────────────────────────────────────────────

  /** Items up to end of input, `)` or a closing reserved word; the caller checks which. */
  private parseList(): Script {
    const items: ListItem[] = [];
    for (;;) {
      this.skipNewlines();
      const tok = this.peek();
      if (tok.t === 'eof' || isOp(tok, ')') || isCloser(tok)) break;
      const andOr = this.parseAndOr();
      const sep = this.peek();
      if (isOp(sep, '&') || isOp(sep, ';') || sep.t === 'newline') {
        this.next();
        items.push({ andOr, background: isOp(sep, '&') });
      } else {
        items.push({ andOr, background: false });
        break;
      }
    }
    return { items };
  }

  /** A list that must hold at least one command (`if` conditions, loop bodies, groups). */
  private parseBody(): Script {
    const script = this.parseList();
    if (script.items.length === 0) this.unexpected(this.peek());
    return script;
  }

  private parseAndOr(): AndOr {
    const first = this.parsePipeline();
    const rest: { op: '&&' | '||'; pipeline: Pipeline }[] = [];
    for (;;) {
      const tok = this.peek();
      if (tok.t !== 'op' || (tok.op !== '&&' && tok.op !== '||')) break;
      this.next();
      this.skipNewlines();
      rest.push({ op: tok.op, pipeline: this.parsePipeline() });
    }
    return { first, rest };
  }

  private parsePipeline(): Pipeline {
    let negate = false;
    while (isKeyword(this.peek(), '!')) {
      this.next();
      negate = !negate;
    }
    const commands = [this.parseCommand()];
    while (isOp(this.peek(), '|')) {
      this.next();
      this.skipNewlines();
      commands.push(this.parseCommand());
    }
    return { negate, commands };
  }

  private parseCommand(): Command {
    const tok = this.peek();
    if (tok.t === 'word') {
      const kw = plainText(tok.word);
      switch (kw) {
        case 'if':
          return this.nested(() => this.parseIf());
        case 'while':
        case 'until':
          return this.nested(() => this.parseLoop(kw === 'until'));
        case 'for':
          return this.nested(() => this.parseFor());
        case '{':
          return this.nested(() => this.parseGroup());
        case 'function':
          return this.nested(() => this.parseFunctionKeyword());
      }
      // `!` is only a negation at the start of a pipeline (POSIX: `a | ! b` is an error).
      if (kw !== null && (CLOSERS.has(kw) || kw === '!')) this.unexpected(tok);
      return this.parseSimple();
    }
    if (isOp(tok, '(')) return this.nested(() => this.parseSubshell());
    if (tok.t === 'redir') return this.parseSimple();
    return this.unexpected(tok);
  }

  private parseSimple(): SimpleCommand | FunctionDef {
    const assigns: Assignment[] = [];
    const words: Word[] = [];
    const redirects: Redirect[] = [];
    for (;;) {
      const tok = this.peek();
      if (tok.t === 'redir') {
        redirects.push(...this.parseRedirect());
      } else if (tok.t === 'word') {
        this.next();
        const assign = words.length === 0 ? asAssignment(tok.word) : null;
        if (assign) assigns.push(assign);
        else words.push(tok.word);
      } else {
        break;
      }
    }
    if (isOp(this.peek(), '(') && words.length === 1 && assigns.length === 0 && redirects.length === 0) {
      return this.nested(() => this.parseFunctionDef(words[0]!));
    }
    return { kind: 'simple', assigns, words, redirects };
  }

  /** `NAME ( ) compound-command`: the name is read; the `(` is next. */
  private parseFunctionDef(nameWord: Word): FunctionDef {
    const name = plainText(nameWord);
    if (name === null || name === '') this.unexpected(this.peek());
    this.next();
    const close = this.peek();
    // bash reads `echo (` as the start of a function definition, too: the line ends too soon.
    if (close.t === 'eof' || close.t === 'newline') fail("syntax error near unexpected token `newline'");
    this.expectOp(')');
    this.skipNewlines();
    return { kind: 'function', name, body: this.parseFunctionBody() };
  }

  /** bash's `function NAME [()] compound-command`. */
  private parseFunctionKeyword(): FunctionDef {
    this.next();
    const nameTok = this.next();
    if (nameTok.t !== 'word') return this.unexpected(nameTok);
    const name = plainText(nameTok.word);
    if (name === null || name === '') return this.unexpected(nameTok);
    if (isOp(this.peek(), '(')) {
      this.next();
      this.expectOp(')');
    }
    this.skipNewlines();
    return { kind: 'function', name, body: this.parseFunctionBody() };
  }

  /** A function's body must be a compound command (`{ …; }`, `( … )`, `if`, `while`, `for`). */
  private parseFunctionBody(): Command {
    const tok = this.peek();
    const kw = tok.t === 'word' ? plainText(tok.word) : null;
    if (!isOp(tok, '(') && kw !== '{' && kw !== 'if' && kw !== 'while' && kw !== 'until' && kw !== 'for') this.unexpected(tok);
    return this.parseCommand();
  }

  private parseSubshell(): Subshell {
    this.next();
    const body = this.parseBody();
    this.expectOp(')');
    return { kind: 'subshell', body, redirects: this.parseTrailingRedirects() };
  }

  private parseGroup(): Group {
    this.next();
    const body = this.parseBody();
    this.expectKeyword('}');
    return { kind: 'group', body, redirects: this.parseTrailingRedirects() };
  }

  private parseIf(): If {
    this.next();
    const clauses: { cond: Script; body: Script }[] = [];
    let elseBody: Script | null = null;
    do {
      const cond = this.parseBody();
      this.expectKeyword('then');
      clauses.push({ cond, body: this.parseBody() });
    } while (this.acceptKeyword('elif'));
    if (this.acceptKeyword('else')) elseBody = this.parseBody();
    this.expectKeyword('fi');
    return { kind: 'if', clauses, elseBody, redirects: this.parseTrailingRedirects() };
  }

  private parseLoop(until: boolean): Loop {
    this.next();
    const cond = this.parseBody();
    const body = this.parseDoGroup();
    return { kind: 'while', until, cond, body, redirects: this.parseTrailingRedirects() };
  }

  /** `for NAME [in WORDS…] ; do …; done`, with `;` or newlines where POSIX allows them. */
  private parseFor(): For {
    this.next();
    const nameTok = this.next();
    if (nameTok.t !== 'word') return this.unexpected(nameTok);
    const name = plainText(nameTok.word);
    if (name === null || !NAME.test(name)) return fail(`\`${nameTok.raw}': not a valid identifier`);

    let items: Word[] | null = null;
    if (isOp(this.peek(), ';')) {
      this.next();
    } else {
      this.skipNewlines();
      if (this.acceptKeyword('in')) {
        items = [];
        for (;;) {
          const tok = this.peek();
          if (tok.t === 'word') {
            items.push(tok.word);
            this.next();
          } else if (isOp(tok, ';') || tok.t === 'newline') {
            this.next();
            break;
          } else {
            this.unexpected(tok);
          }
        }
      }
    }
    this.skipNewlines();
    const body = this.parseDoGroup();
    return { kind: 'for', name, items, body, redirects: this.parseTrailingRedirects() };
  }

  private parseDoGroup(): Script {
    this.expectKeyword('do');
    const body = this.parseBody();
    this.expectKeyword('done');
    return body;
  }

  private parseTrailingRedirects(): Redirect[] {
    const redirects: Redirect[] = [];
    while (this.peek().t === 'redir') redirects.push(...this.parseRedirect());
    return redirects;
  }

  /** One redirection token and its target; `&>` and `>&file` become two redirects. */
  private parseRedirect(): Redirect[] {
    const tok = this.next();
    if (tok.t !== 'redir') return this.unexpected(tok);
    const targetTok = this.next();
    if (targetTok.t !== 'word') {
      // Unlike a missing command, a missing file name is not continued on the next line.
      if (targetTok.t === 'newline' || targetTok.t === 'eof') {
        return fail("syntax error near unexpected token `newline'");
      }
      return this.unexpected(targetTok);
    }
    const target = targetTok.word;
    const { fd, op } = tok;
    const both = (toFile: '>' | '>>'): Redirect[] => [
      { fd: 1, op: toFile, target },
      { fd: 2, op: '>&', target: { parts: [lit('1', false)] } },
    ];
    switch (op) {
      case '>':
      case '>|':
        return [{ fd: fd ?? 1, op: '>', target }];
      case '>>':
        return [{ fd: fd ?? 1, op: '>>', target }];
      case '<':
      case '<>':
        return [{ fd: fd ?? 0, op: '<', target }];
      case '<&':
        return [{ fd: fd ?? 0, op: '<&', target }];
      case '>&': {
        // bash: `>&file` (no fd, not a number or `-`) means `&>file`.
        const text = plainText(target);
        if (fd === null && text !== null && !/^(?:[0-9]+|-)$/.test(text)) return both('>');
        return [{ fd: fd ?? 1, op: '>&', target }];
      }
      case '&>':
        return both('>');
      case '&>>':
        return both('>>');
      default: {
        const unknown: never = op;
        return fail(`unknown redirection ${String(unknown)}`);
      }
    }
  }

  /** The body of `$(…)`, parsed in place; the lexer resumes after the matching `)`. */
  private parseSubstitution(): Script {
    // NOTE: the lexer calls this from inside next(), so the lookahead slot is free here.
    const script = this.parseList();
    const tok = this.peek();
    if (tok.t === 'eof') return unclosed(')');
    if (!isOp(tok, ')')) return this.unexpected(tok);
    this.lookahead = null;
    return script;
  }

  // ── token helpers ──────────────────────────────────────────────────────────────────────

  private nested<T>(parse: () => T): T {
    if (++this.depth > MAX_DEPTH) fail(NESTING_ERROR);
    const result = parse();
    this.depth--;
    return result;
  }

  private peek(): Token {
    this.lookahead ??= this.lexer.next();
    return this.lookahead;
  }

  private next(): Token {
    const tok = this.peek();
    this.lookahead = null;
    return tok;
  }

  private skipNewlines(): void {
    while (this.peek().t === 'newline') this.next();
  }

  private acceptKeyword(kw: string): boolean {
    if (!isKeyword(this.peek(), kw)) return false;
    this.next();
    return true;
  }

  private expectKeyword(kw: string): void {
    if (!this.acceptKeyword(kw)) this.unexpected(this.peek());
  }

  private expectOp(op: ControlOp): void {
    const tok = this.peek();
    if (!isOp(tok, op)) this.unexpected(tok);
    this.next();
  }

  /** bash's complaint about `tok`; running out of input instead asks for another line. */
  private unexpected(tok: Token): never {
    switch (tok.t) {
      case 'eof':
        return needMore(EOF_ERROR);
      case 'newline':
        return fail("syntax error near unexpected token `newline'");
      case 'op':
        return fail(`syntax error near unexpected token \`${tok.op}'`);
      case 'word':
      case 'redir':
        return fail(`syntax error near unexpected token \`${tok.raw}'`);
      default: {
        const unknown: never = tok;
        return fail(`unknown token ${JSON.stringify(unknown)}`);
      }
    }
  }

}

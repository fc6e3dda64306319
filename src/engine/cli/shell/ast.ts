/**
 * The syntax tree of a POSIX-shell command line, as the host shell (bash-like) and the busybox
 * `sh` inside containers both understand it. Produced by `parse.ts`, walked by `interpreter.ts`.
 * Words keep their parts unexpanded: expansion ($VAR, $(...), ~, globs, field splitting) happens
 * at run time, because it depends on the environment and on files at that moment.
 */

export type WordPart =
  /** Literal text. `quoted` = it came from inside '…' or "…" or after a backslash (no glob, no split). */
  | { readonly kind: 'lit'; readonly text: string; readonly quoted: boolean }
  /** `$NAME`, `${NAME}`, and the specials `$?` `$$` `$!` `$#` `$0`–`$9` `$@` `$*`. */
  | { readonly kind: 'var'; readonly name: string; readonly quoted: boolean }
  /** `$(…)` or backticks. */
  | { readonly kind: 'cmd'; readonly script: Script; readonly quoted: boolean }
  /** `$((…))`: arithmetic expansion; `expr` is the text between the parentheses. */
  | { readonly kind: 'arith'; readonly expr: string; readonly quoted: boolean };

export interface Word {
  readonly parts: readonly WordPart[];
}

/**
 * `>` `>>` `<` with an optional fd before them (`2>`, `2>>`), and the duplications `>&N` / `<&N`
 * (`2>&1`: fd 2, op '>&', target "1"). `&>FILE` is represented as two redirects: `>FILE` then `2>&1`.
 */
export interface Redirect {
  readonly fd: number;
  readonly op: '>' | '>>' | '<' | '>&' | '<&';
  readonly target: Word;
}

export interface Assignment {
  readonly name: string;
  readonly value: Word;
}

export interface SimpleCommand {
  readonly kind: 'simple';
  readonly assigns: readonly Assignment[];
  readonly words: readonly Word[];
  readonly redirects: readonly Redirect[];
}

export interface Subshell {
  readonly kind: 'subshell';
  readonly body: Script;
  readonly redirects: readonly Redirect[];
}

export interface Group {
  readonly kind: 'group';
  readonly body: Script;
  readonly redirects: readonly Redirect[];
}

export interface If {
  readonly kind: 'if';
  /** `if c; then b; elif c2; then b2; …` in order. */
  readonly clauses: readonly { readonly cond: Script; readonly body: Script }[];
  readonly elseBody: Script | null;
  readonly redirects: readonly Redirect[];
}

export interface Loop {
  readonly kind: 'while';
  /** true for `until`. */
  readonly until: boolean;
  readonly cond: Script;
  readonly body: Script;
  readonly redirects: readonly Redirect[];
}

export interface For {
  readonly kind: 'for';
  readonly name: string;
  /** null for `for x; do …` (iterates over "$@"). */
  readonly items: readonly Word[] | null;
  readonly body: Script;
  readonly redirects: readonly Redirect[];
}

/** `name() compound-command` (and bash's `function name { …; }`): defines a shell function. */
export interface FunctionDef {
  readonly kind: 'function';
  readonly name: string;
  readonly body: Command;
}

export type Command = SimpleCommand | Subshell | Group | If | Loop | For | FunctionDef;

export interface Pipeline {
  /** `! cmd` */
  readonly negate: boolean;
  readonly commands: readonly Command[];
}

export interface AndOr {
  readonly first: Pipeline;
  readonly rest: readonly { readonly op: '&&' | '||'; readonly pipeline: Pipeline }[];
}

export interface ListItem {
  readonly andOr: AndOr;
  /** Ended by `&`. */
  readonly background: boolean;
}

export interface Script {
  readonly items: readonly ListItem[];
}

export type ParseResult =
  | { readonly ok: true; readonly script: Script }
  /**
   * `incomplete` = the input ended inside quotes, `$(`, after `|`/`&&`/`||`, or inside an
   * unfinished `if`/`while`/`for`: an interactive shell then asks for a continuation line (`> `).
   * `error` is the text bash prints after `bash: `, e.g. "syntax error near unexpected token `|'".
   */
  | { readonly ok: false; readonly incomplete: boolean; readonly error: string };

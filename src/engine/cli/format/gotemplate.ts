/**
 * Go's text/template, as the docker CLI runs it for `--format` / `-f` (docker/cli templates/
 * templates.go: `template.New("").Funcs(basicFunctions).Parse(format)`). Parse once, execute per
 * object; both steps throw TemplateError whose message is byte-for-byte Go's error text.
 *
 * Data is plain JS (see gotemplate/values.ts for the mapping to Go values): objects are maps,
 * numbers float64 (JSON semantics), bigint int, null a nil interface; `goStruct` builds struct
 * values with methods for docker's formatter contexts, and `typed: true` approximates executing
 * against Go structs (integral numbers are ints).
 *
 * Sources matched: go/src/text/template/{exec,funcs}.go, parse/{lex,parse,node}.go (Go 1.24),
 * go/src/fmt/{print,format}.go, go/src/strconv, go/src/encoding/json/encode.go.
 */

import { DOCKER_FUNCS } from './gotemplate/dockerfuncs.ts';
import { TemplateError } from './gotemplate/errors.ts';
import { BUILTINS } from './gotemplate/builtins.ts';
import { executeCompiled, type CompiledTemplate, type ExecOptions } from './gotemplate/exec.ts';
import { parseTrees } from './gotemplate/parse.ts';
import type { FuncMap } from './gotemplate/values.ts';

export { TemplateError } from './gotemplate/errors.ts';
export { DOCKER_FUNCS, DOCKER_HEADER_FUNCS } from './gotemplate/dockerfuncs.ts';
export { BUILTINS } from './gotemplate/builtins.ts';
export {
  GoCallError,
  GoStruct,
  NilPointer,
  goFunc,
  goStruct,
  type FuncMap,
  type GoFunction,
  type ParamType,
} from './gotemplate/values.ts';
export { sprint, sprintf, sprintln } from './gotemplate/fmt.ts';
export { dockerJSON } from './gotemplate/json.ts';
export type { ExecOptions, MissingKey } from './gotemplate/exec.ts';
export { isTableFormat, stripTable, preprocessFormat, renderTable, type PreparedFormat, type RenderTableOptions } from './dockerformat.ts';

/** A parsed template (the named template and the ones it defines). */
export type Template = CompiledTemplate;

export interface ParseOptions {
  /** Template name; docker's is "" (error messages say `template: :1: …`). */
  readonly name?: string;
  /** Functions available besides Go's builtins; docker's basicFunctions by default. */
  readonly funcs?: FuncMap;
}

/** text/template Parse. Throws TemplateError, e.g. `template: :1: unclosed action`. */
export function parseTemplate(src: string, opts: ParseOptions = {}): Template {
  const name = opts.name ?? '';
  const funcs = opts.funcs ?? DOCKER_FUNCS;
  const hasFunction = (n: string): boolean => funcs.has(n) || BUILTINS.has(n);
  const { trees } = parseTrees(name, src, hasFunction);
  return { name, text: src, trees, funcs };
}

/**
 * text/template Execute. Returns the output, or throws TemplateError (with `output` holding what
 * was written before the failure), e.g.
 * `template: :1:2: executing "" at <.Foo>: map has no entry for key "Foo"` (missingKey 'error').
 */
export function executeTemplate(t: Template, data: unknown, opts: ExecOptions = {}): string {
  return executeCompiled(t, data, opts);
}

/** Parse and execute in one step. */
export function renderTemplate(src: string, data: unknown, opts: ExecOptions & ParseOptions = {}): string {
  return executeTemplate(parseTemplate(src, opts), data, opts);
}

/** True when `e` is an error this engine raises (for callers that print Go's message). */
export function isTemplateError(e: unknown): e is TemplateError {
  return e instanceof TemplateError;
}

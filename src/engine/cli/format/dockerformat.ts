/**
 * How the docker CLI turns a --format value into output (docker/cli cli/command/formatter/
 * formatter.go, Context.Write): a leading "table" selects tab-aligned output with a header row,
 * "json" means `{{json .}}`, the literal two-character sequences \t and \n become tab and newline,
 * every row is the template executed against one object followed by "\n", and for tables the
 * header (the same template executed against the header map with HeaderFunctions, errors ignored)
 * goes first, everything through tabwriter(10, 1, 3, ' ', 0).
 */

import { DOCKER_FUNCS, DOCKER_HEADER_FUNCS } from './gotemplate/dockerfuncs.ts';
import { TemplateError } from './gotemplate/errors.ts';
import { BUILTINS } from './gotemplate/builtins.ts';
import { executeCompiled, type CompiledTemplate, type ExecOptions } from './gotemplate/exec.ts';
import { parseTrees } from './gotemplate/parse.ts';
import { DOCKER_TABWRITER, tabwrite } from './tabwriter.ts';

const TABLE_FORMAT_KEY = 'table';
const JSON_FORMAT_KEY = 'json';
const JSON_FORMAT = '{{json .}}';

/** formatter.Format.IsTable: a plain prefix test, so "tablefoo" counts too. */
export function isTableFormat(format: string): boolean {
  return format.startsWith(TABLE_FORMAT_KEY);
}

/** The format without its leading "table" (and the flag), before any other processing. */
export function stripTable(format: string): { readonly template: string; readonly isTable: boolean } {
  return isTableFormat(format)
    ? { template: format.slice(TABLE_FORMAT_KEY.length), isTable: true }
    : { template: format, isTable: false };
}

export interface PreparedFormat {
  /** The template text docker parses. */
  readonly template: string;
  readonly isTable: boolean;
}

/**
 * Context.preFormat: strip "table", map "json" to {{json .}}, trim spaces (only ' '), and replace
 * the literal sequences `\t` and `\n` with a tab and a newline.
 */
export function preprocessFormat(format: string): PreparedFormat {
  const { template, isTable } = stripTable(format);
  let final = isTable ? template : format === JSON_FORMAT_KEY ? JSON_FORMAT : format;
  final = final.replace(/^ +| +$/g, '');
  // strings.NewReplacer(`\t`, "\t", `\n`, "\n"): one left-to-right pass.
  final = final.replace(/\\[tn]/g, (m) => (m === '\\t' ? '\t' : '\n'));
  return { template: final, isTable };
}

export interface RenderTableOptions extends ExecOptions {
  /** Functions for the rows; docker's basicFunctions by default. */
  readonly rowFuncs?: CompiledTemplate['funcs'];
}

/**
 * Context.Write for a list of objects. `headers` is the header context (docker's
 * SubHeaderContext, a map from field name to column title). Throws TemplateError for parse and
 * row execution errors; docker prints them as `template parsing error: <message>`.
 */
export function renderTable(format: string, rows: readonly unknown[], headers: unknown, opts: RenderTableOptions = {}): string {
  const { template, isTable } = preprocessFormat(format);
  const funcs = opts.rowFuncs ?? DOCKER_FUNCS;
  const { trees } = parseTrees('', template, (n) => funcs.has(n) || BUILTINS.has(n));
  const tmpl: CompiledTemplate = { name: '', text: template, trees, funcs };
  let body = '';
  for (const row of rows) body += executeCompiled(tmpl, row, opts) + '\n';
  if (!isTable) return body;
  let header: string;
  try {
    header = executeCompiled(tmpl, headers, { ...opts, funcs: new Map([...funcs, ...DOCKER_HEADER_FUNCS]) });
  } catch (e) {
    // docker ignores the header's Execute error and prints whatever was written.
    if (!(e instanceof TemplateError)) throw e;
    header = e.output;
  }
  return tabwrite(header + '\n' + body, DOCKER_TABWRITER);
}

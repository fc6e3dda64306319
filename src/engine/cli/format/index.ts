/**
 * The format package's public face: docker's Go-template engine (gotemplate.ts), the --format
 * driver that adds `table`, `json` and header rows (dockerformat.ts), and the tabwriter.
 */
export * from './gotemplate.ts';
export { TabWriter, TabwriterFlag, DOCKER_TABWRITER, tabwrite, type TabwriterOptions } from './tabwriter.ts';
export { stringWidth, runeWidth } from './runewidth.ts';

import { renderTable } from './dockerformat.ts';
import { TemplateError } from './gotemplate/errors.ts';
import { renderTemplate } from './gotemplate.ts';

/** Context.Write for a list of objects (alias of renderTable). */
export const formatTable = renderTable;

/**
 * Parse and execute one format string as `docker inspect -f`, `docker version -f` and
 * `docker info -f` do: no `table`, no \t / \n replacement (alias of renderTemplate).
 */
export const executeFormat = renderTemplate;

/** The error both of the above throw (alias of TemplateError). */
export const TemplateFailure = TemplateError;
export type TemplateFailure = TemplateError;

/**
 * Output formatting shared by ps, images, stats, inspect, version, info: Go templates
 * (`--format`), the `table` directive and tab alignment as the docker CLI does it.
 */
export { formatTable, executeFormat, tabwrite, TemplateFailure } from '../format/index.ts';

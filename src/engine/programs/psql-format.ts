/**
 * psql's output of a result set in its default format: `aligned`, `border 1` (postgres
 * src/fe_utils/print.c print_aligned_text). Headers are centred, numeric columns right-aligned,
 * a left-aligned last column is not padded, a cell's embedded newline continues on the next line
 * with a `+` wrap mark, and the footer is `(N rows)` followed by an empty line.
 */

export interface PsqlColumn {
  readonly name: string;
  readonly numeric: boolean;
}

function width(s: string): number {
  return [...s].length;
}

function padEnd(s: string, w: number): string {
  return s + ' '.repeat(Math.max(0, w - width(s)));
}

function padStart(s: string, w: number): string {
  return ' '.repeat(Math.max(0, w - width(s))) + s;
}

/** Formats a table as psql prints it; `title` is centred above it (`\dt`, `\l`). */
export function formatAligned(columns: readonly PsqlColumn[], rows: readonly (readonly (string | null)[])[], opts: { title?: string; footer?: boolean } = {}): string {
  const cells = rows.map((r) => r.map((v) => (v ?? '').split('\n')));
  const widths = columns.map((c, j) => Math.max(width(c.name), ...cells.map((r) => Math.max(...r[j].map(width)))));
  const n = columns.length;
  const lines: string[] = [];
  const total = widths.reduce((a, w) => a + w + 2, 0) + Math.max(0, n - 1);
  if (opts.title !== undefined) {
    const tw = width(opts.title);
    lines.push(tw >= total ? opts.title : `${' '.repeat(Math.floor((total - tw) / 2))}${opts.title}`);
  }
  // Header: each name centred in its column, the extra space on the right.
  lines.push(` ${columns.map((c, j) => {
    const gap = widths[j] - width(c.name);
    return `${' '.repeat(Math.floor(gap / 2))}${c.name}${' '.repeat(gap - Math.floor(gap / 2))}`;
  }).join(' | ')} `);
  lines.push(widths.map((w) => '-'.repeat(w + 2)).join('+'));
  for (const row of cells) {
    const height = Math.max(1, ...row.map((c) => c.length));
    for (let k = 0; k < height; k++) {
      let line = ' ';
      for (let j = 0; j < n; j++) {
        const text = row[j][k] ?? '';
        const more = k < row[j].length - 1;
        const last = j === n - 1;
        if (columns[j].numeric) line += padStart(text, widths[j]);
        else line += last && !more ? text : padEnd(text, widths[j]);
        if (!last) line += `${more ? '+' : ' '}| `;
        else if (more) line += '+';
      }
      lines.push(line);
    }
  }
  if (opts.footer !== false) lines.push(`(${rows.length} ${rows.length === 1 ? 'row' : 'rows'})`, '');
  return `${lines.join('\n')}\n`;
}

/**
 * An ErrorResponse as psql prints it (libpq pqBuildErrorMessage3 + psql's report): `ERROR:  msg`,
 * then, with a cursor position, the statement's line as `LINE n: …` and a caret under the spot.
 */
export function formatError(query: string, message: string, position?: number, severity = 'ERROR'): string {
  let out = `${severity}:  ${message}\n`;
  if (position === undefined || position < 1) return out;
  // The line holding the position (postgres reports character offsets, 1-based).
  const chars = [...query];
  const idx = Math.min(position - 1, chars.length);
  let start = idx;
  while (start > 0 && chars[start - 1] !== '\n') start--;
  let end = idx;
  while (end < chars.length && chars[end] !== '\n') end++;
  const lineNo = chars.slice(0, start).filter((c) => c === '\n').length + 1;
  const prefix = `LINE ${lineNo}: `;
  const text = chars.slice(start, end).join('').replace(/\t/g, ' ');
  out += `${prefix}${text}\n${' '.repeat(width(prefix) + (idx - start))}^\n`;
  return out;
}

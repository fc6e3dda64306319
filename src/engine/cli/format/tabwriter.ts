/**
 * Elastic tabstops: a port of Go's text/tabwriter as the docker CLI vendors it
 * (docker/cli cli/command/formatter/tabwriter/tabwriter.go, itself go/src/text/tabwriter with
 * cell widths measured by go-runewidth). docker formats every table through
 * `tabwriter.NewWriter(out, 10, 1, 3, ' ', 0)` (cli/command/formatter/formatter.go).
 *
 * Semantics kept from Go: cells are tab-terminated, not tab-separated, so the text after the last
 * tab of a line is not part of any column; a column block is a run of consecutive lines that all
 * have a cell in that column; a line with a single cell (no tab) flushes everything before it;
 * the last line is written without a newline if the input had none.
 * Not ported: the Escape character (0xff is never a whole character in a JS string).
 */

import { stringWidth } from './runewidth.ts';

/** Formatting flags (tabwriter.FilterHTML … tabwriter.Debug). */
export const TabwriterFlag = {
  FilterHTML: 1,
  StripEscape: 2,
  AlignRight: 4,
  DiscardEmptyColumns: 8,
  TabIndent: 16,
  Debug: 32,
} as const;

export interface TabwriterOptions {
  /** Minimal cell width including any padding. */
  readonly minwidth: number;
  /** Width of a tab character when padchar is '\t'. */
  readonly tabwidth: number;
  /** Padding added to a cell before computing its width. */
  readonly padding: number;
  /** The padding character (one character). */
  readonly padchar: string;
  /** A bitwise OR of TabwriterFlag values. */
  readonly flags: number;
}

/** `tabwriter.NewWriter(out, 10, 1, 3, ' ', 0)`, docker's table writer. */
export const DOCKER_TABWRITER: TabwriterOptions = { minwidth: 10, tabwidth: 1, padding: 3, padchar: ' ', flags: 0 };

interface Cell {
  /** Length of the cell's text in the buffer (JS string units). */
  size: number;
  /** Display width in terminal cells. */
  width: number;
  /** Terminated by a horizontal tab. */
  htab: boolean;
}

/** A tabwriter.Writer: write() any number of times, then flush(); output collects in `out`. */
export class TabWriter {
  private readonly opts: TabwriterOptions;
  private readonly flags: number;
  private buf = '';
  private pos = 0;
  private cell: Cell = { size: 0, width: 0, htab: false };
  private endChar = '';
  private lines: Cell[][] = [[]];
  private widths: number[] = [];
  private readonly chunks: string[] = [];

  constructor(opts: TabwriterOptions = DOCKER_TABWRITER) {
    if (opts.minwidth < 0 || opts.tabwidth < 0 || opts.padding < 0) {
      throw new RangeError('negative minwidth, tabwidth, or padding');
    }
    this.opts = opts;
    // Tab padding enforces left-alignment.
    this.flags = opts.padchar === '\t' ? opts.flags & ~TabwriterFlag.AlignRight : opts.flags;
  }

  /** Everything written to the underlying output so far. */
  get output(): string {
    return this.chunks.join('');
  }

  private reset(): void {
    this.buf = '';
    this.pos = 0;
    this.cell = { size: 0, width: 0, htab: false };
    this.endChar = '';
    this.lines = [[]];
    this.widths = [];
  }

  private writePadding(textw: number, cellw: number, useTabs: boolean): void {
    if (this.opts.padchar === '\t' || useTabs) {
      const tw = this.opts.tabwidth;
      if (tw === 0) return; // tabs have no width - can't do any padding
      cellw = Math.ceil(cellw / tw) * tw;
      const n = cellw - textw;
      if (n < 0) throw new Error('tabwriter: internal error');
      this.chunks.push('\t'.repeat(Math.ceil(n / tw)));
      return;
    }
    if (cellw > textw) this.chunks.push(this.opts.padchar.repeat(cellw - textw));
  }

  private writeLines(pos0: number, line0: number, line1: number): number {
    let pos = pos0;
    for (let i = line0; i < line1; i++) {
      const line = this.lines[i]!;
      let useTabs = (this.flags & TabwriterFlag.TabIndent) !== 0;
      line.forEach((c, j) => {
        if (j > 0 && (this.flags & TabwriterFlag.Debug) !== 0) this.chunks.push('|');
        if (c.size === 0) {
          if (j < this.widths.length) this.writePadding(c.width, this.widths[j]!, useTabs);
        } else {
          useTabs = false;
          if ((this.flags & TabwriterFlag.AlignRight) === 0) {
            this.chunks.push(this.buf.slice(pos, pos + c.size));
            pos += c.size;
            if (j < this.widths.length) this.writePadding(c.width, this.widths[j]!, false);
          } else {
            if (j < this.widths.length) this.writePadding(c.width, this.widths[j]!, false);
            this.chunks.push(this.buf.slice(pos, pos + c.size));
            pos += c.size;
          }
        }
      });
      if (i + 1 === this.lines.length) {
        // Last buffered line: no newline, just any outstanding buffered data.
        this.chunks.push(this.buf.slice(pos, pos + this.cell.size));
        pos += this.cell.size;
      } else {
        this.chunks.push('\n');
      }
    }
    return pos;
  }

  private format(pos0: number, line0: number, line1: number): number {
    let pos = pos0;
    const column = this.widths.length;
    for (let thisLine = line0; thisLine < line1; thisLine++) {
      let line = this.lines[thisLine]!;
      if (column >= line.length - 1) continue;
      // Cell exists in this column => this line has more cells than the previous line (the last
      // cell per line is ignored because cells are tab-terminated).
      pos = this.writeLines(pos, line0, thisLine);
      line0 = thisLine;
      // Column block begin.
      let width = this.opts.minwidth;
      let discardable = true;
      for (; thisLine < line1; thisLine++) {
        line = this.lines[thisLine]!;
        if (column >= line.length - 1) break;
        const c = line[column]!;
        const w = c.width + this.opts.padding;
        if (w > width) width = w;
        if (c.width > 0 || c.htab) discardable = false;
      }
      // Column block end.
      if (discardable && (this.flags & TabwriterFlag.DiscardEmptyColumns) !== 0) width = 0;
      this.widths.push(width);
      pos = this.format(pos, line0, thisLine);
      this.widths.pop();
      line0 = thisLine;
    }
    return this.writeLines(pos, line0, line1);
  }

  private append(text: string): void {
    this.buf += text;
    this.cell.size += text.length;
  }

  private updateWidth(): void {
    this.cell.width += stringWidth(this.buf.slice(this.pos));
    this.pos = this.buf.length;
  }

  private endEscape(): void {
    if (this.endChar === ';') this.cell.width++; // an entity counts as one character
    // a tag ('>') has zero width
    this.pos = this.buf.length;
    this.endChar = '';
  }

  private terminateCell(htab: boolean): number {
    this.cell.htab = htab;
    const line = this.lines[this.lines.length - 1]!;
    line.push(this.cell);
    this.cell = { size: 0, width: 0, htab: false };
    return line.length;
  }

  private flushNoDefers(): void {
    if (this.cell.size > 0) {
      if (this.endChar !== '') this.endEscape();
      this.terminateCell(false);
    }
    this.format(0, 0, this.lines.length);
    this.reset();
  }

  /** Flush buffered text to the output; call after the last write. */
  flush(): void {
    this.flushNoDefers();
  }

  write(text: string): void {
    let n = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]!;
      if (this.endChar === '') {
        switch (ch) {
          case '\t':
          case '\v':
          case '\n':
          case '\f': {
            this.append(text.slice(n, i));
            this.updateWidth();
            n = i + 1;
            const ncells = this.terminateCell(ch === '\t');
            if (ch === '\n' || ch === '\f') {
              this.lines.push([]);
              if (ch === '\f' || ncells === 1) {
                // A line with one cell does not affect the formatting of later lines: flush.
                this.flushNoDefers();
                if (ch === '\f' && (this.flags & TabwriterFlag.Debug) !== 0) this.chunks.push('---\n');
              }
            }
            break;
          }
          case '<':
          case '&':
            if ((this.flags & TabwriterFlag.FilterHTML) !== 0) {
              this.append(text.slice(n, i));
              this.updateWidth();
              n = i;
              this.endChar = ch === '<' ? '>' : ';';
            }
            break;
        }
      } else if (ch === this.endChar) {
        this.append(text.slice(n, i + 1));
        n = i + 1;
        this.endEscape();
      }
    }
    this.append(text.slice(n));
  }
}

/**
 * Align tab-terminated cells of `text` as Go's tabwriter would (write everything, then Flush).
 * Defaults to docker's table settings.
 */
export function tabwrite(text: string, opts: TabwriterOptions = DOCKER_TABWRITER): string {
  const w = new TabWriter(opts);
  w.write(text);
  w.flush();
  return w.output;
}

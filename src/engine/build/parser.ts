/**
 * The Dockerfile parser: a thin wrapper over `dockerfile-ast` (the parser behind the VS Code
 * Docker language server) that yields what BuildKit's `frontend/dockerfile/parser` yields — one
 * node per instruction with its keyword, its original text (continuation lines joined), its
 * leading `--flags`, its remaining arguments, its JSON form when it has one, and its heredocs —
 * plus the parser directives (`# syntax=`, `# escape=`, `# check=`).
 *
 * The structure (where instructions start and end, continuations, heredoc bodies, directives,
 * the escape character) comes from dockerfile-ast; the per-instruction semantics BuildKit
 * applies on top (flag extraction, JSON arrays, heredoc markers) are ported from
 * bk: frontend/dockerfile/parser/{parser.go,line_parsers.go}.
 */
import { DockerfileParser } from 'dockerfile-ast';

// dockerfile-ast's util.isUTF8BOM calls Buffer.from on every parse; a Worker has no Buffer (toolchain P6).
(globalThis as { Buffer?: unknown }).Buffer ??= { from: (s: string) => new TextEncoder().encode(s) };

export interface Heredoc {
  /** Delimiter word (`EOF`). */
  readonly name: string;
  /** Body, each line ending in `\n` (as BuildKit keeps it). */
  readonly content: string;
  /** `<<-EOF`: leading tabs are stripped. */
  readonly chomp: boolean;
  /** Unquoted delimiter: variables in the body are expanded (COPY). */
  readonly expand: boolean;
}

export interface Flag {
  readonly name: string;
  /** null for a bare `--flag`. */
  readonly value: string | null;
  readonly raw: string;
}

/** One instruction as BuildKit's parser.Node sees it. */
export interface Node {
  /** As written (`run`, `RUN`). */
  readonly keyword: string;
  /** Upper-cased keyword. */
  readonly command: string;
  /** `RUN echo hi`: the first line for heredoc instructions, continuations joined. */
  readonly original: string;
  /** 1-based, inclusive. */
  readonly startLine: number;
  readonly endLine: number;
  readonly flags: readonly Flag[];
  /** The arguments after the flags (continuations joined, heredoc bodies left out). */
  readonly args: string;
  /** The exec (JSON array) form, when the arguments are one. */
  readonly json: readonly string[] | null;
  readonly heredocs: readonly Heredoc[];
}

export interface ParsedDockerfile {
  readonly nodes: readonly Node[];
  /** Lower-cased directive name → value (`syntax`, `escape`, `check`). */
  readonly directives: Readonly<Record<string, string>>;
  readonly escape: string;
  /** The source lines (for error excerpts). */
  readonly lines: readonly string[];
}

const isSpace = (c: string) => c === ' ' || c === '\t';

/**
 * extractBuilderFlags (bk parser/line_parsers.go): leading words that start with `--` are
 * flags, up to the first other word or a bare `--`. Quotes inside a flag word are kept.
 */
export function extractBuilderFlags(line: string): { flags: Flag[]; rest: string } {
  const flags: Flag[] = [];
  let i = 0;
  for (;;) {
    while (i < line.length && isSpace(line[i])) i++;
    if (!line.startsWith('--', i)) break;
    let j = i;
    let quote = '';
    while (j < line.length) {
      const c = line[j];
      if (quote) {
        if (c === quote) quote = '';
      } else if (c === '"' || c === "'") quote = c;
      else if (isSpace(c)) break;
      j++;
    }
    const word = line.slice(i, j);
    i = j;
    if (word === '--') break;
    const eq = word.indexOf('=');
    flags.push({ name: eq < 0 ? word.slice(2) : word.slice(2, eq), value: eq < 0 ? null : word.slice(eq + 1), raw: word });
  }
  return { flags, rest: line.slice(i).trim() };
}

/** parseJSON (bk line_parsers.go): `[ "a", "b" ]` → ['a','b'], or null when not a JSON string array. */
export function parseJsonArray(text: string): string[] | null {
  const t = text.trim();
  if (!t.startsWith('[')) return null;
  try {
    const v: unknown = JSON.parse(t);
    if (!Array.isArray(v) || !v.every((s) => typeof s === 'string')) return null;
    return v as string[];
  } catch {
    return null;
  }
}

/** A `<<EOF`, `<<-EOF`, `<<"EOF"` marker word (bk parser.ParseHeredoc), or null. */
export function heredocMarker(word: string): { name: string; chomp: boolean; expand: boolean } | null {
  if (!word.startsWith('<<')) return null;
  let w = word.slice(2);
  const chomp = w.startsWith('-');
  if (chomp) w = w.slice(1);
  let expand = true;
  const q = w[0];
  if ((q === '"' || q === "'") && w.length > 2 && w.endsWith(q)) {
    w = w.slice(1, -1);
    expand = false;
  }
  if (!w || ![...w].every((c) => /[A-Za-z0-9_]/.test(c))) return null;
  return { name: w, chomp, expand };
}

/** The instructions that may carry heredocs (bk parser.go heredocDirectives). */
const HEREDOC_COMMANDS = new Set(['ADD', 'COPY', 'RUN']);
/** Instructions whose arguments may be a JSON array (parseMaybeJSON / parseMaybeJSONToList). */
const JSON_COMMANDS = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'SHELL', 'ADD', 'COPY', 'VOLUME']);

/** Joins continuation lines the way BuildKit does (escape + newline removed). */
function joinContinuations(lines: readonly string[], escape: string): string {
  let out = '';
  lines.forEach((l, i) => {
    let line = l.replace(/\r$/, '');
    const last = i === lines.length - 1;
    const trimmed = line.replace(/[ \t]+$/, '');
    if (!last && trimmed.endsWith(escape)) line = trimmed.slice(0, -1);
    // comment lines inside a continued instruction are dropped
    if (i > 0 && line.trimStart().startsWith('#')) return;
    out += line;
  });
  return out;
}

/** Parses the text into BuildKit-like nodes. Never throws: semantic checks are in instructions.ts. */
export function parseDockerfile(text: string): ParsedDockerfile {
  const dockerfile = DockerfileParser.parse(text);
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  const escape = dockerfile.getEscapeCharacter();
  const directives: Record<string, string> = {};
  for (const d of dockerfile.getDirectives()) {
    const name = (d.getDirective() ?? '').toLowerCase();
    if (name && !(name in directives)) directives[name] = d.getValue() ?? '';
  }
  const nodes: Node[] = [];
  for (const ins of dockerfile.getInstructions()) {
    const range = ins.getRange();
    const startLine = range.start.line + 1;
    let endLine = range.end.line + 1;
    const keyword = ins.getInstruction();
    const command = keyword.toUpperCase();
    const heredocRanges = HEREDOC_COMMANDS.has(command) ? (ins as unknown as { getHeredocs(): import('dockerfile-ast').Heredoc[] }).getHeredocs() : [];
    // The instruction's own text: up to the first heredoc body, continuations joined.
    const headEnd = heredocRanges.length > 0 ? heredocRanges[0].getStartRange().start.line : range.end.line;
    const head = joinContinuations(lines.slice(range.start.line, headEnd + 1), escape);
    const kwAt = head.search(/\S/);
    const original = head.slice(kwAt).trim();
    const afterKeyword = original.slice(keyword.length);
    const { flags, rest } = extractBuilderFlags(afterKeyword);
    const heredocs: Heredoc[] = [];
    if (heredocRanges.length > 0) {
      const words = rest.split(/\s+/).filter(Boolean);
      const markers = words.map(heredocMarker).filter((m): m is NonNullable<typeof m> => m !== null);
      heredocRanges.forEach((h, i) => {
        const marker = markers[i] ?? { name: h.getName(), chomp: false, expand: true };
        const content = h.getContentRange();
        let body = content ? lines.slice(content.start.line, content.end.line + 1).map((l) => `${l}\n`).join('') : '';
        if (marker.chomp) body = body.split('\n').map((l) => l.replace(/^\t+/, '')).join('\n');
        heredocs.push({ name: marker.name, content: body, chomp: marker.chomp, expand: marker.expand });
        const end = h.getDelimiterRange();
        if (end) endLine = Math.max(endLine, end.start.line + 1);
      });
    }
    nodes.push({
      keyword, command, original, startLine, endLine, flags, args: rest,
      json: JSON_COMMANDS.has(command) && heredocs.length === 0 ? parseJsonArray(rest) : null,
      heredocs,
    });
  }
  return { nodes, directives, escape, lines };
}

/**
 * Typed Dockerfile instructions and build stages, as BuildKit's `frontend/dockerfile/
 * instructions` package builds them from the parser's nodes (bk: instructions/parse.go,
 * bflag.go, commands.go): argument-count checks, per-instruction flags (`Unknown flag: foo`),
 * `FROM … AS name`, JSON/shell forms, heredocs, `ONBUILD` restrictions, and the grouping into
 * stages with the global ARGs before the first FROM. Errors carry the real messages and the
 * source lines they point at; lint warnings (build checks) are collected on the side.
 */
import { parseDockerfile, parseJsonArray, type Flag, type Heredoc, type Node, type ParsedDockerfile } from './parser.ts';

export interface Loc {
  /** 1-based, inclusive. */
  readonly start: number;
  readonly end: number;
}

/** A build error with the Dockerfile lines it points at (BuildKit prints them as an excerpt). */
export class DockerfileError extends Error {
  readonly loc: Loc | null;
  constructor(message: string, loc: Loc | null) {
    super(message);
    this.loc = loc;
  }
}

/** A build check warning (bk: frontend/dockerfile/linter/ruleset.go). */
export interface LintWarning {
  readonly rule: string;
  readonly message: string;
  readonly line: number;
}

export interface KeyValue {
  readonly key: string;
  readonly value: string;
}

export interface ArgDecl {
  readonly key: string;
  readonly value: string | null;
}

export interface HealthConfig {
  readonly test: readonly string[];
  /** Nanoseconds; 0 = inherit. */
  readonly interval: number;
  readonly timeout: number;
  readonly startPeriod: number;
  readonly startInterval: number;
  readonly retries: number;
}

interface Base {
  readonly loc: Loc;
  /** The instruction as written (continuations joined), e.g. `RUN echo hi`. */
  readonly original: string;
  readonly keyword: string;
}

export type Instruction =
  | (Base & { readonly kind: 'RUN'; readonly cmd: readonly string[]; readonly prependShell: boolean; readonly heredocs: readonly Heredoc[] })
  | (Base & { readonly kind: 'CMD' | 'ENTRYPOINT'; readonly cmd: readonly string[]; readonly prependShell: boolean })
  | (Base & { readonly kind: 'ENV' | 'LABEL'; readonly pairs: readonly KeyValue[] })
  | (Base & { readonly kind: 'ARG'; readonly args: readonly ArgDecl[] })
  | (Base & {
      readonly kind: 'COPY' | 'ADD'; readonly sources: readonly string[]; readonly dest: string; readonly from: string; readonly chown: string;
      readonly chmod: string; readonly heredocs: readonly Heredoc[]; readonly heredocSources: readonly string[]; readonly json: boolean;
    })
  | (Base & { readonly kind: 'WORKDIR'; readonly path: string })
  | (Base & { readonly kind: 'USER'; readonly user: string })
  | (Base & { readonly kind: 'VOLUME'; readonly volumes: readonly string[]; readonly json: boolean })
  | (Base & { readonly kind: 'EXPOSE'; readonly ports: readonly string[] })
  | (Base & { readonly kind: 'HEALTHCHECK'; readonly health: HealthConfig })
  | (Base & { readonly kind: 'SHELL'; readonly shell: readonly string[] })
  | (Base & { readonly kind: 'STOPSIGNAL'; readonly signal: string })
  | (Base & { readonly kind: 'ONBUILD'; readonly expression: string })
  | (Base & { readonly kind: 'MAINTAINER'; readonly maintainer: string });

export interface Stage {
  /** Position in the Dockerfile, from 0. */
  readonly index: number;
  /** Lower-cased `AS` name, or ''. */
  readonly name: string;
  /** The image or stage named after FROM, unexpanded. */
  readonly baseName: string;
  readonly platform: string;
  readonly loc: Loc;
  readonly original: string;
  readonly commands: Instruction[];
}

export interface Dockerfile {
  readonly stages: readonly Stage[];
  /** ARGs before the first FROM. */
  readonly metaArgs: readonly ArgDecl[];
  readonly parsed: ParsedDockerfile;
  readonly warnings: readonly LintWarning[];
}

/** command.Commands (bk frontend/dockerfile/command/command.go), in sorted order. */
export const INSTRUCTIONS = ['ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL', 'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR'] as const;

/** agext/levenshtein Distance. */
function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length];
}

/** util/suggest.WrapError: ` (did you mean RUN?)` for a near miss (distance < 3), case matched. */
export function suggest(val: string, options: readonly string[]): string {
  const v = val.toLowerCase();
  let match = '';
  let min = 3;
  for (const o of options) {
    const opt = o.toLowerCase();
    if (opt === v) return '';
    const d = levenshtein(v, opt);
    if (d < min) {
      match = val === val.toLowerCase() ? opt : val === val.toUpperCase() ? opt.toUpperCase() : opt;
      min = d;
    }
  }
  return match ? ` (did you mean ${match}?)` : '';
}

/**
 * parseWords (bk parser/line_parsers.go): whitespace-separated words, quotes and escapes kept
 * in the word (they are removed later by the variable expansion).
 */
export function parseWords(rest: string, escape: string): string[] {
  const words: string[] = [];
  let word = '';
  let quote = '';
  let blank = true;
  let escaped = false;
  for (const c of rest) {
    if (escaped) {
      word += c;
      escaped = false;
      continue;
    }
    if (c === escape) {
      word += c;
      escaped = true;
      blank = false;
      continue;
    }
    if (!quote && (c === ' ' || c === '\t' || c === '\n')) {
      if (!blank) {
        words.push(word);
        word = '';
        blank = true;
      }
      continue;
    }
    blank = false;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    word += c;
  }
  if (!blank) words.push(word);
  return words;
}

const err = (msg: string) => new Error(msg);

/** BFlags.Parse: only the declared flags; strings need `=value`. */
function parseFlags(flags: readonly Flag[], decl: Record<string, 'string' | 'bool'>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of flags) {
    const type = decl[f.name];
    if (!type) throw err(`Unknown flag: ${f.name}`);
    if (f.name in out) throw err(`Duplicate flag specified: ${f.name}`);
    if (type === 'bool') {
      if (f.value === '') throw err(`Missing a value on flag: ${f.name}`);
      const lower = (f.value ?? '').toLowerCase();
      if (lower !== '' && lower !== 'true' && lower !== 'false') throw err(`Expecting boolean value for flag ${f.name}, not: ${f.value}`);
      out[f.name] = lower || 'true';
    } else {
      if (f.value === null) throw err(`Missing a value on flag: ${f.name}`);
      out[f.name] = f.value;
    }
  }
  return out;
}

/** Go's time.ParseDuration (ns), for HEALTHCHECK intervals. */
function parseGoDuration(s: string): number {
  if (s === '0') return 0;
  let total = 0;
  let i = 0;
  const units: Record<string, number> = { ns: 1, us: 1e3, µs: 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };
  if (!s) throw err(`time: invalid duration "${s}"`);
  while (i < s.length) {
    let num = '';
    while (i < s.length && ((s[i] >= '0' && s[i] <= '9') || s[i] === '.')) num += s[i++];
    let unit = '';
    while (i < s.length && !((s[i] >= '0' && s[i] <= '9') || s[i] === '.')) unit += s[i++];
    if (!num || !(unit in units)) throw err(unit && num ? `time: unknown unit "${unit}" in duration "${s}"` : `time: ${unit ? 'invalid' : 'missing unit in'} duration "${s}"`);
    total += Number(num) * units[unit];
  }
  return Math.round(total);
}

function kvps(node: Node, name: string, escape: string, warnings: LintWarning[]): KeyValue[] {
  const words = parseWords(node.args, escape);
  if (words.length === 0) throw err(`${name} must have two arguments`);
  if (!words[0].includes('=')) {
    const parts = node.args.trim().split(/[ \t]+/);
    if (parts.length < 2) throw err(`${name} must have two arguments`);
    warnings.push({ rule: 'LegacyKeyValueFormat', message: `"${name} key=value" should be used instead of legacy "${name} key value" format`, line: node.startLine });
    const key = parts[0];
    return [{ key, value: node.args.trim().slice(key.length).trim() }];
  }
  return words.map((w) => {
    const eq = w.indexOf('=');
    if (eq < 0) throw err(`Syntax error - can't find = in ${JSON.stringify(w)}. Must be of the form: name=value`);
    if (eq === 0) throw err(`${name} names can not be blank`);
    return { key: w.slice(0, eq), value: w.slice(eq + 1) };
  });
}

/** The shell or exec form: JSON strings, or the text as one argument (`PrependShell`). */
function cmdLine(node: Node): { cmd: string[]; prependShell: boolean } {
  if (node.json) return { cmd: [...node.json], prependShell: false };
  return { cmd: node.args ? [node.args] : [], prependShell: true };
}

const VALID_STAGE_NAME = /^[a-z][a-z0-9-_.]*$/;

/** ParseInstruction: one node → a typed instruction or a stage start. */
function parseInstruction(node: Node, escape: string, warnings: LintWarning[]): Instruction | Omit<Stage, 'index' | 'commands'> {
  const loc = { start: node.startLine, end: node.endLine };
  const base = { loc, original: node.original, keyword: node.keyword };
  const words = () => parseWords(node.args, escape);
  switch (node.command) {
    case 'ENV':
    case 'LABEL':
      parseFlags(node.flags, {});
      return { ...base, kind: node.command, pairs: kvps(node, node.command, escape, warnings) };
    case 'MAINTAINER': {
      const w = words();
      if (w.length !== 1 && node.args.trim() === '') throw err('MAINTAINER requires exactly one argument');
      parseFlags(node.flags, {});
      warnings.push({ rule: 'MaintainerDeprecated', message: 'Maintainer instruction is deprecated in favor of using label', line: node.startLine });
      return { ...base, kind: 'MAINTAINER', maintainer: node.args.trim() };
    }
    case 'ADD':
    case 'COPY': {
      const hasHeredocSource = node.heredocs.length > 0;
      const list = node.json ?? words();
      if (list.length < 2) throw err(`${node.command} requires at least two arguments, but only one was provided. Destination could not be determined`);
      const f = parseFlags(node.flags, node.command === 'COPY'
        ? { chown: 'string', from: 'string', chmod: 'string', link: 'bool', parents: 'bool', exclude: 'string' }
        : { chown: 'string', chmod: 'string', link: 'bool', 'keep-git-dir': 'bool', checksum: 'string', exclude: 'string' });
      const dest = list[list.length - 1];
      if (dest.startsWith('<<')) throw err(`${node.command} cannot accept a heredoc as a destination`);
      const sources: string[] = [];
      const heredocSources: string[] = [];
      for (const s of list.slice(0, -1)) {
        if (hasHeredocSource && s.startsWith('<<')) heredocSources.push(s);
        else sources.push(s);
      }
      return {
        ...base, kind: node.command, sources, dest, from: f.from ?? '', chown: f.chown ?? '', chmod: f.chmod ?? '', heredocs: node.heredocs, heredocSources, json: node.json !== null,
      };
    }
    case 'FROM': {
      const args = words();
      let name = '';
      if (args.length === 3 && args[1].toLowerCase() === 'as') {
        name = args[2].toLowerCase();
        if (!VALID_STAGE_NAME.test(name)) throw err(`invalid name for build stage: ${JSON.stringify(args[2])}, name can't start with a number or contain symbols`);
        const kw = node.keyword;
        const as = args[1];
        if ((kw === kw.toUpperCase() && as !== as.toUpperCase()) || (kw === kw.toLowerCase() && as !== as.toLowerCase())) {
          warnings.push({ rule: 'FromAsCasing', message: `'${as}' and '${kw}' keywords' casing do not match`, line: node.startLine });
        }
        if (args[2] !== name) warnings.push({ rule: 'StageNameCasing', message: `Stage name '${args[2]}' should be lowercase`, line: node.startLine });
      } else if (args.length !== 1) throw err('FROM requires either one or three arguments');
      const f = parseFlags(node.flags, { platform: 'string' });
      return { name, baseName: args[0], platform: f.platform ?? '', loc, original: node.original };
    }
    case 'ONBUILD': {
      if (!node.args.trim()) throw err('ONBUILD requires at least one argument');
      parseFlags(node.flags, {});
      const trigger = node.args.trim().split(/[ \t]/)[0].toUpperCase();
      if (trigger === 'ONBUILD') throw err('Chaining ONBUILD via `ONBUILD ONBUILD` isn\'t allowed');
      if (trigger === 'MAINTAINER' || trigger === 'FROM') throw err(`${trigger} isn't allowed as an ONBUILD trigger`);
      let expression = node.original.slice(node.keyword.length).trimStart();
      for (const h of node.heredocs) expression += `\n${h.content}${h.name}`;
      return { ...base, kind: 'ONBUILD', expression };
    }
    case 'WORKDIR': {
      const w = words();
      if (w.length !== 1) throw err('WORKDIR requires exactly one argument');
      parseFlags(node.flags, {});
      return { ...base, kind: 'WORKDIR', path: w[0] };
    }
    case 'RUN': {
      parseFlags(node.flags, { mount: 'string', network: 'string', security: 'string', device: 'string' });
      const c = cmdLine(node);
      return { ...base, kind: 'RUN', ...c, heredocs: node.heredocs };
    }
    case 'CMD':
    case 'ENTRYPOINT': {
      parseFlags(node.flags, {});
      const c = cmdLine(node);
      if (c.prependShell) warnings.push({ rule: 'JSONArgsRecommended', message: `JSON arguments recommended for ${node.command} to prevent unintended behavior related to OS signals`, line: node.startLine });
      return { ...base, kind: node.command, ...c };
    }
    case 'HEALTHCHECK': {
      const args = words();
      if (args.length === 0) throw err('HEALTHCHECK requires at least one argument');
      const typ = args[0].toUpperCase();
      if (typ === 'NONE') {
        if (args.length !== 1) throw err('HEALTHCHECK NONE takes no arguments');
        return { ...base, kind: 'HEALTHCHECK', health: { test: ['NONE'], interval: 0, timeout: 0, startPeriod: 0, startInterval: 0, retries: 0 } };
      }
      const f = parseFlags(node.flags, { interval: 'string', timeout: 'string', 'start-period': 'string', 'start-interval': 'string', retries: 'string' });
      if (typ !== 'CMD') throw err(`Unknown type ${JSON.stringify(typ)} in HEALTHCHECK (try CMD)`);
      const rest = node.args.trim().slice(args[0].length).trim();
      const json = parseJsonArray(rest);
      const cmd = json ?? (rest ? [rest] : []);
      if (cmd.length === 0) throw err('Missing command after HEALTHCHECK CMD');
      const interval = (name: string): number => {
        const v = f[name];
        if (!v) return 0;
        const d = parseGoDuration(v);
        if (d !== 0 && d < 1e6) throw err(`Interval ${JSON.stringify(name)} cannot be less than 1ms`);
        return d;
      };
      let retries = 0;
      if (f.retries) {
        if (!/^[+-]?\d+$/.test(f.retries)) throw err(`strconv.ParseInt: parsing ${JSON.stringify(f.retries)}: invalid syntax`);
        retries = Number(f.retries);
        if (retries < 0) throw err(`--retries cannot be negative (${retries})`);
      }
      return {
        ...base, kind: 'HEALTHCHECK',
        health: { test: [json ? 'CMD' : 'CMD-SHELL', ...cmd], interval: interval('interval'), timeout: interval('timeout'), startPeriod: interval('start-period'), startInterval: interval('start-interval'), retries },
      };
    }
    case 'EXPOSE': {
      const ports = words();
      if (ports.length === 0) throw err('EXPOSE requires at least one argument');
      parseFlags(node.flags, {});
      return { ...base, kind: 'EXPOSE', ports: [...ports].sort() };
    }
    case 'USER': {
      const w = words();
      if (w.length !== 1) throw err('USER requires exactly one argument');
      parseFlags(node.flags, {});
      return { ...base, kind: 'USER', user: w[0] };
    }
    case 'VOLUME': {
      const list = node.json ?? words();
      if (list.length === 0) throw err('VOLUME requires at least one argument');
      parseFlags(node.flags, {});
      for (const v of list) if (!v.trim()) throw err('VOLUME specified can not be an empty string');
      return { ...base, kind: 'VOLUME', volumes: list.map((v) => v.trim()), json: node.json !== null };
    }
    case 'STOPSIGNAL': {
      const w = words();
      if (w.length !== 1) throw err('STOPSIGNAL requires exactly one argument');
      return { ...base, kind: 'STOPSIGNAL', signal: w[0] };
    }
    case 'ARG': {
      const w = words();
      if (w.length < 1) throw err('ARG requires at least one argument');
      parseFlags(node.flags, {});
      return {
        ...base, kind: 'ARG',
        args: w.map((a) => {
          const eq = a.indexOf('=');
          if (eq === 0) throw err('ARG names can not be blank');
          return eq < 0 ? { key: a, value: null } : { key: a.slice(0, eq), value: a.slice(eq + 1) };
        }),
      };
    }
    case 'SHELL': {
      parseFlags(node.flags, {});
      if (node.json) {
        if (node.json.length === 0) throw err('SHELL requires at least one argument');
        return { ...base, kind: 'SHELL', shell: [...node.json] };
      }
      if (!node.args.trim()) throw err('SHELL requires at least one argument');
      throw err('SHELL requires the arguments to be in JSON form');
    }
    default:
      throw err(`unknown instruction: ${node.keyword}${suggest(node.keyword, INSTRUCTIONS)}`);
  }
}

/**
 * instructions.Parse: the stages and the global ARGs, or the first error (with its lines):
 * `dockerfile parse error on line N: …` for a bad instruction, `no build stage in current
 * context` for an instruction before the first FROM.
 */
export function parseStages(parsed: ParsedDockerfile): Dockerfile {
  const stages: Stage[] = [];
  const metaArgs: ArgDecl[] = [];
  const warnings: LintWarning[] = [];
  for (const node of parsed.nodes) {
    const loc = { start: node.startLine, end: node.endLine };
    let ins: ReturnType<typeof parseInstruction>;
    try {
      ins = parseInstruction(node, parsed.escape, warnings);
    } catch (e) {
      throw new DockerfileError(`dockerfile parse error on line ${node.startLine}: ${(e as Error).message}`, loc);
    }
    if (!('kind' in ins)) {
      stages.push({ ...ins, index: stages.length, commands: [] });
      continue;
    }
    if (stages.length === 0) {
      if (ins.kind === 'ARG') {
        metaArgs.push(...ins.args);
        continue;
      }
      throw new DockerfileError('no build stage in current context', loc);
    }
    stages[stages.length - 1].commands.push(ins);
  }
  return { stages, metaArgs, parsed, warnings };
}

/** The whole front half: text → stages, with BuildKit's messages for empty files. */
export function parseDockerfileText(text: string): Dockerfile {
  if (text.length === 0) throw new DockerfileError('the Dockerfile cannot be empty', null);
  const parsed = parseDockerfile(text);
  if (parsed.nodes.length === 0) throw new DockerfileError('file with no instructions', null);
  return parseStages(parsed);
}

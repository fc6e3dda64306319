/**
 * Flag parsing as the docker CLI does it (spf13/pflag under cobra): `--name value`,
 * `--name=value`, `-d`, grouped shorthands `-dit`, `-eFOO=1`, `--` to end flags, and — for
 * `run`, `create` and `exec` — flags only before the first argument (SetInterspersed(false)).
 * Errors carry pflag's exact wording; the caller adds cobra's usage footer (exit 125).
 */

export type FlagType = 'bool' | 'string' | 'list' | 'int' | 'bytes' | 'memswap' | 'decimal' | 'signal' | 'duration';

export interface FlagSpec {
  readonly name: string;
  readonly short?: string;
  readonly type: FlagType;
  readonly usage: string;
  /** Shown as "(default …)" in help. */
  readonly default?: string;
  /** Value name in help ("string", "list", "bytes", …). */
  readonly valueName?: string;
  readonly hidden?: boolean;
}

export type FlagValue = boolean | string | number | string[];

export interface ParsedFlags {
  readonly values: Map<string, FlagValue>;
  readonly args: string[];
  /** Flag names in the order given (for "which was set"). */
  readonly set: Set<string>;
}

export class FlagError extends Error {}

/** go-units RAMInBytes: `64m`, `1.5g`, `512k`, `100b` (binary multipliers). */
export function ramInBytes(s: string): number | undefined {
  const m = /^(\d+(?:\.\d+)*) ?([kKmMgGtTpP])?[iI]?[bB]?$/.exec(s);
  if (!m) return undefined;
  const n = Number(m[1]);
  if (Number.isNaN(n)) return undefined;
  const mult = { k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4, p: 1024 ** 5 }[(m[2] ?? '').toLowerCase() as 'k'] ?? 1;
  return Math.floor(n * mult);
}

/** Go's time.ParseDuration for the common cases: `10s`, `1m30s`, `500ms`, `2h`. */
export function parseDuration(s: string): number | undefined {
  if (s === '0') return 0;
  const re = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g;
  let total = 0;
  let consumed = 0;
  for (const m of s.matchAll(re)) {
    if (m.index !== consumed) return undefined;
    consumed += m[0].length;
    total += Number(m[1]) * { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[m[2] as 's'];
  }
  return consumed === s.length && consumed > 0 ? total : undefined;
}

function flagLabel(spec: FlagSpec): string {
  return spec.short ? `-${spec.short}, --${spec.name}` : `--${spec.name}`;
}

function convert(spec: FlagSpec, raw: string, prev: FlagValue | undefined): FlagValue {
  const bad = (why: string) => new FlagError(`invalid argument "${raw}" for "${flagLabel(spec)}" flag: ${why}`);
  switch (spec.type) {
    case 'bool':
      if (/^(1|t|T|TRUE|true|True)$/.test(raw)) return true;
      if (/^(0|f|F|FALSE|false|False)$/.test(raw)) return false;
      throw bad(`strconv.ParseBool: parsing "${raw}": invalid syntax`);
    case 'string':
    case 'signal':
      return raw;
    case 'list':
      return [...((prev as string[] | undefined) ?? []), raw];
    case 'int': {
      if (!/^[+-]?\d+$/.test(raw)) throw bad(`strconv.ParseInt: parsing "${raw}": invalid syntax`);
      return Number(raw);
    }
    case 'bytes': {
      const n = ramInBytes(raw);
      if (n === undefined) throw bad(`invalid size: '${raw}'`);
      return n;
    }
    case 'memswap': {
      if (raw === '-1') return -1;
      const n = ramInBytes(raw);
      if (n === undefined) throw bad(`invalid size: '${raw}'`);
      return n;
    }
    case 'decimal': {
      if (!/^\d*\.?\d+$|^\d+\.$/.test(raw)) throw bad(`failed to parse ${raw} as a rational number`);
      return Number(raw);
    }
    case 'duration': {
      const ms = parseDuration(raw);
      if (ms === undefined) throw bad(`time: invalid duration "${raw}"`);
      return ms;
    }
    default: {
      const never: never = spec.type;
      throw new Error(String(never));
    }
  }
}

/** Parses argv (without the command words). `interspersed: false` stops at the first argument. */
export function parseFlags(argv: readonly string[], specs: readonly FlagSpec[], interspersed: boolean): ParsedFlags {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short!, s]));
  const values = new Map<string, FlagValue>();
  const set = new Set<string>();
  const args: string[] = [];
  const assign = (spec: FlagSpec, raw: string) => {
    values.set(spec.name, convert(spec, raw, values.get(spec.name)));
    set.add(spec.name);
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      args.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=');
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      const spec = byName.get(name);
      if (!spec) throw new FlagError(`unknown flag: --${name}`);
      if (eq >= 0) assign(spec, a.slice(eq + 1));
      else if (spec.type === 'bool') assign(spec, 'true');
      else {
        if (i + 1 >= argv.length) throw new FlagError(`flag needs an argument: --${name}`);
        assign(spec, argv[++i]);
      }
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j];
        const spec = byShort.get(c);
        if (!spec) throw new FlagError(`unknown shorthand flag: '${c}' in ${a}`);
        if (spec.type === 'bool') {
          if (a[j + 1] === '=') {
            assign(spec, a.slice(j + 2));
            break;
          }
          assign(spec, 'true');
          continue;
        }
        const rest = a.slice(j + 1);
        if (rest) assign(spec, rest.startsWith('=') ? rest.slice(1) : rest);
        else {
          if (i + 1 >= argv.length) throw new FlagError(`flag needs an argument: '${c}' in -${c}`);
          assign(spec, argv[++i]);
        }
        break;
      }
      continue;
    }
    if (!interspersed) {
      args.push(...argv.slice(i));
      break;
    }
    args.push(a);
  }
  return { values, args, set };
}

/** Cobra's "Options:" section, aligned like pflag's FlagUsages. */
export function flagUsages(specs: readonly FlagSpec[]): string {
  const lines = specs
    .filter((s) => !s.hidden)
    .map((s) => {
      let left = s.short ? `  -${s.short}, --${s.name}` : `      --${s.name}`;
      const vn = s.valueName ?? { bool: '', string: 'string', list: 'list', int: 'int', bytes: 'bytes', memswap: 'bytes', decimal: 'decimal', signal: 'string', duration: 'duration' }[s.type];
      if (vn) left += ` ${vn}`;
      const usage = s.usage + (s.default !== undefined ? ` (default ${s.default})` : '');
      return { left, usage };
    });
  const max = Math.max(...lines.map((l) => l.left.length));
  return lines.map((l) => `${l.left.padEnd(max)}   ${l.usage.split('\n').join(`\n${' '.repeat(max + 3)}`)}`).join('\n');
}

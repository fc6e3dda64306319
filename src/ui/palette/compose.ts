/**
 * The command palette's model (pure, no React): docker verbs as data, each with the flags and
 * arguments a learner can tap, and the options for them taken from the live state (image names,
 * container names, networks, volumes) plus a few common suggestions. A `Draft` is what has been
 * tapped so far; `compose` turns it into the command line, flags in the spec's order whatever the
 * order of the taps (as `docker run --help` lists them, options before the image).
 */

/** What the palette knows of the host, from the store's snapshot. */
export interface LiveState {
  /** `repo:tag` of local images. */
  readonly images: readonly string[];
  readonly containers: readonly { readonly name: string; readonly running: boolean }[];
  /** User-defined networks (not bridge/host/none). */
  readonly networks: readonly string[];
  /** Named volumes. */
  readonly volumes: readonly string[];
}

/** Where an argument's or a flag value's options come from. */
export type Source =
  | 'image' // local images first, then common ones to pull
  | 'container' // every container
  | 'running'
  | 'stopped'
  | 'newName' // suggested names not yet taken by a container
  | 'network'
  | 'volume'
  | { readonly presets: readonly string[] };

export interface FlagSpec {
  readonly flag: string;
  /** A flag that takes a value offers these; a bare flag (`-d`) has none. */
  readonly values?: Source;
}

export type ArgKind = 'image' | 'container' | 'name' | 'command' | 'context';

export interface ArgSpec {
  readonly kind: ArgKind;
  readonly source: Source;
  readonly optional?: boolean;
}

export interface VerbSpec {
  /** The words after `docker` (`['network', 'create']`). */
  readonly words: readonly string[];
  readonly flags: readonly FlagSpec[];
  readonly args: readonly ArgSpec[];
}

/** Images suggested when the host has not pulled them yet (all on the simulated Docker Hub). */
export const COMMON_IMAGES = ['nginx', 'alpine', 'busybox', 'redis', 'progrium/stress'] as const;
/** Container names suggested for `--name`. */
export const SUGGESTED_NAMES = ['web', 'db', 'cache', 'hog', 'app'] as const;

export const VERBS: readonly VerbSpec[] = [
  {
    words: ['run'],
    flags: [
      { flag: '-d' }, { flag: '-it' }, { flag: '--rm' },
      { flag: '--name', values: 'newName' },
      { flag: '-p', values: { presets: ['8080:80'] } },
      { flag: '-m', values: { presets: ['64m', '256m'] } },
      { flag: '--cpus', values: { presets: ['0.5'] } },
      { flag: '-v', values: { presets: ['data:/data'] } },
      { flag: '--network', values: 'network' },
    ],
    args: [{ kind: 'image', source: 'image' }, { kind: 'command', source: { presets: ['sh', 'sleep 300'] }, optional: true }],
  },
  { words: ['ps'], flags: [{ flag: '-a' }, { flag: '-q' }], args: [] },
  { words: ['images'], flags: [{ flag: '-a' }], args: [] },
  { words: ['pull'], flags: [], args: [{ kind: 'image', source: 'image' }] },
  { words: ['stop'], flags: [], args: [{ kind: 'container', source: 'running' }] },
  { words: ['start'], flags: [], args: [{ kind: 'container', source: 'stopped' }] },
  { words: ['rm'], flags: [{ flag: '-f' }], args: [{ kind: 'container', source: 'container' }] },
  { words: ['logs'], flags: [{ flag: '--tail', values: { presets: ['10'] } }], args: [{ kind: 'container', source: 'container' }] },
  {
    words: ['exec'],
    flags: [{ flag: '-it' }],
    args: [{ kind: 'container', source: 'running' }, { kind: 'command', source: { presets: ['sh', 'ps', 'hostname', 'cat /etc/os-release'] } }],
  },
  { words: ['top'], flags: [], args: [{ kind: 'container', source: 'running' }] },
  { words: ['inspect'], flags: [], args: [{ kind: 'container', source: 'container' }] },
  { words: ['stats'], flags: [{ flag: '--no-stream' }], args: [{ kind: 'container', source: 'running', optional: true }] },
  { words: ['build'], flags: [{ flag: '-t', values: { presets: ['myapp', 'myapp:1.0'] } }], args: [{ kind: 'context', source: { presets: ['.'] } }] },
  { words: ['network', 'create'], flags: [], args: [{ kind: 'name', source: { presets: ['app', 'backend'] } }] },
  { words: ['network', 'ls'], flags: [], args: [] },
  { words: ['volume', 'create'], flags: [], args: [{ kind: 'name', source: { presets: ['data', 'db-data'] } }] },
  { words: ['volume', 'ls'], flags: [], args: [] },
];

export const verbId = (verb: VerbSpec): string => verb.words.join(' ');

export function findVerb(id: string): VerbSpec | undefined {
  return VERBS.find((v) => verbId(v) === id);
}

/** What has been tapped: a verb, flag values (`true` for a bare flag), one value per argument slot. */
export interface Draft {
  readonly verb: string | null;
  readonly flags: Readonly<Record<string, string | true>>;
  readonly args: readonly (string | null)[];
}

export const EMPTY_DRAFT: Draft = { verb: null, flags: {}, args: [] };

export function pickVerb(draft: Draft, id: string): Draft {
  if (draft.verb === id) return draft;
  const verb = findVerb(id);
  return verb ? { verb: id, flags: {}, args: verb.args.map(() => null) } : draft;
}

/** Taps a flag chip: a bare flag toggles; a value replaces the flag's value, or clears it when tapped again. */
export function toggleFlag(draft: Draft, flag: string, value: string | true = true): Draft {
  const { [flag]: current, ...rest } = draft.flags;
  return { ...draft, flags: current === value ? rest : { ...rest, [flag]: value } };
}

/** Taps an argument chip (again: clears it). */
export function pickArg(draft: Draft, index: number, value: string): Draft {
  const args = [...draft.args];
  args[index] = args[index] === value ? null : value;
  return { ...draft, args };
}

/** The options a source offers, given the live state (deduplicated, in a stable order). */
export function optionsFor(source: Source, live: LiveState): string[] {
  const unique = (xs: readonly string[]) => [...new Set(xs)];
  if (typeof source === 'object') return [...source.presets];
  switch (source) {
    case 'image': {
      const local = live.images.map((tag) => tag.replace(/:latest$/, ''));
      return unique([...local, ...COMMON_IMAGES]);
    }
    case 'container': return unique(live.containers.map((c) => c.name));
    case 'running': return unique(live.containers.filter((c) => c.running).map((c) => c.name));
    case 'stopped': return unique(live.containers.filter((c) => !c.running).map((c) => c.name));
    case 'newName': {
      const taken = new Set(live.containers.map((c) => c.name));
      return SUGGESTED_NAMES.filter((n) => !taken.has(n));
    }
    case 'network': return unique(live.networks);
    case 'volume': return unique(live.volumes);
    default: return assertNever(source);
  }
}

function assertNever(value: never): never {
  throw new Error(`unhandled source: ${JSON.stringify(value)}`);
}

/** Live names are plain words; anything else is single-quoted for the shell. Presets are typed as is. */
const SAFE = /^[\w./:@=,+-]+$/;
const quote = (word: string) => (SAFE.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`);

/** The command line so far (`docker` alone before a verb). */
export function compose(draft: Draft): string {
  const verb = draft.verb ? findVerb(draft.verb) : undefined;
  if (!verb) return 'docker';
  const words = ['docker', ...verb.words];
  for (const spec of verb.flags) {
    const value = draft.flags[spec.flag];
    if (value === undefined) continue;
    words.push(spec.flag);
    if (value !== true) words.push(quote(value));
  }
  verb.args.forEach((spec, i) => {
    const value = draft.args[i];
    // Commands are presets of several words (`cat /etc/os-release`): typed as they are.
    if (value) words.push(spec.kind === 'command' ? value : quote(value));
  });
  return words.join(' ');
}

/** The required arguments not chosen yet (empty when the line is ready to run). */
export function missing(draft: Draft): ArgKind[] {
  const verb = draft.verb ? findVerb(draft.verb) : undefined;
  if (!verb) return [];
  return verb.args.flatMap((spec, i) => (!spec.optional && !draft.args[i] ? [spec.kind] : []));
}

export const isComplete = (draft: Draft): boolean => draft.verb !== null && missing(draft).length === 0;

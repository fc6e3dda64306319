/**
 * The scenario format (design.md §3.4): versioned JSON describing a playground session that can be
 * replayed deterministically — the host (CPUs, memory, seed: the seed makes the IDs), the host
 * files (e.g. a Dockerfile and its context), the command lines run at the host prompt, each with
 * optional narration, and optional goals.
 *
 * `parseScenario` treats its input as hostile (it comes from a URL anyone can craft): every field
 * is checked for type, range and size; anything unexpected is rejected with the path of the
 * offending field, never half-accepted. Pure TS: shared by the worker and the UI.
 */

export const SCENARIO_VERSION = 1;

export type ScenarioLang = 'en' | 'pt-BR';
const LANGS: readonly string[] = ['en', 'pt-BR'];

export interface ScenarioHost {
  readonly cpus: number;
  /** Bytes. */
  readonly memory: number;
  readonly seed: number;
}

export interface ScenarioStep {
  /** The command line, as typed at the host prompt. */
  readonly run: string;
  /** Narration shown with the step. */
  readonly say?: string;
  /** Stop before this step until the learner continues. */
  readonly pause?: true;
}

export interface Scenario {
  readonly v: typeof SCENARIO_VERSION;
  readonly title: string;
  readonly lang: ScenarioLang;
  readonly host: ScenarioHost;
  /** Host files by path (absolute, or relative to /root), created before the first step. */
  readonly files: Readonly<Record<string, string>>;
  readonly steps: readonly ScenarioStep[];
  /** Goal ids, picked from the lessons' list. */
  readonly goals?: readonly string[];
}

/** Limits a scenario must stay within (a URL is hostile input). */
export const LIMITS = {
  title: 200,
  steps: 1000,
  run: 4096,
  say: 2000,
  files: 200,
  /** PATH_MAX on Linux. */
  path: 4096,
  fileContent: 128 * 1024,
  goals: 50,
  goal: 100,
  cpus: { min: 1, max: 64 },
  memory: { min: 64 * 1024 ** 2, max: 256 * 1024 ** 3 },
} as const;

/** Why a scenario was refused: a machine-readable code, and the field path for schema errors. */
export type ScenarioErrorCode = 'too-long' | 'not-base64' | 'not-deflate' | 'too-large' | 'not-json' | 'version' | 'schema' | 'unsupported';

export class ScenarioError extends Error {
  readonly code: ScenarioErrorCode;
  /** For `schema`: the offending field (`steps[3].run`) and what is wrong with it. */
  readonly detail: string;
  constructor(code: ScenarioErrorCode, detail = '') {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'ScenarioError';
    this.code = code;
    this.detail = detail;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function fail(path: string, problem: string): never {
  throw new ScenarioError('schema', `${path}: ${problem}`);
}

function onlyKeys(o: Record<string, unknown>, path: string, allowed: readonly string[]): void {
  for (const key of Object.keys(o)) if (!allowed.includes(key)) fail(path ? `${path}.${key}` : key, 'unknown field');
}

function str(v: unknown, path: string, max: number, opts: { nonEmpty?: boolean } = {}): string {
  if (typeof v !== 'string') fail(path, 'must be a string');
  if (v.length > max) fail(path, `longer than ${max} characters`);
  if (opts.nonEmpty && !v.trim()) fail(path, 'must not be empty');
  return v;
}

function int(v: unknown, path: string, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v)) fail(path, 'must be an integer');
  if (v < min || v > max) fail(path, `must be between ${min} and ${max}`);
  return v;
}

/** A host path a scenario may create: absolute or relative to /root, no `..`, no NUL, no empty names. */
export function scenarioPath(path: string): string | null {
  if (!path || path.length > LIMITS.path || path.includes('\0')) return null;
  const abs = path.startsWith('/') ? path : `/root/${path}`;
  const parts = abs.split('/').slice(1);
  if (parts.some((p) => p === '' || p === '.' || p === '..')) return null;
  return abs;
}

/** Validates untrusted JSON (already parsed) as a scenario; throws ScenarioError. */
export function parseScenario(data: unknown): Scenario {
  if (!isObject(data)) fail('(root)', 'must be an object');
  if (data.v !== SCENARIO_VERSION) {
    if (typeof data.v === 'number' && Number.isInteger(data.v) && data.v > SCENARIO_VERSION) throw new ScenarioError('version', String(data.v));
    fail('v', `must be ${SCENARIO_VERSION}`);
  }
  onlyKeys(data, '', ['v', 'title', 'lang', 'host', 'files', 'steps', 'goals']);
  const title = str(data.title, 'title', LIMITS.title);
  if (typeof data.lang !== 'string' || !LANGS.includes(data.lang)) fail('lang', `must be one of ${LANGS.join(', ')}`);
  const lang = data.lang as ScenarioLang;

  if (!isObject(data.host)) fail('host', 'must be an object');
  onlyKeys(data.host, 'host', ['cpus', 'memory', 'seed']);
  const host: ScenarioHost = {
    cpus: int(data.host.cpus, 'host.cpus', LIMITS.cpus.min, LIMITS.cpus.max),
    memory: int(data.host.memory, 'host.memory', LIMITS.memory.min, LIMITS.memory.max),
    seed: int(data.host.seed, 'host.seed', 0, 0xffffffff),
  };

  if (!isObject(data.files)) fail('files', 'must be an object');
  const entries = Object.entries(data.files);
  if (entries.length > LIMITS.files) fail('files', `more than ${LIMITS.files} files`);
  const files: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [path, content] of entries) {
    const where = `files[${JSON.stringify(path.slice(0, 80))}]`;
    if (!scenarioPath(path)) fail(where, 'not a valid file path');
    files[path] = str(content, where, LIMITS.fileContent);
  }

  if (!Array.isArray(data.steps)) fail('steps', 'must be a list');
  if (data.steps.length > LIMITS.steps) fail('steps', `more than ${LIMITS.steps} steps`);
  const steps = data.steps.map((s: unknown, i): ScenarioStep => {
    const path = `steps[${i}]`;
    if (!isObject(s)) fail(path, 'must be an object');
    onlyKeys(s, path, ['run', 'say', 'pause']);
    const run = str(s.run, `${path}.run`, LIMITS.run, { nonEmpty: true });
    const step: { run: string; say?: string; pause?: true } = { run };
    if (s.say !== undefined) step.say = str(s.say, `${path}.say`, LIMITS.say);
    if (s.pause !== undefined) {
      if (typeof s.pause !== 'boolean') fail(`${path}.pause`, 'must be true or false');
      if (s.pause) step.pause = true;
    }
    return step;
  });

  const scenario: { -readonly [K in keyof Scenario]: Scenario[K] } = { v: SCENARIO_VERSION, title, lang, host, files, steps };
  if (data.goals !== undefined) {
    if (!Array.isArray(data.goals)) fail('goals', 'must be a list');
    if (data.goals.length > LIMITS.goals) fail('goals', `more than ${LIMITS.goals} goals`);
    scenario.goals = data.goals.map((g: unknown, i) => {
      const id = str(g, `goals[${i}]`, LIMITS.goal, { nonEmpty: true });
      if (!/^[a-z0-9][a-z0-9.-]*$/.test(id)) fail(`goals[${i}]`, 'not a goal id');
      return id;
    });
  }
  return scenario;
}

/** The index of the first step a replay stops before (`pause`), or the number of steps. */
export function firstPause(s: Scenario): number {
  const i = s.steps.findIndex((step) => step.pause);
  return i < 0 ? s.steps.length : i;
}

/**
 * Sessions and scenarios, both ways (runs where the engine runs: the worker, tests, the bench).
 *
 * - `sessionToScenario`: the steps are the lines entered at the host prompt; the files are those
 *   the learner created or edited in the editor, as the editor left them (replaying the editor's
 *   changes on a map of paths — renames and deletes included).
 * - `playScenario`: into a fresh engine built with `scenarioEngineOptions`, creates the files
 *   (and their directories), then runs each step to the next prompt, jumping over idle time —
 *   up to the first step marked `pause` (the rest are the viewer's to step through).
 */
import type { Engine, EngineOptions } from '../engine/index.ts';
import { firstPause, SCENARIO_VERSION, scenarioPath, type Scenario, type ScenarioLang } from './format.ts';

/** How long one step may take in virtual time before the next is typed anyway. */
export const STEP_LIMIT_MS = 2 * 60_000;
/**
 * A scenario comes from a URL anyone can craft: a thousand busy steps must not hang the worker.
 * Past this much virtual time in all, the remaining steps are not played.
 */
export const SCENARIO_LIMIT_MS = 30 * 60_000;

export function scenarioEngineOptions(s: Scenario): EngineOptions {
  return { cpus: s.host.cpus, memoryBytes: s.host.memory, seed: s.host.seed };
}

const under = (path: string, dir: string) => path === dir || path.startsWith(`${dir}/`);

export function sessionToScenario(engine: Engine, meta: { readonly title: string; readonly lang: ScenarioLang }): Scenario {
  const files = new Map<string, string>();
  for (const e of engine.journal) {
    if (e.k !== 'file') continue;
    const c = e.change;
    switch (c.op) {
      case 'write':
        files.set(c.path, c.content);
        break;
      case 'createFile':
        if (!files.has(c.path)) files.set(c.path, '');
        break;
      case 'mkdir':
        break;
      case 'rename':
        for (const [p, content] of [...files]) {
          if (!under(p, c.from)) continue;
          files.delete(p);
          files.set(c.to + p.slice(c.from.length), content);
        }
        break;
      case 'delete':
        for (const p of [...files.keys()]) if (under(p, c.path)) files.delete(p);
        break;
    }
  }
  const o = engine.machine.options;
  return {
    v: SCENARIO_VERSION,
    title: meta.title,
    lang: meta.lang,
    host: { cpus: o.cpus, memory: o.memoryBytes, seed: o.seed },
    files: Object.fromEntries([...files].filter(([p]) => scenarioPath(p) !== null)),
    steps: engine.promptLines.filter((l) => l.line.trim()).map((l) => ({ run: l.line })),
  };
}

/** Plays a scenario's files and its steps before the first pause into `engine` (built with scenarioEngineOptions). */
export function playScenario(engine: Engine, s: Scenario, stepLimitMs = STEP_LIMIT_MS): void {
  engine.runUntilInput(stepLimitMs);
  for (const [name, content] of Object.entries(s.files)) {
    const path = scenarioPath(name);
    if (!path) continue;
    const parts = path.split('/').slice(1, -1);
    for (let i = 1; i <= parts.length; i++) {
      const dir = `/${parts.slice(0, i).join('/')}`;
      const r = engine.files({ op: 'list', path: dir });
      if (!r.ok) engine.files({ op: 'mkdir', path: dir });
    }
    engine.files({ op: 'write', path, content });
  }
  const end = engine.now + SCENARIO_LIMIT_MS;
  for (const step of s.steps.slice(0, firstPause(s))) {
    if (engine.now >= end) break;
    engine.submitLine(step.run);
    engine.runUntilInput(stepLimitMs);
  }
}

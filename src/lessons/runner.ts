/**
 * The headless lesson runner: replays a lesson's reference solution in a fresh engine, after
 * writing the lesson's host files, exactly as `npm run sim` feeds lines (a foreground command still
 * running after the timeout gets Ctrl-C), and reports which goals the final snapshot meets and
 * which hints still match. The only file of `src/lessons/` that runs engine code; the UI never
 * imports it.
 */
import { createEngine, type Engine } from '../engine/index.ts';
import { DEFAULT_TIMEOUT_MS, stripAnsi } from '../engine/sim.ts';
import type { Snapshot } from '../engine/snapshot.ts';
import { activeHints, metGoals } from './evaluate.ts';
import { lessonFilePath } from './files.ts';
import type { Lesson } from './types.ts';

export interface Replay {
  readonly snapshot: Snapshot;
  readonly transcript: string;
  /** Goals met along the way (latched after each step, as the Lessons panel does), in the lesson's order. */
  readonly met: readonly string[];
  /** Hints still matching at the end. */
  readonly hints: readonly string[];
}

/** Writes the lesson's files into the host filesystem, creating their directories. */
function writeFiles(engine: Engine, files: Readonly<Record<string, string>>): void {
  for (const [name, content] of Object.entries(files)) {
    const path = lessonFilePath(name);
    const parts = path.split('/').slice(1, -1);
    for (let i = 1; i <= parts.length; i++) {
      const dir = `/${parts.slice(0, i).join('/')}`;
      if (!engine.files({ op: 'list', path: dir }).ok) engine.files({ op: 'mkdir', path: dir });
    }
    const written = engine.files({ op: 'write', path, content });
    if (!written.ok) throw new Error(`cannot write ${path}`);
  }
}

export function replaySolution(lesson: Lesson, timeoutMs = DEFAULT_TIMEOUT_MS): Replay {
  const memoryBytes = lesson.host?.memory;
  const engine = createEngine({
    headless: true,
    ...(lesson.host?.seed !== undefined ? { seed: lesson.host.seed } : {}),
    ...(lesson.host?.cpus ? { cpus: lesson.host.cpus } : {}),
    ...(memoryBytes ? { memoryBytes } : {}),
  });
  engine.runUntilInput(timeoutMs);
  writeFiles(engine, lesson.files ?? {});
  engine.takeOutput();
  let transcript = '';
  // Goals latch as the learner goes (as the Lessons panel latches them): met once, met.
  const latched = new Set<string>();
  for (const line of lesson.solution) {
    transcript += `$ ${line}\n`;
    engine.submitLine(line);
    if (!engine.runUntilInput(timeoutMs)) {
      engine.input('\x03');
      engine.runUntilInput(timeoutMs);
    }
    transcript += stripAnsi(engine.takeOutput());
    for (const id of metGoals(lesson, engine.snapshot())) latched.add(id);
  }
  if (engine.bugs.length) throw new Error(`engine bug:\n${engine.bugs.join('\n')}`);
  const snapshot = engine.snapshot();
  const met = lesson.goals.map((g) => g.id).filter((id) => latched.has(id));
  return { snapshot, transcript, met, hints: activeHints(lesson, snapshot, new Set(met)).map((h) => h.id) };
}

/**
 * Transcript tests: every tests/transcripts/*.txt is a recorded session — `$ COMMAND` lines
 * and the exact output real docker would print. Each is replayed through the headless runner on
 * a fresh playground and must match byte for byte. An optional first line
 * `# sim: --seed N --cpus N --memory SIZE --disk SIZE` sets the host.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSimArgs, runLines } from '../src/engine/sim.ts';

const dir = join(import.meta.dirname, 'transcripts');
const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();

export function parseTranscript(text: string): { args: string[]; commands: string[]; expected: string } {
  let lines = text.split('\n');
  let args: string[] = [];
  if (lines[0]?.startsWith('# sim:')) {
    args = lines[0].slice('# sim:'.length).trim().split(/\s+/).filter(Boolean);
    lines = lines.slice(1);
  }
  const expected = lines.join('\n');
  const commands = lines.filter((l) => l.startsWith('$ ')).map((l) => l.slice(2));
  return { args, commands, expected };
}

describe('transcripts', () => {
  it('has transcripts to replay', () => {
    expect(files.length).toBeGreaterThan(0);
  });
  for (const file of files) {
    it(file, () => {
      const { args, commands, expected } = parseTranscript(readFileSync(join(dir, file), 'utf8'));
      const { options, error } = parseSimArgs(args);
      expect(error).toBeUndefined();
      const { text } = runLines(commands, options);
      expect(text).toBe(expected);
    });
  }
});

// `npm run --silent sim -- FILE` (FILE `-` = stdin): the headless runner of design.md §3.2.
import { readFileSync } from 'node:fs';
import { parseSimArgs, runLines } from '../src/engine/sim.ts';

const { options, rest, error } = parseSimArgs(process.argv.slice(2));
if (error || rest.length !== 1) {
  console.error(error ?? 'usage: npm run --silent sim -- [--seed N] [--cpus N] [--memory SIZE] [--disk SIZE] [--timeout SECONDS] FILE   (FILE - reads stdin)');
  process.exit(2);
}
let text: string;
try {
  text = readFileSync(rest[0] === '-' ? 0 : rest[0], 'utf8');
} catch (e) {
  console.error(`sim: cannot read ${rest[0]}: ${(e as Error).message}`);
  process.exit(2);
}
const lines = text.split('\n').filter((l, i, all) => !(i === all.length - 1 && l === ''));
try {
  process.stdout.write(runLines(lines, options).text);
} catch (e) {
  console.error(`sim: the engine failed: ${(e as Error).stack ?? e}`);
  process.exit(1);
}

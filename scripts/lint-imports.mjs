// Enforces the one-way dependencies of style.md and the engine's purity (design.md §1).
//   engine/   imports only engine/ (plus a few pure packages); no DOM, timers, clocks or Math.random
//   worker/   protocol.ts imports engine *types* only; host.ts may import the engine
//   store/    imports protocol and engine types, never engine code
//   ui/       imports store, the worker client, i18n and engine types only
//   scenario/ the scenario format and its URL codec (worker and UI): engine types only
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname, sep } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const src = join(root, 'src');
const ENGINE_PACKAGES = new Set(['@noble/hashes/sha2.js', '@noble/hashes/utils.js', 'dockerfile-ast']);
const ENGINE_BANNED = [
  [/\bDate\.now\s*\(/, 'Date.now() (use the virtual clock)'],
  [/\bnew Date\(\s*\)/, 'new Date() without a virtual timestamp'],
  [/\bMath\.random\s*\(/, 'Math.random() (use engine/random.ts)'],
  [/\b(setTimeout|setInterval|requestAnimationFrame|queueMicrotask)\s*\(/, 'timers (the worker owns real time)'],
  [/\bperformance\.now\s*\(/, 'performance.now()'],
  [/\b(window|document|navigator|localStorage)\./, 'the DOM'],
];

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* files(p);
    else if (/\.(ts|tsx)$/.test(name)) yield p;
  }
}

const importRe = /^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm;
const errors = [];

function area(file) {
  const rel = relative(src, file).split(sep);
  return rel[0];
}

for (const file of files(src)) {
  const text = readFileSync(file, 'utf8');
  const rel = relative(root, file);
  const from = area(file);
  const isTest = /\.test\.tsx?$/.test(file);
  if (from === 'engine' && !isTest) {
    const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
    for (const [re, what] of ENGINE_BANNED) if (re.test(code)) errors.push(`${rel}: the engine must not use ${what}`);
  }
  for (const m of text.matchAll(importRe)) {
    const typeOnly = Boolean(m[2]);
    const spec = m[3] ?? m[4] ?? m[5];
    if (!spec) continue;
    const isRelative = spec.startsWith('.');
    const target = isRelative ? area(resolve(dirname(file), spec)) : null;
    const say = (why) => errors.push(`${rel}: import '${spec}' ${why}`);
    if (isTest) continue; // tests may reach across to build states
    switch (from) {
      case 'engine':
        if (isRelative && target !== 'engine') say('leaves the engine');
        if (!isRelative && !ENGINE_PACKAGES.has(spec)) say('is not an allowed engine dependency');
        break;
      case 'worker':
        if (file.endsWith('protocol.ts') && isRelative && target === 'engine' && !typeOnly) say('must be `import type` (protocol holds types only)');
        if (isRelative && !['engine', 'worker', 'scenario'].includes(target)) say(': the worker imports only the engine (and the scenario format)');
        break;
      case 'store':
        if (isRelative && target === 'engine' && !typeOnly) say('must be `import type`: the store never runs engine code');
        if (isRelative && target === 'worker' && !/protocol|client/.test(spec)) say(': the store imports only the protocol and the client');
        if (isRelative && target === 'ui') say(': the store never imports the UI');
        break;
      case 'ui':
        if (isRelative && target === 'engine' && !typeOnly) say('must be `import type`: the UI never runs engine code');
        if (isRelative && target === 'worker' && !/protocol|client/.test(spec)) say(': the UI talks to the worker only through its client');
        break;
      case 'i18n':
        if (isRelative && !['i18n'].includes(target)) say(': i18n stands alone');
        break;
      case 'scenario':
        // The scenario format is shared by the worker and the UI: pure TS, engine types only.
        if (isRelative && target === 'engine' && !typeOnly) say('must be `import type`: the scenario format runs in the UI too');
        if (isRelative && !['engine', 'scenario'].includes(target)) say(': the scenario format imports only engine types');
        break;
      default:
        break;
    }
  }
}

if (errors.length) {
  console.error(errors.join('\n'));
  console.error(`\nlint: ${errors.length} import rule violation(s)`);
  process.exit(1);
}
console.log('lint: imports and engine purity OK');

// Runs the Playwright suite in real Chromium, found by scripts/find-chromium.mjs.
import { spawnSync } from 'node:child_process';
import { findChromium, NO_CHROMIUM_HELP } from './find-chromium.mjs';

const chromium = await findChromium();
if (!chromium) {
  console.error(NO_CHROMIUM_HELP);
  process.exit(1);
}
console.log(`e2e: using Chromium at ${chromium}`);
const result = spawnSync('npx', ['playwright', 'test', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, CHROMIUM_PATH: chromium, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' },
});
process.exit(result.status ?? 1);

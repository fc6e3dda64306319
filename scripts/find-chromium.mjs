// Finds a Chromium for the browser tests and the benchmarks: $CHROMIUM_PATH, Debian's chromium,
// Google Chrome, or a browser Playwright downloaded itself. Returns undefined when there is none.
import { existsSync } from 'node:fs';

export async function findChromium() {
  const candidates = [
    process.env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/lib/chromium/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
  ].filter(Boolean);
  for (const path of candidates) if (existsSync(path)) return path;
  try {
    const { chromium } = await import('playwright-core');
    const own = chromium.executablePath();
    if (own && existsSync(own)) return own;
  } catch {
    // playwright-core missing or without a browser of its own: fall through
  }
  return undefined;
}

export const NO_CHROMIUM_HELP = `No Chromium found for the browser tests.
Install one of:
  - Debian/Ubuntu:  sudo apt-get install -y chromium        (gives /usr/bin/chromium)
  - any system:     npx playwright install chromium          (Playwright's own build)
or point CHROMIUM_PATH at a Chromium or Chrome binary:  CHROMIUM_PATH=/path/to/chrome npm test`;

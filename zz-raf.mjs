import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
await page.addInitScript(() => {
  const orig = window.requestAnimationFrame.bind(window);
  window.__raf = new Map();
  window.requestAnimationFrame = (cb) => { const st = (new Error().stack || '').split('\n').slice(2, 5).map((l) => l.trim().replace(/\(http.*\/assets\//, '(').replace(/\)$/, '')).join(' < '); window.__raf.set(st, (window.__raf.get(st) ?? 0) + 1); return orig(cb); };
});
await page.goto('http://127.0.0.1:4180/?fixture=' + (process.argv[2] ?? 'many'));
await page.waitForSelector('.react-flow__node-process');
await page.waitForTimeout(1500);
await page.evaluate(() => window.__raf.clear());
await page.waitForTimeout(2000);
console.log(await page.evaluate(() => [...window.__raf.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, v]) => `${v}  ${k}`).join('\n')));
await browser.close();

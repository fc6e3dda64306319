import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
async function run(label, css, fixture = 'many') {
  const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  await page.goto('http://127.0.0.1:4180/?fixture=' + fixture);
  await page.waitForSelector('.react-flow__node-process');
  if (css) await page.addStyleTag({ content: css });
  await page.waitForTimeout(1500);
  const r = await page.evaluate(() => new Promise((resolve) => { let f = 0; const s = performance.now(); let last = s, worst = 0; const tick = (n) => { f++; worst = Math.max(worst, n - last); last = n; if (n - s < 3000) requestAnimationFrame(tick); else resolve({ fps: f * 1000 / (n - s), worst }); }; requestAnimationFrame(tick); }));
  console.log(label.padEnd(30), r.fps.toFixed(1), 'worst', r.worst.toFixed(0));
  await page.close();
}
await run('baseline', '');
await run('no cgroups', '.area-cgroups{display:none}');
await run('no processes', '.area-processes{display:none}');
await run('no terminal', '.area-terminal{display:none}');
await run('none', '.area-cgroups,.area-processes,.area-terminal{display:none}');
await run('still fixture', '', 'still');
await browser.close();

import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
for (const q of ['?fixture=still', '']) {
  const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text().slice(0, 160)); });
  page.on('pageerror', (e) => errors.push('pageerror ' + e.message.slice(0, 160)));
  await page.goto('http://127.0.0.1:5199/' + q);
  await page.waitForTimeout(4000);
  const info = await page.evaluate(() => ({ banner: document.querySelector('.banner')?.textContent ?? null, nodes: document.querySelectorAll('.react-flow__node').length, term: window.__playground?.terminalText().slice(0, 80) }));
  console.log(q || '(worker)', JSON.stringify(info), errors.slice(0, 3));
  await page.screenshot({ path: `/tmp/scratch/dev${q ? '-fixture' : ''}.png` });
  await page.close();
}
await browser.close();

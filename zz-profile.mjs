import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
await page.goto('http://127.0.0.1:4180/?fixture=' + (process.argv[2] ?? 'still'));
await page.waitForSelector('.react-flow__node-process');
await page.waitForTimeout(1500);
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Profiler.start');
if ((process.argv[2] ?? 'still') === 'still') {
  for (let i = 0; i < 6; i++) {
    const r = await page.evaluate(() => new Promise((resolve) => {
      const { masterPid: pid, sentAt } = window.__playground.fixture.addContainer(4);
      const check = () => { const el = document.querySelector(`.react-flow__node[data-id="p${pid}"]`); if (el && getComputedStyle(el).visibility !== 'hidden') resolve(performance.now() - sentAt); else requestAnimationFrame(check); };
      check();
    }));
    console.log('visible after', r.toFixed(1));
    await page.waitForTimeout(300);
  }
} else {
  await page.waitForTimeout(3000);
}
const { profile } = await cdp.send('Profiler.stop');
const self = new Map();
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const dt = profile.timeDeltas; 
const counts = new Map();
profile.samples.forEach((id, i) => counts.set(id, (counts.get(id) ?? 0) + (dt[i] ?? 0)));
for (const [id, us] of counts) { const n = byId.get(id); const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`; self.set(key, (self.get(key) ?? 0) + us); }
const total = [...self.values()].reduce((a, b) => a + b, 0);
console.log('total ms', (total / 1000).toFixed(0));
for (const [k, v] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log((v / 1000).toFixed(1).padStart(8), k);
await browser.close();

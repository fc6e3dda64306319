import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
await page.goto('http://127.0.0.1:4180/?fixture=many');
await page.waitForSelector('.react-flow__node-process');
await page.waitForTimeout(1500);
const cdp = await page.context().newCDPSession(page);
await cdp.send('DOM.getDocument', { depth: -1 });
await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline.invalidationTracking', transferMode: 'ReturnAsStream' });
await page.waitForTimeout(1000);
const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
await cdp.send('Tracing.end');
const { stream } = await done;
let data = '';
for (;;) { const c = await cdp.send('IO.read', { handle: stream }); data += c.data; if (c.eof) break; }
const events = JSON.parse(data).traceEvents ?? JSON.parse(data);
const inv = new Map();
for (const e of events) {
  if (!/Invalidat|StyleRecalc|ScheduleStyle/.test(e.name)) continue;
  const d = e.args?.data ?? {};
  const key = `${e.name} ${d.nodeName ?? ''} ${d.reason ?? ''}`;
  inv.set(key, (inv.get(key) ?? 0) + 1);
}
for (const [k, v] of [...inv.entries()].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(String(v).padStart(5), k);
await browser.close();

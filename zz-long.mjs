import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
await page.goto('http://127.0.0.1:4180/?fixture=many');
await page.waitForSelector('.react-flow__node-process');
if (process.argv[2]) await page.addStyleTag({ content: process.argv[2] });
await page.waitForTimeout(1500);
const cdp = await page.context().newCDPSession(page);
await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReturnAsStream' });
await page.waitForTimeout(3000);
const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
await cdp.send('Tracing.end');
const { stream } = await done;
let data = '';
for (;;) { const c = await cdp.send('IO.read', { handle: stream }); data += c.data; if (c.eof) break; }
const events = JSON.parse(data).traceEvents ?? JSON.parse(data);
const sums = new Map(); const counts = new Map();
for (const e of events) if (e.ph === 'X' && e.dur) { sums.set(e.name, (sums.get(e.name) ?? 0) + e.dur); counts.set(e.name, (counts.get(e.name) ?? 0) + 1); }
for (const [k, v] of [...sums.entries()].sort((a, b) => b[1] - a[1]).filter(([k]) => ['Layerize','FunctionCall','Paint','RasterTask','UpdateLayoutTree','Layout','PrePaint','Commit','FireAnimationFrame'].includes(k))) console.log((v / 1000).toFixed(1).padStart(8), String(counts.get(k)).padStart(5), k);
await browser.close();

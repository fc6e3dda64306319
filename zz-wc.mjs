import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
await page.goto('http://127.0.0.1:4180/?fixture=many');
await page.waitForSelector('.react-flow__node-process');
await page.waitForTimeout(1500);
console.log(await page.evaluate(() => {
  const out = {};
  for (const sel of ['.gauge__fill', '.proc', '.nsbox', '.react-flow__node', '.react-flow__viewport', '.cg-list > li']) {
    const els = [...document.querySelectorAll(sel)];
    const wc = {};
    for (const el of els) { const cs = getComputedStyle(el); const k = `wc=${cs.willChange} tr=${cs.transform === 'none' ? 'none' : 'set'} trn=${cs.transitionProperty}`; wc[k] = (wc[k] ?? 0) + 1; }
    out[sel] = wc;
  }
  return JSON.stringify(out, null, 1);
}));
const cdp = await page.context().newCDPSession(page);
await cdp.send('LayerTree.enable');
const layers = await new Promise((r) => { cdp.on('LayerTree.layerTreeDidChange', (e) => { if (e.layers) r(e.layers); }); });
console.log('layers', layers.length);
await browser.close();

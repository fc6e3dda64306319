/**
 * Issue 6, worker failure: an engine worker stuck in an endless loop (made to hang for real, through
 * the DevTools protocol) says nothing at all; the watchdog notices, replaces it, replays the session
 * and says so. Run alone: E2E_PORT=4391 node scripts/e2e.mjs e2e/watchdog.spec.ts
 */
import { expect, test } from '@playwright/test';
import { openPlayground, panel, runToPrompt } from './helpers/ui.ts';

test('a hung engine worker is replaced and the session replayed, with a notice', async ({ page, browser }) => {
  test.setTimeout(90_000);
  await openPlayground(page);
  await runToPrompt(page, 'docker run -d --name web nginx');
  await expect(panel(page, 'Processes').getByText('web', { exact: true }).first()).toBeVisible();

  // Hang the worker: an endless loop evaluated inside it (not a message it could refuse).
  // This page's engine worker: the browser-wide target list may still hold other tests' pages.
  const own = await (await page.context().newCDPSession(page)).send('Target.getTargetInfo');
  const cdp = await browser.newBrowserCDPSession();
  const { targetInfos } = await cdp.send('Target.getTargets');
  const workers = targetInfos.filter((t) => t.type === 'worker' && t.url.includes('engine.worker') && t.browserContextId === own.targetInfo.browserContextId);
  expect(workers).toHaveLength(1);
  const worker = workers[0];
  expect(worker, 'the engine worker target').toBeTruthy();
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: worker!.targetId, flatten: false });
  await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: 1, method: 'Runtime.evaluate', params: { expression: 'for (;;) {}' } }) });

  // Within the watchdog's 10 s (plus a 2 s check), a new worker replays the session.
  await expect(page.locator('[data-notice="restart"]')).toBeVisible({ timeout: 20_000 });
  expect(await runToPrompt(page, 'docker ps --format {{.Names}}')).toContain('web');
  await expect(panel(page, 'Processes').getByText('web', { exact: true }).first()).toBeVisible();
  await cdp.detach();
});

/**
 * Issue 6, offline: the built app is installable (a web manifest, a service worker) and, once
 * loaded, the playground and its lessons work with the network off — every lazy chunk, the engine
 * worker and the editor come from the service worker's precache. Run alone:
 * E2E_PORT=4371 node scripts/e2e.mjs e2e/offline.spec.ts
 */
import { expect, test } from '@playwright/test';
import { openPlayground, panel, runToPrompt, waitForPrompt } from './helpers/ui.ts';

test('installable, and with the network off the playground, the editor and the lessons still work', async ({ page, context }) => {
  const watch = await openPlayground(page);
  const manifest = await (await page.request.get('/manifest.webmanifest')).json();
  expect(manifest).toMatchObject({ name: 'Container Playground', display: 'standalone', start_url: '.' });
  expect(manifest.icons.map((i: { sizes: string }) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
  // The service worker is active once it has precached every file.
  await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.ready).active?.state)).toBe('activated');

  await context.setOffline(true);
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);
  await page.reload();
  await waitForPrompt(page);
  await page.getByRole('button', { name: /10×/ }).click();
  // The simulated host needs no network: images "pull" from the simulated registry.
  await runToPrompt(page, 'docker run -d --name web nginx');
  await expect(panel(page, 'Processes').getByText('web', { exact: true }).first()).toBeVisible();
  // Lazy chunks come from the precache: the lessons, the editor.
  await page.getByRole('tab', { name: 'Lessons' }).click();
  await expect(panel(page, 'Lessons').getByRole('button', { name: /What a container is/ }).first()).toBeVisible();
  await page.getByRole('tab', { name: 'Files' }).click();
  await panel(page, 'Files').getByRole('treeitem', { name: 'Dockerfile' }).click();
  await expect(page.getByRole('textbox', { name: 'Editor: /root/app/Dockerfile' })).toContainText('FROM');
  await context.setOffline(false);
  watch.expectClean();
});

/**
 * Against the real engine: a learner's first container, end to end. Skips itself while the worker
 * is the temporary stub (its snapshot has no host processes).
 */
import { expect, test } from '@playwright/test';
import { panel, typeCommand, waitForOutput, waitForPrompt, watchForErrors } from './helpers/ui.ts';

test('docker run shows the container in the process tree, the cgroups and the narration', async ({ page }) => {
  const watch = watchForErrors(page);
  await page.goto('/');
  await waitForPrompt(page);
  const hasEngine = await page.evaluate(() => {
    const store = (window.__playground as unknown as { store: { getState(): { processes: Record<string, unknown> } } }).store;
    return Object.keys(store.getState().processes).length > 0;
  });
  test.skip(!hasEngine, 'the worker is still the stub');

  const processes = panel(page, 'Processes');
  await expect(processes.getByRole('group', { name: /^systemd, host PID 1$|\/sbin\/init, host PID 1/ })).toBeVisible();

  await typeCommand(page, 'docker run -d --name web nginx');
  await waitForOutput(page, /^[0-9a-f]{64}$/m, 60_000); // pull, then the container ID
  await expect(processes.getByRole('group', { name: /^Container web, PID namespace/ })).toBeVisible();
  await expect(processes.getByRole('group', { name: /PID 1 in its namespace/ }).first()).toBeVisible();
  await expect(panel(page, 'Cgroups').getByRole('heading', { name: 'web' })).toBeVisible();
  await expect(page.getByText(/web started/)).toBeVisible();
  await page.waitForTimeout(600);
  await page.screenshot({ path: test.info().outputPath('engine-web.png') });
  watch.expectClean();
});

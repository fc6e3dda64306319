/**
 * Issue 5's Timeline: every step listed; step back, forward, jump; autoplay; continue from a past
 * step without losing the steps after it. Run alone: E2E_PORT=4361 node scripts/e2e.mjs e2e/timeline.spec.ts
 */
import { expect, test, type Page } from '@playwright/test';
import { openPlayground, panel, runToPrompt, terminalText, typeCommand } from './helpers/ui.ts';

const containerNode = (page: Page, name: string) => panel(page, 'Processes').getByText(name, { exact: true });

async function threeSteps(page: Page) {
  await runToPrompt(page, 'docker run -d --name web nginx');
  await runToPrompt(page, 'docker run -d --name db redis');
  await runToPrompt(page, 'docker rm -f web');
  await page.getByRole('tab', { name: 'Timeline' }).click();
  return page.getByRole('list', { name: 'Session steps' });
}

test('timeline: jump to a step, step back and forward, read-only past, back to now', async ({ page }) => {
  const watch = await openPlayground(page);
  const steps = await threeSteps(page);
  await expect(steps.getByRole('button')).toHaveText([/Start/, /docker run -d --name web nginx/, /docker run -d --name db redis/, /docker rm -f web/]);
  const present = await terminalText(page);
  await expect(containerNode(page, 'web')).toHaveCount(0);

  // Jump to step 1: web runs again, db does not exist yet, the terminal shows that moment.
  await steps.getByRole('button', { name: /docker run -d --name web nginx/ }).click();
  const banner = page.locator('.travel-banner');
  await expect(banner).toContainText('Viewing the host after step 1 of 3.');
  await expect(page.locator('.app-footer')).toContainText('Back in time: the host after step 1 of 3');
  await expect(containerNode(page, 'web').first()).toBeVisible();
  await expect(containerNode(page, 'db')).toHaveCount(0);
  await expect.poll(() => terminalText(page)).not.toContain('docker run -d --name db redis');
  expect(await terminalText(page)).toContain('docker run -d --name web nginx');
  await page.screenshot({ path: test.info().outputPath('timeline-past-1280x800.png') });

  // The past is read-only: typing changes nothing.
  await typeCommand(page, 'docker run -d --name sneaky alpine sleep 100');
  await page.waitForTimeout(500);
  await expect(containerNode(page, 'sneaky')).toHaveCount(0);
  expect(await terminalText(page)).not.toContain('sneaky');

  // Step forward: db arrives.
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(banner).toContainText('after step 2 of 3');
  await expect(containerNode(page, 'db').first()).toBeVisible();
  await expect(containerNode(page, 'web').first()).toBeVisible();
  // Step back twice: the empty host before the first step.
  await page.getByRole('button', { name: 'Step back' }).click();
  await page.getByRole('button', { name: 'Step back' }).click();
  await expect(banner).toContainText('before the first step');
  await expect(containerNode(page, 'web')).toHaveCount(0);

  // Back to now: the present, exactly as it was, and typing works again.
  await banner.getByRole('button', { name: 'Back to now' }).click();
  await expect(banner).toHaveCount(0);
  await expect(containerNode(page, 'db').first()).toBeVisible();
  await expect(containerNode(page, 'web')).toHaveCount(0);
  await expect.poll(() => terminalText(page)).toBe(present);
  await runToPrompt(page, 'docker ps --format {{.Names}}');
  await expect(steps.getByRole('button')).toHaveCount(5);
  watch.expectClean();
});

test('timeline: autoplay walks every step to the present', async ({ page }) => {
  const watch = await openPlayground(page);
  const steps = await threeSteps(page);
  await page.getByRole('combobox', { name: 'Autoplay speed' }).selectOption('0.5');
  await page.getByRole('button', { name: /Play/ }).click();
  const banner = page.locator('.travel-banner');
  await expect(banner).toContainText('before the first step');
  await expect(banner).toContainText('after step 1 of 3');
  await expect(banner).toContainText('after step 2 of 3');
  await expect(banner).toHaveCount(0, { timeout: 5_000 });
  await expect(page.getByRole('button', { name: /Play/ })).toHaveAttribute('aria-pressed', 'false');
  await expect(steps.locator('[aria-current="step"]')).toContainText('docker rm -f web');
  watch.expectClean();
});

test('timeline: continue from a past step, and bring the dropped steps back', async ({ page }) => {
  const watch = await openPlayground(page);
  const steps = await threeSteps(page);
  await steps.getByRole('button', { name: /docker run -d --name web nginx/ }).click();
  await page.locator('.travel-banner').getByRole('button', { name: 'Continue from here' }).click();
  await expect(page.locator('.travel-banner')).toHaveCount(0);
  await expect(steps.getByRole('button')).toHaveCount(2);
  await expect(page.getByText('the steps you left behind were kept aside')).toBeVisible();
  await runToPrompt(page, 'docker run -d --name cache redis');
  await expect(containerNode(page, 'cache').first()).toBeVisible();
  await expect(containerNode(page, 'web').first()).toBeVisible();

  // The branch is the session now: a reload restores it.
  await page.reload();
  await page.getByRole('tab', { name: 'Timeline' }).click();
  await expect(steps.getByRole('button')).toHaveText([/Start/, /web nginx/, /cache redis/]);

  // Nothing was lost: the dropped steps come back.
  await page.getByRole('button', { name: 'Bring them back' }).click();
  await page.getByRole('tab', { name: 'Timeline' }).click();
  await expect(steps.getByRole('button')).toHaveText([/Start/, /web nginx/, /db redis/, /rm -f web/]);
  watch.expectClean();
});

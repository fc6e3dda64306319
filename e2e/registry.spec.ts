/**
 * The Registry view against the real engine: a push without login is denied, `docker login`
 * then `docker push` mounts the base layer from library/alpine and uploads the new one; the view
 * shows the repository, its tags and the blob it shares with library/alpine; pushing again skips
 * every layer ("Layer already exists"), and the view shows them skipped.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openPlayground, panel, runToPrompt } from './helpers/ui.ts';

const shot = (page: Page, name: string) => page.screenshot({ path: test.info().outputPath(`${name}.png`) });

test('registry: login, tag, push → repository and layers shown; push again → layers skipped', async ({ page }) => {
  test.setTimeout(120_000);
  const watch = await openPlayground(page);
  await page.getByRole('tab', { name: 'Registry' }).click();
  const reg = panel(page, 'Registry');
  await expect(reg.getByText(/^No push or pull yet\./)).toBeVisible();
  await expect(reg.getByRole('region', { name: /^Docker Hub/ })).toBeVisible();

  expect(await runToPrompt(page, 'docker pull alpine')).toContain('Status: Downloaded newer image for alpine:latest');
  await expect(reg.locator('[data-testid="registry-transfer"][data-kind="pull"]')).toHaveAttribute('data-status', 'done');
  await expect(reg.locator('[data-testid="registry-repo"][data-name="library/alpine"]')).toBeVisible();

  await runToPrompt(page, 'docker run --name box alpine touch /hello');
  await runToPrompt(page, 'docker commit box alice/app');
  // Without a login the Hub refuses the push: nothing is stored.
  expect(await runToPrompt(page, 'docker push alice/app')).toContain('denied: requested access to the resource is denied');
  await expect(reg.locator('[data-testid="registry-transfer"]')).toHaveAttribute('data-status', 'failed');
  await expect(reg.locator('[data-testid="registry-repo"][data-name="alice/app"]')).toHaveCount(0);

  expect(await runToPrompt(page, 'docker login -u alice -p secret')).toContain('Login Succeeded');
  await expect(reg.getByText('logged in as alice')).toBeVisible();
  const first = await runToPrompt(page, 'docker push alice/app');
  expect(first).toContain('Mounted from library/alpine');
  expect(first).toMatch(/: Pushed/);
  expect(first).toMatch(/latest: digest: sha256:[0-9a-f]{64} size: \d+/);

  const transfer = reg.locator('[data-testid="registry-transfer"]');
  await expect(transfer).toHaveAttribute('data-kind', 'push');
  await expect(transfer).toHaveAttribute('data-status', 'done');
  await expect(transfer.locator('[data-testid="registry-layer"][data-outcome="pushed"]')).toHaveCount(1);
  await expect(transfer.locator('[data-testid="registry-layer"][data-outcome="mounted"]')).toHaveCount(1);
  await expect(transfer.getByText('skipped: mounted from library/alpine')).toBeVisible();
  const repo = reg.locator('[data-testid="registry-repo"][data-name="alice/app"]');
  await expect(repo).toBeVisible();
  await expect(repo.getByText('latest', { exact: true })).toBeVisible();
  // Two layers and the config; the alpine layer is shared with library/alpine.
  await expect(repo.locator('[data-testid="registry-blob"]')).toHaveCount(3);
  await expect(repo.getByText('shared by 2 repositories')).toBeVisible();
  await shot(page, 'registry-first-push');

  const again = await runToPrompt(page, 'docker push alice/app');
  expect(again.match(/: Layer already exists/g)).toHaveLength(2);
  await expect(transfer.locator('[data-testid="registry-layer"][data-outcome="exists"]')).toHaveCount(2);
  await expect(transfer.locator('[data-testid="registry-layer"][data-outcome="pushed"]')).toHaveCount(0);
  await expect(transfer.getByText('skipped: already in the repository').first()).toBeVisible();
  await shot(page, 'registry-second-push');

  const axe = await new AxeBuilder({ page }).include('[data-panel="registry"]').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  watch.expectClean();
});

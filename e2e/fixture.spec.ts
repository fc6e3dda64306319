/**
 * The Processes and Cgroups panels against the fixture host (`?fixture=still`): the realistic
 * snapshot of src/store/fixtures.ts, stepped by hand. Screenshots are for people to look at.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { panel, watchForErrors } from './helpers/ui.ts';

async function advance(page: Page, ms: number) {
  await page.evaluate((n) => window.__playground!.fixture!.advance(n), ms);
}

test('the process tree shows PID namespaces as boxes, with host and namespace PIDs', async ({ page }) => {
  const watch = watchForErrors(page);
  await page.goto('/?fixture=still');
  const processes = panel(page, 'Processes');
  await expect(processes.locator('.react-flow__node-process')).toHaveCount(12);
  await expect(processes.locator('.react-flow__node-namespace')).toHaveCount(2);

  const master = processes.getByRole('group', { name: /nginx: master process.*host PID 2324, PID 1 in its namespace/ });
  await expect(master).toBeVisible();
  await expect(master).toContainText('PID 2324');
  await expect(master).toContainText('ns 1');
  await expect(processes.getByRole('group', { name: /Container web, PID namespace pid:\[4026532201\]/ })).toBeVisible();

  const cgroups = panel(page, 'Cgroups');
  await expect(cgroups.getByRole('meter', { name: 'Memory of hog' })).toHaveAttribute('aria-valuetext', /MiB of 64 MiB/);
  await expect(cgroups).toContainText('cpu.max 50000 100000');
  await expect(cgroups).toContainText('pids.max 100');
  await page.waitForTimeout(400); // let the springs settle
  await page.screenshot({ path: test.info().outputPath('fixture-running.png') });

  await master.click();
  const details = page.getByRole('group', { name: 'nginx', exact: true });
  await expect(details).toContainText('nginx: master process nginx -g daemon off;');
  await expect(details).toContainText('/system.slice/docker-');
  await expect(details).toContainText('pid:[4026532201]');
  await page.waitForTimeout(500); // the diagram refits beside the pane
  await page.screenshot({ path: test.info().outputPath('fixture-details.png') });

  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  watch.expectClean();
});

test('memory fills to memory.max, the OOM killer marks its victim, and the box tears down', async ({ page }) => {
  const watch = watchForErrors(page);
  await page.goto('/?fixture=still');
  const processes = panel(page, 'Processes');
  await expect(processes.locator('.react-flow__node-namespace')).toHaveCount(2);

  const untilOom = await page.evaluate(() => window.__playground!.fixture!.untilOom());
  await advance(page, untilOom - 200);
  await expect(panel(page, 'Cgroups').getByRole('meter', { name: 'Memory of hog' })).toHaveAttribute('aria-valuenow', /^(9[5-9]|100)$/);
  await page.waitForTimeout(400);
  await page.screenshot({ path: test.info().outputPath('fixture-near-limit.png') });

  await advance(page, 250);
  await expect(processes.locator('.proc--killed')).toContainText('OOM-killed');
  await expect(page.getByText('hog was OOM-killed (stress, PID 2437)')).toBeVisible();
  await expect(panel(page, 'Cgroups')).toContainText('1 OOM kill');
  await page.waitForTimeout(300);
  await page.screenshot({ path: test.info().outputPath('fixture-oom.png') });

  await advance(page, 600);
  await expect(page.getByText('hog exited with code 1')).toBeVisible();
  await page.waitForTimeout(800);
  await page.screenshot({ path: test.info().outputPath('fixture-teardown.png') });
  await expect(processes.locator('.react-flow__node-namespace')).toHaveCount(1, { timeout: 8000 });
  await expect(processes.locator('.react-flow__node-process')).toHaveCount(9);
  await expect(panel(page, 'Cgroups')).toContainText('OOM-killed');
  await page.screenshot({ path: test.info().outputPath('fixture-after.png') });
  watch.expectClean();
});

test('Portuguese fixture view', async ({ page }) => {
  await page.goto('/?fixture=still');
  await page.getByRole('button', { name: 'Português' }).click();
  await expect(panel(page, 'Processos').locator('.react-flow__node-process')).toHaveCount(12);
  await expect(panel(page, 'Cgroups').getByRole('meter', { name: 'Memória de hog' })).toHaveAttribute('aria-valuetext', /MiB de 64 MiB/);
  await page.waitForTimeout(400);
  await page.screenshot({ path: test.info().outputPath('fixture-pt-BR.png') });
});

test('the diagram is keyboard-operable: Tab to a process, Enter shows its details, Escape closes', async ({ page }) => {
  await page.goto('/?fixture=still');
  const processes = panel(page, 'Processes');
  const worker = processes.getByRole('group', { name: /nginx: worker process, host PID 2351/ });
  await expect(worker).toBeVisible();
  await worker.focus();
  await page.keyboard.press('Enter');
  const details = page.getByRole('group', { name: 'nginx', exact: true });
  await expect(details).toContainText('2351');
  await expect(details).toContainText('S (sleeping)');
  await details.getByRole('button', { name: 'Close details' }).focus();
  await page.keyboard.press('Escape');
  await expect(details).toBeHidden();
});

test('with reduced motion, nothing lingers but a kill is still shown', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const watch = watchForErrors(page);
  await page.goto('/?fixture=still');
  const processes = panel(page, 'Processes');
  await expect(processes.locator('.react-flow__node-process')).toHaveCount(12);
  await advance(page, await page.evaluate(() => window.__playground!.fixture!.untilOom()));
  await expect(processes.locator('.proc--killed')).toContainText('OOM-killed');
  await advance(page, 600);
  await expect(processes.locator('.react-flow__node-namespace')).toHaveCount(1, { timeout: 8000 });
  watch.expectClean();
});

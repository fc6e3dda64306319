/**
 * The Volumes view against the real engine in the worker, driven from the terminal: a named
 * volume written by one container survives `docker rm` (shown unused, still on the host side) and
 * a new container reads the data back; a read-only bind mount of a host directory shows as such.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openPlayground, panel, runToPrompt } from './helpers/ui.ts';

const shot = (page: Page, name: string) => page.screenshot({ path: test.info().outputPath(`${name}.png`) });

test('volumes: data in a volume survives docker rm; a new container reads it; bind mounts are marked read-only', async ({ page }) => {
  test.setTimeout(120_000);
  const watch = await openPlayground(page);
  await page.getByRole('tab', { name: 'Volumes' }).click();
  const view = panel(page, 'Volumes');
  await expect(view.getByText(/^No volumes or mounts yet/)).toBeVisible();

  expect(await runToPrompt(page, 'docker volume create appdata')).toContain('appdata');
  const source = view.locator('[data-testid="volume-source"][data-name="appdata"]');
  await expect(source).toBeVisible();
  await expect(source).toHaveAttribute('data-unused', 'true');

  await runToPrompt(page, 'docker run -d --name writer -v appdata:/data alpine sh -c "echo kept > /data/note.txt; sleep 600"');
  await expect(view.locator('[data-testid="volume-container"][data-name="writer"]')).toBeVisible();
  await expect(view.locator('[data-testid="volume-mount"][data-destination="/data"]')).toContainText('read-write');
  await expect(source).toHaveAttribute('data-unused', 'false');
  await expect(source).toContainText('used by 1 container');
  await shot(page, 'volumes-in-use');

  // docker rm: the container goes, the volume stays — marked unused, with its data.
  await runToPrompt(page, 'docker rm -f writer');
  await expect(view.locator('[data-testid="volume-container"][data-name="writer"]')).toHaveCount(0);
  await expect(source).toBeVisible();
  await expect(source).toHaveAttribute('data-unused', 'true');
  await expect(source).toContainText('Unused: survived docker rm');
  await shot(page, 'volumes-survives-rm');

  expect(await runToPrompt(page, 'docker run --rm -v appdata:/data alpine cat /data/note.txt')).toContain('kept');

  // A host directory bind-mounted read-only: the container sees the host's file and cannot write.
  await runToPrompt(page, 'mkdir -p /root/site && echo hello > /root/site/index.html');
  await runToPrompt(page, 'docker run -d --name web -v /root/site:/srv:ro alpine sleep 600');
  await expect(view.locator('[data-testid="volume-source"][data-name="/root/site"]')).toContainText('host directory (bind mount)');
  await expect(view.locator('[data-testid="volume-mount"][data-destination="/srv"]')).toContainText('read-only');
  expect(await runToPrompt(page, 'docker exec web sh -c "echo x > /srv/x"')).toContain('Read-only file system');
  await shot(page, 'volumes-bind-ro');

  const axe = await new AxeBuilder({ page }).include('[data-panel="volumes"]').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  watch.expectClean();
});

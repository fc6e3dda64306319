/**
 * The Layers and Overlay views against the real engine in the worker: two images sharing a base
 * layer, a layer's files dive-style with the image's efficiency, a container's copy-up and
 * whiteout as they happen, and `docker commit` adding one more layer.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openPlayground, panel, runToPrompt } from './helpers/ui.ts';

/** An axe scan of one workspace area (the panels this spec is about). */
async function axeOf(page: Page, view: string): Promise<string[]> {
  const axe = await new AxeBuilder({ page }).include(`[data-panel="${view}"]`).analyze();
  return axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const shot = (page: Page, name: string) => page.screenshot({ path: test.info().outputPath(`${name}.png`) });

test('layers: a shared base, a layer\'s files dive-style; overlay: copy-up and whiteout; commit adds a layer', async ({ page }) => {
  test.setTimeout(120_000);
  const watch = await openPlayground(page);
  await page.getByRole('tab', { name: 'Layers' }).click();
  const layers = panel(page, 'Layers');
  await expect(layers.getByText('No images yet. Try: docker pull alpine')).toBeVisible();

  expect(await runToPrompt(page, 'docker pull nginx')).toContain('Status: Downloaded newer image for nginx:latest');
  expect(await runToPrompt(page, 'docker pull redis')).toMatch(/: Already exists/); // the shared debian base
  // One base layer drawn once, used by both images; each image under its own layers.
  await expect(layers.getByRole('group', { name: 'Shared by 2 images (nginx:latest, redis:latest): 1 layer' })).toBeVisible();
  await expect(layers.getByRole('button', { name: 'Image nginx:latest, 7 layers, 192MB' })).toBeVisible();
  await expect(layers.getByRole('button', { name: 'Image redis:latest, 8 layers, 117MB' })).toBeVisible();
  await expect(layers.getByRole('group', { name: 'Used by nginx:latest: 6 layers' })).toBeVisible();
  await shot(page, 'layers-shared-base');

  // A layer's files, marked as dive marks them, and the image's efficiency.
  await layers.getByRole('button', { name: /^Layer 2: RUN set -x && groupadd/ }).click();
  const details = layers.getByRole('group', { name: 'Layer 2' });
  await expect(details).toBeVisible();
  const files = details.getByRole('list', { name: 'Files of layer 2' });
  await expect(files.getByRole('listitem', { name: /^added: \/etc\/nginx\/nginx\.conf, \d/ })).toBeVisible();
  await expect(files.getByRole('listitem', { name: /^modified: \/etc\/passwd, / })).toBeVisible(); // /etc/passwd gains the nginx user
  await expect(details.getByText(/^\d+ added · \d+ modified · 0 removed$/)).toBeVisible();
  const efficiency = details.getByRole('region', { name: 'Efficiency of nginx:latest' });
  await expect(efficiency.getByText(/^\d+(\.\d)?%$/)).toBeVisible();
  await expect(efficiency.getByText('Wasted space')).toBeVisible();
  await shot(page, 'layers-dive');
  expect(await axeOf(page, 'layers')).toEqual([]);
  await details.getByRole('button', { name: 'Close details' }).click();
  await expect(details).toHaveCount(0);

  // A container on nginx, with its own (still empty) read-write layer.
  await runToPrompt(page, 'docker run -d --name web nginx');
  // Clicking the container opens its overlay.
  await layers.getByRole('button', { name: 'Container web on nginx: read-write layer 0B' }).click();
  await expect(page.getByRole('tab', { name: 'Overlay' })).toHaveAttribute('aria-selected', 'true');

  // Its overlay: a write copies nginx.conf up from the layer that holds it.
  const overlay = panel(page, 'Overlay');
  await expect(overlay.getByRole('combobox', { name: 'Container' })).toHaveValue(/^[0-9a-f]{64}$/);
  await expect(overlay.getByRole('combobox', { name: 'Container' }).locator('option:checked')).toHaveText(/^web \(nginx\)/);
  await expect(overlay.getByText('Nothing written yet: the container only reads its layers.')).toBeVisible();
  await runToPrompt(page, 'docker exec web sh -c "echo x >> /etc/nginx/nginx.conf"');
  const upper = overlay.getByRole('region', { name: /^Upper dir/ });
  await expect(upper.getByRole('listitem', { name: '/etc/nginx/nginx.conf: copied up from layer 2' })).toBeVisible();
  const log = overlay.getByRole('region', { name: 'What the overlay did' });
  await expect(log.getByText('copy-up /etc/nginx/nginx.conf from layer 2')).toBeVisible();
  await expect(overlay.getByRole('region', { name: /^Lower layers/ }).getByText('↑ copied up')).toBeVisible();
  await expect(overlay.getByRole('region', { name: /^Merged/ }).getByText('nginx.conf', { exact: true })).toBeVisible();
  await shot(page, 'overlay-copy-up');

  // A delete leaves a whiteout in the upper dir, and the name leaves the merged view.
  const merged = overlay.getByRole('list', { name: 'Merged' });
  await expect(merged.getByText('docker-entrypoint.sh', { exact: true })).toHaveCount(1);
  await runToPrompt(page, 'docker exec web rm /docker-entrypoint.sh');
  await expect(upper.getByRole('listitem', { name: '/.wh.docker-entrypoint.sh: whiteout: hides /docker-entrypoint.sh' })).toBeVisible();
  await expect(log.getByText('whiteout /docker-entrypoint.sh (hides it in layer 3)')).toBeVisible();
  await shot(page, 'overlay-whiteout');
  expect(await axeOf(page, 'overlay')).toEqual([]);
  await expect(merged.getByText('docker-entrypoint.sh', { exact: true })).toHaveCount(0, { timeout: 6_000 });
  expect(await runToPrompt(page, 'docker diff web')).toMatch(/D \/docker-entrypoint\.sh[\s\S]*C \/etc\/nginx\/nginx\.conf/);

  // Commit: a new image with one more layer than nginx, holding exactly those changes.
  expect(await runToPrompt(page, 'docker commit web web:v2')).toMatch(/sha256:[0-9a-f]{64}/);
  await page.getByRole('tab', { name: 'Layers' }).click();
  await expect(layers.getByRole('button', { name: 'Image web:v2, 8 layers, 192MB' })).toBeVisible();
  await expect(layers.getByRole('button', { name: 'Image nginx:latest, 7 layers, 192MB' })).toBeVisible();
  await layers.getByRole('button', { name: /^Layer 8: nginx -g daemon off;, 646B$/ }).click();
  const top = layers.getByRole('group', { name: 'Layer 8' }).getByRole('list', { name: 'Files of layer 8' });
  await expect(top.getByRole('listitem', { name: 'modified: /etc/nginx/nginx.conf, 646B' })).toBeVisible();
  await expect(top.getByRole('listitem', { name: 'removed: /docker-entrypoint.sh, 1.62kB' })).toBeVisible();
  await expect(layers.getByRole('region', { name: 'Efficiency of web:v2' }).getByText('/docker-entrypoint.sh')).toBeVisible();
  await shot(page, 'layers-commit');
  watch.expectClean();
});

/**
 * Issue 6 (hardening): a fork bomb in a container without --pids-limit climbs until the host's
 * limit refuses its forks; the footer says so, the page keeps answering, the Processes diagram
 * folds the crowd into one node, and `docker rm -f` takes every process away.
 */
import { expect, test, type Page } from '@playwright/test';
import { openPlayground, panel, runToPrompt, terminalText } from './helpers/ui.ts';

const shot = (page: Page, name: string) => page.screenshot({ path: test.info().outputPath(`${name}.png`) });

test('a fork bomb hits the host limit, is reported, the UI stays responsive, and rm -f cleans it up', async ({ page }) => {
  test.setTimeout(120_000);
  const watch = await openPlayground(page);
  await runToPrompt(page, 'docker pull -q alpine');
  await runToPrompt(page, "docker run -d --name bomb alpine sh -c 'bomb(){ bomb|bomb& }; bomb; sleep infinity'");

  // The footer narrates the host's limit refusing a fork.
  await expect(page.getByText(/bomb hit the host's process limit \(4915 processes\): fork failed/)).toBeVisible({ timeout: 60_000 });

  // The diagram folds thousands of processes into one node instead of drawing each.
  const processes = panel(page, 'Processes');
  await expect(processes.getByRole('group', { name: /^\+ \d+ more sh processes$/ })).toBeVisible({ timeout: 15_000 });
  expect(await processes.locator('.react-flow__node').count()).toBeLessThan(80);
  await shot(page, 'fork-bomb-at-limit');

  // The page still answers: a command typed now prints within a few seconds (runToPrompt's timeout).
  const ps = await runToPrompt(page, "docker ps --format '{{.Names}} {{.Status}}'", { timeout: 10_000 });
  expect(ps).toMatch(/bomb Up/);
  // `docker top` sees the crowd: thousands of sh processes under the container's cgroup.
  const count = await runToPrompt(page, 'docker top bomb | wc -l', { timeout: 10_000 });
  expect(Number(count.trim().split('\n')[0])).toBeGreaterThan(1000);

  await runToPrompt(page, 'docker rm -f bomb', { timeout: 20_000 });
  await expect(processes.getByRole('group', { name: /^Container bomb, PID namespace/ })).toHaveCount(0, { timeout: 15_000 });
  await expect(processes.getByRole('group', { name: /more sh processes/ })).toHaveCount(0);
  expect(await runToPrompt(page, 'ps -e | wc -l')).toMatch(/^\s*\d{1,2}\s*$/m);
  await shot(page, 'fork-bomb-removed');
  expect(await terminalText(page)).not.toContain('engine bug');
  watch.expectClean();
});

import { AxeBuilder } from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { panel, terminalText, typeCommand, waitForOutput, waitForPrompt, watchForErrors } from './helpers/ui.ts';

// Each test gets a fresh browser context: an English browser with nothing remembered.

test('loads, shows the prompt, echoes typing, and passes an axe scan', async ({ page }) => {
  const watch = watchForErrors(page);
  await page.goto('/');

  await expect(page.getByRole('heading', { level: 1, name: 'Container Playground' })).toBeVisible();
  await expect(page.getByText(/Docker Engine .* · API v1\.51 · cgroup v2 · runc/)).toBeVisible();
  for (const name of ['Terminal', 'Processes', 'Cgroups']) await expect(panel(page, name)).toBeVisible();

  await waitForPrompt(page);
  await typeCommand(page, 'docker run -d --name web nginx');
  await waitForOutput(page, 'root@playground:~# docker run -d --name web nginx');
  // The image is pulled first, then the container's ID is printed and the prompt comes back.
  await waitForOutput(page, /^[0-9a-f]{64}$/m, 30_000);
  await waitForOutput(page, /^[0-9a-f]{64}\nroot@playground:~# /m);
  expect((await terminalText(page)).split('\n').filter((l) => l.startsWith('root@playground:~#')).length).toBeGreaterThanOrEqual(2);

  await page.screenshot({ path: test.info().outputPath('smoke.png') });

  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  watch.expectClean();
});

test('the language switch translates the panel titles and is remembered', async ({ page }) => {
  const watch = watchForErrors(page);
  await page.goto('/');
  await expect(panel(page, 'Processes')).toBeVisible();

  await page.getByRole('button', { name: 'Português' }).click();
  await expect(panel(page, 'Processos')).toBeVisible();
  await expect(panel(page, 'Cgroups')).toBeVisible();
  await expect(panel(page, 'Terminal')).toBeVisible();
  await expect(page.getByRole('group', { name: 'Velocidade' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'pt-BR');

  await page.reload();
  await expect(panel(page, 'Processos')).toBeVisible();
  await page.getByRole('button', { name: 'English' }).click();
  await expect(panel(page, 'Processes')).toBeVisible();
  watch.expectClean();
});

test('a Portuguese browser starts in Portuguese', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'pt-BR', viewport: { width: 1600, height: 900 } });
  const page = await context.newPage();
  await page.goto('/');
  await expect(panel(page, 'Processos')).toBeVisible();
  await context.close();
});

test('the speed control asks the engine for a speed', async ({ page }) => {
  await page.goto('/');
  const speed = page.getByRole('group', { name: 'Speed' });
  await speed.getByRole('button', { name: '10×' }).click();
  await expect(speed.getByRole('button', { name: '10×' })).toHaveAttribute('aria-pressed', 'true');
  await speed.getByRole('button', { name: 'Pause' }).click();
  await expect(speed.getByRole('button', { name: 'Pause' })).toHaveAttribute('aria-pressed', 'true');
  await expect(speed.getByRole('button', { name: '10×' })).toHaveAttribute('aria-pressed', 'false');
});

test('the built app forbids inline script and eval (Content-Security-Policy), and breaks no rule of it itself', async ({ page }) => {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const watch = watchForErrors(page);
  await page.goto('/');
  await waitForPrompt(page);
  expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toContain("script-src 'self'");
  // Every panel loads and works under the policy.
  for (const tab of ['Layers', 'Overlay', 'Volumes', 'Architecture', 'VM vs container', 'Registry', 'Processes']) await page.getByRole('tab', { name: tab, exact: true }).click();
  for (const tab of ['Files', 'Network', 'Lessons', 'Timeline', 'Cgroups']) await page.getByRole('tab', { name: tab, exact: true }).click();
  await expect(page.getByRole('textbox', { name: /Editor/ })).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([]);

  // What a hostile page fragment would try: an inline script, an inline handler, code in a string.
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__ran = (window.__ran || []).concat("inline")';
    document.head.append(s);
    const img = document.createElement('div');
    img.innerHTML = '<img src="data:image/png;base64,AA==" onerror="window.__ran = (window.__ran || []).concat(\'handler\')">';
    document.body.append(img);
    // A string handed to setTimeout is eval'd by the page itself (not by the test's evaluate).
    (setTimeout as unknown as (code: string, ms: number) => void)('window.__ran = (window.__ran || []).concat("eval")', 0);
  });
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => (window as unknown as { __ran?: string[] }).__ran ?? [])).toEqual([]);
  const violations = (await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).map((v) => v.split(' ')[0]);
  expect(violations).toContain('script-src-elem');
  expect(violations).toContain('script-src-attr');
  expect(watch.errors.filter((e) => !/Content Security Policy|unsafe-eval|EvalError/.test(e))).toEqual([]);
});


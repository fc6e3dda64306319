/**
 * Issue 6, hostile scenario URLs: script or HTML in a link's title, narration, file names and
 * contents, commands or goal ids is shown as text and never run; an oversized payload is refused
 * with a message and leaves an empty sandbox. Run alone: E2E_PORT=4381 node scripts/e2e.mjs e2e/hostile.spec.ts
 */
import { expect, test } from '@playwright/test';
import { encodeScenario, MAX_ENCODED } from '../src/scenario/codec.ts';
import { SCENARIO_VERSION, type Scenario } from '../src/scenario/format.ts';
import { openPlayground, panel, runToPrompt, terminalText, waitForOutput, waitForPrompt, watchForErrors } from './helpers/ui.ts';

const IMG = '<img src=x onerror="window.__pwned=(window.__pwned||0)+1">';
const SCRIPT = '<script>window.__pwned=(window.__pwned||0)+1</script>';

test('a link full of markup shows it as text and runs none of it', async ({ page }) => {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(e.violatedDirective));
  });
  const watch = watchForErrors(page);
  const hostile: Scenario = {
    v: SCENARIO_VERSION,
    title: `Title ${IMG}`,
    lang: 'en',
    host: { cpus: 4, memory: 8 * 1024 ** 3, seed: 1 },
    files: { 'site/index.html': `${SCRIPT}\n${IMG}\n` },
    steps: [
      { run: `echo '${IMG}' > note.txt`, say: `First ${IMG}` },
      { run: 'cat note.txt site/index.html', say: `Caption ${SCRIPT}`, pause: true },
      { run: 'ls site', say: `Third ${IMG}${SCRIPT}` },
    ],
    goals: ['no-such-lesson.no-such-goal'],
  };
  await page.goto(`/${await encodeScenario(hostile)}`);
  await waitForPrompt(page);
  // The first step was played: its output is the markup, as text.
  await waitForOutput(page, "echo '<img src=x onerror=");
  // Presenter mode (the link stops at a pause): the caption is the narration, literally.
  const bar = page.getByRole('region', { name: 'Presentation' });
  await bar.click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('ArrowRight');
  await expect(bar.locator('.presenter-bar__caption')).toHaveText(`Caption ${SCRIPT}`);
  await waitForOutput(page, `${SCRIPT}\n${IMG}`);
  expect(await terminalText(page)).toContain(IMG);
  // No element came from the link's text: no img with a handler, no script beyond the app's own.
  expect(await page.locator('img[onerror]').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
  // A goal id this version does not know is counted, not shown.
  await expect(page.getByText('1 goal of this link is unknown to this version of the playground.')).toBeVisible();
  watch.expectClean();
});

test('an oversized link, or markup where an id belongs, is refused with a message and an empty sandbox', async ({ page }) => {
  const watch = watchForErrors(page);
  await page.goto(`/#/s/${'A'.repeat(MAX_ENCODED + 1)}`);
  await waitForPrompt(page);
  await expect(page.getByRole('alert')).toContainText('This shared link could not be opened: it is too long. You are in an empty sandbox.');
  expect(await page.evaluate(() => location.hash)).toBe('');

  const markupId: Scenario = { v: SCENARIO_VERSION, title: 't', lang: 'en', host: { cpus: 4, memory: 8 * 1024 ** 3, seed: 1 }, files: {}, steps: [{ run: 'docker ps' }], goals: [IMG] };
  await page.goto(`/${await encodeScenario(markupId)}`);
  await page.reload(); // a hash change alone does not restart the page
  await waitForPrompt(page);
  await expect(page.getByRole('alert')).toContainText('a field of the scenario is wrong');
  await expect(page.getByRole('alert')).toContainText('(goals[0]: not a goal id)');
  expect(await page.locator('img[onerror]').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  watch.expectClean();
});

test("a refused link replaces nothing: the learner's own sandbox carries on", async ({ page }) => {
  const watch = await openPlayground(page);
  await runToPrompt(page, 'docker run -d --name mine nginx');
  await page.goto('/#/s/not-a-real-link!!');
  await page.reload();
  await waitForPrompt(page);
  await expect(page.getByRole('alert')).toContainText('This shared link could not be opened: it is not a valid link (cut off or mistyped?). Your own sandbox is as you left it.');
  await expect(panel(page, 'Processes').getByText('mine', { exact: true }).first()).toBeVisible();
  await expect(page.locator('[data-notice="previous"]')).toHaveCount(0);
  watch.expectClean();
});


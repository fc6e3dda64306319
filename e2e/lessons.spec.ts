/**
 * The Lessons panel, driven like a learner: open the Lessons tab, start lesson 1, insert the
 * suggested command (it sits at the prompt, not run), press Enter, watch the goals tick, answer
 * the check (a wrong answer first), and find the ✓ on the map again after a reload.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { whatIsAContainer as lesson } from '../src/lessons/content/01-what-is-a-container.ts';
import { namespaces } from '../src/lessons/content/02-namespaces.ts';
import { build } from '../src/lessons/content/06-dockerfile.ts';
import { focusTerminal, openPlayground, runToPrompt, terminalText, waitForOutput, waitForPrompt, watchForErrors } from './helpers/ui.ts';

const PROMPT = 'root@playground:~#';
const shot = (page: Page, name: string) => page.screenshot({ path: test.info().outputPath(`${name}.png`) });

/** Inserts a step's command with its Insert button, checks it waits unrun at the prompt, then presses Enter. */
async function insertAndRun(page: Page, command: string): Promise<void> {
  await page.getByRole('button', { name: `Insert “${command}” at the prompt (not run)` }).click();
  await waitForOutput(page, `${PROMPT} ${command}`);
  await page.waitForTimeout(300); // had Enter been sent, the command would have started printing by now
  const lines = (await terminalText(page)).trimEnd().split('\n');
  expect(lines.at(-1)?.trimEnd()).toBe(`${PROMPT} ${command}`);
  await focusTerminal(page);
  await page.keyboard.press('Enter');
}

test('lesson 1: insert, run, goals tick, quiz, progress survives a reload', async ({ page }) => {
  const watch = await openPlayground(page);
  await page.getByRole('tab', { name: 'Lessons' }).click();
  const lessons = page.locator('[data-panel="lessons"]');
  await expect(lessons.getByText('Sandbox: free play', { exact: false })).toBeVisible();
  await expect(lessons.locator('.lessons__item')).toHaveCount(13);
  await lessons.getByRole('button', { name: lesson.title.en }).click();
  await expect(lessons.getByRole('heading', { name: `1. ${lesson.title.en}` })).toBeVisible();
  await expect(lessons.getByText('The check opens when every goal is met.')).toBeVisible();

  // A half-typed line is cleared by Insert, and nothing runs until Enter.
  await focusTerminal(page);
  await page.keyboard.type('echo half', { delay: 5 });
  await insertAndRun(page, lesson.steps[0].run);
  expect(await terminalText(page)).not.toContain('echo half');
  const goal = (id: string) => lessons.locator(`[data-goal="${id}"]`);
  await expect(goal('nginx-running')).toHaveAttribute('data-met', 'true', { timeout: 30_000 });
  await expect(page.getByTestId('lessons-live')).toHaveText(/Goal met: A container from the nginx image is running/);
  await expect(goal('two-objects')).toHaveAttribute('data-met', 'false');
  await shot(page, 'lesson-1-first-goal');

  await insertAndRun(page, 'docker top web');
  await expect(goal('looked-at-processes')).toHaveAttribute('data-met', 'true', { timeout: 30_000 });
  await insertAndRun(page, 'docker run -d --name web2 nginx');
  await expect(goal('two-objects')).toHaveAttribute('data-met', 'true', { timeout: 30_000 });
  await expect(lessons.getByText(`3 of 3 goals met`)).toBeVisible();

  // The check: a wrong answer first, then every right one.
  const q0 = lessons.locator(`[data-question="${lesson.quiz[0].id}"]`);
  const wrong = lesson.quiz[0].choices.findIndex((_, i) => i !== lesson.quiz[0].answer);
  await q0.getByLabel(lesson.quiz[0].choices[wrong].en).check();
  await expect(q0.getByText('Not quite.')).toBeVisible();
  for (const q of lesson.quiz) {
    const fieldset = lessons.locator(`[data-question="${q.id}"]`);
    await fieldset.getByLabel(q.choices[q.answer].en).check();
    await expect(fieldset.getByText(`Right. ${q.explain.en}`)).toBeVisible();
  }
  await expect(lessons.getByText('Lesson complete!', { exact: false })).toBeVisible();
  await shot(page, 'lesson-1-complete');

  const axe = await new AxeBuilder({ page }).include('[data-panel="lessons"]').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  await lessons.getByRole('button', { name: /All lessons/ }).click();
  const item = lessons.locator(`[data-lesson="${lesson.id}"]`);
  await expect(item.getByText('✓ done')).toBeVisible();

  // Progress is saved locally: a reload keeps the ✓ (and reopens the map where the learner left it).
  await page.reload();
  await page.getByRole('tab', { name: 'Lessons' }).click();
  await expect(page.locator(`[data-panel="lessons"] [data-lesson="${lesson.id}"]`).getByText('✓ done')).toBeVisible();
  // The map speaks pt-BR too.
  await page.getByRole('button', { name: 'Português' }).click();
  await expect(page.locator('[data-panel="lessons"]').getByRole('button', { name: lesson.title['pt-BR'], exact: true })).toBeVisible();
  await shot(page, 'lesson-map-pt-BR');
  await page.getByRole('button', { name: 'English' }).click();
  // Reset starts the lesson over in a clean sandbox (e2e/lessons-watch.spec.ts follows it further).
  await page.locator(`[data-panel="lessons"] [data-lesson="${lesson.id}"]`).getByRole('button', { name: /Reset progress/ }).click();
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Start over in a clean sandbox' }).click()]);
  await waitForPrompt(page);
  await page.getByRole('tab', { name: 'Lessons' }).click();
  await expect(page.locator('[data-panel="lessons"]').getByText('0 of 3 goals met')).toBeVisible();
  await page.locator('[data-panel="lessons"]').getByRole('button', { name: /All lessons/ }).click();
  await expect(page.locator(`[data-panel="lessons"] [data-lesson="${lesson.id}"]`).getByText('✓ done')).toHaveCount(0);
  watch.expectClean();
});

test('lesson 2: a typical wrong state shows its hint, and it goes once fixed', async ({ page }) => {
  const watch = await openPlayground(page);
  await page.getByRole('tab', { name: 'Lessons' }).click();
  const lessons = page.locator('[data-panel="lessons"]');
  await lessons.getByRole('button', { name: namespaces.title.en, exact: true }).click();
  await runToPrompt(page, 'docker run -d --name box alpine');
  const hint = lessons.locator('[data-hint="no-command"]');
  await expect(hint).toContainText(namespaces.hints.find((h) => h.id === 'no-command')!.text.en);
  await runToPrompt(page, 'docker rm box');
  await runToPrompt(page, 'docker run -d --name box alpine sleep 1000');
  await expect(hint).toHaveCount(0);
  await expect(lessons.locator('[data-goal="pid1-elsewhere"]')).toHaveAttribute('data-met', 'true');
  watch.expectClean();
});

test('lesson 6: starting it writes its files on the host, keeping the files it replaces', async ({ page }) => {
  const watch = await openPlayground(page);
  await page.getByRole('tab', { name: 'Lessons' }).click();
  await page.locator('[data-panel="lessons"]').getByRole('button', { name: build.title.en, exact: true }).click();
  await expect(page.locator('[data-panel="lessons"]').getByRole('heading', { name: `6. ${build.title.en}` })).toBeVisible();
  await expect.poll(async () => runToPrompt(page, 'cat app/index.html'), { timeout: 10_000 }).toContain('hello from my first image');
  // The sample page it replaced is kept, not lost.
  expect(await runToPrompt(page, 'cat app/index.html~')).toContain('Hello from a container');
  watch.expectClean();
});

test('Share this lesson: the link opens the lesson to step through in presenter mode, its goals listed', async ({ page, browser }) => {
  const watch = await openPlayground(page);
  await page.getByRole('tab', { name: 'Lessons' }).click();
  const lessons = page.locator('[data-panel="lessons"]');
  await lessons.getByRole('button', { name: lesson.title.en }).click();
  await lessons.getByRole('button', { name: 'Share this lesson' }).click();
  const url = await lessons.getByRole('textbox', { name: 'Link to this lesson' }).inputValue();
  expect(url).toContain('#/s/');
  expect(url.length).toBeLessThanOrEqual(2000);

  const viewer = await (await browser.newContext()).newPage();
  const viewerWatch = watchForErrors(viewer);
  await viewer.goto(url);
  await waitForPrompt(viewer);
  await expect(viewer.locator('.app')).toHaveAttribute('data-presenter', '');
  const bar = viewer.getByRole('region', { name: 'Presentation' });
  await viewer.getByRole('button', { name: /10×/ }).click();
  await bar.click({ position: { x: 5, y: 5 } });
  // Nothing played yet: the lesson's goals are listed, none met.
  const card = viewer.getByRole('region', { name: 'Goals of this scenario' });
  await expect(card).toBeVisible();
  await expect(card.getByRole('listitem')).toHaveCount(lesson.goals.length);
  await expect(card.locator('[data-met="true"]')).toHaveCount(0);
  await viewer.keyboard.press('ArrowRight');
  await expect(bar.getByText(`Step 1 of ${lesson.solution.length}`)).toBeVisible();
  await waitForOutput(viewer, `${PROMPT} ${lesson.solution[0]}`);
  await expect(card.locator('[data-met="true"]').first()).toBeVisible({ timeout: 20_000 }); // step 1 meets a goal
  viewerWatch.expectClean();
  watch.expectClean();
});

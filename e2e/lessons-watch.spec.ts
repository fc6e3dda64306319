/**
 * Lesson goals are watched from boot, whichever tab is open, and a reset is honest.
 *
 * 1. Open lesson 4, reload, and never open the Lessons tab: the goals still tick as the commands
 *    run (announced by the aria-live line in the footer), and the Lessons tab, opened at the end,
 *    shows them ticked. The Lessons panel's code is not even loaded until then.
 * 2. Reset a lesson whose goals the sandbox meets: it starts over in a clean sandbox (nothing
 *    re-ticks), the learner's own sandbox is kept aside, and "Back to my sandbox" brings it back.
 */
import { expect, test, type Page } from '@playwright/test';
import { overlay } from '../src/lessons/content/04-overlay.ts';
import { build } from '../src/lessons/content/06-dockerfile.ts';
import { openPlayground, runToPrompt, waitForPrompt } from './helpers/ui.ts';

// A laptop-sized window: the side area is short, so the reset's confirmation must scroll into view.
test.use({ viewport: { width: 1280, height: 800 } });

const shot = (page: Page, name: string) => page.screenshot({ path: test.info().outputPath(`${name}.png`) });

const goalText = (id: string) => overlay.goals.find((g) => g.id === id)!.text.en;

async function openLesson(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Lessons' }).click();
  await page.locator('[data-panel="lessons"]').getByRole('button', { name: overlay.title.en, exact: true }).click();
  await expect(page.locator('[data-panel="lessons"]').getByRole('heading', { name: `4. ${overlay.title.en}` })).toBeVisible();
}

test('goals tick after a reload without the Lessons tab ever opening', async ({ page }) => {
  const watch = await openPlayground(page);
  await openLesson(page);
  // Leave the Lessons tab for another one, then reload: the lesson is still the one being followed.
  await page.getByRole('tab', { name: 'Cgroups' }).click();
  const lessonCode: string[] = [];
  page.on('request', (r) => {
    if (/\/assets\/LessonsPanel-[^/]*\.js$/.test(r.url())) lessonCode.push(r.url());
  });
  await page.reload();
  await waitForPrompt(page);
  await page.getByRole('button', { name: /10×/ }).click();
  await expect(page.getByRole('tab', { name: 'Lessons' })).toHaveAttribute('aria-selected', 'false');

  const [run, edit, rm, , diff] = overlay.solution;
  await runToPrompt(page, run);
  await runToPrompt(page, edit);
  await expect(page.getByTestId('lessons-live')).toHaveText(`✓ Goal met: ${goalText('copy-up')}`);
  await runToPrompt(page, rm);
  await expect(page.getByTestId('lessons-live')).toHaveText(`✓ Goal met: ${goalText('whiteout')}`);
  expect(await runToPrompt(page, diff)).toMatch(/C \/etc\/profile[\s\S]*D \/etc\/motd|D \/etc\/motd[\s\S]*C \/etc\/profile/);
  await expect(page.getByTestId('lessons-live')).toHaveText(`✓ Goal met: ${goalText('diff')}`);
  await expect(page.getByTestId('lessons-live')).toBeVisible(); // in the footer, for sighted learners too
  await shot(page, 'goal-met-in-footer');
  expect(lessonCode).toEqual([]); // the panel was never needed for any of it

  await page.getByRole('tab', { name: 'Lessons' }).click();
  const lessons = page.locator('[data-panel="lessons"]');
  for (const goal of overlay.goals) await expect(lessons.locator(`[data-goal="${goal.id}"]`)).toHaveAttribute('data-met', 'true');
  await expect(lessons.getByText('3 of 3 goals met')).toBeVisible();
  await shot(page, 'lesson-4-goals-after-reload');
  watch.expectClean();
});

test('reset starts the lesson over in a clean sandbox and keeps the old one aside', async ({ page }) => {
  const watch = await openPlayground(page);
  await openLesson(page);
  const lessons = page.locator('[data-panel="lessons"]');
  const [run, edit] = overlay.solution;
  await runToPrompt(page, run);
  await runToPrompt(page, edit);
  await expect(lessons.locator('[data-goal="copy-up"]')).toHaveAttribute('data-met', 'true');

  await lessons.getByRole('button', { name: /All lessons/ }).click();
  const item = lessons.locator(`[data-lesson="${overlay.id}"]`);
  await expect(item.getByText('1/3')).toBeVisible();
  await item.getByRole('button', { name: `Reset progress: ${overlay.title.en}` }).click();
  const confirm = item.getByRole('group', { name: `Reset progress: ${overlay.title.en}` });
  await expect(confirm).toContainText('opens again in a clean sandbox');
  await expect(confirm.getByRole('button', { name: 'Start over in a clean sandbox' })).toBeFocused();
  await expect(confirm.getByRole('button', { name: 'Start over in a clean sandbox' })).toBeInViewport({ ratio: 1 });
  await shot(page, 'lesson-reset-confirm');
  // Cancel changes nothing.
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(item.getByText('1/3')).toBeVisible();
  await item.getByRole('button', { name: `Reset progress: ${overlay.title.en}` }).click();
  await Promise.all([page.waitForEvent('load'), confirm.getByRole('button', { name: 'Start over in a clean sandbox' }).click()]);

  // A clean sandbox: the lesson open with no progress, and nothing there to re-tick it.
  await waitForPrompt(page);
  const notice = page.locator('[data-notice="previous"]');
  await expect(notice).toContainText('The lesson started over in a clean sandbox');
  await page.getByRole('tab', { name: 'Lessons' }).click();
  await expect(lessons.getByRole('heading', { name: `4. ${overlay.title.en}` })).toBeVisible();
  await expect(lessons.getByText('0 of 3 goals met')).toBeVisible();
  expect(await runToPrompt(page, 'docker ps -a')).not.toContain('box');
  await page.waitForTimeout(500);
  await expect(lessons.locator('[data-goal="copy-up"]')).toHaveAttribute('data-met', 'false');
  await shot(page, 'lesson-reset-clean-sandbox');

  // The learner's own sandbox comes back on request.
  await Promise.all([page.waitForEvent('load'), notice.getByRole('button', { name: 'Back to my sandbox' }).click()]);
  await waitForPrompt(page);
  await expect(page.locator('[data-notice="previous"]')).toHaveCount(0);
  expect(await runToPrompt(page, 'docker ps -a --format {{.Names}}')).toContain('box');
  watch.expectClean();
});

test('a lesson with files, started over, finds its files in the clean sandbox', async ({ page }) => {
  const watch = await openPlayground(page);
  await page.getByRole('tab', { name: 'Lessons' }).click();
  const lessons = page.locator('[data-panel="lessons"]');
  await lessons.getByRole('button', { name: build.title.en, exact: true }).click();
  await expect.poll(async () => runToPrompt(page, 'cat app/index.html'), { timeout: 10_000 }).toContain('hello from my first image');
  await runToPrompt(page, build.solution[1]); // docker build: a goal met, so the map offers a reset
  await runToPrompt(page, 'rm app/index.html');
  await lessons.getByRole('button', { name: /All lessons/ }).click();
  const item = lessons.locator(`[data-lesson="${build.id}"]`);
  await expect(item.getByText(`/${build.goals.length}`)).toBeVisible();
  await item.getByRole('button', { name: `Reset progress: ${build.title.en}` }).click();
  await Promise.all([page.waitForEvent('load'), item.getByRole('button', { name: 'Start over in a clean sandbox' }).click()]);
  await waitForPrompt(page);
  // Written again, into the new sandbox, though the Lessons tab was not opened.
  await expect.poll(async () => runToPrompt(page, 'cat app/index.html'), { timeout: 10_000 }).toContain('hello from my first image');
  watch.expectClean();
});

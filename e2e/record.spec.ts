/**
 * Record's goal picker and the viewer's checklist, against the real engine: record a session, pick
 * two goals it meets (one found with the filter, by keyboard), stop the replay before the second
 * goal's step; open the link in a fresh browser and see both listed, the first ticked by the
 * replay, the second unticked until the viewer steps on; a reload keeps them; Reset sandbox drops them.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { openPlayground, runToPrompt, terminalText, waitForPrompt, watchForErrors } from './helpers/ui.ts';

const NGINX = 'what-is-a-container.nginx-running';
const TOP = 'what-is-a-container.looked-at-processes';
const TWO = 'what-is-a-container.two-objects';

test('Record: pick goals; the viewer sees them as a live checklist, ticked as the session meets them', async ({ page, browser }) => {
  test.setTimeout(150_000);
  const watch = await openPlayground(page);
  await runToPrompt(page, 'docker run -d --name web nginx');
  await runToPrompt(page, 'docker top web');

  await page.getByRole('button', { name: 'Share' }).click();
  const dialog = page.getByRole('dialog', { name: 'Link to this session' });
  const plain = await dialog.locator('#share-url').inputValue();
  await dialog.getByRole('button', { name: 'Record: title and narrate…' }).click();
  await expect(dialog.getByLabel('Title')).toBeFocused(); // the keyboard carries on in the dialog
  const picker = dialog.getByRole('group', { name: 'Goals', exact: true });
  await expect(picker).toBeVisible();
  await expect(picker.getByRole('status')).toHaveText('0 goals picked (at most 50)');
  // Every lesson's goals, grouped under the lesson's title.
  await expect(picker.getByRole('group', { name: '1 What a container is' }).getByRole('checkbox')).toHaveCount(3);
  await expect(picker.getByRole('group', { name: '2 Namespaces' }).getByRole('checkbox', { name: /Killing PID 1 ended a container/ })).toBeVisible();
  // What this session already meets is marked; the rest is not.
  await expect(picker.locator(`[data-goal="${NGINX}"]`)).toContainText('met now');
  await expect(picker.locator(`[data-goal="${TOP}"]`)).toContainText('met now');
  await expect(picker.locator(`[data-goal="${TWO}"]`)).not.toContainText('met now');

  // Find one by words and pick it with the keyboard.
  const filter = picker.getByRole('searchbox', { name: 'Find a goal' });
  await filter.fill('docker top');
  await expect(picker.getByRole('checkbox')).toHaveCount(1);
  await expect(picker.getByRole('checkbox', { name: /nginx image is running/ })).toHaveCount(0);
  await filter.press('Tab');
  await expect(picker.getByRole('checkbox', { name: /You listed a container’s processes/ })).toBeFocused();
  await page.keyboard.press('Space');
  await expect(picker.getByRole('status')).toHaveText('1 goal picked (at most 50)');
  await filter.fill('no such goal at all');
  await expect(picker).toContainText('No goal matches “no such goal at all”.');
  await filter.press('Escape'); // clears the filter, keeps the dialog
  await expect(filter).toHaveValue('');
  await expect(dialog).toBeVisible();
  await picker.getByRole('checkbox', { name: /nginx image is running/ }).check();
  await expect(picker.getByRole('status')).toHaveText('2 goals picked (at most 50)');

  // The replay stops before docker top: the viewer steps onto it.
  await dialog.getByRole('list', { name: 'Steps' }).getByRole('listitem').nth(1).getByRole('checkbox', { name: 'Stop here' }).check();
  await expect(dialog.locator('#share-url')).not.toHaveValue(plain);
  const axe = await new AxeBuilder({ page }).include('.share-popover').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  const url = await dialog.locator('#share-url').inputValue();
  await page.keyboard.press('Escape'); // closes the dialog, back on Share
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Share' })).toBeFocused();

  const other = await browser.newContext({ viewport: { width: 1600, height: 900 } });
  const viewer = await other.newPage();
  const viewerWatch = watchForErrors(viewer);
  await viewer.goto(url);
  await waitForPrompt(viewer);
  const card = viewer.getByRole('region', { name: 'Goals of this scenario' });
  await expect(card).toBeVisible();
  await expect(card.getByRole('listitem')).toHaveCount(2);
  const nginx = card.locator(`[data-goal="${NGINX}"]`);
  const top = card.locator(`[data-goal="${TOP}"]`);
  await expect(nginx).toContainText('A container from the nginx image is running');
  await expect(top).toContainText('You listed a container’s processes (docker top)');
  // The replay ran docker run: met. docker top is still ahead: not met.
  await expect(nginx).toHaveAttribute('data-met', 'true');
  await expect(nginx).toContainText('(met)');
  await expect(top).toHaveAttribute('data-met', 'false');
  await expect(top).toContainText('(not met yet)');
  await expect(card).toContainText('1 of 2 met');
  expect(await terminalText(viewer)).not.toContain('docker top web');

  await viewer.keyboard.press('ArrowRight');
  await expect(top).toHaveAttribute('data-met', 'true');
  await expect(card).toContainText('All goals met.');
  await expect(viewer.getByTestId('scenario-goals-live')).toHaveText('Scenario goal met: You listed a container’s processes (docker top)');
  const cardAxe = await new AxeBuilder({ page: viewer }).include('.scenario-goals').analyze();
  expect(cardAxe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  // Collapsible: the summary folds the list away and back.
  await card.getByText('Goals of this scenario').click();
  await expect(top).toBeHidden();
  await card.getByText('Goals of this scenario').click();
  await expect(top).toBeVisible();

  // A reload of that session keeps its goals, still ticked.
  await viewer.waitForTimeout(1000); // the session is saved (debounced)
  await viewer.reload();
  await waitForPrompt(viewer);
  await expect(card.getByRole('listitem')).toHaveCount(2);
  await expect(nginx).toHaveAttribute('data-met', 'true');
  await expect(top).toHaveAttribute('data-met', 'true');

  // Reset sandbox: the goals go with the session.
  viewer.once('dialog', (d) => void d.accept());
  await viewer.getByRole('button', { name: 'Reset sandbox' }).click();
  await viewer.waitForURL('**/');
  await waitForPrompt(viewer);
  await expect(card).toHaveCount(0);
  viewerWatch.expectClean();
  await other.close();

  // A link without goals shows no checklist.
  await page.getByRole('button', { name: 'Share' }).click();
  const bare = await dialog.locator('#share-url').inputValue();
  await page.goto('about:blank');
  await page.goto(bare);
  await waitForPrompt(page);
  await expect(page.getByRole('region', { name: 'Goals of this scenario' })).toHaveCount(0);
  watch.expectClean();
});

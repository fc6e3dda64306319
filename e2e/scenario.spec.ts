/**
 * Share and persistence against the real engine in the worker: run a container, edit a file in
 * the editor, Share → the URL; open it in a fresh browser (no saved session) and find the same
 * container ID and the same file; reload the first page and find the session intact (history,
 * containers, files); crash the worker and find it restored; a garbled link shows a clear error
 * and an empty sandbox.
 */
import { expect, test, type Page } from '@playwright/test';
import { panel, runToPrompt, terminalText, waitForPrompt, watchForErrors } from './helpers/ui.ts';

const PS = 'docker ps --no-trunc --format "{{.ID}} {{.Names}}"';

async function editIndexHtml(page: Page, text: string) {
  await page.getByRole('tab', { name: 'Files' }).click();
  const files = panel(page, 'Files');
  const tree = files.getByRole('tree', { name: 'Files in /root' });
  await tree.getByRole('treeitem', { name: 'index.html' }).click();
  const editor = files.getByRole('textbox', { name: 'Editor: /root/app/index.html' });
  await expect(editor).toBeVisible();
  await editor.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
  await page.keyboard.press('Control+s');
  await expect(files.getByRole('button', { name: 'Saved' })).toBeVisible();
}

test('share a session by URL, reload it intact, survive a worker crash', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const watch = watchForErrors(page);
  await page.goto('/');
  await waitForPrompt(page);
  await page.getByRole('button', { name: /10×/ }).click();

  const run = await runToPrompt(page, 'docker run -d --name web nginx');
  const id = run.match(/^[0-9a-f]{64}$/m)?.[0]; // the container ID (not the pull digest)
  expect(id).toBeDefined();
  await editIndexHtml(page, '<p>shared edit</p>');
  expect(await runToPrompt(page, 'tail -n 1 app/index.html')).toContain('<p>shared edit</p>');

  // Share: the URL is shown (and copied when the clipboard allows it).
  await page.getByRole('button', { name: 'Share' }).click();
  const url = await page.getByRole('dialog', { name: 'Link to this session' }).locator('input').inputValue();
  expect(url).toMatch(/#\/s\/[A-Za-z0-9_-]+$/);
  expect(url.length).toBeLessThan(2000);

  // A fresh browser (no saved session) opens the link: same container ID and name, same file.
  const other = await browser.newContext({ viewport: { width: 1600, height: 900 } });
  const fresh = await other.newPage();
  const freshWatch = watchForErrors(fresh);
  await fresh.goto(url);
  await waitForPrompt(fresh);
  expect(await runToPrompt(fresh, PS)).toContain(`${id} web`);
  expect(await runToPrompt(fresh, 'tail -n 1 app/index.html')).toContain('<p>shared edit</p>');
  expect(new URL(fresh.url()).hash).toBe(''); // the link did its work: a reload restores the session
  freshWatch.expectClean();
  await other.close();

  // Reload: the session is intact — the terminal shows what was typed, history recalls it, same state.
  await page.reload();
  await waitForPrompt(page);
  const restored = await terminalText(page);
  expect(restored).toContain('docker run -d --name web nginx');
  expect(restored).toContain(id!);
  expect(await runToPrompt(page, PS)).toContain(`${id} web`);
  expect(await runToPrompt(page, 'tail -n 1 app/index.html')).toContain('<p>shared edit</p>');
  const history = await runToPrompt(page, 'history');
  expect(history).toMatch(/docker run -d --name web nginx[\s\S]*tail -n 1 app\/index\.html[\s\S]*docker ps --no-trunc/);

  // The worker crashes (a request it cannot handle throws inside it): it is replaced and the session replayed.
  await page.evaluate(() => (window.__playground as unknown as { session: { crash(): void } }).session.crash());
  await expect(page.locator('[data-notice="restart"]')).toBeVisible();
  const before = (await terminalText(page)).length;
  expect(await runToPrompt(page, PS)).toContain(`${id} web`);
  // Nothing printed twice by the replay: only the new command and its answer were added.
  expect((await terminalText(page)).slice(before).split(id!).length).toBe(2);
  // A worker crash is logged to the console by design (client.ts); everything else must be clean.
  expect(watch.errors.filter((e) => !e.startsWith('console: engine worker:'))).toEqual([]);
});

test('a garbled shared link shows a clear error and an empty sandbox', async ({ page }) => {
  const watch = watchForErrors(page);
  await page.goto('/#/s/AAAA-this_is_not_a_scenario');
  await expect(page.getByRole('alert')).toContainText('This shared link could not be opened');
  await waitForPrompt(page);
  const ps = await runToPrompt(page, 'docker ps -a');
  expect(ps).toContain('CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES');
  expect(ps.trim().split('\n').filter((l) => l.trim()).length).toBe(2); // header and the prompt: no containers
  watch.expectClean();
});

test('Reset sandbox starts over empty', async ({ page }) => {
  await page.goto('/');
  await waitForPrompt(page);
  await runToPrompt(page, 'touch marker');
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: 'Reset sandbox' }).click();
  await page.waitForURL('**/');
  await waitForPrompt(page);
  expect(await terminalText(page)).not.toContain('touch marker');
  expect(await runToPrompt(page, 'ls marker')).toContain("ls: cannot access 'marker': No such file or directory");
});

test('Record: title, narration and a stop; the viewer steps through the rest', async ({ page, browser }) => {
  test.setTimeout(90_000);
  const watch = watchForErrors(page);
  await page.goto('/');
  await waitForPrompt(page);
  await runToPrompt(page, 'mkdir demo');
  await runToPrompt(page, 'touch demo/first');
  await runToPrompt(page, 'ls demo');

  await page.getByRole('button', { name: 'Share' }).click();
  const dialog = page.getByRole('dialog', { name: 'Link to this session' });
  await expect(dialog).toContainText('3 steps');
  const plain = await dialog.locator('#share-url').inputValue();
  await dialog.getByRole('button', { name: 'Record: title and narrate…' }).click();
  await dialog.getByLabel('Title').fill('Directories');
  await dialog.getByRole('textbox', { name: 'Narration for step 2' }).fill('An empty file appears.');
  await dialog.getByRole('textbox', { name: 'Narration for step 3' }).fill('List what is there.');
  await dialog.getByRole('listitem').nth(1).getByRole('checkbox', { name: 'Stop here' }).check();
  await expect(dialog.locator('#share-url')).not.toHaveValue(plain);
  const url = await dialog.locator('#share-url').inputValue();
  await dialog.getByRole('button', { name: 'Close' }).click();

  const other = await browser.newContext({ viewport: { width: 1600, height: 900 } });
  const viewer = await other.newPage();
  await viewer.goto(url);
  await waitForPrompt(viewer);
  // Only the steps before the stop were replayed; presenter mode holds the rest.
  const bar = viewer.getByRole('region', { name: 'Presentation' });
  await expect(bar).toBeVisible();
  await expect(bar.locator('.presenter-bar__caption')).toHaveText('Press → or space to type the first command.');
  expect(await terminalText(viewer)).not.toContain('touch demo/first');
  await viewer.keyboard.press('ArrowRight');
  await expect(bar.locator('.presenter-bar__caption')).toHaveText('An empty file appears.');
  await viewer.waitForFunction(() => (window.__playground?.terminalText() ?? '').includes('touch demo/first'));
  await bar.getByRole('button', { name: 'Next' }).click();
  await expect(bar.locator('.presenter-bar__caption')).toHaveText('List what is there.');
  await viewer.waitForFunction(() => /ls demo\s+first/.test(window.__playground?.terminalText() ?? ''));
  await other.close();
  watch.expectClean();
});

test("opening someone's link keeps the learner's own sandbox aside, and brings it back on request", async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/');
  await waitForPrompt(page);
  await runToPrompt(page, 'echo mine > /root/mine.txt');
  // Someone else's session, as a link: a different file.
  await runToPrompt(page, 'echo theirs > /root/theirs.txt');
  await page.getByRole('button', { name: 'Share' }).click();
  const url = await page.getByRole('dialog', { name: 'Link to this session' }).locator('input').inputValue();
  await page.getByRole('button', { name: 'Close' }).click();
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: 'Reset sandbox' }).click();
  await page.waitForURL('**/');
  await waitForPrompt(page);
  await runToPrompt(page, 'echo only-mine > /root/own.txt');
  await page.waitForTimeout(1500); // the session is saved (debounced)

  await page.goto('about:blank'); // a new page load, not a hash change on the open page
  await page.goto(url);
  await waitForPrompt(page);
  expect(await runToPrompt(page, 'ls /root')).toContain('theirs.txt');
  const notice = page.locator('[data-notice="previous"]');
  await expect(notice).toContainText('kept aside');
  await notice.getByRole('button', { name: 'Back to my sandbox' }).click();
  await waitForPrompt(page);
  const listing = await runToPrompt(page, 'ls /root');
  expect(listing).toContain('own.txt');
  expect(listing).not.toContain('theirs.txt');
});

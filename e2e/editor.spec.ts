/**
 * The Files & Dockerfile editor against the real engine in the worker: open the sample
 * Dockerfile from the host's file tree, see it highlighted, get BuildKit's parse error inline,
 * fix it, save, and read the saved file with `cat` in the terminal; shell edits show up in the
 * tree; unsaved edits survive switching tabs.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { clearTerminal, panel, runToPrompt, terminalText, waitForPrompt, watchForErrors } from './helpers/ui.ts';

const DOCKERFILE = '/root/app/Dockerfile';

async function openFiles(page: Page) {
  const watch = watchForErrors(page);
  await page.goto('/');
  await waitForPrompt(page);
  await page.getByRole('tab', { name: 'Files' }).click();
  const files = panel(page, 'Files');
  const tree = files.getByRole('tree', { name: 'Files in /root' });
  await expect(tree).toBeVisible();
  return { watch, files, tree };
}

const shot = (page: Page, name: string) => page.screenshot({ path: test.info().outputPath(`${name}.png`) });

test('open the Dockerfile, see a parse error inline, fix it, save, and cat it in the terminal', async ({ page }) => {
  const { watch, files, tree } = await openFiles(page);
  await expect(tree.getByRole('treeitem', { name: 'app' })).toHaveAttribute('aria-expanded', 'true');
  await tree.getByRole('treeitem', { name: 'Dockerfile' }).click();
  await expect(tree.getByRole('treeitem', { name: 'Dockerfile' })).toHaveAttribute('aria-selected', 'true');

  const editor = files.getByRole('textbox', { name: `Editor: ${DOCKERFILE}` });
  await expect(editor).toBeVisible();
  await expect(editor).toContainText('WORKDIR /app');
  // Highlighted by the Dockerfile mode: instructions are keyword tokens.
  await expect(editor.locator('.tok-keyword').first()).toHaveText('FROM');
  await expect(editor.locator('.tok-comment').first()).toContainText('# A small web page');

  // A typo: BuildKit's parse error appears inline.
  await editor.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('RUNN x');
  await expect(files.getByRole('status').filter({ hasText: 'unsaved changes' })).toBeVisible();
  const squiggle = editor.locator('.cm-lintRange-error');
  await expect(squiggle).toHaveText('RUNN x', { timeout: 5_000 });
  await squiggle.hover(); // the diagnostic's tooltip, in BuildKit's words
  await expect(page.locator('.cm-tooltip-lint')).toContainText('unknown instruction: RUNN');
  await shot(page, 'editor-parse-error');

  // Fix it (RUNN → RUN): the marker goes away.
  await editor.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Delete');
  await expect(editor).toContainText('RUN x');
  await expect(squiggle).toHaveCount(0, { timeout: 5_000 });

  // Ctrl+S saves; the terminal sees the saved file at once.
  await page.keyboard.press('Control+s');
  await expect(files.getByRole('button', { name: 'Saved' })).toBeVisible();
  await expect(files.getByRole('status').filter({ hasText: 'unsaved changes' })).toHaveCount(0);
  const cat = await runToPrompt(page, `cat ${DOCKERFILE}`, { clear: true });
  expect(cat).toContain('COPY index.html .\nRUN wc -c index.html > size.txt\nCMD ["cat", "index.html"]\nRUN x');
  await shot(page, 'editor-saved');
  watch.expectClean();
});

test('the tree follows the shell, is keyboard-operable, and unsaved edits survive switching tabs', async ({ page }) => {
  const { watch, files, tree } = await openFiles(page);

  // A file made in the shell appears in the tree.
  await runToPrompt(page, 'echo "hello" > /root/app/notes.txt', { clear: true });
  await expect(tree.getByRole('treeitem', { name: 'notes.txt' })).toBeVisible();

  // Keyboard: focus the tree, move to notes.txt, open it with Enter.
  await tree.getByRole('treeitem', { name: 'app' }).focus();
  await page.keyboard.press('ArrowDown'); // .dockerignore
  await page.keyboard.press('ArrowDown'); // Dockerfile
  await page.keyboard.press('ArrowDown'); // index.html
  await page.keyboard.press('ArrowDown'); // notes.txt
  await expect(tree.getByRole('treeitem', { name: 'notes.txt' })).toBeFocused();
  await page.keyboard.press('Enter');
  const editor = files.getByRole('textbox', { name: 'Editor: /root/app/notes.txt' });
  await expect(editor).toContainText('hello');

  // Edit without saving, switch to Cgroups and back: the edit is still there, still unsaved.
  await editor.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('draft line');
  await page.getByRole('tab', { name: 'Cgroups' }).click();
  await page.getByRole('tab', { name: 'Files' }).click();
  await expect(files.getByRole('textbox', { name: 'Editor: /root/app/notes.txt' })).toContainText('draft line');
  await expect(tree.getByRole('treeitem', { name: 'notes.txt (unsaved changes)' })).toBeVisible();
  expect(await runToPrompt(page, 'cat /root/app/notes.txt', { clear: true })).not.toContain('draft');

  // Leaving the page with unsaved text asks first; staying keeps the edit.
  const asked = new Promise<string>((resolve) => page.once('dialog', (d) => (resolve(d.type()), void d.dismiss())));
  void page.reload().catch(() => {}); // held by the prompt; dismissed, it never completes
  expect(await asked).toBe('beforeunload');
  await expect(files.getByRole('textbox', { name: 'Editor: /root/app/notes.txt' })).toContainText('draft line');

  // Left collapses the folder; the Folder picker reaches /srv and /.
  await tree.getByRole('treeitem', { name: 'app' }).focus();
  await page.keyboard.press('ArrowLeft');
  await expect(tree.getByRole('treeitem', { name: 'app' })).toHaveAttribute('aria-expanded', 'false');
  await files.getByLabel('Folder', { exact: true }).selectOption('/');
  await expect(files.getByRole('tree', { name: 'Files in /' }).getByRole('treeitem', { name: 'srv' })).toBeVisible();
  await files.getByLabel('Folder', { exact: true }).selectOption('/root');

  // New folder and file from the toolbar; the engine's refusal is shown in its words.
  await tree.getByRole('treeitem', { name: 'app' }).click();
  await files.getByRole('button', { name: 'New file' }).click();
  await files.getByLabel('Name of the new file in /root/app').fill('Dockerfile');
  await page.keyboard.press('Enter');
  await expect(files.getByRole('alert')).toContainText('/root/app/Dockerfile: File exists');
  await files.getByLabel('Name of the new file in /root/app').fill('extra.txt');
  await page.keyboard.press('Enter');
  await expect(files.getByRole('textbox', { name: 'Editor: /root/app/extra.txt' })).toBeVisible();
  expect(await runToPrompt(page, 'ls -a /root/app | cat', { clear: true })).toContain('extra.txt');

  // F2 renames (the open editor follows), Delete asks, then deletes.
  await tree.getByRole('treeitem', { name: 'extra.txt' }).focus();
  await page.keyboard.press('F2');
  await files.getByLabel('New name for /root/app/extra.txt').fill('renamed.txt');
  await page.keyboard.press('Enter');
  await expect(tree.getByRole('treeitem', { name: 'renamed.txt' })).toBeVisible();
  await expect(files.getByRole('textbox', { name: 'Editor: /root/app/renamed.txt' })).toBeVisible();
  await tree.getByRole('treeitem', { name: 'renamed.txt' }).focus();
  await page.keyboard.press('Delete');
  await files.getByRole('group', { name: 'Delete /root/app/renamed.txt?' }).getByRole('button', { name: 'Delete' }).click();
  await expect(tree.getByRole('treeitem', { name: 'renamed.txt' })).toHaveCount(0);
  const listing = await runToPrompt(page, 'ls -a /root/app | cat', { clear: true });
  expect(listing).not.toContain('renamed.txt');
  expect(listing).not.toContain('extra.txt');

  const axe = await new AxeBuilder({ page }).include('[data-panel="files"]').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await shot(page, 'editor-tree');
  watch.expectClean();
});

/** Clicks Build and waits for the build it types to finish (prompt back); returns the terminal output since the click. */
async function build(page: Page, files: ReturnType<typeof panel>, tag = 'app', dir = '/root/app'): Promise<string> {
  await clearTerminal(page);
  const before = (await terminalText(page)).length;
  const button = files.getByRole('button', { name: 'Build' });
  await button.click();
  const command = `docker build -t ${tag} ${dir}`;
  await page.waitForFunction(
    ({ from, cmd, done }) => {
      const after = (window.__playground?.terminalText() ?? '').slice(from);
      const at = after.indexOf(cmd);
      return at >= 0 && after.includes(done) && /root@playground:[^#\n]*# $/.test(after.trimEnd() + ' ');
    },
    { from: before, cmd: command, done: `naming to docker.io/library/${tag}:latest` },
    { timeout: 30_000, polling: 50 },
  );
  await expect(button).toBeEnabled();
  return (await terminalText(page)).slice(before);
}

/** Each step as the progress display last drew it (` => CACHED [2/5] …` or ` => [2/5] …`): `CACHED` or `built`. */
function steps(output: string): Record<string, 'CACHED' | 'built'> {
  const result: Record<string, 'CACHED' | 'built'> = {};
  for (const m of output.matchAll(/^ => (CACHED )?\[(\d+\/\d+)\] /gm)) result[m[2]] = m[1] ? 'CACHED' : 'built';
  return result;
}

test('Build types docker build in the terminal; a rebuild is all cache; editing the COPYed file rebuilds from that COPY on', async ({ page }) => {
  const { watch, files, tree } = await openFiles(page);
  const editor = files.getByRole('textbox', { name: `Editor: ${DOCKERFILE}` });
  await expect(editor).toBeVisible(); // the sample Dockerfile opens on first view
  await expect(files.getByLabel('Image name')).toHaveValue('app');
  await expect(files.getByText('docker build -t app /root/app')).toBeVisible();

  // First build (1×: slow enough to see the button wait for it).
  const before = (await terminalText(page)).length;
  await files.getByRole('button', { name: 'Build' }).click();
  await expect(files.getByRole('button', { name: 'Building…' })).toBeDisabled();
  await expect(page.getByRole('tab', { name: 'Layers' })).toHaveAttribute('aria-selected', 'true');
  await page.waitForFunction((from) => /naming to docker\.io\/library\/app:latest[\s\S]*root@playground:~# $/.test((window.__playground?.terminalText() ?? '').slice(from).trimEnd() + ' '), before, { timeout: 60_000 });
  const first = (await terminalText(page)).slice(before);
  expect(await terminalText(page)).toContain('root@playground:~# docker build -t app /root/app\n'); // typed at the prompt
  expect(first).toMatch(/=> exporting to image/);
  expect(steps(first)).toEqual({ '1/5': 'built', '2/5': 'built', '3/5': 'built', '4/5': 'built', '5/5': 'built' });
  await expect(files.getByRole('button', { name: 'Build' })).toBeEnabled();
  // The Layers view lights the steps: every one built, and the new image stands on its layers.
  const strip = panel(page, 'Layers').getByRole('region', { name: 'Steps of the latest build' });
  const step = (n: string) => strip.getByRole('listitem').filter({ hasText: `[${n}]` });
  for (const n of ['2/5', '3/5', '4/5', '5/5']) await expect(step(n)).toContainText('built');
  await expect(panel(page, 'Layers').getByText('app:latest').first()).toBeVisible();
  await shot(page, 'build-first');

  await page.getByRole('button', { name: /10×/ }).click();
  // Again: nothing changed, every step comes from the cache.
  const second = await build(page, files);
  expect(steps(second)).toEqual({ '1/5': 'CACHED', '2/5': 'CACHED', '3/5': 'CACHED', '4/5': 'CACHED', '5/5': 'CACHED' });
  for (const n of ['2/5', '3/5', '4/5', '5/5']) await expect(step(n)).toContainText('CACHED');

  // Edit the file COPY takes, save, build: the steps before the COPY stay cached, the COPY and what follows run again.
  await tree.getByRole('treeitem', { name: 'index.html' }).click();
  const html = files.getByRole('textbox', { name: 'Editor: /root/app/index.html' });
  await html.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('<p>v2</p>');
  await page.keyboard.press('Control+s');
  await expect(files.getByRole('button', { name: 'Saved' })).toBeVisible();
  await tree.getByRole('treeitem', { name: 'Dockerfile' }).click();
  const third = await build(page, files);
  expect(steps(third)).toEqual({ '1/5': 'CACHED', '2/5': 'CACHED', '3/5': 'CACHED', '4/5': 'built', '5/5': 'built' });
  await expect(step('3/5')).toContainText('CACHED');
  await expect(step('4/5')).toContainText('built');
  await expect(step('5/5')).toContainText('built');
  await shot(page, 'build-after-edit');

  // The image has the edit.
  expect(await runToPrompt(page, 'docker run --rm app', { clear: true })).toContain('<p>v2</p>');

  // A typed image name is used, and a dirty Dockerfile is saved before building.
  await files.getByLabel('Image name').fill('web');
  await editor.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('LABEL lesson=cache');
  const fourth = await build(page, files, 'web');
  expect(fourth).toContain('docker build -t web /root/app');
  expect(await runToPrompt(page, "docker inspect -f '{{.Config.Labels}}' web", { clear: true })).toContain('map[lesson:cache]');
  watch.expectClean();
});

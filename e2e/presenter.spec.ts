/**
 * Issue 5: presenter mode (step through with the keyboard, captions, what changed ringed, Esc
 * leaves), the language switch (UI text changes, terminal output does not), and a phone where the
 * command palette composes a command by tapping. Run alone: E2E_PORT=4351 node scripts/e2e.mjs e2e/presenter.spec.ts
 */
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { panel, runToPrompt, terminalText, waitForOutput, waitForPrompt, watchForErrors } from './helpers/ui.ts';

const axeViolations = async (page: Page) =>
  (await new AxeBuilder({ page }).analyze()).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);

/** Waits until the shell prompt follows `command` in the terminal (the step's `done`). */
async function waitForCommandDone(page: Page, command: string, timeout = 60_000): Promise<void> {
  await page.waitForFunction(
    (cmd) => {
      const all = window.__playground?.terminalText() ?? '';
      const at = all.lastIndexOf(`# ${cmd}`);
      return at >= 0 && /root@playground:[^#\n]*# $/.test(all.slice(at + cmd.length + 2).trimEnd() + ' ');
    },
    command,
    { timeout, polling: 50 },
  );
}

test('presenter mode: ?present, step through with → and space, captions, rings, ← and Esc', async ({ page }) => {
  const watch = watchForErrors(page);
  await page.goto('/?present');
  await waitForPrompt(page);
  const app = page.locator('.app');
  await expect(app).toHaveAttribute('data-presenter', '');
  // One focused diagram beside the terminal: the side area is gone.
  await expect(panel(page, 'Processes')).toBeVisible();
  await expect(panel(page, 'Terminal')).toBeVisible();
  await expect(panel(page, 'Cgroups')).toHaveCount(0);
  // Projector type: the terminal font grows to 22 px (xterm's option, not a CSS zoom).
  const termFont = await page.locator('.xterm-rows').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(termFont).toBeGreaterThanOrEqual(20);
  const tabFont = await page.getByRole('tab', { name: 'Processes' }).evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(tabFont).toBeGreaterThanOrEqual(24);

  await page.getByRole('button', { name: '10×' }).click();
  const bar = page.getByRole('region', { name: 'Presentation' });
  const caption = bar.locator('.presenter-bar__caption');
  await expect(caption).toHaveText('Press → or space to type the first command.');
  await bar.click({ position: { x: 5, y: 5 } }); // the keyboard belongs to the presentation, not the terminal

  // Step 1 with →: the command is typed in the terminal, the caption changes, what it made is ringed.
  await page.keyboard.press('ArrowRight');
  await expect(bar.getByText('Step 1 of 5')).toBeVisible();
  await expect(caption).toContainText('Start a web server in the background');
  await waitForOutput(page, 'root@playground:~# docker run -d --name web nginx');
  await waitForCommandDone(page, 'docker run -d --name web nginx');
  await expect(page.locator('.presenter-ring').first()).toBeVisible({ timeout: 3_000 });
  await expect(bar.getByRole('button', { name: /Next/ })).toBeEnabled();

  // Step 2 with →.
  await page.keyboard.press('ArrowRight');
  await expect(bar.getByText('Step 2 of 5')).toBeVisible();
  await expect(caption).toContainText('ordinary host PIDs');
  await waitForCommandDone(page, 'docker top web');
  expect(await terminalText(page)).toContain('nginx: master process nginx -g daemon off;');
  // Scanned here, while nothing is fading out (step 3's OOM kill leaves ghosts mid-animation).
  expect(await axeViolations(page)).toEqual([]);

  // Step 3 with space.
  await page.keyboard.press(' ');
  await expect(bar.getByText('Step 3 of 5')).toBeVisible();
  await expect(caption).toContainText('64 MiB memory limit');
  const hog = 'docker run -d --name hog --memory 64m progrium/stress --vm 1 --vm-bytes 128M';
  await waitForCommandDone(page, hog);
  await expect(bar.locator('code')).toHaveText(`$ ${hog}`);
  await page.waitForTimeout(300);
  await page.screenshot({ path: test.info().outputPath('presenter-1600x900.png') });

  // ← goes back in time: the host as it was after step 2 (no hog yet), the terminal read-only.
  const before = await terminalText(page);
  const hogNode = panel(page, 'Processes').getByText('hog', { exact: true });
  await page.keyboard.press('ArrowLeft');
  await expect(bar.getByText('Step 2 of 5')).toBeVisible();
  await expect(caption).toContainText('ordinary host PIDs');
  await expect(bar.getByText('already ran')).toBeVisible();
  await expect(page.locator('.travel-banner')).toContainText('read-only');
  await expect(hogNode).toHaveCount(0);
  await expect(panel(page, 'Processes').getByText('web', { exact: true }).first()).toBeVisible();
  await expect.poll(() => terminalText(page)).not.toContain(hog);
  // → walks back to step 3, the present, without running it twice.
  await page.keyboard.press('ArrowRight');
  await expect(bar.getByText('Step 3 of 5')).toBeVisible();
  await expect(page.locator('.travel-banner')).toHaveCount(0);
  await expect.poll(() => terminalText(page)).toBe(before);

  // Autoplay runs the remaining steps (the OOM kill, docker's record of it), then stops.
  const autoplay = bar.getByRole('button', { name: 'Autoplay' });
  await autoplay.click();
  await expect(bar.getByText('Step 4 of 5')).toBeVisible({ timeout: 10_000 });
  await waitForCommandDone(page, 'docker wait hog');
  await expect(bar.getByText('Step 5 of 5')).toBeVisible({ timeout: 10_000 });
  await waitForOutput(page, /OOMKilled\}\} \{\{\.State\.ExitCode\}\}" hog\ntrue 1\n/);
  await expect(autoplay).toHaveAttribute('aria-pressed', 'false');

  // Esc leaves: the side area is back, the address forgets ?present.
  await page.keyboard.press('Escape');
  await expect(app).not.toHaveAttribute('data-presenter', '');
  await expect(panel(page, 'Cgroups')).toBeVisible();
  await expect(bar).toHaveCount(0);
  expect(new URL(page.url()).search).toBe('');
  // The header's toggle brings it back.
  await page.getByRole('button', { name: 'Presenter' }).click();
  await expect(app).toHaveAttribute('data-presenter', '');
  expect(new URL(page.url()).search).toBe('?present');
  watch.expectClean();
});

test('switching the language translates the UI, not the terminal, and is remembered', async ({ page }) => {
  const watch = watchForErrors(page);
  await page.goto('/');
  await waitForPrompt(page);
  await runToPrompt(page, 'docker ps -a');
  const terminalBefore = await terminalText(page);
  expect(terminalBefore).toContain('CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES');

  await page.getByRole('button', { name: 'Português' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'pt-BR');
  await expect(panel(page, 'Processos')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Apresentação' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Comandos' })).toBeVisible();
  expect(await terminalText(page)).toBe(terminalBefore); // docker's output is never translated
  expect(await page.evaluate(() => localStorage.getItem('container-playground.lang'))).toBe('pt-BR');

  // Presenter captions follow the language too.
  await page.getByRole('button', { name: 'Apresentação' }).click();
  await expect(page.getByRole('region', { name: 'Apresentação' }).locator('.presenter-bar__caption')).toHaveText('Pressione → ou espaço para digitar o primeiro comando.');
  await page.keyboard.press('Escape');

  await page.reload();
  await expect(panel(page, 'Processos')).toBeVisible();
  await page.getByRole('button', { name: 'English' }).click();
  await expect(panel(page, 'Processes')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  watch.expectClean();
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

  test('the command palette composes docker run -d --name web nginx by tapping and runs it', async ({ page }) => {
    const watch = watchForErrors(page);
    await page.goto('/');
    await waitForPrompt(page);
    await page.getByRole('button', { name: '10×' }).tap();
    // Nothing sticks out sideways: the layout fits the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    await page.getByRole('button', { name: 'Commands' }).tap();
    const sheet = page.getByRole('dialog', { name: 'Compose a command' });
    await expect(sheet).toBeVisible();
    const line = sheet.locator('output');
    await expect(line).toHaveText('docker');

    // Insert puts the line at the prompt without Enter; a second tap runs it.
    await sheet.getByRole('button', { name: 'ps', exact: true }).tap();
    await sheet.getByRole('button', { name: '-a', exact: true }).tap();
    await expect(line).toHaveText('docker ps -a');
    await sheet.getByRole('button', { name: 'Insert at prompt' }).tap();
    await waitForOutput(page, /root@playground:~# docker ps -a$/);
    expect(await terminalText(page)).not.toContain('CONTAINER ID');
    await sheet.getByRole('button', { name: /Run it/ }).tap();
    await expect(sheet).toBeHidden();
    await waitForOutput(page, 'CONTAINER ID');

    await page.getByRole('button', { name: 'Commands' }).tap();
    await sheet.getByRole('button', { name: 'run', exact: true }).tap();
    await expect(sheet.getByRole('button', { name: 'Run', exact: true })).toBeDisabled(); // no image yet
    await sheet.getByRole('button', { name: '-d', exact: true }).tap();
    await sheet.getByRole('button', { name: '--name web', exact: true }).tap();
    await sheet.getByRole('button', { name: 'nginx', exact: true }).tap();
    await expect(line).toHaveText('docker run -d --name web nginx');
    await page.screenshot({ path: test.info().outputPath('palette-390x844.png') });
    expect(await axeViolations(page)).toEqual([]);

    await sheet.getByRole('button', { name: 'Run', exact: true }).tap();
    await expect(sheet).toBeHidden();
    await waitForOutput(page, 'root@playground:~# docker run -d --name web nginx');
    await waitForOutput(page, /^[0-9a-f]{64}\nroot@playground:~# /m, 30_000);

    // The palette now knows the container: stop offers it.
    await page.getByRole('button', { name: 'Commands' }).tap();
    await sheet.getByRole('button', { name: 'stop', exact: true }).tap();
    await expect(sheet.getByRole('button', { name: 'web', exact: true })).toBeVisible();
    await sheet.getByRole('button', { name: 'Close' }).tap();
    await expect(sheet).toBeHidden();

    // The web container's cgroup card fits the phone's width (figures wrap under their bars).
    const card = panel(page, 'Cgroups').locator('.cg-card').first();
    await card.scrollIntoViewIfNeeded();
    await expect(card).toContainText('web');
    expect(await card.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await page.screenshot({ path: test.info().outputPath('phone-cgroups-390x844.png') });
    await panel(page, 'Terminal').scrollIntoViewIfNeeded();
    await page.screenshot({ path: test.info().outputPath('phone-390x844.png') });
    expect(await axeViolations(page)).toEqual([]);
    watch.expectClean();
  });

  test.describe('and a tablet', () => {
    test.use({ viewport: { width: 820, height: 1180 }, hasTouch: true });
    test('stacks the areas without sideways scrolling', async ({ page }) => {
      const watch = watchForErrors(page);
      await page.goto('/');
      await waitForPrompt(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(820);
      await expect(page.getByRole('button', { name: 'Commands' })).toBeVisible();
      // The terminal comes right under the diagram, on the first screen.
      const terminalBox = await panel(page, 'Terminal').boundingBox();
      expect(terminalBox!.y).toBeLessThan(1180);
      await page.screenshot({ path: test.info().outputPath('tablet-820x1180.png') });
      watch.expectClean();
    });
  });
});

/**
 * The smallest text drawn in the main area's React Flow nodes, as it reaches the screen: the
 * computed font size times the zoom of `.react-flow__viewport` (React Flow's camera). Only text
 * inside the visible part of the panel counts; the diagram may pan to show the rest.
 */
async function smallestNodeText(page: Page): Promise<{ min: number; count: number; smallest: string[] }> {
  return page.evaluate(() => {
    const body = document.querySelector('.area-main .panel__body')!;
    const view = body.getBoundingClientRect();
    const viewport = body.querySelector('.react-flow__viewport');
    if (!viewport) return { min: 0, count: 0, smallest: ['no .react-flow__viewport'] };
    const zoom = new DOMMatrix(getComputedStyle(viewport).transform).a;
    const found: { size: number; what: string }[] = [];
    const walker = document.createTreeWalker(viewport, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      const el = text.parentElement;
      if (!el || !text.textContent?.trim() || !el.closest('.react-flow__node')) continue;
      const range = document.createRange();
      range.selectNodeContents(text);
      const r = range.getBoundingClientRect();
      if (r.width === 0 || r.right < view.left || r.left > view.right || r.bottom < view.top || r.top > view.bottom) continue;
      found.push({ size: parseFloat(getComputedStyle(el).fontSize) * zoom, what: `${el.className}: ${text.textContent.trim().slice(0, 24)}` });
    }
    found.sort((a, b) => a.size - b.size);
    return { min: found[0]?.size ?? 0, count: found.length, smallest: found.slice(0, 4).map((f) => `${f.size.toFixed(1)}px ${f.what}`) };
  });
}

/**
 * Labels cut off or spilling out of their node: a text line reaching below (or above) its node's
 * box or an ancestor that clips it. Sideways ellipsis is by design and not counted.
 */
async function clippedLabels(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const node of document.querySelectorAll('.area-main .react-flow__node')) {
      const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
      for (let text = walker.nextNode(); text; text = walker.nextNode()) {
        if (!text.textContent?.trim()) continue;
        const range = document.createRange();
        range.selectNodeContents(text);
        const r = range.getBoundingClientRect();
        for (let el = text.parentElement; el && el !== node; el = el.parentElement) {
          const clips = el === node.firstElementChild || getComputedStyle(el).overflowY !== 'visible';
          if (!clips) continue;
          const box = el.getBoundingClientRect();
          if (r.bottom > box.bottom + 1 || r.top < box.top - 1) out.push(`${text.textContent.trim().slice(0, 24)} (${r.top.toFixed(0)}–${r.bottom.toFixed(0)}) outside ${el.className} (${box.top.toFixed(0)}–${box.bottom.toFixed(0)})`);
        }
      }
    }
    return out;
  });
}

test.describe('on a 1920x1080 projector', () => {
  test.use({ viewport: { width: 1920, height: 1080 } });

  test('the Processes and Layers diagrams draw their labels at 18 px or more', async ({ page }) => {
    const watch = watchForErrors(page);
    await page.goto('/?present');
    await waitForPrompt(page);
    await page.getByRole('button', { name: '10×' }).click();
    await runToPrompt(page, 'docker run -d --name web nginx');
    await runToPrompt(page, 'docker run -d --name db redis');
    await runToPrompt(page, 'docker run -d --name hog --memory 64m alpine sleep 1000');
    const main = page.locator('.area-main');

    // Processes: the three namespace boxes and their processes are drawn…
    await expect(main.locator('.nsbox__name', { hasText: 'hog' })).toBeVisible();
    await expect(main.locator('.proc__comm', { hasText: 'sleep' })).toBeVisible();
    // …and once the camera settles (a long pan dips the zoom while it animates), every label in
    // view reads from the back row.
    await expect.poll(async () => (await smallestNodeText(page)).min, { timeout: 5_000 }).toBeGreaterThanOrEqual(18);
    const processes = await smallestNodeText(page);
    expect(processes.count, processes.smallest.join('\n')).toBeGreaterThan(5);
    expect(processes.min, processes.smallest.join('\n')).toBeGreaterThanOrEqual(18);
    expect(await clippedLabels(page)).toEqual([]); // the larger type fits its (larger) nodes
    await page.screenshot({ path: test.info().outputPath('presenter-processes-1920x1080.png') });

    await page.getByRole('tab', { name: 'Layers' }).click();
    for (const image of ['nginx:latest', 'redis:latest', 'alpine:latest']) await expect(main.locator('.chip', { hasText: image })).toHaveCount(1);
    await expect(main.locator('.lctr__name', { hasText: 'hog' })).toBeVisible();
    await expect.poll(async () => (await smallestNodeText(page)).min, { timeout: 5_000 }).toBeGreaterThanOrEqual(18);
    const layers = await smallestNodeText(page);
    expect(layers.count, layers.smallest.join('\n')).toBeGreaterThan(5);
    expect(layers.min, layers.smallest.join('\n')).toBeGreaterThanOrEqual(18);
    expect(await clippedLabels(page)).toEqual([]);
    await page.screenshot({ path: test.info().outputPath('presenter-layers-1920x1080.png') });
    watch.expectClean();
  });
});

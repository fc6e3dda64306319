/**
 * Issue 6, accessibility: axe (WCAG 2 A/AA, 2.1 AA) finds nothing serious or critical on any tab,
 * in normal and presenter mode, with a realistic host behind them; every diagram has a text
 * equivalent a screen reader gets (asserted through roles and accessible names, never CSS
 * classes); the footer's aria-live line narrates; the main flows work from the keyboard alone;
 * `prefers-reduced-motion: reduce` leaves no animation running on the views that animate.
 * Run alone: E2E_PORT=4206 node scripts/e2e.mjs e2e/a11y.spec.ts
 */
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { openPlayground, panel, runToPrompt, waitForOutput, waitForPrompt, watchForErrors } from './helpers/ui.ts';

const MAIN = ['Processes', 'Layers', 'Overlay', 'Volumes', 'Architecture', 'VM vs container', 'Registry'] as const;

/** Waits for what is fading in to finish (axe would measure a half-faded colour's contrast). */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity),
    null,
    { timeout: 10_000, polling: 100 },
  );
}

/** Serious and critical axe findings, one line each; `scope` limits the scan to one panel. */
async function seriousViolations(page: Page, scope?: string): Promise<string[]> {
  await settled(page);
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']);
  if (scope) builder = builder.include(scope);
  const { violations } = await builder.analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const shot = (page: Page, name: string) => page.screenshot({ path: test.info().outputPath(`${name}.png`) });
const openTab = async (page: Page, name: string) => {
  await page.getByRole('tab', { name, exact: true }).click();
  await expect(panel(page, name)).toBeVisible();
};
const footer = (page: Page) => page.getByRole('contentinfo');

test('axe finds nothing serious on any tab, normal or presenting; every diagram is also in words; the footer narrates', async ({ page }) => {
  test.setTimeout(150_000);
  const watch = await openPlayground(page);
  // A realistic host: a user network with two containers, a volume, an OOM kill, a build, a push.
  await runToPrompt(page, 'docker network create appnet');
  await runToPrompt(page, 'docker volume create data');
  await runToPrompt(page, 'docker run -d --name web --network appnet -v data:/data nginx');
  // The aria-live line (a polite live region) says what the command did.
  const live = footer(page).locator('[aria-live="polite"]').first();
  await expect(live).toContainText('web started');
  await runToPrompt(page, 'docker run -d --name cache --network appnet redis');
  await runToPrompt(page, 'docker run -d --name hog --memory 64m progrium/stress --vm 1 --vm-bytes 128M');
  await expect(live).toContainText(/hog was OOM-killed \(stress, PID \d+\)/, { timeout: 15_000 });
  await runToPrompt(page, 'docker build -t app /root/app');
  await runToPrompt(page, 'docker run -d -p 5000:5000 --name registry registry:2');
  await runToPrompt(page, 'docker tag app localhost:5000/app');
  expect(await runToPrompt(page, 'docker push localhost:5000/app')).toMatch(/latest: digest: sha256:/);
  await openTab(page, 'Lessons');
  await page.getByRole('button', { name: 'What a container is' }).click();
  await expect(page.getByRole('heading', { name: '1. What a container is' })).toBeVisible();

  // The whole page once, then each tab's panel.
  expect(await seriousViolations(page)).toEqual([]);
  const found: string[] = [];
  const scan = async (view: string, label: string) => found.push(...(await seriousViolations(page, `[data-panel="${view}"]`)).map((v) => `${label}: ${v}`));

  // Processes: React Flow's application is named, and described by a summary of every container.
  await openTab(page, 'Processes');
  const tree = page.getByRole('application', { name: 'Process tree' });
  await expect(tree).toHaveAccessibleDescription(/^4 containers: web \(nginx, Running, 5 processes\); cache \(redis, Running, 1 process\); hog \(progrium\/stress, Exited \(1\), OOM-killed, 0 processes\); registry \(registry:2, Running, 1 process\)\. \d+ host processes outside containers\.$/);
  await expect(tree.getByRole('group', { name: /^Container web, PID namespace/ })).toBeVisible();
  // Edges say who started whom: nginx's master under its shim; the shim launched by containerd.
  await expect(tree.getByRole('img', { name: /^nginx \(PID \d+\) is a child of containerd-shim \(PID \d+\)$/ })).toHaveCount(1);
  await expect(tree.getByRole('img', { name: /^containerd \(PID \d+\) launched containerd-shim \(PID \d+\)$/ })).toHaveCount(3);
  await scan('processes', 'Processes');

  await openTab(page, 'Layers');
  const graph = page.getByRole('application', { name: 'Layer graph' });
  await expect(graph).toHaveAccessibleDescription(/^5 images: app:latest, localhost:5000\/app:latest \(5 layers, [\d.]+[kM]?B\); nginx:latest \(7 layers, [\d.]+MB\);.* registry:2 \(5 layers, [\d.]+MB\)\. 2 layers shared by more than one image\.$/);
  await expect(graph.getByRole('button', { name: /^Image app:latest/ })).toBeVisible();
  await scan('layers', 'Layers');

  await openTab(page, 'Overlay');
  await expect(page.getByRole('region', { name: /^Lower layers/ })).toBeVisible();
  await expect(page.getByRole('region', { name: /^Upper dir/ })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Merged' })).toBeVisible();
  await scan('overlay', 'Overlay');

  // Volumes: what each mount point is backed by (the drawn links) is said in words.
  await openTab(page, 'Volumes');
  const backed = panel(page, 'Volumes').getByRole('listitem').filter({ hasText: 'backed by volume data' });
  await expect(backed).toHaveCount(1);
  await expect(backed).toHaveText('/data read-write, backed by volume data');
  // redis declares VOLUME /data: cache's /data is an anonymous volume.
  await expect(panel(page, 'Volumes').getByRole('listitem').filter({ hasText: /^\/data read-write, backed by volume [0-9a-f]{64}$/ })).toHaveCount(1);
  await expect(panel(page, 'Volumes').getByRole('group', { name: 'Volumes, host directories and mounts' })).toBeVisible();
  await scan('volumes', 'Volumes');

  await openTab(page, 'Architecture');
  await expect(page.getByRole('img', { name: 'The Docker stack, with the path of the selected Engine API call' })).toBeVisible();
  await expect(page.getByText(/^Reached: dockerd → images → registry · latest call: POST \/images\/localhost:5000\/app\/push/)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Engine API calls' }).getByRole('button', { name: /^POST \/v1\.51\/containers\/create\?name=web, status 201/ })).toBeVisible();
  await scan('architecture', 'Architecture');

  await openTab(page, 'VM vs container');
  await expect(page.getByRole('region', { name: 'Three containers' })).toBeVisible();
  await expect(page.getByRole('rowheader', { name: 'Start time' })).toBeVisible();
  await scan('vmcompare', 'VM vs container');

  await openTab(page, 'Registry');
  await expect(page.getByRole('region', { name: /^Push of localhost:5000\/app:latest done/ })).toBeVisible();
  await expect(page.getByRole('region', { name: /^localhost:5000/ }).getByRole('list', { name: 'Blobs of app' })).toBeVisible();
  await scan('registry', 'Registry');

  // Cgroups: each gauge is a meter with its value in words; the OOM kill is said on the card.
  await openTab(page, 'Cgroups');
  await expect(page.getByRole('meter', { name: 'Memory of web' })).toHaveAttribute('aria-valuetext', /MiB/);
  await expect(page.getByRole('article', { name: 'hog' })).toContainText('OOM-killed');
  await scan('cgroups', 'Cgroups');

  // Network: the drawing is an image named by its counts and described bridge by bridge.
  await openTab(page, 'Network');
  await expect(page.getByRole('img', { name: /^Networks: 2 bridges, 3 container endpoints, 2 published ports$/ })).toHaveAccessibleDescription(
    /appnet network \(172\.\d+\.0\.0\/16, bridge br-[0-9a-f]+\): web 172\.\d+\.0\.2, cache 172\.\d+\.0\.3.*published: 0\.0\.0\.0:5000 → registry:5000\/tcp/,
  );
  await scan('network', 'Network');

  for (const tab of ['Files', 'Lessons', 'Timeline'] as const) {
    await openTab(page, tab);
    await scan(tab.toLowerCase(), tab);
  }
  await shot(page, 'a11y-normal');
  expect(found).toEqual([]);

  // Presenter mode on a 1920×1080 projector: every main tab again, the caption bar included.
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.getByRole('button', { name: 'Presenter' }).click();
  await expect(page.getByRole('region', { name: 'Presentation' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  for (const tab of MAIN) {
    await openTab(page, tab);
    if (tab === 'Processes') await expect(page.getByRole('application', { name: 'Process tree' })).toHaveAccessibleDescription(/^4 containers: web/);
    found.push(...(await seriousViolations(page, `[data-panel="${tab === 'VM vs container' ? 'vmcompare' : tab.toLowerCase()}"]`)).map((v) => `presenting ${tab}: ${v}`));
  }
  found.push(...(await seriousViolations(page, '.presenter-bar')).map((v) => `presenter bar: ${v}`));
  await shot(page, 'a11y-presenter-1920');
  expect(found).toEqual([]);
  watch.expectClean();
});

/** Presses Tab (or Shift-Tab) until `target` has focus; fails if it is not reached: i.e. not keyboard-reachable. */
async function tabTo(page: Page, target: Locator, { back = false, max = 60 } = {}): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  await expect(target).toBeFocused();
}

const focusInTerminal = (page: Page) => page.evaluate(() => !!document.activeElement?.closest('.terminal-host'));

test('the keyboard alone: leave the terminal, tabs by arrows, Share and Esc, timeline steps, lesson Insert, presenter → ←', async ({ page }) => {
  test.setTimeout(90_000);
  const watch = watchForErrors(page);
  await page.goto('/');
  await waitForPrompt(page);
  // The terminal has the focus from the start; Tab completes there, Esc then Shift-Tab leaves it.
  expect(await focusInTerminal(page)).toBe(true);
  await page.keyboard.type('docker volume create data', { delay: 5 });
  await page.keyboard.press('Enter');
  await waitForOutput(page, /^data$/m);
  await page.keyboard.press('Tab');
  expect(await focusInTerminal(page)).toBe(true);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Shift+Tab');
  expect(await focusInTerminal(page)).toBe(false);

  // Speed 10× from the header, with Space.
  const fast = page.getByRole('group', { name: 'Speed' }).getByRole('button', { name: '10×' });
  await tabTo(page, fast, { back: true });
  await page.keyboard.press('Space');
  await expect(fast).toHaveAttribute('aria-pressed', 'true');

  // Tabs: one tab stop per tab list (roving tabindex), arrows move and select, Home/End jump.
  const diagrams = page.getByRole('tablist', { name: 'Diagrams' });
  await expect(diagrams.locator('[role="tab"][tabindex="0"]')).toHaveCount(1);
  const processesTab = diagrams.getByRole('tab', { name: 'Processes' });
  await tabTo(page, processesTab);
  await page.keyboard.press('ArrowRight');
  await expect(diagrams.getByRole('tab', { name: 'Layers' })).toBeFocused();
  await expect(diagrams.getByRole('tab', { name: 'Layers' })).toHaveAttribute('aria-selected', 'true');
  await expect(panel(page, 'Layers')).toBeVisible();
  await page.keyboard.press('End');
  await expect(diagrams.getByRole('tab', { name: 'Registry' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(processesTab).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(diagrams.getByRole('tab', { name: 'Registry' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Home');
  await expect(processesTab).toHaveAttribute('aria-selected', 'true');
  await expect(diagrams.locator('[role="tab"][tabindex="0"]')).toHaveCount(1);

  // Share opens its dialog; Esc closes it and gives the focus back to Share.
  const share = page.getByRole('button', { name: 'Share', exact: true });
  await tabTo(page, share, { back: true });
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Link to this session' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('textbox')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(share).toBeFocused();

  // The side area's tabs, then the timeline: step back with its button, a step in the list, back to now.
  const details = page.getByRole('tablist', { name: 'Details' });
  await tabTo(page, details.getByRole('tab', { name: 'Cgroups' }));
  await page.keyboard.press('End');
  await expect(details.getByRole('tab', { name: 'Timeline' })).toBeFocused();
  await expect(panel(page, 'Timeline')).toBeVisible();
  const readOnly = page.getByRole('status').filter({ hasText: 'read-only' });
  await tabTo(page, page.getByRole('button', { name: 'Step back' }));
  await page.keyboard.press('Enter');
  await expect(readOnly).toBeVisible();
  // Step back reached the start and disabled itself: the focus stayed in the toolbar.
  await expect(page.getByRole('button', { name: 'Step forward' })).toBeFocused();
  const now = page.getByRole('toolbar', { name: 'Timeline' }).getByRole('button', { name: 'Back to now' });
  await tabTo(page, now);
  await page.keyboard.press('Enter');
  await expect(readOnly).toHaveCount(0);
  // A step in the list: the start, then the last step (the present again).
  const steps = page.getByRole('list', { name: 'Session steps' });
  const start = steps.getByRole('button', { name: /^0 Start/ });
  await tabTo(page, start);
  await page.keyboard.press('Enter');
  await expect(start).toHaveAttribute('aria-current', 'step');
  await expect(readOnly).toBeVisible();
  const stepOne = steps.getByRole('button', { name: /^1 \$ docker volume create data/ });
  await tabTo(page, stepOne);
  await page.keyboard.press('Enter');
  await expect(stepOne).toHaveAttribute('aria-current', 'step');
  await expect(readOnly).toHaveCount(0);

  // Lessons: open lesson 1 and Insert its first command at the prompt (not run).
  await tabTo(page, details.getByRole('tab', { name: 'Timeline' }), { back: true });
  await page.keyboard.press('ArrowLeft');
  await expect(details.getByRole('tab', { name: 'Lessons' })).toBeFocused();
  const lesson = page.getByRole('button', { name: 'What a container is' });
  await tabTo(page, lesson);
  await page.keyboard.press('Enter');
  const insert = page.getByRole('button', { name: 'Insert “docker run -d --name web nginx” at the prompt (not run)' });
  await tabTo(page, insert);
  await page.keyboard.press('Enter');
  await waitForOutput(page, 'root@playground:~# docker run -d --name web nginx');
  // Insert hands the focus to the terminal; Ctrl-U clears the line again (the presenter types its own).
  expect(await focusInTerminal(page)).toBe(true);
  await page.keyboard.press('Control+u');
  await page.keyboard.press('Escape');

  // Presenter mode from its header switch: → runs step 1, ← goes back before it, Esc leaves.
  const presenter = page.getByRole('button', { name: 'Presenter' });
  await tabTo(page, presenter, { back: true });
  await page.keyboard.press('Enter');
  const bar = page.getByRole('region', { name: 'Presentation' });
  await expect(bar).toBeVisible();
  await expect(bar).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(bar.getByText('Step 1 of 5')).toBeVisible();
  await expect(bar.getByRole('button', { name: /Next/ })).toBeEnabled({ timeout: 30_000 });
  await page.keyboard.press('ArrowLeft');
  await expect(bar.getByText('Ready')).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(bar.getByText('Step 1 of 5')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(bar).toHaveCount(0);
  await expect(presenter).toBeFocused();
  watch.expectClean();
});

/**
 * Records, every frame, each running CSS animation, CSS transition or Web Animation longer than
 * 10 ms, and each SVG circle whose cx/cy framer-motion moves more than once (its JS animations do
 * not show in getAnimations()).
 */
function recordMotion() {
  const w = window as unknown as { __motion: string[]; __moves: Map<Element, number> };
  w.__motion = [];
  w.__moves = new Map();
  const describe = (a: Animation) => {
    const target = (a.effect as KeyframeEffect | null)?.target;
    const what = a instanceof CSSTransition ? `transition ${a.transitionProperty}` : a instanceof CSSAnimation ? `animation ${a.animationName}` : 'web animation';
    return `${what} on ${target?.tagName.toLowerCase()}.${String(target?.getAttribute('class') ?? '').split(' ').join('.')}`;
  };
  const frame = () => {
    for (const a of document.getAnimations()) {
      if (a.playState !== 'running') continue;
      const timing = a.effect?.getComputedTiming();
      const duration = typeof timing?.duration === 'number' ? timing.duration : 0;
      if (duration > 10 || (timing?.iterations === Infinity && duration > 0)) {
        const line = `${describe(a)} (${Math.round(duration)} ms)`;
        if (!w.__motion.includes(line)) w.__motion.push(line);
      }
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  new MutationObserver((records) => {
    // React Flow's dotted background follows the camera: not an animation.
    for (const r of records) if (r.target instanceof SVGCircleElement && !r.target.closest('pattern')) w.__moves.set(r.target, (w.__moves.get(r.target) ?? 0) + 1);
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['cx', 'cy'] });
}

/** What moved since the last call (and starts over). */
async function motionSince(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const w = window as unknown as { __motion: string[]; __moves: Map<Element, number> };
    const moved = [...w.__moves].filter(([, n]) => n > 2).map(([el, n]) => `circle.${el.getAttribute('class')} moved ${n}×`);
    const out = [...w.__motion, ...moved];
    w.__motion = [];
    w.__moves = new Map();
    return out;
  });
}

test('prefers-reduced-motion: nothing animates on the views that do (start, copy-up, pull, API hops, time-lapse, rings)', async ({ page }) => {
  test.setTimeout(90_000);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.addInitScript(recordMotion);
  const watch = await openPlayground(page);
  const settle = () => page.waitForTimeout(700);

  await runToPrompt(page, 'docker run -d --name web nginx');
  await settle();
  expect(await motionSince(page), 'Processes: a container starts').toEqual([]);

  await openTab(page, 'Overlay');
  await runToPrompt(page, 'docker exec web touch /etc/nginx/nginx.conf');
  await runToPrompt(page, 'docker exec web rm /usr/share/nginx/html/index.html');
  await expect(page.getByRole('region', { name: /^Upper dir/ }).getByRole('listitem', { name: /nginx\.conf/ })).toBeVisible();
  await settle();
  expect(await motionSince(page), 'Overlay: copy-up and whiteout').toEqual([]);

  await openTab(page, 'Registry');
  await runToPrompt(page, 'docker pull alpine');
  await settle();
  expect(await motionSince(page), 'Registry: layers arriving').toEqual([]);

  await openTab(page, 'Architecture');
  await runToPrompt(page, 'docker ps');
  await settle();
  expect(await motionSince(page), 'Architecture: API hops').toEqual([]);

  await openTab(page, 'VM vs container');
  await page.getByRole('button', { name: 'Start all three' }).click();
  await settle();
  expect(await motionSince(page), 'VM vs container: time-lapse').toEqual([]);

  await openTab(page, 'Processes');
  await page.getByRole('button', { name: 'Presenter' }).click();
  const bar = page.getByRole('region', { name: 'Presentation' });
  await bar.click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('ArrowRight');
  await expect(bar.getByText('Step 1 of 5')).toBeVisible();
  await expect(bar.getByRole('button', { name: /Next/ })).toBeEnabled({ timeout: 30_000 });
  await settle();
  expect(await motionSince(page), 'Presenter: what changed is ringed').toEqual([]);

  // The recorder does see motion when the setting is off: the same kind of step animates then.
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await page.keyboard.press('ArrowRight');
  await expect(bar.getByText('Step 2 of 5')).toBeVisible();
  await expect(bar.getByRole('button', { name: /Next/ })).toBeEnabled({ timeout: 30_000 });
  await runToPrompt(page, 'docker run -d --name web2 nginx');
  await page.waitForTimeout(300);
  expect((await motionSince(page)).length).toBeGreaterThan(0);
  watch.expectClean();
});

test('a phone: the session notice and the command palette pass axe; the palette opens and closes from the keyboard', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  const watch = watchForErrors(page);
  // A scenario link that is not one: the refused link's notice (an alert) stays up.
  await page.goto('/#/s/not-a-scenario');
  await waitForPrompt(page);
  await expect(page.getByRole('alert').filter({ hasText: /link/i })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  const commands = page.getByRole('button', { name: 'Commands' });
  await commands.focus();
  await page.keyboard.press('Enter');
  const sheet = page.getByRole('dialog', { name: 'Compose a command' });
  await expect(sheet).toBeVisible();
  expect(await seriousViolations(page, 'dialog')).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(sheet).toHaveCount(0);
  await expect(commands).toBeFocused();
  await page.screenshot({ path: test.info().outputPath('a11y-phone.png') });
  watch.expectClean();
  await context.close();
});

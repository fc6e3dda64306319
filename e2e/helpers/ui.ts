/**
 * Drives the playground like a person: types into the terminal, reads what it shows. Terminal text
 * comes from `window.__playground.terminalText()`, which reads xterm's own buffer
 * (`term.buffer.active`, wrapped rows joined), so it does not depend on how xterm paints.
 */
import { expect, type ConsoleMessage, type Page } from '@playwright/test';

/** The whole terminal buffer (scrollback included) as text. */
export async function terminalText(page: Page): Promise<string> {
  return page.evaluate(() => window.__playground?.terminalText() ?? '');
}

/** Waits until the terminal has mounted and shows `text` (a string or a pattern) somewhere. */
export async function waitForOutput(page: Page, text: string | RegExp, timeout = 10_000): Promise<void> {
  const pattern = typeof text === 'string' ? { source: text, literal: true } : { source: text.source, flags: text.flags, literal: false };
  await page.waitForFunction(
    (p) => {
      const all = window.__playground?.terminalText() ?? '';
      return p.literal ? all.includes(p.source) : new RegExp(p.source, 'flags' in p ? p.flags : '').test(all);
    },
    pattern,
    { timeout, polling: 50 },
  );
}

/** Waits for the terminal to be ready for typing (mounted, prompt shown). */
export async function waitForPrompt(page: Page, prompt = 'root@playground:~#'): Promise<void> {
  await waitForOutput(page, prompt);
}

/** Focuses the terminal the way a learner does: a click on it. */
export async function focusTerminal(page: Page): Promise<void> {
  await page.locator('.terminal-host .xterm-screen').click();
}

/** Types a command into xterm and presses Enter. */
export async function typeCommand(page: Page, command: string): Promise<void> {
  await focusTerminal(page);
  await page.keyboard.type(command, { delay: 5 });
  await page.keyboard.press('Enter');
}

/** Types a command and waits for `expected` in the output. */
export async function runCommand(page: Page, command: string, expected: string | RegExp): Promise<void> {
  await typeCommand(page, command);
  await waitForOutput(page, expected);
}

/** Collects page errors, console errors and failed responses; call `expectClean()` at the end. */
export function watchForErrors(page: Page): { readonly errors: string[]; expectClean(): void } {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`HTTP ${response.status()} ${response.url()}`);
  });
  return { errors, expectClean: () => expect(errors).toEqual([]) };
}

/** A panel by its accessible name (each panel is a region named by its title). */
export function panel(page: Page, name: string | RegExp) {
  return page.getByRole('region', { name, exact: typeof name === 'string' });
}

declare global {
  interface Window {
    __playground?: {
      terminalText(): string;
      fixture?: { advance(ms: number): void; untilOom(): number; now(): number };
    };
  }
}

/** Opens the playground with error watching and waits for the prompt; `fast` runs virtual time at 10× (pulls take virtual seconds). */
export async function openPlayground(page: Page, { fast = true } = {}): Promise<ReturnType<typeof watchForErrors>> {
  const watch = watchForErrors(page);
  await page.goto('/');
  await waitForPrompt(page);
  if (fast) await page.getByRole('button', { name: /10×/ }).click();
  return watch;
}

/**
 * Clears the terminal as a person would (`clear` empties the scrollback too), so offsets into the
 * buffer stay valid: a long session otherwise overflows xterm's scrollback and old lines drop off.
 */
export async function clearTerminal(page: Page): Promise<void> {
  await typeCommand(page, 'clear');
  await page.waitForFunction(() => /^root@playground:[^#\n]*# $/.test((window.__playground?.terminalText() ?? '').trim() + ' '), null, { timeout: 10_000, polling: 50 });
}

/** Types a command and waits until the shell prompt is back after it; returns what it printed. */
export async function runToPrompt(page: Page, command: string, { timeout = 60_000, clear = false } = {}): Promise<string> {
  if (clear) await clearTerminal(page);
  const before = (await terminalText(page)).length;
  await typeCommand(page, command);
  await page.waitForFunction(
    ({ from, cmd }) => {
      const after = (window.__playground?.terminalText() ?? '').slice(from);
      const at = after.indexOf(cmd);
      return at >= 0 && /root@playground:[^#\n]*# $/.test(after.slice(at + cmd.length).trimEnd() + ' ');
    },
    { from: before, cmd: command },
    { timeout, polling: 50 },
  );
  const out = (await terminalText(page)).slice(before);
  return out.slice(out.indexOf(command) + command.length);
}

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

/**
 * `window.__playground`: what end-to-end tests read instead of scraping pixels. The terminal
 * registers a reader of xterm's own buffer (`term.buffer.active`), so tests see exactly the text
 * the learner sees, scrollback included, with wrapped rows joined back into one line.
 */
import type { PlaygroundStore } from '../store/index.ts';
import type { EngineClient } from '../worker/client.ts';

export interface TerminalProbe {
  /** Every row of the active buffer, wrapped rows joined, trailing blanks trimmed. */
  readonly text: () => string;
  readonly focus: () => void;
}

export interface PlaygroundTestHook {
  readonly store: PlaygroundStore;
  readonly client: EngineClient;
  terminal: TerminalProbe | null;
  /** `''` until the terminal has mounted. */
  readonly terminalText: () => string;
  /** Dev fixture controls (only on `?fixture=1`). */
  fixture?: unknown;
}

declare global {
  interface Window {
    __playground?: PlaygroundTestHook;
  }
}

export function installTestHook(store: PlaygroundStore, client: EngineClient): PlaygroundTestHook {
  const hook: PlaygroundTestHook = {
    store,
    client,
    terminal: null,
    terminalText: () => hook.terminal?.text() ?? '',
  };
  window.__playground = hook;
  return hook;
}

export function registerTerminal(probe: TerminalProbe | null): void {
  if (window.__playground) window.__playground.terminal = probe;
}

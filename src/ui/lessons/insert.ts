/**
 * Puts a suggested command at the host shell's prompt without running it (issue 5: the learner
 * presses Enter). Ctrl-E then Ctrl-U clear a half-typed line first (the line editor's end-of-line
 * and kill-to-start keys, as in readline); no `\r` is ever sent.
 */
import type { EngineClient } from '../../worker/client.ts';

export function insertAtPrompt(client: Pick<EngineClient, 'input'>, command: string): void {
  client.input(`\x05\x15${command.replace(/[\r\n]+/g, ' ')}`);
  // Hand the keyboard to the terminal (xterm's input textarea) so Enter runs it.
  document.querySelector<HTMLTextAreaElement>('.area-terminal .xterm-helper-textarea')?.focus();
}

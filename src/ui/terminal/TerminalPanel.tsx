/**
 * The Terminal: xterm.js as a raw pty (design.md §4). Every keystroke goes to the engine as is; every
 * output chunk is written as is (the engine does echo, line editing, history, completion and the
 * prompt). Lazy-loaded: xterm is the heaviest piece of the first screen.
 */
import '@xterm/xterm/css/xterm.css';
import { useEffect, useRef } from 'react';
import { Terminal, type ITheme } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import { usePlayground } from '../context.ts';
import { registerTerminal } from '../testHook.ts';

/** High-contrast palette for a projector: every ANSI colour reads on the dark background. */
const THEME: ITheme = {
  background: '#0b0e13',
  foreground: '#eef2f7',
  cursor: '#ffd866',
  cursorAccent: '#0b0e13',
  selectionBackground: '#3a4a63',
  black: '#4a5160',
  red: '#ff7b72',
  green: '#7ee787',
  yellow: '#f2cc60',
  blue: '#79c0ff',
  magenta: '#d2a8ff',
  cyan: '#56d4dd',
  white: '#e6edf3',
  brightBlack: '#8b949e',
  brightRed: '#ffa198',
  brightGreen: '#aff5b4',
  brightYellow: '#f8e3a1',
  brightBlue: '#a5d6ff',
  brightMagenta: '#e2c5ff',
  brightCyan: '#b3f0ff',
  brightWhite: '#ffffff',
};

/** The buffer as text: wrapped rows joined back into their logical line. */
function bufferText(term: Terminal): string {
  const buffer = term.buffer.active;
  const lines: string[] = [];
  for (let i = 0; i < buffer.length; i++) {
    const line = buffer.getLine(i);
    if (!line) continue;
    const text = line.translateToString(true);
    if (line.isWrapped && lines.length) lines[lines.length - 1] += text;
    else lines.push(text);
  }
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  return lines.join('\n');
}

/**
 * `fontSize` may change while mounted (presenter mode, a phone): xterm's option is updated and the
 * grid refitted, keeping the session. `autoFocus` is off in presenter mode, where the keyboard
 * steps through the presentation until the presenter clicks into the terminal.
 */
export default function TerminalPanel({ fontSize = 18, autoFocus = true }: { fontSize?: number; autoFocus?: boolean }) {
  const { client } = usePlayground();
  const host = useRef<HTMLDivElement>(null);
  const initial = useRef({ fontSize, autoFocus });
  const live = useRef<{ term: Terminal; refit: () => void } | null>(null);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const term = new Terminal({
      fontSize: initial.current.fontSize,
      lineHeight: 1.15,
      fontFamily: '"DejaVu Sans Mono", "Cascadia Mono", Menlo, Consolas, ui-monospace, monospace',
      theme: THEME,
      // A steady cursor: the blink is a main-thread CSS animation that repaints every frame.
      cursorBlink: false,
      scrollback: 5000,
      convertEol: false,
      allowTransparency: false,
      minimumContrastRatio: 4.5,
    });
    const fit = new FitAddon();
    term.loadAddon(fit);
    term.open(el);

    let cols = 0;
    let rows = 0;
    const refit = () => {
      if (!el.clientWidth || !el.clientHeight) return;
      fit.fit();
      if (term.cols !== cols || term.rows !== rows) {
        cols = term.cols;
        rows = term.rows;
        client.resize(cols, rows);
      }
    };
    refit();

    const keys = term.onData((data) => client.input(data));
    // Tab completes in the shell, so a keyboard leaves the terminal with Esc then Tab (Shift-Tab
    // backwards), as VS Code's terminal offers (WCAG 2.1.2, no keyboard trap). The Esc still reaches
    // the shell, which ignores a lone Esc; that Tab does not.
    let leaving = false;
    term.attachCustomKeyEventHandler((event) => {
      if (event.type !== 'keydown' || ['Shift', 'Control', 'Alt', 'Meta'].includes(event.key)) return true;
      if (event.key === 'Tab' && leaving) {
        leaving = false;
        return false;
      }
      leaving = event.key === 'Escape';
      return true;
    });
    const stopOutput = client.onOutput((data, reset) => {
      // Time travel shows another moment: the screen starts over with that moment's output.
      if (reset) term.reset();
      term.write(data);
    });
    let frame = 0;
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(refit);
    });
    observer.observe(el);
    registerTerminal({ text: () => bufferText(term), focus: () => term.focus() });
    if (initial.current.autoFocus) term.focus();
    live.current = { term, refit };

    return () => {
      live.current = null;
      registerTerminal(null);
      observer.disconnect();
      cancelAnimationFrame(frame);
      stopOutput();
      keys.dispose();
      term.dispose();
    };
  }, [client]);

  useEffect(() => {
    const current = live.current;
    if (!current || current.term.options.fontSize === fontSize) return;
    current.term.options.fontSize = fontSize;
    current.refit();
  }, [fontSize]);

  return <div className="terminal-host" ref={host} />;
}

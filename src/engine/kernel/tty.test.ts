import { describe, expect, it } from 'vitest';
import { createEngine } from '../index.ts';
import { stripAnsi } from '../sim.ts';

/** An interactive (not headless) playground, at its first prompt. */
function term() {
  const e = createEngine({ headless: false });
  e.runUntilInput(1000);
  e.takeOutput();
  return e;
}

describe('terminal line discipline', () => {
  it('echoes typing, runs the line on Enter and shows a new prompt', () => {
    const e = term();
    e.input('echo hi\r');
    e.runUntilInput(1000);
    expect(stripAnsi(e.takeOutput())).toBe('echo hi\r\nhi\r\nroot@playground:~# ');
  });

  it('edits with backspace and recalls history with the arrow keys', () => {
    const e = term();
    e.input('echo abx\x7fc\r');
    e.runUntilInput(1000);
    expect(stripAnsi(e.takeOutput())).toContain('abc\r\n');
    e.input('\x1b[A\r');
    e.runUntilInput(1000);
    expect(stripAnsi(e.takeOutput()).split('\r\n').filter((l) => l === 'abc')).toHaveLength(1);
    expect(e.machine.terminal.history('bash')).toEqual(['echo abc']);
  });

  it('completes docker subcommands and container names with Tab', () => {
    const e = term();
    e.input('docker ins\t');
    expect(stripAnsi(e.takeOutput())).toContain('docker inspect ');
    e.input('\x15');
    e.takeOutput();
    e.submitLine('docker pull -q busybox');
    e.runUntilInput(60_000);
    e.submitLine('docker create --name webserver busybox');
    e.runUntilInput(60_000);
    e.takeOutput();
    e.input('docker start web\t');
    expect(stripAnsi(e.takeOutput())).toContain('webserver ');
  });

  it('reads a password with echo off (docker login on a terminal)', () => {
    const e = term();
    e.input('docker login -u alice\r');
    e.runUntilInput(1000);
    expect(stripAnsi(e.takeOutput())).toMatch(/Password: $/);
    e.input('s3cret\r');
    e.runUntilInput(10_000);
    const out = stripAnsi(e.takeOutput());
    expect(out).not.toContain('s3cret');
    expect(out).toContain('Login Succeeded');
  });

  it('Ctrl-C stops the foreground job and the shell prompts again', () => {
    const e = term();
    e.input('sleep 100\r');
    e.advance(1000);
    expect(e.waitingForInput).toBe(false);
    e.input('\x03');
    e.runUntilInput(1000);
    expect(e.waitingForInput).toBe(true);
    expect(stripAnsi(e.takeOutput())).toMatch(/\^C\r?\n.*root@playground:~# $/s);
    e.submitLine('echo $?');
    e.runUntilInput(1000);
    expect(stripAnsi(e.takeOutput())).toContain('130');
  });

  it('asks for a continuation line when a quote is open', () => {
    const e = term();
    e.input('echo "a\r');
    e.runUntilInput(1000);
    expect(stripAnsi(e.takeOutput())).toMatch(/> $/);
    e.input('b"\r');
    e.runUntilInput(1000);
    expect(stripAnsi(e.takeOutput())).toContain('a\r\nb\r\n');
  });
});

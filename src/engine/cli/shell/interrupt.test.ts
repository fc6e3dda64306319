/**
 * Ctrl-C and the interactive host shell, as bash does it (found by the hostile-input properties):
 * an interrupted command line is abandoned as a whole — a loop of builtins, a loop around a
 * command, `read`, `( … )`, the rest of a `;` list — and $? is 130. A background job that reads
 * the terminal is stopped by SIGTTIN instead of stealing the next lines.
 */
import { describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../index.ts';

function engine(): Engine {
  const e = createEngine({ headless: true });
  e.runUntilInput(1_000);
  e.takeOutput();
  return e;
}

/** Types `line`, lets it run `ms` of virtual time (it must still be busy), presses Ctrl-C; returns the output and $?. */
function interrupt(e: Engine, line: string, ms = 1_500, reading = false): { out: string; status: string } {
  e.submitLine(line);
  // Still running — or, for `read`, waiting for its line.
  expect(e.runUntilInput(ms), `${line} should still be running`).toBe(reading);
  e.input('\x03');
  expect(e.runUntilInput(1_000), `${line}: no prompt after Ctrl-C`).toBe(true);
  const out = e.takeOutput();
  e.submitLine('echo "st=$?"');
  e.runUntilInput(1_000);
  return { out, status: e.takeOutput() };
}

describe('Ctrl-C in the interactive shell', () => {
  it('stops a loop of builtins', () => {
    const e = engine();
    expect(interrupt(e, 'while :; do :; done', 200)).toEqual({ out: '^C\n\n', status: 'st=130\n' });
    expect(e.bugs).toEqual([]);
  });

  it('stops a loop around a command, and the rest of the line', () => {
    const e = engine();
    expect(interrupt(e, 'for i in 1 2 3; do sleep 1; echo $i; done; echo after')).toEqual({ out: '1\n^C\n\n', status: 'st=130\n' });
    expect(interrupt(e, 'sleep 5; echo after')).toEqual({ out: '^C\n\n', status: 'st=130\n' });
  });

  it('stops a function that loops, `read`, and a subshell', () => {
    const e = engine();
    expect(interrupt(e, 'f() { while :; do :; done; }; f', 200).status).toBe('st=130\n');
    expect(interrupt(e, 'read x; echo got', 1_500, true)).toEqual({ out: '^C\n\n', status: 'st=130\n' });
    expect(interrupt(e, '(sleep 5; echo sub); echo after')).toEqual({ out: '^C\n\n', status: 'st=130\n' });
  });

  it('a loop that is not interrupted runs to its end', () => {
    const e = engine();
    e.submitLine('for i in 1 2; do sleep 1; echo $i; done; echo after');
    expect(e.runUntilInput(5_000)).toBe(true);
    expect(e.takeOutput()).toBe('1\n2\nafter\n');
  });
});

describe('Ctrl-C in a container shell (docker run -it: the pty sends SIGINT to the shell)', () => {
  it('at the prompt drops the unfinished command and keeps the shell; running builtins, abandons the line', () => {
    const e = engine();
    const type = (keys: string, ms = 1_000) => {
      e.input(keys);
      e.runUntilInput(ms);
      return e.takeOutput();
    };
    type('docker pull -q alpine\r', 60_000);
    type('docker run -it --rm alpine sh\r', 60_000);
    type('echo "abc\r');
    expect(type('\x03')).toBe('^C\n');
    expect(type('echo ok $?\r')).toBe('ok 130\n');
    type('while :; do :; done\r', 300);
    expect(type('\x03')).toBe('^C\n\n');
    expect(type('echo st=$?\r')).toBe('st=130\n');
    type('exit\r');
    expect(type('echo host=$?\r')).toBe('host=0\n');
    expect(e.bugs).toEqual([]);
  });
});

describe('a background job reading the terminal', () => {
  it('is stopped (SIGTTIN) and the next lines still reach the shell', () => {
    const e = engine();
    e.submitLine('grep , &');
    e.runUntilInput(1_000);
    e.submitLine('echo hi');
    e.runUntilInput(1_000);
    e.submitLine('jobs');
    e.runUntilInput(1_000);
    const out = e.takeOutput();
    expect(out).toMatch(/^\[1\] \d+\nhi\n\[1\]\+ {2}Stopped {17}grep ,\n\[1\]\+ {2}Stopped {17}grep ,\n$/);
    const grep = Object.values(e.snapshot().processes).find((p) => p.comm === 'grep');
    expect(grep?.state).toBe('T');
    expect(e.bugs).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { applyMode } from './fileutils.ts';

describe('chmod modes', () => {
  it.each([
    ['755', 0o644, false, 0o755],
    ['+x', 0o644, false, 0o755],
    ['+w', 0o444, false, 0o644], // no who: the umask (022) keeps group and others from w
    ['a+w', 0o444, false, 0o666],
    ['u+x,go-r', 0o644, false, 0o700],
    ['g=rw', 0o755, false, 0o765],
    ['o=', 0o755, false, 0o750],
    ['a+X', 0o644, true, 0o755], // X: directories get x
    ['a+X', 0o644, false, 0o644], // …files only when someone already has it
    ['u+s', 0o755, false, 0o4755],
    ['+t', 0o777, true, 0o1777],
  ])('%s on %o → %o', (spec, mode, dir, want) => {
    expect(applyMode(spec, mode, dir)).toBe(want);
  });

  it.each(['zz', 'u+q', '8', '+x,'])('rejects %s', (spec) => {
    expect(applyMode(spec, 0o644, false)).toBeNull();
  });
});

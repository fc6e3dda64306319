import { describe, expect, it } from 'vitest';
import { autoplayNext, clock, positionOf } from './travel.ts';

describe('timeline travel helpers', () => {
  it('counts positions in steps applied, the present being the step count', () => {
    const steps = [{ at: 0, cut: 1, kind: 'line', line: 'a' }, { at: 5, cut: 2, kind: 'line', line: 'b' }] as const;
    expect(positionOf({ steps, viewing: null })).toBe(2);
    expect(positionOf({ steps, viewing: 0 })).toBe(0);
    expect(autoplayNext(0, 2)).toBe(1);
    expect(autoplayNext(2, 2)).toBeNull();
  });

  it('writes virtual instants as m:ss, h:mm:ss past an hour', () => {
    expect(clock(0)).toBe('0:00');
    expect(clock(61_999)).toBe('1:01');
    expect(clock(3_725_000)).toBe('1:02:05');
  });
});

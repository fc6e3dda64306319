import { describe, expect, it } from 'vitest';
import { bytesSize, formatG, humanDuration, humanSize, imageSizeString } from './units.ts';

describe('go-units sizes', () => {
  it.each([
    [192_004_219, '192MB'],
    [7_834_918, '7.83MB'],
    [7_797_760, '7.8MB'],
    [13_256, '13.3kB'],
    [4_269_327, '4.27MB'],
    [1_110_851_000, '1.11GB'],
    [999, '999B'],
    [0, '0B'],
    [999_960, '1e+03kB'],
    [1_125, '1.12kB'],
    [1_135, '1.14kB'],
  ])('docker images SIZE of %d is %s', (n, s) => {
    expect(imageSizeString(n)).toBe(s);
  });

  it('HumanSize keeps 4 digits (pull progress)', () => {
    expect(humanSize(3_642_164)).toBe('3.642MB');
    expect(humanSize(32_768)).toBe('32.77kB');
    expect(humanSize(1)).toBe('1B');
    expect(humanSize(28_204_150)).toBe('28.2MB');
  });

  it('BytesSize uses binary units', () => {
    expect(bytesSize(64 * 1024 * 1024)).toBe('64MiB');
    expect(bytesSize(8 * 1024 ** 3)).toBe('8GiB');
    expect(bytesSize(1536)).toBe('1.5KiB');
  });

  it('formats like Go %g', () => {
    expect(formatG(0.0001234, 3)).toBe('0.000123');
    expect(formatG(0.00001234, 3)).toBe('1.23e-05');
    expect(formatG(2.5, 1)).toBe('2');
    expect(formatG(3.5, 1)).toBe('4');
    expect(formatG(100, 3)).toBe('100');
  });

  it('HumanDuration', () => {
    expect(humanDuration(500)).toBe('Less than a second');
    expect(humanDuration(1000)).toBe('1 second');
    expect(humanDuration(61_000)).toBe('About a minute');
    expect(humanDuration(3 * 3600_000)).toBe('3 hours');
    expect(humanDuration(20 * 24 * 3600_000)).toBe('2 weeks');
    expect(humanDuration(320 * 24 * 3600_000)).toBe('10 months');
    expect(humanDuration(800 * 24 * 3600_000)).toBe('2 years');
  });
});

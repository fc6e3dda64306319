import { describe, expect, it } from 'vitest';
import { busyboxHuman, gnuHumanCeil, gnuHumanNearest, parseSize, printfG } from './sizes.ts';

const GiB = 1024 ** 3;

describe('size arguments (util-linux strtosize, dd operands)', () => {
  it('reads binary and decimal suffixes', () => {
    expect(parseSize('10G')).toBe(10 * GiB);
    expect(parseSize('1m')).toBe(1024 ** 2);
    expect(parseSize('4KiB')).toBe(4096);
    expect(parseSize('1MB')).toBe(1e6);
    expect(parseSize('512')).toBe(512);
    expect(parseSize('2b', true)).toBe(1024);
    expect(parseSize('2b')).toBeNull();
    expect(parseSize('1x')).toBeNull();
    expect(parseSize('-1')).toBeNull();
  });
});

describe('human-readable sizes', () => {
  it('rounds up like df -h', () => {
    expect(gnuHumanCeil(0)).toBe('0');
    expect(gnuHumanCeil(1024)).toBe('1.0K');
    expect(gnuHumanCeil(1536)).toBe('1.5K');
    expect(gnuHumanCeil(10 * 1024)).toBe('10K');
    expect(gnuHumanCeil(GiB)).toBe('1.0G');
    expect(gnuHumanCeil(GiB + 1)).toBe('1.1G');
    expect(gnuHumanCeil(64 * GiB)).toBe('64G');
    expect(gnuHumanCeil(1023 * 1024 ** 2 + 1)).toBe('1.0G');
  });

  it('rounds to nearest like dd, in SI and IEC units', () => {
    expect(gnuHumanNearest(104857600, true)).toBe('105 MB');
    expect(gnuHumanNearest(104857600, false)).toBe('100 MiB');
    expect(gnuHumanNearest(GiB, true)).toBe('1.1 GB');
    expect(gnuHumanNearest(GiB, false)).toBe('1.0 GiB');
    expect(gnuHumanNearest(1.6e9, true)).toBe('1.6 GB');
  });

  it('prints BusyBox sizes with one decimal', () => {
    expect(busyboxHuman(0)).toBe('0');
    expect(busyboxHuman(104857600)).toBe('100.0M');
    expect(busyboxHuman(64 * 1024 ** 2)).toBe('64.0M');
  });

  it('formats seconds like printf %g', () => {
    expect(printfG(0.0594039)).toBe('0.0594039');
    expect(printfG(1.06771)).toBe('1.06771');
    expect(printfG(5.1e-5)).toBe('5.1e-05');
    expect(printfG(12)).toBe('12');
  });
});

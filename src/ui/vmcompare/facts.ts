/**
 * The VM-vs-container figures, with their sources (engine-reference §13): the one place they live,
 * so the panel, its tests and any lesson quote the same numbers. Prose around them is in i18n;
 * source titles are citations and stay as published.
 */

export interface Source {
  readonly id: string;
  /** As cited: authors, title or file, venue, year. */
  readonly citation: string;
  /** Where to read it, when there is a stable address. */
  readonly url?: string;
}

export const SOURCES = {
  khan2026: {
    id: 'khan2026',
    citation: 'Khan, arXiv:2602.15214 (2026)',
    url: 'https://arxiv.org/abs/2602.15214',
  },
  firecrackerSpec: {
    id: 'firecrackerSpec',
    citation: 'Firecracker SPECIFICATION.md (boot time, VMM memory overhead)',
    url: 'https://github.com/firecracker-microvm/firecracker/blob/main/SPECIFICATION.md',
  },
  felter2015: {
    id: 'felter2015',
    citation: 'Felter et al., An Updated Performance Comparison of Virtual Machines and Linux Containers, IBM RC25482 / ISPASS 2015',
  },
} as const satisfies Record<string, Source>;

export type SourceId = keyof typeof SOURCES;

/** Start-up figures, in seconds. */
export const BOOT = {
  /** `docker run` end to end on a cloud SSD (Khan 2026). */
  containerRunSsd: 0.57,
  /** The same on an HDD (Khan 2026). */
  containerRunHdd: 1.16,
  /** Creating the namespaces alone: 8–10 ms (Khan 2026). */
  namespacesMin: 0.008,
  namespacesMax: 0.01,
  /** Firecracker: InstanceStart → guest /sbin/init, upper bound (spec). */
  microVmInit: 0.125,
  /**
   * A full VM booting a distribution: "seconds to tens of seconds" — a typical range, not a
   * measurement (marked [U] in engine-reference §13). The animation plays this mid value.
   */
  vmIllustrative: 20,
} as const;

/** Memory figures, in MiB. */
export const MEMORY = {
  /** Firecracker VMM overhead per microVM, upper bound (spec). */
  microVmOverhead: 5,
} as const;

/** Which sources back each row of the comparison. */
export const ROW_SOURCES: Readonly<Record<'boot' | 'memory' | 'cpu', readonly SourceId[]>> = {
  boot: ['khan2026'],
  memory: ['firecrackerSpec'],
  cpu: ['felter2015'],
};

/** Time-lapse factor of the boot animation: seconds of real time per second on screen. */
export const TIMELAPSE = 5;

/** What docker prints for a Windows image on a Linux host (multi-arch index / single manifest). */
export const NON_LINUX_ERRORS = [
  'no matching manifest for linux/amd64 in the manifest list entries',
  'image operating system "windows" cannot be used on this platform',
] as const;

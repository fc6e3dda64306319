/**
 * The package archives the simulated images install from: Alpine's (apk, `APKINDEX`) and the
 * Debian/Ubuntu ones (apt, `Packages`), as of late February 2025 — Alpine 3.21, Debian 12.9
 * "bookworm", Ubuntu 24.04 "noble" and 22.04 "jammy". A small catalog per family: the tools
 * learners reach for (curl, git, python3, procps, stress-ng…) with their real dependencies,
 * versions, sizes and the files they install, so an install visibly grows a container's
 * read/write layer (or an image layer when a Dockerfile runs it).
 *
 * Packages the real base images already hold but the simulated images' databases do not list
 * (zlib1g, libgnutls30, musl…) are named in `baseSystem`: dependencies on them are satisfied.
 * Data lives in engine/archives/ (alpine.ts, debian.ts), outside the image catalog's size budget;
 * this file is the public face.
 */
import type { LayerFile } from '../image/layer.ts';
import { parseSpec } from './layer.ts';

export type PackageFamily = 'apk' | 'deb';

/** One binary package as an archive index describes it. */
export interface CatalogPackage {
  readonly name: string;
  /** Full version (`8.12.1-r1`, `1:2.39.5-0+deb12u2`). */
  readonly version: string;
  /** `x86_64`/`noarch` (apk), `amd64`/`all` (deb). */
  readonly arch: string;
  /** Hard dependencies, in the order the index lists them. */
  readonly depends: readonly string[];
  /** Recommends (deb; installed unless `--no-install-recommends`). */
  readonly recommends: readonly string[];
  /** Installed after this package whenever it is (apk `install_if` companions: git-init-template, pyc). */
  readonly companions: readonly string[];
  /** Bytes on disk once installed (apk `I:`, deb `Installed-Size` × 1024). */
  readonly installedSize: number;
  /** Bytes downloaded (apk `S:`, deb `Size`). */
  readonly downloadSize: number;
  /** One-line description (apk `T:`, deb `Description:` first line). */
  readonly description: string;
  /** apk: `main`/`community`; deb: the suite/component path (`bookworm/main`, `noble-updates/universe`). */
  readonly repo: string;
  /** apk: project URL (`U:`); deb: Homepage. */
  readonly url: string;
  /** apk: license (`L:`); deb: section. */
  readonly license: string;
  /** apk origin (`o:`), deb Source; the package's own name when not set. */
  readonly origin: string;
  /** Maintainer line. */
  readonly maintainer: string;
  /** deb Priority. */
  readonly priority: string;
  /** apk maintainer scripts (apk prints `Executing NAME-VER.post-install` when it runs one). */
  readonly scripts: readonly ('pre-install' | 'post-install' | 'pre-deinstall')[];
  /** Lines a maintainer script prints (icu-data-en's note, ca-certificates' summary). */
  readonly scriptOutput: string;
  /** Files the package installs (directories, regular files with sizes, symlinks). */
  readonly files: readonly LayerFile[];
}

/** One family's archive for one release. */
export interface PackageIndex {
  readonly family: PackageFamily;
  /** `3.21`, `bookworm`, `noble`, `jammy`. */
  readonly release: string;
  readonly packages: ReadonlyMap<string, CatalogPackage>;
  /** In every real base image of this release (so always satisfied), but not in the catalog. */
  readonly baseSystem: ReadonlySet<string>;
  /** When the packages were built (their files' mtime), Unix seconds. */
  readonly built: number;
}

/** Compact package record used by the data files (see engine/archives/alpine.ts and debian.ts). */
export interface PackageRow {
  readonly n: string;
  readonly v: string;
  /** Installed size: bytes (apk) or KiB (deb). */
  readonly i: number;
  /** Download size, bytes. */
  readonly s: number;
  /** Depends, space-separated. */
  readonly d?: string;
  /** Recommends, space-separated. */
  readonly rec?: string;
  /** Companions installed after it, space-separated. */
  readonly after?: string;
  readonly t: string;
  readonly u?: string;
  readonly l?: string;
  readonly o?: string;
  readonly m?: string;
  readonly p?: string;
  readonly r?: string;
  readonly arch?: string;
  readonly sc?: string;
  readonly out?: string;
  /** Files, in the layer spec language of layer.ts (`x DIR NAME=SIZE…`, `l DIR NAME>TARGET…`, `f MODE DIR NAME=SIZE…`). */
  readonly f: string;
}

/** Builds a package from its compact row; files are parsed on first access. */
export function packageFrom(row: PackageRow, family: PackageFamily, defaults: { repo: string; maintainer: string; arch: string; built: number }): CatalogPackage {
  let files: readonly LayerFile[] | null = null;
  const list = (s?: string) => (s ? s.split(/\s+/).filter(Boolean) : []);
  return {
    name: row.n,
    version: row.v,
    arch: row.arch ?? defaults.arch,
    depends: list(row.d),
    recommends: list(row.rec),
    companions: list(row.after),
    installedSize: family === 'deb' ? row.i * 1024 : row.i,
    downloadSize: row.s,
    description: row.t,
    repo: row.r ?? defaults.repo,
    url: row.u ?? '',
    license: row.l ?? '',
    origin: row.o ?? row.n,
    maintainer: row.m ?? defaults.maintainer,
    priority: row.p ?? 'optional',
    scripts: list(row.sc) as CatalogPackage['scripts'][number][],
    scriptOutput: row.out ?? '',
    get files() {
      files ??= Object.freeze(parseSpec(row.f, {}, defaults.built));
      return files;
    },
  };
}

/** Sum of the regular files' sizes a package installs. */
export function packageFilesSize(p: CatalogPackage): number {
  return p.files.reduce((n, f) => n + (f.type === 'file' ? f.size : 0), 0);
}

/** A name a dependency can be satisfied by (exact package name, or a base-system name). */
export function resolvable(index: PackageIndex, name: string): boolean {
  return index.packages.has(name) || index.baseSystem.has(name);
}

export { alpineIndex } from '../archives/alpine.ts';
export { debIndex, type DebRelease } from '../archives/debian.ts';

/**
 * How apt and dpkg present things: apt's SizeToStr/TimeToStr and ShowList (apt-pkg/contrib/
 * strutl.cc, apt-private/private-output.cc), the order apt unpacks packages in and the order
 * dpkg configures them in, and the help texts.
 */
import type { CatalogPackage } from '../catalog/packages.ts';

// ── formatting (apt-pkg/contrib/strutl.cc) ───────────────────────────────────────────────────

/** SizeToStr + "B": `8808 B`, `20.3 kB`, `2030 kB`, `15.7 MB` (C locale: no thousands separator). */
export function sizeToStr(bytes: number): string {
  const ext = ['', 'k', 'M', 'G', 'T'];
  let s = Math.abs(bytes);
  for (let i = 0; i < ext.length; i++) {
    if (s < 100 && i !== 0) return `${s.toFixed(1)} ${ext[i]}B`;
    if (s < 10000) return `${Math.round(s)} ${ext[i]}B`;
    s /= 1000;
  }
  return `${Math.round(s)} PB`;
}

/** TimeToStr: `5s`, `1min 3s`. */
export function timeToStr(sec: number): string {
  if (sec >= 3600) return `${Math.floor(sec / 3600)}h ${Math.floor(sec / 60) % 60}min ${sec % 60}s`;
  if (sec >= 60) return `${Math.floor(sec / 60)}min ${sec % 60}s`;
  return `${sec}s`;
}

/** apt's ShowList: names wrapped at the screen width, two-space indent. */
export function showList(title: string, names: readonly string[], screenWidth: number): string {
  if (names.length === 0) return '';
  const width = screenWidth - 3;
  let out = title;
  let used = 0;
  for (const n of names) {
    if (used === 0 || used + n.length >= width) {
      out += '\n  ';
      used = 0;
    } else {
      out += ' ';
      used++;
    }
    out += n;
    used += n.length;
  }
  return `${out}\n`;
}

/** dpkg's package hash (FNV-1a, `lib/dpkg/string.c`), which decides `--configure --pending` order. */
function fnv1a(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h;
}

const PRIORITY_SCORE: Record<string, number> = { important: 5, required: 4, standard: 3, optional: 1, extra: 0 };
export const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);


/** pkgOrderList::OrderUnpack: by score (priority) then name, each after its dependencies (apt-pkg/orderlist.cc). */
export function unpackOrder(plan: readonly CatalogPackage[]): CatalogPackage[] {
  const byNameMap = new Map(plan.map((p) => [p.name, p] as const));
  const sorted = [...plan].sort((a, b) => (PRIORITY_SCORE[b.priority] ?? 1) - (PRIORITY_SCORE[a.priority] ?? 1) || byName(a, b));
  const out: CatalogPackage[] = [];
  const seen = new Set<string>();
  const visit = (p: CatalogPackage) => {
    if (seen.has(p.name)) return;
    seen.add(p.name);
    for (const d of p.depends) {
      const dp = byNameMap.get(d);
      if (dp) visit(dp);
    }
    out.push(p);
  };
  for (const p of sorted) visit(p);
  return out;
}

/** `curl_7.88.1-10+deb12u8_amd64.deb` (epochs become %3a). */
export function debFile(p: CatalogPackage): string {
  return `${p.name}_${p.version.replace(':', '%3a')}_${p.arch}.deb`;
}

/**
 * `dpkg --configure --pending`: packages in the order of dpkg's package hash table (FNV-1a of
 * the name, 65521 bins), each one deferred to the end of the queue until what it depends on
 * is configured (dpkg `src/main/packages.c` process_queue). Checked against a real bookworm log.
 */
export function configureOrder(pkgs: readonly CatalogPackage[]): CatalogPackage[] {
  const names = new Set(pkgs.map((p) => p.name));
  const queue = [...pkgs].sort((a, b) => (fnv1a(a.name) % 65521) - (fnv1a(b.name) % 65521) || byName(a, b));
  const done = new Set<string>();
  const out: CatalogPackage[] = [];
  let guard = queue.length * queue.length + 10;
  while (queue.length && guard-- > 0) {
    const p = queue.shift()!;
    if (p.depends.every((d) => !names.has(d) || done.has(d))) {
      done.add(p.name);
      out.push(p);
    } else queue.push(p);
  }
  return out.concat(queue);
}

export const APT_GET_HELP = (version: string) => `apt ${version} (amd64)
Usage: apt-get [options] command
       apt-get [options] install|remove pkg1 [pkg2 ...]
       apt-get [options] source pkg1 [pkg2 ...]

apt-get is a command line interface for retrieval of packages
and information about them from authenticated sources and
for installation, upgrade and removal of packages together
with their dependencies.

Most used commands:
  update - Retrieve new lists of packages
  upgrade - Perform an upgrade
  install - Install new packages (pkg is libc6 not libc6.deb)
  reinstall - Reinstall packages (pkg is libc6 not libc6.deb)
  remove - Remove packages
  purge - Remove packages and config files
  autoremove - Remove automatically all unused packages
  dist-upgrade - Distribution upgrade, see apt-get(8)
  dselect-upgrade - Follow dselect selections
  build-dep - Configure build-dependencies for source packages
  satisfy - Satisfy dependency strings
  clean - Erase downloaded archive files
  autoclean - Erase old downloaded archive files
  check - Verify that there are no broken dependencies
  source - Download source archives
  download - Download the binary package into the current directory
  changelog - Download and display the changelog for the given package

See apt-get(8) for more information about the available commands.
Configuration options and syntax is detailed in apt.conf(5).
Information about how to configure sources can be found in sources.list(5).
Package and version choices can be expressed via apt_preferences(5).
Security details are available in apt-secure(8).
                                        This APT has Super Cow Powers.
`;

export const APT_HELP = (version: string) => `apt ${version} (amd64)
Usage: apt [options] command

apt is a commandline package manager and provides commands for
searching and managing as well as querying information about packages.
It provides the same functionality as the specialized APT tools,
like apt-get and apt-cache, but enables options more suitable for
interactive use by default.

Most used commands:
  list - list packages based on package names
  search - search in package descriptions
  show - show package details
  install - install packages
  reinstall - reinstall packages
  remove - remove packages
  autoremove - automatically remove all unused packages
  update - update list of available packages
  upgrade - upgrade the system by installing/upgrading packages
  full-upgrade - upgrade the system by removing/installing/upgrading packages
  edit-sources - edit the source information file
  satisfy - satisfy dependency strings

See apt(8) for more information about the available commands.
Configuration options and syntax is detailed in apt.conf(5).
Information about how to configure sources can be found in sources.list(5).
Package and version choices can be expressed via apt_preferences(5).
Security details are available in apt-secure(8).
                                        This APT has Super Cow Powers.
`;


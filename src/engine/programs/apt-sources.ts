/**
 * Where apt looks for packages: the sources (/etc/apt/sources.list, sources.list.d/*.list and
 * deb822 *.sources) and the lists `apt-get update` leaves in /var/lib/apt/lists, named after
 * the URI and suite the way apt names them.
 */
import type { DebRelease } from '../archives/debian.ts';
import type { Filesystem } from '../fs/filesystem.ts';
import { readText } from './packaging.ts';

export const LISTS = '/var/lib/apt/lists';

export interface Source {
  readonly uri: string;
  readonly suite: string;
  readonly components: readonly string[];
}

/** /etc/apt/sources.list, sources.list.d/*.list (one-line) and *.sources (deb822). */
export function readSources(fs: Filesystem): Source[] {
  const out: Source[] = [];
  const add = (uri: string, suite: string, components: string[]) => {
    const u = uri.replace(/\/+$/, '');
    const prev = out.find((s) => s.uri === u && s.suite === suite);
    if (prev) (prev.components as string[]).push(...components.filter((c) => !prev.components.includes(c)));
    else out.push({ uri: u, suite, components });
  };
  const oneLine = (text: string) => {
    for (const line of text.split('\n')) {
      const m = /^\s*deb\s+(?:\[[^\]]*\]\s+)?(\S+)\s+(\S+)\s+(.*)$/.exec(line);
      if (m) add(m[1], m[2], m[3].split(/\s+/).filter(Boolean));
    }
  };
  const deb822 = (text: string) => {
    for (const block of text.split(/\n\s*\n/)) {
      const f = new Map<string, string>();
      for (const line of block.split('\n')) {
        const m = /^([A-Za-z-]+):\s*(.*)$/.exec(line);
        if (m) f.set(m[1].toLowerCase(), m[2]);
      }
      if (!(f.get('types') ?? '').split(/\s+/).includes('deb') || f.get('enabled') === 'no') continue;
      for (const uri of (f.get('uris') ?? '').split(/\s+/).filter(Boolean)) {
        for (const suite of (f.get('suites') ?? '').split(/\s+/).filter(Boolean)) add(uri, suite, (f.get('components') ?? '').split(/\s+/).filter(Boolean));
      }
    }
  };
  oneLine(readText(fs, '/etc/apt/sources.list') ?? '');
  const dir = fs.list('/etc/apt/sources.list.d');
  if (typeof dir !== 'string') {
    for (const [name] of dir) {
      const text = readText(fs, `/etc/apt/sources.list.d/${name}`) ?? '';
      if (name.endsWith('.list')) oneLine(text);
      else if (name.endsWith('.sources')) deb822(text);
    }
  }
  return out;
}

export const listStem = (s: Source) => `${LISTS}/${s.uri.replace(/^[a-z]+:\/\//, '').replace(/\//g, '_')}_dists_${s.suite}`;
export const inReleaseFile = (s: Source) => `${listStem(s)}_InRelease`;
export const packagesFile = (s: Source, component: string) => `${listStem(s)}_${component}_binary-amd64_Packages`;

/** The archive name `apt list` shows for a suite (Debian: stable, stable-security; Ubuntu: the suite). */
export function archiveLabel(release: DebRelease, suite: string): string {
  return release === 'bookworm' ? suite.replace(/^bookworm/, 'stable') : suite;
}


/**
 * Registry routes of the Engine API: POST /auth (`docker login`: the daemon checks the
 * credentials against the registry, moby `registry/auth.go`) and GET /images/search (`docker
 * search`, moby `registry/search.go`: filters `is-official`, `is-automated`, `stars`, limit
 * 1–100). The simulated Hub accepts any user and password; a `registry:2` without auth
 * accepts anything once reachable.
 */
import { reachRegistry, registriesOf } from '../../registry/registries.ts';
import { searchHub, type SearchResult } from '../../registry/search.ts';
import type { Daemon } from '../daemon.ts';
import { ApiError, filtersJSON } from '../errors.ts';
import { portOwners } from './push.ts';

export const INDEX_SERVER = 'https://index.docker.io/v1/';

/** The registry host a login server address names (`https://index.docker.io/v1/` → docker.io). */
export function loginHost(server: string): string {
  if (server === INDEX_SERVER || server === 'docker.io' || server === 'index.docker.io' || server === 'registry-1.docker.io') return 'docker.io';
  return server.replace(/^https?:\/\//, '').replace(/\/.*$/, '');
}

/** POST /auth */
export function systemAuth(d: Daemon, auth: { username: string; password: string; serveraddress: string }): { Status: string; IdentityToken: string } {
  return d.call('POST', '/auth', 200, () => {
    const regs = registriesOf(d.kernel);
    const host = loginHost(auth.serveraddress);
    const reach = reachRegistry(regs, host, portOwners(d));
    if (!reach.ok) throw new ApiError(500, reach.message);
    if (!auth.username || !auth.password) throw new ApiError(401, 'unauthorized: incorrect username or password');
    regs.logins.set(host, auth.username);
    regs.touch();
    return { Status: 'Login Succeeded', IdentityToken: '' };
  });
}

/** The CLI logged out of `host` (the view forgets the user). */
export function forgetLogin(d: Daemon, host: string): void {
  const regs = registriesOf(d.kernel);
  if (regs.logins.delete(host)) regs.touch();
}

const ACCEPTED = new Set(['is-automated', 'is-official', 'stars']);

/** GET /images/search?term=&limit=&filters= */
export function imageSearch(d: Daemon, term: string, limitIn: number, filters: ReadonlyMap<string, readonly string[]>): SearchResult[] {
  // url.Values.Encode: keys sorted; the client sends limit only when > 0 (the daemon defaults to 25).
  const q = [filters.size ? `filters=${encodeURIComponent(filtersJSON(filters))}` : '', limitIn > 0 ? `limit=${limitIn}` : '', `term=${encodeURIComponent(term)}`].filter(Boolean).join('&');
  const limit = limitIn > 0 ? limitIn : 25;
  return d.call('GET', `/images/search?${q}`, 200, () => {
    for (const k of filters.keys()) if (!ACCEPTED.has(k)) throw new ApiError(400, `invalid filter '${k}'`);
    const boolOf = (k: string): boolean | undefined => {
      const v = filters.get(k);
      if (!v) return undefined;
      const out = new Set<boolean>();
      for (const x of v) {
        if (x === 'true' || x === '1') out.add(true);
        else if (x === 'false' || x === '0') out.add(false);
        else throw new ApiError(400, `invalid filter '${k}=${v.join(',')}'`);
      }
      return out.size === 1 ? [...out][0] : undefined;
    };
    const isOfficial = boolOf('is-official');
    const isAutomated = boolOf('is-automated');
    let minStars = 0;
    for (const s of filters.get('stars') ?? []) {
      if (!/^[+-]?\d+$/.test(s)) throw new ApiError(400, `invalid filter 'stars=${s}': strconv.Atoi: parsing ${JSON.stringify(s)}: invalid syntax`);
      minStars = Math.max(minStars, Number(s));
    }
    if (limit < 1 || limit > 100) throw new ApiError(400, `limit ${limit} is outside the range of [1, 100]`);
    const regs = registriesOf(d.kernel);
    return searchHub(term, { limit, isOfficial, isAutomated, minStars }, regs.hub.storedRepositories());
  });
}

/**
 * Docker Hub's search index as `GET /v1/search` answers it (moby `registry/search.go`,
 * `api/types/registry.SearchResult`): the catalog's repositories with their Hub descriptions
 * and (rounded, plausible) star counts, a few well-known community repositories, and whatever
 * was pushed to the simulated Hub. Results match the term in the name or description; official
 * images and exact names first, then by stars. The daemon applies `is-official`, `is-automated`
 * and `stars` filters and the limit (1–100, default 25).
 */

export interface SearchResult {
  readonly name: string;
  readonly description: string;
  readonly star_count: number;
  readonly is_official: boolean;
  readonly is_automated: boolean;
}

const official = (name: string, stars: number, description: string): SearchResult => ({ name, description, star_count: stars, is_official: true, is_automated: false });
const community = (name: string, stars: number, description: string): SearchResult => ({ name, description, star_count: stars, is_official: false, is_automated: false });

/** The index (name, stars, description), compact. */
export const SEARCH_INDEX: readonly SearchResult[] = [
  official('alpine', 11_236, 'A minimal Docker image based on Alpine Linux with a complete package index and only 5 MB in size!'),
  official('nginx', 20_873, 'Official build of Nginx.'),
  official('ubuntu', 17_693, 'Ubuntu is a Debian-based Linux operating system based on free software.'),
  official('debian', 5_215, "Debian is a Linux distribution that's composed entirely of free and open-source software."),
  official('busybox', 3_437, 'Busybox base image.'),
  official('redis', 13_114, 'Redis is an open source key-value store that functions as a data structure server.'),
  official('postgres', 14_012, 'The PostgreSQL object-relational database system provides reliability and data integrity.'),
  official('httpd', 4_863, 'The Apache HTTP Server Project'),
  official('hello-world', 2_412, 'Hello World! (an example of minimal Dockerization)'),
  official('registry', 4_281, 'Distribution implementation for storing and distributing of container images and artifacts'),
  official('node', 13_902, 'Node.js is a JavaScript-based platform for server-side and networking applications.'),
  official('python', 10_047, 'Python is an interpreted, interactive, object-oriented, open-source programming language.'),
  community('progrium/stress', 52, ''),
  community('alpine/git', 242, 'A  simple git container running in alpine linux, especially for tiny linux distro.'),
  community('alpine/curl', 11, ''),
  community('alpine/socat', 104, 'Run socat command in alpine container'),
  community('alpinelinux/docker-cli', 11, 'Simple and lightweight Alpine Linux image with only Docker CLI installed.'),
  community('nginx/nginx-ingress', 101, 'NGINX and  NGINX Plus Ingress Controllers for Kubernetes'),
  community('nginxinc/nginx-unprivileged', 160, 'Unprivileged NGINX Dockerfiles'),
  community('bitnami/nginx', 198, 'Bitnami container image for NGINX'),
  community('ubuntu/nginx', 128, 'Nginx, a high-performance reverse proxy & web server. Long-term tracks maintained by Canonical.'),
  community('bitnami/redis', 301, 'Bitnami container image for Redis'),
  community('redis/redis-stack-server', 84, 'redis-stack-server installs a Redis server with additional database capabilities'),
  community('bitnami/postgresql', 287, 'Bitnami container image for PostgreSQL'),
  community('ubuntu/postgres', 40, 'PostgreSQL is an open source object-relational database. Long-term tracks maintained by Canonical.'),
  community('bitnami/python', 27, 'Bitnami container image for Python'),
  community('ubuntu/python', 26, 'A chiselled Ubuntu rock with the Python runtime'),
  community('joxit/docker-registry-ui', 1_187, 'Docker registry v2 web User Interface'),
  community('distribution/distribution', 78, 'The toolkit to pack, ship, store, and deliver container content'),
  community('ubuntu/debian', 0, ''),
  community('arm64v8/alpine', 89, 'A minimal Docker image based on Alpine Linux with a complete package index and only 5 MB in size!'),
  community('arm64v8/nginx', 52, 'Official build of Nginx.'),
];

export interface SearchOptions {
  readonly limit: number;
  readonly isOfficial?: boolean;
  readonly isAutomated?: boolean;
  readonly minStars: number;
}

/** Searches the index plus `extra` (repositories pushed to the simulated Hub). */
export function searchHub(term: string, opts: SearchOptions, extra: readonly string[] = []): SearchResult[] {
  const t = term.toLowerCase();
  const pushed = extra.filter((n) => !SEARCH_INDEX.some((r) => r.name === n)).map((n) => community(n, 0, ''));
  const hits = [...SEARCH_INDEX, ...pushed].filter((r) => r.name.includes(t) || r.description.toLowerCase().includes(t));
  const rank = (r: SearchResult) => (r.name === t ? 0 : r.is_official ? 1 : 2);
  const sorted = hits.sort((a, b) => rank(a) - rank(b) || b.star_count - a.star_count || (a.name < b.name ? -1 : 1)).slice(0, opts.limit);
  return sorted.filter(
    (r) => (opts.isOfficial === undefined || r.is_official === opts.isOfficial) && (opts.isAutomated === undefined || r.is_automated === opts.isAutomated) && r.star_count >= opts.minStars,
  );
}

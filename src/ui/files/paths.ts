/**
 * Path and naming helpers for the Files panel: pure string work on absolute host paths, the
 * image name the Build button proposes, and the command line it types.
 */

export const parentDir = (path: string): string => path.slice(0, path.lastIndexOf('/')) || '/';
export const baseName = (path: string): string => path.slice(path.lastIndexOf('/') + 1);
export const joinPath = (dir: string, name: string): string => (dir === '/' ? `/${name}` : `${dir}/${name}`);

/** True when `path` is `dir` itself or lies inside it. */
export const isWithin = (path: string, dir: string): boolean => path === dir || (dir === '/' ? path.startsWith('/') : path.startsWith(`${dir}/`));

/** Names BuildKit's dockerfile frontend and `docker build -f` users give Dockerfiles. */
export function isDockerfile(path: string): boolean {
  const name = baseName(path);
  return /^(Dockerfile|Containerfile)(\..+)?$/.test(name) || /\.(dockerfile|Dockerfile)$/.test(name);
}

/** What a new name for a file or folder must not be (the editor's rule, before the engine is asked). */
export type NameProblem = 'empty' | 'slash' | 'dots';

export function nameProblem(name: string): NameProblem | null {
  if (name.trim() === '') return 'empty';
  if (name.includes('/') || name.includes('\0')) return 'slash';
  if (name === '.' || name === '..') return 'dots';
  return null;
}

/**
 * The repository name the Build button proposes for a build context directory: its base name made
 * a valid reference path component (distribution/reference: lowercase `[a-z0-9]` runs joined by
 * `.`, `_`, `__` or dashes), e.g. `/root/My App` → `my-app`; `app` when nothing usable is left.
 */
export function imageNameFor(dir: string): string {
  const name = baseName(dir)
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/[._-]{2,}/g, (run) => (run === '__' ? run : '-'))
    .replace(/^[._-]+|[._-]+$/g, '');
  return name || 'app';
}

/** Quotes a word for the host shell only when it needs it (bash single quotes). */
export function shellWord(word: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** The command line the Build button types: `docker build -t NAME DIR` (with `-f` when the Dockerfile has another name). */
export function buildCommand(dockerfile: string, tag: string): string {
  const dir = parentDir(dockerfile);
  const file = baseName(dockerfile) === 'Dockerfile' ? '' : ` -f ${shellWord(dockerfile)}`;
  return `docker build -t ${shellWord(tag.trim())}${file} ${shellWord(dir)}`;
}

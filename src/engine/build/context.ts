/**
 * The build context: the directory `docker build PATH` names on the host, as the builder sees
 * it after `.dockerignore` filtering (fsutil's walk with exclude patterns), and the checksums
 * COPY/ADD are cached by (bk: cache/contenthash: content, mode and ownership — not mtime).
 */
import { FileTree, type FileNode } from '../fs/tree.ts';
import { sha256Hex } from '../image/digest.ts';
import { isIgnored, parseDockerignore, type IgnorePattern } from './dockerignore.ts';

export interface ContextFile {
  /** Relative to the context root, `/`-separated (`src/app.js`). */
  readonly path: string;
  readonly node: FileNode;
}

export interface BuildContext {
  readonly dir: string;
  /** Every path sent, sorted (directories included). */
  readonly files: ReadonlyMap<string, FileNode>;
  readonly ignore: readonly IgnorePattern[];
  /** Size of the `.dockerignore` file, or 0 when there is none. */
  readonly dockerignoreSize: number;
}

/** Reads the context directory of the host filesystem, applying `.dockerignore`. */
export function readContext(fs: FileTree, dir: string): BuildContext {
  const ignoreFile = fs.lookup(`${dir === '/' ? '' : dir}/.dockerignore`);
  const ignoreText = typeof ignoreFile !== 'string' && ignoreFile.type === 'file' ? ignoreFile.content : '';
  const ignore = parseDockerignore(ignoreText);
  const files = new Map<string, FileNode>();
  const base = dir === '/' ? '' : dir;
  for (const [path, node] of fs.walk(dir)) {
    if (path === dir) continue;
    const rel = path.slice(base.length + 1);
    if (isIgnored(ignore, rel)) continue;
    files.set(rel, node);
  }
  return { dir, files, ignore, dockerignoreSize: typeof ignoreFile !== 'string' && ignoreFile.type === 'file' ? ignoreFile.size : 0 };
}

/** filepath.Match for one path element (`*`, `?`, `[...]`, `\` escapes). */
export function matchElement(pattern: string, name: string): boolean {
  const re: string[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*') re.push('[^/]*');
    else if (c === '?') re.push('[^/]');
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end < 0) return false;
      let cls = pattern.slice(i + 1, end);
      if (cls.startsWith('^') || cls.startsWith('!')) cls = `^${cls.slice(1)}`;
      re.push(`[${cls.replace(/\\/g, '\\\\')}]`);
      i = end;
    } else if (c === '\\' && i + 1 < pattern.length) re.push(`\\${pattern[++i]}`);
    else re.push(c.replace(/[.+()|{}$^]/g, (m) => `\\${m}`));
  }
  try {
    return new RegExp(`^${re.join('')}$`).test(name);
  } catch {
    return false;
  }
}

export function hasWildcards(p: string): boolean {
  return /[*?[]/.test(p);
}

/** Content checksum of a subtree (paths relative to its root), independent of mtimes. */
export function treeChecksum(entries: Iterable<readonly [string, FileNode]>): string {
  const parts: string[] = [];
  for (const [path, n] of entries) {
    parts.push(`${path}\0${n.type}\0${n.mode.toString(8)}\0${n.uid}:${n.gid}\0${n.type === 'file' ? `${n.size}\0${sha256Hex(n.content)}` : n.type === 'symlink' ? n.target : ''}`);
  }
  return sha256Hex(parts.sort().join('\n'));
}

/** The context as a file tree rooted at `/` holding only what .dockerignore lets through. */
export function contextView(ctx: BuildContext): FileTree {
  const t = new FileTree();
  for (const [path, n] of ctx.files) {
    const full = `/${path}`;
    if (n.type === 'dir') t.mkdir(full, n.mtime, { parents: true, mode: n.mode });
    else if (n.type === 'symlink') {
      t.mkdir(full.slice(0, full.lastIndexOf('/')) || '/', n.mtime, { parents: true });
      t.symlink(n.target, full, n.mtime);
    } else {
      t.writeFile(full, n.content, n.mtime, { parents: true, mode: n.mode, size: n.size });
      const node = t.lookup(full, true);
      if (typeof node !== 'string') {
        node.uid = n.uid;
        node.gid = n.gid;
      }
    }
  }
  return t;
}

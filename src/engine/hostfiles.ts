/**
 * The Files & Dockerfile editor's access to the host filesystem (design.md §4): listing a
 * directory, reading a file, and the changes an editor makes — save, new file, new folder,
 * rename, delete. It works on the same `FileTree` the host shell uses, so a save is visible to
 * `cat` at once (the tree's `rev` bumps on every change).
 *
 * Changes are engine inputs: each is applied at the current virtual instant and journalled as
 * `{ at, change }`, so replaying the journal on a fresh engine (advancing to each `at` before
 * applying) reproduces the state byte for byte. Queries change nothing and are not journalled.
 *
 * The editor behaves like an editor, not like `mkdir -p`: a save or a new file needs an existing
 * directory, a new name must be free, and nothing is moved into a directory by accident (the
 * shell's `mv` does that; a rename in the tree never does).
 */
import type { Filesystem } from './fs/filesystem.ts';
import { FS_ERROR_TEXT, byteLength, normalizePath, type FsError, type NodeType } from './fs/tree.ts';

/** Questions about the host filesystem (not journalled). */
export type HostFileQuery =
  | { readonly op: 'list'; readonly path: string }
  | { readonly op: 'read'; readonly path: string };

/** Changes to the host filesystem (engine inputs, journalled). */
export type HostFileChange =
  /** Saves a regular file (creates it if missing); its directory must exist. */
  | { readonly op: 'write'; readonly path: string; readonly content: string }
  /** Creates an empty file; fails if the name is taken. */
  | { readonly op: 'createFile'; readonly path: string }
  /** Creates a directory; its parent must exist. */
  | { readonly op: 'mkdir'; readonly path: string }
  /** Renames within the filesystem; the new name must be free. */
  | { readonly op: 'rename'; readonly from: string; readonly to: string }
  /** Deletes a file, a symlink, or a directory with everything in it. */
  | { readonly op: 'delete'; readonly path: string };

export type HostFileRequest = HostFileQuery | HostFileChange;

export interface HostFileEntry {
  readonly name: string;
  /** Absolute path (through the directory as listed, symlinks not resolved). */
  readonly path: string;
  readonly type: NodeType;
  /** For symlinks: what the link points to, and whether that is a directory. */
  readonly target?: string;
  readonly targetIsDir?: boolean;
  readonly size: number;
  /** Permission bits, e.g. 0o644. */
  readonly mode: number;
  /** Virtual ms of the last change. */
  readonly mtime: number;
}

export type HostFileResult =
  | { readonly ok: true; readonly op: 'list'; readonly path: string; readonly entries: readonly HostFileEntry[]; readonly rev: number }
  | {
      readonly ok: true; readonly op: 'read'; readonly path: string; readonly content: string; readonly size: number; readonly mode: number;
      /** True when the file holds bytes the simulation does not keep (an executable): it cannot be shown or edited. */
      readonly binary: boolean; readonly rev: number;
    }
  | { readonly ok: true; readonly op: HostFileChange['op']; readonly path: string; readonly rev: number }
  /** Errors are data: the errno and its text as coreutils prints it after `path: `. */
  | { readonly ok: false; readonly op: HostFileRequest['op']; readonly path: string; readonly error: FsError; readonly message: string };

/** One journalled change: what was done, at which virtual instant. */
export interface HostFileInput {
  readonly at: number;
  readonly change: HostFileChange;
}

const CHANGES: ReadonlySet<string> = new Set<HostFileChange['op']>(['write', 'createFile', 'mkdir', 'rename', 'delete']);

export function isHostFileChange(request: HostFileRequest): request is HostFileChange {
  return CHANGES.has(request.op);
}

const parentOf = (path: string) => path.slice(0, path.lastIndexOf('/')) || '/';

/** The editor's file operations on one filesystem, journalling every change. */
export class HostFiles {
  readonly #fs: Filesystem;
  readonly #now: () => number;
  readonly #journal: HostFileInput[] = [];

  constructor(fs: Filesystem, now: () => number) {
    this.#fs = fs;
    this.#now = now;
  }

  /** Every change applied so far, in order. */
  get journal(): readonly HostFileInput[] {
    return this.#journal;
  }

  /** The filesystem's change counter: it moves whenever anything (shell, editor, docker cp) changes a file. */
  get rev(): number {
    return this.#fs.rev;
  }

  apply(request: HostFileRequest): HostFileResult {
    if (isHostFileChange(request)) {
      this.#journal.push({ at: this.#now(), change: request });
      return this.#change(request);
    }
    switch (request.op) {
      case 'list':
        return this.#list(normalizePath(request.path));
      case 'read':
        return this.#read(normalizePath(request.path));
      default: {
        const never: never = request;
        throw new Error(`unknown host file query ${JSON.stringify(never)}`);
      }
    }
  }

  #fail(op: HostFileRequest['op'], path: string, error: FsError): HostFileResult {
    return { ok: false, op, path, error, message: FS_ERROR_TEXT[error] };
  }

  #list(path: string): HostFileResult {
    const listed = this.#fs.list(path);
    if (typeof listed === 'string') return this.#fail('list', path, listed);
    const base = path === '/' ? '' : path;
    const entries = listed.map(([name, n]): HostFileEntry => {
      const full = `${base}/${name}`;
      const entry = { name, path: full, type: n.type, size: n.size, mode: n.mode & 0o7777, mtime: n.mtime };
      if (n.type !== 'symlink') return entry;
      return { ...entry, target: n.target, targetIsDir: this.#fs.isDir(full) };
    });
    return { ok: true, op: 'list', path, entries, rev: this.#fs.rev };
  }

  #read(path: string): HostFileResult {
    const n = this.#fs.lookup(path);
    if (typeof n === 'string') return this.#fail('read', path, n);
    if (n.type === 'dir') return this.#fail('read', path, 'EISDIR');
    const binary = byteLength(n.content) !== n.size;
    return { ok: true, op: 'read', path, content: binary ? '' : n.content, size: n.size, mode: n.mode & 0o7777, binary, rev: this.#fs.rev };
  }

  #change(change: HostFileChange): HostFileResult {
    const fs = this.#fs;
    const now = this.#now();
    const path = normalizePath(change.op === 'rename' ? change.from : change.path);
    const done = (error: FsError | null): HostFileResult => (error ? this.#fail(change.op, path, error) : { ok: true, op: change.op, path, rev: fs.rev });
    if (path === '/') return done(change.op === 'mkdir' || change.op === 'createFile' ? 'EEXIST' : change.op === 'write' ? 'EISDIR' : 'EINVAL');
    const parent = fs.lookup(parentOf(path));
    if (typeof parent === 'string') return done(parent);
    if (parent.type !== 'dir') return done('ENOTDIR');
    switch (change.op) {
      case 'write': {
        const existing = fs.lookup(path);
        if (typeof existing !== 'string' && existing.type === 'dir') return done('EISDIR');
        return done(fs.writeFile(path, change.content, now));
      }
      case 'createFile':
        if (typeof fs.lookup(path, true) !== 'string') return done('EEXIST');
        return done(fs.writeFile(path, '', now));
      case 'mkdir':
        return done(fs.mkdir(path, now));
      case 'delete': {
        const n = fs.lookup(path, true);
        if (typeof n === 'string') return done(n);
        return done(fs.remove(path, { recursive: true }));
      }
      case 'rename': {
        const to = normalizePath(change.to);
        if (typeof fs.lookup(path, true) === 'string') return done('ENOENT');
        if (to === path) return done(null);
        // rename(2): a directory cannot become its own descendant.
        if (to === '/' || to.startsWith(`${path}/`)) return done('EINVAL');
        const dest = fs.lookup(parentOf(to));
        if (typeof dest === 'string') return done(dest);
        if (dest.type !== 'dir') return done('ENOTDIR');
        if (typeof fs.lookup(to, true) !== 'string') return done('EEXIST');
        return done(fs.rename(path, to, now));
      }
      default: {
        const never: never = change;
        throw new Error(`unknown host file change ${JSON.stringify(never)}`);
      }
    }
  }
}

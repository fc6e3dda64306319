/**
 * The Files panel's own state, kept outside React (a vanilla zustand store per engine client) so
 * that unsaved edits survive switching tabs (only the active tab is mounted) and switching files:
 * the tree (root, expanded folders, listings), the open file and one buffer per opened file (the
 * text on disk and the text being edited), the Build button's image names and whether its build
 * is running.
 *
 * Every read and change goes to the engine through the client (`files` requests, errors as data);
 * the tree re-lists when the host filesystem's rev moves (`files-changed`), so files the shell
 * creates show up and a clean buffer follows edits made with `echo >`.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { HostFileEntry, HostFileRequest, HostFileResult } from '../../worker/protocol.ts';
import { buildCommand, imageNameFor, isWithin, joinPath, parentDir } from './paths.ts';

export type Listing = { readonly entries: readonly HostFileEntry[] } | { readonly error: string };

export interface FileBuffer {
  readonly path: string;
  /** The content on disk when last read or saved. */
  readonly saved: string;
  /** The content being edited. */
  readonly text: string;
  /** An executable or other file whose bytes the simulation does not keep: shown, not edited. */
  readonly binary: boolean;
  readonly size: number;
  /** The file disappeared from disk (deleted in the shell); saving writes it again. */
  readonly deleted: boolean;
  /** Moves when the text is replaced from outside the editor (a reload): the editor takes the new text. */
  readonly loadSeq: number;
}

export const isDirty = (b: FileBuffer | undefined): boolean => !!b && (b.text !== b.saved || b.deleted);

/** The inline form the tree shows: a name for a new file or folder, a new name, or a delete to confirm. */
export type FilesForm =
  | { readonly kind: 'newFile' | 'newFolder'; readonly dir: string }
  | { readonly kind: 'rename'; readonly path: string }
  | { readonly kind: 'delete'; readonly path: string }
  | null;

export interface FilesState {
  /** The folder the tree shows (`/root`, `/srv`, `/`). */
  readonly root: string;
  readonly expanded: Readonly<Record<string, true>>;
  readonly listings: Readonly<Record<string, Listing>>;
  /** The tree's current item (roving focus). */
  readonly focused: string | null;
  /** The file shown in the editor. */
  readonly open: string | null;
  readonly buffers: Readonly<Record<string, FileBuffer>>;
  /** The image name typed for each Dockerfile's build (absent: derived from its folder). */
  readonly tags: Readonly<Record<string, string>>;
  /** A build started by the Build button is running. */
  readonly building: boolean;
  /** The last failed operation, in the engine's words (`/root/app/x: File exists`). */
  readonly problem: string | null;
  readonly form: FilesForm;
  /** The tree pane is shown (hide it to give the editor the whole width). */
  readonly showTree: boolean;
}

export interface FilesActions {
  readonly setRoot: (root: string) => Promise<void>;
  /** Opens or closes a folder (`open` forces one way). */
  readonly toggle: (dir: string, open?: boolean) => Promise<void>;
  readonly focus: (path: string | null) => void;
  /** Re-lists the shown folders and re-reads open files (after the host filesystem changed). */
  readonly refresh: () => Promise<void>;
  readonly openFile: (path: string) => Promise<void>;
  /** The editor's text for `path` changed. */
  readonly edit: (path: string, text: string) => void;
  /** Writes the buffer to disk; false when the engine refused (see `problem`). */
  readonly save: (path: string) => Promise<boolean>;
  readonly setForm: (form: FilesForm) => void;
  readonly create: (kind: 'file' | 'folder', dir: string, name: string) => Promise<boolean>;
  readonly rename: (path: string, name: string) => Promise<boolean>;
  readonly remove: (path: string) => Promise<boolean>;
  readonly setTag: (dockerfile: string, tag: string) => void;
  /** The image name for a Dockerfile's build: typed, else derived from its folder. */
  readonly tagFor: (dockerfile: string) => string;
  /** Saves, shows the Layers view, and runs `docker build` in the terminal; resolves with its exit code. */
  readonly build: (dockerfile: string) => Promise<number | null>;
  readonly setShowTree: (show: boolean) => void;
  readonly clearProblem: () => void;
}

export type FilesStoreState = FilesState & FilesActions;
export type FilesStore = StoreApi<FilesStoreState>;

/** What the store needs from the playground: the client's requests and the workspace's tabs. */
export interface FilesDeps {
  readonly files: (request: HostFileRequest) => Promise<HostFileResult>;
  readonly run: (line: string) => Promise<number>;
  readonly showLayers?: () => void;
}

export const DEFAULT_ROOT = '/root';
/** Opened for the learner on first view: the sample project (hostfs.ts). */
export const SAMPLE_DOCKERFILE = '/root/app/Dockerfile';

const failure = (r: HostFileResult & { ok: false }) => `${r.path}: ${r.message}`;

function sameEntries(a: readonly HostFileEntry[], b: readonly HostFileEntry[]): boolean {
  return a.length === b.length && a.every((e, i) => e.name === b[i].name && e.type === b[i].type && e.size === b[i].size && e.mtime === b[i].mtime && e.mode === b[i].mode && e.target === b[i].target);
}

function sameListing(a: Listing | undefined, b: Listing): boolean {
  if (!a) return false;
  if ('error' in a || 'error' in b) return 'error' in a && 'error' in b && a.error === b.error;
  return sameEntries(a.entries, b.entries);
}

/** Moves keys under `from` to live under `to` (a renamed folder takes its buffers and open state along). */
function movePaths<V>(table: Readonly<Record<string, V>>, from: string, to: string): Record<string, V> {
  const next: Record<string, V> = {};
  for (const [k, v] of Object.entries(table)) next[isWithin(k, from) ? to + k.slice(from.length) : k] = v;
  return next;
}

function dropPaths<V>(table: Readonly<Record<string, V>>, under: string): Record<string, V> {
  const next: Record<string, V> = {};
  for (const [k, v] of Object.entries(table)) if (!isWithin(k, under)) next[k] = v;
  return next;
}

export function createFilesStore(deps: FilesDeps, initial: Partial<FilesState> = {}): FilesStore {
  let refreshing: Promise<void> | null = null;
  let again = false;

  return createStore<FilesStoreState>()((set, get) => {
    const list = async (dir: string): Promise<Listing> => {
      const r = await deps.files({ op: 'list', path: dir });
      if (r.ok && r.op === 'list') return { entries: r.entries };
      return { error: r.ok ? dir : failure(r) };
    };

    const putListing = (dir: string, listing: Listing) => {
      const listings = get().listings;
      if (!sameListing(listings[dir], listing)) set({ listings: { ...listings, [dir]: listing } });
    };

    /** Shown folders: the root and every expanded folder inside it. */
    const shownDirs = () => {
      const { root, expanded } = get();
      return [root, ...Object.keys(expanded).filter((d) => d !== root && isWithin(d, root))];
    };

    const reload = async (path: string) => {
      const r = await deps.files({ op: 'read', path });
      const buf = get().buffers[path];
      if (!buf) return;
      if (!r.ok) {
        if (r.error === 'ENOENT' && !buf.deleted) set({ buffers: { ...get().buffers, [path]: { ...buf, deleted: true } } });
        return;
      }
      if (r.op !== 'read') return;
      const clean = buf.text === buf.saved && !buf.deleted;
      if (r.content === buf.saved && !buf.deleted) return;
      // A clean buffer follows the disk; a dirty one keeps the learner's text (the save will win).
      const next: FileBuffer = clean
        ? { ...buf, saved: r.content, text: r.content, binary: r.binary, size: r.size, deleted: false, loadSeq: buf.loadSeq + 1 }
        : { ...buf, saved: r.content, binary: r.binary, size: r.size, deleted: false };
      set({ buffers: { ...get().buffers, [path]: next } });
    };

    const doRefresh = async () => {
      const dirs = shownDirs();
      const listings = await Promise.all(dirs.map(list));
      const next: Record<string, Listing> = {};
      const current = get().listings;
      dirs.forEach((d, i) => {
        next[d] = sameListing(current[d], listings[i]) ? current[d] : listings[i];
      });
      const unchanged = Object.keys(current).length === dirs.length && dirs.every((d) => next[d] === current[d]);
      if (!unchanged) set({ listings: next });
      await Promise.all(Object.keys(get().buffers).map(reload));
    };

    const fail = (r: HostFileResult): false => {
      if (!r.ok) set({ problem: failure(r) });
      return false;
    };

    return {
      root: DEFAULT_ROOT,
      expanded: { '/root/app': true },
      listings: {},
      focused: null,
      open: null,
      buffers: {},
      tags: {},
      building: false,
      problem: null,
      form: null,
      showTree: true,
      ...initial,

      setRoot: async (root) => {
        if (root === get().root) return;
        set({ root, focused: null, form: null });
        await get().refresh();
      },

      toggle: async (dir, open) => {
        const expanded = get().expanded;
        const isOpen = !!expanded[dir];
        const want = open ?? !isOpen;
        if (want === isOpen) return;
        if (!want) {
          const next = { ...expanded };
          delete next[dir];
          set({ expanded: next });
          return;
        }
        set({ expanded: { ...expanded, [dir]: true } });
        putListing(dir, await list(dir));
      },

      focus: (path) => {
        if (get().focused !== path) set({ focused: path });
      },

      refresh: () => {
        if (refreshing) {
          again = true;
          return refreshing;
        }
        refreshing = (async () => {
          do {
            again = false;
            await doRefresh();
          } while (again);
        })().finally(() => {
          refreshing = null;
        });
        return refreshing;
      },

      openFile: async (path) => {
        set({ focused: path, problem: null });
        if (get().buffers[path]) {
          set({ open: path });
          return;
        }
        const r = await deps.files({ op: 'read', path });
        if (!r.ok) {
          fail(r);
          return;
        }
        if (r.op !== 'read') return;
        const buffer: FileBuffer = { path, saved: r.content, text: r.content, binary: r.binary, size: r.size, deleted: false, loadSeq: 0 };
        set({ buffers: { ...get().buffers, [path]: get().buffers[path] ?? buffer }, open: path });
      },

      edit: (path, text) => {
        const buf = get().buffers[path];
        if (!buf || buf.text === text || buf.binary) return;
        set({ buffers: { ...get().buffers, [path]: { ...buf, text } } });
      },

      save: async (path) => {
        const buf = get().buffers[path];
        if (!buf || buf.binary) return false;
        if (!isDirty(buf)) return true;
        const text = buf.text;
        const r = await deps.files({ op: 'write', path, content: text });
        if (!r.ok) return fail(r);
        const now = get().buffers[path];
        if (now) set({ buffers: { ...get().buffers, [path]: { ...now, saved: text, deleted: false } }, problem: null });
        return true;
      },

      setForm: (form) => set({ form, problem: null }),

      create: async (kind, dir, name) => {
        const path = joinPath(dir, name);
        const r = await deps.files(kind === 'file' ? { op: 'createFile', path } : { op: 'mkdir', path });
        if (!r.ok) return fail(r);
        set({ form: null, problem: null });
        if (dir !== get().root) await get().toggle(dir, true);
        putListing(dir, await list(dir));
        if (kind === 'file') await get().openFile(path);
        else set({ focused: path });
        return true;
      },

      rename: async (path, name) => {
        const to = joinPath(parentDir(path), name);
        if (to === path) {
          set({ form: null });
          return true;
        }
        const r = await deps.files({ op: 'rename', from: path, to });
        if (!r.ok) return fail(r);
        const s = get();
        const open = s.open && isWithin(s.open, path) ? to + s.open.slice(path.length) : s.open;
        const buffers = movePaths(s.buffers, path, to);
        for (const [k, b] of Object.entries(buffers)) if (b.path !== k) buffers[k] = { ...b, path: k };
        set({
          form: null, problem: null, open, focused: to, buffers,
          expanded: movePaths(s.expanded, path, to), tags: movePaths(s.tags, path, to), listings: dropPaths(s.listings, path),
        });
        await get().refresh();
        return true;
      },

      remove: async (path) => {
        const r = await deps.files({ op: 'delete', path });
        if (!r.ok) return fail(r);
        const s = get();
        set({
          form: null, problem: null,
          open: s.open && isWithin(s.open, path) ? null : s.open,
          focused: parentDir(path) === s.root ? null : parentDir(path),
          buffers: dropPaths(s.buffers, path), expanded: dropPaths(s.expanded, path), tags: dropPaths(s.tags, path), listings: dropPaths(s.listings, path),
        });
        await get().refresh();
        return true;
      },

      setTag: (dockerfile, tag) => set({ tags: { ...get().tags, [dockerfile]: tag } }),

      tagFor: (dockerfile) => get().tags[dockerfile] ?? imageNameFor(parentDir(dockerfile)),

      build: async (dockerfile) => {
        if (get().building) return null;
        const tag = get().tagFor(dockerfile).trim() || imageNameFor(parentDir(dockerfile));
        set({ building: true });
        try {
          if (isDirty(get().buffers[dockerfile]) && !(await get().save(dockerfile))) return null;
          deps.showLayers?.();
          return await deps.run(buildCommand(dockerfile, tag));
        } finally {
          set({ building: false });
        }
      },

      setShowTree: (showTree) => set({ showTree }),
      clearProblem: () => set({ problem: null }),
    };
  });
}

/** Every dirty buffer's path (for "unsaved" marks in the tree). */
export const dirtyPaths = (s: FilesState): string[] => Object.values(s.buffers).filter(isDirty).map((b) => b.path).sort();


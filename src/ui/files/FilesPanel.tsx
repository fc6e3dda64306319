/**
 * Files & Dockerfile editor (design.md §4): the host's file tree beside a CodeMirror editor. It
 * edits the host filesystem through the engine (saves are engine inputs, so `cat` in the terminal
 * shows them at once); a Dockerfile gets inline parse errors and a Build button that types
 * `docker build` into the terminal and shows the Layers view. Lazy-loaded; CodeMirror itself is a
 * further lazy chunk, so the tree appears first.
 */
import { lazy, Suspense, useEffect, type KeyboardEvent } from 'react';
import { subscribeSelected } from '../../store/index.ts';
import { usePlayground, useStoreValue, useT } from '../context.ts';
import { formatBytes } from '../format.ts';
import { Loading } from '../Panel.tsx';
import { FileTree } from './FileTree.tsx';
import { FilesForm } from './FilesForm.tsx';
import { isDirty, SAMPLE_DOCKERFILE, type FilesStore } from './filesStore.ts';
import { DeleteIcon, NewFileIcon, NewFolderIcon, RenameIcon, TreeToggleIcon } from './icons.tsx';
import { baseName, buildCommand, isDockerfile, parentDir } from './paths.ts';
import { isDirEntry } from './treeModel.ts';
import { filesStoreFor, useFiles, useFilesStore } from './useFiles.ts';

const CodeEditor = lazy(() => import('./CodeEditor.tsx'));

const ROOTS = ['/root', '/srv', '/'] as const;

/** Opened once per page so the learner lands on something to build. */
const welcomed = new WeakSet<FilesStore>();

export default function FilesPanel() {
  const { client, store: playground } = usePlayground();
  const files = filesStoreFor(client, playground);
  const showTree = useFiles((s) => s.showTree);

  useEffect(() => {
    void files.getState().refresh().then(() => {
      if (welcomed.has(files)) return;
      welcomed.add(files);
      const s = files.getState();
      const project = s.listings[parentDir(SAMPLE_DOCKERFILE)];
      const present = !!project && 'entries' in project && project.entries.some((e) => e.path === SAMPLE_DOCKERFILE);
      if (!s.open && present) void s.openFile(SAMPLE_DOCKERFILE);
    });
    // Re-list when the host filesystem changes (the shell, a save, docker cp): one integer per frame at most.
    return subscribeSelected(playground, (p) => p.filesRev, () => void files.getState().refresh());
  }, [files, playground]);

  // Ctrl/Cmd-S anywhere in the panel saves the open file (the editor handles it itself when focused).
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.defaultPrevented || !(event.ctrlKey || event.metaKey) || event.key.toLowerCase() !== 's') return;
    event.preventDefault();
    const { open, save } = files.getState();
    if (open) void save(open);
  };

  return (
    <div className={`files${showTree ? '' : ' files--tree-hidden'}`} onKeyDown={onKeyDown}>
      {showTree && (
        <div className="files__tree-pane">
          <TreeToolbar />
          <FilesForm />
          <Problem />
          <div className="files__tree-scroll">
            <FileTree />
          </div>
        </div>
      )}
      <EditorPane />
    </div>
  );
}

function TreeToolbar() {
  const t = useT();
  const store = useFilesStore();
  const root = useFiles((s) => s.root);
  const focused = useFiles((s) => s.focused);
  const focusedIsDir = useFiles((s) => {
    if (!s.focused) return false;
    const listing = s.listings[parentDir(s.focused)];
    const entry = listing && 'entries' in listing ? listing.entries.find((e) => e.path === s.focused) : undefined;
    return !!entry && isDirEntry(entry);
  });
  const target = focused ? (focusedIsDir ? focused : parentDir(focused)) : root;
  const form = (kind: 'newFile' | 'newFolder') => store.getState().setForm({ kind, dir: target });
  return (
    <div className="files__toolbar">
      <div className="files__root">
        <label htmlFor="files-root">{t('files.folder')}</label>
        <select id="files-root" value={root} onChange={(e) => void store.getState().setRoot(e.target.value)}>
          {ROOTS.map((r) => (
            <option key={r} value={r}>{r}</option>
          ))}
        </select>
      </div>
      <div className="files__actions" role="toolbar" aria-label={t('files.actions')}>
        <button type="button" className="icon-button" aria-label={t('files.newFile')} title={t('files.newFile')} onClick={() => form('newFile')}>
          <NewFileIcon />
        </button>
        <button type="button" className="icon-button" aria-label={t('files.newFolder')} title={t('files.newFolder')} onClick={() => form('newFolder')}>
          <NewFolderIcon />
        </button>
        <button type="button" className="icon-button" aria-label={t('files.rename')} title={t('files.rename')} disabled={!focused} onClick={() => focused && store.getState().setForm({ kind: 'rename', path: focused })}>
          <RenameIcon />
        </button>
        <button type="button" className="icon-button" aria-label={t('files.delete')} title={t('files.delete')} disabled={!focused} onClick={() => focused && store.getState().setForm({ kind: 'delete', path: focused })}>
          <DeleteIcon />
        </button>
      </div>
    </div>
  );
}

function Problem() {
  const t = useT();
  const store = useFilesStore();
  const problem = useFiles((s) => s.problem);
  if (!problem) return null;
  return (
    <p className="files__problem" role="alert">
      <span className="mono">{problem}</span>
      <button type="button" className="linklike" onClick={() => store.getState().clearProblem()}>{t('files.dismiss')}</button>
    </p>
  );
}

function EditorPane() {
  const t = useT();
  const { client } = usePlayground();
  const lang = useStoreValue((s) => s.lang);
  const store = useFilesStore();
  const open = useFiles((s) => s.open);
  const buffer = useFiles((s) => (s.open ? s.buffers[s.open] : undefined));
  const showTree = useFiles((s) => s.showTree);
  const dirty = isDirty(buffer);
  const save = () => open && void store.getState().save(open);

  return (
    <div className="files__editor-pane">
      <div className="files__editor-bar">
        <button
          type="button"
          className="icon-button"
          aria-pressed={showTree}
          aria-label={showTree ? t('files.hideTree') : t('files.showTree')}
          title={showTree ? t('files.hideTree') : t('files.showTree')}
          onClick={() => store.getState().setShowTree(!showTree)}
        >
          <TreeToggleIcon />
        </button>
        {open && (
          <>
            <span className="files__path mono" title={open}>
              <span className="files__path-dir">{parentDir(open) === '/' ? '/' : `${parentDir(open)}/`}</span>
              <span className="files__path-name">{baseName(open)}</span>
            </span>
            {dirty && (
              <span className="files__dirty" role="status" title={t('files.unsaved')}>
                <span aria-hidden="true">●</span>
                <span className="files__hidden">{t('files.unsaved')}</span>
              </span>
            )}
            <button type="button" className="button" onClick={save} disabled={!buffer || buffer.binary || !dirty} title={t('files.saveHint')}>
              {dirty || !buffer ? t('files.save') : t('files.saved')}
            </button>
          </>
        )}
      </div>
      {open && buffer && isDockerfile(open) && !buffer.binary && <BuildBar dockerfile={open} />}
      {buffer?.deleted && <p className="files__notice">{t('files.deletedOnDisk')}</p>}
      <div className="files__editor">
        {!open || !buffer ? (
          <p className="empty">{t('files.pick')}</p>
        ) : buffer.binary ? (
          <p className="empty">{t('files.binary', { path: open, size: formatBytes(buffer.size, lang) })}</p>
        ) : (
          <Suspense fallback={<Loading />}>
            <CodeEditor path={open} store={store} label={t('files.editorLabel', { path: open })} diagnose={client.diagnose} onSave={save} />
          </Suspense>
        )}
      </div>
    </div>
  );
}

function BuildBar({ dockerfile }: { dockerfile: string }) {
  const t = useT();
  const store = useFilesStore();
  const tag = useFiles((s) => s.tagFor(dockerfile));
  const building = useFiles((s) => s.building);
  const command = buildCommand(dockerfile, tag.trim() || 'app');
  const inputId = 'files-image-name';
  return (
    <form
      className="files__build"
      onSubmit={(event) => {
        event.preventDefault();
        void store.getState().build(dockerfile);
      }}
    >
      <label htmlFor={inputId}>{t('files.imageName')}</label>
      <input id={inputId} className="mono" value={tag} spellCheck={false} autoComplete="off" onChange={(e) => store.getState().setTag(dockerfile, e.target.value)} />
      <button type="submit" className="button button--primary" disabled={building} aria-describedby="files-build-command">
        {building ? (
          t('files.building')
        ) : (
          <>
            <span aria-hidden="true">▶ </span>
            {t('files.build')}
          </>
        )}
      </button>
      <p className="files__command" id="files-build-command" title={command}>
        <span className="files__hidden">{t('files.buildHint')} </span>
        <span aria-hidden="true">$ </span>
        <code>{command}</code>
      </p>
    </form>
  );
}

/**
 * The host's file tree (WAI-ARIA tree view): one tab stop, arrow keys move and open/close
 * folders, Enter opens a file or toggles a folder, F2 renames, Delete asks to delete. Rows come
 * from treeModel.ts; the store holds which are expanded and which has the focus.
 */
import { useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStore } from 'zustand';
import { useT } from '../context.ts';
import { dirtyPaths } from './filesStore.ts';
import { ChevronIcon, FileIcon, FolderIcon } from './icons.tsx';
import { isDockerfile } from './paths.ts';
import { treeKey, visibleRows, type TreeRow } from './treeModel.ts';
import { useFiles, useFilesStore } from './useFiles.ts';

export function FileTree() {
  const t = useT();
  const store = useFilesStore();
  const { root, expanded, listings, focused, open } = useStore(
    store,
    useShallow((s) => ({ root: s.root, expanded: s.expanded, listings: s.listings, focused: s.focused, open: s.open })),
  );
  const dirty = useFiles(useShallow(dirtyPaths));
  const rows = useMemo(() => visibleRows({ root, expanded, listings }), [root, expanded, listings]);
  const current = rows.find((r) => r.path === focused)?.path ?? rows[0]?.path ?? null;
  const list = useRef<HTMLUListElement>(null);
  const items = useRef(new Map<string, HTMLLIElement>());
  const focusWanted = useRef(false);

  // Keyboard moves focus through the store; follow it in the DOM while the tree has focus.
  useEffect(() => {
    if (!focusWanted.current || !current) return;
    focusWanted.current = false;
    items.current.get(current)?.focus();
  }, [current]);

  const activate = (row: TreeRow) => {
    const s = store.getState();
    s.focus(row.path);
    if (row.isDir) void s.toggle(row.path);
    else void s.openFile(row.path);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const action = treeKey(rows, current, event.key);
    if (!action) return;
    event.preventDefault();
    event.stopPropagation();
    const s = store.getState();
    const row = rows.find((r) => r.path === action.path);
    switch (action.kind) {
      case 'focus':
        focusWanted.current = true;
        s.focus(action.path);
        if (action.path === current) items.current.get(action.path)?.focus();
        return;
      case 'expand':
        void s.toggle(action.path, true);
        return;
      case 'collapse':
        void s.toggle(action.path, false);
        return;
      case 'activate':
        if (row) activate(row);
        return;
      case 'rename':
        s.setForm({ kind: 'rename', path: action.path });
        return;
      case 'delete':
        s.setForm({ kind: 'delete', path: action.path });
        return;
      default: {
        const never: never = action;
        throw new Error(`unhandled ${JSON.stringify(never)}`);
      }
    }
  };

  const top = listings[root];
  if (top && 'error' in top) return <p className="empty empty--error" role="alert">{top.error}</p>;
  if (!top) return <p className="empty">{t('panel.loading')}</p>;
  if (rows.length === 0) return <p className="empty">{t('files.empty')}</p>;

  return (
    <ul className="files-tree" role="tree" aria-label={t('files.tree', { path: root })} ref={list} onKeyDown={onKeyDown}>
      {rows.map((row) => {
        const isOpen = row.path === open;
        const unsaved = dirty.includes(row.path);
        const e = row.entry;
        const kind = e.type === 'symlink' ? 'link' : isDockerfile(row.path) ? 'docker' : e.mode & 0o111 ? 'binary' : 'text';
        return (
          <li
            key={row.path}
            ref={(el) => {
              if (el) items.current.set(row.path, el);
              else items.current.delete(row.path);
            }}
            role="treeitem"
            aria-level={row.level}
            aria-setsize={row.size}
            aria-posinset={row.pos}
            aria-expanded={row.isDir ? row.expanded : undefined}
            aria-selected={isOpen}
            aria-label={row.name + (unsaved ? ` (${t('files.unsaved')})` : '')}
            tabIndex={row.path === current ? 0 : -1}
            className={`files-tree__row${isOpen ? ' files-tree__row--open' : ''}${row.path === current ? ' files-tree__row--current' : ''}`}
            style={{ paddingLeft: `${6 + (row.level - 1) * 18}px` }}
            title={e.type === 'file' ? `${row.path} (${e.size} B)` : row.path}
            onClick={(event) => {
              event.stopPropagation();
              activate(row);
            }}
            onFocus={() => store.getState().focus(row.path)}
          >
            <span className="files-tree__twisty">{row.isDir ? <ChevronIcon open={row.expanded} /> : null}</span>
            {row.isDir ? <FolderIcon open={row.expanded} /> : <FileIcon kind={kind} />}
            <span className="files-tree__name">{row.name}</span>
            {e.type === 'symlink' && <span className="files-tree__meta">→ {e.target}</span>}
            {unsaved && <span className="files-tree__dirty" aria-hidden="true">●</span>}
            {row.error && <span className="files-tree__error">{row.error}</span>}
          </li>
        );
      })}
    </ul>
  );
}

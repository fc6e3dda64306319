/**
 * The tree's inline form: a name for a new file or folder, a new name, or a delete to confirm.
 * Escape cancels; the engine's refusal (`File exists`) shows under the tree in its own words.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { MessageKey } from '../../i18n/index.ts';
import { useT } from '../context.ts';
import { baseName, nameProblem, parentDir, type NameProblem } from './paths.ts';
import { useFiles, useFilesStore } from './useFiles.ts';

const PROBLEM_TEXT: Readonly<Record<NameProblem, Extract<MessageKey, 'files.nameEmpty' | 'files.nameSlash' | 'files.nameDots'>>> = { empty: 'files.nameEmpty', slash: 'files.nameSlash', dots: 'files.nameDots' };

export function FilesForm() {
  const form = useFiles((s) => s.form);
  if (!form) return null;
  if (form.kind === 'delete') return <DeleteForm path={form.path} />;
  const key = form.kind === 'rename' ? form.path : `${form.kind}:${form.dir}`;
  return <NameForm key={key} />;
}

function NameForm() {
  const t = useT();
  const store = useFilesStore();
  const form = useFiles((s) => s.form);
  const [name, setName] = useState(form?.kind === 'rename' ? baseName(form.path) : '');
  const [problem, setProblem] = useState<NameProblem | null>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);
  if (!form || form.kind === 'delete') return null;

  const label =
    form.kind === 'rename' ? t('files.renameTo', { path: form.path }) : t(form.kind === 'newFile' ? 'files.newFileIn' : 'files.newFolderIn', { dir: form.dir });
  const cancel = () => store.getState().setForm(null);
  const submit = async () => {
    const wrong = nameProblem(name);
    setProblem(wrong);
    if (wrong) return;
    const s = store.getState();
    if (form.kind === 'rename') await s.rename(form.path, name);
    else await s.create(form.kind === 'newFile' ? 'file' : 'folder', form.dir, name);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      cancel();
    }
  };

  return (
    <form
      className="files__form"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      onKeyDown={onKeyDown}
    >
      <label htmlFor="files-form-name">{label}</label>
      <div className="files__form-row">
        <input
          id="files-form-name"
          ref={input}
          className="mono"
          value={name}
          spellCheck={false}
          autoComplete="off"
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? 'files-form-problem' : undefined}
          onChange={(e) => setName(e.target.value)}
        />
        <button type="submit" className="button button--primary">{t('files.ok')}</button>
        <button type="button" className="button" onClick={cancel}>{t('files.cancel')}</button>
      </div>
      {problem && <p id="files-form-problem" className="files__form-problem">{t(PROBLEM_TEXT[problem])}</p>}
    </form>
  );
}

function DeleteForm({ path }: { path: string }) {
  const t = useT();
  const store = useFilesStore();
  const isDir = useFiles((s) => {
    const listing = s.listings[parentDir(path)];
    const entry = listing && 'entries' in listing ? listing.entries.find((e) => e.path === path) : undefined;
    return entry?.type === 'dir';
  });
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => confirm.current?.focus(), []);
  const cancel = () => store.getState().setForm(null);
  return (
    <div
      className="files__form files__form--danger"
      role="group"
      aria-labelledby="files-delete-question"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          cancel();
        }
      }}
    >
      <p id="files-delete-question">{t(isDir ? 'files.deleteDirConfirm' : 'files.deleteConfirm', { path })}</p>
      <div className="files__form-row">
        <button ref={confirm} type="button" className="button button--danger" onClick={() => void store.getState().remove(path)}>{t('files.delete')}</button>
        <button type="button" className="button" onClick={cancel}>{t('files.cancel')}</button>
      </div>
    </div>
  );
}

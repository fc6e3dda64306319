/**
 * The code editor: CodeMirror 6 (design.md §4, lazy-loaded: this module and CodeMirror form their
 * own chunk). One EditorView per mount; each file keeps its EditorState (text, cursor, undo
 * history) in a module cache while another file is shown or the tab is away. Edits go to the
 * Files store (the buffer is the truth for saving), Ctrl/Cmd-S saves, Dockerfiles get BuildKit's
 * parse errors inline (asked of the engine in the worker) and the legacy `dockerfile` highlighting.
 * Tokens carry stable classes (`tok-keyword`, …: @lezer/highlight's classHighlighter), coloured in
 * styles.css.
 */
import { useEffect, useRef } from 'react';
import { basicSetup } from 'codemirror';
import { Compartment, EditorState, Prec, type Extension } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';
import { StreamLanguage, syntaxHighlighting } from '@codemirror/language';
import { dockerFile } from '@codemirror/legacy-modes/mode/dockerfile';
import { linter, lintGutter } from '@codemirror/lint';
import { classHighlighter } from '@lezer/highlight';
import type { DockerfileDiagnostic } from '../../worker/protocol.ts';
import { toEditorDiagnostics } from './dockerfileLint.ts';
import type { FilesStore } from './filesStore.ts';
import { LOADERS, languageOf } from './languages.ts';

export interface CodeEditorProps {
  readonly path: string;
  readonly store: FilesStore;
  /** Accessible name of the editing area ("Editor: /root/app/Dockerfile"). */
  readonly label: string;
  readonly diagnose: (text: string) => Promise<readonly DockerfileDiagnostic[]>;
  readonly onSave: () => void;
}

/** Dark, high-contrast, large type for projectors; colours follow styles.css. */
const theme = EditorView.theme(
  {
    '&': { height: '100%', color: '#eef2f7', backgroundColor: '#0b0e13', fontSize: '18px' },
    '.cm-scroller': { fontFamily: 'var(--mono)', lineHeight: '1.5' },
    '.cm-content': { caretColor: '#ffd866', padding: '6px 0' },
    '.cm-cursor, .cm-dropCursor': { borderLeftColor: '#ffd866', borderLeftWidth: '2px' },
    '&.cm-focused': { outline: 'none' },
    '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection': { backgroundColor: '#3a4a63' },
    '.cm-activeLine': { backgroundColor: 'rgba(255, 255, 255, 0.045)' },
    '.cm-gutters': { backgroundColor: '#0f141b', color: '#8e9aab', borderRight: '1px solid #2a3546' },
    '.cm-activeLineGutter': { backgroundColor: '#1a2230', color: '#f3f6fa' },
    '.cm-tooltip': { backgroundColor: '#1a2230', color: '#f3f6fa', border: '1px solid #3d4b60', fontSize: '17px' },
    '.cm-diagnostic': { padding: '4px 8px' },
    '.cm-diagnostic-error': { borderLeft: '4px solid #ff6b6b' },
    '.cm-diagnostic-warning': { borderLeft: '4px solid #f2cc60' },
    '.cm-lintRange-error': { backgroundImage: 'none', textDecoration: 'underline wavy #ff6b6b', textDecorationThickness: '2px', textUnderlineOffset: '4px' },
    '.cm-lintRange-warning': { backgroundImage: 'none', textDecoration: 'underline wavy #f2cc60', textDecorationThickness: '2px', textUnderlineOffset: '4px' },
    '.cm-panels': { backgroundColor: '#141b25', color: '#f3f6fa' },
    '.cm-searchMatch': { backgroundColor: 'rgba(255, 216, 102, 0.25)' },
    '.cm-matchingBracket, &.cm-focused .cm-matchingBracket': { backgroundColor: 'rgba(121, 192, 255, 0.25)', outline: 'none' },
  },
  { dark: true },
);

const dockerfileLanguage = StreamLanguage.define(dockerFile);
/** Module-level, so states cached by an earlier mount can still be reconfigured. */
const labelSlot = new Compartment();
const languageSlot = new Compartment();
const labelled = (label: string) => EditorView.contentAttributes.of({ 'aria-label': label });

/** Editor states by path (text, selection, undo history) kept while the file is not shown; `loadSeq` is the buffer load they hold. */
const states = new Map<string, { state: EditorState; loadSeq: number }>();

export default function CodeEditor({ path, store, label, diagnose, onSave }: CodeEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const pathRef = useRef(path);
  // Callbacks and the label change identity per render; the editor reads the latest through a ref.
  const latest = useRef({ diagnose, onSave, label });
  latest.current = { diagnose, onSave, label };

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const view = new EditorView({ parent: el });
    viewRef.current = view;
    return () => {
      const entry = states.get(pathRef.current);
      if (entry) entry.state = view.state;
      view.destroy();
      viewRef.current = null;
    };
  }, []);

  // Shows `path`: its kept state if the buffer was not reloaded meanwhile, else a fresh one.
  useEffect(() => {
    const view = viewRef.current;
    const buffer = store.getState().buffers[path];
    if (!view || !buffer) return;
    const previous = states.get(pathRef.current);
    if (previous && pathRef.current !== path) previous.state = view.state;
    pathRef.current = path;

    const language = languageOf(path);
    let entry = states.get(path);
    if (!entry || entry.loadSeq !== buffer.loadSeq || entry.state.doc.toString() !== buffer.text) {
      const extensions: Extension[] = [
        basicSetup,
        EditorView.lineWrapping,
        theme,
        syntaxHighlighting(classHighlighter),
        labelSlot.of(labelled(latest.current.label)),
        languageSlot.of(language === 'dockerfile' ? dockerfileLanguage : []),
        Prec.highest(keymap.of([{ key: 'Mod-s', preventDefault: true, run: () => (latest.current.onSave(), true) }])),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) store.getState().edit(pathRef.current, update.state.doc.toString());
        }),
      ];
      if (language === 'dockerfile') {
        extensions.push(
          lintGutter(),
          linter(async (v) => toEditorDiagnostics(v.state.doc, await latest.current.diagnose(v.state.doc.toString())), { delay: 300 }),
        );
      }
      entry = { state: EditorState.create({ doc: buffer.text, extensions }), loadSeq: buffer.loadSeq };
      states.set(path, entry);
    }
    view.setState(entry.state);
    view.dispatch({ effects: labelSlot.reconfigure(labelled(latest.current.label)) });

    let cancelled = false;
    if (language !== 'dockerfile' && language !== 'text') {
      LOADERS[language]().then(
        (parser) => {
          if (!cancelled) view.dispatch({ effects: languageSlot.reconfigure(StreamLanguage.define(parser)) });
        },
        () => {}, // without highlighting it is still an editor
      );
    }

    // A clean buffer reloaded from disk (edited in the shell): take its text.
    const unsubscribe = store.subscribe((s) => {
      const b = s.buffers[path];
      const kept = states.get(path);
      if (!b || !kept || b.loadSeq === kept.loadSeq) return;
      kept.loadSeq = b.loadSeq;
      if (view.state.doc.toString() !== b.text) view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: b.text } });
    });
    return () => {
      cancelled = true;
      unsubscribe();
    };
  }, [path, store]);

  useEffect(() => {
    viewRef.current?.dispatch({ effects: labelSlot.reconfigure(labelled(label)) });
  }, [label]);

  return <div className="files-editor__cm" ref={host} />;
}

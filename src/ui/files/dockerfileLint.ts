/**
 * Inline Dockerfile parse errors: the engine's diagnostics (BuildKit's words, line and columns)
 * placed on the editor's document. The engine (in the worker) does the parsing; this only maps
 * positions, clamped to the text as it is now.
 */
import type { Text } from '@codemirror/state';
import type { Diagnostic } from '@codemirror/lint';
import type { DockerfileDiagnostic } from '../../worker/protocol.ts';

export function toEditorDiagnostics(doc: Text, diagnostics: readonly DockerfileDiagnostic[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const line = doc.line(Math.min(Math.max(1, d.line), doc.lines));
    const from = line.from + Math.min(Math.max(0, d.from), line.length);
    // An empty or inverted span marks the rest of the line, so the squiggle is visible.
    let to = line.from + Math.min(Math.max(0, d.to), line.length);
    if (to <= from) to = line.to;
    out.push({ from, to, severity: d.severity === 'warning' ? 'warning' : 'error', source: 'Dockerfile', message: d.message });
  }
  return out;
}

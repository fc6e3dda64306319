/**
 * Inline diagnostics for the Dockerfile editor: the parse errors BuildKit would stop at, and
 * the build-check warnings it would print, as `{line, from, to, message}` (line 1-based,
 * `from`/`to` 0-based columns on that line). Pure: no engine state, safe to import from the UI.
 */
import { DockerfileError, parseDockerfileText } from './instructions.ts';

export interface DockerfileDiagnostic {
  readonly line: number;
  readonly from: number;
  readonly to: number;
  readonly message: string;
  readonly severity: 'error' | 'warning';
}

function span(lines: readonly string[], line: number): { from: number; to: number } {
  const text = lines[line - 1] ?? '';
  const from = text.length - text.trimStart().length;
  return { from, to: Math.max(from, text.trimEnd().length) };
}

/** The problems in a Dockerfile text, in line order (at most one error: BuildKit stops at the first). */
export function dockerfileDiagnostics(text: string): DockerfileDiagnostic[] {
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  try {
    const df = parseDockerfileText(text);
    const out: DockerfileDiagnostic[] = df.warnings.map((w) => ({ line: w.line, ...span(lines, w.line), message: `${w.rule}: ${w.message}`, severity: 'warning' as const }));
    if (df.stages.length === 0) out.push({ line: 1, from: 0, to: (lines[0] ?? '').length, message: 'dockerfile contains no stages to build', severity: 'error' });
    return out.sort((a, b) => a.line - b.line);
  } catch (e) {
    if (!(e instanceof DockerfileError)) throw e;
    const line = e.loc?.start ?? 1;
    return [{ line, ...span(lines, line), message: e.message, severity: 'error' }];
  }
}

/**
 * The editor's Dockerfile diagnostics: parse errors as BuildKit words them (`unknown instruction:
 * RUNN`) and build-check warnings, positioned for inline markers (line 1-based, `from`/`to` 0-based
 * columns in that line). The worker answers the editor's `diagnose` request with these; the
 * analysis itself is the builder's (build/diagnostics.ts).
 */
import { dockerfileDiagnostics, type DockerfileDiagnostic } from './build/diagnostics.ts';

export type { DockerfileDiagnostic };

/** Diagnostics for a Dockerfile's text. */
export function diagnoseDockerfile(text: string): readonly DockerfileDiagnostic[] {
  return dockerfileDiagnostics(text);
}

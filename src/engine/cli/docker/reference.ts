/** Validates an image reference as the CLI does before asking the daemon (distribution/reference). */
import { parseAnyReference } from '../../image/reference.ts';

/** The CLI's message for a malformed reference, or null when it is fine. */
export function validateReference(s: string): string | null {
  const r = parseAnyReference(s);
  return r.ok ? null : r.error.message;
}

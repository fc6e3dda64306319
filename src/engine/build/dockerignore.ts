/**
 * `.dockerignore`: which files of the build context are sent to the builder, as
 * moby/patternmatcher does it (`dockerignore.ReadAll`, `NewPatternMatcher`,
 * `MatchesOrParentMatches`): one pattern per line, `#` comments, paths cleaned and made
 * relative, `*` and `?` within one path element, `**` across any number of elements, `!` to
 * re-include; the last pattern that matches a path (or one of its parent directories) wins.
 */

export interface IgnorePattern {
  readonly exclusion: boolean;
  /** The cleaned pattern (`src/*.tmp`). */
  readonly pattern: string;
  readonly re: RegExp;
}

/** Go's path.Clean for slash-separated paths. */
export function cleanPath(p: string): string {
  if (p === '') return '.';
  const rooted = p.startsWith('/');
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
      continue;
    }
    out.push(part);
  }
  const s = out.join('/');
  return rooted ? `/${s}` : s || '.';
}

const REGEXP_SPECIAL = new Set(['.', '+', '(', ')', '|', '{', '}', '$', '^']);

/** Pattern.compile: the pattern as an anchored regular expression over `/`-separated paths. */
function compile(pattern: string): RegExp {
  let re = '^';
  const chars = [...pattern];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (c === '*') {
      if (chars[i + 1] === '*') {
        i++;
        if (chars[i + 1] === '/') i++;
        re += i + 1 >= chars.length ? '.*' : '(.*/)?';
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (REGEXP_SPECIAL.has(c)) re += `\\${c}`;
    else if (c === '\\') {
      if (i + 1 < chars.length) re += `\\${chars[++i]}`;
      else re += '\\\\';
    } else re += c;
  }
  try {
    return new RegExp(`${re}$`);
  } catch {
    return /(?!)/;
  }
}

/** dockerignore.ReadAll + NewPatternMatcher. */
export function parseDockerignore(text: string): IgnorePattern[] {
  const out: IgnorePattern[] = [];
  for (const raw of text.split('\n')) {
    let p = raw.replace(/\r$/, '');
    if (p.startsWith('#')) continue;
    p = p.trim();
    if (!p) continue;
    const invert = p.startsWith('!');
    if (invert) p = p.slice(1).trim();
    if (p) {
      p = cleanPath(p);
      if (p.length > 1 && p.startsWith('/')) p = p.slice(1);
    }
    if (!p) continue;
    out.push({ exclusion: invert, pattern: p, re: compile(p) });
  }
  return out;
}

/** MatchesOrParentMatches: whether a context-relative path (`src/a.txt`) is ignored. */
export function isIgnored(patterns: readonly IgnorePattern[], file: string): boolean {
  let matched = false;
  const slash = file.lastIndexOf('/');
  const parent = slash < 0 ? '.' : file.slice(0, slash);
  const parentDirs = parent.split('/');
  for (const p of patterns) {
    if (p.exclusion !== matched) continue;
    let match = p.re.test(file);
    if (!match && parent !== '.') {
      for (let i = 0; i < parentDirs.length && !match; i++) match = p.re.test(parentDirs.slice(0, i + 1).join('/'));
    }
    if (match) matched = !p.exclusion;
  }
  return matched;
}

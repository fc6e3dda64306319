/**
 * Word expansion, in the POSIX order: tilde, parameters, command substitution, field splitting
 * of unquoted results, then pathname expansion (globs) against the process's filesystem.
 */
import type { Wait } from '../../kernel/process.ts';
import { CaptureStream } from '../../kernel/streams.ts';
import type { Word } from './ast.ts';
import { evalArith } from './arith.ts';
import type { BuiltinIo } from './builtins.ts';
import type { Shell } from './interpreter.ts';

type Gen<T> = Generator<Wait, T, unknown>;

/** A failed expansion (bad arithmetic): the shell prints it and the command does not run. */
export class ExpansionError {
  readonly message: string;
  constructor(message: string) {
    this.message = message;
  }
}

interface Piece {
  text: string;
  /** May be field-split and globbed. */
  unquoted: boolean;
  /** Came from an expansion (only those are field-split). */
  expanded: boolean;
}

function* pieces(shell: Shell, word: Word, io: BuiltinIo): Gen<Piece[]> {
  const out: Piece[] = [];
  word.parts.forEach((part, i) => {
    if (part.kind === 'lit') {
      let text = part.text;
      if (i === 0 && !part.quoted && (text === '~' || text.startsWith('~/'))) {
        text = (shell.getVar('HOME') ?? '/root') + text.slice(1);
      }
      out.push({ text, unquoted: !part.quoted, expanded: false });
    } else if (part.kind === 'var') {
      out.push({ text: shell.getVar(part.name) ?? '', unquoted: !part.quoted, expanded: true });
    } else if (part.kind === 'arith') {
      const r = evalArith(part.expr, { get: (n) => shell.getVar(n), set: (n, v) => shell.setVar(n, v) });
      if (!r.ok) throw new ExpansionError(r.error);
      out.push({ text: String(r.value), unquoted: !part.quoted, expanded: true });
    } else {
      out.push({ text: '', unquoted: !part.quoted, expanded: true });
    }
  });
  for (let i = 0; i < word.parts.length; i++) {
    const part = word.parts[i];
    if (part.kind !== 'cmd') continue;
    const capture = new CaptureStream();
    yield* shell.runScript(part.script, { stdin: io.stdin, stdout: capture, stderr: io.stderr });
    out[i].text = capture.text.replace(/\n+$/, '');
  }
  return out;
}

/** Expands one word to one string (assignments, redirection targets, `case`): no split, no glob. */
export function* expandWord(shell: Shell, word: Word, io: BuiltinIo): Gen<string> {
  const ps = yield* pieces(shell, word, io);
  return ps.map((p) => p.text).join('');
}

/** Expands words to argv: field splitting and globbing apply to unquoted parts. */
export function* expandWords(shell: Shell, words: readonly Word[], io: BuiltinIo): Gen<string[]> {
  const argv: string[] = [];
  for (const word of words) {
    const ps = yield* pieces(shell, word, io);
    // Field splitting: unquoted expansion results split on IFS whitespace.
    const fields: { text: string; glob: boolean; quotedAny: boolean }[] = [];
    let cur: { text: string; glob: boolean; quotedAny: boolean } | null = null;
    for (const p of ps) {
      if (p.unquoted && p.expanded) {
        const parts = p.text.split(/[ \t\n]+/);
        parts.forEach((s, idx) => {
          if (idx > 0) {
            if (cur && (cur.text !== '' || cur.quotedAny)) fields.push(cur);
            cur = null;
          }
          if (s === '') return;
          cur ??= { text: '', glob: false, quotedAny: false };
          cur.text += s;
          if (/[*?[]/.test(s)) cur.glob = true;
        });
      } else {
        cur ??= { text: '', glob: false, quotedAny: false };
        cur.text += p.text;
        if (!p.unquoted) cur.quotedAny = true;
        else if (/[*?[]/.test(p.text)) cur.glob = true;
      }
    }
    if (cur) {
      const c = cur as { text: string; glob: boolean; quotedAny: boolean };
      if (c.text !== '' || c.quotedAny) fields.push(c);
    }
    for (const f of fields) {
      if (f.glob) {
        const matches = glob(shell, f.text);
        if (matches.length > 0) {
          argv.push(...matches);
          continue;
        }
      }
      argv.push(f.text);
    }
  }
  return argv;
}

/** Pathname expansion of a pattern (sorted matches, hidden files only when the pattern says so). */
export function glob(shell: Shell, pattern: string): string[] {
  const fs = shell.ctx.kernel.machine.fsFor(shell.proc);
  const absolute = pattern.startsWith('/');
  const parts = pattern.split('/').filter((p, i) => p !== '' || i === 0);
  let bases: string[] = [absolute ? '/' : ''];
  for (let i = absolute ? 1 : 0; i < parts.length; i++) {
    const seg = parts[i];
    const next: string[] = [];
    for (const base of bases) {
      const dir = base === '' ? shell.proc.cwd : base;
      if (!/[*?[]/.test(seg)) {
        const candidate = base === '' ? seg : base === '/' ? `/${seg}` : `${base}/${seg}`;
        const full = candidate.startsWith('/') ? candidate : `${shell.proc.cwd}/${candidate}`;
        if (fs.exists(full)) next.push(candidate);
        continue;
      }
      const entries = fs.list(dir);
      if (typeof entries === 'string') continue;
      const re = globToRegExp(seg);
      for (const [name] of entries) {
        if (name.startsWith('.') && !seg.startsWith('.')) continue;
        if (re.test(name)) next.push(base === '' ? name : base === '/' ? `/${name}` : `${base}/${name}`);
      }
    }
    bases = next;
    if (bases.length === 0) break;
  }
  return bases.sort();
}

/** fnmatch(3) without flags as a RegExp: `*`, `?`, `[…]`/`[!…]` (also apk, dpkg and redis KEYS patterns). */
export function globToRegExp(seg: string): RegExp {
  let re = '^';
  for (let i = 0; i < seg.length; i++) {
    const c = seg[i];
    if (c === '*') re += '.*';
    else if (c === '?') re += '.';
    else if (c === '[') {
      const end = seg.indexOf(']', i + 1);
      if (end < 0) re += '\\[';
      else {
        let cls = seg.slice(i + 1, end);
        if (cls.startsWith('!')) cls = `^${cls.slice(1)}`;
        re += `[${cls.replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`${re}$`);
}

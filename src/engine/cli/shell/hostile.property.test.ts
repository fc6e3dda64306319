/**
 * Hostile input for the host shell (issue 6): random and mutated lines — quotes, pipes,
 * redirections, `$( )`, here-documents, functions, globbing, unterminated constructs, raw
 * line-editor keys — never crash the engine, and always end at a prompt with an exit status
 * (an unfinished command leaves a `> ` prompt; Ctrl-C there drops it, $? = 130, as in bash).
 * A line bash refuses as a syntax error runs nothing: the state (files under /root included)
 * is unchanged.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bootEngine, propertyParams, runInput, runLine, runsScale, settle, type LineResult } from '../../testing/drive.ts';
import { engineState, stateHash } from '../../testing/stateHash.ts';

const SCALE = runsScale();
/** Virtual time a line may run before Ctrl-C. */
const BUSY_LIMIT_MS = 3_000;

const WORDS = ['echo', 'printf', 'cat', 'ls', 'grep', 'wc', 'head', 'true', 'false', 'cd', 'export', 'test', '[', ']', 'touch', 'mkdir', 'rm', 'cp', 'mv', 'tr', 'sort', 'read', 'set', 'unset', 'local', 'return', 'exit 3', 'type', 'kill', 'jobs', 'wait', 'history', 'pwd', 'seq', 'date', 'which', 'chmod', 'ln', 'sleep 1', 'valueOf', 'constructor', '__proto__'];
const ARGS = ['a', 'b.txt', 'app', 'app/Dockerfile', '/root', '/', '..', '-l', '-n', '-la', '-rf', '-p', '--', '-', '*', '*.txt', '?', '[a-z]*', '{a,b}', '~', '$HOME', '$x', '${x:-d}', '${#x}', '$?', '$$', '$!', '$0', '$1', '$@', '"$@"', '"a b"', "'c d'", '"$x"', '\\*', 'x=1', '$((1+2))', '$((1/0))', '$((x++))', '"unterminated', "'unterminated", '`echo hi`', '$(echo hi)', '$(ls | wc -l)', '~/app', 'nope', '0755', '644', 'é', '%s\\n', '-e', '\\n'];
const OPS = ['|', '||', '&&', ';', '&', '>', '>>', '<', '2>&1', '2>/dev/null', '>&2', '<<<', '|&', '!', '(', ')', '{', '}', ';;', 'then', 'fi', 'do', 'done', 'esac', 'in', '$(', '`', '"', "'", '\\', '#'];
const CONSTRUCTS = [
  'if true; then echo y; else echo n; fi',
  'for i in 1 2 3; do echo $i; done',
  'while false; do :; done',
  'case a in a) echo A;; *) echo B;; esac',
  'f() { echo "f:$1"; return 2; }; f x',
  'g() { g; }',
  'x=$(echo hi | tr a-z A-Z); echo "$x"',
  'echo {1..3}',
  'echo $((2**10))',
  '(cd /; pwd); pwd',
  '{ echo a; echo b; } > grp.txt',
  'ls * | sort | head -n 2',
  'echo one > a; cat < a >> b.txt',
  'cat nope 2>&1 | wc -l',
  'read v <<< "word"; echo $v',
  'set -- a b c; echo $# "$@"',
  'test -f app/Dockerfile && echo yes || echo no',
  'echo "$(echo "$(echo nested)")"',
  'printf "%s-%d\\n" a 1 b 2',
  'mkdir -p d/e && touch d/e/f && ls -R d',
  'ln -s nope dangling; cat dangling',
  'echo $(( 1 +',
  'if true; then',
  'for x in; do',
  'echo "a',
  "echo 'b",
  'echo $(ls',
  'echo `pwd',
  'cat <<',
  'case x in',
  'f() {',
  'echo ${',
  'echo ${x',
  ')',
  ';;',
  '| wc',
  '&& true',
  'fi',
  'done',
  'echo a |',
  'echo $((',
];

/** A line built from words, arguments, operators and whole constructs. */
const token = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 4, arbitrary: fc.constantFrom(...ARGS) },
  { weight: 3, arbitrary: fc.constantFrom(...OPS) },
  { weight: 2, arbitrary: fc.constantFrom(...CONSTRUCTS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
);
const generatedLine = fc.array(token, { minLength: 1, maxLength: 9 }).map((ts) => ts.join(' '));

/** A construct with characters dropped, duplicated or inserted (keeps \r and control keys out: typed text). */
const mutatedLine = fc
  .tuple(fc.constantFrom(...CONSTRUCTS), fc.array(fc.tuple(fc.nat(), fc.constantFrom('drop', 'dup', 'insert'), fc.constantFrom(...'"\'`$(){}[];|&<>\\#*?~ ')), { maxLength: 4 }))
  .map(([line, edits]) => {
    let s = line;
    for (const [at, kind, ch] of edits) {
      const i = s.length ? at % s.length : 0;
      s = kind === 'drop' ? s.slice(0, i) + s.slice(i + 1) : kind === 'dup' ? s.slice(0, i) + s.charAt(i) + s.slice(i) : s.slice(0, i) + ch + s.slice(i);
    }
    return s;
  });

/** A here-document: the command line, then its body lines, maybe without the closing delimiter. */
const heredoc = fc
  .tuple(fc.constantFrom('cat <<EOF', 'cat <<-EOF', "cat <<'EOF'", 'cat <<"EOF"', 'wc -l <<EOF >n.txt', 'cat <<EOF | grep a', 'cat <<EOF; echo after', 'f() { cat; }; f <<EOF'), fc.array(fc.constantFrom('a $HOME', 'b $(echo x)', '\tindented', '`pwd`', 'EOFX', ' EOF', '"', "'"), { maxLength: 3 }), fc.boolean())
  .map(([cmd, body, closed]) => `${[cmd, ...body, ...(closed ? ['EOF'] : [])].join('\r')}\r`);

/** Raw keys at the prompt: the line editor's keys, Tab completion, Ctrl-C, Ctrl-D, Ctrl-U, arrows. */
const keys = fc
  .array(fc.oneof(fc.constantFrom('\t', '\t\t', '\x7f', '\x1b[A', '\x1b[B', '\x1b[C', '\x1b[D', '\x15', '\x17', '\x01', '\x05', '\x0b', '\x03', '\x04', '\x1b[3~', '\x1b[H', '\x1b[F', '\x1b'), fc.constantFrom('docker ', 'docker valueOf ', 'ec', 'ho ', '/ro', 'ot/a', 'ls ', 'cat ', '"', "'", 'x')), { minLength: 1, maxLength: 12 })
  .map((ks) => `${ks.join('')}\r`);

type Input = { readonly kind: 'line'; readonly text: string } | { readonly kind: 'raw'; readonly text: string };
const input: fc.Arbitrary<Input> = fc.oneof(
  { weight: 4, arbitrary: generatedLine.map((text) => ({ kind: 'line' as const, text })) },
  { weight: 3, arbitrary: mutatedLine.map((text) => ({ kind: 'line' as const, text })) },
  { weight: 1, arbitrary: heredoc.map((text) => ({ kind: 'raw' as const, text })) },
  { weight: 1, arbitrary: keys.map((text) => ({ kind: 'raw' as const, text })) },
);

/** bash refused the whole line: nothing in it ran. */
const syntaxError = (r: LineResult) => r.rc === 2 && r.cancels === 0 && r.interrupts === 0 && /^-bash: (syntax error|unexpected EOF)/.test(r.out);

describe('host shell under hostile input (property)', () => {
  it('random and mutated lines never crash, end at a prompt with a status, and a syntax error changes nothing', () => {
    fc.assert(
      fc.property(fc.array(input, { minLength: 1, maxLength: 5 }), (inputs) => {
        const engine = bootEngine();
        for (const i of inputs) {
          settle(engine);
          // The shell reaps finished background jobs when it comes back to its prompt: let it,
          // so that what the next line changes is the line's doing.
          runLine(engine, ':');
          const before = stateHash(engine);
          const beforeState = engineState(engine);
          // A loop of builtins (`while :; do :; done`) costs real time for each virtual second: Ctrl-C it soon.
          const r = i.kind === 'line' ? runLine(engine, i.text, BUSY_LIMIT_MS) : runInput(engine, i.text, i.text, BUSY_LIMIT_MS);
          expect(engine.bugs, JSON.stringify(i.text)).toEqual([]);
          expect(r.prompt, `${JSON.stringify(i.text)}: the prompt never came back`).toBe(true);
          expect(Number.isInteger(r.rc), `${JSON.stringify(i.text)}: no exit status`).toBe(true);
          if (syntaxError(r) && stateHash(engine) !== before) {
            expect(engineState(engine), `${JSON.stringify(i.text)} is a syntax error but changed the state:\n${r.out}`).toEqual(beforeState);
          }
        }
      }),
      propertyParams(800),
    );
  }, 60_000 * SCALE);

  it('Ctrl-C at a continuation prompt drops the unfinished command: $? is 130 and the next line runs alone', () => {
    const engine = bootEngine();
    for (const open of ['echo "abc', 'if true; then', 'cat <<EOF', 'echo $(ls', 'echo a |']) {
      engine.takeOutput();
      engine.input(`${open}\r`);
      expect(engine.runUntilInput(1_000), open).toBe(true);
      engine.input('\x03');
      expect(engine.runUntilInput(1_000), open).toBe(true);
      const r = runLine(engine, 'echo "st=$?"; touch after.txt');
      expect(r.out, open).toBe('st=130\n');
      expect(r.rc, open).toBe(0);
      expect(engine.files({ op: 'read', path: '/root/after.txt' }).ok, open).toBe(true);
      runLine(engine, 'rm after.txt');
    }
    expect(engine.bugs).toEqual([]);
  });

  it('Ctrl-D at a continuation prompt is bash\'s unexpected EOF (status 2), not a logout', () => {
    const engine = bootEngine();
    engine.input('echo "abc\r');
    engine.runUntilInput(1_000);
    const r = runInput(engine, '\x04');
    expect(r.out).toBe("-bash: unexpected EOF while looking for matching `\"'\n");
    expect(r.rc).toBe(2);
    expect(runLine(engine, 'echo ok').out).toBe('ok\n');
  });

  it('an expansion error in a forked subshell is reported, not a crash (found with seed 42)', () => {
    const engine = bootEngine();
    const r = runLine(engine, '$((1/0)) | wc & wait');
    expect(engine.bugs).toEqual([]);
    expect(r.out).toContain('1/0: division by 0 (error token is "0")\n');
    expect(r.rc).toBe(1);
  });

  it('a syntax error runs none of the line', () => {
    const engine = bootEngine();
    const before = stateHash(engine);
    const r = runLine(engine, 'touch a; echo b > b.txt; )');
    expect(r.out).toBe("-bash: syntax error near unexpected token `)'\n");
    expect(r.rc).toBe(2);
    expect(stateHash(engine)).toBe(before);
  });
});

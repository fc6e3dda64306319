import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type {
  AndOr,
  Command,
  ListItem,
  Pipeline,
  Redirect,
  Script,
  SimpleCommand,
  Word,
  WordPart,
} from './ast.ts';
import { parse } from './parse.ts';

// ── helpers ──────────────────────────────────────────────────────────────────────────────

function ok(src: string): Script {
  const r = parse(src);
  if (!r.ok) throw new Error(`expected ${JSON.stringify(src)} to parse, got: ${r.error}`);
  return r.script;
}

function failure(src: string): { incomplete: boolean; error: string } {
  const r = parse(src);
  if (r.ok) throw new Error(`expected ${JSON.stringify(src)} to fail`);
  return { incomplete: r.incomplete, error: r.error };
}

/** The only command of a one-item, one-command script. */
function only(src: string): Command {
  const { items } = ok(src);
  expect(items).toHaveLength(1);
  const [item] = items;
  expect(item?.andOr.rest).toEqual([]);
  expect(item?.andOr.first.commands).toHaveLength(1);
  const cmd = item?.andOr.first.commands[0];
  if (!cmd) throw new Error('no command');
  return cmd;
}

function simple(src: string): SimpleCommand {
  const cmd = only(src);
  if (cmd.kind !== 'simple') throw new Error(`expected a simple command, got ${cmd.kind}`);
  return cmd;
}

/** The words of a simple command, only for words made of literal parts. */
function argv(src: string): string[] {
  return simple(src).words.map((w) =>
    w.parts.map((p) => (p.kind === 'lit' ? p.text : `<${p.kind}>`)).join(''),
  );
}

const u = (text: string): WordPart => ({ kind: 'lit', text, quoted: false });
const q = (text: string): WordPart => ({ kind: 'lit', text, quoted: true });
const v = (name: string, quoted = false): WordPart => ({ kind: 'var', name, quoted });
const word = (...parts: WordPart[]): Word => ({ parts });
const plain = (text: string): Word => word(u(text));
const sc = (words: string[], extra: Partial<SimpleCommand> = {}): SimpleCommand => ({
  kind: 'simple',
  assigns: [],
  words: words.map(plain),
  redirects: [],
  ...extra,
});
const pipe = (...commands: Command[]): Pipeline => ({ negate: false, commands });
const andOr = (first: Pipeline, ...rest: AndOr['rest']): AndOr => ({ first, rest });
const item = (a: AndOr, background = false): ListItem => ({ andOr: a, background });
const script = (...items: ListItem[]): Script => ({ items });
/** A script of plain simple commands run one after the other. */
const seq = (...commands: string[][]): Script =>
  script(...commands.map((c) => item(andOr(pipe(sc(c))))));

const unexpected = (token: string) => ({
  incomplete: false,
  error: `syntax error near unexpected token \`${token}'`,
});
const EOF = { incomplete: true, error: 'syntax error: unexpected end of file' };
const unclosed = (c: string) => ({
  incomplete: true,
  error: `unexpected EOF while looking for matching \`${c}'`,
});

// ── words ────────────────────────────────────────────────────────────────────────────────

describe('words', () => {
  it('splits on blanks and keeps plain text unquoted', () => {
    expect(simple('echo  hello\tworld').words).toEqual([plain('echo'), plain('hello'), plain('world')]);
  });

  it('joins adjacent pieces into one word', () => {
    expect(simple(`echo a"b"'c'$X`).words[1]).toEqual(word(u('a'), q('b'), q('c'), v('X')));
  });

  it('keeps an empty quoted string as an argument', () => {
    expect(simple("echo ''").words[1]).toEqual(word(q('')));
    expect(simple('echo ""').words[1]).toEqual(word(q('')));
    expect(simple(`echo '' ""`).words).toHaveLength(3);
  });

  it('single quotes keep everything literally', () => {
    expect(simple(`echo '$X \\ "y" \`z\` $(a)'`).words[1]).toEqual(word(q('$X \\ "y" `z` $(a)')));
    expect(simple("echo 'a\nb'").words[1]).toEqual(word(q('a\nb')));
  });

  it('double quotes honour only $ ` " \\ and newline escapes', () => {
    expect(simple('echo "a\\$b\\`c\\"d\\\\e\\nf\\x"').words[1]).toEqual(
      word(q('a$b`c"d\\e\\nf\\x')),
    );
    expect(simple('echo "a\\\nb"').words[1]).toEqual(word(q('ab')));
  });

  it('double quotes expand variables and substitutions as quoted parts', () => {
    const w = simple('echo "x $HOME ${USER}y $(pwd) `id` $"').words[1];
    expect(w?.parts).toEqual([
      q('x '),
      v('HOME', true),
      q(' '),
      v('USER', true),
      q('y '),
      { kind: 'cmd', script: seq(['pwd']), quoted: true },
      q(' '),
      { kind: 'cmd', script: seq(['id']), quoted: true },
      q(' $'),
    ]);
    expect(simple('echo "$X"').words[1]).toEqual(word(v('X', true)));
  });

  it('backslash outside quotes quotes the next character', () => {
    expect(simple('echo a\\ b').words[1]).toEqual(word(u('a'), q(' '), u('b')));
    expect(simple('echo \\*').words[1]).toEqual(word(q('*')));
    expect(simple('echo \\$X').words[1]).toEqual(word(q('$'), u('X')));
    expect(simple('echo \\😀').words[1]).toEqual(word(q('😀')));
  });

  it('backslash-newline continues the line, inside or between words', () => {
    expect(argv('echo ab\\\ncd')).toEqual(['echo', 'abcd']);
    expect(argv('echo a \\\n b')).toEqual(['echo', 'a', 'b']);
  });

  it('leaves tildes and globs as literal unquoted text', () => {
    expect(simple('ls ~/x *.txt [ab]? ~user').words.slice(1)).toEqual([
      plain('~/x'),
      plain('*.txt'),
      plain('[ab]?'),
      plain('~user'),
    ]);
    expect(simple("echo '~' \"*\"").words.slice(1)).toEqual([word(q('~')), word(q('*'))]);
  });

  it('treats { } ! = as ordinary characters inside words', () => {
    expect(argv('echo {a,b} } ! a=b {x')).toEqual(['echo', '{a,b}', '}', '!', 'a=b', '{x']);
  });

  it('keeps non-ASCII text', () => {
    expect(argv('echo olá 日本')).toEqual(['echo', 'olá', '日本']);
  });
});

describe('comments', () => {
  it('starts a comment only at the start of a word', () => {
    expect(argv('echo a#b #c d')).toEqual(['echo', 'a#b']);
    expect(argv("echo '#x' \\#y")).toEqual(['echo', '#x', '#y']);
  });

  it('ends at the newline', () => {
    expect(ok('# just a comment')).toEqual(script());
    expect(ok('echo a # c\necho b')).toEqual(seq(['echo', 'a'], ['echo', 'b']));
  });
});

// ── parameters and substitution ─────────────────────────────────────────────────────────────

describe('variables', () => {
  it('reads $NAME as far as name characters go', () => {
    expect(simple('echo $HOME/x $a_1b-c').words.slice(1)).toEqual([
      word(v('HOME'), u('/x')),
      word(v('a_1b'), u('-c')),
    ]);
  });

  it('reads ${NAME}', () => {
    expect(simple('echo ${A}b ${_x} ${10}').words.slice(1)).toEqual([
      word(v('A'), u('b')),
      word(v('_x')),
      word(v('10')),
    ]);
  });

  it('reads the special parameters, one digit at a time', () => {
    expect(simple('echo $? $$ $! $# $@ $* $0 $12').words.slice(1)).toEqual([
      word(v('?')),
      word(v('$')),
      word(v('!')),
      word(v('#')),
      word(v('@')),
      word(v('*')),
      word(v('0')),
      word(v('1'), u('2')),
    ]);
    expect(simple('echo ${?}${#}').words[1]).toEqual(word(v('?'), v('#')));
  });

  it('keeps a lone $ literal', () => {
    expect(simple('echo $ a$ $% $-').words.slice(1)).toEqual([
      plain('$'),
      plain('a$'),
      plain('$%'),
      plain('$-'),
    ]);
    expect(simple(`echo $"x" $'y'`).words.slice(1)).toEqual([
      word(u('$'), q('x')),
      word(u('$'), q('y')),
    ]);
    expect(simple('echo "a$"').words[1]).toEqual(word(q('a$')));
  });

  it('rejects parameter operators it cannot represent', () => {
    expect(failure('echo ${X:-y}')).toEqual({ incomplete: false, error: '${X:-y}: bad substitution' });
    expect(failure('echo ${}')).toEqual({ incomplete: false, error: '${}: bad substitution' });
    expect(failure('echo ${1a}').incomplete).toBe(false);
  });

  it('asks for more inside an open ${', () => {
    expect(failure('echo ${HOME')).toEqual(unclosed('}'));
  });
});

describe('command substitution', () => {
  it('parses $(…) recursively', () => {
    expect(simple('echo $(ls -l; pwd)x').words[1]).toEqual(
      word({ kind: 'cmd', script: seq(['ls', '-l'], ['pwd']), quoted: false }, u('x')),
    );
  });

  it('nests, with quotes and parentheses inside', () => {
    const innermost = script(item(andOr(pipe(sc([], { words: [plain('echo'), word(q(')'))] })))));
    const middle = script(
      item(andOr(pipe(sc([], { words: [plain('echo'), word({ kind: 'cmd', script: innermost, quoted: true })] })))),
    );
    expect(simple(`echo "$(echo "$(echo ')')")"`).words[1]).toEqual(
      word({ kind: 'cmd', script: middle, quoted: true }),
    );
    expect(simple('echo $( (cd /; ls) )').words[1]?.parts[0]).toMatchObject({
      kind: 'cmd',
      script: { items: [{ andOr: { first: { commands: [{ kind: 'subshell' }] } } }] },
    });
    // Inside, a `(` after words is as wrong as it is outside.
    expect(failure('echo $(echo a ( b ))')).toEqual(unexpected('('));
  });

  it('accepts an empty $()', () => {
    expect(simple('echo $()').words[1]).toEqual(word({ kind: 'cmd', script: script(), quoted: false }));
  });

  it('parses backticks, unescaping \\` \\$ \\\\ inside', () => {
    expect(simple('echo `pwd`').words[1]).toEqual(word({ kind: 'cmd', script: seq(['pwd']), quoted: false }));
    const nested = simple('echo `echo \\`id\\``').words[1]?.parts[0];
    expect(nested).toMatchObject({ kind: 'cmd', quoted: false });
    if (nested?.kind !== 'cmd') throw new Error('not cmd');
    const innerCmd = nested.script.items[0]?.andOr.first.commands[0];
    expect(innerCmd).toMatchObject({
      words: [plain('echo'), word({ kind: 'cmd', script: seq(['id']), quoted: false })],
    });
    expect(simple('echo "`echo \\"a b\\"`"').words[1]).toEqual(
      word({ kind: 'cmd', script: script(item(andOr(pipe(sc([], { words: [plain('echo'), word(q('a b'))] }))))), quoted: true }),
    );
  });

  it('spans lines', () => {
    expect(simple('echo $(\necho a\necho b\n)').words[1]).toEqual(
      word({ kind: 'cmd', script: seq(['echo', 'a'], ['echo', 'b']), quoted: false }),
    );
  });

  it('reports errors inside the substitution', () => {
    expect(failure('echo $(|)')).toEqual(unexpected('|'));
    expect(failure('echo $(echo fi; fi)')).toEqual(unexpected('fi'));
    expect(failure('echo `;`')).toEqual(unexpected(';'));
    expect(failure('echo $(a))')).toEqual(unexpected(')'));
  });

  it('reads arithmetic expansion as one part', () => {
    const r = parse('echo $((i + 1))x');
    expect(r.ok && r.script.items[0].andOr.first.commands[0].kind === 'simple' && r.script.items[0].andOr.first.commands[0].words[1].parts).toEqual([
      { kind: 'arith', expr: 'i + 1', quoted: false },
      { kind: 'lit', text: 'x', quoted: false },
    ]);
    expect(failure('echo $((1+2').incomplete).toBe(true);
  });
});

// ── commands and lists ──────────────────────────────────────────────────────────────────────

describe('lists and pipelines', () => {
  it('parses empty and blank input as an empty script', () => {
    expect(ok('')).toEqual(script());
    expect(ok('  \n\t\n')).toEqual(script());
  });

  it('separates items with ; and newlines', () => {
    expect(ok('a; b\nc;')).toEqual(seq(['a'], ['b'], ['c']));
    expect(ok('\n\na\n\n')).toEqual(seq(['a']));
  });

  it('marks & items as background', () => {
    expect(ok('a & b')).toEqual(
      script(item(andOr(pipe(sc(['a']))), true), item(andOr(pipe(sc(['b']))))),
    );
    expect(ok('sleep 1 &')).toEqual(script(item(andOr(pipe(sc(['sleep', '1']))), true)));
    expect(ok('a && b &').items[0]?.background).toBe(true);
  });

  it('parses && and || chains left to right', () => {
    expect(ok('a && b || c')).toEqual(
      script(
        item(
          andOr(
            pipe(sc(['a'])),
            { op: '&&', pipeline: pipe(sc(['b'])) },
            { op: '||', pipeline: pipe(sc(['c'])) },
          ),
        ),
      ),
    );
  });

  it('parses pipelines, allowing newlines after | && ||', () => {
    expect(ok('a | b -x | c')).toEqual(script(item(andOr(pipe(sc(['a']), sc(['b', '-x']), sc(['c']))))));
    expect(ok('a |\n\n b')).toEqual(script(item(andOr(pipe(sc(['a']), sc(['b']))))));
    expect(ok('a &&\n b').items[0]?.andOr.rest).toHaveLength(1);
  });

  it('negates a pipeline with a leading !', () => {
    expect(ok('! a | b').items[0]?.andOr.first).toEqual({
      negate: true,
      commands: [sc(['a']), sc(['b'])],
    });
    expect(ok('! ! a').items[0]?.andOr.first.negate).toBe(false);
    expect(ok('a && ! b').items[0]?.andOr.rest[0]?.pipeline.negate).toBe(true);
    expect(argv('!a')).toEqual(['!a']);
    expect(failure('a | ! b')).toEqual(unexpected('!'));
  });

  it('needs no blanks around operators', () => {
    expect(ok('a;b&&c|d&e')).toEqual(
      script(
        item(andOr(pipe(sc(['a'])))),
        item(andOr(pipe(sc(['b'])), { op: '&&', pipeline: pipe(sc(['c']), sc(['d'])) }), true),
        item(andOr(pipe(sc(['e'])))),
      ),
    );
  });
});

describe('assignments', () => {
  it('takes NAME=value words before the command name', () => {
    const c = simple('A=1 B_2="x y" cmd C=3');
    expect(c.assigns).toEqual([
      { name: 'A', value: plain('1') },
      { name: 'B_2', value: word(q('x y')) },
    ]);
    expect(c.words).toEqual([plain('cmd'), plain('C=3')]);
  });

  it('allows a command of assignments only', () => {
    expect(simple('FOO=bar')).toEqual(sc([], { assigns: [{ name: 'FOO', value: plain('bar') }] }));
  });

  it('gives an empty value one empty quoted part', () => {
    expect(simple('A=').assigns[0]?.value).toEqual(word(q('')));
    expect(simple("A=''").assigns[0]?.value).toEqual(word(q('')));
  });

  it('keeps the value unexpanded', () => {
    expect(simple('P=~/bin:$PATH').assigns[0]?.value).toEqual(word(u('~/bin:'), v('PATH')));
    expect(simple('X=$(pwd)').assigns[0]?.value.parts[0]?.kind).toBe('cmd');
  });

  it('is not an assignment when the name is quoted, invalid or after the command', () => {
    expect(simple('"A"=1').assigns).toEqual([]);
    expect(simple('A\\=1').assigns).toEqual([]);
    expect(simple('1A=1').assigns).toEqual([]);
    expect(simple('=1').assigns).toEqual([]);
    expect(simple('echo A=1').assigns).toEqual([]);
  });

  it('keeps collecting across redirects', () => {
    const c = simple('A=1 >f B=2 cmd');
    expect(c.assigns.map((a) => a.name)).toEqual(['A', 'B']);
    expect(c.words).toEqual([plain('cmd')]);
  });
});

describe('redirects', () => {
  const f = plain('f');
  const one = plain('1');

  it('parses > >> < with default fds', () => {
    expect(simple('a >f >>f <f').redirects).toEqual([
      { fd: 1, op: '>', target: f },
      { fd: 1, op: '>>', target: f },
      { fd: 0, op: '<', target: f },
    ]);
  });

  it('parses explicit fds and duplication', () => {
    expect(simple('a 2>f 2>>f 0<f 2>&1 >&2 3<&0 1>&-').redirects).toEqual([
      { fd: 2, op: '>', target: f },
      { fd: 2, op: '>>', target: f },
      { fd: 0, op: '<', target: f },
      { fd: 2, op: '>&', target: one },
      { fd: 1, op: '>&', target: plain('2') },
      { fd: 3, op: '<&', target: plain('0') },
      { fd: 1, op: '>&', target: plain('-') },
    ]);
  });

  it('splits &> and &>> into two redirects', () => {
    expect(simple('a &>f').redirects).toEqual([
      { fd: 1, op: '>', target: f },
      { fd: 2, op: '>&', target: one },
    ]);
    expect(simple('a &>> f').redirects).toEqual([
      { fd: 1, op: '>>', target: f },
      { fd: 2, op: '>&', target: one },
    ]);
    expect(simple('a >&f').redirects).toEqual(simple('a &>f').redirects);
  });

  it('treats >| as > and <> as <', () => {
    expect(simple('a >|f 3<>f').redirects).toEqual([
      { fd: 1, op: '>', target: f },
      { fd: 3, op: '<', target: f },
    ]);
  });

  it('allows redirects anywhere among the words', () => {
    const c = simple('>out echo a 2>/dev/null b <in');
    expect(c.words).toEqual([plain('echo'), plain('a'), plain('b')]);
    expect(c.redirects.map((r) => r.fd)).toEqual([1, 2, 0]);
    expect(simple('>f')).toEqual(sc([], { redirects: [{ fd: 1, op: '>', target: f }] }));
  });

  it('reads the fd only when the digits touch the operator', () => {
    expect(simple('echo 2 >f').words).toEqual([plain('echo'), plain('2')]);
    expect(simple('echo a2>f').words).toEqual([plain('echo'), plain('a2')]);
    expect(simple('echo "2">f').words).toEqual([plain('echo'), word(q('2'))]);
  });

  it('keeps the target unexpanded', () => {
    expect(simple('a > "$HOME/x y"').redirects[0]?.target).toEqual(word(v('HOME', true), q('/x y')));
  });

  it('needs a word after the operator', () => {
    expect(failure('echo >')).toEqual(unexpected('newline'));
    expect(failure('echo >\necho')).toEqual(unexpected('newline'));
    expect(failure('echo > | a')).toEqual(unexpected('|'));
    expect(failure('echo 2> >f')).toEqual(unexpected('>'));
    expect(failure('echo >&;')).toEqual(unexpected(';'));
  });

  it('does not support here-documents', () => {
    expect(failure('cat <<EOF').incomplete).toBe(false);
    expect(failure('cat <<< x').incomplete).toBe(false);
  });
});

// ── compound commands ───────────────────────────────────────────────────────────────────────

describe('compound commands', () => {
  it('parses subshells and groups', () => {
    expect(only('(a; b)')).toEqual({ kind: 'subshell', body: seq(['a'], ['b']), redirects: [] });
    expect(only('{ a; b; }')).toEqual({ kind: 'group', body: seq(['a'], ['b']), redirects: [] });
    expect(only('{\na\n}')).toEqual({ kind: 'group', body: seq(['a']), redirects: [] });
    expect(only('( (a) )')).toMatchObject({ kind: 'subshell', body: { items: [{ andOr: { first: { commands: [{ kind: 'subshell' }] } } }] } });
  });

  it('parses if / elif / else', () => {
    expect(only('if a; then b; elif c\nthen d; else e; fi')).toEqual({
      kind: 'if',
      clauses: [
        { cond: seq(['a']), body: seq(['b']) },
        { cond: seq(['c']), body: seq(['d']) },
      ],
      elseBody: seq(['e']),
      redirects: [],
    });
    expect(only('if a; then b; fi')).toMatchObject({ elseBody: null });
  });

  it('parses while and until', () => {
    expect(only('while a; do b; done')).toEqual({
      kind: 'while',
      until: false,
      cond: seq(['a']),
      body: seq(['b']),
      redirects: [],
    });
    expect(only('until a\ndo\nb\ndone')).toMatchObject({ kind: 'while', until: true });
  });

  it('parses for with and without a word list', () => {
    expect(only('for x in a "b c" $Y; do echo $x; done')).toEqual({
      kind: 'for',
      name: 'x',
      items: [plain('a'), word(q('b c')), word(v('Y'))],
      body: script(item(andOr(pipe(sc([], { words: [plain('echo'), word(v('x'))] }))))),
      redirects: [],
    });
    expect(only('for x; do a; done')).toMatchObject({ items: null });
    expect(only('for x do a; done')).toMatchObject({ items: null });
    expect(only('for x\ndo a; done')).toMatchObject({ items: null });
    expect(only('for x in; do a; done')).toMatchObject({ items: [] });
    expect(only('for x\nin a\ndo a; done')).toMatchObject({ items: [plain('a')] });
    expect(only('for x in do done; do a; done')).toMatchObject({ items: [plain('do'), plain('done')] });
  });

  it('rejects a bad loop variable', () => {
    expect(failure('for 1 in a; do b; done')).toEqual({ incomplete: false, error: "`1': not a valid identifier" });
    expect(failure('for a-b; do b; done').error).toBe("`a-b': not a valid identifier");
    expect(failure('for ; do b; done')).toEqual(unexpected(';'));
  });

  it('attaches trailing redirects to the compound command', () => {
    expect(only('if a; then b; fi >out 2>&1')).toMatchObject({
      kind: 'if',
      redirects: [
        { fd: 1, op: '>', target: plain('out') },
        { fd: 2, op: '>&', target: plain('1') },
      ],
    });
    expect(only('while a; do b; done <in')).toMatchObject({ redirects: [{ fd: 0, op: '<' }] });
    expect(only('(a) >f')).toMatchObject({ kind: 'subshell', redirects: [{ fd: 1 }] });
    expect(only('{ a; } 2>f')).toMatchObject({ kind: 'group', redirects: [{ fd: 2 }] });
    expect(only('for i in 1; do a; done >>f')).toMatchObject({ kind: 'for', redirects: [{ op: '>>' }] });
  });

  it('uses compound commands inside pipelines and lists', () => {
    const s = ok('ls | while read l; do echo $l; done && { a; } &');
    expect(s.items[0]?.background).toBe(true);
    expect(s.items[0]?.andOr.first.commands.map((c) => c.kind)).toEqual(['simple', 'while']);
    expect(s.items[0]?.andOr.rest[0]?.pipeline.commands[0]?.kind).toBe('group');
  });

  it('recognizes reserved words only in command position', () => {
    expect(argv('echo if then fi do done { }')).toEqual(['echo', 'if', 'then', 'fi', 'do', 'done', '{', '}']);
    expect(only('if echo then; then echo fi; fi')).toMatchObject({
      clauses: [{ cond: seq(['echo', 'then']), body: seq(['echo', 'fi']) }],
    });
    expect(simple('A=1 if')).toMatchObject({ words: [plain('if')] });
    expect(simple('"if" a').words[0]).toEqual(word(q('if')));
    expect(argv('{a')).toEqual(['{a']);
  });

  it('nests', () => {
    const c = only('if a; then for i in 1 2; do while b; do { (c); }; done; done; fi');
    expect(c.kind).toBe('if');
  });

  it('allows & as the separator inside a body', () => {
    expect(only('{ a & }')).toEqual({
      kind: 'group',
      body: script(item(andOr(pipe(sc(['a']))), true)),
      redirects: [],
    });
  });
});

// ── errors ──────────────────────────────────────────────────────────────────────────────────

describe('syntax errors', () => {
  it.each([
    ['| a', '|'],
    ['a | | b', '|'],
    ['a && || b', '||'],
    ['; a', ';'],
    ['a ; ; b', ';'],
    ['a;;', ';;'],
    ['echo a ;; b', ';;'],
    ['& a', '&'],
    ['a & & b', '&'],
    [')', ')'],
    ['echo a)', ')'],
    ['( )', ')'],
    ['()', ')'],
    ['{ }', '}'],
    ['}', '}'],
    ['echo a; }', '}'],
    ['fi', 'fi'],
    ['then', 'then'],
    ['done', 'done'],
    ['if then', 'then'],
    ['if a; then fi', 'fi'],
    ['if a; then b; else fi', 'fi'],
    ['if a; then b; fi c', 'c'],
    ['if a; fi', 'fi'],
    ['if ; then a; fi', ';'],
    ['while a; done', 'done'],
    ['while a; do done', 'done'],
    ['(a) b', 'b'],
    ['{ a; } "b c"', '"b c"'],
    ['echo a (b)', '('],
    ['( a; fi )', 'fi'],
    ['! ;', ';'],
    ['!\n', 'newline'],
  ])('%j → near `%s\'', (src, token) => {
    expect(failure(src)).toEqual(unexpected(token));
  });
});

describe('incomplete input', () => {
  it.each([
    ['echo "abc', unclosed('"')],
    ["echo 'abc", unclosed("'")],
    ['echo "a\\', unclosed('"')],
    ['echo `ls', unclosed('`')],
    ['echo $(ls', unclosed(')')],
    ['echo $(ls\n', unclosed(')')],
    ['echo "$(ls', unclosed(')')],
    ['echo ${A', unclosed('}')],
    ['echo a\\', EOF],
    ['a |', EOF],
    ['a |\n', EOF],
    ['a &&', EOF],
    ['a ||\n\n', EOF],
    ['!', EOF],
    ['if', EOF],
    ['if a', EOF],
    ['if a; then', EOF],
    ['if a; then b', EOF],
    ['if a; then b; else', EOF],
    ['if a; then b; elif c; then d', EOF],
    ['while a', EOF],
    ['while a; do b', EOF],
    ['until a; do b; ', EOF],
    ['for', EOF],
    ['for x', EOF],
    ['for x in a b', EOF],
    ['for x in a b;', EOF],
    ['for x; do', EOF],
    ['{', EOF],
    ['{ a;', EOF],
    ['{ echo }', EOF],
    ['(', EOF],
    ['(a', EOF],
    ['echo $(if a', EOF],
  ])('%j', (src, expected) => {
    expect(failure(src)).toEqual(expected);
  });

  it('completes once the continuation line arrives', () => {
    expect(argv('echo "a\nb"')).toEqual(['echo', 'a\nb']);
    expect(ok('a |\nb').items[0]?.andOr.first.commands).toHaveLength(2);
    expect(only('if a\nthen b\nfi').kind).toBe('if');
    expect(argv('echo a\\\nb')).toEqual(['echo', 'ab']);
  });

  it('is not incomplete when a closed backquote holds an unfinished command', () => {
    expect(failure('echo `echo "`').incomplete).toBe(false);
  });
});

describe('nesting limit', () => {
  it('fails cleanly on absurdly deep nesting', () => {
    const tooDeep = { ok: false, incomplete: false, error: 'syntax error: commands nested too deeply' };
    expect(parse(`${'('.repeat(5000)}a${')'.repeat(5000)}`)).toEqual(tooDeep);
    expect(parse(`echo ${'$('.repeat(3000)}${')'.repeat(3000)}`)).toEqual(tooDeep);
    expect(parse(`${'('.repeat(50)}a${')'.repeat(50)}`).ok).toBe(true);
  });
});

// ── properties ──────────────────────────────────────────────────────────────────────────────

describe('properties', () => {
  const shellish = fc.string({
    unit: fc.constantFrom(
      ...'ab01 \t\n;&|<>(){}!$#`\'"\\=~*?'.split(''),
      'if ', 'then ', 'fi', 'while ', 'do ', 'done', 'for ', ' in ', '$(', '${', '2>&1', '&&', '||',
    ),
    maxLength: 40,
  });

  it('never throws, and returns a script or an error message', () => {
    fc.assert(
      fc.property(fc.oneof(shellish, fc.string({ maxLength: 40 })), (src) => {
        const r = parse(src);
        if (r.ok) expect(Array.isArray(r.script.items)).toBe(true);
        else expect(r.error.length).toBeGreaterThan(0);
      }),
      { numRuns: 1500 },
    );
  });

  it('asks for more after a trailing | && ||, whatever came before', () => {
    fc.assert(
      fc.property(itemArb(simpleArb(wordArbForSimple)), fc.constantFrom('|', '&&', '||'), (it, op) => {
        const line = printScript({ items: [{ ...it, background: false }] }).replace(/;$/, '');
        expect(parse(`${line} ${op}`)).toEqual({ ok: false, ...EOF });
        expect(parse(`${line} ${op}\n`)).toEqual({ ok: false, ...EOF });
      }),
      { numRuns: 200 },
    );
  });

  it('round-trips generated scripts through a printer', () => {
    fc.assert(
      fc.property(scriptArb, (expected) => {
        const src = printScript(expected);
        const r = parse(src);
        if (!r.ok) throw new Error(`${JSON.stringify(src)}: ${r.error}`);
        expect(r.script).toEqual(normalizeScript(expected));
      }),
      { numRuns: 150 },
    );
  });
});

// ── a printer and generators for the round trip ─────────────────────────────────────────────

const RESERVED = new Set(['if', 'then', 'elif', 'else', 'fi', 'while', 'until', 'do', 'done', 'for', '{', '}', '!']);

function printPart(p: WordPart): string {
  switch (p.kind) {
    case 'lit':
      if (!p.quoted) return p.text;
      return p.text.includes("'") ? `"${p.text.replace(/[$`"\\]/g, '\\$&')}"` : `'${p.text}'`;
    case 'var': {
      const s = /^[A-Za-z_]/.test(p.name) ? `\${${p.name}}` : `$${p.name}`;
      return p.quoted ? `"${s}"` : s;
    }
    case 'arith': {
      const s = `$((${p.expr}))`;
      return p.quoted ? `"${s}"` : s;
    }
    case 'cmd': {
      const s = `$( ${printScript(p.script)} )`;
      return p.quoted ? `"${s}"` : s;
    }
  }
}

const printWord = (w: Word): string => w.parts.map(printPart).join('');
const printRedirect = (r: Redirect): string => `${r.fd}${r.op}${printWord(r.target)}`;
const printRedirects = (rs: readonly Redirect[]): string => rs.map((r) => ` ${printRedirect(r)}`).join('');

function printCommand(c: Command): string {
  switch (c.kind) {
    case 'simple':
      return [
        ...c.assigns.map((a) => `${a.name}=${printWord(a.value)}`),
        ...c.words.map(printWord),
        ...c.redirects.map(printRedirect),
      ].join(' ');
    case 'subshell':
      return `( ${printScript(c.body)} )${printRedirects(c.redirects)}`;
    case 'group':
      return `{ ${printScript(c.body)} }${printRedirects(c.redirects)}`;
    case 'if': {
      const clauses = c.clauses
        .map((cl, i) => `${i === 0 ? 'if' : 'elif'} ${printScript(cl.cond)} then ${printScript(cl.body)}`)
        .join(' ');
      const els = c.elseBody ? ` else ${printScript(c.elseBody)}` : '';
      return `${clauses}${els} fi${printRedirects(c.redirects)}`;
    }
    case 'while':
      return `${c.until ? 'until' : 'while'} ${printScript(c.cond)} do ${printScript(c.body)} done${printRedirects(c.redirects)}`;
    case 'for': {
      const items = c.items === null ? ';' : ` in ${c.items.map(printWord).join(' ')};`;
      return `for ${c.name}${items} do ${printScript(c.body)} done${printRedirects(c.redirects)}`;
    }
    case 'function':
      return `${c.name}() ${printCommand(c.body)}`;
  }
}

const printPipeline = (p: Pipeline): string =>
  `${p.negate ? '! ' : ''}${p.commands.map(printCommand).join(' | ')}`;

function printScript(s: Script): string {
  return s.items
    .map((it) => {
      const ao = [printPipeline(it.andOr.first), ...it.andOr.rest.map((r) => `${r.op} ${printPipeline(r.pipeline)}`)];
      return `${ao.join(' ')}${it.background ? ' &' : ';'}`;
    })
    .join(' ');
}

/** What the parser yields for a generated tree: runs of unquoted literals merge into one. */
function normalizeWord(w: Word): Word {
  const parts: WordPart[] = [];
  for (const p of w.parts) {
    const last = parts.at(-1);
    if (p.kind === 'lit' && !p.quoted && last?.kind === 'lit' && !last.quoted) {
      parts[parts.length - 1] = u(last.text + p.text);
    } else if (p.kind === 'cmd') {
      parts.push({ ...p, script: normalizeScript(p.script) });
    } else {
      parts.push(p);
    }
  }
  return { parts };
}

const normalizeRedirects = (rs: readonly Redirect[]): Redirect[] =>
  rs.map((r) => ({ ...r, target: normalizeWord(r.target) }));

function normalizeCommand(c: Command): Command {
  switch (c.kind) {
    case 'simple':
      return {
        ...c,
        assigns: c.assigns.map((a) => ({ ...a, value: normalizeWord(a.value) })),
        words: c.words.map(normalizeWord),
        redirects: normalizeRedirects(c.redirects),
      };
    case 'subshell':
    case 'group':
      return { ...c, body: normalizeScript(c.body), redirects: normalizeRedirects(c.redirects) };
    case 'function':
      return { ...c, body: normalizeCommand(c.body) };
    case 'if':
      return {
        ...c,
        clauses: c.clauses.map((cl) => ({ cond: normalizeScript(cl.cond), body: normalizeScript(cl.body) })),
        elseBody: c.elseBody && normalizeScript(c.elseBody),
        redirects: normalizeRedirects(c.redirects),
      };
    case 'while':
      return {
        ...c,
        cond: normalizeScript(c.cond),
        body: normalizeScript(c.body),
        redirects: normalizeRedirects(c.redirects),
      };
    case 'for':
      return {
        ...c,
        items: c.items && c.items.map(normalizeWord),
        body: normalizeScript(c.body),
        redirects: normalizeRedirects(c.redirects),
      };
  }
}

const normalizePipeline = (p: Pipeline): Pipeline => ({ ...p, commands: p.commands.map(normalizeCommand) });

function normalizeScript(s: Script): Script {
  return {
    items: s.items.map((it) => ({
      background: it.background,
      andOr: {
        first: normalizePipeline(it.andOr.first),
        rest: it.andOr.rest.map((r) => ({ op: r.op, pipeline: normalizePipeline(r.pipeline) })),
      },
    })),
  };
}

const nameArb = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,5}$/);
const unquotedArb = fc.stringMatching(/^[a-zA-Z0-9._\/:,@%+*?~-]{1,6}$/).map((text) => u(text));
const quotedArb = fc.string({ maxLength: 6 }).map((text) => q(text));
const varArb = fc
  .tuple(fc.oneof(nameArb, fc.constantFrom('?', '$', '!', '#', '@', '*', '0', '7')), fc.boolean())
  .map(([name, quoted]) => v(name, quoted));

const wordArbForSimple = fc
  .array(fc.oneof(unquotedArb, quotedArb, varArb), { minLength: 1, maxLength: 3 })
  .map((parts): Word => ({ parts }));

/** Words whose `$(…)` parts nest at most `n` levels deep. */
const wordOf = fc.memo((n: number): fc.Arbitrary<Word> => {
  const flat = fc.oneof(unquotedArb, quotedArb, varArb);
  const part =
    n > 0
      ? fc.oneof(
          { weight: 6, arbitrary: flat },
          {
            weight: 1,
            arbitrary: fc
              .tuple(scriptOf(n - 1), fc.boolean())
              .map(([s, quoted]): WordPart => ({ kind: 'cmd', script: s, quoted })),
          },
        )
      : flat;
  return fc.array(part, { minLength: 1, maxLength: 3 }).map((parts): Word => ({ parts }));
});

/** Commands whose compound bodies and substitutions nest at most `n` levels deep. */
const commandOf = fc.memo((n: number): fc.Arbitrary<Command> => {
  const simple = simpleArb(wordOf(n));
  if (n === 0) return simple;
  const body = fc.array(itemArb(commandOf(n - 1)), { minLength: 1, maxLength: 2 }).map((items): Script => ({ items }));
  const redirects = redirectsArb(wordOf(n - 1));
  const compound: fc.Arbitrary<Command> = fc.oneof(
    fc.tuple(body, redirects, fc.boolean()).map(
      ([b, rs, sub]): Command => ({ kind: sub ? 'subshell' : 'group', body: b, redirects: rs }),
    ),
    fc
      .tuple(
        fc.array(fc.record({ cond: body, body }), { minLength: 1, maxLength: 2 }),
        fc.option(body, { nil: null }),
        redirects,
      )
      .map(([clauses, elseBody, rs]): Command => ({ kind: 'if', clauses, elseBody, redirects: rs })),
    fc
      .tuple(fc.boolean(), body, body, redirects)
      .map(([until, cond, b, rs]): Command => ({ kind: 'while', until, cond, body: b, redirects: rs })),
    fc
      .tuple(nameArb, fc.option(fc.array(wordOf(n - 1), { maxLength: 3 }), { nil: null }), body, redirects)
      .map(([name, items, b, rs]): Command => ({ kind: 'for', name, items, body: b, redirects: rs })),
  );
  return fc.oneof({ weight: 2, arbitrary: simple }, { weight: 1, arbitrary: compound });
});

/** Scripts nesting at most `n` levels deep (possibly empty, as `$()` may be). */
const scriptOf = fc.memo((n: number): fc.Arbitrary<Script> =>
  fc.array(itemArb(commandOf(n)), { maxLength: 2 }).map((items): Script => ({ items })),
);

const scriptArb = scriptOf(2);

function redirectsArb(wordArb: fc.Arbitrary<Word>): fc.Arbitrary<Redirect[]> {
  return fc.array(
    fc.record({
      fd: fc.integer({ min: 0, max: 9 }),
      op: fc.constantFrom('>' as const, '>>' as const, '<' as const, '>&' as const, '<&' as const),
      target: wordArb,
    }),
    { maxLength: 2 },
  );
}

function simpleArb(wordArb: fc.Arbitrary<Word>): fc.Arbitrary<Command> {
  return fc
    .record({
      assigns: fc.array(fc.record({ name: nameArb, value: wordArb }), { maxLength: 2 }),
      words: fc.array(wordArb, { maxLength: 3 }),
      redirects: redirectsArb(wordArb),
    })
    .filter((c) => {
      if (c.assigns.length + c.words.length + c.redirects.length === 0) return false;
      const [first] = c.words;
      if (!first || c.assigns.length > 0) return true;
      // The command name must not read as a reserved word.
      const name = normalizeWord(first).parts;
      return !(name.length === 1 && name[0]?.kind === 'lit' && !name[0].quoted && RESERVED.has(name[0].text));
    })
    .map((c): Command => ({ kind: 'simple', ...c }));
}

function itemArb(commandArb: fc.Arbitrary<Command>): fc.Arbitrary<ListItem> {
  const pipelineArb = fc
    .tuple(fc.boolean(), fc.array(commandArb, { minLength: 1, maxLength: 2 }))
    .map(([negate, commands]): Pipeline => ({ negate, commands }));
  return fc
    .tuple(
      pipelineArb,
      fc.array(fc.tuple(fc.constantFrom('&&' as const, '||' as const), pipelineArb), { maxLength: 1 }),
      fc.boolean(),
    )
    .map(([first, rest, background]): ListItem => ({
      andOr: { first, rest: rest.map(([op, pipeline]) => ({ op, pipeline })) },
      background,
    }));
}

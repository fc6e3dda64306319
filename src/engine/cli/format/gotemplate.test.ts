import { describe, it, expect } from 'vitest';
import {
  DOCKER_HEADER_FUNCS,
  GoCallError,
  TemplateError,
  executeTemplate,
  goFunc,
  goStruct,
  parseTemplate,
  renderTemplate,
  type ExecOptions,
} from './gotemplate.ts';

function run(src: string, data: unknown = {}, opts: ExecOptions = {}): string {
  return renderTemplate(src, data, opts);
}

function errorOf(f: () => unknown): TemplateError {
  try {
    f();
  } catch (e) {
    if (e instanceof TemplateError) return e;
    throw e;
  }
  throw new Error('expected a TemplateError');
}

function parseError(src: string): string {
  const e = errorOf(() => parseTemplate(src));
  expect(e.phase).toBe('parse');
  return e.message;
}

function execError(src: string, data: unknown = {}, opts: ExecOptions = {}): string {
  const t = parseTemplate(src);
  const e = errorOf(() => executeTemplate(t, data, opts));
  expect(e.phase).toBe('exec');
  return e.message;
}

// Expected strings below are Go's, from go/src/text/template/{parse/lex.go,parse/parse.go,exec.go,funcs.go}.
describe('parse errors carry Go messages', () => {
  const cases: [string, string][] = [
    ['{{.Foo', 'template: :1: unclosed action'],
    ['{{foo}}', 'template: :1: function "foo" not defined'],
    ['{{.A }', 'template: :1: unexpected "}" in operand'],
    ['{{.A}', "template: :1: bad character U+007D '}'"],
    ['{{ } }}', 'template: :1: unexpected "}" in command'],
    ['{{end}}', 'template: :1: unexpected {{end}}'],
    ['{{else}}', 'template: :1: unexpected {{else}}'],
    ['{{if .X}}', 'template: :1: unexpected EOF'],
    ['{{range}}{{end}}', 'template: :1: missing value for range'],
    ['{{$x}}', 'template: :1: undefined variable "$x"'],
    ['{{.X | 3}}', 'template: :1: non executable command in pipeline stage 2'],
    ['{{break}}', 'template: :1: {{break}} outside {{range}}'],
    ['{{continue}}', 'template: :1: {{continue}} outside {{range}}'],
    ['{{"abc}}', 'template: :1: unterminated quoted string'],
    ['{{`abc}}', 'template: :1: unterminated raw quoted string'],
    ["{{'a}}", 'template: :1: unterminated character constant'],
    ["{{'ab'}}", "template: :1: malformed character constant: 'ab'"],
    ['{{/* x }}', 'template: :1: unclosed comment'],
    ['{{/* x */ .X}}', 'template: :1: comment ends before closing delimiter'],
    ['{{(.X}}', 'template: :1: unclosed left paren'],
    ['{{.X)}}', 'template: :1: unexpected right paren'],
    ['{{"\\q"}}', 'template: :1: invalid syntax'],
    ['{{3x}}', 'template: :1: bad number syntax: "3x"'],
    ['{{99999999999999999999}}', 'template: :1: integer overflow: "99999999999999999999"'],
    ['{{0x}}', 'template: :1: illegal number syntax: "0x"'],
    ['{{.X.}}', 'template: :1: unexpected <.> in operand'],
    ['{{"a".X}}', 'template: :1: unexpected . after term "\\"a\\""'],
    ['{{:}}', 'template: :1: expected :='],
    ['{{#}}', 'template: :1: unexpected "#" in command'],
    ['{{\u0001}}', 'template: :1: unrecognized character in action: U+0001'],
    ['{{$x := 1 := 2}}', 'template: :1: unexpected ":=" in operand'],
    ['{{$a, $b := .X}}', 'template: :1: too many declarations in command'],
    ['{{range $a, 3}}{{end}}', 'template: :1: range can only initialize variables'],
    ['{{if}}{{end}}', 'template: :1: missing value for if'],
    ['{{with .X}}{{else}}{{else}}{{end}}', 'template: :1: expected end; found {{else}}'],
    ['{{define "a"}}x{{end}}{{define "a"}}y{{end}}', 'template: :1: template: multiple definition of template "a"'],
    ['{{template .X}}', 'template: :1: unexpected ".X" in template clause'],
    ['{{|}}', 'template: :1: unexpected "|" in command'],
    ['{{.A | "abcdefghijklm"}}', 'template: :1: non executable command in pipeline stage 2'],
    ['{{.A "abcdefghijklm" )}}', 'template: :1: unexpected right paren'],
    ['{{(.A "abcdefghijklm" ]}}', 'template: :1: unexpected "]" in operand'],
    ['{{.A `abcdefghijklm` := 1}}', 'template: :1: unexpected ":=" in operand'],
    ['{{with $x := 1}}{{end}}{{$x}}', 'template: :1: undefined variable "$x"'],
  ];
  for (const [src, msg] of cases) {
    it(JSON.stringify(src), () => {
      expect(parseError(src)).toBe(msg);
    });
  }

  it('reports the line of the failing token', () => {
    expect(parseError('line one\n{{.X | foo}}')).toBe('template: :2: function "foo" not defined');
  });

  it('says where a multi-line action started', () => {
    expect(parseError('{{.X\n')).toBe('template: :2: unclosed action started at :1');
  });

  it('uses the template name in messages', () => {
    const e = errorOf(() => parseTemplate('{{.X', { name: 'version' }));
    expect(e.message).toBe('template: version:1: unclosed action');
  });

  it('treats break and continue as functions when the FuncMap defines them', () => {
    const funcs = new Map([['break', goFunc([], () => 'B')]]);
    expect(executeTemplate(parseTemplate('{{break}}', { funcs }), {})).toBe('B');
  });
});

describe('execution errors carry Go messages and locations', () => {
  it('map has no entry for key with missingkey=error', () => {
    expect(execError('{{.Foo}}', {}, { missingKey: 'error' })).toBe(
      'template: :1:2: executing "" at <.Foo>: map has no entry for key "Foo"',
    );
  });

  it('nil data with missingkey=error', () => {
    expect(execError('{{.A.B}}', {}, { missingKey: 'error' })).toBe(
      'template: :1:4: executing "" at <.A.B>: map has no entry for key "A"',
    );
    expect(execError('{{.X}}', null, { missingKey: 'error' })).toBe(
      'template: :1:2: executing "" at <.X>: nil data; no entry for key "X"',
    );
  });

  it('counts columns in UTF-8 bytes and lines from 1', () => {
    expect(execError('é{{.Foo}}', {}, { missingKey: 'error' })).toBe(
      'template: :1:4: executing "" at <.Foo>: map has no entry for key "Foo"',
    );
    expect(execError('a\nbc {{.Foo}}', {}, { missingKey: 'error' })).toBe(
      'template: :2:5: executing "" at <.Foo>: map has no entry for key "Foo"',
    );
  });

  it('nil pointer evaluating a field of a null value', () => {
    expect(execError('{{.A.B}}', { A: null })).toBe('template: :1:4: executing "" at <.A.B>: nil pointer evaluating interface {}.B');
  });

  it("can't evaluate field on a struct", () => {
    const ctx = goStruct('*formatter.ContainerContext', { ID: () => 'abc' });
    expect(execError('{{.Foo}}', ctx)).toBe(
      'template: :1:2: executing "" at <.Foo>: can\'t evaluate field Foo in type *formatter.ContainerContext',
    );
  });

  it("can't evaluate field of a string", () => {
    expect(execError('{{.A.B}}', { A: 'x' })).toBe('template: :1:4: executing "" at <.A.B>: can\'t evaluate field B in type string');
  });

  it('function call errors point at the command', () => {
    expect(execError('{{index .A 5}}', { A: [1, 2] })).toBe(
      'template: :1:2: executing "" at <index .A 5>: error calling index: index out of range: 5',
    );
    expect(execError('{{len 3}}')).toBe('template: :1:2: executing "" at <len 3>: error calling len: len of type int');
    expect(execError('{{len .X}}', { X: null })).toBe('template: :1:2: executing "" at <len .X>: error calling len: len of nil pointer');
  });

  it('argument type errors point at the argument', () => {
    expect(execError('{{upper 3}}')).toBe('template: :1:8: executing "" at <3>: expected string; found 3');
    expect(execError('{{upper .N}}', { N: 1.5 })).toBe(
      'template: :1:8: executing "" at <.N>: wrong type for value; expected string; got float64',
    );
    expect(execError('{{upper .N}}', {})).toBe('template: :1:8: executing "" at <.N>: invalid value; expected string');
    expect(execError('{{truncate "abc" 1.5}}')).toBe('template: :1:17: executing "" at <1.5>: expected integer; found 1.5');
    expect(execError('{{join "a" ","}}')).toBe('template: :1:7: executing "" at <"a">: can\'t handle "a" for arg of type []string');
    expect(execError('{{upper nil}}')).toBe('template: :1:8: executing "" at <nil>: cannot assign nil to string');
  });

  it('arity errors point at the function name', () => {
    expect(execError('{{split .X}}', { X: 'a' })).toBe('template: :1:2: executing "" at <split>: wrong number of args for split: want 2 got 1');
    expect(execError('{{index}}')).toBe('template: :1:2: executing "" at <index>: wrong number of args for index: want at least 1 got 0');
    expect(execError('{{"a" | upper "b"}}')).toBe('template: :1:8: executing "" at <upper>: wrong number of args for upper: want 1 got 2');
  });

  it('comparisons of float64 (JSON numbers) with int literals fail as in Go', () => {
    expect(execError('{{eq .N 1}}', { N: 1 })).toBe(
      'template: :1:2: executing "" at <eq .N 1>: error calling eq: incompatible types for comparison: float64 and int',
    );
    expect(execError('{{lt true false}}')).toBe('template: :1:2: executing "" at <lt true false>: error calling lt: invalid type for comparison');
    expect(execError('{{eq 1}}')).toBe('template: :1:2: executing "" at <eq 1>: error calling eq: missing argument for comparison');
  });

  it('non-function, nil and argument misuse', () => {
    expect(execError('{{nil}}')).toBe('template: :1:2: executing "" at <nil>: nil is not a command');
    expect(execError('{{.X 1}}', { X: 1 })).toBe('template: :1:2: executing "" at <.X>: X is not a method but has arguments');
    expect(execError('{{1 | printf "%d"}}x{{"a" 2}}')).toBe('template: :1:22: executing "" at <"a">: can\'t give argument to non-function "a"');
    expect(execError('{{9223372036854775808}}')).toBe(
      'template: :1:2: executing "" at <9223372036854775808>: 9223372036854775808 overflows int',
    );
  });

  it('assigning an undeclared variable', () => {
    expect(execError('{{range $i, $e = .X}}{{end}}', { X: ['a'] })).toBe(
      'template: :1:17: executing "" at <.X>: undefined variable: $i',
    );
  });

  it('range errors', () => {
    expect(execError('{{range .S}}{{end}}', { S: 'abc' })).toBe('template: :1:8: executing "" at <.S>: range can\'t iterate over abc');
    expect(execError('{{range $i, $e := 3}}{{end}}')).toBe(
      'template: :1:18: executing "" at <3>: can\'t use 3 to iterate over more than one variable',
    );
  });

  it('template invocation errors name the executing template', () => {
    expect(execError('{{template "missing"}}')).toBe(
      'template: :1:11: executing "" at <{{template "missing"}}>: template "missing" not defined',
    );
    expect(execError('{{define "a"}}{{template "a"}}{{end}}{{template "a"}}')).toBe(
      'template: :1:25: executing "a" at <{{template "a"}}>: exceeded maximum template depth (100000)',
    );
    expect(execError('{{define "T"}}{{.X.Y}}{{end}}{{template "T" .}}', { X: 'x' })).toBe(
      'template: :1:18: executing "T" at <.X.Y>: can\'t evaluate field Y in type string',
    );
  });

  it('keeps the output written before the failure', () => {
    const e = errorOf(() => run('abc{{.X}}{{.Y.Z}}', { X: 1, Y: 's' }));
    expect(e.output).toBe('abc1');
  });

  it('struct field and method misuse', () => {
    const s = goStruct('T', { Name: 'n', lower: 'x', Label: goFunc(['string'], (k: string) => 'v' + k) });
    expect(execError('{{.Name 1}}', s)).toBe('template: :1:2: executing "" at <.Name>: Name has arguments but cannot be invoked as function');
    expect(execError('{{.lower}}', s)).toBe('template: :1:2: executing "" at <.lower>: lower is an unexported field of struct type T');
    expect(execError('{{.Label}}', s)).toBe('template: :1:2: executing "" at <.Label>: wrong number of args for Label: want 1 got 0');
    expect(execError('{{.Label 3}}', s)).toBe('template: :1:9: executing "" at <3>: expected string; found 3');
  });

  it('errors returned by methods and functions', () => {
    const s = goStruct('T', {
      Fail: goFunc([], () => {
        throw new GoCallError('boom');
      }),
    });
    expect(execError('{{.Fail}}', s)).toBe('template: :1:2: executing "" at <.Fail>: error calling Fail: boom');
    expect(execError('{{pad "x" -1 0}}')).toBe('template: :1:2: executing "" at <pad "x" -1 0>: error calling pad: strings: negative Repeat count');
  });
});

describe('printing values as Go does (%v)', () => {
  const cases: [string, unknown, string][] = [
    ['{{.}}', 'text', 'text'],
    ['{{.}}', true, 'true'],
    ['{{.}}', 1.5, '1.5'],
    ['{{.}}', 137, '137'],
    ['{{.}}', 1000000, '1e+06'],
    ['{{.}}', 100000, '100000'],
    ['{{.}}', 123456789, '1.23456789e+08'],
    ['{{.}}', 0.0001, '0.0001'],
    ['{{.}}', 0.00001, '1e-05'],
    ['{{.}}', 1e21, '1e+21'],
    ['{{.}}', -0, '-0'],
    ['{{.}}', 3n, '3'],
    ['{{.}}', ['a', 'b', 'c'], '[a b c]'],
    ['{{.}}', [], '[]'],
    ['{{.}}', [1, null, 'x'], '[1 <nil> x]'],
    ['{{.}}', { b: 1, a: [2, 3], c: { d: null } }, 'map[a:[2 3] b:1 c:map[d:<nil>]]'],
    ['{{.}}', {}, 'map[]'],
    ['{{.}}', null, '<no value>'],
    ['{{.X}}', {}, '<no value>'],
    ['{{.X}}', { X: null }, '<no value>'],
    ['{{print .X}}', { X: null }, '<nil>'],
    ['{{print .X}}', {}, '<nil>'],
    ['{{.A.B.C}}', { A: { B: { C: 'deep' } } }, 'deep'],
    ['{{.A.B.C}}', { A: {} }, '<no value>'],
    ['{{$}}', 'root', 'root'],
  ];
  for (const [src, data, expected] of cases) {
    it(`${src} of ${JSON.stringify(data, (_k, v) => (typeof v === 'bigint' ? `${v}n` : v))}`, () => {
      expect(run(src, data)).toBe(expected);
    });
  }

  it('prints structs in field order, methods excluded, a top-level pointer indirected', () => {
    const s = goStruct('*T', { A: 1, B: 'x', M: () => 'm', C: null });
    expect(run('{{.}}', s)).toBe('{1 x <nil>}');
    expect(run('{{print .}}', s)).toBe('&{1 x <nil>}');
    expect(run('{{printf "%+v" .}}', s)).toBe('&{A:1 B:x C:<nil>}');
  });

  it('uses a String method (fmt.Stringer)', () => {
    const port = goStruct('nat.Port', { String: () => '80/tcp' });
    expect(run('{{.}} {{printf "%s|%q" . .}}', port)).toBe('80/tcp 80/tcp|"80/tcp"');
  });

  it('typed mode prints integral numbers as ints, as docker inspect does against Go structs', () => {
    expect(run('{{.HostConfig.Memory}}', { HostConfig: { Memory: 1073741824 } })).toBe('1.073741824e+09');
    expect(run('{{.HostConfig.Memory}}', { HostConfig: { Memory: 1073741824 } }, { typed: true })).toBe('1073741824');
    expect(run('{{if eq .State.ExitCode 0}}ok{{end}}', { State: { ExitCode: 0 } }, { typed: true })).toBe('ok');
    expect(run('{{.State.Health}}', { State: { Health: null } }, { typed: true })).toBe('<nil>');
    expect(run('{{join .Args " "}}', { Args: ['a', 'b'] }, { typed: true })).toBe('a b');
  });

  it('missingkey=zero gives the element type zero', () => {
    expect(run('{{.X}}', {}, { missingKey: 'zero' })).toBe('<no value>');
    expect(run('[{{.X}}]', { Y: 'y' }, { missingKey: 'zero', typed: true })).toBe('[]');
  });

  it('accepts Map objects as maps', () => {
    expect(run('{{.b}} {{.}}', new Map([['b', 1], ['a', 2]]))).toBe('1 map[a:2 b:1]');
  });
});

describe('actions and control structures', () => {
  const cases: [string, unknown, string][] = [
    ['{{range $i, $e := .X}}{{$i}}={{$e}} {{end}}', { X: ['a', 'b'] }, '0=a 1=b '],
    ['{{range .X}}{{.}},{{end}}', { X: [1, 2] }, '1,2,'],
    ['{{range .X}}x{{else}}empty{{end}}', { X: [] }, 'empty'],
    ['{{range .X}}x{{else}}empty{{end}}', {}, 'empty'],
    ['{{range $k, $v := .M}}{{$k}}={{$v}};{{end}}', { M: { b: 1, a: 2, C: 3 } }, 'C=3;a=2;b=1;'],
    ['{{range .M}}{{.}}{{end}}', { M: { b: 1, a: 2 } }, '21'],
    ['{{range 3}}{{.}}{{end}}', {}, '012'],
    ['{{range $v := 3}}{{$v}}{{end}}', {}, '012'],
    ['{{range 0}}x{{else}}none{{end}}', {}, 'none'],
    ['{{range .X}}{{if eq . 2}}{{continue}}{{end}}{{if eq . 4}}{{break}}{{end}}{{.}}{{end}}', { X: [1n, 2n, 3n, 4n, 5n] }, '13'],
    ['{{range .X}}{{$.Name}}:{{.}} {{end}}', { Name: 'n', X: ['a', 'b'] }, 'n:a n:b '],
    ['{{$i := 0}}{{range .X}}{{$i = .}}{{end}}{{$i}}', { X: ['a', 'b'] }, 'b'],
    ['{{$i := 9}}{{$e := ""}}{{range $i, $e = .X}}{{end}}{{$i}}{{$e}}', { X: ['a', 'b'] }, '1b'],
    ['{{if .A}}a{{else if .B}}b{{else}}c{{end}}', { B: 1 }, 'b'],
    ['{{if .A}}a{{else if .B}}b{{else}}c{{end}}', {}, 'c'],
    ['{{if ""}}t{{else}}f{{end}}{{if 0}}t{{else}}f{{end}}{{if .E}}t{{else}}f{{end}}{{if .M}}t{{else}}f{{end}}', { E: [], M: {} }, 'ffff'],
    ['{{if "x"}}t{{end}}{{if 1}}t{{end}}{{if .L}}t{{end}}{{if true}}t{{end}}', { L: [0] }, 'tttt'],
    ['{{with .A}}{{.}}{{else}}none{{end}}', { A: 'a' }, 'a'],
    ['{{with .A}}{{.}}{{else}}none{{end}}', { A: '' }, 'none'],
    ['{{with .A}}a{{else with .B}}{{.}}{{else}}c{{end}}', { B: 'b' }, 'b'],
    ['{{with $x := .A}}{{$x}}{{end}}', { A: 'v' }, 'v'],
    ['{{$x := .A}}{{$x}}', { A: 'v' }, 'v'],
    ['{{$x := 1}}{{if true}}{{$x = 2}}{{end}}{{$x}}', {}, '2'],
    ['{{$x := 1}}{{if true}}{{$x := 2}}{{$x}}{{end}}{{$x}}', {}, '21'],
    ['{{.A | printf "%s!"}}', { A: 'hi' }, 'hi!'],
    ['{{"x" | printf "%s%s" "a"}}', {}, 'ax'],
    ['{{json (index .A 0)}}', { A: [{ n: 1 }] }, '{"n":1}'],
    ['{{(index .A 0).Name}}', { A: [{ Name: 'first' }] }, 'first'],
    ['{{with index .A 0}}{{.Name}}{{end}}', { A: [{ Name: 'first' }] }, 'first'],
    ['a  {{- .X -}}  b', { X: 'X' }, 'aXb'],
    ['a\n{{- .X}}\n', { X: 'X' }, 'aX\n'],
    ['a{{/* comment */}}b', {}, 'ab'],
    ['a {{- /* c */ -}} b', {}, 'ab'],
    ['{{- 3}}', {}, '3'],
    ['{{-3}}', {}, '-3'],
    ['{{define "T"}}<{{.}}>{{end}}{{template "T" .X}}', { X: 'x' }, '<x>'],
    ['{{define "T"}}[{{.}}]{{end}}{{template "T"}}', {}, '[<no value>]'],
    ['{{block "B" .X}}({{.}}){{end}}', { X: 1.5 }, '(1.5)'],
    ['{{.A}}\n{{.B}}', { A: 1, B: 2 }, '1\n2'],
    ['{{ .A }}{{ .B\n}}', { A: 1, B: 2 }, '12'],
    ['{{call .F "x"}}', { F: goFunc(['string'], (s: string) => s + '!') }, 'x!'],
  ];
  for (const [src, data, expected] of cases) {
    it(JSON.stringify(src), () => {
      expect(run(src, data)).toBe(expected);
    });
  }

  it('parses once and executes many times', () => {
    const t = parseTemplate('{{.Name}}');
    expect([{ Name: 'a' }, { Name: 'b' }].map((d) => executeTemplate(t, d))).toEqual(['a', 'b']);
  });
});

describe('literals', () => {
  const cases: [string, string][] = [
    ['{{1.5}}', '1.5'],
    ['{{1e3}}', '1000'],
    ['{{1.0}}', '1'],
    ['{{0x10}}', '16'],
    ['{{0o17}} {{017}} {{0b101}}', '15 15 5'],
    ['{{1_000}}', '1000'],
    ['{{-3}} {{+3}}', '-3 3'],
    ['{{.5}}', '0.5'],
    ['{{0x1p4}}', '16'],
    ['{{1i}} {{1+2i}}', '(0+1i) (1+2i)'],
    ["{{'a'}} {{'\\n'}} {{'\\x41'}}", '97 10 65'],
    ['{{"a\\tb\\u00e9\\x41\\101"}}', 'a\tbéAA'],
    ['{{`raw\\n`}}', 'raw\\n'],
    ['{{true}} {{false}}', 'true false'],
    ['{{"}}"}}', '}}'],
  ];
  for (const [src, expected] of cases) {
    it(src, () => {
      expect(run(src)).toBe(expected);
    });
  }
});

describe('builtin functions', () => {
  const cases: [string, unknown, string][] = [
    ['{{and 1 0 (index .X 9)}}', { X: [] }, '0'],
    ['{{and 1 2}}', {}, '2'],
    ['{{or 0 "" "x"}}', {}, 'x'],
    ['{{or 0 ""}}', {}, ''],
    ['{{.A | or .B}}', { A: 'a' }, 'a'],
    ['{{not 0}} {{not "x"}}', {}, 'true false'],
    ['{{len .X}} {{len "héllo"}} {{len .M}}', { X: ['a', 'b'], M: { a: 1 } }, '2 6 1'],
    ['{{index "abc" 1}}', {}, '98'],
    ['{{index .M "k"}} {{index .M "missing"}}', { M: { k: 'v' } }, 'v <no value>'],
    ['{{index .A 1 0}}', { A: [[1], ['x']] }, 'x'],
    ['{{slice "abcdef" 1 3}} {{slice "abc" 1}} {{slice "abc"}}', {}, 'bc bc abc'],
    ['{{slice .X 1}} {{slice .X 0 1}}', { X: ['a', 'b', 'c'] }, '[b c] [a]'],
    ['{{print 1 2 "a" "b" 3}}', {}, '1 2ab3'],
    ['{{println "a" 1}}', {}, 'a 1\n'],
    ['{{print}}', {}, ''],
    ['{{html "<a href=\'x\'>&"}}', {}, '&lt;a href=&#39;x&#39;&gt;&amp;'],
    ['{{html .X}}', {}, '&lt;no value&gt;'],
    ['{{js "a\'b\\"<=>&\\\\"}}', {}, "a\\'b\\\"\\u003C\\u003D\\u003E\\u0026\\\\"],
    ['{{urlquery "a b&c/é"}}', {}, 'a+b%26c%2F%C3%A9'],
    ['{{eq .A "x"}} {{eq .A "y" "x"}} {{ne 1 2}}', { A: 'x' }, 'true true true'],
    ['{{eq .N 1.0}} {{lt 1 2}} {{le 2 2}} {{gt "b" "a"}} {{ge 1.5 2.5}}', { N: 1 }, 'true true true true false'],
    ['{{eq .Missing "x"}}', {}, 'false'],
    ['{{eq (index "a" 0) 97}}', {}, 'true'],
  ];
  for (const [src, data, expected] of cases) {
    it(JSON.stringify(src), () => {
      expect(run(src, data)).toBe(expected);
    });
  }
});

describe('printf', () => {
  const cases: [string, string][] = [
    ['{{printf "%5.2f|%-6s|%q|%x" 3.14159 "ab" "hi" 255}}', ' 3.14|ab    |"hi"|ff'],
    ['{{printf "%d" .}}', '%!d(float64=3)'],
    ['{{printf "%v %v" 1}}', '1 %!v(MISSING)'],
    ['{{printf "%d" 1 2}}', '1%!(EXTRA int=2)'],
    ['{{printf "%s" 5}}', '%!s(int=5)'],
    ['{{printf "%z" 5}}', '%!z(int=5)'],
    ['{{printf "%"}}', '%!(NOVERB)'],
    ['{{printf "%d%%" 50}}', '50%'],
    ['{{printf "%.2f %.0f %.0f %.1f" 0.125 2.5 3.5 0.05}}', '0.12 2 4 0.1'],
    ['{{printf "%e %E" 123456.789 0.000123}}', '1.234568e+05 1.230000E-04'],
    ['{{printf "%g %g %.3g" 0.000012345 100000.0 1234.0}}', '1.2345e-05 100000 1.23e+03'],
    ['{{printf "%08.3f|%+d|%05d|% d" -3.14159 5 -42 7}}', '-003.142|+5|-0042| 7'],
    ['{{printf "%x|% x|%X|%#x|%#o|%o|%O|%b" "hi" "hi" "hi" 255 8 8 8 5}}', '6869|68 69|6869|0xff|010|10|0o10|101'],
    ['{{printf "%c|%q|%U|%#U" 65 65 128512 65}}', "A|'A'|U+1F600|U+0041 'A'"],
    ['{{printf "%t|%5t|%v" true false true}}', 'true|false|true'],
    ['{{printf "%*d|%-*d|" 5 3 4 3}}', '    3|3   |'],
    ['{{printf "%.3s|%6.2v|%-4q" "abcdef" 3.14159 "a"}}', 'abc|   3.1|"a" '],
    ['{{printf "%v|%d" nil nil}}', '<nil>|%!d(<nil>)'],
    ['{{printf "%T %T %T %T" 1 1.5 "s" true}}', 'int float64 string bool'],
    ['{{printf "%x|%.2x" 1.0 1.5}}', '0x1p+00|0x1.80p+00'],
    ['{{printf "%#v|%q" "a" "héllo\\n"}}', '"a"|"héllo\\n"'],
    ['{{printf "%6.2f|%-8.3e|" 1.0 1234.5}}', '  1.00|1.234e+03|'],
    ['{{printf "%#g|%#.3g" 1.0 2.0}}', '1.00000|2.00'],
    ['{{printf "%[2]d %[1]d" 1 2}}', '2 1'],
    ['{{printf "%05s|%-5s|" "ab" "ab"}}', '000ab|ab   |'],
    ['{{printf "%d %d" 1}}', '1 %!d(MISSING)'],
    ['{{printf "%!"}}', '%!!(MISSING)'],
    ['{{printf "%-"}}', '%!(NOVERB)'],
  ];
  for (const [src, expected] of cases) {
    it(src, () => {
      expect(run(src, 3)).toBe(expected);
    });
  }

  it('formats composites element-wise', () => {
    expect(run('{{printf "%d|%s|%v" .A .A .M}}', { A: [1n, 2n], M: { k: 'v' } })).toBe('[1 2]|[%!s(int=1) %!s(int=2)]|map[k:v]');
    expect(run('{{printf "%T|%T" .A .M}}', { A: [1], M: {} })).toBe('[]interface {}|map[string]interface {}');
  });
});

describe('docker template functions (docker/cli templates/templates.go)', () => {
  const cases: [string, unknown, string][] = [
    ['{{json .}}', { b: 1, a: '<x>&' }, '{"b":1,"a":"<x>&"}'],
    ['{{json .}}', [1e21, 1000000, 1.5, null, 1e-7, 0.000001], '[1e+21,1000000,1.5,null,1e-7,0.000001]'],
    ['{{json .}}', 'a\u2028b\bc\fd\u0001"\\/', '"a\\u2028b\\bc\\fd\\u0001\\"\\\\/"'],
    ['{{json .Missing}}', {}, 'null'],
    ['{{json .}}', { n: 5n, t: true, e: {}, l: [] }, '{"n":5,"t":true,"e":{},"l":[]}'],
    ['{{json .}}', goStruct('T', { B: 2, A: 'x', M: () => 1 }), '{"B":2,"A":"x"}'],
    ['{{json .}}', goStruct('T', { MarshalJSON: () => ({ z: 1, a: 2 }) }), '{"z":1,"a":2}'],
    ['{{json .F}}', { F: goFunc([], () => 1) }, ''],
    ['{{join (split "a,b,c" ",") "|"}}', {}, 'a|b|c'],
    ['{{split "a,b" ","}} {{len (split "" ",")}} {{split "ab" ""}}', {}, '[a b] 1 [a b]'],
    ['{{title "hello world-foo_bar"}}', {}, 'Hello World-Foo_bar'],
    ['{{upper "abc"}} {{lower "ABC"}} {{upper "straße"}}', {}, 'ABC abc STRAßE'],
    ['{{pad "x" 2 3}}|{{pad "" 2 3}}|', {}, '  x   ||'],
    ['{{truncate "abcdef" 3}} {{truncate "ab" 3}} {{truncate "abc" 3}}', {}, 'abc ab abc'],
    ['{{.Name | upper | printf "%s!"}}', { Name: 'web' }, 'WEB!'],
  ];
  for (const [src, data, expected] of cases) {
    it(JSON.stringify(src), () => {
      expect(run(src, data)).toBe(expected);
    });
  }

  it('join needs a []string, which JSON-decoded arrays are not', () => {
    expect(execError('{{join .A ","}}', { A: ['a'] })).toBe(
      'template: :1:7: executing "" at <.A>: wrong type for value; expected []string; got []interface {}',
    );
  });

  it('json can sort map keys as Go maps', () => {
    expect(run('{{json .}}', { b: 1, a: 2 }, { jsonSortMapKeys: true })).toBe('{"a":2,"b":1}');
  });

  it('does not offer padWithSpace under that name', () => {
    expect(parseError('{{padWithSpace "x" 1 1}}')).toBe('template: :1: function "padWithSpace" not defined');
  });

  it('header functions leave column titles untouched', () => {
    const t = parseTemplate('{{upper .Names}}|{{json .ID}}|{{truncate .ID 2}}|{{split .ID ","}}|{{join .ID ","}}|{{pad .ID 1 1}}');
    expect(executeTemplate(t, { Names: 'NAMES', ID: 'CONTAINER ID' }, { funcs: DOCKER_HEADER_FUNCS })).toBe(
      'NAMES|CONTAINER ID|CONTAINER ID|CONTAINER ID|CONTAINER ID| CONTAINER ID ',
    );
  });
});

describe('docker formatter contexts as structs with methods', () => {
  const container = goStruct('*formatter.ContainerContext', {
    ID: () => '4c01db0b339c',
    Names: () => 'web',
    Label: goFunc(['string'], (name: string) => (name === 'com.example' ? 'yes' : '')),
    Labels: () => 'com.example=yes',
    MarshalJSON: () => ({ ID: '4c01db0b339c', Names: 'web' }),
  });

  it('calls methods, with and without arguments', () => {
    expect(run('{{.ID}} {{.Names}} {{.Label "com.example"}}', container)).toBe('4c01db0b339c web yes');
  });

  it('renders json through MarshalJSON', () => {
    expect(run('{{json .}}', container)).toBe('{"ID":"4c01db0b339c","Names":"web"}');
  });
});

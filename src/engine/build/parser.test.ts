import { describe, expect, it } from 'vitest';
import { extractBuilderFlags, heredocMarker, parseDockerfile, parseJsonArray } from './parser.ts';
import { DockerfileError, parseDockerfileText, parseWords, suggest, INSTRUCTIONS } from './instructions.ts';
import { dockerfileDiagnostics } from './diagnostics.ts';

const errorOf = (text: string): DockerfileError => {
  try {
    parseDockerfileText(text);
  } catch (e) {
    if (e instanceof DockerfileError) return e;
    throw e;
  }
  throw new Error('expected a DockerfileError');
};

describe('parser (dockerfile-ast wrapper)', () => {
  it('gives nodes with keyword, lines, flags, args and JSON form', () => {
    const p = parseDockerfile('# syntax=docker/dockerfile:1\nFROM alpine AS base\nCOPY --chown=1:1 --from=base a b /dst/\nRUN echo "hi  there" \\\n  && ls\nCMD ["sh", "-c", "x"]\n');
    expect(p.directives).toEqual({ syntax: 'docker/dockerfile:1' });
    expect(p.nodes.map((n) => [n.command, n.startLine, n.endLine])).toEqual([['FROM', 2, 2], ['COPY', 3, 3], ['RUN', 4, 5], ['CMD', 6, 6]]);
    expect(p.nodes[1].flags.map((f) => [f.name, f.value])).toEqual([['chown', '1:1'], ['from', 'base']]);
    expect(p.nodes[1].args).toBe('a b /dst/');
    expect(p.nodes[2].original).toBe('RUN echo "hi  there"   && ls');
    expect(p.nodes[3].json).toEqual(['sh', '-c', 'x']);
  });

  it('keeps heredoc bodies apart from the instruction line', () => {
    const p = parseDockerfile('FROM alpine\nRUN <<EOF\necho one\necho two\nEOF\nCOPY <<-"EOT" /x.txt\n\thello\nEOT\n');
    const run = p.nodes[1];
    expect(run.original).toBe('RUN <<EOF');
    expect(run.heredocs).toEqual([{ name: 'EOF', content: 'echo one\necho two\n', chomp: false, expand: true }]);
    expect(run.endLine).toBe(5);
    const copy = p.nodes[2];
    expect(copy.args).toBe('<<-"EOT" /x.txt');
    expect(copy.heredocs[0]).toMatchObject({ name: 'EOT', content: 'hello\n', chomp: true, expand: false });
  });

  it('honours the escape directive', () => {
    const p = parseDockerfile('# escape=`\nFROM alpine\nRUN echo a `\n  b\n');
    expect(p.escape).toBe('`');
    expect(p.nodes[1].original).toBe('RUN echo a   b');
  });

  it('extracts BuildKit flags and JSON arrays like the real parser', () => {
    expect(extractBuilderFlags(' --from=build --link a b')).toEqual({ flags: [{ name: 'from', value: 'build', raw: '--from=build' }, { name: 'link', value: null, raw: '--link' }], rest: 'a b' });
    expect(extractBuilderFlags(' -- --not-a-flag')).toEqual({ flags: [], rest: '--not-a-flag' });
    expect(parseJsonArray('["a", "b"]')).toEqual(['a', 'b']);
    expect(parseJsonArray('[1, 2]')).toBeNull();
    expect(parseJsonArray('echo [x]')).toBeNull();
    expect(heredocMarker('<<EOF')).toEqual({ name: 'EOF', chomp: false, expand: true });
    expect(heredocMarker("<<'EOF'")).toEqual({ name: 'EOF', chomp: false, expand: false });
    expect(heredocMarker('<<')).toBeNull();
  });

  it('splits words keeping quotes for later expansion', () => {
    expect(parseWords('A=1 B="two words" C=\'x y\'', '\\')).toEqual(['A=1', 'B="two words"', "C='x y'"]);
  });
});

describe('instructions (BuildKit errors)', () => {
  it('parses stages, names and global ARGs', () => {
    const df = parseDockerfileText('ARG V=3.21\nFROM alpine:${V} AS Build\nRUN true\nFROM scratch\nCOPY --from=build /x /x\n');
    expect(df.metaArgs).toEqual([{ key: 'V', value: '3.21' }]);
    expect(df.stages.map((s) => [s.index, s.name, s.baseName, s.commands.length])).toEqual([[0, 'build', 'alpine:${V}', 1], [1, '', 'scratch', 1]]);
    expect(df.warnings.map((w) => w.rule)).toContain('StageNameCasing');
  });

  it.each([
    ['FROM alpine\n\nRUNN echo hi\n', 'dockerfile parse error on line 3: unknown instruction: RUNN (did you mean RUN?)', 3],
    ['FROM alpine\ncopi a b\n', 'dockerfile parse error on line 2: unknown instruction: copi (did you mean copy?)', 2],
    ['FROM alpine\nBANANA x\n', 'dockerfile parse error on line 2: unknown instruction: BANANA', 2],
    ['RUN echo hi\nFROM alpine\n', 'no build stage in current context', 1],
    ['FROM alpine foo\n', 'dockerfile parse error on line 1: FROM requires either one or three arguments', 1],
    ['FROM alpine AS 1x\n', 'dockerfile parse error on line 1: invalid name for build stage: "1x", name can\'t start with a number or contain symbols', 1],
    ['FROM alpine\nSHELL /bin/bash -c\n', 'dockerfile parse error on line 2: SHELL requires the arguments to be in JSON form', 2],
    ['FROM alpine\nONBUILD ONBUILD RUN x\n', 'dockerfile parse error on line 2: Chaining ONBUILD via `ONBUILD ONBUILD` isn\'t allowed', 2],
    ['FROM alpine\nONBUILD FROM busybox\n', 'dockerfile parse error on line 2: FROM isn\'t allowed as an ONBUILD trigger', 2],
    ['FROM alpine\nCOPY --foo=1 a /\n', 'dockerfile parse error on line 2: Unknown flag: foo', 2],
    ['FROM alpine\nCOPY a\n', 'dockerfile parse error on line 2: COPY requires at least two arguments, but only one was provided. Destination could not be determined', 2],
    ['FROM alpine\nENV\n', 'dockerfile parse error on line 2: ENV must have two arguments', 2],
    ['FROM alpine\nENV A=1 B\n', 'dockerfile parse error on line 2: Syntax error - can\'t find = in "B". Must be of the form: name=value', 2],
    ['FROM alpine\nWORKDIR a b\n', 'dockerfile parse error on line 2: WORKDIR requires exactly one argument', 2],
    ['FROM alpine\nHEALTHCHECK --interval=1x CMD true\n', 'dockerfile parse error on line 2: time: unknown unit "x" in duration "1x"', 2],
  ])('%j → %s', (text, message, line) => {
    const e = errorOf(text);
    expect(e.message).toBe(message);
    expect(e.loc?.start).toBe(line);
  });

  it('has the messages for empty files', () => {
    expect(errorOf('').message).toBe('the Dockerfile cannot be empty');
    expect(errorOf('# just a comment\n').message).toBe('file with no instructions');
  });

  it('suggests like util/suggest (distance < 3, case kept)', () => {
    expect(suggest('RUNN', INSTRUCTIONS)).toBe(' (did you mean RUN?)');
    expect(suggest('workdri', INSTRUCTIONS)).toBe(' (did you mean workdir?)');
    expect(suggest('xyzzy', INSTRUCTIONS)).toBe('');
  });

  it('collects build-check warnings', () => {
    const df = parseDockerfileText('FROM alpine as base\nMAINTAINER me\nENV A 1\nCMD echo hi\n');
    expect(df.warnings.map((w) => `${w.rule}:${w.line}`)).toEqual(['FromAsCasing:1', 'MaintainerDeprecated:2', 'LegacyKeyValueFormat:3', 'JSONArgsRecommended:4']);
    expect(df.warnings[3].message).toBe('JSON arguments recommended for CMD to prevent unintended behavior related to OS signals');
  });
});

describe('dockerfileDiagnostics', () => {
  it('reports the first error with its line and column range', () => {
    expect(dockerfileDiagnostics('FROM alpine\n  RUNN x\n')).toEqual([{ line: 2, from: 2, to: 8, message: 'dockerfile parse error on line 2: unknown instruction: RUNN (did you mean RUN?)', severity: 'error' }]);
  });
  it('reports warnings, and nothing for a clean file', () => {
    expect(dockerfileDiagnostics('FROM alpine\nCMD ["sh"]\n')).toEqual([]);
    expect(dockerfileDiagnostics('FROM alpine\nCMD sh\n').map((d) => [d.line, d.severity])).toEqual([[2, 'warning']]);
    expect(dockerfileDiagnostics('ARG X=1\n')[0].message).toBe('dockerfile contains no stages to build');
  });
});

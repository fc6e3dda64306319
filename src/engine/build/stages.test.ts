import { describe, expect, it } from 'vitest';
import { parseDockerfileText } from './instructions.ts';
import { prefixCommand, stageDisplayName, stageTotal } from './stages.ts';
import { sourceExcerpt, warningsSummary } from './printer.ts';
import { fillHistoryTimes } from './solver.ts';
import { logTime, unitsBytes } from './progress.ts';

describe('[stage i/n] numbering (dockerfile2llb prefixCommand)', () => {
  it('counts FROM of an image plus RUN/COPY/ADD/WORKDIR, not metadata', () => {
    const df = parseDockerfileText('FROM alpine\nENV A=1\nWORKDIR /app\nCOPY . .\nRUN make\nCMD ["app"]\n');
    const s = df.stages[0];
    const n = { name: stageDisplayName(s, df.stages.length), total: stageTotal(s.commands, true), index: 0 };
    expect(n.total).toBe(4);
    expect(prefixCommand(n, 'FROM docker.io/library/alpine:latest')).toBe('[1/4] FROM docker.io/library/alpine:latest');
    expect(prefixCommand(n, 'WORKDIR /app')).toBe('[2/4] WORKDIR /app');
  });

  it('names stages in multi-stage builds and pads the index', () => {
    const df = parseDockerfileText('FROM alpine AS build\nRUN a\nFROM scratch\nCOPY --from=build /a /a\n');
    expect(df.stages.map((s) => stageDisplayName(s, df.stages.length))).toEqual(['build', 'stage-1']);
    expect(stageTotal(df.stages[1].commands, false)).toBe(1);
    const n = { name: 'build', total: 12, index: 1 };
    expect(prefixCommand(n, 'RUN x')).toBe('[build  2/12] RUN x');
  });

  it('shows no prefix for a stage without steps', () => {
    expect(prefixCommand({ name: '', total: 0, index: 0 }, 'x')).toBe('x');
  });
});

describe('progress formatting', () => {
  it('prints BuildKit byte units and log times', () => {
    expect(unitsBytes(89)).toBe('89B');
    expect(unitsBytes(2048)).toBe('2.05kB');
    expect(unitsBytes(3_640_000)).toBe('3.64MB');
    expect(logTime(157)).toBe('0.157');
    expect(logTime(12_345)).toBe('12.35');
    expect(logTime(123_456)).toBe('123.5');
  });

  it('prints the Dockerfile excerpt like errdefs Source.Print', () => {
    const text = 'FROM alpine\nRUN a\nRUN b\nRUN c\nRUN d\nRUN e\n';
    expect(sourceExcerpt('Dockerfile', text, { start: 4, end: 4 })).toBe(
      'Dockerfile:4\n--------------------\n   2 |     RUN a\n   3 |     RUN b\n   4 | >>> RUN c\n   5 |     RUN d\n   6 |     RUN e\n--------------------\n',
    );
    expect(sourceExcerpt('Dockerfile', 'FROM alpine\nRUN exit 3\n', { start: 2, end: 2 })).toBe(
      'Dockerfile:2\n--------------------\n   1 |     FROM alpine\n   2 | >>> RUN exit 3\n   3 |     \n--------------------\n',
    );
  });

  it('summarises warnings like buildx printWarnings', () => {
    expect(warningsSummary(['A: x (line 1)'])).toBe('\n 1 warning found (use docker --debug to expand):\n - A: x (line 1)\n');
    expect(warningsSummary([])).toBe('');
  });
});

describe('history times (exporter normalizeLayersAndHistory)', () => {
  it('gives metadata entries the time of the next new layer, or the previous one', () => {
    const out = fillHistoryTimes([
      { created: 'base', createdBy: 'ADD' }, { createdBy: 'ENV' }, { created: 't1', createdBy: 'RUN' }, { createdBy: 'CMD' },
    ]);
    expect(out.map((h) => h.created)).toEqual(['base', 't1', 't1', 't1']);
    expect(fillHistoryTimes([{ created: 'base' }, { createdBy: 'CMD' }]).map((h) => h.created)).toEqual(['base', 'base']);
  });
});

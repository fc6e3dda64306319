import { describe, expect, it } from 'vitest';
import { cleanPath, isIgnored, parseDockerignore } from './dockerignore.ts';

const ignored = (patterns: string, path: string) => isIgnored(parseDockerignore(patterns), path);

describe('.dockerignore (moby/patternmatcher)', () => {
  it('reads lines like dockerignore.ReadAll', () => {
    expect(parseDockerignore('# comment\n  *.log  \n\n!keep.log\n/abs/path\n./x/../y\n').map((p) => [p.exclusion, p.pattern])).toEqual([
      [false, '*.log'], [true, 'keep.log'], [false, 'abs/path'], [false, 'y'],
    ]);
    expect(cleanPath('a//b/./c/..')).toBe('a/b');
  });

  it('matches * and ? within one path element', () => {
    expect(ignored('*.log', 'app.log')).toBe(true);
    expect(ignored('*.log', 'logs/app.log')).toBe(false);
    expect(ignored('file?.txt', 'file1.txt')).toBe(true);
    expect(ignored('file?.txt', 'file10.txt')).toBe(false);
  });

  it('matches ** across any number of directories', () => {
    expect(ignored('**/*.log', 'app.log')).toBe(true);
    expect(ignored('**/*.log', 'a/b/c/app.log')).toBe(true);
    expect(ignored('src/**', 'src/a/b.js')).toBe(true);
    expect(ignored('src/**/test', 'src/test')).toBe(true);
    expect(ignored('src/**/test', 'src/a/b/test')).toBe(true);
  });

  it('ignores everything under an ignored directory (parent matches)', () => {
    expect(ignored('node_modules', 'node_modules/x/index.js')).toBe(true);
    expect(ignored('build', 'src/build')).toBe(false);
  });

  it('lets the last matching pattern win, with ! exceptions', () => {
    expect(ignored('*.md\n!README.md', 'README.md')).toBe(false);
    expect(ignored('*.md\n!README.md', 'CHANGES.md')).toBe(true);
    expect(ignored('*.md\n!README.md\nREADME*', 'README.md')).toBe(true);
  });

  it('escapes regexp characters that are literal in patterns', () => {
    expect(ignored('a+b.txt', 'a+b.txt')).toBe(true);
    expect(ignored('a+b.txt', 'aab.txt')).toBe(false);
  });
});

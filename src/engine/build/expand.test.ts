import { describe, expect, it } from 'vitest';
import { ExpandError, processWord, processWords } from './expand.ts';

const env = new Map([['A', '1'], ['NAME', 'two words'], ['EMPTY', '']]);

describe('variable substitution (BuildKit shell lexer)', () => {
  it('replaces $VAR and ${VAR}, removing quotes', () => {
    expect(processWord('$A-${A}', env)).toBe('1-1');
    expect(processWord('"$NAME"', env)).toBe('two words');
    expect(processWord("'$A'", env)).toBe('$A');
    expect(processWord('\\$A', env)).toBe('$A');
    expect(processWord('$UNSET.x', env)).toBe('.x');
    expect(processWord('cost: $5', env)).toBe('cost: $5');
  });

  it('supports the modifiers', () => {
    expect(processWord('${UNSET:-dflt}', env)).toBe('dflt');
    expect(processWord('${EMPTY:-dflt}', env)).toBe('dflt');
    expect(processWord('${EMPTY-dflt}', env)).toBe('');
    expect(processWord('${A:+set}', env)).toBe('set');
    expect(processWord('${UNSET:+set}', env)).toBe('');
    expect(processWord('${UNSET:-$A}', env)).toBe('1');
    expect(() => processWord('${UNSET:?must be set}', env)).toThrow(ExpandError);
  });

  it('splits words on unquoted whitespace, also inside values', () => {
    expect(processWords('a $NAME "b c"', env)).toEqual(['a', 'two', 'words', 'b c']);
  });

  it('uses the escape directive character', () => {
    expect(processWord('`$A', env, '`')).toBe('$A');
  });

  it('reports unterminated quotes', () => {
    expect(() => processWord('"abc', env)).toThrow('unexpected end of statement while looking for matching double-quote');
  });
});

import { containsPattern, SqlParams, whereSql } from './sql';

describe('SqlParams', () => {
  it('numbers placeholders in order and keeps the values apart from the SQL', () => {
    const p = new SqlParams();
    expect(p.add('x')).toBe('$1');
    expect(p.add(2)).toBe('$2');
    expect(p.values).toEqual(['x', 2]);
  });
});

describe('whereSql', () => {
  it('joins conditions with AND and is empty without any', () => {
    expect(whereSql([])).toBe('');
    expect(whereSql(['a = $1', 'b = $2'])).toBe('WHERE a = $1 AND b = $2');
  });
});

describe('containsPattern', () => {
  it('wraps the text in % and escapes LIKE wildcards and the escape character', () => {
    expect(containsPattern('155')).toBe('%155%');
    expect(containsPattern('50%_a\\b')).toBe('%50\\%\\_a\\\\b%');
  });
});

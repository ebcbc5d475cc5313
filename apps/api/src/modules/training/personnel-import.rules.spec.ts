import { listedTwice, parsePersonnelCsv, validatePersonRecord } from './personnel-import.rules';

describe('personnel import rules', () => {
  const units = new Map([['u-1', '00000000-0000-4000-8000-000000000001']]);

  it('parses with line numbers and refuses an incomplete header', () => {
    const ok = parsePersonnelCsv(
      '\uFEFFservice_number,full_name,rank,unit\r\n\r\nUA-1001,"Melnyk, Taras",Private,U-1\n',
    );
    expect(ok.errors).toEqual([]);
    expect(ok.records).toEqual([
      { line: 3, values: { service_number: 'UA-1001', full_name: 'Melnyk, Taras', rank: 'Private', unit: 'U-1' } },
    ]);
    const bad = parsePersonnelCsv('service_number,full_name,name\n');
    expect(bad.errors.map((e) => [e.column, e.code])).toEqual([
      ['name', 'unknown_column'],
      ['rank', 'missing_column'],
      ['unit', 'missing_column'],
    ]);
    expect(parsePersonnelCsv('').errors[0].code).toBe('empty_file');
  });

  it('checks each field and the unit, naming the column', () => {
    const values = { service_number: 'a!', full_name: '', rank: 'Private', unit: 'nope' };
    const { row, errors } = validatePersonRecord({ line: 4, values }, units);
    expect(row).toBeNull();
    expect(errors.map((e) => [e.line, e.column, e.code])).toEqual([
      [4, 'service_number', 'service_number_chars'],
      [4, 'full_name', 'required'],
      [4, 'unit', 'unknown_reference'],
    ]);
    const good = validatePersonRecord(
      { line: 2, values: { service_number: 'ua-1001', full_name: 'Taras', rank: 'Private', unit: ' U-1 ' } },
      units,
    );
    expect(good.row).toEqual({
      line: 2,
      serviceNumber: 'UA-1001',
      fullName: 'Taras',
      rank: 'Private',
      unitId: units.get('u-1'),
    });
  });

  it('names the earlier line of a service number listed twice', () => {
    const row = (line: number, serviceNumber: string) => ({
      line,
      serviceNumber,
      fullName: 'X Y',
      rank: 'P',
      unitId: null,
    });
    expect(listedTwice([row(2, 'UA-1'), row(3, 'UA-2'), row(4, 'UA-1')])).toEqual([
      expect.objectContaining({ line: 4, column: 'service_number', code: 'listed_twice', params: { line: 2 } }),
    ]);
  });
});

import { systemImportColumns } from '@jv/contracts';
import {
  type CsvRecord,
  duplicatesInFile,
  headerErrors,
  type ImportRefs,
  parseSystemsCsv,
  referencedKeys,
  sortErrors,
  validateRecord,
} from './systems-import.rules';
import { csvHeader } from '../../common/csv';
import { systemExportColumns } from './systems-export';

const HEADER = systemImportColumns.join(',');
const refs: ImportRefs = {
  models: new Map([['th-155/52', 'model-a']]),
  partners: new Map([['fr', 'partner-fr']]),
  units: new Map([['art-101', 'unit-1']]),
  facilities: new Map([['ws-lv-01', 'facility-1']]),
};
const record = (over: Partial<CsvRecord['values']> = {}, line = 2): CsvRecord => ({
  line,
  values: {
    model: 'TH-155/52',
    serial_number: 'TH155-0001',
    donor_partner: 'FR',
    unit: '',
    facility: '',
    status: '',
    total_efc: '',
    barrel_efc: '',
    barrel_serial: '',
    notes: '',
    delivered_on: '',
    ...over,
  },
});

describe('systems CSV import rules', () => {
  describe('parseSystemsCsv', () => {
    it(
      'numbers records by the line they start on (header = 1), ' +
        'across quoted line breaks, blank lines, CRLF and a BOM',
      () => {
        const text =
          `\uFEFF${HEADER}\r\nTH-155/52,A-1,FR,,,,,,,"two\r\nlines"\r\n\r\n` +
          'TH-155/52,A-2,FR,,,,,,,\r\nTH-155/52,A-3,FR,,,,,,,';
        const { records, errors } = parseSystemsCsv(text);
        expect(errors).toEqual([]);
        expect(records.map((r) => [r.line, r.values.serial_number])).toEqual([
          [2, 'A-1'],
          [5, 'A-2'],
          [6, 'A-3'],
        ]);
        expect(records[0].values.notes).toBe('two\nlines');
      },
    );

    it('accepts the columns in any order and trims values', () => {
      const cols = [...systemImportColumns].reverse();
      const { records } = parseSystemsCsv(
        `${cols.join(',')}\n${cols.map((c) => (c === 'serial_number' ? ' S-1 ' : '')).join(',')}`,
      );
      expect(records[0].values.serial_number).toBe('S-1');
    });

    it('reports a bad header on line 1 and no records; an empty file needs a header', () => {
      const bad = parseSystemsCsv('model,serial,notes,notes\nx,y,z,w');
      expect(bad.records).toEqual([]);
      expect(bad.errors.map((e) => [e.line, e.column])).toEqual(
        expect.arrayContaining([
          [1, 'serial'],
          [1, 'notes'],
          [1, 'serial_number'],
          [1, 'status'],
        ]),
      );
      expect(parseSystemsCsv('').errors).toEqual([
        { line: 1, column: null, code: 'empty_file', message: expect.stringMatching(/header/) },
      ]);
      expect(headerErrors([...systemImportColumns])).toEqual([]);
    });

    it('accepts a header without the optional delivered_on column (files from before it existed)', () => {
      const old = systemImportColumns.filter((c) => c !== 'delivered_on');
      expect(headerErrors(old)).toEqual([]);
      const { records, errors } = parseSystemsCsv(`${old.join(',')}\nTH-155/52,A-1,FR,,,,,,,`);
      expect(errors).toEqual([]);
      expect(records[0].values.delivered_on).toBe('');
      expect(headerErrors(old.filter((c) => c !== 'notes')).map((e) => e.column)).toEqual(['notes']);
    });

    it('reports an unterminated quote and extra fields on the row they belong to', () => {
      const { errors } = parseSystemsCsv(`${HEADER}\nTH-155/52,A-1,FR,,,,,,,,,extra\nTH-155/52,"A-2,FR`);
      expect(sortErrors(errors).map((e) => e.line)).toEqual([2, 3]);
    });
  });

  describe('validateRecord', () => {
    it('resolves references case-insensitively and applies defaults (operational, 0 EFC, nulls)', () => {
      expect(
        validateRecord(
          record({ model: 'th-155/52', donor_partner: 'fr', unit: 'Art-101', facility: 'WS-LV-01' }),
          refs,
        ),
      ).toEqual({
        errors: [],
        row: {
          line: 2,
          modelId: 'model-a',
          serialNumber: 'TH155-0001',
          donorPartnerId: 'partner-fr',
          unitId: 'unit-1',
          facilityId: 'facility-1',
          status: 'operational',
          totalEfc: 0,
          barrelEfc: 0,
          barrelSerial: null,
          notes: null,
          deliveredOn: null,
        },
      });
      expect(
        validateRecord(record({ status: 'Written_Off', total_efc: '10.5', barrel_efc: '10.5' }), refs).row,
      ).toMatchObject({
        status: 'written_off',
        totalEfc: 10.5,
        barrelEfc: 10.5,
      });
    });

    it(
      'names each bad column: required fields, unknown references, status, numbers, ' + 'barrel > total, serial format',
      () => {
        const cols = (over: Partial<CsvRecord['values']>) =>
          validateRecord(record(over), refs)
            .errors.map((e) => e.column)
            .sort();
        expect(cols({ model: '', serial_number: '', donor_partner: '' })).toEqual([
          'donor_partner',
          'model',
          'serial_number',
        ]);
        expect(cols({ model: 'Nope', donor_partner: 'ZZ', unit: 'X', facility: 'Y' })).toEqual([
          'donor_partner',
          'facility',
          'model',
          'unit',
        ]);
        expect(cols({ status: 'broken' })).toEqual(['status']);
        expect(cols({ total_efc: '-1', barrel_efc: '1,5' })).toEqual(['barrel_efc', 'total_efc']);
        expect(cols({ total_efc: '1.234' })).toEqual(['total_efc']);
        expect(cols({ total_efc: '2000000' })).toEqual(['total_efc']);
        expect(cols({ total_efc: '10', barrel_efc: '20' })).toEqual(['barrel_efc']);
        expect(cols({ serial_number: '-x y', barrel_serial: 'b a d' })).toEqual(['barrel_serial', 'serial_number']);
        expect(cols({ notes: 'x'.repeat(2001) })).toEqual(['notes']);
        expect(cols({ delivered_on: '14.03.2025' })).toEqual(['delivered_on']);
        expect(cols({ delivered_on: '2025-02-30' })).toEqual(['delivered_on']);
        expect(validateRecord(record({ delivered_on: '2025-03-14' }), refs).row?.deliveredOn).toBe('2025-03-14');
        expect(validateRecord(record({ status: 'broken' }), refs).row).toBeNull();
        expect(validateRecord(record({ status: 'broken' }, 7), refs).errors[0].line).toBe(7);
      },
    );
  });

  it('finds repeated serials of one model within the file, naming the first line', () => {
    const row = (line: number, serialNumber: string, modelId = 'm1') => ({
      ...validateRecord(record({ serial_number: serialNumber }, line), refs).row!,
      modelId,
    });
    const errors = duplicatesInFile([row(2, 'A'), row(3, 'B'), row(4, 'A'), row(5, 'A', 'm2'), row(6, 'A')]);
    expect(errors.map((e) => [e.line, e.column])).toEqual([
      [4, 'serial_number'],
      [6, 'serial_number'],
    ]);
    expect(errors[0]).toMatchObject({ code: 'serial_repeats', params: { line: 2 } });
  });

  it('collects the distinct references a file uses, normalised', () => {
    expect(
      referencedKeys([record({ donor_partner: 'FR' }), record({ donor_partner: ' fr ', unit: 'ART-101' })]),
    ).toEqual({
      models: ['th-155/52'],
      partners: ['fr'],
      units: ['art-101'],
      facilities: [],
    });
  });

  it('sorts errors by line then column', () => {
    expect(
      sortErrors([
        { line: 3, column: 'unit', code: 'required', message: '' },
        { line: 1, column: null, code: 'empty_file', message: '' },
        { line: 3, column: 'model', code: 'required', message: '' },
      ]).map((e) => `${e.line}:${e.column}`),
    ).toEqual(['1:null', '3:model', '3:unit']);
  });

  it('exports the import columns plus the computed ones', () => {
    expect(csvHeader(systemExportColumns)).toBe(`${HEADER},readiness,barrel_wear_percent,barrel_forecast_date\r\n`);
  });
});

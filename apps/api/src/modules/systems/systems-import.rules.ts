import {
  createSystemInputSchema,
  type FieldRuleCode,
  optionalSystemImportColumns,
  systemImportColumns,
} from '@jv/contracts';
import { type SystemStatus, systemStatuses } from '@jv/domain';
import {
  csvHeaderErrors,
  type CsvRecord as GenericCsvRecord,
  type ImportRowError,
  type ParsedCsv as GenericParsedCsv,
  parseCsvImport,
  refKey,
  sortErrors,
} from '../../common/csv-import';

/*
 * The CSV import of systems, as pure functions: parsing with line numbers, the header, each row's
 * fields and references, and duplicate serials within the file. The service adds the database checks.
 */

export type ImportColumn = (typeof systemImportColumns)[number];
export type { ImportRowError };
export type CsvRecord = GenericCsvRecord<ImportColumn>;
export type ParsedCsv = GenericParsedCsv<ImportColumn>;

/** References by their CSV spelling, normalised with `refKey`, to ids (and the model's barrel life). */
export interface ImportRefs {
  models: Map<string, string>;
  partners: Map<string, string>;
  units: Map<string, string>;
  facilities: Map<string, string>;
}

export { refKey, sortErrors };

export interface ImportRow {
  line: number;
  modelId: string;
  serialNumber: string;
  donorPartnerId: string;
  unitId: string | null;
  facilityId: string | null;
  status: SystemStatus;
  totalEfc: number;
  barrelEfc: number;
  barrelSerial: string | null;
  notes: string | null;
  deliveredOn: string | null;
}

const shape = createSystemInputSchema.shape;
const NUMBER = /^\d+(\.\d{1,2})?$/;

/** Reads the systems CSV with line numbers and checks its header (`delivered_on` may be left out). */
export const parseSystemsCsv = (input: string): ParsedCsv =>
  parseCsvImport(input, systemImportColumns, optionalSystemImportColumns);

/** The header must name every import column once and nothing else (any order); `delivered_on` is optional. */
export const headerErrors = (names: string[], line = 1): ImportRowError[] =>
  csvHeaderErrors(names, systemImportColumns, optionalSystemImportColumns, line);

/** Checks one record's fields and resolves its references; a row with any error yields no row. */
export function validateRecord(
  { line, values: v }: CsvRecord,
  refs: ImportRefs,
): { row: ImportRow | null; errors: ImportRowError[] } {
  const errors: ImportRowError[] = [];
  const fail = (column: ImportColumn, code: FieldRuleCode, message: string, params?: Record<string, unknown>) => {
    errors.push({ line, column, code, message, ...(params ? { params } : {}) });
  };
  const required = (column: ImportColumn, what: string) => {
    if (!v[column]) fail(column, 'required', `${what} is required`);
    return v[column];
  };
  const ref = (column: ImportColumn, map: Map<string, string>, what: string): string | null => {
    if (!v[column]) return null;
    const id = map.get(refKey(v[column]));
    if (!id) fail(column, 'unknown_reference', `Unknown ${what} "${v[column]}"`, { value: v[column] });
    return id ?? null;
  };

  const modelId = required('model', 'The model') ? ref('model', refs.models, 'model') : null;
  const serial = required('serial_number', 'The serial number');
  if (serial) {
    const parsed = shape.serialNumber.safeParse(serial);
    if (!parsed.success)
      fail('serial_number', 'serial_chars', 'Invalid serial number: letters, digits, dots, slashes or dashes');
  }
  const donorPartnerId = required('donor_partner', 'The donor partner')
    ? ref('donor_partner', refs.partners, 'partner code')
    : null;
  const unitId = ref('unit', refs.units, 'unit code');
  const facilityId = ref('facility', refs.facilities, 'facility code');
  const status = (v.status ? v.status.toLowerCase() : 'operational') as SystemStatus;
  if (!systemStatuses.includes(status)) {
    fail('status', 'unknown_status', `Unknown status "${v.status}"; expected one of ${systemStatuses.join(', ')}`, {
      value: v.status,
      expected: systemStatuses.join(', '),
    });
  }
  const efc = (column: 'total_efc' | 'barrel_efc'): number => {
    if (!v[column]) return 0;
    if (!NUMBER.test(v[column]) || Number(v[column]) > 1_000_000) {
      fail(column, 'efc_format', 'Expected a number from 0 to 1000000 with at most 2 decimals (e.g. 1250.5)');
      return NaN;
    }
    return Number(v[column]);
  };
  const totalEfc = efc('total_efc');
  const barrelEfc = efc('barrel_efc');
  if (barrelEfc > totalEfc) fail('barrel_efc', 'barrel_efc_over_total', 'Barrel EFC cannot exceed total EFC');
  const barrelSerial = v.barrel_serial || null;
  if (barrelSerial && !shape.serialNumber.safeParse(barrelSerial).success)
    fail('barrel_serial', 'serial_chars', 'Invalid barrel serial: letters, digits, dots, slashes or dashes');
  const notes = v.notes || null;
  if (notes && notes.length > 2000) fail('notes', 'too_long', 'Notes are at most 2000 characters', { maximum: 2000 });
  const deliveredOn = v.delivered_on || null;
  if (deliveredOn && !shape.deliveredOn.safeParse(deliveredOn).success)
    fail('delivered_on', 'invalid_format', 'Expected a date as YYYY-MM-DD (e.g. 2025-03-14)', { format: 'date' });

  if (errors.length || !modelId || !donorPartnerId) return { row: null, errors };
  return {
    row: {
      line,
      modelId,
      serialNumber: serial,
      donorPartnerId,
      unitId,
      facilityId,
      status,
      totalEfc,
      barrelEfc,
      barrelSerial,
      notes,
      deliveredOn,
    },
    errors,
  };
}

/** A serial number may appear once per model in the file; each repeat names the line it repeats. */
export function duplicatesInFile(rows: ImportRow[]): ImportRowError[] {
  const first = new Map<string, number>();
  const errors: ImportRowError[] = [];
  for (const r of rows) {
    const key = `${r.modelId}\u0000${r.serialNumber}`;
    const at = first.get(key);
    if (at !== undefined) {
      errors.push({
        line: r.line,
        column: 'serial_number',
        code: 'serial_repeats',
        params: { serial: r.serialNumber, line: at },
        message: `Serial number ${r.serialNumber} repeats line ${at} for the same model`,
      });
    } else first.set(key, r.line);
  }
  return errors;
}

/** The distinct reference spellings a file uses, per kind (to look them up in one query each). */
export function referencedKeys(records: CsvRecord[]): Record<keyof ImportRefs, string[]> {
  const collect = (c: ImportColumn) => [
    ...new Set(
      records
        .map((r) => r.values[c])
        .filter(Boolean)
        .map(refKey),
    ),
  ];
  return {
    models: collect('model'),
    partners: collect('donor_partner'),
    units: collect('unit'),
    facilities: collect('facility'),
  };
}

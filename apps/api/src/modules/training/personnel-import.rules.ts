import { createPersonInputSchema, type FieldRuleCode, personnelImportColumns } from '@jv/contracts';
import {
  type CsvRecord,
  type ImportRowError,
  type ParsedCsv,
  parseCsvImport,
  refKey,
  sortErrors,
} from '../../common/csv-import';

/*
 * The CSV import of personnel, as pure functions: parsing with line numbers, the header, each row's
 * fields and unit, and service numbers listed twice in the file. The service adds the database checks.
 */

export type PersonnelColumn = (typeof personnelImportColumns)[number];
export type PersonnelRecord = CsvRecord<PersonnelColumn>;

export interface PersonnelImportRow {
  line: number;
  serviceNumber: string;
  fullName: string;
  rank: string;
  unitId: string | null;
}

export { refKey, sortErrors, type ImportRowError };

const shape = createPersonInputSchema.shape;
const MAX = { full_name: 160, rank: 60 } as const;

/** Reads the personnel CSV with line numbers and checks its header. */
export const parsePersonnelCsv = (input: string): ParsedCsv<PersonnelColumn> =>
  parseCsvImport(input, personnelImportColumns);

/** Checks one record's fields and resolves its unit; a row with any error yields no row. */
export function validatePersonRecord(
  { line, values: v }: PersonnelRecord,
  units: Map<string, string>,
): { row: PersonnelImportRow | null; errors: ImportRowError[] } {
  const errors: ImportRowError[] = [];
  const fail = (column: PersonnelColumn, code: FieldRuleCode, message: string, params?: Record<string, unknown>) =>
    errors.push({ line, column, code, message, ...(params ? { params } : {}) });
  const required = (column: PersonnelColumn, what: string) => {
    if (!v[column]) fail(column, 'required', `${what} is required`);
    return v[column];
  };
  const serviceNumber = required('service_number', 'The service number').toUpperCase();
  if (serviceNumber && !shape.serviceNumber.safeParse(serviceNumber).success)
    fail('service_number', 'service_number_chars', 'Invalid service number: 4–20 letters, digits or dashes');
  const fullName = required('full_name', 'The full name');
  const rank = required('rank', 'The rank');
  for (const column of ['full_name', 'rank'] as const)
    if (v[column].length > MAX[column])
      fail(column, 'too_long', `At most ${MAX[column]} characters`, { maximum: MAX[column] });
  if (fullName && fullName.length < 2) fail('full_name', 'too_small', 'At least 2 characters', { minimum: 2 });
  let unitId: string | null = null;
  if (v.unit) {
    unitId = units.get(refKey(v.unit)) ?? null;
    if (!unitId) fail('unit', 'unknown_reference', `Unknown unit code "${v.unit}"`, { value: v.unit });
  }
  if (errors.length) return { row: null, errors };
  return { row: { line, serviceNumber, fullName, rank, unitId }, errors };
}

/** A service number may appear once in the file; each repeat names the line it repeats. */
export function listedTwice(rows: PersonnelImportRow[]): ImportRowError[] {
  const first = new Map<string, number>();
  const errors: ImportRowError[] = [];
  for (const r of rows) {
    const at = first.get(r.serviceNumber);
    if (at === undefined) first.set(r.serviceNumber, r.line);
    else
      errors.push({
        line: r.line,
        column: 'service_number',
        code: 'listed_twice',
        params: { line: at },
        message: `Service number ${r.serviceNumber} repeats line ${at}`,
      });
  }
  return errors;
}

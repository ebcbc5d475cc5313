import {
  createPersonInputSchema,
  type FieldRuleCode,
  personnelImportColumns,
  type SystemImportResult,
} from '@jv/contracts';
import Papa from 'papaparse';

/*
 * The CSV import of personnel, as pure functions: parsing with line numbers, the header, each row's
 * fields and unit, and service numbers listed twice in the file. The service adds the database checks.
 */

export type PersonnelColumn = (typeof personnelImportColumns)[number];
export type ImportRowError = SystemImportResult['errors'][number];

export interface PersonnelRecord {
  /** the line the record starts on (the header is line 1) */
  line: number;
  values: Record<PersonnelColumn, string>;
}

export interface PersonnelImportRow {
  line: number;
  serviceNumber: string;
  fullName: string;
  rank: string;
  unitId: string | null;
}

/** How a unit code is matched: trimmed and case-insensitive. */
export const refKey = (s: string) => s.trim().toLowerCase();

const shape = createPersonInputSchema.shape;
const MAX = { full_name: 160, rank: 60 } as const;

/**
 * Parses the CSV text (comma separated, quotes as RFC 4180, BOM and CRLF tolerated). Each record carries
 * the line it starts on, also after quoted fields spanning lines. Blank lines are skipped.
 */
export function parsePersonnelCsv(input: string): { records: PersonnelRecord[]; errors: ImportRowError[] } {
  const text = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const rows: Array<{ line: number; fields: string[] }> = [];
  const errors: ImportRowError[] = [];
  let line = 1;
  let consumed = 0;
  Papa.parse<string[]>(text, {
    delimiter: ',',
    newline: '\n',
    quoteChar: '"',
    step: (result) => {
      const start = line;
      const end = result.meta.cursor;
      for (let i = consumed; i < end; i++) if (text.charCodeAt(i) === 10) line++;
      consumed = end;
      for (const e of result.errors)
        errors.push({
          line: start,
          column: null,
          code: 'csv_parse',
          params: { detail: e.message },
          message: `CSV: ${e.message}`,
        });
      const fields = result.data;
      if (fields.length === 1 && fields[0].trim() === '') return;
      rows.push({ line: start, fields });
    },
  });
  if (rows.length === 0)
    return {
      records: [],
      errors: [{ line: 1, column: null, code: 'empty_file', message: 'The file is empty: a header row is required' }],
    };
  const [header, ...data] = rows;
  const names = header.fields.map((h) => h.trim().toLowerCase());
  errors.push(...headerErrors(names, header.line));
  if (errors.some((e) => e.line === header.line)) return { records: [], errors };
  const records = data.map(({ line: at, fields }) => {
    const values = Object.fromEntries(personnelImportColumns.map((c) => [c, ''])) as Record<PersonnelColumn, string>;
    names.forEach((name, i) => {
      values[name as PersonnelColumn] = (fields[i] ?? '').trim();
    });
    if (fields.length > names.length && fields.slice(names.length).some((f) => f.trim() !== ''))
      errors.push({
        line: at,
        column: null,
        code: 'field_count',
        params: { fields: fields.length, expected: names.length },
        message: `The row has ${fields.length} fields; the header has ${names.length}`,
      });
    return { line: at, values };
  });
  return { records, errors };
}

/** The header must name every column once and nothing else (any order). */
export function headerErrors(names: string[], line = 1): ImportRowError[] {
  const errors: ImportRowError[] = [];
  const known = new Set<string>(personnelImportColumns);
  const expected = personnelImportColumns.join(', ');
  const seen = new Set<string>();
  for (const n of names) {
    if (!known.has(n))
      errors.push({
        line,
        column: n || null,
        code: 'unknown_column',
        params: { name: n, expected },
        message: `Unknown column "${n}"; expected ${expected}`,
      });
    else if (seen.has(n))
      errors.push({
        line,
        column: n,
        code: 'column_twice',
        params: { name: n },
        message: `Column "${n}" appears twice`,
      });
    seen.add(n);
  }
  for (const c of personnelImportColumns)
    if (!seen.has(c))
      errors.push({ line, column: c, code: 'missing_column', params: { name: c }, message: `Missing column "${c}"` });
  return errors;
}

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

/** Errors ordered by line, then column (file errors first). */
export const sortErrors = (errors: ImportRowError[]): ImportRowError[] =>
  [...errors].sort((a, b) => a.line - b.line || (a.column ?? '').localeCompare(b.column ?? ''));

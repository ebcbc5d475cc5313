import type { SystemImportResult } from '@jv/contracts';
import Papa from 'papaparse';

/**
 * The CSV imports (systems, personnel) as pure functions: the file read with each record's line
 * number and the header checked against the import's columns. Each import validates its own rows.
 */

export type ImportRowError = SystemImportResult['errors'][number];

export interface CsvRecord<C extends string> {
  /** the line the record starts on (the header is line 1) */
  line: number;
  values: Record<C, string>;
}

export interface ParsedCsv<C extends string> {
  records: Array<CsvRecord<C>>;
  /** problems with the file itself or its header (line 1), and rows with too many fields */
  errors: ImportRowError[];
}

/** How a reference is matched: trimmed and case-insensitive (designation, ISO code, unit or facility code). */
export const refKey = (s: string) => s.trim().toLowerCase();

/**
 * The header must name every column once and nothing else (any order); `optional` columns may be left
 * out, so files written before they existed stay valid.
 */
export function csvHeaderErrors(
  names: string[],
  columns: readonly string[],
  optional: readonly string[] = [],
  line = 1,
): ImportRowError[] {
  const errors: ImportRowError[] = [];
  const known = new Set<string>(columns);
  const expected = columns.join(', ');
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
  for (const c of columns) {
    if (!seen.has(c) && !optional.includes(c))
      errors.push({ line, column: c, code: 'missing_column', params: { name: c }, message: `Missing column "${c}"` });
  }
  return errors;
}

/**
 * Parses CSV text (comma separated, quotes as RFC 4180, BOM and CRLF tolerated) into records keyed by
 * the import's columns. Each record carries the line it starts on, also after quoted fields spanning
 * lines. Blank lines are skipped; a bad header yields no records.
 */
export function parseCsvImport<C extends string>(
  input: string,
  columns: readonly C[],
  optional: readonly C[] = [],
): ParsedCsv<C> {
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
      // the cursor points past the row and its line break: the line breaks up to it give the next row's line
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
  errors.push(...csvHeaderErrors(names, columns, optional, header.line));
  if (errors.some((e) => e.line === header.line)) return { records: [], errors };
  const records = data.map(({ line: at, fields }) => {
    const values = Object.fromEntries(columns.map((c) => [c, ''])) as Record<C, string>;
    names.forEach((name, i) => {
      values[name as C] = (fields[i] ?? '').trim();
    });
    if (fields.length > names.length && fields.slice(names.length).some((f) => f.trim() !== '')) {
      errors.push({
        line: at,
        column: null,
        code: 'field_count',
        params: { fields: fields.length, expected: names.length },
        message: `The row has ${fields.length} fields; the header has ${names.length}`,
      });
    }
    return { line: at, values };
  });
  return { records, errors };
}

/** Row errors in file order: by line, then by column. */
export const sortErrors = (errors: ImportRowError[]): ImportRowError[] =>
  [...errors].sort((a, b) => a.line - b.line || (a.column ?? '').localeCompare(b.column ?? ''));

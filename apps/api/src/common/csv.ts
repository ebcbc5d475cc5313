import type { Response } from 'express';
import { once } from 'node:events';
import Papa from 'papaparse';
import { rootLogger } from './logger';

/** One CSV record: its cells in column order. */
export type CsvCells = Array<string | number>;

/** The header line of a CSV file. */
export const csvHeader = (columns: readonly string[]): string =>
  `${Papa.unparse([[...columns]], { newline: '\r\n' })}\r\n`;

/** A text cell a spreadsheet would run as a formula: = + - @, tab or CR first, after any whitespace. */
const FORMULA_START = /^\s*[=+\-@\t\r]/;

/**
 * Neutralises a text cell that a spreadsheet would run as a formula (a leading quote), whatever follows
 * (newlines included: papaparse's own escapeFormulae misses a formula whose cell contains a newline).
 * Numbers are written as they are.
 */
export const neutraliseCell = (cell: string | number): string | number =>
  typeof cell === 'string' && FORMULA_START.test(cell) ? `'${cell}` : cell;

/** CSV lines of some records (RFC 4180 quoting by papaparse; formula-like text cells neutralised). */
export function toCsvLines(records: CsvCells[]): string {
  if (records.length === 0) return '';
  const safe = records.map((cells) => cells.map(neutraliseCell));
  // a neutralised cell is quoted, as papaparse's own escapeFormulae did
  const quotes = (v: unknown) => typeof v === 'string' && v.startsWith("'");
  return `${Papa.unparse(safe, { newline: '\r\n', quotes })}\r\n`;
}

export interface CsvDownload<T> {
  /** the file name the browser saves it as */
  filename: string;
  columns: readonly string[];
  /** the rows in batches (keyset pages), read one at a time */
  batches: AsyncIterable<T[]>;
  toCells: (item: T) => CsvCells;
  /** what is exported, for the log line when streaming fails */
  what: string;
}

/**
 * Streams a CSV download: UTF-8 BOM (so spreadsheets read Cyrillic right), the header, then each batch
 * as it comes, waiting for the socket to drain between writes. The first batch is read before anything
 * is sent, so an error there still answers as problem details; a later error cuts the connection (never
 * a silently short file).
 */
export async function sendCsv<T>(
  res: Response,
  { filename, columns, batches, toCells, what }: CsvDownload<T>,
): Promise<void> {
  const iterator = batches[Symbol.asyncIterator]();
  const first = await iterator.next();
  res.status(200);
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
  res.setHeader('Cache-Control', 'no-store');
  // back-pressure: wait for the socket to drain (or close, when the client went away)
  const write = async (chunk: string) => {
    if (chunk && !res.write(chunk)) await Promise.race([once(res, 'drain'), once(res, 'close')]);
  };
  try {
    await write(`\uFEFF${csvHeader(columns)}`);
    for (let batch = first; !batch.done; batch = await iterator.next()) {
      if (res.destroyed) {
        await iterator.return?.();
        return;
      }
      await write(toCsvLines(batch.value.map(toCells)));
    }
    res.end();
  } catch (err) {
    rootLogger().error({ err }, `${what} export failed while streaming`);
    res.destroy(err as Error);
  }
}

import { systemImportColumns, type SystemResponse } from '@jv/contracts';
import Papa from 'papaparse';
import type { SystemRow } from './systems.query';

/** The export's columns: the import's (so an export can be edited and imported elsewhere) plus computed ones. */
export const systemExportColumns = [...systemImportColumns, 'readiness', 'barrel_wear_percent', 'barrel_forecast_date'] as const;

/** One system as export values, references spelled as the import expects them (designation, ISO code, codes). */
export function toExportRecord(row: SystemRow, s: SystemResponse): Array<string | number> {
  return [
    s.modelDesignation, s.serialNumber, s.donorPartnerCode, row.unit_code ?? '', s.facilityCode ?? '', s.status,
    s.totalEfc, s.barrelEfc, s.barrelSerial ?? '', s.notes ?? '',
    s.readiness ?? '', Math.round(s.barrelWear * 1000) / 10, s.barrelForecastDate ?? '',
  ];
}

/** The header line of the export. */
export const csvHeader = (): string => `${Papa.unparse([[...systemExportColumns]], { newline: '\r\n' })}\r\n`;

/**
 * CSV lines of some records (RFC 4180 quoting by papaparse; text cells starting with = + - @ get a
 * leading quote so a spreadsheet never runs them as formulas).
 */
export function toCsvLines(records: Array<Array<string | number>>): string {
  if (records.length === 0) return '';
  return `${Papa.unparse(records, { newline: '\r\n', escapeFormulae: true })}\r\n`;
}

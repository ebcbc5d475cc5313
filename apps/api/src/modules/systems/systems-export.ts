import { systemImportColumns, type SystemResponse } from '@jv/contracts';
import type { CsvCells } from '../../common/csv';
import type { SystemRow } from './systems.query';

/** The export's columns: the import's (so an export can be edited and imported elsewhere) plus computed ones. */
export const systemExportColumns = [
  ...systemImportColumns,
  'readiness',
  'barrel_wear_percent',
  'barrel_forecast_date',
] as const;

/** One system as export values, references spelled as the import expects them (designation, ISO code, codes). */
export function toExportRecord(row: SystemRow, s: SystemResponse): CsvCells {
  return [
    s.modelDesignation,
    s.serialNumber,
    s.donorPartnerCode,
    row.unit_code ?? '',
    s.facilityCode ?? '',
    s.status,
    s.totalEfc,
    s.barrelEfc,
    s.barrelSerial ?? '',
    s.notes ?? '',
    s.deliveredOn ?? '',
    s.readiness ?? '',
    Math.round(s.barrelWear * 1000) / 10,
    s.barrelForecastDate ?? '',
  ];
}

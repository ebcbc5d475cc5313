import type { ComponentRequestResponse } from '@jv/contracts';
import type { CsvCells } from '../../common/csv';

/** The columns of GET /component-requests/export.csv. */
export const componentRequestExportColumns = [
  'number',
  'status',
  'priority',
  'part_number',
  'component',
  'quantity',
  'delivered',
  'remaining',
  'needed_by',
  'overdue',
  'facility_code',
  'repair_job',
  'system_serial',
  'supplier',
  'expected_on',
  'requester',
] as const;

/**
 * One request as export values: dates as YYYY-MM-DD; the requester's name (the response carries none for
 * partner users, so their export has the column empty).
 */
export function toRequestExportRecord(r: ComponentRequestResponse): CsvCells {
  return [
    r.number,
    r.status,
    r.priority,
    r.componentPartNumber,
    r.componentName,
    r.quantity,
    r.deliveredQuantity,
    r.remaining,
    r.neededBy,
    String(r.overdue),
    r.facilityCode,
    r.repairJobNumber ?? '',
    r.systemSerial ?? '',
    r.supplierPartnerCode ?? '',
    r.expectedOn ?? '',
    r.requesterName ?? '',
  ];
}

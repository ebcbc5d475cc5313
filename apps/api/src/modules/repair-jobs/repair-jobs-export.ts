import type { RepairJobResponse } from '@jv/contracts';
import type { CsvCells } from '../../common/csv';

/** The columns of GET /repair-jobs/export.csv. */
export const repairJobExportColumns = [
  'number',
  'facility_code',
  'system_serial',
  'model',
  'kind',
  'priority',
  'status',
  'opened_at',
  'due_at',
  'closed_at',
  'overdue',
  'total_hours',
  'technicians',
  'reported_fault',
  'diagnosis',
] as const;

/**
 * One job as export values: times in ISO 8601 (UTC), technicians' names joined with "; " (the response
 * already carries none for partner users, so their export has the column empty).
 */
export function toJobExportRecord(j: RepairJobResponse): CsvCells {
  return [
    j.number,
    j.facilityCode,
    j.systemSerial,
    j.modelDesignation,
    j.kind,
    j.priority,
    j.status,
    j.openedAt,
    j.dueAt,
    j.closedAt ?? '',
    String(j.overdue),
    j.totalHours,
    j.technicians.map((t) => t.displayName).join('; '),
    j.reportedFault,
    j.diagnosis ?? '',
  ];
}

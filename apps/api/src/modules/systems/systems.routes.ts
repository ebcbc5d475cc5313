import {
  changeSystemStatusInputSchema, createSystemInputSchema, createUsageReportInputSchema, exportSystemsQuerySchema, idParamSchema,
  listSystemsQuerySchema, listUsageReportsQuerySchema, pageSchema, readinessSummaryQuerySchema, readinessSummaryResponseSchema,
  systemHistoryResponseSchema, systemImportQuerySchema, systemImportResultSchema, systemResponseSchema, updateSystemInputSchema,
  usageReportResponseSchema, usageWeeklyQuerySchema, usageWeeklyResponseSchema,
} from '@jv/contracts';
import { rolesFor } from '@jv/domain';
import type { RouteDoc } from '../../openapi/route';

const tag = 'systems';
const read = rolesFor('systems', 'read');
const write = rolesFor('systems', 'write');
const scope = 'Partner users see only their country\'s systems (others are 404).';

export const systemsRoutes: RouteDoc[] = [
  { method: 'get', path: '/v1/systems', tag, roles: read, query: listSystemsQuerySchema, response: pageSchema(systemResponseSchema),
    summary: `Systems in keyset pages, sorted by serial, wear or lastChange (asc/desc). Filters: status (repeat for several), readiness, modelId, donorPartnerId, unitId, facilityId, wearAbove (percent), q (serial contains). ${scope}` },
  { method: 'get', path: '/v1/systems/readiness', tag, roles: read, query: readinessSummaryQuerySchema, response: readinessSummaryResponseSchema,
    summary: `Readiness (FMC, PMC, NMC-M, NMC-S) and availability rate per model, donor partner or unit. ${scope}` },
  { method: 'get', path: '/v1/systems/export.csv', tag, roles: read, query: exportSystemsQuerySchema,
    summary: `Every system matching the list's filters as CSV (text/csv, attachment): the import columns plus readiness, barrel_wear_percent, barrel_forecast_date. ${scope}` },
  { method: 'post', path: '/v1/systems/import', tag, roles: rolesFor('systemImport', 'write'), query: systemImportQuerySchema, response: systemImportResultSchema,
    summary: 'CSV import (body text/csv, header row: model, serial_number, donor_partner, unit, facility, status, total_efc, barrel_efc, barrel_serial, notes; references by designation / ISO code / unit code / facility code; empty = none). '
      + 'dryRun=true (default): checks every row, writes nothing, answers 200 with each bad row by line (header = line 1). '
      + 'dryRun=false: all or nothing in one transaction: 201 with `imported` when every row is valid, otherwise 200 with `imported: 0` and the errors (at most 1000 listed).' },
  { method: 'get', path: '/v1/systems/{id}', tag, roles: read, params: idParamSchema, response: systemResponseSchema,
    summary: `One system with barrel wear, firing rate (last 90 days) and the forecast date of the next barrel change. ${scope}` },
  { method: 'post', path: '/v1/systems', tag, roles: write, body: createSystemInputSchema, response: systemResponseSchema,
    summary: 'Register a system (accepts Idempotency-Key); 409 DUPLICATE on serialNumber when the model already has it; the status history starts with "registered"' },
  { method: 'patch', path: '/v1/systems/{id}', tag, roles: write, params: idParamSchema, body: updateSystemInputSchema, response: systemResponseSchema,
    summary: 'Change a system\'s registry fields (not its status); send the version you edited (409 STALE_VERSION otherwise)' },
  { method: 'post', path: '/v1/systems/{id}/status', tag, roles: rolesFor('systemStatus', 'write'), params: idParamSchema, body: changeSystemStatusInputSchema, response: systemResponseSchema, status: 200,
    summary: 'Change the status with a reason (kept in the history). written_off is final and the same status is no change: 409 INVALID_STATUS_CHANGE with `allowed`. Workshop users only for systems at their facilities (404 otherwise)' },
  { method: 'get', path: '/v1/systems/{id}/history', tag, roles: read, params: idParamSchema, response: systemHistoryResponseSchema,
    summary: `The record card, newest first: status changes, barrel changes and the last 200 usage reports, with who did them (no names for partner users). ${scope}` },
  { method: 'post', path: '/v1/systems/{id}/usage-reports', tag, roles: rolesFor('usageReports', 'write'), params: idParamSchema, body: createUsageReportInputSchema, response: usageReportResponseSchema,
    summary: 'Report rounds fired on one day (not in the future, UTC): raises total and barrel EFC. 409 DUPLICATE_USAGE_DAY for a second report of the day, 409 SYSTEM_WRITTEN_OFF for a written-off system. Workshop users only for systems at their facilities (404 otherwise)' },
  { method: 'get', path: '/v1/systems/{id}/usage-reports', tag, roles: rolesFor('usageReports', 'read'), params: idParamSchema, query: listUsageReportsQuerySchema, response: pageSchema(usageReportResponseSchema),
    summary: `Usage reports, newest day first, in keyset pages (from/to: dates, inclusive). ${scope}` },
  { method: 'get', path: '/v1/systems/{id}/usage-weekly', tag, roles: rolesFor('usageReports', 'read'), params: idParamSchema, query: usageWeeklyQuerySchema, response: usageWeeklyResponseSchema,
    summary: `Rounds and EFC per week (Monday starts), the last \`weeks\` weeks up to the current one, zero-filled, oldest first. ${scope}` },
];

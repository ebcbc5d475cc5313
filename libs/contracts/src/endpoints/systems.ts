import { idParamSchema, pageSchema } from '../common';
import { endpoint } from '../endpoint';
import {
  changeSystemStatusInputSchema,
  createSystemInputSchema,
  createUsageReportInputSchema,
  exportSystemsQuerySchema,
  listSystemsQuerySchema,
  listUsageReportsQuerySchema,
  readinessSummaryQuerySchema,
  readinessSummaryResponseSchema,
  systemHistoryResponseSchema,
  systemImportQuerySchema,
  systemImportResultSchema,
  systemResponseSchema,
  updateSystemInputSchema,
  usageReportResponseSchema,
  usageWeeklyQuerySchema,
  usageWeeklyResponseSchema,
} from '../systems';

const tag = 'systems';
const read = { resource: 'systems', action: 'read' } as const;
const write = { resource: 'systems', action: 'write' } as const;
const scope = "Partner users see only their country's systems (others are 404).";

/** Static paths (readiness, export.csv, import) come before `{id}` so that they are never read as an id. */
export const systemsEndpoints = {
  list: endpoint({
    method: 'GET',
    path: '/v1/systems',
    tag,
    permission: read,
    summary:
      'Systems in keyset pages, sorted by serial, wear or lastChange (asc/desc). ' +
      'Filters: status (repeat for several), ' +
      `readiness, modelId, donorPartnerId, unitId, facilityId, wearAbove (percent), q (serial contains). ${scope}`,
    query: listSystemsQuerySchema,
    response: pageSchema(systemResponseSchema),
  }),
  readiness: endpoint({
    method: 'GET',
    path: '/v1/systems/readiness',
    tag,
    permission: read,
    summary: `Readiness (FMC, PMC, NMC-M, NMC-S) and availability rate per model, donor partner or unit. ${scope}`,
    query: readinessSummaryQuerySchema,
    response: readinessSummaryResponseSchema,
  }),
  export: endpoint({
    method: 'GET',
    path: '/v1/systems/export.csv',
    tag,
    permission: read,
    summary:
      "Every system matching the list's filters as CSV (text/csv, attachment): the import columns plus readiness, " +
      `barrel_wear_percent, barrel_forecast_date. ${scope}`,
    query: exportSystemsQuerySchema,
    output: 'csv',
  }),
  import: endpoint({
    method: 'POST',
    path: '/v1/systems/import',
    tag,
    permission: { resource: 'systemImport', action: 'write' },
    summary:
      'CSV import (body text/csv, header row: model, serial_number, donor_partner, unit, facility, status, ' +
      'total_efc, barrel_efc, barrel_serial, notes; ' +
      'references by designation / ISO code / unit code / facility code; empty = none). ' +
      'dryRun=true (default): checks every row, writes nothing, ' +
      'answers 200 with each bad row by line (header = line 1). ' +
      'dryRun=false: all or nothing in one transaction: 201 with `imported` when every row is valid, ' +
      'otherwise 200 with `imported: 0` and the errors (at most 1000 listed).',
    query: systemImportQuerySchema,
    bodyType: 'csv',
    response: systemImportResultSchema,
    status: 200,
    errors: ['UNSUPPORTED_MEDIA_TYPE', 'PAYLOAD_TOO_LARGE'],
  }),
  get: endpoint({
    method: 'GET',
    path: '/v1/systems/{id}',
    tag,
    permission: read,
    summary:
      'One system with barrel wear, firing rate (last 90 days) and the forecast date of the next barrel change. ' +
      scope,
    params: idParamSchema,
    response: systemResponseSchema,
    errors: ['NOT_FOUND'],
  }),
  create: endpoint({
    method: 'POST',
    path: '/v1/systems',
    tag,
    permission: write,
    summary:
      'Register a system (accepts Idempotency-Key); 409 DUPLICATE on serialNumber when the model already has it; ' +
      'the status history starts with "registered"',
    body: createSystemInputSchema,
    response: systemResponseSchema,
    idempotent: true,
    errors: ['DUPLICATE'],
  }),
  update: endpoint({
    method: 'PATCH',
    path: '/v1/systems/{id}',
    tag,
    permission: write,
    summary:
      "Change a system's registry fields (not its status); send the version you edited (409 STALE_VERSION otherwise)",
    params: idParamSchema,
    body: updateSystemInputSchema,
    response: systemResponseSchema,
    errors: ['NOT_FOUND', 'STALE_VERSION', 'DUPLICATE'],
  }),
  changeStatus: endpoint({
    method: 'POST',
    path: '/v1/systems/{id}/status',
    tag,
    permission: { resource: 'systemStatus', action: 'write' },
    summary:
      'Change the status with a reason (kept in the history). written_off is final and the same status is no change: ' +
      '409 INVALID_STATUS_CHANGE; while a repair job is open the status follows the job (409 STATUS_FOLLOWS_JOB); ' +
      'back to operational from degraded, in_repair or awaiting_parts only through a repair job and its four-eyes ' +
      'sign-off (409 STATUS_NEEDS_REPAIR_JOB). Writing off takes two people: the first call records the request ' +
      '(status unchanged, `writeOffRequest` set), a second person writing it off confirms it; the one who asked ' +
      'cannot (409 FOUR_EYES); any other status change drops the request. ' +
      'Workshop users only for systems at their facilities (404 otherwise)',
    params: idParamSchema,
    body: changeSystemStatusInputSchema,
    response: systemResponseSchema,
    status: 200,
    errors: [
      'NOT_FOUND',
      'STALE_VERSION',
      'INVALID_STATUS_CHANGE',
      'STATUS_FOLLOWS_JOB',
      'STATUS_NEEDS_REPAIR_JOB',
      'FOUR_EYES',
    ],
  }),
  history: endpoint({
    method: 'GET',
    path: '/v1/systems/{id}/history',
    tag,
    permission: read,
    summary:
      'The record card, newest first: status changes, barrel changes and the last 200 usage reports, ' +
      `with who did them (no names for partner users). ${scope}`,
    params: idParamSchema,
    response: systemHistoryResponseSchema,
    errors: ['NOT_FOUND'],
  }),
  label: endpoint({
    method: 'GET',
    path: '/v1/systems/{id}/label.svg',
    tag,
    permission: read,
    summary:
      'A printable label (image/svg+xml, 62 × 29 mm): a QR code of the system page in the web app ' +
      '(PUBLIC_URL/systems/{id}: no secrets) beside the serial number, model and donor country. ' +
      scope,
    params: idParamSchema,
    output: 'svg',
    errors: ['NOT_FOUND'],
  }),
  createUsageReport: endpoint({
    method: 'POST',
    path: '/v1/systems/{id}/usage-reports',
    tag,
    permission: { resource: 'usageReports', action: 'write' },
    summary:
      'Report rounds fired on one day (not in the future, UTC): raises total and barrel EFC. ' +
      '409 DUPLICATE_USAGE_DAY for a second report of the day, 409 SYSTEM_WRITTEN_OFF for a written-off system. ' +
      'Workshop users only for systems at their facilities (404 otherwise)',
    params: idParamSchema,
    body: createUsageReportInputSchema,
    response: usageReportResponseSchema,
    idempotent: true,
    errors: ['NOT_FOUND', 'DUPLICATE_USAGE_DAY', 'SYSTEM_WRITTEN_OFF'],
  }),
  usageReports: endpoint({
    method: 'GET',
    path: '/v1/systems/{id}/usage-reports',
    tag,
    permission: { resource: 'usageReports', action: 'read' },
    summary: `Usage reports, newest day first, in keyset pages (from/to: dates, inclusive). ${scope}`,
    params: idParamSchema,
    query: listUsageReportsQuerySchema,
    response: pageSchema(usageReportResponseSchema),
    errors: ['NOT_FOUND'],
  }),
  usageWeekly: endpoint({
    method: 'GET',
    path: '/v1/systems/{id}/usage-weekly',
    tag,
    permission: { resource: 'usageReports', action: 'read' },
    summary:
      'Rounds and EFC per week (Monday starts), the last `weeks` weeks up to the current one, zero-filled, ' +
      'oldest first. ' +
      scope,
    params: idParamSchema,
    query: usageWeeklyQuerySchema,
    response: usageWeeklyResponseSchema,
    errors: ['NOT_FOUND'],
  }),
};

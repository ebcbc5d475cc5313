import type { CurrentUser, ExportSystemsQuery, SystemResponse } from '@jv/contracts';
import { forecastBarrel, readinessOf, type RepairJobStatus, statusesOfReadiness, type SystemStatus } from '@jv/domain';
import { ValidationFailed } from '../../common/errors';
import { decodeCursor, encodeCursor } from '../../common/pagination';
import { containsPattern, type SqlParams } from '../../common/sql';

/*
 * Pure pieces of the systems queries: filter conditions, the keyset cursor of each sort, and the
 * row → response mapping (the caller's scope is `systemScope` in common/scope.ts). No database here,
 * so they are unit tested on their own.
 */

export type SystemSort = ExportSystemsQuery['sort'];
export type SortOrder = ExportSystemsQuery['order'];
export type SystemFilters = Omit<ExportSystemsQuery, 'sort' | 'order'>;

/** One row of SYSTEM_SELECT. */
export interface SystemRow {
  id: string;
  model_id: string;
  model_designation: string;
  barrel_life_efc: number;
  serial_number: string;
  donor_partner_id: string;
  donor_partner_code: string;
  unit_id: string | null;
  unit_code: string | null;
  unit_name: string | null;
  facility_id: string | null;
  facility_code: string | null;
  status: SystemStatus;
  status_changed_at: Date;
  status_changed_key: string;
  total_efc: string;
  barrel_efc: string;
  barrel_wear: number;
  barrel_serial: string | null;
  notes: string | null;
  /** YYYY-MM-DD (read as text) */
  delivered_on: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
  open_job_id: string | null;
  open_job_number: string | null;
  open_job_status: RepairJobStatus | null;
  open_job_facility_id: string | null;
  write_off_requested_by: string | null;
  write_off_requested_by_name: string | null;
  write_off_requested_at: Date | null;
  write_off_reason: string | null;
}

/**
 * Names and the open repair job (at most one: a partial unique index) come in the same query: no query per row.
 * The partner, unit, facility and write-off requester are subqueries, not joins: with all seven tables joined,
 * PostgreSQL spent about 7 ms planning the join order of every page (execution 0.4 ms); three joined tables and
 * the lookups plan in about 0.5 ms. Every filter and sort is on `s`, so nothing needs them as joins.
 */
export const SYSTEM_SELECT = `SELECT s.id, s.model_id, m.designation AS model_designation, m.barrel_life_efc,
       s.serial_number,
       s.donor_partner_id, (SELECT p.code FROM partners p WHERE p.id = s.donor_partner_id) AS donor_partner_code,
       s.unit_id, (SELECT un.code FROM units un WHERE un.id = s.unit_id) AS unit_code,
       (SELECT un.name FROM units un WHERE un.id = s.unit_id) AS unit_name,
       s.facility_id, (SELECT f.code FROM facilities f WHERE f.id = s.facility_id) AS facility_code,
       s.status, s.status_changed_at,
       to_char(s.status_changed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS status_changed_key,
       s.total_efc, s.barrel_efc, s.barrel_wear, s.barrel_serial, s.notes,
       s.delivered_on::text AS delivered_on, s.version, s.created_at, s.updated_at,
       oj.id AS open_job_id, oj.number AS open_job_number, oj.status AS open_job_status,
       oj.facility_id AS open_job_facility_id,
       s.write_off_requested_by,
       (SELECT wo.display_name FROM users wo WHERE wo.id = s.write_off_requested_by) AS write_off_requested_by_name,
       s.write_off_requested_at, s.write_off_reason
  FROM systems s
  JOIN system_models m ON m.id = s.model_id
  LEFT JOIN repair_jobs oj ON oj.system_id = s.id AND oj.status NOT IN ('completed', 'cancelled')`;

/**
 * The row with its open job left out when the caller may not see that job (the nested field keeps the
 * repair jobs' scope, `repairJobScope`): a workshop user sees only their facilities' jobs. A partner
 * user sees the jobs on their country's systems, which are the only systems they read.
 */
export function withVisibleOpenJob(row: SystemRow, user: Pick<CurrentUser, 'role' | 'facilityIds'>): SystemRow {
  // partner users never see who asked for a write-off (personal data)
  if (user.role === 'partner' && row.write_off_requested_by)
    row = { ...row, write_off_requested_by: null, write_off_requested_by_name: null };
  if (!row.open_job_id || user.role !== 'workshop') return row;
  if (row.open_job_facility_id && user.facilityIds.includes(row.open_job_facility_id)) return row;
  return { ...row, open_job_id: null, open_job_number: null, open_job_status: null, open_job_facility_id: null };
}

/**
 * The forecast inputs of many systems in one query: EFC of the last FORECAST_WINDOW_DAYS days and the
 * first report date, each answered from the (system_id, date) unique index.
 * $1 = system ids, $2 = today (UTC, YYYY-MM-DD), $3 = window days.
 */
export const USAGE_WINDOW_SQL = `SELECT x.id AS system_id,
       (SELECT min(r.date) FROM usage_reports r WHERE r.system_id = x.id)::text AS first_date,
       (SELECT coalesce(sum(r.efc), 0) FROM usage_reports r
         WHERE r.system_id = x.id AND r.date > $2::date - $3::int AND r.date <= $2::date)::float8 AS efc_window
  FROM unnest($1::uuid[]) AS x(id)`;

export interface UsageWindowRow {
  system_id: string;
  first_date: string | null;
  efc_window: number;
}

/** Today's date in UTC (YYYY-MM-DD): usage dates and forecasts are calendar days in UTC. */
export const utcToday = (now = new Date()): string => now.toISOString().slice(0, 10);

export function toSystemResponse(r: SystemRow, usage: UsageWindowRow | undefined, today: string): SystemResponse {
  const barrelEfc = Number(r.barrel_efc);
  const forecast = forecastBarrel(
    {
      barrelEfc,
      barrelLifeEfc: r.barrel_life_efc,
      efcInWindow: usage?.efc_window ?? 0,
      firstReportDate: usage?.first_date ?? null,
    },
    today,
  );
  return {
    id: r.id,
    modelId: r.model_id,
    modelDesignation: r.model_designation,
    serialNumber: r.serial_number,
    donorPartnerId: r.donor_partner_id,
    donorPartnerCode: r.donor_partner_code,
    unitId: r.unit_id,
    unitName: r.unit_name,
    facilityId: r.facility_id,
    facilityCode: r.facility_code,
    status: r.status,
    readiness: readinessOf(r.status),
    totalEfc: Number(r.total_efc),
    barrelEfc,
    barrelLifeEfc: r.barrel_life_efc,
    barrelSerial: r.barrel_serial,
    barrelWear: forecast.wear,
    wearFlagged: forecast.flagged,
    firingRatePerDay: round(forecast.ratePerDay, 4),
    barrelForecastDate: forecast.forecastDate,
    statusChangedAt: r.status_changed_at.toISOString(),
    notes: r.notes,
    deliveredOn: r.delivered_on,
    version: r.version,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    openRepairJob: r.open_job_id
      ? { id: r.open_job_id, number: r.open_job_number as string, status: r.open_job_status as RepairJobStatus }
      : null,
    writeOffRequest: r.write_off_requested_at
      ? {
          requestedById: r.write_off_requested_by,
          requestedByName: r.write_off_requested_by_name,
          requestedAt: r.write_off_requested_at.toISOString(),
          reason: r.write_off_reason ?? '',
        }
      : null,
  };
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

/** The list's filters as SQL conditions (parameterised). `readiness` becomes the statuses of that class. */
export function filterConditions(q: SystemFilters, p: SqlParams): string[] {
  const out: string[] = [];
  if (q.status !== undefined) {
    const statuses = Array.isArray(q.status) ? q.status : [q.status];
    out.push(`s.status = ANY(${p.add(statuses)}::text[])`);
  }
  if (q.readiness) out.push(`s.status = ANY(${p.add(statusesOfReadiness(q.readiness))}::text[])`);
  if (q.modelId) out.push(`s.model_id = ${p.add(q.modelId)}::uuid`);
  if (q.donorPartnerId) out.push(`s.donor_partner_id = ${p.add(q.donorPartnerId)}::uuid`);
  if (q.unitId) out.push(`s.unit_id = ${p.add(q.unitId)}::uuid`);
  if (q.facilityId) out.push(`s.facility_id = ${p.add(q.facilityId)}::uuid`);
  if (q.wearAbove !== undefined) out.push(`s.barrel_wear > ${p.add(q.wearAbove / 100)}::float8`);
  if (q.q) out.push(`s.serial_number ILIKE ${p.add(containsPattern(q.q))}`);
  return out;
}

/** Each sort's key column (each has an index on (key, id)) and its SQL type for the cursor parameter. */
const SORTS: Record<SystemSort, { column: string; type: string }> = {
  serial: { column: 's.serial_number', type: 'text' },
  wear: { column: 's.barrel_wear', type: 'float8' },
  lastChange: { column: 's.status_changed_at', type: 'timestamptz' },
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TIMESTAMP_KEY = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

export type SortKey = string | number;

/** The sort key of a row: serial, wear (the stored double) or the exact status change time (µs, UTC). */
export function sortKeyOf(
  row: Pick<SystemRow, 'serial_number' | 'barrel_wear' | 'status_changed_key'>,
  sort: SystemSort,
): SortKey {
  if (sort === 'serial') return row.serial_number;
  if (sort === 'wear') return row.barrel_wear;
  return row.status_changed_key;
}

/** A cursor names its sort and order, so a cursor of another sort is refused rather than misread. */
export function encodeSystemCursor(sort: SystemSort, order: SortOrder, key: SortKey, id: string): string {
  return encodeCursor([sort, order, key, id]);
}

export function decodeSystemCursor(cursor: string, sort: SystemSort, order: SortOrder): [SortKey, string] {
  const v = decodeCursor<unknown[]>(cursor);
  const [s, o, key, id] = v;
  const keyOk =
    sort === 'wear'
      ? typeof key === 'number' && Number.isFinite(key)
      : sort === 'lastChange'
        ? typeof key === 'string' && TIMESTAMP_KEY.test(key)
        : typeof key === 'string';
  if (v.length !== 4 || s !== sort || o !== order || !keyOk || typeof id !== 'string' || !UUID.test(id)) {
    throw new ValidationFailed([{ path: 'cursor', code: 'invalid_cursor' }]);
  }
  return [key as SortKey, id];
}

/** `ORDER BY` and, after a cursor, the keyset condition for a sort and order (a row comparison on the index). */
export function keyset(
  sort: SystemSort,
  order: SortOrder,
  cursor: string | undefined,
  p: SqlParams,
): { orderBy: string; after: string | null } {
  const { column, type } = SORTS[sort];
  const dir = order === 'desc' ? 'DESC' : 'ASC';
  const orderBy = `ORDER BY ${column} ${dir}, s.id ${dir}`;
  if (!cursor) return { orderBy, after: null };
  const [key, id] = decodeSystemCursor(cursor, sort, order);
  return {
    orderBy,
    after: `(${column}, s.id) ${order === 'desc' ? '<' : '>'} (${p.add(key)}::${type}, ${p.add(id)}::uuid)`,
  };
}

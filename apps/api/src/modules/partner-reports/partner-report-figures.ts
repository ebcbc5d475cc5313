import type { PartnerReportFigures } from '@jv/contracts';
import {
  crewCoverage,
  parseReportPeriod,
  periodInFuture,
  periodInProgress,
  readinessClasses,
  readinessOf,
  type ReportPeriod,
  type SystemStatus,
  systemStatuses,
} from '@jv/domain';
import type { EntityManager } from 'typeorm';
import { ValidationFailed } from '../../common/errors';
import { workshopToday } from '../repair-jobs/repair-jobs.rules';

/** A manager (in a transaction: its queryRunner is set), or a read-only runner (the preview reads a replica). */
type Manager = {
  query(sql: string, params?: unknown[]): Promise<unknown>;
  queryRunner?: EntityManager['queryRunner'];
};

/**
 * The period's bounds as moments: a period's days are days in Europe/Kyiv. `start_ts` is the first day's
 * midnight, `end_ts` the midnight after the last day, `at_ts` "the period's end" — `end_ts`, or now
 * ($4) while the period is still running. Parameters: $2 first day, $3 last day, $4 now.
 */
const BOUNDS_CTE = `b AS (
  SELECT ($2::date::timestamp AT TIME ZONE 'Europe/Kyiv') AS start_ts,
         (($3::date + 1)::timestamp AT TIME ZONE 'Europe/Kyiv') AS end_ts,
         least((($3::date + 1)::timestamp AT TIME ZONE 'Europe/Kyiv'), $4::timestamptz) AS at_ts
)`;

/**
 * The systems partner $1 donated that were registered by the period's end, with their status then: the
 * `from_status` of the first status change after the end (system_status_history_system_idx), else the
 * current status.
 */
const FLEET_CTE = `fleet AS (
  SELECT s.id, s.model_id,
         coalesce((SELECT h.from_status FROM system_status_history h
                    WHERE h.system_id = s.id AND h.at >= b.at_ts
                    ORDER BY h.at, h.id LIMIT 1), s.status) AS status
    FROM systems s CROSS JOIN b
   WHERE s.donor_partner_id = $1::uuid AND s.created_at < b.at_ts
)`;

/** Per model of the fleet or of the systems delivered in the period: systems by status at the end, delivered. */
export const FLEET_SQL = `
WITH ${BOUNDS_CTE}, ${FLEET_CTE},
per_status AS (SELECT f.model_id, f.status, count(*)::int AS n FROM fleet f GROUP BY f.model_id, f.status),
delivered AS (
  SELECT s.model_id, count(*)::int AS n FROM systems s
   WHERE s.donor_partner_id = $1::uuid AND s.delivered_on BETWEEN $2::date AND $3::date
   GROUP BY s.model_id
)
SELECT sm.id AS model_id, sm.designation,
       coalesce((SELECT json_object_agg(ps.status, ps.n) FROM per_status ps WHERE ps.model_id = sm.id), '{}'::json)
         AS statuses,
       coalesce(d.n, 0)::int AS delivered
  FROM system_models sm
  LEFT JOIN delivered d ON d.model_id = sm.id
 WHERE d.n IS NOT NULL OR EXISTS (SELECT 1 FROM per_status ps WHERE ps.model_id = sm.id)
 ORDER BY sm.designation, sm.id`;

/**
 * Repair jobs on partner $1's systems: opened in the period, completed in it (closed with status
 * completed) with each one's days from opened to closed, and open at the period's end (opened before
 * it, not closed by then). Read per system from repair_jobs_system_idx, which covers closed_at and
 * status (index-only; a join over all jobs would read the whole table).
 */
export const REPAIRS_SQL = `
WITH ${BOUNDS_CTE}
SELECT count(*) FILTER (WHERE j.opened_at >= b.start_ts AND j.opened_at < b.end_ts)::int AS opened,
       count(*) FILTER (WHERE j.status = 'completed' AND j.closed_at >= b.start_ts AND j.closed_at < b.end_ts)::int
         AS completed,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM j.closed_at - j.opened_at)::float8 / 86400)
         FILTER (WHERE j.status = 'completed' AND j.closed_at >= b.start_ts AND j.closed_at < b.end_ts)
         AS median_turnaround_days,
       count(*) FILTER (WHERE j.opened_at < b.at_ts AND (j.closed_at IS NULL OR j.closed_at >= b.at_ts))::int
         AS open_at_end
  FROM b
  JOIN systems s ON s.donor_partner_id = $1::uuid
 CROSS JOIN LATERAL (
   SELECT rj.opened_at, rj.closed_at, rj.status FROM repair_jobs rj
    WHERE rj.system_id = s.id AND rj.opened_at < b.end_ts
 ) j`;

/**
 * Usage reports of partner $1's systems dated in the period, per system model: the months of
 * usage_monthly_totals (kept by triggers on usage_reports and systems; a period is whole months), a model
 * only when it has a report in the period.
 */
export const USE_SQL = `
SELECT u.model_id, sm.designation, sum(u.rounds)::int AS rounds, round(sum(u.efc), 2)::float8 AS efc
  FROM usage_monthly_totals u
  JOIN system_models sm ON sm.id = u.model_id
 WHERE u.partner_id = $1::uuid AND u.month BETWEEN $2::date AND $3::date
 GROUP BY u.model_id, sm.designation
HAVING sum(u.reports) > 0
 ORDER BY sm.designation, u.model_id`;

/**
 * Supply per month of the period, as plan vs actual does it (supply-plans.service.ts): the partner's
 * plan lines naming a component / a system model, the deliveries received in the month on requests it
 * supplies (each delivery carries its request's supplier: deliveries_supplier_received_idx, index-only), the
 * systems it donated with `delivered_on` in the month; and the requests it supplies that were approved and
 * not closed (delivered, cancelled) at the period's end, overdue when their needed-by date is before that day
 * (Kyiv), from component_requests_approved_idx (covers closed_at and needed_by).
 */
export const SUPPLY_SQL = `
WITH ${BOUNDS_CTE},
months AS (SELECT g::date AS month FROM generate_series($2::date, $3::date, interval '1 month') AS g),
planned AS (
  SELECT p.month,
         coalesce(sum(l.quantity) FILTER (WHERE l.component_id IS NOT NULL), 0)::int AS components,
         coalesce(sum(l.quantity) FILTER (WHERE l.system_model_id IS NOT NULL), 0)::int AS systems
    FROM supply_plans p JOIN supply_plan_lines l ON l.plan_id = p.id
   WHERE p.partner_id = $1::uuid AND p.month BETWEEN $2::date AND $3::date
   GROUP BY p.month
),
components AS (
  SELECT date_trunc('month', d.received_on)::date AS month, sum(d.quantity)::int AS n
    FROM deliveries d
   WHERE d.supplier_partner_id = $1::uuid AND d.received_on BETWEEN $2::date AND $3::date
   GROUP BY 1
),
systems_in AS (
  SELECT date_trunc('month', s.delivered_on)::date AS month, count(*)::int AS n
    FROM systems s
   WHERE s.donor_partner_id = $1::uuid AND s.delivered_on BETWEEN $2::date AND $3::date
   GROUP BY 1
),
open_requests AS (
  SELECT count(*)::int AS open,
         count(*) FILTER (WHERE r.needed_by < (b.at_ts AT TIME ZONE 'Europe/Kyiv')::date)::int AS overdue
    FROM component_requests r CROSS JOIN b
   WHERE r.supplier_partner_id = $1::uuid AND r.approved_at < b.at_ts
     AND (r.closed_at IS NULL OR r.closed_at >= b.at_ts)
)
SELECT to_char(mo.month, 'YYYY-MM') AS month,
       coalesce(pl.components, 0) AS planned_components, coalesce(c.n, 0) AS delivered_components,
       coalesce(pl.systems, 0) AS planned_systems, coalesce(si.n, 0) AS delivered_systems,
       o.open AS open_requests, o.overdue AS overdue_requests
  FROM months mo
  LEFT JOIN planned pl ON pl.month = mo.month
  LEFT JOIN components c ON c.month = mo.month
  LEFT JOIN systems_in si ON si.month = mo.month
 CROSS JOIN open_requests o
 ORDER BY mo.month`;

/**
 * Training on the models of the partner's fleet: cohorts of courses on them completed in the period
 * (status completed, ending in it: cohorts_completed_idx), people qualified on them in the period (each
 * once: qualifications_granted_idx), and per model the systems in service at the end (not written off) with
 * the people holding each qualification kind by the last day (distinct people per kind, as crewCoverageSql
 * counts them): the people first qualified in the months up to the period's last month, from
 * qualified_people_monthly (kept by triggers on qualifications; a period ends on a month's last day).
 * Parameters: $1 first day, $2 last day, $3 the fleet's models with their systems in service (`fleetModelsOf`
 * the fleet statement's rows, so the fleet is read once).
 */
export const TRAINING_SQL = `
WITH models AS (SELECT x.model_id, x.in_service FROM json_to_recordset($3::json) AS x(model_id uuid, in_service int)),
qualified AS (
  SELECT p.system_model_id,
         sum(p.people) FILTER (WHERE p.kind = 'operator')::int AS operator,
         sum(p.people) FILTER (WHERE p.kind = 'maintainer')::int AS maintainer,
         sum(p.people) FILTER (WHERE p.kind = 'commander')::int AS commander
    FROM qualified_people_monthly p JOIN models mo ON mo.model_id = p.system_model_id
   WHERE p.month <= $2::date
   GROUP BY p.system_model_id
)
SELECT (SELECT count(*)::int FROM cohorts c JOIN courses co ON co.id = c.course_id
         WHERE co.system_model_id IN (SELECT model_id FROM models) AND c.status = 'completed'
           AND c.ends_on BETWEEN $1::date AND $2::date) AS cohorts_completed,
       (SELECT count(*)::int FROM (SELECT DISTINCT q.person_id FROM qualifications q
         WHERE q.system_model_id IN (SELECT model_id FROM models)
           AND q.granted_on BETWEEN $1::date AND $2::date) p) AS people_qualified,
       coalesce((
         SELECT json_agg(json_build_object(
                  'modelId', sm.id, 'designation', sm.designation, 'crewSize', sm.crew_size,
                  'systemsInService', mo.in_service, 'operator', coalesce(qu.operator, 0),
                  'maintainer', coalesce(qu.maintainer, 0), 'commander', coalesce(qu.commander, 0))
                ORDER BY sm.designation, sm.id)
           FROM system_models sm JOIN models mo ON mo.model_id = sm.id
           LEFT JOIN qualified qu ON qu.system_model_id = sm.id), '[]'::json) AS coverage`;

export interface FleetRow {
  model_id: string;
  designation: string;
  statuses: Partial<Record<SystemStatus, number>>;
  delivered: number;
}
interface RepairsRow {
  opened: number;
  completed: number;
  /** null when nothing was completed */
  median_turnaround_days: number | null;
  open_at_end: number;
}
interface UseRow {
  model_id: string;
  designation: string;
  rounds: number;
  efc: number;
}
interface SupplyRow {
  month: string;
  planned_components: number;
  delivered_components: number;
  planned_systems: number;
  delivered_systems: number;
  open_requests: number;
  overdue_requests: number;
}
interface TrainingRow {
  cohorts_completed: number;
  people_qualified: number;
  coverage: Array<{
    modelId: string;
    designation: string;
    crewSize: number | null;
    systemsInService: number;
    operator: number;
    maintainer: number;
    commander: number;
  }>;
}

/**
 * TRAINING_SQL's $3 from FLEET_SQL's rows: the models with a system at the period's end (a model there only
 * for systems delivered later has no statuses) and their systems not written off.
 */
export function fleetModelsOf(rows: FleetRow[]): string {
  return JSON.stringify(
    rows
      .filter((r) => Object.keys(r.statuses).length > 0)
      .map((r) => ({
        model_id: r.model_id,
        in_service: Object.entries(r.statuses)
          .filter(([status]) => status !== 'written_off')
          .reduce((sum, [, n]) => sum + (n ?? 0), 0),
      })),
  );
}

const oneDecimal = (x: number) => Math.round(x * 10) / 10;
const twoDecimals = (x: number) => Math.round(x * 100) / 100;
/** share in %, one decimal; null when there is nothing to share */
const percent = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : null);
const isAvailable = (status: SystemStatus) => {
  const r = readinessOf(status);
  return r === 'FMC' || r === 'PMC';
};

/**
 * The period of a request: a month or a quarter (400 `period` report_period otherwise), not starting
 * after today in Kyiv (400 `period` period_in_future).
 */
export function reportPeriodOf(period: string, now: Date, path = 'period'): ReportPeriod {
  const p = parseReportPeriod(period);
  if (!p) throw new ValidationFailed([{ path, code: 'report_period' }]);
  if (periodInFuture(p, workshopToday(now))) throw new ValidationFailed([{ path, code: 'period_in_future' }]);
  return p;
}

/**
 * What partner `partnerId` is told for `period`, computed now from the live tables in six statements
 * (no per-system or per-model queries). Counts only: nothing names a person. An unknown partner is a
 * 400 on `partnerId`.
 */
export async function computeFigures(
  m: Manager,
  partnerId: string,
  period: ReportPeriod,
  now: Date = new Date(),
): Promise<PartnerReportFigures> {
  const [partner] = (await m.query(`SELECT id, code, name, role FROM partners WHERE id = $1::uuid`, [
    partnerId,
  ])) as Array<{ id: string; code: string; name: string; role: string }>;
  if (!partner) throw new ValidationFailed([{ path: 'partnerId', code: 'not_found' }]);
  const params = [partnerId, period.start, period.end, now.toISOString()];
  const fleetOf = () => m.query(FLEET_SQL, params) as Promise<FleetRow[]>;
  const trainingOf = (fleet: FleetRow[]) => m.query(TRAINING_SQL, [period.start, period.end, fleetModelsOf(fleet)]);
  const others = [
    () => m.query(REPAIRS_SQL, params),
    () => m.query(USE_SQL, params.slice(0, 3)),
    () => m.query(SUPPLY_SQL, params),
  ] as const;
  // Outside a transaction (a preview) the statements run side by side on pooled connections, training as soon
  // as the fleet is known; inside one (preparing, refreshing) they share its connection, one after another.
  const inTransaction = 'queryRunner' in m && !!m.queryRunner;
  let results: unknown[];
  if (inTransaction) {
    const fleet = await fleetOf();
    results = [fleet];
    for (const run of others) results.push(await run());
    results.push(await trainingOf(fleet));
  } else {
    const fleet = fleetOf();
    results = await Promise.all([fleet, ...others.map((run) => run()), fleet.then(trainingOf)]);
  }
  const [fleetRows, [repairs], useRows, supplyRows, [training]] = results as [
    FleetRow[],
    Array<RepairsRow | undefined>,
    UseRow[],
    SupplyRow[],
    TrainingRow[],
  ];

  const byStatus = Object.fromEntries(systemStatuses.map((s) => [s, 0])) as Record<SystemStatus, number>;
  const byModel = fleetRows.map((r) => {
    let systems = 0;
    let available = 0;
    for (const [status, n] of Object.entries(r.statuses) as Array<[SystemStatus, number]>) {
      byStatus[status] += n;
      systems += n;
      if (isAvailable(status)) available += n;
    }
    return { modelId: r.model_id, designation: r.designation, systems, available, delivered: r.delivered };
  });
  const total = systemStatuses.reduce((sum, s) => sum + byStatus[s], 0);
  const available = byModel.reduce((sum, r) => sum + r.available, 0);
  const middle = repairs?.median_turnaround_days ?? null;

  return {
    partner: { id: partner.id, code: partner.code, name: partner.name, role: partner.role },
    period: { period: period.period, kind: period.kind, start: period.start, end: period.end },
    computedAt: now.toISOString(),
    inProgress: periodInProgress(period, workshopToday(now)),
    fleet: {
      systems: total,
      byStatus: systemStatuses.map((status) => ({ status, systems: byStatus[status] })),
      byReadiness: readinessClasses.map((readiness) => ({
        readiness,
        systems: systemStatuses.filter((s) => readinessOf(s) === readiness).reduce((sum, s) => sum + byStatus[s], 0),
      })),
      availabilityRate: percent(available, total - byStatus.written_off),
      deliveredInPeriod: fleetRows.reduce((sum, r) => sum + r.delivered, 0),
      byModel,
    },
    repairs: {
      opened: repairs?.opened ?? 0,
      completed: repairs?.completed ?? 0,
      medianTurnaroundDays: middle === null ? null : oneDecimal(middle),
      openAtEnd: repairs?.open_at_end ?? 0,
    },
    use: {
      rounds: useRows.reduce((sum, r) => sum + r.rounds, 0),
      efc: twoDecimals(useRows.reduce((sum, r) => sum + r.efc, 0)),
      byModel: useRows.map((r) => ({ modelId: r.model_id, designation: r.designation, rounds: r.rounds, efc: r.efc })),
    },
    supply: {
      months: supplyRows.map((r) => ({
        month: r.month,
        plannedComponents: r.planned_components,
        deliveredComponents: r.delivered_components,
        plannedSystems: r.planned_systems,
        deliveredSystems: r.delivered_systems,
      })),
      openRequests: supplyRows[0]?.open_requests ?? 0,
      overdueRequests: supplyRows[0]?.overdue_requests ?? 0,
    },
    training: {
      cohortsCompleted: training?.cohorts_completed ?? 0,
      peopleQualified: training?.people_qualified ?? 0,
      coverage: (training?.coverage ?? []).map((c) => {
        const cover = crewCoverage({
          systemsInService: c.systemsInService,
          crewSize: c.crewSize,
          qualified: { operator: c.operator, maintainer: c.maintainer, commander: c.commander },
        });
        return {
          modelId: c.modelId,
          designation: c.designation,
          systemsInService: c.systemsInService,
          crewsRequired: cover.crewsRequired,
          crewsCovered: cover.crewsCovered,
          coveragePercent: cover.coveragePercent,
        };
      }),
    },
  };
}

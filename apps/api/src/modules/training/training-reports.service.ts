import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CrewCoverage, CurrentUser, TrainingCalendar, TrainingUtilisation } from '@jv/contracts';
import { crewCoverage } from '@jv/domain';
import type { DataSource } from 'typeorm';
import { ValidationFailed } from '../../common/errors';
import { systemScope } from '../../common/scope';
import { SqlParams, whereSql } from '../../common/sql';

/** The longest calendar window (a quarter). */
export const CALENDAR_MAX_DAYS = 92;
/** The longest utilisation window (a year). */
export const UTILISATION_MAX_DAYS = 366;

const DAY = 86_400_000;

/** Days from `from` to `to`, both included (YYYY-MM-DD). */
export const daysInWindow = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY) + 1;

/** The window must run forwards and last at most `maximum` days (400 VALIDATION_FAILED otherwise). */
export function checkWindow(from: string, to: string, maximum: number): number {
  if (from > to) throw new ValidationFailed([{ path: 'from', code: 'period_reversed' }]);
  const days = daysInWindow(from, to);
  if (days > maximum)
    throw new ValidationFailed(
      [{ path: 'to', code: 'period_too_long', params: { maximum } }],
      `The window is at most ${maximum} days`,
    );
  return days;
}

/**
 * The calendar of the training bases ($3: one base, or null for all) in the window $1 .. $2: the
 * cohorts overlapping it that are not cancelled, with the seats taken by enrollments holding a seat
 * (not withdrawn), and the seats of those cohorts added per day (generate_series). One statement.
 */
export const CALENDAR_SQL = `
WITH bases AS (
  SELECT f.id, f.code, f.name, f.training_seats
    FROM facilities f
   WHERE f.kind = 'training_base' AND ($3::uuid IS NULL OR f.id = $3::uuid)
),
window_cohorts AS (
  SELECT c.id, c.code, c.facility_id, c.starts_on, c.ends_on, c.seats, c.status, co.title, co.kind
    FROM cohorts c
    JOIN bases b ON b.id = c.facility_id
    JOIN courses co ON co.id = c.course_id
   WHERE c.status <> 'cancelled' AND c.starts_on <= $2::date AND c.ends_on >= $1::date
),
taken AS (
  SELECT e.cohort_id, count(*)::int AS n
    FROM enrollments e JOIN window_cohorts wc ON wc.id = e.cohort_id
   WHERE e.status <> 'withdrawn'
   GROUP BY e.cohort_id
),
days AS (
  SELECT b.id AS facility_id, g.day, coalesce(sum(wc.seats), 0)::int AS seats
    FROM bases b
   CROSS JOIN LATERAL (SELECT d::date AS day FROM generate_series($1::date, $2::date, interval '1 day') AS d) g
    LEFT JOIN window_cohorts wc ON wc.facility_id = b.id AND g.day BETWEEN wc.starts_on AND wc.ends_on
   GROUP BY b.id, g.day
)
SELECT b.id AS facility_id, b.code AS facility_code, b.name AS facility_name, b.training_seats AS capacity,
       coalesce((
         SELECT json_agg(json_build_object(
                  'id', wc.id, 'code', wc.code, 'courseTitle', wc.title, 'courseKind', wc.kind,
                  'startsOn', to_char(wc.starts_on, 'YYYY-MM-DD'), 'endsOn', to_char(wc.ends_on, 'YYYY-MM-DD'),
                  'seats', wc.seats, 'seatsTaken', coalesce(t.n, 0), 'status', wc.status)
                ORDER BY wc.starts_on, wc.code)
           FROM window_cohorts wc LEFT JOIN taken t ON t.cohort_id = wc.id
          WHERE wc.facility_id = b.id), '[]'::json) AS cohorts,
       (SELECT json_agg(json_build_object('day', to_char(d.day, 'YYYY-MM-DD'), 'seats', d.seats) ORDER BY d.day)
          FROM days d WHERE d.facility_id = b.id) AS days
  FROM bases b
 ORDER BY b.code, b.id`;

/**
 * Seat-days per training base in the window $1 .. $2: used = for every enrollment holding a seat (not
 * withdrawn, cohort not cancelled) the days of its cohort inside the window; available = capacity ×
 * days of the window; percent with one decimal.
 */
export const UTILISATION_SQL = `
WITH used AS (
  SELECT c.facility_id,
         sum(least(c.ends_on, $2::date) - greatest(c.starts_on, $1::date) + 1)::bigint AS seat_days
    FROM cohorts c
    JOIN enrollments e ON e.cohort_id = c.id
   WHERE c.status <> 'cancelled' AND e.status <> 'withdrawn'
     AND c.starts_on <= $2::date AND c.ends_on >= $1::date
   GROUP BY c.facility_id
)
SELECT f.id AS facility_id, f.code AS facility_code, f.training_seats AS capacity,
       coalesce(u.seat_days, 0)::int AS seat_days_used,
       (f.training_seats * ($2::date - $1::date + 1))::int AS seat_days_available,
       CASE WHEN f.training_seats > 0
            THEN round(100.0 * coalesce(u.seat_days, 0) / (f.training_seats * ($2::date - $1::date + 1)), 1)::float8
       END AS utilisation_percent
  FROM facilities f
  LEFT JOIN used u ON u.facility_id = f.id
 WHERE f.kind = 'training_base'
 ORDER BY f.code, f.id`;

interface CalendarRow {
  facility_id: string;
  facility_code: string;
  facility_name: string;
  capacity: number;
  cohorts: TrainingCalendar['bases'][number]['cohorts'];
  days: TrainingCalendar['bases'][number]['days'];
}

interface UtilisationRow {
  facility_id: string;
  facility_code: string;
  capacity: number;
  seat_days_used: number;
  seat_days_available: number;
  utilisation_percent: number | null;
}

interface CoverageRow {
  system_model_id: string;
  model_designation: string;
  crew_size: number | null;
  systems_in_service: number;
  operator: number;
  maintainer: number;
  commander: number;
  instructor: number;
}

/**
 * The crew coverage statement: per system model, the systems in service (not written off; of the unit
 * when one is asked for; partner users: their country's systems, and only the models it donated) and
 * the people holding each qualification kind on the model (of the unit when asked). Counts only.
 */
export function crewCoverageSql(user: Pick<CurrentUser, 'role' | 'partnerId' | 'facilityIds'>, unitId?: string) {
  const p = new SqlParams();
  const systems = [`s.status <> 'written_off'`, ...systemScope(user, p, { alias: 's' })];
  const unit = unitId ? p.add(unitId) : null;
  if (unit) systems.push(`s.unit_id = ${unit}::uuid`);
  const models: string[] = [];
  if (user.role === 'partner') {
    const donated = systemScope(user, p, { alias: 'ds' });
    models.push(`EXISTS (SELECT 1 FROM systems ds WHERE ds.model_id = sm.id AND ${donated.join(' AND ')})`);
  }
  const sql = `
WITH in_service AS (
  SELECT s.model_id, count(*)::int AS n FROM systems s ${whereSql(systems)} GROUP BY s.model_id
),
per_kind AS (
  -- grouped like qualifications_model_kind_idx (model, kind, person): distinct people without a sort
  SELECT q.system_model_id, q.kind, count(DISTINCT q.person_id)::int AS n
    FROM qualifications q
    ${unit ? `JOIN personnel pe ON pe.id = q.person_id AND pe.unit_id = ${unit}::uuid` : ''}
   GROUP BY q.system_model_id, q.kind
),
qualified AS (
  SELECT system_model_id,
         max(n) FILTER (WHERE kind = 'operator') AS operator,
         max(n) FILTER (WHERE kind = 'maintainer') AS maintainer,
         max(n) FILTER (WHERE kind = 'commander') AS commander,
         max(n) FILTER (WHERE kind = 'instructor') AS instructor
    FROM per_kind
   GROUP BY system_model_id
)
SELECT sm.id AS system_model_id, sm.designation AS model_designation, sm.crew_size,
       coalesce(i.n, 0) AS systems_in_service,
       coalesce(qu.operator, 0) AS operator, coalesce(qu.maintainer, 0) AS maintainer,
       coalesce(qu.commander, 0) AS commander, coalesce(qu.instructor, 0) AS instructor
  FROM system_models sm
  LEFT JOIN in_service i ON i.model_id = sm.id
  LEFT JOIN qualified qu ON qu.system_model_id = sm.id
 ${whereSql(models)}
 ORDER BY sm.designation, sm.id`;
  return { sql, params: p.values };
}

/**
 * Training reports computed in SQL: the calendar of the training bases, their seat utilisation and the
 * crew coverage per system model. No personal data: cohorts and counts only.
 */
@Injectable()
export class TrainingReportsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async calendar(q: { facilityId?: string; from: string; to: string }): Promise<TrainingCalendar> {
    checkWindow(q.from, q.to, CALENDAR_MAX_DAYS);
    if (q.facilityId) {
      const [base] = await this.db.query(`SELECT kind FROM facilities WHERE id = $1`, [q.facilityId]);
      if (!base) throw new ValidationFailed([{ path: 'facilityId', code: 'not_found' }]);
      if (base.kind !== 'training_base')
        throw new ValidationFailed([{ path: 'facilityId', code: 'training_base_only' }]);
    }
    const rows: CalendarRow[] = await this.db.query(CALENDAR_SQL, [q.from, q.to, q.facilityId ?? null]);
    return {
      bases: rows.map((r) => ({
        facilityId: r.facility_id,
        facilityCode: r.facility_code,
        facilityName: r.facility_name,
        capacity: r.capacity,
        cohorts: r.cohorts,
        days: r.days ?? [],
      })),
    };
  }

  async utilisation(q: { from: string; to: string }): Promise<TrainingUtilisation> {
    checkWindow(q.from, q.to, UTILISATION_MAX_DAYS);
    const rows: UtilisationRow[] = await this.db.query(UTILISATION_SQL, [q.from, q.to]);
    return {
      bases: rows.map((r) => ({
        facilityId: r.facility_id,
        facilityCode: r.facility_code,
        capacity: r.capacity,
        seatDaysUsed: r.seat_days_used,
        seatDaysAvailable: r.seat_days_available,
        utilisationPercent: r.utilisation_percent,
      })),
    };
  }

  async crewCoverage(q: { unitId?: string }, user: CurrentUser): Promise<CrewCoverage> {
    if (q.unitId) {
      const [unit] = await this.db.query(`SELECT 1 FROM units WHERE id = $1`, [q.unitId]);
      if (!unit) throw new ValidationFailed([{ path: 'unitId', code: 'not_found' }]);
    }
    const { sql, params } = crewCoverageSql(user, q.unitId);
    const rows: CoverageRow[] = await this.db.query(sql, params);
    return {
      unitId: q.unitId ?? null,
      models: rows.map((r) => {
        const qualified = {
          operator: r.operator,
          maintainer: r.maintainer,
          commander: r.commander,
          instructor: r.instructor,
        };
        return {
          systemModelId: r.system_model_id,
          modelDesignation: r.model_designation,
          crewSize: r.crew_size,
          systemsInService: r.systems_in_service,
          qualified,
          ...crewCoverage({ systemsInService: r.systems_in_service, crewSize: r.crew_size, qualified }),
        };
      }),
    };
  }
}

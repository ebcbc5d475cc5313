import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CurrentUser, RepairJobMetrics, RepairJobMetricsQuery } from '@jv/contracts';
import { openRepairJobStatuses, type RepairJobStatus } from '@jv/domain';
import type { DataSource } from 'typeorm';
import { NotFound, ValidationFailed } from '../../common/errors';
import { repairJobScope, worksAt } from '../../common/scope';
import { SqlParams } from '../../common/sql';
import { queryReplica } from '../../database/read-replica';
import { CLOSED_STATUSES_SQL, roundHours } from './repair-jobs.rules';

/** The default reporting window when none is given. */
export const METRICS_DEFAULT_DAYS = 90;
/** The longest window one request may ask for (the weekly series stays small). */
export const METRICS_MAX_DAYS = 366 * 3;

const DAY = 86_400_000;
const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/** The reporting window: `to` defaults to today, `from` to 90 days before `to` (dates in UTC). */
export function metricsPeriod(
  q: Pick<RepairJobMetricsQuery, 'from' | 'to'>,
  now = new Date(),
): { from: string; to: string } {
  const to = q.to ?? isoDate(now);
  const from = q.from ?? isoDate(new Date(Date.parse(to) - METRICS_DEFAULT_DAYS * DAY));
  if (from > to) throw new ValidationFailed([{ path: 'from', code: 'period_reversed' }]);
  if (Date.parse(to) - Date.parse(from) > METRICS_MAX_DAYS * DAY)
    throw new ValidationFailed([{ path: 'from', code: 'period_too_long', params: { maximum: METRICS_MAX_DAYS } }]);
  return { from, to };
}

/** A figure kept per completed job on its row, with its bucket, index and histogram (migration 1796040000000). */
export interface HoursFigure {
  metric: 'turnaround' | 'awaiting_parts';
  hours: string;
  bucket: string;
  /** which completed jobs have the figure */
  has: string;
}
export const TURNAROUND: HoursFigure = {
  metric: 'turnaround',
  hours: 'turnaround_hours',
  bucket: 'turnaround_bucket',
  has: 'j.turnaround_hours IS NOT NULL',
};
const AWAITING_PARTS: HoursFigure = {
  metric: 'awaiting_parts',
  hours: 'awaiting_parts_hours',
  bucket: 'awaiting_parts_bucket',
  has: 'j.awaiting_parts_hours IS NOT NULL',
};

/** The period as UTC days `[from, until)`, and the whole months inside it, `[firstMonth, endMonth)` (maybe none). */
export function periodMonths(from: string, to: string): { until: string; firstMonth: string; endMonth: string } {
  const until = isoDate(new Date(Date.parse(to) + DAY));
  const firstMonth = from.endsWith('-01') ? from : monthAfter(from);
  const lastEnd = `${until.slice(0, 7)}-01`;
  return { until, firstMonth, endMonth: lastEnd > firstMonth ? lastEnd : firstMonth };
}

const monthAfter = (day: string) => {
  const d = new Date(`${day.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 1);
  return isoDate(d);
};

/** `$n` as a UTC instant, for comparing with a timestamptz. */
const utc = (dayP: string) => `(${dayP}::date)::timestamp AT TIME ZONE 'UTC'`;

/**
 * Where a percentile's jobs closed, as SQL: `from`/`until` instants (timestamptz) and the whole UTC months
 * `[firstMonth, endMonth)` (dates) between them, none when they are equal.
 */
export interface ClosedWithin {
  from: string;
  until: string;
  firstMonth: string;
  endMonth: string;
}

/**
 * The count, median and p90 of a figure over the jobs completed in the period, exactly as `percentile_cont`
 * gives them, without reading every job: the counts per bucket come from the monthly histogram for the whole
 * months of the period and from the jobs themselves for the days around them (repair_jobs_completed_idx); the
 * value at a rank is then read from the jobs of its bucket alone, in value order (the figure's own index).
 * `scope` is the caller's conditions (`AND …`) on `j`, a job or a histogram row (both have `facility_id`).
 */
export function percentilesSql(f: HoursFigure, at: ClosedWithin, scope: string): string {
  const completed = `j.status = 'completed'`;
  const edge = (lo: string, hi: string) =>
    `SELECT j.${f.bucket}, 1 FROM repair_jobs j
      WHERE ${completed} AND j.${f.bucket} IS NOT NULL
        AND j.closed_at >= ${lo} AND j.closed_at < ${hi} ${scope}`;
  return `
WITH hist AS (
  SELECT bucket, sum(n)::bigint AS n FROM (
    SELECT j.bucket, j.jobs AS n FROM repair_job_hours_histogram j
     WHERE j.metric = '${f.metric}' AND j.month >= ${at.firstMonth} AND j.month < ${at.endMonth} ${scope}
    UNION ALL
    ${edge(at.from, `least(${at.firstMonth}::timestamp AT TIME ZONE 'UTC', ${at.until})`)}
    UNION ALL
    ${edge(`${at.endMonth}::timestamp AT TIME ZONE 'UTC'`, at.until)}
  ) x GROUP BY bucket
),
cum AS (
  SELECT bucket, sum(n) OVER w - n AS before, sum(n) OVER w AS upto
    FROM hist WINDOW w AS (ORDER BY bucket)
),
total AS (SELECT coalesce(sum(n), 0)::bigint AS n FROM hist),
ranks AS (
  SELECT q.q, q.q * (t.n - 1)::float8 AS at_row
    FROM (VALUES (0.5::float8), (0.9::float8)) AS q(q), total t WHERE t.n > 0
),
picked AS (
  SELECT r.q, r.at_row, k.upper,
         (SELECT j.${f.hours} FROM repair_jobs j
           WHERE ${completed} AND ${f.has} AND j.${f.bucket} = c.bucket
             AND j.closed_at >= ${at.from} AND j.closed_at < ${at.until} ${scope}
           ORDER BY j.${f.hours} OFFSET k.nth - c.before LIMIT 1) AS v
    FROM ranks r
    CROSS JOIN LATERAL (VALUES (floor(r.at_row)::bigint, false), (ceil(r.at_row)::bigint, true)) AS k(nth, upper)
    JOIN cum c ON c.before <= k.nth AND k.nth < c.upto
),
-- percentile_cont's interpolation, in the same float8 steps
pct AS (
  SELECT q, lo + (hi - lo) * (at_row - floor(at_row)) AS v
    FROM (SELECT q, min(at_row) AS at_row, min(v) FILTER (WHERE NOT upper) AS lo, min(v) FILTER (WHERE upper) AS hi
            FROM picked GROUP BY q) p
)
SELECT t.n::int AS count, (SELECT v FROM pct WHERE q = 0.5) AS median, (SELECT v FROM pct WHERE q = 0.9) AS p90
  FROM total t`;
}

/**
 * Backlog, turnaround, time awaiting parts, weekly throughput and overdue jobs. Each figure reads what is kept
 * up to date on write (migration 1796040000000) or a few index pages, never every job of the period, so a
 * 3-year window costs about what a 90-day one does. Workshop users see their own facilities only. Read from a
 * replica when there is one (the figures may lag by seconds).
 */
@Injectable()
export class RepairMetricsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async metrics(q: RepairJobMetricsQuery, user: CurrentUser): Promise<RepairJobMetrics> {
    if (q.facilityId && !worksAt(user, q.facilityId)) throw new NotFound('Facility');
    const { from, to } = metricsPeriod(q);
    /** The caller's scope and the facility asked for, as `AND …` on `j` (a job or a summary row, by facility). */
    const scoped = (p: SqlParams) => {
      const where = repairJobScope(user, p, { job: 'j' });
      if (q.facilityId) where.push(`j.facility_id = ${p.add(q.facilityId)}::uuid`);
      return where.map((c) => `AND ${c}`).join(' ');
    };
    const scopeOnly = new SqlParams();
    const scope = scoped(scopeOnly);

    const months = periodMonths(from, to);
    const pp = new SqlParams();
    const at: ClosedWithin = {
      from: utc(pp.add(from)),
      until: utc(pp.add(months.until)),
      firstMonth: `${pp.add(months.firstMonth)}::date`,
      endMonth: `${pp.add(months.endMonth)}::date`,
    };
    const percentilesScope = scoped(pp);
    const wp = new SqlParams();
    const fromP = wp.add(from);
    const toP = wp.add(to);
    const weeksSql = `SELECT to_char(w.week, 'YYYY-MM-DD') AS week_start, coalesce(c.jobs, 0)::int AS count
           FROM generate_series(date_trunc('week', (${fromP}::date)::timestamp),
                                date_trunc('week', (${toP}::date)::timestamp), interval '1 week') AS w(week)
           LEFT JOIN (SELECT date_trunc('week', j.day::timestamp) AS week, sum(j.jobs) AS jobs
                        FROM repair_job_completions j
                       WHERE j.day >= ${fromP}::date AND j.day <= ${toP}::date ${scoped(wp)}
                       GROUP BY 1) c ON c.week = w.week
          ORDER BY w.week`;
    type Percentiles = { count: number; median: number | null; p90: number | null };
    const read = <T>(sql: string, params: unknown[]) => queryReplica<T>(this.db, sql, params);

    const [backlog, [turnaround], [awaiting], weeks, [overdue]] = await Promise.all([
      read<{ facility_id: string; facility_code: string; status: RepairJobStatus; count: number }>(
        `SELECT j.facility_id, f.code AS facility_code, j.status, count(*)::int AS count
           FROM repair_jobs j JOIN facilities f ON f.id = j.facility_id
          WHERE j.status NOT IN ${CLOSED_STATUSES_SQL} ${scope}
          GROUP BY j.facility_id, f.code, j.status`,
        scopeOnly.values,
      ),
      read<Percentiles>(percentilesSql(TURNAROUND, at, percentilesScope), pp.values),
      read<Percentiles>(percentilesSql(AWAITING_PARTS, at, percentilesScope), pp.values),
      read<{ week_start: string; count: number }>(weeksSql, wp.values),
      read<{ n: number }>(
        `SELECT count(*)::int AS n FROM repair_jobs j
          WHERE j.status NOT IN ${CLOSED_STATUSES_SQL} AND j.due_at < now() ${scope}`,
        scopeOnly.values,
      ),
    ]);

    const order = (s: RepairJobStatus) => openRepairJobStatuses.indexOf(s);
    return {
      backlog: backlog
        .sort((a, b) => a.facility_code.localeCompare(b.facility_code) || order(a.status) - order(b.status))
        .map((r) => ({ facilityId: r.facility_id, facilityCode: r.facility_code, status: r.status, count: r.count })),
      turnaround: {
        completed: turnaround.count,
        medianHours: roundHours(turnaround.median),
        p90Hours: roundHours(turnaround.p90),
      },
      awaitingParts: { medianHours: roundHours(awaiting.median), p90Hours: roundHours(awaiting.p90) },
      completedPerWeek: weeks.map((w) => ({ weekStart: w.week_start, count: w.count })),
      overdueOpen: overdue.n,
    };
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CurrentUser, Dashboard } from '@jv/contracts';
import type { SystemStatus } from '@jv/domain';
import type { DataSource } from 'typeorm';
import { componentRequestScope, repairJobScope, type ScopedUser, systemScope } from '../../common/scope';
import { SqlParams, whereSql } from '../../common/sql';
import { queryReplica } from '../../database/read-replica';
import { percentilesSql, TURNAROUND } from '../repair-jobs/repair-metrics.service';
import { CLOSED_STATUSES_SQL, workshopToday } from '../repair-jobs/repair-jobs.rules';
import { trainingScope } from '../training/training.scope';
import {
  type CoverageInput,
  coverageGaps,
  DASHBOARD_TZ,
  fleetNow,
  roundDays,
  toTrend,
  TREND_MONTHS,
  type TrendRow,
  TURNAROUND_DAYS,
  UPCOMING_COHORT_DAYS,
} from './dashboard.rules';

const TZ = `'${DASHBOARD_TZ}'`;
const AVAILABLE = `('operational', 'degraded')`;

/** A statement and its parameters. */
interface Query {
  sql: string;
  params: unknown[];
}

/**
 * A partner's 12-month trend, backwards from now: its systems' own history (system_status_history_system_idx,
 * one range scan each, kept apart by OFFSET 0), a few thousand rows. `ends` are the ends of the closed months,
 * oldest first (Kyiv time); the rows since the first of them are summed per bucket (width_bucket: a binary
 * search, far cheaper per row than a time-zone conversion), and month j takes off the buckets from j on (the
 * changes after its end).
 */
function partnerTrend(trendSystems: string[], trendP: SqlParams, nowCounts: string, thisMonth: string): Query {
  const since = `h.at >= (SELECT ends[1] FROM bounds)`;
  return {
    sql: `
WITH bounds AS MATERIALIZED (
  SELECT array_agg((${thisMonth} - make_interval(months => g)) AT TIME ZONE ${TZ} ORDER BY g DESC) AS ends
    FROM generate_series(0, ${TREND_MONTHS - 2}) AS g
),
${nowCounts},
changes AS (
  SELECT width_bucket(h.at, (SELECT ends FROM bounds)) AS bucket,
         sum((h.to_status IN ${AVAILABLE})::int - (coalesce(h.from_status IN ${AVAILABLE}, false))::int) AS available,
         sum((h.to_status <> 'written_off')::int
             - (h.from_status IS NOT NULL AND h.from_status <> 'written_off')::int) AS in_service
    FROM systems s CROSS JOIN LATERAL (
         SELECT h.at, h.from_status, h.to_status FROM system_status_history h
          WHERE h.system_id = s.id AND ${since} OFFSET 0) h
       ${whereSql(trendSystems)}
   GROUP BY 1
)
SELECT to_char(${thisMonth} - make_interval(months => ${TREND_MONTHS} - j), 'YYYY-MM') AS month,
       j = ${TREND_MONTHS} AS partial,
       (n.available - coalesce((SELECT sum(c.available) FROM changes c WHERE c.bucket >= j), 0))::int AS available,
       (n.in_service - coalesce((SELECT sum(c.in_service) FROM changes c WHERE c.bucket >= j), 0))::int AS in_service
  FROM generate_series(1, ${TREND_MONTHS}) AS j CROSS JOIN now_counts n
 ORDER BY j`,
    params: trendP.values,
  };
}

/**
 * The dashboard's statements, one per part. `partner` is the caller when it is a partner user (its
 * country's slice, through the scope helpers), else null (the whole coalition: the dashboard is the
 * same for every other role, workshop users included).
 */
export function dashboardQueries(partner: ScopedUser | null, today: string) {
  const scoped = (f: (u: ScopedUser, p: SqlParams) => string[], p: SqlParams) => (partner ? f(partner, p) : []);

  // fleet now: systems per status (systems_donor_idx for a partner)
  const fleetP = new SqlParams();
  const fleet: Query = {
    sql: `SELECT s.status, count(*)::int AS n FROM systems s
           ${whereSql(scoped((u, p) => systemScope(u, p, { alias: 's' }), fleetP))} GROUP BY s.status`,
    params: fleetP.values,
  };

  // the trend, backwards from now: a month's end state = today's counts minus the effect of every status
  // change after that month's end. Each history row moves one system from `from_status` (NULL: it was
  // registered then) to `to_status`. The current month (j = TREND_MONTHS) is as of now.
  const trendP = new SqlParams();
  const trendSystems = scoped((u, p) => systemScope(u, p, { alias: 's' }), trendP);
  const thisMonth = `date_trunc('month', now() AT TIME ZONE ${TZ})`;
  const nowCounts = `now_counts AS (
  SELECT count(*) FILTER (WHERE s.status IN ${AVAILABLE})::int AS available,
         count(*) FILTER (WHERE s.status <> 'written_off')::int AS in_service
    FROM systems s ${whereSql(trendSystems)}
)`;
  const trend: Query = partner
    ? partnerTrend(trendSystems, trendP, nowCounts, thisMonth)
    : {
        // the whole coalition: the changes are kept per Kyiv month on write (system_status_monthly_changes,
        // migration 1796040000000), so month j takes off the months after its own
        sql: `
WITH ${nowCounts},
months AS (
  SELECT j, (${thisMonth} - make_interval(months => ${TREND_MONTHS} - j))::date AS month
    FROM generate_series(1, ${TREND_MONTHS}) AS j
),
changes AS (
  SELECT m.j, coalesce(sum(c.available), 0) AS available, coalesce(sum(c.in_service), 0) AS in_service
    FROM months m LEFT JOIN system_status_monthly_changes c ON c.month > m.month
   GROUP BY m.j
)
SELECT to_char(m.month, 'YYYY-MM') AS month, m.j = ${TREND_MONTHS} AS partial,
       (n.available - c.available)::int AS available, (n.in_service - c.in_service)::int AS in_service
  FROM months m JOIN changes c ON c.j = m.j CROSS JOIN now_counts n
 ORDER BY m.j`,
        params: trendP.values,
      };

  // backlog: every repair workshop with its open jobs, overdue = past due_at (index-only on repair_jobs_open_idx,
  // which holds facility, status and due date of the open jobs alone)
  const backlogP = new SqlParams();
  const jobScope = scoped((u, p) => repairJobScope(u, p, { job: 'j' }), backlogP);
  const backlog: Query = {
    sql: `SELECT f.id, f.code, f.name, count(j.facility_id)::int AS open,
                 count(j.facility_id) FILTER (WHERE j.due_at < now())::int AS overdue,
                 count(j.facility_id) FILTER (WHERE j.status = 'awaiting_parts')::int AS awaiting_parts
            FROM facilities f
            LEFT JOIN repair_jobs j ON j.facility_id = f.id AND j.status NOT IN ${CLOSED_STATUSES_SQL}
                 ${jobScope.map((c) => `AND ${c}`).join(' ')}
           WHERE f.kind = 'repair_workshop'
           GROUP BY f.id, f.code, f.name
           ORDER BY f.code, f.id`,
    params: backlogP.values,
  };

  // turnaround: jobs completed in the last 90 days, days from opened to completed. The whole coalition's
  // median comes from the monthly histogram kept on write and one bucket of jobs (percentilesSql, exact); a
  // partner's slice from its own jobs (repair_jobs_completed_idx)
  const turnaroundP = new SqlParams();
  const since = `now() - interval '${TURNAROUND_DAYS} days'`;
  const firstMonth = `(date_trunc('month', (${since}) AT TIME ZONE 'UTC' - interval '1 microsecond')
    + interval '1 month')::date`;
  const turnaround: Query = partner
    ? {
        sql: `SELECT count(*)::int AS completed,
                 percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM j.closed_at - j.opened_at) / 86400)
                   AS median
            FROM repair_jobs j
           ${whereSql([
             `j.status = 'completed'`,
             `j.closed_at >= ${since}`,
             ...repairJobScope(partner, turnaroundP, { job: 'j' }),
           ])}`,
        params: turnaroundP.values,
      }
    : {
        sql: `SELECT t.count AS completed, t.median / 24 AS median FROM (${percentilesSql(
          TURNAROUND,
          {
            from: since,
            until: `'infinity'::timestamptz`,
            firstMonth,
            endMonth: `greatest(date_trunc('month', now() AT TIME ZONE 'UTC')::date, ${firstMonth})`,
          },
          '',
        )}) t`,
        params: [],
      };

  // overdue requests: approved and not delivered (approved, ordered, shipped) past needed-by, Kyiv day
  const overdueP = new SqlParams();
  const overdueWhere = [
    `r.status IN ('approved', 'ordered', 'shipped')`,
    `r.needed_by < ${overdueP.add(today)}::date`,
    ...scoped((u, p) => componentRequestScope(u, p, 'r'), overdueP),
  ];
  const overdue: Query = {
    sql: `SELECT count(*)::int AS count, min(r.needed_by)::text AS oldest
            FROM component_requests r ${whereSql(overdueWhere)}`,
    params: overdueP.values,
  };

  // cohorts starting today .. today + 30 (cohorts_status_idx), not cancelled; seats held by enrollments
  // not withdrawn; partner users: cohorts of the models their country donated
  const cohortsP = new SqlParams();
  const from = cohortsP.add(today);
  const cohortsWhere = [
    `c.status <> 'cancelled'`,
    `c.starts_on >= ${from}::date`,
    `c.starts_on <= ${from}::date + ${UPCOMING_COHORT_DAYS}`,
    ...scoped((u, p) => trainingScope(u, p, 'co.system_model_id'), cohortsP),
  ];
  const cohorts: Query = {
    sql: `SELECT c.id, c.code, co.title AS course_title, f.name AS facility_name, c.starts_on::text AS starts_on,
                 c.seats,
                 (SELECT count(*) FROM enrollments e WHERE e.cohort_id = c.id AND e.status <> 'withdrawn')::int
                   AS seats_taken
            FROM cohorts c
            JOIN courses co ON co.id = c.course_id
            JOIN facilities f ON f.id = c.facility_id
           ${whereSql(cohortsWhere)}
           ORDER BY c.starts_on, c.code, c.id`,
    params: cohortsP.values,
  };

  // crew coverage, as the training reports compute it (crewCoverageSql; partner users: their donated models and
  // systems), but the people qualified per model and kind are summed from qualified_people_monthly (people by
  // the month of their first qualification, kept on write by migration 1796040100000) instead of counted
  // distinct over every qualification
  const coverageP = new SqlParams();
  const inService = [`s.status <> 'written_off'`, ...scoped((u, p) => systemScope(u, p, { alias: 's' }), coverageP)];
  const donated = scoped((u, p) => systemScope(u, p, { alias: 'ds' }), coverageP);
  const coverage: Query = {
    sql: `
WITH in_service AS (
  SELECT s.model_id, count(*)::int AS n FROM systems s ${whereSql(inService)} GROUP BY s.model_id
),
qualified AS (
  SELECT system_model_id,
         sum(people) FILTER (WHERE kind = 'operator')::int AS operator,
         sum(people) FILTER (WHERE kind = 'maintainer')::int AS maintainer,
         sum(people) FILTER (WHERE kind = 'commander')::int AS commander,
         sum(people) FILTER (WHERE kind = 'instructor')::int AS instructor
    FROM qualified_people_monthly
   GROUP BY system_model_id
)
SELECT sm.id AS system_model_id, sm.designation AS model_designation, sm.crew_size,
       coalesce(i.n, 0) AS systems_in_service,
       coalesce(qu.operator, 0) AS operator, coalesce(qu.maintainer, 0) AS maintainer,
       coalesce(qu.commander, 0) AS commander, coalesce(qu.instructor, 0) AS instructor
  FROM system_models sm
  LEFT JOIN in_service i ON i.model_id = sm.id
  LEFT JOIN qualified qu ON qu.system_model_id = sm.id
 ${partner ? `WHERE EXISTS (SELECT 1 FROM systems ds WHERE ds.model_id = sm.id AND ${donated.join(' AND ')})` : ''}
 ORDER BY sm.designation, sm.id`,
    params: coverageP.values,
  };

  return {
    fleet,
    trend,
    backlog,
    turnaround,
    overdue,
    cohorts,
    coverage,
  };
}

/**
 * The home page's figures: the fleet now and over 12 months, the repair backlog per workshop, turnaround,
 * overdue requests, upcoming cohorts and crew-coverage gaps. Seven statements, run side by side, each one
 * aggregate query (no loop over rows). Partner users get their country's slice; every other role the
 * whole coalition.
 */
@Injectable()
export class DashboardService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async get(user: CurrentUser, now = new Date()): Promise<Dashboard> {
    const partner = user.role === 'partner' ? user : null;
    const q = dashboardQueries(partner, workshopToday(now));
    const run = <T>(query: Query): Promise<T[]> => queryReplica<T>(this.db, query.sql, query.params);
    const [fleet, trend, backlog, [turnaround], [overdue], cohorts, coverage] = await Promise.all([
      run<{ status: SystemStatus; n: number }>(q.fleet),
      run<TrendRow>(q.trend),
      run<{ id: string; code: string; name: string; open: number; overdue: number; awaiting_parts: number }>(q.backlog),
      run<{ completed: number; median: number | null }>(q.turnaround),
      run<{ count: number; oldest: string | null }>(q.overdue),
      run<{
        id: string;
        code: string;
        course_title: string;
        facility_name: string;
        starts_on: string;
        seats: number;
        seats_taken: number;
      }>(q.cohorts),
      run<CoverageInput>(q.coverage),
    ]);
    return {
      partnerId: partner?.partnerId ?? null,
      asOf: now.toISOString(),
      fleet: { ...fleetNow(fleet), trend: toTrend(trend) },
      backlog: backlog.map((b) => ({
        facilityId: b.id,
        facilityCode: b.code,
        facilityName: b.name,
        open: b.open,
        overdue: b.overdue,
        awaitingParts: b.awaiting_parts,
      })),
      turnaround: { completed: turnaround.completed, medianDays: roundDays(turnaround.median) },
      overdueRequests: { count: overdue.count, oldestNeededBy: overdue.oldest },
      upcomingCohorts: cohorts.map((c) => ({
        cohortId: c.id,
        code: c.code,
        courseTitle: c.course_title,
        facilityName: c.facility_name,
        startsOn: c.starts_on,
        seats: c.seats,
        seatsTaken: c.seats_taken,
      })),
      crewCoverageGaps: coverageGaps(coverage),
    };
  }
}

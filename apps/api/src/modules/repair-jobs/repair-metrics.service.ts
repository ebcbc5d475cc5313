import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CurrentUser, RepairJobMetrics, RepairJobMetricsQuery } from '@jv/contracts';
import { openRepairJobStatuses, type RepairJobStatus } from '@jv/domain';
import type { DataSource } from 'typeorm';
import { NotFound, ValidationFailed } from '../../common/errors';
import { repairJobScope, worksAt } from '../../common/scope';
import { SqlParams } from '../../common/sql';
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

/**
 * Backlog, turnaround, time awaiting parts, weekly throughput and overdue jobs — a handful of
 * aggregate queries, never a loop over jobs. Workshop users see their own facilities only.
 */
@Injectable()
export class RepairMetricsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async metrics(q: RepairJobMetricsQuery, user: CurrentUser): Promise<RepairJobMetrics> {
    if (q.facilityId && !worksAt(user, q.facilityId)) throw new NotFound('Facility');
    const { from, to } = metricsPeriod(q);
    /** The caller's scope and the facility asked for, as `AND …` on jobs `j`, its parameters in `p`. */
    const scoped = (p: SqlParams) => {
      const where = repairJobScope(user, p, { job: 'j' });
      if (q.facilityId) where.push(`j.facility_id = ${p.add(q.facilityId)}::uuid`);
      return where.map((c) => `AND ${c}`).join(' ');
    };
    const scopeOnly = new SqlParams();
    const scope = scoped(scopeOnly);

    const p = new SqlParams();
    const periodScope = scoped(p);
    const fromP = p.add(from);
    const toP = p.add(to);
    const fromAt = `(${fromP}::date)::timestamp AT TIME ZONE 'UTC'`;
    const toAt = `(${toP}::date + 1)::timestamp AT TIME ZONE 'UTC'`;
    const completedInPeriod = `j.status = 'completed' AND j.closed_at >= ${fromAt} AND j.closed_at < ${toAt}
      ${periodScope}`;

    const [backlog, [turnaround], [awaiting], weeks, [overdue]] = await Promise.all([
      this.db.query(
        `SELECT j.facility_id, f.code AS facility_code, j.status, count(*)::int AS count
           FROM repair_jobs j JOIN facilities f ON f.id = j.facility_id
          WHERE j.status NOT IN ${CLOSED_STATUSES_SQL} ${scope}
          GROUP BY j.facility_id, f.code, j.status`,
        scopeOnly.values,
      ),
      this.db.query(
        `SELECT count(*)::int AS completed,
                percentile_cont(0.5) WITHIN GROUP (
                  ORDER BY extract(epoch FROM j.closed_at - j.opened_at) / 3600) AS median,
                percentile_cont(0.9) WITHIN GROUP (
                  ORDER BY extract(epoch FROM j.closed_at - j.opened_at) / 3600) AS p90
           FROM repair_jobs j WHERE ${completedInPeriod}`,
        p.values,
      ),
      // per job completed in the period: the sum of its stays in awaiting_parts (each runs to the next move);
      // the LATERAL walks each job's moves through repair_job_transitions_job_idx alone (index-only)
      this.db.query(
        `WITH per_job AS (
           SELECT j.id, sum(extract(epoch FROM m.next_at - m.at)) / 3600 AS hours
             FROM repair_jobs j
             CROSS JOIN LATERAL (
               SELECT t.to_status, t.at, lead(t.at) OVER (ORDER BY t.at, t.id) AS next_at
                 FROM repair_job_transitions t WHERE t.job_id = j.id
             ) m
            WHERE ${completedInPeriod} AND m.to_status = 'awaiting_parts' AND m.next_at IS NOT NULL
            GROUP BY j.id
         )
         SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY hours) AS median,
                percentile_cont(0.9) WITHIN GROUP (ORDER BY hours) AS p90
           FROM per_job`,
        p.values,
      ),
      this.db.query(
        `SELECT to_char(w.week, 'YYYY-MM-DD') AS week_start, count(j.id)::int AS count
           FROM generate_series(date_trunc('week', (${fromP}::date)::timestamp),
                                date_trunc('week', (${toP}::date)::timestamp), interval '1 week') AS w(week)
           LEFT JOIN repair_jobs j
             ON ${completedInPeriod} AND date_trunc('week', j.closed_at AT TIME ZONE 'UTC') = w.week
          GROUP BY w.week ORDER BY w.week`,
        p.values,
      ),
      this.db.query(
        `SELECT count(*)::int AS n FROM repair_jobs j
          WHERE j.status NOT IN ${CLOSED_STATUSES_SQL} AND j.due_at < now() ${scope}`,
        scopeOnly.values,
      ),
    ]);

    const order = (s: RepairJobStatus) => openRepairJobStatuses.indexOf(s);
    return {
      backlog: (
        backlog as Array<{ facility_id: string; facility_code: string; status: RepairJobStatus; count: number }>
      )
        .sort((a, b) => a.facility_code.localeCompare(b.facility_code) || order(a.status) - order(b.status))
        .map((r) => ({ facilityId: r.facility_id, facilityCode: r.facility_code, status: r.status, count: r.count })),
      turnaround: {
        completed: turnaround.completed,
        medianHours: roundHours(turnaround.median),
        p90Hours: roundHours(turnaround.p90),
      },
      awaitingParts: { medianHours: roundHours(awaiting.median), p90Hours: roundHours(awaiting.p90) },
      completedPerWeek: (weeks as Array<{ week_start: string; count: number }>).map((w) => ({
        weekStart: w.week_start,
        count: w.count,
      })),
      overdueOpen: overdue.n,
    };
  }
}

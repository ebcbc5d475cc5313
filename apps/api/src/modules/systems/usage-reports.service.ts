import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  CreateUsageReportInput,
  CurrentUser,
  ListUsageReportsQuery,
  Page,
  UsageReportResponse,
  UsageWeek,
} from '@jv/contracts';
import type { DataSource } from 'typeorm';
import { Conflict, fieldErrors, ValidationFailed } from '../../common/errors';
import { returnedRows } from '../../common/optimistic';
import { decodeCursor, encodeCursor } from '../../common/pagination';
import { SqlParams, whereSql } from '../../common/sql';
import { AuditService } from '../audit/audit.service';
import { SystemsService } from './systems.service';
import { utcToday } from './systems.query';

type Actor = Pick<CurrentUser, 'id' | 'role' | 'partnerId' | 'facilityIds'>;

interface UsageRow {
  id: string;
  system_id: string;
  date: string;
  rounds: number;
  efc: string;
  reported_by: string | null;
  created_at: Date;
}

const USAGE_COLUMNS = `id::text AS id, system_id, date::text AS date, rounds, efc, reported_by, created_at`;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const toResponse = (r: UsageRow, user: Actor): UsageReportResponse => ({
  id: r.id,
  systemId: r.system_id,
  date: r.date,
  rounds: r.rounds,
  efc: Number(r.efc),
  // who reported is personal data: partner users do not get it
  reportedById: user.role === 'partner' ? null : r.reported_by,
  createdAt: r.created_at.toISOString(),
});

/** Rounds fired per system and day ("Ukraine's reporting on use"); each report raises total and barrel EFC. */
@Injectable()
export class UsageReportsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(SystemsService) private readonly systems: SystemsService,
  ) {}

  /**
   * One transaction: lock the system (404 outside the user's scope), refuse a written-off system and a
   * second report for the day (409), insert the report, raise the counters, write the audit row.
   */
  async create(systemId: string, input: CreateUsageReportInput, user: Actor): Promise<UsageReportResponse> {
    if (input.date > utcToday()) throw new ValidationFailed([{ path: 'date', code: 'in_future' }]);
    return this.db.transaction(async (m) => {
      const system = await this.systems.lockForAction(m, systemId, user);
      if (system.status === 'written_off')
        throw new Conflict('SYSTEM_WRITTEN_OFF', 'A written-off system takes no usage reports', {});
      const [existing] = await m.query(`SELECT 1 FROM usage_reports WHERE system_id = $1 AND date = $2`, [
        systemId,
        input.date,
      ]);
      if (existing) {
        throw new Conflict(
          'DUPLICATE_USAGE_DAY',
          `The system already has a usage report for ${input.date}`,
          { date: input.date },
          { errors: fieldErrors([{ path: 'date', code: 'duplicate' }]) },
        );
      }
      const [row]: UsageRow[] = await m.query(
        `INSERT INTO usage_reports (system_id, date, rounds, efc, reported_by)
         VALUES ($1, $2, $3, $4, $5) RETURNING ${USAGE_COLUMNS}`,
        [systemId, input.date, input.rounds, input.efc, user.id],
      );
      const [counters] = returnedRows<{ total_efc: string; barrel_efc: string; version: number }>(
        await m.query(
          `UPDATE systems
              SET total_efc = total_efc + $2, barrel_efc = barrel_efc + $2, version = version + 1, updated_at = now()
          WHERE id = $1 RETURNING total_efc, barrel_efc, version`,
          [systemId, input.efc],
        ),
      );
      const report = toResponse(row, user);
      await this.audit.record(
        {
          action: 'create',
          entityType: 'usage_report',
          entityId: report.id,
          after: {
            ...report,
            totalEfc: Number(counters.total_efc),
            barrelEfc: Number(counters.barrel_efc),
            systemVersion: counters.version,
          },
        },
        m,
      );
      return report;
    });
  }

  /** Newest day first; keyset on the date (one report per system and day, so the date is unique). */
  async list(systemId: string, q: ListUsageReportsQuery, user: Actor): Promise<Page<UsageReportResponse>> {
    await this.systems.assertVisible(systemId, user);
    const p = new SqlParams();
    const where = [`system_id = ${p.add(systemId)}::uuid`];
    if (q.from) where.push(`date >= ${p.add(q.from)}::date`);
    if (q.to) where.push(`date <= ${p.add(q.to)}::date`);
    if (q.cursor) where.push(`date < ${p.add(decodeDateCursor(q.cursor))}::date`);
    const rows: UsageRow[] = await this.db.query(
      `SELECT ${USAGE_COLUMNS} FROM usage_reports ${whereSql(where)} ORDER BY date DESC LIMIT ${p.add(q.limit + 1)}`,
      p.values,
    );
    const items = rows.slice(0, q.limit).map((r) => toResponse(r, user));
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > q.limit && last ? encodeCursor([last.date]) : null };
  }

  /** Rounds and EFC per week (weeks start on Monday), the last `weeks` weeks up to this one, zero-filled. */
  async weekly(systemId: string, weeks: number, user: Actor): Promise<UsageWeek[]> {
    await this.systems.assertVisible(systemId, user);
    const rows: Array<{ week_start: string; rounds: number; efc: number }> = await this.db.query(
      `SELECT w.week::date::text AS week_start, coalesce(sum(r.rounds), 0)::int AS rounds,
              coalesce(sum(r.efc), 0)::float8 AS efc
         FROM generate_series(date_trunc('week', $2::timestamp) - ($3::int - 1) * interval '1 week',
                              date_trunc('week', $2::timestamp), interval '1 week') AS w(week)
         LEFT JOIN usage_reports r
           ON r.system_id = $1 AND r.date >= w.week::date AND r.date < (w.week + interval '1 week')::date
        GROUP BY w.week ORDER BY w.week`,
      [systemId, utcToday(), weeks],
    );
    return rows.map((r) => ({ weekStart: r.week_start, rounds: r.rounds, efc: r.efc }));
  }
}

/** A usage list cursor is `[date]`; anything else is a 400 on `cursor`. */
export function decodeDateCursor(cursor: string): string {
  const v = decodeCursor<unknown[]>(cursor);
  if (v.length !== 1 || typeof v[0] !== 'string' || !DATE.test(v[0]) || Number.isNaN(Date.parse(v[0]))) {
    throw new ValidationFailed([{ path: 'cursor', code: 'invalid_cursor' }]);
  }
  return v[0];
}

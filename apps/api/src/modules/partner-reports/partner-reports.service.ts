import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  CreatePartnerReportInput,
  CreateReportReleaseInput,
  CurrentUser,
  ListPartnerReportsQuery,
  Page,
  PartnerReportDetail,
  PartnerReportFigures,
  PartnerReportPreviewQuery,
  PartnerReportSummary,
  PartnerReportTransitionInput,
  ReportDocument,
  ReportLang,
  ReportRelease,
} from '@jv/contracts';
import { allowedReportMoves, can, checkReportMove, type PartnerReportStatus } from '@jv/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';
import { AppError, NotFound, StaleVersion, ValidationFailed } from '../../common/errors';
import { returnedRows } from '../../common/optimistic';
import { decodeCursor, encodeCursor } from '../../common/pagination';
import { SqlParams, whereSql } from '../../common/sql';
import { queryReplica } from '../../database/read-replica';
import { AuditService } from '../audit/audit.service';
import { seesPeople } from '../repair-jobs/repair-jobs.rules';
import { sha256 } from './canonical-json';
import { computeFigures, reportPeriodOf } from './partner-report-figures';
import {
  documentFilename,
  insertDraft,
  LOCK_REPORT_SQL,
  type LockedReport,
  moveReport,
  renderDocument,
  type ReportFormat,
} from './partner-report-store';

interface ReportRow {
  id: string;
  version: number;
  partner_id: string;
  partner_code: string;
  partner_name: string;
  period: string;
  period_start: string;
  period_end: string;
  status: PartnerReportStatus;
  computed_at: Date;
  prepared_by: string | null;
  prepared_by_name: string | null;
  created_at: Date;
  created_at_key: string;
  approved_by: string | null;
  approved_by_name: string | null;
  approved_at: Date | null;
  published_by: string | null;
  published_by_name: string | null;
  published_at: Date | null;
  supersedes_id: string | null;
  superseded_by_id: string | null;
}

interface DetailRow extends ReportRow {
  figures: PartnerReportFigures;
  figures_sha256: string | null;
}

const REPORT_COLUMNS = `r.id, r.version, r.partner_id, trim(p.code) AS partner_code, p.name AS partner_name, r.period,
  r.period_start::text AS period_start, r.period_end::text AS period_end, r.status, r.computed_at,
  r.prepared_by, pu.display_name AS prepared_by_name, r.created_at,
  to_char(r.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_at_key,
  r.approved_by, au.display_name AS approved_by_name, r.approved_at,
  r.published_by, bu.display_name AS published_by_name, r.published_at, r.supersedes_id, r.superseded_by_id`;

const REPORT_JOINS = `JOIN partners p ON p.id = r.partner_id
  LEFT JOIN users pu ON pu.id = r.prepared_by
  LEFT JOIN users au ON au.id = r.approved_by
  LEFT JOIN users bu ON bu.id = r.published_by`;

const cursorSchema = z.tuple([z.iso.datetime({ offset: true }), z.uuid()]);
const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/**
 * Partner users read only their own country's published reports: anything else answers 404 like a
 * missing one. Other roles of partnerReports read every report.
 */
function reportScope(user: CurrentUser, p: SqlParams): string[] {
  if (user.role !== 'partner') return [];
  if (!user.partnerId) return ['false'];
  return [`r.status = 'published'`, `r.partner_id = ${p.add(user.partnerId)}::uuid`];
}

/** Whether the caller prepares, approves and publishes reports (admin, logistics). */
const prepares = (user: CurrentUser) => can(user.role, 'reportPreparation', 'write');

export interface DocumentFile {
  content: Buffer;
  sha256: string;
  filename: string;
  contentType: string;
  /** a frozen copy (published) or rendered now */
  frozen: boolean;
}

/**
 * Partner reports: live figures (preview), drafts, the four-eyes workflow, publishing (frozen figures and
 * documents), corrections, documents and the release log. Every change runs in one transaction with its
 * audit row and its notifications; the report row is locked (`FOR UPDATE`) before a move.
 */
@Injectable()
export class PartnerReportsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  /** The figures as they stand now, read from a replica when there is one; nothing is written. */
  async preview(q: PartnerReportPreviewQuery, now = new Date()): Promise<PartnerReportFigures> {
    const period = reportPeriodOf(q.period, now);
    const replica = { query: (sql: string, params?: unknown[]) => queryReplica(this.db, sql, params) };
    return computeFigures(replica, q.partnerId, period, now);
  }

  /** A draft for a partner and a period; 409 DUPLICATE while a draft or approved one exists. */
  async create(input: CreatePartnerReportInput, user: CurrentUser, now = new Date()): Promise<PartnerReportDetail> {
    const period = reportPeriodOf(input.period, now);
    const created = await this.db.transaction((m) =>
      insertDraft(m, { partnerId: input.partnerId, period, preparedBy: user.id, now, onConflict: 'fail' }),
    );
    if (!created) throw new Error('insertDraft answered nothing for onConflict fail');
    return this.detail(created.id, user);
  }

  /** Recomputes a draft's figures (409 REPORT_NOT_DRAFT for any other status). */
  async refresh(id: string, user: CurrentUser, now = new Date()): Promise<PartnerReportDetail> {
    await this.db.transaction(async (m) => {
      const report = await this.lock(m, id);
      if (report.status !== 'draft')
        throw new AppError('REPORT_NOT_DRAFT', { reportStatus: report.status }, `A ${report.status} report is frozen`);
      const period = reportPeriodOf(report.period, now);
      const figures = await computeFigures(m, report.partner_id, period, now);
      const [row] = returnedRows<{ version: number }>(
        await m.query(
          `UPDATE partner_reports SET figures = $2::jsonb, computed_at = $3::timestamptz, version = version + 1,
                  updated_at = now()
            WHERE id = $1 AND version = $4 RETURNING version`,
          [id, JSON.stringify(figures), figures.computedAt, report.version],
        ),
      );
      if (!row) throw new StaleVersion();
      await this.audit.record(
        {
          action: 'update',
          entityType: 'partner_report',
          entityId: id,
          before: { computedAt: report.figures.computedAt, version: report.version },
          after: { computedAt: figures.computedAt, version: row.version, refreshed: true },
        },
        m,
      );
    });
    return this.detail(id, user);
  }

  /** draft → approved (four eyes) → published; draft | approved → discarded. */
  async transition(
    id: string,
    input: PartnerReportTransitionInput,
    user: CurrentUser,
    now = new Date(),
  ): Promise<PartnerReportDetail> {
    await this.db.transaction(async (m) => {
      const report = await this.lock(m, id);
      if (input.version !== undefined && input.version !== report.version) throw new StaleVersion(report.version);
      const check = checkReportMove(report.status, input.to, { actorId: user.id, preparedById: report.prepared_by });
      if (!check.ok) {
        if (check.code === 'FOUR_EYES')
          throw new AppError('FOUR_EYES', {}, 'The person who prepared the report cannot approve it');
        throw new AppError(
          'INVALID_TRANSITION',
          { from: check.from, to: check.to, allowed: [...check.allowed] },
          `A ${check.from} report cannot become ${check.to}`,
        );
      }
      await moveReport(m, report, {
        to: input.to,
        comment: input.comment?.trim() || null,
        actor: { id: user.id, displayName: user.displayName },
        now,
      });
    });
    return this.detail(id, user);
  }

  /** Newest first; keyset on (created_at, id). Partner users: their country's published reports only. */
  async list(q: ListPartnerReportsQuery, user: CurrentUser): Promise<Page<PartnerReportSummary>> {
    const p = new SqlParams();
    const where = reportScope(user, p);
    if (q.partnerId) where.push(`r.partner_id = ${p.add(q.partnerId)}::uuid`);
    if (q.period) where.push(`r.period = ${p.add(q.period)}`);
    if (q.status) where.push(`r.status = ${p.add(q.status)}`);
    if (q.cursor) {
      const parsed = cursorSchema.safeParse(decodeCursor(q.cursor));
      if (!parsed.success) throw new ValidationFailed([{ path: 'cursor', code: 'invalid_cursor' }]);
      const [createdAt, lastId] = parsed.data;
      where.push(`(r.created_at, r.id) < (${p.add(createdAt)}::timestamptz, ${p.add(lastId)}::uuid)`);
    }
    const rows: ReportRow[] = await this.db.query(
      `SELECT ${REPORT_COLUMNS} FROM partner_reports r ${REPORT_JOINS} ${whereSql(where)}
        ORDER BY r.created_at DESC, r.id DESC LIMIT ${p.add(q.limit + 1)}`,
      p.values,
    );
    const items = rows.slice(0, q.limit);
    const last = items[items.length - 1];
    return {
      items: items.map((r) => this.toSummary(r, user)),
      nextCursor: rows.length > q.limit && last ? encodeCursor([last.created_at_key, last.id]) : null,
    };
  }

  /** One report with its figures, documents, history and the moves open to the caller. */
  async detail(id: string, user: CurrentUser): Promise<PartnerReportDetail> {
    const row = await this.readRow(this.db.manager, id, user);
    const [transitions, documents]: [
      Array<{
        from_status: PartnerReportStatus | null;
        to_status: PartnerReportStatus;
        comment: string | null;
        actor_id: string | null;
        actor_name: string | null;
        at: Date;
      }>,
      ReportDocument[],
    ] = await Promise.all([
      this.db.query(
        `SELECT t.from_status, t.to_status, t.comment, t.actor_id, u.display_name AS actor_name, t.at
           FROM partner_report_transitions t LEFT JOIN users u ON u.id = t.actor_id
          WHERE t.report_id = $1 ORDER BY t.at, t.id`,
        [id],
      ),
      this.db.query(
        `SELECT format, lang, sha256, octet_length(content)::int AS bytes FROM partner_report_documents
          WHERE report_id = $1 ORDER BY format DESC, lang DESC`,
        [id],
      ),
    ]);
    const people = seesPeople(user);
    return {
      ...this.toSummary(row, user),
      figures: row.figures,
      figuresSha256: row.figures_sha256,
      documents,
      transitions: transitions.map((t) => ({
        from: t.from_status,
        to: t.to_status,
        comment: people ? t.comment : null,
        actor: people && t.actor_id ? { id: t.actor_id, displayName: t.actor_name ?? '' } : null,
        at: new Date(t.at).toISOString(),
      })),
      allowedTransitions: prepares(user)
        ? allowedReportMoves(row.status).filter(
            (to) => checkReportMove(row.status, to, { actorId: user.id, preparedById: row.prepared_by }).ok,
          )
        : [],
    };
  }

  /**
   * A document of a report: the stored, frozen bytes of a published one; rendered now (marked by its
   * status) otherwise. A partner user's download is written to the release log with its audit row.
   */
  async document(id: string, format: ReportFormat, lang: ReportLang, user: CurrentUser): Promise<DocumentFile> {
    const row = await this.readRow(this.db.manager, id, user);
    const filename = documentFilename(row.partner_code, row.period, lang, format);
    const contentType = format === 'pdf' ? 'application/pdf' : 'text/csv; charset=utf-8';
    let file: DocumentFile;
    if (row.status === 'published') {
      const [stored]: Array<{ content: Buffer; sha256: string }> = await this.db.query(
        `SELECT content, sha256 FROM partner_report_documents WHERE report_id = $1 AND format = $2 AND lang = $3`,
        [id, format, lang],
      );
      if (!stored) throw new NotFound('Report document');
      file = { content: stored.content, sha256: stored.sha256, filename, contentType, frozen: true };
    } else {
      const content = await renderDocument(
        row.figures,
        {
          reportId: row.id,
          status: row.status,
          publishedAt: null,
          publishedBy: null,
          figuresSha256: row.figures_sha256,
        },
        format,
        lang,
      );
      file = { content, sha256: sha256(content), filename, contentType, frozen: false };
    }
    if (user.role === 'partner') {
      await this.db.transaction(async (m) => {
        const [release]: Array<{ id: string }> = await m.query(
          `INSERT INTO partner_report_releases (report_id, kind, recipient, channel, format, lang, sha256, actor_id)
           VALUES ($1, 'download', $2, 'download', $3, $4, $5, $6) RETURNING id`,
          [id, `${user.displayName} <${user.email}>`, format, lang, file.sha256, user.id],
        );
        await this.audit.record(
          {
            action: 'create',
            entityType: 'partner_report_release',
            entityId: release.id,
            after: { reportId: id, kind: 'download', format, lang, sha256: file.sha256 },
          },
          m,
        );
      });
    }
    return file;
  }

  /** The release log of a report, oldest first. */
  async releases(id: string, user: CurrentUser): Promise<{ items: ReportRelease[] }> {
    await this.readRow(this.db.manager, id, user);
    const rows: ReleaseRow[] = await this.db.query(`${RELEASE_SELECT} WHERE x.report_id = $1 ORDER BY x.at, x.id`, [
      id,
    ]);
    return { items: rows.map(toRelease) };
  }

  /** Records that a published report was released (409 REPORT_NOT_PUBLISHED otherwise). */
  async recordRelease(id: string, input: CreateReportReleaseInput, user: CurrentUser): Promise<ReportRelease> {
    return this.db.transaction(async (m) => {
      const row = await this.readRow(m, id, user);
      if (row.status !== 'published')
        throw new AppError(
          'REPORT_NOT_PUBLISHED',
          { reportStatus: row.status },
          'Releases are recorded for published reports only',
        );
      const note = input.note?.trim() || null;
      const [{ id: releaseId }]: Array<{ id: string }> = await m.query(
        `INSERT INTO partner_report_releases (report_id, kind, recipient, channel, note, actor_id)
         VALUES ($1, 'recorded', $2, $3, $4, $5) RETURNING id`,
        [id, input.recipient, input.channel, note, user.id],
      );
      const [release]: ReleaseRow[] = await m.query(`${RELEASE_SELECT} WHERE x.id = $1`, [releaseId]);
      const response = toRelease(release);
      await this.audit.record(
        { action: 'create', entityType: 'partner_report_release', entityId: releaseId, after: response },
        m,
      );
      return response;
    });
  }

  private toSummary(r: ReportRow, user: CurrentUser): PartnerReportSummary {
    const people = seesPeople(user);
    const person = (id: string | null, name: string | null) => (people && id ? { id, displayName: name ?? '' } : null);
    return {
      id: r.id,
      version: r.version,
      partnerId: r.partner_id,
      partnerCode: r.partner_code,
      partnerName: r.partner_name,
      period: r.period,
      periodStart: r.period_start,
      periodEnd: r.period_end,
      status: r.status,
      computedAt: new Date(r.computed_at).toISOString(),
      preparedBy: person(r.prepared_by, r.prepared_by_name),
      preparedAt: new Date(r.created_at).toISOString(),
      approvedBy: person(r.approved_by, r.approved_by_name),
      approvedAt: iso(r.approved_at),
      publishedBy: person(r.published_by, r.published_by_name),
      publishedAt: iso(r.published_at),
      supersedesId: r.supersedes_id,
      supersededById: r.superseded_by_id,
    };
  }

  /** A report in the caller's scope with its figures; 404 otherwise. */
  private async readRow(m: Pick<EntityManager, 'query'>, id: string, user: CurrentUser): Promise<DetailRow> {
    const p = new SqlParams();
    const where = [`r.id = ${p.add(id)}::uuid`, ...reportScope(user, p)];
    const [row]: DetailRow[] = await m.query(
      `SELECT ${REPORT_COLUMNS}, r.figures, r.figures_sha256 FROM partner_reports r ${REPORT_JOINS} ${whereSql(where)}`,
      p.values,
    );
    if (!row) throw new NotFound('Partner report');
    return row;
  }

  /** Locks a report for a change (only preparing roles change reports: no scope); 404 when missing. */
  private async lock(m: Pick<EntityManager, 'query'>, id: string): Promise<LockedReport> {
    const [row]: LockedReport[] = await m.query(LOCK_REPORT_SQL, [id]);
    if (!row) throw new NotFound('Partner report');
    return row;
  }
}

interface ReleaseRow {
  id: string;
  report_id: string;
  kind: 'download' | 'recorded';
  recipient: string;
  channel: string;
  note: string | null;
  format: 'pdf' | 'csv' | null;
  lang: ReportLang | null;
  sha256: string | null;
  actor_id: string | null;
  actor_name: string | null;
  at: Date;
}

const RELEASE_SELECT = `SELECT x.id, x.report_id, x.kind, x.recipient, x.channel, x.note, x.format, x.lang, x.sha256,
       x.actor_id, u.display_name AS actor_name, x.at
  FROM partner_report_releases x LEFT JOIN users u ON u.id = x.actor_id`;

const toRelease = (r: ReleaseRow): ReportRelease => ({
  id: r.id,
  reportId: r.report_id,
  kind: r.kind,
  recipient: r.recipient,
  channel: r.channel,
  note: r.note,
  format: r.format,
  lang: r.lang,
  sha256: r.sha256,
  actor: r.actor_id ? { id: r.actor_id, displayName: r.actor_name ?? '' } : null,
  at: new Date(r.at).toISOString(),
});

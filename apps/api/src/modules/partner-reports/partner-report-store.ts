import type { PartnerReportFigures, ReportLang } from '@jv/contracts';
import type { PartnerReportStatus, ReportPeriod } from '@jv/domain';
import type { EntityManager } from 'typeorm';
import { AppError, fieldErrors, StaleVersion } from '../../common/errors';
import { returnedRows } from '../../common/optimistic';
import { type AuditRecord, recordAudit } from '../audit/audit.service';
import { notify } from '../notifications/notify';
import { canonicalSha256, sha256 } from './canonical-json';
import { computeFigures } from './partner-report-figures';
import { renderReportCsv, renderReportPdf, type ReportDocumentMeta } from './report-documents';
import { isUniqueViolation } from '../../common/pg-errors';

/*
 * The writes of the report workflow as functions of the transaction's EntityManager, shared by the
 * service (requests), the automatic drafts (scheduler, CLI) and the demo seed.
 */

type Manager = Pick<EntityManager, 'query'>;
export type AuditActor = NonNullable<AuditRecord['actor']>;

export const REPORT_FORMATS = ['pdf', 'csv'] as const;
export const REPORT_LANGS: readonly ReportLang[] = ['uk', 'en'];
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The file name a document is saved as: jv-report-LV-2026-Q3-uk.pdf */
export const documentFilename = (partnerCode: string, period: string, lang: ReportLang, format: ReportFormat) =>
  `jv-report-${partnerCode.trim()}-${period}-${lang}.${format}`;

/** Renders one document of a report (a draft's is marked as such by `meta.status`). */
export async function renderDocument(
  figures: PartnerReportFigures,
  meta: ReportDocumentMeta,
  format: ReportFormat,
  lang: ReportLang,
): Promise<Buffer> {
  return format === 'pdf'
    ? renderReportPdf(figures, meta, lang)
    : Buffer.from(renderReportCsv(figures, meta, lang), 'utf8');
}

export const duplicateReport = () =>
  new AppError('DUPLICATE', {}, 'A draft or approved report exists for this partner and period', {
    errors: fieldErrors([{ path: 'period', code: 'duplicate' }]),
  });

/** the partial unique index partner_reports_one_open_uq as a conflict target */
const SKIP_OPEN_DUPLICATE = `ON CONFLICT (partner_id, period) WHERE status IN ('draft', 'approved') DO NOTHING`;

export interface DraftInput {
  partnerId: string;
  period: ReportPeriod;
  /** null: the automatic drafts */
  preparedBy: string | null;
  now: Date;
  actor?: AuditActor;
  /**
   * `fail`: a draft or approved report for the partner and period is 409 DUPLICATE (the partial unique
   * index refuses it); `skip`: nothing is written and null comes back (ON CONFLICT DO NOTHING).
   */
  onConflict: 'fail' | 'skip';
}

/**
 * Prepares a draft: figures computed now, its first transition (→ draft), the audit row and the
 * `report_awaits_approval` notification to admin and logistics users but the preparer.
 */
export async function insertDraft(m: Manager, input: DraftInput): Promise<{ id: string; partnerCode: string } | null> {
  const figures = await computeFigures(m, input.partnerId, input.period, input.now);
  let rows: Array<{ id: string }>;
  try {
    rows = await m.query(
      `INSERT INTO partner_reports (partner_id, period, period_start, period_end, status, figures, computed_at,
                                    prepared_by)
       VALUES ($1, $2, $3::date, $4::date, 'draft', $5::jsonb, $6::timestamptz, $7::uuid)
       ${input.onConflict === 'skip' ? SKIP_OPEN_DUPLICATE : ''}
       RETURNING id`,
      [
        input.partnerId,
        input.period.period,
        input.period.start,
        input.period.end,
        JSON.stringify(figures),
        figures.computedAt,
        input.preparedBy,
      ],
    );
  } catch (e) {
    if (isUniqueViolation(e)) throw duplicateReport();
    throw e;
  }
  const id = rows[0]?.id;
  if (!id) return null;
  await m.query(
    `INSERT INTO partner_report_transitions (report_id, from_status, to_status, actor_id, at)
     VALUES ($1, NULL, 'draft', $2, $3::timestamptz)`,
    [id, input.preparedBy, input.now.toISOString()],
  );
  await recordAudit(m, {
    action: 'create',
    entityType: 'partner_report',
    entityId: id,
    after: {
      partnerId: input.partnerId,
      period: input.period.period,
      status: 'draft',
      preparedBy: input.preparedBy,
      computedAt: figures.computedAt,
    },
    actor: input.actor,
  });
  const params = { partnerCode: figures.partner.code.trim(), period: input.period.period };
  await notify(
    m,
    { roles: ['admin', 'logistics'], exceptUserId: input.preparedBy },
    { kind: 'report_awaits_approval', subjectType: 'partner_report', subjectId: id, params },
  );
  return { id, partnerCode: params.partnerCode };
}

/** The report row as locked for a move. */
export interface LockedReport {
  id: string;
  version: number;
  partner_id: string;
  partner_code: string;
  period: string;
  status: PartnerReportStatus;
  figures: PartnerReportFigures;
  prepared_by: string | null;
}

export const LOCK_REPORT_SQL = `
SELECT r.id, r.version, r.partner_id, trim(p.code) AS partner_code, r.period, r.status, r.figures, r.prepared_by
  FROM partner_reports r JOIN partners p ON p.id = r.partner_id
 WHERE r.id = $1::uuid FOR UPDATE OF r`;

export interface MoveInput {
  to: PartnerReportStatus;
  comment: string | null;
  actor: { id: string; displayName: string };
  now: Date;
  /** the audit row's actor; default: the signed-in user of the request */
  auditActor?: AuditActor;
}

/**
 * Moves a locked report (the move already checked): `UPDATE … WHERE version = $v`, a transition row, the
 * audit row. Publishing freezes it: the SHA-256 of the figures' canonical JSON, the PDF and CSV in uk and
 * en stored with their SHA-256, the link to the published report it corrects (same partner and period,
 * not yet superseded), and the `report_published` notification to the partner's users. Answers the new
 * version; 409 STALE_VERSION when the row changed meanwhile.
 */
export async function moveReport(m: Manager, report: LockedReport, input: MoveInput): Promise<number> {
  const at = input.now;
  const publishing = input.to === 'published';
  const figuresSha = publishing ? canonicalSha256(report.figures) : null;
  let supersedesId: string | null = null;
  if (publishing) {
    const [earlier]: Array<{ id: string }> = await m.query(
      `SELECT id FROM partner_reports
        WHERE partner_id = $1 AND period = $2 AND status = 'published' AND superseded_by_id IS NULL AND id <> $3
        ORDER BY published_at DESC, id DESC LIMIT 1 FOR UPDATE`,
      [report.partner_id, report.period, report.id],
    );
    supersedesId = earlier?.id ?? null;
  }
  const rows = returnedRows<{ version: number }>(
    await m.query(
      `UPDATE partner_reports
          SET status = $3,
              approved_by = CASE WHEN $3 = 'approved' THEN $4::uuid ELSE approved_by END,
              approved_at = CASE WHEN $3 = 'approved' THEN $5::timestamptz ELSE approved_at END,
              published_by = CASE WHEN $3 = 'published' THEN $4::uuid ELSE published_by END,
              published_at = CASE WHEN $3 = 'published' THEN $5::timestamptz ELSE published_at END,
              figures_sha256 = CASE WHEN $3 = 'published' THEN $6 ELSE figures_sha256 END,
              supersedes_id = CASE WHEN $3 = 'published' THEN $7::uuid ELSE supersedes_id END,
              version = version + 1, updated_at = now()
        WHERE id = $1 AND version = $2 RETURNING version`,
      [report.id, report.version, input.to, input.actor.id, at.toISOString(), figuresSha, supersedesId],
    ),
  );
  if (rows.length !== 1) throw new StaleVersion();
  const version = rows[0].version;
  await m.query(
    `INSERT INTO partner_report_transitions (report_id, from_status, to_status, comment, actor_id, at)
     VALUES ($1, $2, $3, $4, $5, $6::timestamptz)`,
    [report.id, report.status, input.to, input.comment, input.actor.id, at.toISOString()],
  );
  const documents: Array<{ format: ReportFormat; lang: ReportLang; sha256: string; bytes: number }> = [];
  if (publishing) {
    const meta: ReportDocumentMeta = {
      reportId: report.id,
      status: 'published',
      publishedAt: at,
      publishedBy: input.actor.displayName,
      figuresSha256: figuresSha,
    };
    for (const format of REPORT_FORMATS) {
      for (const lang of REPORT_LANGS) {
        const content = await renderDocument(report.figures, meta, format, lang);
        const hash = sha256(content);
        await m.query(
          `INSERT INTO partner_report_documents (report_id, format, lang, content, sha256) VALUES ($1, $2, $3, $4, $5)`,
          [report.id, format, lang, content, hash],
        );
        documents.push({ format, lang, sha256: hash, bytes: content.length });
      }
    }
    if (supersedesId) {
      await m.query(
        `UPDATE partner_reports SET superseded_by_id = $2, version = version + 1, updated_at = now() WHERE id = $1`,
        [supersedesId, report.id],
      );
      await recordAudit(m, {
        action: 'update',
        entityType: 'partner_report',
        entityId: supersedesId,
        before: { supersededById: null },
        after: { supersededById: report.id },
        actor: input.auditActor,
      });
    }
    await notify(
      m,
      { roles: ['partner'], partnerId: report.partner_id },
      {
        kind: 'report_published',
        subjectType: 'partner_report',
        subjectId: report.id,
        params: { partnerCode: report.partner_code, period: report.period },
      },
    );
  }
  await recordAudit(m, {
    action: 'update',
    entityType: 'partner_report',
    entityId: report.id,
    before: { status: report.status, version: report.version },
    after: {
      status: input.to,
      comment: input.comment,
      version,
      ...(input.to === 'approved' ? { approvedBy: input.actor.id, approvedAt: at } : {}),
      ...(publishing
        ? { publishedBy: input.actor.id, publishedAt: at, figuresSha256: figuresSha, supersedesId, documents }
        : {}),
    },
    actor: input.auditActor,
  });
  return version;
}

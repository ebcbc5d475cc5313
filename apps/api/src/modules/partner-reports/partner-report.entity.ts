import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { PartnerReportFigures, ReportLang } from '@jv/contracts';
import type { PartnerReportStatus } from '@jv/domain';
import { VersionedEntity } from '../../database/versioned.entity';
import { PartnerEntity } from '../partners/partner.entity';
import { UserEntity } from '../users/user.entity';

/**
 * A report to one partner country for one period. Its figures are computed when prepared (and on
 * refresh while a draft) and frozen on publishing, with the PDF and CSV in both languages stored
 * beside it (partner_report_documents). A correction is a new report that supersedes a published one.
 */
@Entity({ name: 'partner_reports' })
@Index('partner_reports_list_idx', ['createdAt', 'id'])
@Index('partner_reports_partner_idx', ['partnerId', 'createdAt', 'id'])
@Index('partner_reports_status_idx', ['status', 'createdAt', 'id'])
/** one draft or approved report per partner and period (the automatic drafts run twice or concurrently) */
@Index('partner_reports_one_open_uq', ['partnerId', 'period'], {
  unique: true,
  where: `"status" IN ('draft', 'approved')`,
})
@Check('partner_reports_status_ck', `"status" IN ('draft', 'approved', 'published', 'discarded')`)
@Check('partner_reports_period_ck', `"period" ~ '^[0-9]{4}-(0[1-9]|1[0-2]|Q[1-4])$'`)
export class PartnerReportEntity extends VersionedEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'partner_id', type: 'uuid' })
  partnerId!: string;

  @ManyToOne(() => PartnerEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'partner_id' })
  partner!: PartnerEntity;

  /** `2026-10` or `2026-Q3` */
  @Column({ type: 'text' })
  period!: string;

  @Column({ name: 'period_start', type: 'date' })
  periodStart!: string;

  /** the last day, included */
  @Column({ name: 'period_end', type: 'date' })
  periodEnd!: string;

  @Column({ type: 'text' })
  status!: PartnerReportStatus;

  @Column({ type: 'jsonb' })
  figures!: PartnerReportFigures;

  @Column({ name: 'computed_at', type: 'timestamptz' })
  computedAt!: Date;

  /** SHA-256 of the figures as canonical JSON; set on publishing */
  @Column({ name: 'figures_sha256', type: 'text', nullable: true })
  figuresSha256!: string | null;

  /** null: prepared by the automatic drafts */
  @Column({ name: 'prepared_by', type: 'uuid', nullable: true })
  preparedBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'prepared_by' })
  preparer?: UserEntity;

  @Column({ name: 'approved_by', type: 'uuid', nullable: true })
  approvedBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'approved_by' })
  approver?: UserEntity;

  @Column({ name: 'approved_at', type: 'timestamptz', nullable: true })
  approvedAt!: Date | null;

  @Column({ name: 'published_by', type: 'uuid', nullable: true })
  publishedBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'published_by' })
  publisher?: UserEntity;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  /** the published report this one corrects (set when it is published) */
  @Column({ name: 'supersedes_id', type: 'uuid', nullable: true })
  supersedesId!: string | null;

  @ManyToOne(() => PartnerReportEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'supersedes_id' })
  supersedes?: PartnerReportEntity;

  @Column({ name: 'superseded_by_id', type: 'uuid', nullable: true })
  supersededById!: string | null;

  @ManyToOne(() => PartnerReportEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'superseded_by_id' })
  supersededBy?: PartnerReportEntity;
}

/** Every move of a report: who, when, from → to, why. */
@Entity({ name: 'partner_report_transitions' })
@Index('partner_report_transitions_report_idx', ['reportId', 'at'])
export class PartnerReportTransitionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'report_id', type: 'uuid' })
  reportId!: string;

  @ManyToOne(() => PartnerReportEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'report_id' })
  report!: PartnerReportEntity;

  @Column({ name: 'from_status', type: 'text', nullable: true })
  fromStatus!: PartnerReportStatus | null;

  @Column({ name: 'to_status', type: 'text' })
  toStatus!: PartnerReportStatus;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;
}

/** The frozen documents of a published report: PDF and CSV, Ukrainian and English, with their SHA-256. */
@Entity({ name: 'partner_report_documents' })
@Check('partner_report_documents_format_ck', `"format" IN ('pdf', 'csv')`)
@Check('partner_report_documents_lang_ck', `"lang" IN ('uk', 'en')`)
export class PartnerReportDocumentEntity {
  @PrimaryColumn({ name: 'report_id', type: 'uuid' })
  reportId!: string;

  @ManyToOne(() => PartnerReportEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'report_id' })
  report!: PartnerReportEntity;

  @PrimaryColumn({ type: 'text' })
  format!: 'pdf' | 'csv';

  @PrimaryColumn({ type: 'text' })
  lang!: ReportLang;

  @Column({ type: 'bytea' })
  content!: Buffer;

  @Column({ type: 'text' })
  sha256!: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}

/** The release log: a partner user's download, or a release recorded by staff. Append-only. */
@Entity({ name: 'partner_report_releases' })
@Index('partner_report_releases_report_idx', ['reportId', 'at', 'id'])
@Check('partner_report_releases_kind_ck', `"kind" IN ('download', 'recorded')`)
export class PartnerReportReleaseEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'report_id', type: 'uuid' })
  reportId!: string;

  @ManyToOne(() => PartnerReportEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'report_id' })
  report!: PartnerReportEntity;

  @Column({ type: 'text' })
  kind!: 'download' | 'recorded';

  @Column({ type: 'text' })
  recipient!: string;

  @Column({ type: 'text' })
  channel!: string;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ type: 'text', nullable: true })
  format!: 'pdf' | 'csv' | null;

  @Column({ type: 'text', nullable: true })
  lang!: ReportLang | null;

  @Column({ type: 'text', nullable: true })
  sha256!: string | null;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;
}

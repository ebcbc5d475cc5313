import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CourseKind } from '@jv/domain';

/**
 * Usage reports per donor partner, system model and month (the report's use section), kept by triggers on
 * usage_reports and systems in the writer's transaction (migration MaintainSupplyAndReportSummaries). No
 * foreign keys: the rows are sums, written by those triggers only.
 */
@Entity({ name: 'usage_monthly_totals' })
export class UsageMonthlyTotalEntity {
  @PrimaryColumn({ name: 'partner_id', type: 'uuid', primaryKeyConstraintName: 'usage_monthly_totals_pk' })
  partnerId!: string;

  @PrimaryColumn({ name: 'model_id', type: 'uuid', primaryKeyConstraintName: 'usage_monthly_totals_pk' })
  modelId!: string;

  /** first day of the month */
  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'usage_monthly_totals_pk' })
  month!: string;

  @Column({ type: 'bigint' })
  rounds!: string;

  @Column({ type: 'numeric' })
  efc!: string;

  /** how many reports the sums hold (a model is in the period's use when it has any) */
  @Column({ type: 'int' })
  reports!: number;
}

/**
 * People per system model and qualification kind by the month of their first qualification on them (crew
 * coverage by a period's last day sums the months up to it), kept by triggers on qualifications.
 */
@Entity({ name: 'qualified_people_monthly' })
export class QualifiedPeopleMonthlyEntity {
  @PrimaryColumn({ name: 'system_model_id', type: 'uuid', primaryKeyConstraintName: 'qualified_people_monthly_pk' })
  systemModelId!: string;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'qualified_people_monthly_pk' })
  kind!: CourseKind;

  /** first day of the month */
  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'qualified_people_monthly_pk' })
  month!: string;

  @Column({ type: 'int' })
  people!: number;
}

import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Completed jobs per facility and UTC day of completion (the metrics' weekly series and counts), kept by
 * triggers on repair_jobs in the writer's transaction (migration MaintainRepairSummaries). No foreign keys:
 * the rows are counts, written by those triggers only.
 */
@Entity({ name: 'repair_job_completions' })
export class RepairJobCompletionEntity {
  @PrimaryColumn({ name: 'facility_id', type: 'uuid', primaryKeyConstraintName: 'repair_job_completions_pk' })
  facilityId!: string;

  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'repair_job_completions_pk' })
  day!: string;

  @Column({ type: 'int' })
  jobs!: number;
}

/**
 * Completed jobs per figure (`turnaround`, `awaiting_parts`), UTC month of completion, facility and log-scale
 * bucket of the figure's hours (`repair_hours_bucket`), kept by the same triggers: the metrics find the bucket
 * that holds a median or p90 here, then read only that bucket's jobs.
 */
@Entity({ name: 'repair_job_hours_histogram' })
export class RepairJobHoursHistogramEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'repair_job_hours_histogram_pk' })
  metric!: 'turnaround' | 'awaiting_parts';

  /** first day of the month */
  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'repair_job_hours_histogram_pk' })
  month!: string;

  @PrimaryColumn({ name: 'facility_id', type: 'uuid', primaryKeyConstraintName: 'repair_job_hours_histogram_pk' })
  facilityId!: string;

  @PrimaryColumn({ type: 'smallint', primaryKeyConstraintName: 'repair_job_hours_histogram_pk' })
  bucket!: number;

  @Column({ type: 'int' })
  jobs!: number;
}

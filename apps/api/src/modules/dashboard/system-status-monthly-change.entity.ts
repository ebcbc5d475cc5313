import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The net change in systems available (operational or degraded) and in service (not written off) per Kyiv
 * month of their status history, kept by triggers on system_status_history in the writer's transaction
 * (migration MaintainRepairSummaries): the dashboard's 12-month trend for the whole coalition.
 */
@Entity({ name: 'system_status_monthly_changes' })
export class SystemStatusMonthlyChangeEntity {
  /** first day of the month, Europe/Kyiv */
  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'system_status_monthly_changes_pk' })
  month!: string;

  @Column({ type: 'int' })
  available!: number;

  @Column({ name: 'in_service', type: 'int' })
  inService!: number;
}

import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { RepairJobStatus, SystemStatus } from '@jv/domain';
import { VersionedEntity } from '../../database/versioned.entity';
import { numericTransformer } from '../../database/numeric.transformer';
import { ComponentEntity } from '../components/component.entity';
import { FacilityEntity } from '../facilities/facility.entity';
import { SystemModelEntity } from '../system-models/system-model.entity';
import { SystemEntity } from '../systems/system.entity';
import { UserEntity } from '../users/user.entity';

export type RepairJobKind = 'preventive' | 'corrective' | 'battle_damage' | 'overhaul' | 'barrel_change';
export type RepairJobPriority = 'routine' | 'priority' | 'urgent';

/**
 * A repair job at a JV facility. `priority_rank` (urgent 0, priority 1, routine 2) lets lists sort by
 * priority then age with a keyset on (priority_rank, opened_at, id). At most one open job per system
 * (partial unique index).
 */
@Entity({ name: 'repair_jobs' })
@Index('repair_jobs_one_open_per_system_uq', ['systemId'], {
  unique: true,
  where: `"status" NOT IN ('completed', 'cancelled')`,
})
@Index('repair_jobs_facility_queue_idx', ['facilityId', 'status', 'priorityRank', 'openedAt', 'id'])
@Index('repair_jobs_queue_idx', ['priorityRank', 'openedAt', 'id'])
/** (system, opened_at) covering closed_at and status (a partner report's repairs); created in the migrations */
@Index('repair_jobs_system_idx', { synchronize: false })
@Index('repair_jobs_status_idx', ['status', 'dueAt'])
@Index('repair_jobs_closed_idx', ['closedAt'])
@Index('repair_jobs_plan_idx', ['preventivePlanId', 'systemId', 'openedAt'])
@Index('repair_jobs_technicians_idx', { synchronize: false })
/** the board: open jobs of a facility by priority then age */
@Index('repair_jobs_open_queue_idx', ['facilityId', 'priorityRank', 'openedAt', 'id'], {
  where: `"status" NOT IN ('completed', 'cancelled')`,
})
/**
 * metrics: completed jobs by close time, covering opened_at, facility and id (index-only scans);
 * created in the migration
 */
@Index('repair_jobs_completed_idx', { synchronize: false })
/**
 * the jobs of one bucket of a figure in value order (the last step of an exact median or p90), covering close
 * time and facility; created in the migration
 */
@Index('repair_jobs_turnaround_idx', { synchronize: false })
@Index('repair_jobs_awaiting_parts_idx', { synchronize: false })
/** open jobs per facility and state, and the overdue ones, index-only; created in the migration */
@Index('repair_jobs_open_idx', { synchronize: false })
export class RepairJobEntity extends VersionedEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** RJ-YYYY-NNNNN, from number_sequences (no gaps or duplicates under concurrency) */
  @Column({ type: 'text', unique: true })
  number!: string;

  @Column({ name: 'facility_id', type: 'uuid' })
  facilityId!: string;

  @ManyToOne(() => FacilityEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'facility_id' })
  facility!: FacilityEntity;

  @Column({ name: 'system_id', type: 'uuid' })
  systemId!: string;

  @ManyToOne(() => SystemEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'system_id' })
  system!: SystemEntity;

  @Column({ type: 'text' })
  kind!: RepairJobKind;

  @Column({ type: 'text' })
  priority!: RepairJobPriority;

  @Column({ name: 'priority_rank', type: 'smallint' })
  priorityRank!: number;

  @Column({ type: 'text' })
  status!: RepairJobStatus;

  @Column({ name: 'reported_fault', type: 'text' })
  reportedFault!: string;

  @Column({ type: 'text', nullable: true })
  diagnosis!: string | null;

  /** assigned technicians (user ids); GIN index created in the migration */
  @Column({ name: 'technician_ids', type: 'uuid', array: true, default: () => "'{}'" })
  technicianIds!: string[];

  /** the system's status when the job opened, restored on cancel */
  @Column({ name: 'system_status_before', type: 'text' })
  systemStatusBefore!: SystemStatus;

  @Column({ name: 'opened_at', type: 'timestamptz', default: () => 'now()' })
  openedAt!: Date;

  /** target completion from the priority; an open job past it is overdue */
  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt!: Date;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Column({ name: 'opened_by', type: 'uuid', nullable: true })
  openedById!: string | null;

  @Column({ name: 'preventive_plan_id', type: 'uuid', nullable: true })
  preventivePlanId!: string | null;

  /** for barrel_change jobs: the barrel fitted, recorded when the job completes */
  @Column({ name: 'new_barrel_serial', type: 'text', nullable: true })
  newBarrelSerial!: string | null;

  /** when someone last asked the facility for this job's quality sign-off: repeats within minutes notify nobody */
  @Column({ name: 'sign_off_requested_at', type: 'timestamptz', nullable: true })
  signOffRequestedAt!: Date | null;

  /*
   * The figures below are kept by database triggers from the job's moves (migration MaintainRepairSummaries):
   * never written by the app.
   */

  /** when the job entered its current state (its last move) */
  @Column({ name: 'state_entered_at', type: 'timestamptz', nullable: true })
  stateEnteredAt!: Date | null;

  /** the sum of its finished stays in awaiting_parts, in hours; NULL until one has finished */
  @Column({ name: 'awaiting_parts_hours', type: 'double precision', nullable: true })
  awaitingPartsHours!: number | null;

  /** `repair_hours_bucket(awaiting_parts_hours)` */
  @Column({ name: 'awaiting_parts_bucket', type: 'smallint', nullable: true })
  awaitingPartsBucket!: number | null;

  /** a completed job's hours from opening to completion */
  @Column({ name: 'turnaround_hours', type: 'double precision', nullable: true })
  turnaroundHours!: number | null;

  /** `repair_hours_bucket(turnaround_hours)` */
  @Column({ name: 'turnaround_bucket', type: 'smallint', nullable: true })
  turnaroundBucket!: number | null;
}

/** Every move of a job: who, when, from, to, comment. Time in each state is derived from it. */
@Entity({ name: 'repair_job_transitions' })
/**
 * (job_id, at, id) INCLUDE (to_status): a job's history and time-in-state from the index alone;
 * created in the migration
 */
@Index('repair_job_transitions_job_idx', { synchronize: false })
@Index('repair_job_transitions_to_at_idx', ['toStatus', 'at'])
export class RepairJobTransitionEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'job_id', type: 'uuid' })
  jobId!: string;

  @ManyToOne(() => RepairJobEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'job_id' })
  job!: RepairJobEntity;

  @Column({ name: 'from_status', type: 'text', nullable: true })
  fromStatus!: RepairJobStatus | null;

  @Column({ name: 'to_status', type: 'text' })
  toStatus!: RepairJobStatus;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;
}

@Entity({ name: 'work_logs' })
@Index('work_logs_job_idx', ['jobId', 'date', 'id'])
@Index('work_logs_technician_idx', ['technicianId', 'date'])
export class WorkLogEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'job_id', type: 'uuid' })
  jobId!: string;

  @ManyToOne(() => RepairJobEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'job_id' })
  job!: RepairJobEntity;

  @Column({ name: 'technician_id', type: 'uuid' })
  technicianId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'technician_id' })
  technician!: UserEntity;

  @Column({ type: 'date' })
  date!: string;

  @Column({ type: 'numeric', precision: 4, scale: 2, transformer: numericTransformer })
  hours!: number;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}

@Entity({ name: 'parts_used' })
@Index('parts_used_job_idx', ['jobId', 'id'])
@Index('parts_used_component_idx', ['componentId'])
export class PartUsedEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'job_id', type: 'uuid' })
  jobId!: string;

  @ManyToOne(() => RepairJobEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'job_id' })
  job!: RepairJobEntity;

  @Column({ name: 'component_id', type: 'uuid' })
  componentId!: string;

  @ManyToOne(() => ComponentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'component_id' })
  component!: ComponentEntity;

  @Column({ type: 'int' })
  quantity!: number;

  /** the component request the part came from, when known (component requests come with their own feature) */
  @Column({ name: 'component_request_id', type: 'uuid', nullable: true })
  componentRequestId!: string | null;

  @Column({ name: 'recorded_by', type: 'uuid', nullable: true })
  recordedById!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}

/** Preventive maintenance per system model: every N days and/or every N EFC. */
@Entity({ name: 'preventive_plans' })
@Index('preventive_plans_model_idx', ['modelId'])
export class PreventivePlanEntity extends VersionedEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'model_id', type: 'uuid' })
  modelId!: string;

  @ManyToOne(() => SystemModelEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'model_id' })
  model!: SystemModelEntity;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'interval_days', type: 'int', nullable: true })
  intervalDays!: number | null;

  @Column({
    name: 'interval_efc',
    type: 'numeric',
    precision: 10,
    scale: 2,
    nullable: true,
    transformer: numericTransformer,
  })
  intervalEfc!: number | null;

  @Column({ type: 'boolean', default: true })
  active!: boolean;
}

/** Gapless per-year counters (RJ numbers and, later, CR numbers): a row lock serializes writers. */
@Entity({ name: 'number_sequences' })
export class NumberSequenceEntity {
  @PrimaryColumn({ type: 'text' })
  name!: string;

  @PrimaryColumn({ type: 'int' })
  year!: number;

  @Column({ name: 'last_value', type: 'int' })
  lastValue!: number;
}

import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { ComponentRequestPriority, ComponentRequestStatus } from '@jv/domain';
import { VersionedEntity } from '../../database/versioned.entity';
import { ComponentEntity } from '../components/component.entity';
import { FacilityEntity } from '../facilities/facility.entity';
import { PartnerEntity } from '../partners/partner.entity';
import { RepairJobEntity } from '../repair-jobs/repair-job.entity';
import { SystemModelEntity } from '../system-models/system-model.entity';
import { SystemEntity } from '../systems/system.entity';
import { UserEntity } from '../users/user.entity';

/**
 * A request for components (`CR-YYYY-NNNNN`), delivered against by deliveries. `delivered_quantity`
 * is kept in the same transaction as each delivery, so lists and "parts ready" need no sum.
 */
@Entity({ name: 'component_requests' })
@Index('component_requests_list_idx', ['createdAt', 'id'])
@Index('component_requests_status_idx', ['status', 'createdAt', 'id'])
@Index('component_requests_facility_idx', ['facilityId', 'createdAt', 'id'])
/** (supplier, status) covering id, component and the workflow times; created in the migrations */
@Index('component_requests_supplier_idx', { synchronize: false })
@Index('component_requests_job_idx', ['repairJobId'])
@Index('component_requests_system_idx', ['systemId'])
@Index('component_requests_component_idx', ['componentId'])
@Index('component_requests_needed_by_idx', ['neededBy'])
@Index('component_requests_requester_idx', ['requestedBy'])
/** delivered requests by delivery time, covering needed_by and delivered_on_time (on-time rate); in the migrations */
@Index('component_requests_delivered_idx', { synchronize: false })
/** open requests by status, covering needed_by, facility and supplier (metrics); created in the migrations */
@Index('component_requests_open_idx', { synchronize: false })
/**
 * approved requests by (supplier, approval time), covering facility, status, the workflow times, needed_by and the
 * durations (per-supplier metrics of the last 365 days, a partner report's requests open at a period's end);
 * created in the migrations
 */
@Index('component_requests_approved_idx', { synchronize: false })
/** one supplier's approved requests of one duration bucket in value order (exact medians); in the migrations */
@Index('component_requests_submit_to_approve_idx', { synchronize: false })
@Index('component_requests_approve_to_deliver_idx', { synchronize: false })
/** at most one open automatic barrel request per system (the barrel job runs twice or concurrently) */
@Index('component_requests_one_auto_barrel_uq', ['systemId'], {
  unique: true,
  where: `"auto_barrel" AND "status" IN ('draft', 'submitted', 'approved', 'ordered', 'shipped')`,
})
@Check('component_requests_quantity_ck', `"quantity" BETWEEN 1 AND 10000`)
@Check('component_requests_delivered_ck', `"delivered_quantity" BETWEEN 0 AND "quantity"`)
export class ComponentRequestEntity extends VersionedEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text', unique: true })
  number!: string;

  @Column({ name: 'component_id', type: 'uuid' })
  componentId!: string;

  @ManyToOne(() => ComponentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'component_id' })
  component!: ComponentEntity;

  @Column({ type: 'int' })
  quantity!: number;

  @Column({ type: 'text' })
  priority!: ComponentRequestPriority;

  @Column({ name: 'needed_by', type: 'date' })
  neededBy!: string;

  @Column({ name: 'facility_id', type: 'uuid' })
  facilityId!: string;

  @ManyToOne(() => FacilityEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'facility_id' })
  facility!: FacilityEntity;

  @Column({ name: 'repair_job_id', type: 'uuid', nullable: true })
  repairJobId!: string | null;

  @ManyToOne(() => RepairJobEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'repair_job_id' })
  repairJob!: RepairJobEntity | null;

  @Column({ name: 'system_id', type: 'uuid', nullable: true })
  systemId!: string | null;

  @ManyToOne(() => SystemEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'system_id' })
  system!: SystemEntity | null;

  @Column({ type: 'text' })
  justification!: string;

  @Column({ type: 'text' })
  status!: ComponentRequestStatus;

  @Column({ name: 'requested_by', type: 'uuid', nullable: true })
  requestedBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'requested_by' })
  requester!: UserEntity | null;

  @Column({ name: 'supplier_partner_id', type: 'uuid', nullable: true })
  supplierPartnerId!: string | null;

  @ManyToOne(() => PartnerEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'supplier_partner_id' })
  supplierPartner!: PartnerEntity | null;

  @Column({ name: 'expected_on', type: 'date', nullable: true })
  expectedOn!: string | null;

  @Column({ name: 'delivered_quantity', type: 'int', default: 0 })
  deliveredQuantity!: number;

  /** raised by the daily barrel job, not by a person */
  @Column({ name: 'auto_barrel', type: 'boolean', default: false })
  autoBarrel!: boolean;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @Column({ name: 'approved_at', type: 'timestamptz', nullable: true })
  approvedAt!: Date | null;

  @Column({ name: 'approved_by', type: 'uuid', nullable: true })
  approvedBy!: string | null;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt!: Date | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  /** approved_at − submitted_at in days, set by a trigger on every write (the metrics' medians) */
  @Column({ name: 'submit_to_approve_days', type: 'double precision', nullable: true, insert: false, update: false })
  submitToApproveDays!: number | null;

  /** its log-scale bucket (`request_days_bucket`), set by the same trigger */
  @Column({ name: 'submit_to_approve_bucket', type: 'smallint', nullable: true, insert: false, update: false })
  submitToApproveBucket!: number | null;

  /** delivered_at − approved_at in days, set by a trigger on every write */
  @Column({ name: 'approve_to_deliver_days', type: 'double precision', nullable: true, insert: false, update: false })
  approveToDeliverDays!: number | null;

  @Column({ name: 'approve_to_deliver_bucket', type: 'smallint', nullable: true, insert: false, update: false })
  approveToDeliverBucket!: number | null;

  /** delivered on or before needed_by (the workshops' day, Europe/Kyiv), set by the same trigger */
  @Column({ name: 'delivered_on_time', type: 'boolean', nullable: true, insert: false, update: false })
  deliveredOnTime!: boolean | null;
}

/** Every move of a request: who, when, from → to, why. */
@Entity({ name: 'component_request_transitions' })
@Index('component_request_transitions_request_idx', ['requestId', 'at'])
export class ComponentRequestTransitionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'request_id', type: 'uuid' })
  requestId!: string;

  @ManyToOne(() => ComponentRequestEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'request_id' })
  request!: ComponentRequestEntity;

  @Column({ name: 'from_status', type: 'text', nullable: true })
  fromStatus!: ComponentRequestStatus | null;

  @Column({ name: 'to_status', type: 'text' })
  toStatus!: ComponentRequestStatus;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;
}

/** One delivery received against a request: quantity, date, waybill, receiver. */
@Entity({ name: 'deliveries' })
@Index('deliveries_request_idx', ['requestId', 'receivedOn', 'id'])
/** by day, covering request and quantity (plan vs actual); created in the migrations */
@Index('deliveries_received_on_idx', { synchronize: false })
/** by supplier and day, covering quantity (a partner's deliveries per month); created in the migrations */
@Index('deliveries_supplier_received_idx', { synchronize: false })
@Check('deliveries_quantity_ck', `"quantity" >= 1`)
export class DeliveryEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'request_id', type: 'uuid' })
  requestId!: string;

  @ManyToOne(() => ComponentRequestEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'request_id' })
  request!: ComponentRequestEntity;

  /** the request's supplier, set by a trigger on every write (and moved when the request's supplier changes) */
  @Column({ name: 'supplier_partner_id', type: 'uuid', nullable: true })
  supplierPartnerId!: string | null;

  @Column({ type: 'int' })
  quantity!: number;

  @Column({ name: 'received_on', type: 'date' })
  receivedOn!: string;

  @Column({ type: 'text' })
  waybill!: string;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ name: 'received_by', type: 'uuid', nullable: true })
  receivedBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** What one partner plans to supply in one month (first day of the month). */
@Entity({ name: 'supply_plans' })
@Index('supply_plans_partner_month_uq', ['partnerId', 'month'], { unique: true })
export class SupplyPlanEntity extends VersionedEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'partner_id', type: 'uuid' })
  partnerId!: string;

  @ManyToOne(() => PartnerEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'partner_id' })
  partner!: PartnerEntity;

  @Column({ type: 'date' })
  month!: string;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy!: string | null;
}

/** One line of a plan: a quantity of one component or of one system model. */
@Entity({ name: 'supply_plan_lines' })
@Index('supply_plan_lines_plan_idx', ['planId'])
@Index('supply_plan_lines_component_uq', ['planId', 'componentId'], {
  unique: true,
  where: '"component_id" IS NOT NULL',
})
@Index('supply_plan_lines_model_uq', ['planId', 'systemModelId'], {
  unique: true,
  where: '"system_model_id" IS NOT NULL',
})
@Check('supply_plan_lines_one_target_ck', `("component_id" IS NULL) <> ("system_model_id" IS NULL)`)
@Check('supply_plan_lines_quantity_ck', `"quantity" BETWEEN 1 AND 100000`)
export class SupplyPlanLineEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId!: string;

  @ManyToOne(() => SupplyPlanEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id' })
  plan!: SupplyPlanEntity;

  @Column({ name: 'component_id', type: 'uuid', nullable: true })
  componentId!: string | null;

  @ManyToOne(() => ComponentEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'component_id' })
  component!: ComponentEntity | null;

  @Column({ name: 'system_model_id', type: 'uuid', nullable: true })
  systemModelId!: string | null;

  @ManyToOne(() => SystemModelEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'system_model_id' })
  systemModel!: SystemModelEntity | null;

  @Column({ type: 'int' })
  quantity!: number;
}

/**
 * Approved requests per figure, UTC month of approval, supplier, facility and bucket, kept by triggers on the
 * requests: for a duration (`submit_to_approve`, `approve_to_deliver`) the log-scale bucket of its days
 * (`request_days_bucket`), so the metrics find the bucket that holds a supplier's median here, then read only
 * that bucket's requests; for `approved` (every approved request) 1 when delivered, else 0.
 */
@Entity({ name: 'component_request_days_histogram' })
export class ComponentRequestDaysHistogramEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'component_request_days_histogram_pk' })
  metric!: 'submit_to_approve' | 'approve_to_deliver' | 'approved';

  /** first day of the month */
  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'component_request_days_histogram_pk' })
  month!: string;

  @PrimaryColumn({
    name: 'supplier_partner_id',
    type: 'uuid',
    primaryKeyConstraintName: 'component_request_days_histogram_pk',
  })
  supplierPartnerId!: string;

  @PrimaryColumn({ name: 'facility_id', type: 'uuid', primaryKeyConstraintName: 'component_request_days_histogram_pk' })
  facilityId!: string;

  @PrimaryColumn({ type: 'smallint', primaryKeyConstraintName: 'component_request_days_histogram_pk' })
  bucket!: number;

  @Column({ type: 'int' })
  requests!: number;
}

import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { SystemStatus } from '@jv/domain';
import { VersionedEntity } from '../../database/versioned.entity';
import { numericTransformer } from '../../database/numeric.transformer';
import { FacilityEntity } from '../facilities/facility.entity';
import { PartnerEntity } from '../partners/partner.entity';
import { SystemModelEntity } from '../system-models/system-model.entity';
import { UnitEntity } from '../units/unit.entity';

/**
 * One serial-numbered artillery piece. `barrel_wear` (= barrel EFC / model barrel life) is kept by a
 * database trigger so lists can filter and keyset-sort on it with an index.
 */
@Entity({ name: 'systems' })
@Index('systems_model_serial_uq', ['modelId', 'serialNumber'], { unique: true })
@Index('systems_serial_idx', ['serialNumber', 'id'])
@Index('systems_wear_idx', ['barrelWear', 'id'])
@Index('systems_status_changed_idx', ['statusChangedAt', 'id'])
@Index('systems_status_idx', ['status'])
@Index('systems_donor_idx', ['donorPartnerId', 'serialNumber', 'id'])
@Index('systems_unit_idx', ['unitId'])
@Index('systems_facility_idx', ['facilityId'])
/** trigram index for serial search, created by hand in the migration (TypeORM cannot declare GIN opclasses) */
@Index('systems_serial_trgm_idx', { synchronize: false })
/** a donor's fleet (id, model, created, status, delivered on) for partner reports; created in the migrations */
@Index('systems_donor_fleet_idx', { synchronize: false })
export class SystemEntity extends VersionedEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'model_id', type: 'uuid' })
  modelId!: string;

  @ManyToOne(() => SystemModelEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'model_id' })
  model!: SystemModelEntity;

  @Column({ name: 'serial_number', type: 'text' })
  serialNumber!: string;

  @Column({ name: 'donor_partner_id', type: 'uuid' })
  donorPartnerId!: string;

  @ManyToOne(() => PartnerEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'donor_partner_id' })
  donorPartner!: PartnerEntity;

  @Column({ name: 'unit_id', type: 'uuid', nullable: true })
  unitId!: string | null;

  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'unit_id' })
  unit!: UnitEntity | null;

  @Column({ name: 'facility_id', type: 'uuid', nullable: true })
  facilityId!: string | null;

  @ManyToOne(() => FacilityEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'facility_id' })
  facility!: FacilityEntity | null;

  @Column({ type: 'text' })
  status!: SystemStatus;

  @Column({ name: 'status_changed_at', type: 'timestamptz', default: () => 'now()' })
  statusChangedAt!: Date;

  @Column({ name: 'total_efc', type: 'numeric', precision: 12, scale: 2, default: 0, transformer: numericTransformer })
  totalEfc!: number;

  @Column({ name: 'barrel_efc', type: 'numeric', precision: 12, scale: 2, default: 0, transformer: numericTransformer })
  barrelEfc!: number;

  /** maintained by the systems_barrel_wear trigger */
  @Column({ name: 'barrel_wear', type: 'double precision', default: 0 })
  barrelWear!: number;

  @Column({ name: 'barrel_serial', type: 'text', nullable: true })
  barrelSerial!: string | null;

  @Column({ type: 'text', nullable: true })
  notes!: string | null;

  /** a write-off asked for by hand and not yet confirmed by a second person (four eyes) */
  @Column({ name: 'write_off_requested_by', type: 'uuid', nullable: true })
  writeOffRequestedBy!: string | null;

  @Column({ name: 'write_off_requested_at', type: 'timestamptz', nullable: true })
  writeOffRequestedAt!: Date | null;

  @Column({ name: 'write_off_reason', type: 'text', nullable: true })
  writeOffReason!: string | null;

  /** the day the donor partner delivered the system (plan vs actual counts systems by it) */
  @Column({ name: 'delivered_on', type: 'date', nullable: true })
  deliveredOn!: string | null;
}

/** Every status change: who, when, why. */
@Entity({ name: 'system_status_history' })
/** (system, at) covering from_status and id (a system's status at a moment); created in the migrations */
@Index('system_status_history_system_idx', { synchronize: false })
/**
 * changes since a moment, covering system, from and to (the dashboard's 12-month availability trend reads
 * only this index); created in the migrations
 */
@Index('system_status_history_at_idx', { synchronize: false })
export class SystemStatusHistoryEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'system_id', type: 'uuid' })
  systemId!: string;

  @ManyToOne(() => SystemEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'system_id' })
  system!: SystemEntity;

  @Column({ name: 'from_status', type: 'text', nullable: true })
  fromStatus!: SystemStatus | null;

  @Column({ name: 'to_status', type: 'text' })
  toStatus!: SystemStatus;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;
}

/** Rounds fired by one system on one day (at most one report per system and day). */
@Entity({ name: 'usage_reports' })
/** unique (system, date) covering rounds and efc (a partner report's use); created in the migrations */
@Index('usage_reports_system_date_uq', { synchronize: false })
export class UsageReportEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'system_id', type: 'uuid' })
  systemId!: string;

  @ManyToOne(() => SystemEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'system_id' })
  system!: SystemEntity;

  @Column({ type: 'date' })
  date!: string;

  @Column({ type: 'int' })
  rounds!: number;

  @Column({ type: 'numeric', precision: 10, scale: 2, transformer: numericTransformer })
  efc!: number;

  @Column({ name: 'reported_by', type: 'uuid', nullable: true })
  reportedById!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}

/** A barrel change, as on a weapon record card: old and new barrel serial and the EFC at change. */
@Entity({ name: 'barrel_changes' })
@Index('barrel_changes_system_idx', ['systemId', 'at'])
@Index('barrel_changes_job_idx', ['repairJobId'])
export class BarrelChangeEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'system_id', type: 'uuid' })
  systemId!: string;

  @ManyToOne(() => SystemEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'system_id' })
  system!: SystemEntity;

  @Column({ name: 'old_barrel_serial', type: 'text', nullable: true })
  oldBarrelSerial!: string | null;

  @Column({ name: 'new_barrel_serial', type: 'text' })
  newBarrelSerial!: string;

  @Column({ name: 'barrel_efc_at_change', type: 'numeric', precision: 12, scale: 2, transformer: numericTransformer })
  barrelEfcAtChange!: number;

  @Column({ name: 'total_efc_at_change', type: 'numeric', precision: 12, scale: 2, transformer: numericTransformer })
  totalEfcAtChange!: number;

  /** the repair job that changed it, when one did */
  @Column({ name: 'repair_job_id', type: 'uuid', nullable: true })
  repairJobId!: string | null;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;
}

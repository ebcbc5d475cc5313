import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { SystemKind } from '@jv/contracts';
import { VersionedEntity } from '../../database/versioned.entity';
import { PartnerEntity } from '../partners/partner.entity';

@Entity({ name: 'system_models' })
@Index('system_models_origin_idx', ['originPartnerId'])
export class SystemModelEntity extends VersionedEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text', unique: true })
  designation!: string;

  @Column({ type: 'text' })
  kind!: SystemKind;

  @Column({ name: 'caliber_mm', type: 'int' })
  caliberMm!: number;

  @Column({ name: 'origin_partner_id', type: 'uuid' })
  originPartnerId!: string;

  @ManyToOne(() => PartnerEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'origin_partner_id' })
  originPartner!: PartnerEntity;

  /** Barrel life in EFC (equivalent full charge) rounds. */
  @Column({ name: 'barrel_life_efc', type: 'int' })
  barrelLifeEfc!: number;

  /** operators per system: crews required = crew size × systems in service */
  @Column({ name: 'crew_size', type: 'int', nullable: true })
  crewSize!: number | null;

  /** days a barrel takes to arrive; the barrel job uses 60 when it is not set */
  @Column({ name: 'barrel_lead_days', type: 'int', nullable: true })
  barrelLeadDays!: number | null;
}

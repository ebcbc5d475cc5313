import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { FacilityKind, Oblast } from '@jv/contracts';
import { VersionedEntity } from '../../database/versioned.entity';
import { JointVentureEntity } from '../joint-ventures/joint-venture.entity';

@Entity({ name: 'facilities' })
@Index('facilities_jv_idx', ['jointVentureId'])
export class FacilityEntity extends VersionedEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text', unique: true })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  kind!: FacilityKind;

  @Column({ type: 'text' })
  oblast!: Oblast;

  @Column({ name: 'joint_venture_id', type: 'uuid', nullable: true })
  jointVentureId!: string | null;

  @ManyToOne(() => JointVentureEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'joint_venture_id' })
  jointVenture!: JointVentureEntity | null;

  @Column({ name: 'repair_bays', type: 'int', default: 0 })
  repairBays!: number;

  @Column({ name: 'training_seats', type: 'int', default: 0 })
  trainingSeats!: number;
}

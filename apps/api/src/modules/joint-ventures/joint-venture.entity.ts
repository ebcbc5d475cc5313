import { Column, Entity, JoinColumn, ManyToOne, OneToMany, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { JvScope } from '@jv/contracts';
import { VersionedEntity } from '../../database/versioned.entity';
import { PartnerEntity } from '../partners/partner.entity';

@Entity({ name: 'joint_ventures' })
export class JointVentureEntity extends VersionedEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text', unique: true })
  name!: string;

  @Column({ name: 'ukrainian_company', type: 'text' })
  ukrainianCompany!: string;

  @Column({ type: 'text', array: true })
  scopes!: JvScope[];

  @Column({ name: 'established_on', type: 'date' })
  establishedOn!: string;

  @OneToMany(() => JointVenturePartnerEntity, (p) => p.jointVenture, { cascade: true })
  partners!: JointVenturePartnerEntity[];
}

/** A foreign partner of a JV: the partner country and the company that represents it. */
@Entity({ name: 'joint_venture_partners' })
export class JointVenturePartnerEntity {
  @PrimaryColumn({ name: 'joint_venture_id', type: 'uuid' })
  jointVentureId!: string;

  @PrimaryColumn({ name: 'partner_id', type: 'uuid' })
  partnerId!: string;

  @Column({ name: 'company_name', type: 'text' })
  companyName!: string;

  @ManyToOne(() => JointVentureEntity, (jv) => jv.partners, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'joint_venture_id' })
  jointVenture!: JointVentureEntity;

  @ManyToOne(() => PartnerEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'partner_id' })
  partner!: PartnerEntity;
}

import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Locale, Role } from '@jv/contracts';
import { VersionedEntity } from '../../database/versioned.entity';
import { PartnerEntity } from '../partners/partner.entity';

@Entity({ name: 'users' })
export class UserEntity extends VersionedEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Stored lower-cased; unique. */
  @Column({ type: 'text', unique: true })
  email!: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName!: string;

  @Column({ type: 'text' })
  role!: Role;

  @Column({ type: 'text', default: 'uk' })
  locale!: Locale;

  /** Facility scope of a workshop user. */
  @Column({ name: 'facility_ids', type: 'uuid', array: true, default: () => "'{}'" })
  facilityIds!: string[];

  /** Partner scope of a partner user. */
  @Column({ name: 'partner_id', type: 'uuid', nullable: true })
  partnerId!: string | null;

  @ManyToOne(() => PartnerEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'partner_id' })
  partner!: PartnerEntity | null;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Column({ name: 'password_hash', type: 'text' })
  passwordHash!: string;

  @Column({ name: 'last_login_at', type: 'timestamptz', nullable: true })
  lastLoginAt!: Date | null;
}

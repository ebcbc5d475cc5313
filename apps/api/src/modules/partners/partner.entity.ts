import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { PartnerRole } from '@jv/contracts';
import { VersionedEntity } from '../../database/versioned.entity';

@Entity({ name: 'partners' })
export class PartnerEntity extends VersionedEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** ISO 3166 alpha-2 */
  @Column({ type: 'char', length: 2, unique: true })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  role!: PartnerRole;
}

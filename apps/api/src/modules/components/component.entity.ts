import { Column, Entity, JoinTable, ManyToMany, PrimaryGeneratedColumn, RelationId } from 'typeorm';
import type { ComponentCategory } from '@jv/contracts';
import { VersionedEntity } from '../../database/versioned.entity';
import { SystemModelEntity } from '../system-models/system-model.entity';

@Entity({ name: 'components' })
export class ComponentEntity extends VersionedEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'part_number', type: 'text', unique: true })
  partNumber!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  category!: ComponentCategory;

  @Column({ name: 'unit_of_issue', type: 'text' })
  unitOfIssue!: string;

  @ManyToMany(() => SystemModelEntity)
  @JoinTable({
    name: 'component_system_models',
    joinColumn: { name: 'component_id', referencedColumnName: 'id' },
    inverseJoinColumn: { name: 'system_model_id', referencedColumnName: 'id' },
  })
  compatibleModels!: SystemModelEntity[];

  @RelationId((c: ComponentEntity) => c.compatibleModels)
  compatibleModelIds!: string[];
}

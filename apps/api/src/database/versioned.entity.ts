import { Column, CreateDateColumn, UpdateDateColumn } from 'typeorm';

/**
 * Columns every editable record carries. `version` is bumped by our own
 * `UPDATE … WHERE id = :id AND version = :v` (TypeORM's @VersionColumn does not stop lost updates).
 */
export abstract class VersionedEntity {
  @Column({ type: 'int', default: 1 })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { PhotoContentType } from '@jv/contracts';
import { UserEntity } from '../users/user.entity';
import { RepairJobEntity, WorkLogEntity } from './repair-job.entity';

/**
 * A photo on a repair job, or on one of its work logs. The bytes live in `data` (PHOTO_STORE=postgres) or in
 * the S3 bucket under `photos/<job>/<id>` (`store` = 's3'); each row says where, so rows written before a
 * change of store stay readable. Lists never select `data`. `sha256` is the ETag.
 */
@Entity({ name: 'repair_job_photos' })
@Index('repair_job_photos_job_created_idx', ['jobId', 'createdAt', 'id'])
export class RepairJobPhotoEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'job_id', type: 'uuid' })
  jobId!: string;

  @ManyToOne(() => RepairJobEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'job_id' })
  job!: RepairJobEntity;

  @Column({ name: 'work_log_id', type: 'bigint', nullable: true })
  workLogId!: string | null;

  @ManyToOne(() => WorkLogEntity, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'work_log_id' })
  workLog!: WorkLogEntity | null;

  @Column({ type: 'text', nullable: true })
  caption!: string | null;

  @Column({ name: 'content_type', type: 'text' })
  contentType!: PhotoContentType;

  @Column({ name: 'size_bytes', type: 'integer' })
  sizeBytes!: number;

  @Column({ type: 'integer', nullable: true })
  width!: number | null;

  @Column({ type: 'integer', nullable: true })
  height!: number | null;

  @Column({ type: 'text' })
  sha256!: string;

  @Column({ type: 'text' })
  store!: 'postgres' | 's3';

  @Column({ type: 'bytea', nullable: true })
  data!: Buffer | null;

  @Column({ name: 'taken_by', type: 'uuid' })
  takenBy!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'taken_by' })
  taker!: UserEntity;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}

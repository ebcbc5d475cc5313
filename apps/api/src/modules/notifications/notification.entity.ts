import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { NotificationKind, NotificationSubject } from '@jv/domain';
import { UserEntity } from '../users/user.entity';

/**
 * One entry of a user's in-app inbox, written in the same transaction as the event it tells of.
 * `dedup_key` makes an event that may be seen twice (a cohort starting within 7 days, found by a daily
 * run) notify each person once.
 */
@Entity({ name: 'notifications' })
@Index('notifications_user_idx', ['userId', 'createdAt', 'id'])
@Index('notifications_unread_idx', ['userId'], { where: `"read_at" IS NULL` })
@Index('notifications_dedup_uq', ['userId', 'dedupKey'], { unique: true, where: `"dedup_key" IS NOT NULL` })
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user!: UserEntity;

  @Column({ type: 'text' })
  kind!: NotificationKind;

  @Column({ name: 'subject_type', type: 'text' })
  subjectType!: NotificationSubject;

  @Column({ name: 'subject_id', type: 'uuid' })
  subjectId!: string;

  @Column({ type: 'jsonb', default: () => `'{}'` })
  params!: Record<string, string | number>;

  @Column({ name: 'dedup_key', type: 'text', nullable: true })
  dedupKey!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt!: Date | null;
}

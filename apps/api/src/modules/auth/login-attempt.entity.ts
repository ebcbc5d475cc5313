import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Failed and successful logins, counted per account and per address to refuse brute force with 429. */
@Entity({ name: 'login_attempts' })
@Index('login_attempts_email_at_idx', ['email', 'at'])
@Index('login_attempts_ip_at_idx', ['ip', 'at'])
export class LoginAttemptEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ type: 'text' })
  email!: string;

  @Column({ type: 'text' })
  ip!: string;

  @Column({ type: 'boolean' })
  success!: boolean;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;
}

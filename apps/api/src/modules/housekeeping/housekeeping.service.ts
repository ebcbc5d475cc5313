import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { rootLogger } from '../../common/logger';
import { ENV, type Env } from '../../config/env';

export const HOUSEKEEPING_INTERVAL_MS = 60 * 60 * 1000;
const RETENTION = `interval '30 days'`;

/**
 * Hourly clean-up in every API process (the deletes are idempotent, so several processes may run it):
 * expired idempotency keys, sessions expired or revoked over 30 days ago, login attempts over 30 days old.
 * Not started under NODE_ENV=test; the tests call run() themselves.
 */
@Injectable()
export class HousekeepingService implements OnApplicationBootstrap, OnModuleDestroy {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(ENV) private readonly env: Env,
  ) {}

  onApplicationBootstrap(): void {
    if (this.env.NODE_ENV === 'test') return;
    this.timer = setInterval(() => {
      this.run().catch((err) => rootLogger().error({ err }, 'housekeeping failed'));
    }, HOUSEKEEPING_INTERVAL_MS).unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  async run(): Promise<{ idempotencyKeys: number; sessions: number; loginAttempts: number }> {
    const count = async (sql: string): Promise<number> => {
      const [row]: Array<{ n: number }> = await this.db.query(
        `WITH d AS (${sql} RETURNING 1) SELECT count(*)::int AS n FROM d`,
      );
      return row?.n ?? 0;
    };
    const result = {
      idempotencyKeys: await count(`DELETE FROM idempotency_keys WHERE expires_at < now()`),
      sessions: await count(
        `DELETE FROM sessions WHERE revoked_at < now() - ${RETENTION} OR expires_at < now() - ${RETENTION}`,
      ),
      loginAttempts: await count(`DELETE FROM login_attempts WHERE at < now() - ${RETENTION}`),
    };
    if (result.idempotencyKeys + result.sessions + result.loginAttempts > 0)
      rootLogger().info(result, 'housekeeping done');
    return result;
  }
}

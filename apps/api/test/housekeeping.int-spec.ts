import { HousekeepingService } from '../src/modules/housekeeping/housekeeping.service';
import { createTestApp, createUser, type TestContext } from './support/test-app';

describe('housekeeping (integration, real PostgreSQL)', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp();
  });
  afterAll(async () => {
    await ctx.close();
  });

  it(
    'deletes expired idempotency keys, ' + 'sessions ended over 30 days ago and old login attempts, and keeps the rest',
    async () => {
      const u = await createUser(ctx.db, { role: 'viewer' });
      await ctx.db.query(
        `INSERT INTO idempotency_keys (user_id, key, method, path, request_hash, expires_at) VALUES
         ($1, 'expired-key', 'POST', '/api/v1/users', 'h', now() - interval '1 minute'),
         ($1, 'live-key-1', 'POST', '/api/v1/users', 'h', now() + interval '1 hour')`,
        [u.id],
      );
      await ctx.db.query(
        `INSERT INTO sessions (token_hash, user_id, expires_at, revoked_at) VALUES
         ('old-revoked', $1, now() + interval '1 hour', now() - interval '31 days'),
         ('old-expired', $1, now() - interval '31 days', NULL),
         ('recently-revoked', $1, now() + interval '1 hour', now() - interval '1 day'),
         ('recently-expired', $1, now() - interval '1 day', NULL),
         ('live', $1, now() + interval '1 hour', NULL)`,
        [u.id],
      );
      await ctx.db.query(
        `INSERT INTO login_attempts (email, ip, success, at) VALUES
         ('a@test.example', '1.2.3.4', false, now() - interval '31 days'),
         ('a@test.example', '1.2.3.4', true, now() - interval '1 day')`,
      );

      const result = await ctx.app.get(HousekeepingService).run();

      expect(result).toEqual({ idempotencyKeys: 1, sessions: 2, loginAttempts: 1 });
      expect((await ctx.db.query(`SELECT key FROM idempotency_keys`)).map((r: { key: string }) => r.key)).toEqual([
        'live-key-1',
      ]);
      expect(
        (await ctx.db.query(`SELECT token_hash FROM sessions ORDER BY token_hash`)).map(
          (r: { token_hash: string }) => r.token_hash,
        ),
      ).toEqual(['live', 'recently-expired', 'recently-revoked']);
      expect(await ctx.db.query(`SELECT success FROM login_attempts`)).toEqual([{ success: true }]);
    },
  );
});

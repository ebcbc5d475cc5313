import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CurrentUser, LoginInput } from '@jv/contracts';
import type { DataSource } from 'typeorm';
import { ENV, type Env } from '../../config/env';
import { TooManyRequests, Unauthorized } from '../../common/errors';
import { AuditService } from '../audit/audit.service';
import { burnPasswordCheck, verifyPassword } from './passwords';
import { SessionsService } from './sessions.service';

interface UserRow {
  id: string;
  email: string;
  display_name: string;
  role: CurrentUser['role'];
  locale: CurrentUser['locale'];
  facility_ids: string[];
  partner_id: string | null;
  password_hash: string;
  active: boolean;
}

const BAD_CREDENTIALS = 'Wrong email or password';

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(ENV) private readonly env: Env,
    @Inject(SessionsService) private readonly sessions: SessionsService,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  /**
   * Checks the password and opens a session. Failures are counted in PostgreSQL per account and per
   * address (so the limit holds across API processes); past the limit the answer is 429. The same
   * message answers an unknown email and a wrong password.
   */
  async login(
    input: LoginInput,
    meta: { ip: string; userAgent: string | null },
  ): Promise<{ user: CurrentUser; token: string }> {
    const email = input.email.trim().toLowerCase();
    const outcome = await this.db.transaction(async (m) => {
      // one login per account at a time, so parallel guesses cannot slip past the count
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('login:' || $1))`, [email]);
      const windowMinutes = this.env.LOGIN_WINDOW_MINUTES;
      const [counts] = await m.query(
        `SELECT
           (SELECT count(*) FROM login_attempts a
             WHERE a.email = $1 AND NOT a.success AND a.at > now() - $3 * interval '1 minute'
               AND a.at > coalesce((SELECT max(at) FROM login_attempts s WHERE s.email = $1 AND s.success),
                                   '-infinity'))::int AS by_email,
           (SELECT count(*) FROM login_attempts a
             WHERE a.ip = $2 AND NOT a.success AND a.at > now() - $3 * interval '1 minute')::int AS by_ip`,
        [email, meta.ip, windowMinutes],
      );
      if (
        counts.by_email >= this.env.LOGIN_MAX_FAILURES_PER_ACCOUNT ||
        counts.by_ip >= this.env.LOGIN_MAX_FAILURES_PER_IP
      ) {
        throw new TooManyRequests('Too many failed sign-in attempts; try again later', windowMinutes * 60);
      }
      const [row]: UserRow[] = await m.query(
        `SELECT id, email, display_name, role, locale, facility_ids, partner_id, password_hash, active
           FROM users WHERE email = $1`,
        [email],
      );
      const ok = row
        ? await verifyPassword(row.password_hash, input.password)
        : (await burnPasswordCheck(input.password), false);
      if (!row || !ok || !row.active) {
        await m.query(`INSERT INTO login_attempts (email, ip, success) VALUES ($1, $2, false)`, [email, meta.ip]);
        await this.audit.record(
          {
            action: 'login_failure',
            entityType: 'user',
            entityId: row?.id ?? null,
            after: { email, reason: !row ? 'unknown_email' : !ok ? 'wrong_password' : 'disabled' },
            actor: { id: null, email },
          },
          m,
        );
        return null; // commit the counted failure, then answer 401
      }
      await m.query(`INSERT INTO login_attempts (email, ip, success) VALUES ($1, $2, true)`, [email, meta.ip]);
      await m.query(`UPDATE users SET last_login_at = now() WHERE id = $1`, [row.id]);
      const token = await this.sessions.create(row.id, meta, m);
      await this.audit.record(
        { action: 'login_success', entityType: 'user', entityId: row.id, actor: { id: row.id, email } },
        m,
      );
      return {
        token,
        user: {
          id: row.id,
          email: row.email,
          displayName: row.display_name,
          role: row.role,
          locale: row.locale,
          facilityIds: row.facility_ids ?? [],
          partnerId: row.partner_id,
        },
      };
    });
    if (!outcome) throw new Unauthorized('BAD_CREDENTIALS', BAD_CREDENTIALS);
    return outcome;
  }

  async logout(token: string | undefined, user: CurrentUser | undefined): Promise<void> {
    if (!token) return;
    await this.sessions.revokeToken(token);
    if (user) await this.audit.record({ action: 'logout', entityType: 'user', entityId: user.id });
  }

  async setLocale(user: CurrentUser, locale: CurrentUser['locale']): Promise<CurrentUser> {
    await this.db.query(`UPDATE users SET locale = $2, updated_at = now(), version = version + 1 WHERE id = $1`, [
      user.id,
      locale,
    ]);
    await this.audit.record({
      action: 'update',
      entityType: 'user',
      entityId: user.id,
      before: { locale: user.locale },
      after: { locale },
    });
    return { ...user, locale };
  }
}

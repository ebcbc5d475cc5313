import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CurrentUser } from '@jv/contracts';
import { createHash, randomBytes } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { ENV, type Env } from '../../config/env';

export const SESSION_COOKIE = 'jv_session';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

interface SessionUserRow {
  session_id: string;
  last_seen_at: Date;
  id: string;
  email: string;
  display_name: string;
  role: CurrentUser['role'];
  locale: CurrentUser['locale'];
  facility_ids: string[];
  partner_id: string | null;
}

/**
 * Server-side sessions in PostgreSQL, so every API process sees the same ones and a revocation
 * (logout, user disabled, "end sessions") takes effect at once everywhere.
 */
@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(ENV) private readonly env: Env,
  ) {}

  get idleMs() {
    return this.env.SESSION_IDLE_MINUTES * 60_000;
  }
  get absoluteMs() {
    return this.env.SESSION_ABSOLUTE_HOURS * 3_600_000;
  }

  async create(
    userId: string,
    meta: { ip: string | null; userAgent: string | null },
    manager: EntityManager = this.db.manager,
  ): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await manager.query(
      `INSERT INTO sessions (token_hash, user_id, expires_at, ip, user_agent)
       VALUES ($1, $2, now() + $3 * interval '1 millisecond', $4, $5)`,
      [hashToken(token), userId, this.absoluteMs, meta.ip, meta.userAgent?.slice(0, 300) ?? null],
    );
    return token;
  }

  /** The user behind a live session, or null. Touches last_seen_at at most once a minute. */
  async resolve(token: string): Promise<CurrentUser | null> {
    if (token.length > 100) return null;
    const rows: SessionUserRow[] = await this.db.query(
      `SELECT s.id AS session_id, s.last_seen_at,
              u.id, u.email, u.display_name, u.role, u.locale, u.facility_ids, u.partner_id
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now()
          AND s.last_seen_at > now() - $2 * interval '1 millisecond' AND u.active`,
      [hashToken(token), this.idleMs],
    );
    const row = rows[0];
    if (!row) return null;
    if (Date.now() - new Date(row.last_seen_at).getTime() > 60_000) {
      await this.db.query(`UPDATE sessions SET last_seen_at = now() WHERE id = $1`, [row.session_id]);
    }
    return {
      id: row.id,
      email: row.email,
      displayName: row.display_name,
      role: row.role,
      locale: row.locale,
      facilityIds: row.facility_ids ?? [],
      partnerId: row.partner_id,
    };
  }

  async revokeToken(token: string): Promise<void> {
    await this.db.query(`UPDATE sessions SET revoked_at = now() WHERE token_hash = $1 AND revoked_at IS NULL`, [
      hashToken(token),
    ]);
  }

  async revokeAllForUser(userId: string, manager: EntityManager = this.db.manager): Promise<number> {
    const [, count] = await manager.query(
      `UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`,
      [userId],
    );
    return Number(count ?? 0);
  }

  cookieOptions() {
    return {
      httpOnly: true,
      sameSite: 'strict' as const,
      secure: this.env.COOKIE_SECURE,
      path: '/',
      maxAge: this.absoluteMs,
    };
  }
}

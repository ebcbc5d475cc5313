import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CurrentUser } from '@jv/contracts';
import { createHash, randomBytes } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { ENV, type Env } from '../../config/env';
import { CURRENT_USER_COLUMNS, type CurrentUserRow, toCurrentUser } from './current-user';

/** The session cookie's name: `__Host-` (Secure, host-only, path /) when the cookie is Secure. */
export const SESSION_COOKIE = (secure: boolean) => (secure ? '__Host-jv_session' : 'jv_session');

/** How long the password step waits for the second factor. */
export const MFA_PENDING_MS = 5 * 60_000;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

interface SessionUserRow extends CurrentUserRow {
  session_id: string;
  last_seen_at: Date;
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
      `SELECT s.id AS session_id, s.last_seen_at, ${CURRENT_USER_COLUMNS}
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND NOT s.mfa_pending
          AND s.last_seen_at > now() - $2 * interval '1 millisecond' AND u.active`,
      [hashToken(token), this.idleMs],
    );
    const row = rows[0];
    if (!row) return null;
    if (Date.now() - new Date(row.last_seen_at).getTime() > 60_000) {
      await this.db.query(`UPDATE sessions SET last_seen_at = now() WHERE id = $1`, [row.session_id]);
    }
    return toCurrentUser(row, this.env.MFA_REQUIRED_ROLES);
  }

  /**
   * The pending state between the password and the second factor: a sessions row marked mfa_pending that
   * lives five minutes and is never resolved as a session; its token goes in its own httpOnly cookie.
   */
  async createPending(
    userId: string,
    meta: { ip: string | null; userAgent: string | null },
    manager: EntityManager,
  ): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await manager.query(
      `INSERT INTO sessions (token_hash, user_id, expires_at, ip, user_agent, mfa_pending)
       VALUES ($1, $2, now() + $3 * interval '1 millisecond', $4, $5, true)`,
      [hashToken(token), userId, MFA_PENDING_MS, meta.ip, meta.userAgent?.slice(0, 300) ?? null],
    );
    return token;
  }

  /** The live pending row of that token (locked), or null. */
  async findPending(token: string, manager: EntityManager): Promise<{ id: string; user_id: string } | null> {
    if (token.length > 100) return null;
    const [row] = await manager.query(
      `SELECT id, user_id FROM sessions
        WHERE token_hash = $1 AND mfa_pending AND revoked_at IS NULL AND expires_at > now() FOR UPDATE`,
      [hashToken(token)],
    );
    return row ?? null;
  }

  /** Ends every session of the user but the one holding `keepToken`. */
  async revokeOthers(userId: string, keepToken: string | undefined, manager: EntityManager): Promise<number> {
    const [, count] = await manager.query(
      `UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL AND token_hash <> $2`,
      [userId, keepToken ? hashToken(keepToken) : ''],
    );
    return Number(count ?? 0);
  }

  /** The pending-MFA cookie's name: like the session cookie's (`__Host-` when Secure). */
  get pendingCookieName(): string {
    return this.cookieName.replace('jv_session', 'jv_mfa');
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

  /** the session cookie's name under this configuration */
  get cookieName(): string {
    return SESSION_COOKIE(this.env.COOKIE_SECURE);
  }

  /** `__Host-` needs Secure, path / and no Domain: all three hold when the cookie is Secure */
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

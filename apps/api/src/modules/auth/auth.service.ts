import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  ChangePasswordInput,
  CurrentUser,
  LoginInput,
  LoginMfaInput,
  RecoveryCodes,
  TotpSetup,
} from '@jv/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { ENV, type Env } from '../../config/env';
import { AppError, Unauthorized, ValidationFailed } from '../../common/errors';
import { AuditService } from '../audit/audit.service';
import { CURRENT_USER_COLUMNS, type CurrentUserRow, toCurrentUser } from './current-user';
import { checkLoginThrottle, lockAccount, recordLoginAttempt } from './login-throttle';
import { decryptSecret, encryptSecret, generateRecoveryCodes, hashRecoveryCode } from './mfa-crypto';
import { isBreachedPassword } from './password-policy';
import { burnPasswordCheck, hashPassword, verifyPassword } from './passwords';
import { SessionsService } from './sessions.service';
import { newTotpSecret, totpUri, verifyTotp } from './totp';

interface UserRow extends CurrentUserRow {
  password_hash: string;
  active: boolean;
}

interface MfaRow extends CurrentUserRow {
  active: boolean;
  totp_secret: string | null;
  totp_pending_secret: string | null;
  totp_last_step: string | null;
  recovery_code_hashes: string[];
}

const BAD_CREDENTIALS = 'Wrong email or password';
export const TOTP_ISSUER = 'JV Tracker';

export interface RequestMeta {
  ip: string;
  userAgent: string | null;
}

export type LoginOutcome = { mfaRequired: true; pendingToken: string } | { user: CurrentUser; token: string };

const mfaInvalid = () => new AppError('MFA_CODE_INVALID', {}, 'The code is wrong or was already used');
const mfaNotStarted = (detail = 'Sign in with the password first (or again: the step expired)') =>
  new AppError('MFA_NOT_STARTED', {}, detail);

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(ENV) private readonly env: Env,
    @Inject(SessionsService) private readonly sessions: SessionsService,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  /**
   * Checks the password. A user with a second factor gets a five-minute pending state (no session) that
   * POST /v1/auth/login/mfa completes; anyone else gets a session. Failures are throttled per (account,
   * address) and per address (login-throttle.ts), never by locking the account. The same message answers
   * an unknown email and a wrong password.
   */
  async login(input: LoginInput, meta: RequestMeta): Promise<LoginOutcome> {
    const email = input.email.trim().toLowerCase();
    const outcome = await this.db.transaction(async (m) => {
      await lockAccount(m, email);
      await checkLoginThrottle(m, this.env, email, meta.ip);
      const [row]: UserRow[] = await m.query(
        `SELECT ${CURRENT_USER_COLUMNS}, u.password_hash, u.active FROM users u WHERE u.email = $1`,
        [email],
      );
      const ok = row
        ? await verifyPassword(row.password_hash, input.password)
        : (await burnPasswordCheck(input.password), false);
      if (!row || !ok || !row.active) {
        await recordLoginAttempt(m, email, meta.ip, false);
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
      if (row.mfa_enrolled) {
        // no success is recorded yet: the pair's failure count runs on through the second factor
        return { mfaRequired: true as const, pendingToken: await this.sessions.createPending(row.id, meta, m) };
      }
      return this.openSession(m, row, meta, 'password');
    });
    if (!outcome) throw new Unauthorized('BAD_CREDENTIALS', BAD_CREDENTIALS);
    return outcome;
  }

  /** The second step: a TOTP code (not replayable) or a recovery code (used once) against the pending state. */
  async loginMfa(
    input: LoginMfaInput,
    pendingToken: string | undefined,
    meta: RequestMeta,
  ): Promise<{ user: CurrentUser; token: string }> {
    if (!pendingToken) throw mfaNotStarted();
    const outcome = await this.db.transaction(async (m) => {
      const pending = await this.sessions.findPending(pendingToken, m);
      if (!pending) throw mfaNotStarted();
      const [owner]: Array<{ email: string }> = await m.query(`SELECT email FROM users WHERE id = $1`, [
        pending.user_id,
      ]);
      if (!owner) throw mfaNotStarted();
      await lockAccount(m, owner.email); // before the row lock, in the same order as the password step
      const [row] = await this.lockMfaRow(m, pending.user_id);
      if (!row || !row.active || !row.totp_secret) throw mfaNotStarted();
      await checkLoginThrottle(m, this.env, row.email, meta.ip);
      let method: 'totp' | 'recovery_code' | null = null;
      if ('code' in input) {
        const step = await verifyTotp(
          decryptSecret(this.env.APP_SECRET, row.totp_secret),
          input.code,
          row.totp_last_step === null ? null : Number(row.totp_last_step),
        );
        if (step !== null) {
          await m.query(`UPDATE users SET totp_last_step = $2 WHERE id = $1`, [row.id, step]);
          method = 'totp';
        }
      } else {
        const hash = hashRecoveryCode(this.env.APP_SECRET, input.recoveryCode);
        if (row.recovery_code_hashes.includes(hash)) {
          await m.query(
            `UPDATE users SET recovery_code_hashes = array_remove(recovery_code_hashes, $2) WHERE id = $1`,
            [row.id, hash],
          );
          method = 'recovery_code';
        }
      }
      if (!method) {
        await recordLoginAttempt(m, row.email, meta.ip, false);
        await this.audit.record(
          {
            action: 'login_failure',
            entityType: 'user',
            entityId: row.id,
            after: { email: row.email, reason: 'code' in input ? 'wrong_totp_code' : 'wrong_recovery_code' },
            actor: { id: null, email: row.email },
          },
          m,
        );
        return null; // commit the counted failure, then answer 401
      }
      await m.query(`DELETE FROM sessions WHERE id = $1`, [pending.id]);
      return this.openSession(m, row, meta, method);
    });
    if (!outcome) throw mfaInvalid();
    return outcome;
  }

  /** A new pending TOTP secret (encrypted at rest), active only once confirmed with a code. */
  async totpSetup(user: CurrentUser): Promise<TotpSetup> {
    const secret = newTotpSecret();
    await this.db.query(`UPDATE users SET totp_pending_secret = $2 WHERE id = $1`, [
      user.id,
      encryptSecret(this.env.APP_SECRET, secret),
    ]);
    return { secret, otpauthUrl: totpUri(TOTP_ISSUER, user.email, secret) };
  }

  /** Turns the pending secret on and answers ten new recovery codes (stored as keyed hashes only). */
  async totpConfirm(user: CurrentUser, code: string): Promise<RecoveryCodes> {
    const recoveryCodes = generateRecoveryCodes();
    const outcome = await this.db.transaction(async (m) => {
      const [row] = await this.lockMfaRow(m, user.id);
      if (!row?.totp_pending_secret) throw mfaNotStarted('Start the set-up first');
      const step = await verifyTotp(decryptSecret(this.env.APP_SECRET, row.totp_pending_secret), code, null);
      if (step === null) return false;
      await m.query(
        `UPDATE users SET totp_secret = totp_pending_secret, totp_pending_secret = NULL, totp_last_step = $2,
                          recovery_code_hashes = $3, updated_at = now()
          WHERE id = $1`,
        [user.id, step, recoveryCodes.map((c) => hashRecoveryCode(this.env.APP_SECRET, c))],
      );
      await this.audit.record(
        {
          action: 'update',
          entityType: 'user',
          entityId: user.id,
          before: { mfaEnrolled: row.mfa_enrolled },
          after: { mfaEnrolled: true, recoveryCodes: recoveryCodes.length },
        },
        m,
      );
      return true;
    });
    if (!outcome) throw mfaInvalid();
    return { recoveryCodes };
  }

  /**
   * Changes the caller's own password: the current one must be right (a wrong one counts as a failed
   * sign-in for throttling), the new one must differ and not be on the list. Ends the user's other sessions.
   */
  async changePassword(
    user: CurrentUser,
    input: ChangePasswordInput,
    sessionToken: string | undefined,
    meta: RequestMeta,
  ): Promise<void> {
    const wrong = await this.db.transaction(async (m) => {
      await lockAccount(m, user.email);
      await checkLoginThrottle(m, this.env, user.email, meta.ip);
      const [row]: Array<{ password_hash: string }> = await m.query(`SELECT password_hash FROM users WHERE id = $1`, [
        user.id,
      ]);
      if (row && (await verifyPassword(row.password_hash, input.currentPassword))) {
        if (await verifyPassword(row.password_hash, input.newPassword))
          throw new ValidationFailed([{ path: 'newPassword', code: 'password_unchanged' }]);
        return false;
      }
      await recordLoginAttempt(m, user.email, meta.ip, false);
      return true; // commit the counted failure, then answer 400
    });
    if (wrong) throw new ValidationFailed([{ path: 'currentPassword', code: 'password_wrong' }]);
    if (isBreachedPassword(input.newPassword, user.email))
      throw new ValidationFailed([{ path: 'newPassword', code: 'password_breached' }]);
    const passwordHash = await hashPassword(input.newPassword);
    await this.db.transaction(async (m) => {
      await m.query(
        `UPDATE users SET password_hash = $2, must_change_password = false, updated_at = now() WHERE id = $1`,
        [user.id, passwordHash],
      );
      const sessionsRevoked = await this.sessions.revokeOthers(user.id, sessionToken, m);
      await this.audit.record(
        { action: 'password_reset', entityType: 'user', entityId: user.id, after: { self: true, sessionsRevoked } },
        m,
      );
    });
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

  private lockMfaRow(m: EntityManager, userId: string): Promise<MfaRow[]> {
    return m.query(
      `SELECT ${CURRENT_USER_COLUMNS}, u.active, u.totp_secret, u.totp_pending_secret, u.totp_last_step,
              u.recovery_code_hashes
         FROM users u WHERE u.id = $1 FOR UPDATE`,
      [userId],
    );
  }

  private async openSession(
    m: EntityManager,
    row: CurrentUserRow,
    meta: RequestMeta,
    method: 'password' | 'totp' | 'recovery_code',
  ): Promise<{ user: CurrentUser; token: string }> {
    await recordLoginAttempt(m, row.email, meta.ip, true);
    await m.query(`UPDATE users SET last_login_at = now() WHERE id = $1`, [row.id]);
    const token = await this.sessions.create(row.id, meta, m);
    await this.audit.record(
      {
        action: 'login_success',
        entityType: 'user',
        entityId: row.id,
        ...(method !== 'password' ? { after: { secondFactor: method } } : {}),
        actor: { id: row.id, email: row.email },
      },
      m,
    );
    return { token, user: toCurrentUser(row, this.env.MFA_REQUIRED_ROLES) };
  }
}

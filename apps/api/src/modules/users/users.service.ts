import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  CreateUserInput,
  CurrentUser,
  ListUsersQuery,
  Page,
  ResetPasswordInput,
  UpdateUserInput,
  UserResponse,
} from '@jv/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';
import {
  AppError,
  type FieldErrorInput,
  fieldErrors,
  NotFound,
  StaleVersion,
  ValidationFailed,
} from '../../common/errors';
import { returnedRows, updateVersioned } from '../../common/optimistic';
import { decodeCursor, encodeCursor } from '../../common/pagination';
import { AuditService } from '../audit/audit.service';
import { isBreachedPassword } from '../auth/password-policy';
import { hashPassword } from '../auth/passwords';
import { SessionsService } from '../auth/sessions.service';
import {
  facilityErrors,
  likePattern,
  mustRevokeSessions,
  normalizeScope,
  sameSet,
  scopeErrors,
  toUserResponse,
  USER_COLUMNS,
  type UserRow,
  type UserScope,
} from './users.rules';
import { isUniqueViolation } from '../../common/pg-errors';

const cursorSchema = z.tuple([z.string(), z.uuid()]);

/** User administration (admin only): accounts, roles and scopes, passwords, sessions. */
@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(SessionsService) private readonly sessions: SessionsService,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  /** Keyset on (email, id); `q` matches email or display name. */
  async list(q: ListUsersQuery): Promise<Page<UserResponse>> {
    const where: string[] = [];
    const params: unknown[] = [];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    if (q.q) {
      const x = p(likePattern(q.q));
      where.push(`(email ILIKE ${x} OR display_name ILIKE ${x})`);
    }
    if (q.role) where.push(`role = ${p(q.role)}`);
    if (q.active) where.push(`active = ${p(q.active === 'true')}`);
    if (q.cursor) {
      const parsed = cursorSchema.safeParse(decodeCursor(q.cursor));
      if (!parsed.success) throw new ValidationFailed([{ path: 'cursor', code: 'invalid_cursor' }]);
      where.push(`(email, id) > (${p(parsed.data[0])}, ${p(parsed.data[1])})`);
    }
    const rows: UserRow[] = await this.db.query(
      `SELECT ${USER_COLUMNS} FROM users ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY email, id LIMIT ${p(q.limit + 1)}`,
      params,
    );
    const items = rows.slice(0, q.limit).map(toUserResponse);
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > q.limit && last ? encodeCursor([last.email, last.id]) : null };
  }

  async get(id: string): Promise<UserResponse> {
    const [row]: UserRow[] = await this.db.query(`SELECT ${USER_COLUMNS} FROM users WHERE id = $1`, [id]);
    if (!row) throw new NotFound('User');
    return toUserResponse(row);
  }

  async create(input: CreateUserInput): Promise<UserResponse> {
    const email = input.email.trim().toLowerCase();
    const scope = normalizeScope({
      role: input.role,
      facilityIds: input.facilityIds ?? [],
      partnerId: input.partnerId ?? null,
    });
    if (isBreachedPassword(input.password, email)) throw breachedPassword();
    const passwordHash = await hashPassword(input.password); // slow on purpose: outside the transaction
    return this.db.transaction(async (m) => {
      await this.checkScope(m, scope, {
        facilityIds: scope.role === 'workshop' ? (input.facilityIds ?? []) : [],
        partnerId: scope.partnerId,
      });
      let row: UserRow;
      try {
        [row] = await m.query(
          `INSERT INTO users (email, display_name, role, locale, facility_ids, partner_id, password_hash,
                              must_change_password)
           VALUES ($1, $2, $3, $4, $5, $6, $7, true) RETURNING ${USER_COLUMNS}`,
          [
            email,
            input.displayName,
            scope.role,
            input.locale ?? 'uk',
            scope.facilityIds,
            scope.partnerId,
            passwordHash,
          ],
        );
      } catch (e) {
        if (isUniqueViolation(e)) throw duplicateEmail();
        throw e;
      }
      const user = toUserResponse(row);
      await this.audit.record({ action: 'create', entityType: 'user', entityId: user.id, after: user }, m);
      return user;
    });
  }

  async update(id: string, input: UpdateUserInput, actor: CurrentUser): Promise<UserResponse> {
    return this.db.transaction(async (m) => {
      const current = await this.lockRow(m, id);
      if (current.version !== input.version) throw new StaleVersion(current.version);
      const before = toUserResponse(current);

      const next = normalizeScope({
        role: input.role ?? before.role,
        facilityIds: input.facilityIds ?? before.facilityIds,
        partnerId: input.partnerId !== undefined ? input.partnerId : before.partnerId,
      });
      const active = input.active ?? before.active;
      if (id === actor.id) {
        const refused: FieldErrorInput[] = [];
        if (!active) refused.push({ path: 'active', code: 'own_account_active' });
        if (next.role !== 'admin') refused.push({ path: 'role', code: 'own_admin_role' });
        if (refused.length)
          throw new ValidationFailed(
            refused,
            fieldErrors(refused)
              .map((e) => e.message)
              .join('; '),
          );
      }
      // references are checked when the request names them; stored values were checked when saved
      await this.checkScope(m, next, {
        facilityIds: input.facilityIds !== undefined && next.role === 'workshop' ? input.facilityIds : [],
        partnerId: input.partnerId !== undefined && next.role === 'partner' ? next.partnerId : null,
      });

      const set: Record<string, unknown> = {};
      const changedBefore: Record<string, unknown> = {};
      const changedAfter: Record<string, unknown> = {};
      const change = (field: keyof UserResponse, column: string, value: unknown, same: boolean) => {
        if (same) return;
        set[column] = value;
        changedBefore[field] = before[field];
        changedAfter[field] = value;
      };
      change(
        'displayName',
        'display_name',
        input.displayName,
        input.displayName === undefined || input.displayName === before.displayName,
      );
      change('locale', 'locale', input.locale, input.locale === undefined || input.locale === before.locale);
      change('role', 'role', next.role, next.role === before.role);
      change('facilityIds', 'facility_ids', next.facilityIds, sameSet(next.facilityIds, before.facilityIds));
      change('partnerId', 'partner_id', next.partnerId, next.partnerId === before.partnerId);
      change('active', 'active', active, active === before.active);
      if (Object.keys(set).length === 0) return before;

      const row = await updateVersioned<UserRow>(m, 'users', id, input.version, set, 'User');
      const after = toUserResponse(row);
      if (mustRevokeSessions(before, { ...next, active })) {
        await this.sessions.revokeAllForUser(id, m);
      }
      await this.audit.record(
        {
          action: 'update',
          entityType: 'user',
          entityId: id,
          before: { ...changedBefore, version: before.version },
          after: { ...changedAfter, version: after.version },
        },
        m,
      );
      return after;
    });
  }

  /**
   * Sets a new password the user must change at the next sign-in, and ends every session of the user.
   * A password on the common/breached list is refused.
   */
  async resetPassword(id: string, input: ResetPasswordInput): Promise<void> {
    const [user]: Array<{ email: string }> = await this.db.query(`SELECT email FROM users WHERE id = $1`, [id]);
    if (!user) throw new NotFound('User');
    if (isBreachedPassword(input.password, user.email)) throw breachedPassword();
    const passwordHash = await hashPassword(input.password);
    await this.db.transaction(async (m) => {
      const rows = returnedRows<{ id: string }>(
        await m.query(
          `UPDATE users SET password_hash = $2, must_change_password = true, updated_at = now()
            WHERE id = $1 RETURNING id`,
          [id, passwordHash],
        ),
      );
      if (rows.length === 0) throw new NotFound('User');
      const sessionsRevoked = await this.sessions.revokeAllForUser(id, m);
      await this.audit.record(
        { action: 'password_reset', entityType: 'user', entityId: id, after: { sessionsRevoked, mustChange: true } },
        m,
      );
    });
  }

  /**
   * Removes the user's second factor (secret, pending enrolment, recovery codes) and ends its sessions
   * (pending sign-ins too); audited. A role in MFA_REQUIRED_ROLES enrols again at the next sign-in.
   */
  async resetMfa(id: string): Promise<void> {
    await this.db.transaction(async (m) => {
      await this.lockRow(m, id);
      const [before]: Array<{ enrolled: boolean }> = await m.query(
        `SELECT totp_secret IS NOT NULL AS enrolled FROM users WHERE id = $1`,
        [id],
      );
      await m.query(
        `UPDATE users SET totp_secret = NULL, totp_pending_secret = NULL, totp_last_step = NULL,
                          recovery_code_hashes = '{}', updated_at = now()
          WHERE id = $1`,
        [id],
      );
      const sessionsRevoked = await this.sessions.revokeAllForUser(id, m);
      await this.audit.record(
        {
          action: 'update',
          entityType: 'user',
          entityId: id,
          before: { mfaEnrolled: before?.enrolled ?? false },
          after: { mfaEnrolled: false, mfaReset: true, sessionsRevoked },
        },
        m,
      );
    });
  }

  /** "End sessions": signs the user out everywhere at once. */
  async revokeSessions(id: string): Promise<void> {
    await this.db.transaction(async (m) => {
      await this.lockRow(m, id);
      const count = await this.sessions.revokeAllForUser(id, m);
      await this.audit.record({ action: 'sessions_revoked', entityType: 'user', entityId: id, after: { count } }, m);
    });
  }

  private async lockRow(m: EntityManager, id: string): Promise<UserRow> {
    const [row]: UserRow[] = await m.query(`SELECT ${USER_COLUMNS} FROM users WHERE id = $1 FOR UPDATE`, [id]);
    if (!row) throw new NotFound('User');
    return row;
  }

  /**
   * The role's scope rule, then the references named in the request: facilities must exist and be
   * repair workshops (`facilityIds.N`), the partner must exist (`partnerId`).
   */
  private async checkScope(
    m: EntityManager,
    scope: UserScope,
    named: { facilityIds: string[]; partnerId: string | null },
  ): Promise<void> {
    const errors = scopeErrors(scope);
    if (named.facilityIds.length > 0) {
      const found: Array<{ id: string; kind: string }> = await m.query(
        `SELECT id, kind FROM facilities WHERE id = ANY($1::uuid[])`,
        [named.facilityIds],
      );
      errors.push(...facilityErrors(named.facilityIds, new Map(found.map((f) => [f.id, f.kind]))));
    }
    if (named.partnerId) {
      const [partner] = await m.query(`SELECT 1 FROM partners WHERE id = $1`, [named.partnerId]);
      if (!partner) errors.push({ path: 'partnerId', code: 'not_found' });
    }
    if (errors.length) throw new ValidationFailed(errors);
  }
}

function breachedPassword() {
  return new ValidationFailed(
    [{ path: 'password', code: 'password_breached' }],
    'This password is on a list of common or leaked passwords',
  );
}

function duplicateEmail() {
  return new AppError('DUPLICATE', {}, 'A user with this email already exists', {
    errors: fieldErrors([{ path: 'email', code: 'duplicate' }]),
  });
}

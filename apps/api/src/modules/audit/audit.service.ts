import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuditAction, AuditEntry, ListAuditQuery, Page } from '@jv/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { ValidationFailed } from '../../common/errors';
import { decodeCursor, encodeCursor } from '../../common/pagination';
import { currentContext } from '../../common/request-context';

export interface AuditRecord {
  action: AuditAction;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  /** defaults to the signed-in user of the current request */
  actor?: { id: string | null; email: string | null };
}

const SECRET_KEYS = new Set(['passwordHash', 'password', 'password_hash', 'tokenHash']);
const scrub = (v: unknown): unknown => {
  if (v === null || v === undefined) return null;
  if (Array.isArray(v)) return v.map(scrub);
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object')
    return Object.fromEntries(
      Object.entries(v)
        .filter(([k]) => !SECRET_KEYS.has(k))
        .map(([k, x]) => [k, scrub(x)]),
    );
  return v;
};

/**
 * Appends one audit row through `manager` (the change's transaction, so both commit or roll back
 * together). For code that runs without Nest's injector (function modules taking the transaction's
 * EntityManager, seeds); services use `AuditService.record`, which writes the same row.
 */
export async function recordAudit(manager: Pick<EntityManager, 'query'>, entry: AuditRecord): Promise<void> {
  const ctx = currentContext();
  const actor = entry.actor ?? { id: ctx?.user?.id ?? null, email: ctx?.user?.email ?? null };
  await manager.query(
    `INSERT INTO audit_log (actor_id, actor_email, action, entity_type, entity_id, before, after, request_id, ip)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      actor.id,
      actor.email,
      entry.action,
      entry.entityType,
      entry.entityId ?? null,
      entry.before === undefined ? null : JSON.stringify(scrub(entry.before)),
      entry.after === undefined ? null : JSON.stringify(scrub(entry.after)),
      ctx?.requestId ?? null,
      ctx?.ip ?? null,
    ],
  );
}

/**
 * The append-only audit log. Write through the same EntityManager as the change, so the row and
 * the change commit or roll back together. The database refuses UPDATE and DELETE on the table.
 */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  record(entry: AuditRecord, manager: EntityManager = this.db.manager): Promise<void> {
    return recordAudit(manager, entry);
  }

  /** Newest first, keyset on id (ordered by the bigint column, not its `id::text` output alias). */
  async list(q: ListAuditQuery): Promise<Page<AuditEntry>> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, v: unknown) => {
      params.push(v);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (q.entityType) add('entity_type = ?', q.entityType);
    if (q.entityId) add('entity_id = ?', q.entityId);
    if (q.actorId) add('actor_id = ?', q.actorId);
    if (q.action) add('action = ?', q.action);
    if (q.from) add('at >= ?', q.from);
    if (q.to) add('at < ?', q.to);
    if (q.cursor) {
      const [last] = decodeCursor<unknown[]>(q.cursor);
      if (typeof last !== 'string' || !/^\d{1,19}$/.test(last))
        throw new ValidationFailed([{ path: 'cursor', code: 'invalid_cursor' }]);
      add('id < ?', last);
    }
    params.push(q.limit + 1);
    const rows: Array<Record<string, unknown>> = await this.db.query(
      `SELECT id::text, at, actor_id, actor_email, action, entity_type, entity_id, before, after, request_id, ip
         FROM audit_log ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
        ORDER BY audit_log.id DESC LIMIT $${params.length}`,
      params,
    );
    const more = rows.length > q.limit;
    const items = rows.slice(0, q.limit).map((r) => ({
      id: r['id'] as string,
      at: (r['at'] as Date).toISOString(),
      actorId: r['actor_id'] as string | null,
      actorEmail: r['actor_email'] as string | null,
      action: r['action'] as AuditAction,
      entityType: r['entity_type'] as string,
      entityId: r['entity_id'] as string | null,
      before: r['before'] ?? null,
      after: r['after'] ?? null,
      requestId: r['request_id'] as string | null,
      ip: r['ip'] as string | null,
    }));
    return { items, nextCursor: more ? encodeCursor([items[items.length - 1].id]) : null };
  }
}

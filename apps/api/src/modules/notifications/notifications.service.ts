import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CurrentUser, ListNotificationsQuery, Notification, NotificationsPage } from '@jv/contracts';
import type { NotificationKind, NotificationSubject } from '@jv/domain';
import { z } from 'zod';
import type { DataSource } from 'typeorm';
import { NotFound, ValidationFailed } from '../../common/errors';
import { decodeCursor, encodeCursor } from '../../common/pagination';
import { SqlParams, whereSql } from '../../common/sql';

interface NotificationRow {
  id: string;
  kind: NotificationKind;
  subject_type: NotificationSubject;
  subject_id: string;
  params: Record<string, string | number>;
  created_at: Date;
  /** created_at with microseconds, for the keyset cursor (a JS Date keeps only milliseconds) */
  created_at_key: string;
  read_at: Date | null;
}

const cursorSchema = z.tuple([z.iso.datetime({ offset: true }), z.uuid()]);

/** Keyset cursor of the inbox (newest first): (created_at with microseconds, id). */
export const encodeNotificationCursor = (r: Pick<NotificationRow, 'created_at_key' | 'id'>): string =>
  encodeCursor([r.created_at_key, r.id]);

export function decodeNotificationCursor(cursor: string): [string, string] {
  const parsed = cursorSchema.safeParse(decodeCursor(cursor));
  if (!parsed.success) throw new ValidationFailed([{ path: 'cursor', code: 'invalid_cursor' }]);
  return parsed.data;
}

export const toNotification = (r: NotificationRow): Notification => ({
  id: r.id,
  kind: r.kind,
  subjectType: r.subject_type,
  subjectId: r.subject_id,
  params: r.params,
  createdAt: new Date(r.created_at).toISOString(),
  readAt: r.read_at ? new Date(r.read_at).toISOString() : null,
});

/**
 * The signed-in user's inbox. Every query has `user_id = <the caller>` in its WHERE, so another user's
 * notification is indistinguishable from a missing one (404). The rows are written by `notify()` only.
 */
@Injectable()
export class NotificationsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Newest first, keyset on (created_at, id) over notifications_user_idx; the unread count beside the page. */
  async list(q: ListNotificationsQuery, user: CurrentUser): Promise<NotificationsPage> {
    const p = new SqlParams();
    const where = [`n.user_id = ${p.add(user.id)}::uuid`];
    if (q.unread === 'true') where.push('n.read_at IS NULL');
    if (q.unread === 'false') where.push('n.read_at IS NOT NULL');
    if (q.cursor) {
      const [createdAt, id] = decodeNotificationCursor(q.cursor);
      where.push(`(n.created_at, n.id) < (${p.add(createdAt)}::timestamptz, ${p.add(id)}::uuid)`);
    }
    const [rows, [{ unread }]]: [NotificationRow[], Array<{ unread: number }>] = await Promise.all([
      this.db.query(
        `SELECT n.id, n.kind, n.subject_type, n.subject_id, n.params, n.created_at, n.read_at,
                to_char(n.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_at_key
           FROM notifications n ${whereSql(where)}
          ORDER BY n.created_at DESC, n.id DESC LIMIT ${p.add(q.limit + 1)}`,
        p.values,
      ),
      // notifications_unread_idx (user_id) WHERE read_at IS NULL
      this.db.query(`SELECT count(*)::int AS unread FROM notifications WHERE user_id = $1 AND read_at IS NULL`, [
        user.id,
      ]),
    ]);
    const kept = rows.slice(0, q.limit);
    const last = kept[kept.length - 1];
    return {
      items: kept.map(toNotification),
      nextCursor: rows.length > q.limit && last ? encodeNotificationCursor(last) : null,
      unreadCount: unread,
    };
  }

  /** Marks one of the caller's notifications read; already read stays as it was (the first reading time). */
  async read(id: string, user: CurrentUser): Promise<void> {
    const rows: unknown[] = await this.db.query(
      `WITH target AS (SELECT id, read_at FROM notifications WHERE id = $1 AND user_id = $2),
            marked AS (UPDATE notifications n SET read_at = now()
                        FROM target t WHERE n.id = t.id AND t.read_at IS NULL RETURNING n.id)
       SELECT id FROM target`,
      [id, user.id],
    );
    if (rows.length === 0) throw new NotFound('Notification');
  }

  /** Marks every unread notification of the caller read. */
  async readAll(user: CurrentUser): Promise<void> {
    await this.db.query(`UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL`, [user.id]);
  }
}

import type { NotificationKind, NotificationSubject, Role } from '@jv/domain';
import type { EntityManager } from 'typeorm';

/** Who hears of an event: named users, or the active users of some roles narrowed by scope. */
export type Recipients =
  | { userIds: ReadonlyArray<string | null> }
  | {
      roles: readonly Role[];
      /** not the person who caused the event (the requester, the preparer) */
      exceptUserId?: string | null;
      /** nor these (who logged work on a job, and so may not sign it off) */
      exceptUserIds?: readonly string[];
      /** only users with this facility among theirs (workshop users of a job's facility) */
      facilityId?: string;
      /** like facilityId, but users with no facilities at all are included (coordinators of every base) */
      facilityIdOrAll?: string;
      /** only partner users of this country */
      partnerId?: string;
    };

export interface NotificationInput {
  kind: NotificationKind;
  subjectType: NotificationSubject;
  subjectId: string;
  /** what the sentence names (numbers, codes, dates): never personal data */
  params: Record<string, string | number>;
  /** notify each person once for this key (events a periodic run may find twice) */
  dedupKey?: string;
}

/**
 * Writes one notification per recipient through `manager` — the event's own transaction, so the
 * notification exists exactly when the event does. Inactive users are skipped. Returns how many were
 * written (a repeated dedup key writes none).
 */
export async function notify(
  manager: Pick<EntityManager, 'query'>,
  recipients: Recipients,
  n: NotificationInput,
): Promise<number> {
  const values: unknown[] = [n.kind, n.subjectType, n.subjectId, JSON.stringify(n.params), n.dedupKey ?? null];
  const where = ['u.active'];
  if ('userIds' in recipients) {
    const ids = recipients.userIds.filter((id): id is string => !!id);
    if (ids.length === 0) return 0;
    values.push(ids);
    where.push(`u.id = ANY($${values.length}::uuid[])`);
  } else {
    values.push(recipients.roles);
    where.push(`u.role = ANY($${values.length}::text[])`);
    if (recipients.exceptUserId) {
      values.push(recipients.exceptUserId);
      where.push(`u.id <> $${values.length}::uuid`);
    }
    if (recipients.exceptUserIds?.length) {
      values.push(recipients.exceptUserIds);
      where.push(`u.id <> ALL($${values.length}::uuid[])`);
    }
    if (recipients.facilityId) {
      values.push(recipients.facilityId);
      where.push(`$${values.length}::uuid = ANY(u.facility_ids)`);
    }
    if (recipients.facilityIdOrAll) {
      values.push(recipients.facilityIdOrAll);
      where.push(`($${values.length}::uuid = ANY(u.facility_ids) OR cardinality(u.facility_ids) = 0)`);
    }
    if (recipients.partnerId) {
      values.push(recipients.partnerId);
      where.push(`u.partner_id = $${values.length}::uuid`);
    }
  }
  const rows: unknown[] = await manager.query(
    `INSERT INTO notifications (user_id, kind, subject_type, subject_id, params, dedup_key)
     SELECT u.id, $1, $2, $3, $4::jsonb, $5 FROM users u WHERE ${where.join(' AND ')}
     ON CONFLICT (user_id, dedup_key) WHERE dedup_key IS NOT NULL DO NOTHING
     RETURNING id`,
    values,
  );
  return rows.length;
}

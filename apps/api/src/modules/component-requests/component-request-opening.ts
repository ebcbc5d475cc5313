import { type ComponentRequestPriority, formatRequestNumber } from '@jv/domain';
import type { EntityManager } from 'typeorm';
import { recordAudit } from '../audit/audit.service';

export interface OpenComponentRequestInput {
  componentId: string;
  quantity: number;
  priority: ComponentRequestPriority;
  /** YYYY-MM-DD */
  neededBy: string;
  facilityId: string;
  repairJobId: string | null;
  systemId: string | null;
  justification: string;
  /** raised by the daily barrel job */
  autoBarrel?: boolean;
}

/** Who raises the request: a signed-in user, or nobody (the barrel job: id null). */
export interface OpenComponentRequestActor {
  id: string | null;
  email?: string | null;
}

/**
 * Writes a draft request inside the caller's transaction: takes the next gapless `CR-YYYY-NNNNN`
 * number (the counter row stays locked until commit, a rollback undoes the increment; the year comes
 * from the database clock), inserts the request, its first transition (null → draft) and one audit
 * row. References and scope are the caller's to check: this function only writes.
 */
export async function openComponentRequest(
  m: Pick<EntityManager, 'query'>,
  input: OpenComponentRequestInput,
  actor: OpenComponentRequestActor,
): Promise<{ id: string; number: string }> {
  const [{ year }]: Array<{ year: number }> = await m.query(
    `SELECT extract(year FROM now() AT TIME ZONE 'UTC')::int AS year`,
  );
  const [{ last_value: seq }]: Array<{ last_value: number }> = await m.query(
    `INSERT INTO number_sequences (name, year, last_value) VALUES ('CR', $1, 1)
     ON CONFLICT (name, year) DO UPDATE SET last_value = number_sequences.last_value + 1 RETURNING last_value`,
    [year],
  );
  const number = formatRequestNumber(year, seq);
  const autoBarrel = input.autoBarrel ?? false;
  const [row]: Array<{ id: string; created_at: Date }> = await m.query(
    `INSERT INTO component_requests (number, component_id, quantity, priority, needed_by, facility_id, repair_job_id,
                                     system_id, justification, status, requested_by, auto_barrel)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'draft', $10, $11)
     RETURNING id, created_at`,
    [
      number,
      input.componentId,
      input.quantity,
      input.priority,
      input.neededBy,
      input.facilityId,
      input.repairJobId,
      input.systemId,
      input.justification,
      actor.id,
      autoBarrel,
    ],
  );
  await m.query(
    `INSERT INTO component_request_transitions (request_id, from_status, to_status, actor_id, at)
     VALUES ($1, NULL, 'draft', $2, now())`,
    [row.id, actor.id],
  );
  await recordAudit(m, {
    action: 'create',
    entityType: 'component_request',
    entityId: row.id,
    // without a signed-in user (the barrel job) the row names no one rather than the request's user
    actor: actor.id === null || actor.email !== undefined ? { id: actor.id, email: actor.email ?? null } : undefined,
    after: {
      number,
      componentId: input.componentId,
      quantity: input.quantity,
      priority: input.priority,
      neededBy: input.neededBy,
      facilityId: input.facilityId,
      repairJobId: input.repairJobId,
      systemId: input.systemId,
      justification: input.justification,
      status: 'draft',
      requestedBy: actor.id,
      autoBarrel,
      version: 1,
    },
  });
  return { id: row.id, number };
}

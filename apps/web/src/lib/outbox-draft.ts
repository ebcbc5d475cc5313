import { type EndpointDef, fillPath } from '@jv/contracts';
import type { OutboxKind } from './outbox/db';
import type { OutboxDraft } from './outbox/store';

// outside lib/outbox/: the outbox's chunk loads Dexie, and must not carry the contracts with it
/** The entry for one call of an endpoint of the contract table (its method, and its path with the parameters). */
export function endpointDraft(
  kind: OutboxKind,
  def: EndpointDef,
  request: { params?: Record<string, unknown>; body: unknown },
  entry: Pick<OutboxDraft, 'idempotencyKey' | 'label' | 'scope' | 'dependsOn'>,
): OutboxDraft {
  return {
    kind,
    method: def.method as OutboxDraft['method'],
    path: fillPath(def.path, request.params),
    body: request.body,
    ...entry,
  };
}

import { isApiError } from '../is-api-error';
import type { OutboxEntry } from './db';
import { OUTBOX_QUEUED_EVENT } from './start';
import type { OutboxDraft } from './store';

// What the write hooks import: no IndexedDB code here (Dexie loads with ./engine, only when an entry is kept or
// looked up), so that a list page whose chunk holds the write hooks does not load it.
const engine = () => import('./engine');
const outboxAvailable = () => typeof indexedDB !== 'undefined';

/** What a mutation answers when its entry went to the outbox instead of the server. */
export interface Queued {
  queued: OutboxEntry;
}

export const isQueued = (value: unknown): value is Queued =>
  typeof value === 'object' && value !== null && 'queued' in value;

/** Failures after which the request may never have reached the server, or its answer never came back. */
function isNetworkFailure(error: unknown): boolean {
  return isApiError(error) && (error.isNetworkError || [502, 503, 504].includes(error.status));
}

/**
 * A workshop entry: sent at once when the tablet is online and nothing about the same job waits before it;
 * otherwise, or when the request fails by network, kept in the outbox with the same Idempotency-Key and sent
 * later. Without an owner (signed out) or without IndexedDB it is the plain request.
 */
export async function sendOrQueue<T>(
  userId: string | undefined,
  draft: OutboxDraft,
  send: () => Promise<T>,
): Promise<T | Queued> {
  if (!userId || !outboxAvailable()) return send();
  const queue = async () => {
    const queued = await (await engine()).queue(userId, draft);
    // the header's badge may not have loaded the outbox yet (it waits for the page to settle): now it must
    window.dispatchEvent(new Event(OUTBOX_QUEUED_EVENT));
    return queued;
  };
  if (!navigator.onLine || (await (await engine()).mustQueueBehind(userId, draft.scope))) return queue();
  try {
    return await send();
  } catch (error) {
    if (isNetworkFailure(error)) return queue();
    throw error;
  }
}

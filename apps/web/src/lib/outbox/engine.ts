import { queryClient } from '../query-client';
import { outboxAvailable, outboxDb } from './db';
import { createOutboxSender, type OutboxSender } from './outbox';
import { enqueue, mustQueueBehind, type OutboxDraft } from './store';

/**
 * The outbox's sending side, with IndexedDB (Dexie): loaded by the header's badge once the page has loaded, and by a
 * write that has to be kept (lib/outbox/runtime.ts), never with a page's first code.
 */
// the screens an entry shows on, by their query keys' roots (features own the keys; these roots are stable)
const REFRESHED_ROOTS = [['repair-jobs'], ['systems'], ['component-requests']];

let sender: OutboxSender | undefined;
function appSender(): OutboxSender {
  sender ??= createOutboxSender({
    db: outboxDb(),
    fetch: (input, init) => fetch(input, init),
    locks: typeof navigator !== 'undefined' && navigator.locks ? navigator.locks : undefined,
    onSent: () => {
      for (const queryKey of REFRESHED_ROOTS) void queryClient.invalidateQueries({ queryKey });
    },
  });
  return sender;
}

let timer: ReturnType<typeof setTimeout> | undefined;

/** Sends what may go now, and comes back when the first entry waiting for the network is due. */
export async function flushOutbox(userId: string): Promise<void> {
  // offline, every attempt would fail at once: the `online` event comes back here
  if (!outboxAvailable() || !navigator.onLine) return;
  const result = await appSender().flush(userId);
  clearTimeout(timer);
  if (result.outcome === 'idle' && result.retryAt !== undefined) {
    timer = setTimeout(() => void flushOutbox(userId), Math.max(0, result.retryAt - Date.now()));
  } else if (result.outcome === 'busy') {
    // another tab sends; look again later in case it is closed meanwhile
    timer = setTimeout(() => void flushOutbox(userId), 30_000);
  }
}

/** While `userId` is signed in: send at start and whenever the browser says it is online again. */
export function startOutbox(userId: string): () => void {
  if (!outboxAvailable()) return () => undefined;
  const onOnline = () => void flushOutbox(userId);
  window.addEventListener('online', onOnline);
  void flushOutbox(userId);
  return () => {
    window.removeEventListener('online', onOnline);
    clearTimeout(timer);
  };
}

/** Keeps the entry with its Idempotency-Key and tries to send it. */
export async function queue(userId: string, draft: OutboxDraft) {
  const queued = await enqueue(userId, draft);
  void flushOutbox(userId);
  return { queued };
}

export { mustQueueBehind };

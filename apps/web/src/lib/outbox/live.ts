import { liveQuery } from 'dexie';
import { outboxDb, type OutboxEntry } from './db';
import { entriesOf } from './store';

/**
 * Calls `next` with the user's entries not yet sent, now and on every change — in this tab or another (Dexie's live
 * queries see every tab's writes). Answers the function that stops watching.
 */
export function watchEntries(userId: string, next: (entries: OutboxEntry[]) => void): () => void {
  const subscription = liveQuery(() => entriesOf(userId, outboxDb())).subscribe({
    next,
    // an unreadable outbox shows nothing pending rather than breaking the page it sits on
    error: () => next([]),
  });
  return () => subscription.unsubscribe();
}

import { outboxAvailable, outboxDb, type OutboxDb, type OutboxEntry, type OutboxKind, type OutboxScope } from './db';
import { chainKeys } from './outbox';

/** What a form hands over: the entry before it has an owner, an id and a place in the queue. */
export interface OutboxDraft {
  kind: OutboxKind;
  method: OutboxEntry['method'];
  path: string;
  body: unknown;
  idempotencyKey: string;
  label: string;
  scope: OutboxScope;
  dependsOn?: string[];
}

/** Saves an entry, pending and due at once. */
export async function enqueue(userId: string, draft: OutboxDraft, db: OutboxDb = outboxDb()): Promise<OutboxEntry> {
  const entry: OutboxEntry = {
    ...draft,
    id: crypto.randomUUID(),
    userId,
    dependsOn: draft.dependsOn ?? [],
    createdAt: Date.now(),
    state: 'pending',
    attempts: 0,
    nextAttemptAt: 0,
  };
  const seq = await db.entries.add(entry);
  return { ...entry, seq };
}

/** A user's entries in creation order. */
export async function entriesOf(userId: string, db: OutboxDb = outboxDb()): Promise<OutboxEntry[]> {
  return (await db.entries.where('userId').equals(userId).toArray()).sort((a, b) => a.seq! - b.seq!);
}

/**
 * Whether a new entry about this scope must queue behind the user's entries not yet sent: sending it at once would
 * overtake them (a work log before the move it follows).
 */
export async function mustQueueBehind(userId: string, scope: OutboxScope, db: OutboxDb = outboxDb()) {
  const keys = chainKeys({ scope });
  if (keys.length === 0) return false;
  return (await entriesOf(userId, db)).some((e) => chainKeys(e).some((k) => keys.includes(k)));
}

/** "Drop": the entry is given up; nothing of it reaches the server. */
export async function dropEntry(id: string, db: OutboxDb = outboxDb()): Promise<void> {
  await db.entries.where('id').equals(id).delete();
}

/** "Retry" of a failed entry: due at once, with the same key (the server keeps no record of a request that failed). */
export async function retryEntry(id: string, db: OutboxDb = outboxDb()): Promise<void> {
  await db.entries.where('id').equals(id).modify({ state: 'pending', nextAttemptAt: 0, lastError: undefined });
}

/**
 * "Fix": the entry leaves the outbox and its values go back to its form; what the user sends then is a new entry
 * with a new key: what is sent after an edit is another request.
 */
export async function takeEntry(id: string, db: OutboxDb = outboxDb()): Promise<OutboxEntry | undefined> {
  return db.transaction('rw', db.entries, async () => {
    const entry = await db.entries.where('id').equals(id).first();
    if (entry) await db.entries.delete(entry.seq!);
    return entry;
  });
}

/** How many of a user's entries are not sent yet (0 where the browser keeps no outbox). */
export async function waitingCount(userId: string, db?: OutboxDb): Promise<number> {
  if (!outboxAvailable()) return 0;
  return (db ?? outboxDb()).entries.where('userId').equals(userId).count();
}

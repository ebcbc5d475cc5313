import { Dexie } from 'dexie';
import { DEPENDENCY_DROPPED } from './constants';
import { localId, type OutboxDb, type OutboxEntry, type OutboxProblem } from './db';

/** Network retries: 2 s, 4 s, 8 s … never more than a minute apart. */
export const BACKOFF_BASE_MS = 2_000;
export const BACKOFF_MAX_MS = 60_000;

/** The wait before attempt `attempts + 1`, ±20 % so tablets that lost the same access point do not return in step. */
export function backoffDelay(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1));
  return Math.min(BACKOFF_MAX_MS, Math.round(base * (0.8 + 0.4 * random())));
}

/** Answers that say nothing about the entry itself: the network or a proxy in front of the API. */
const RETRY_STATUSES = new Set([408, 429, 502, 503, 504]);

export { DEPENDENCY_DROPPED } from './constants';

/**
 * The entries an entry must wait behind when one of them is refused or broken: everything about the same job,
 * and, for entries that touch a system without a job (usage reports, new jobs), the same system. Entries about
 * another job go on, so one refused move does not stop a day's work logs elsewhere.
 */
export function chainKeys(entry: Pick<OutboxEntry, 'scope'>): string[] {
  if (entry.scope.jobId) return [`job:${entry.scope.jobId}`];
  return entry.scope.systemId ? [`system:${entry.scope.systemId}`] : [];
}

/** The kinds whose answer is a new object that later entries may refer to by its stand-in id. */
const CREATES = new Set<OutboxEntry['kind']>(['newJob', 'componentRequest']);

export interface OutboxSenderDeps {
  db: OutboxDb;
  fetch: typeof fetch;
  now?: () => number;
  random?: () => number;
  /** Web Locks: with them only one tab of the browser sends a user's entries */
  locks?: Pick<LockManager, 'request'>;
  /** told of each entry the server took, with its answer (the app refreshes the screens it shows on) */
  onSent?: (entry: OutboxEntry, answer: unknown) => void;
}

export type FlushResult =
  /** nothing more can go now; `retryAt` when an entry waits for the network */
  | { outcome: 'idle'; retryAt?: number }
  /** another tab holds the lock and sends */
  | { outcome: 'busy' }
  /** the session has ended: the entries wait for their owner to sign in again */
  | { outcome: 'unauthorized' };

const API_BASE = '/api';

/** Swaps stand-in ids for the ids the server gave (path and body alike). */
function substitute<T>(value: T, ids: Map<string, string>): T {
  if (ids.size === 0) return value;
  let text = JSON.stringify(value ?? null);
  // a path parameter is URI-encoded (`local%3A…`), a body value is not
  for (const [local, server] of ids) {
    text = text.split(local).join(server).split(encodeURIComponent(local)).join(server);
  }
  return JSON.parse(text) as T;
}

async function readAnswer(response: Response): Promise<unknown> {
  const text = await response.text().catch(() => '');
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function problemOf(status: number, answer: unknown): OutboxProblem {
  return answer && typeof answer === 'object' ? { ...(answer as object), status } : { status };
}

/**
 * Sends a user's entries: strictly in creation order, one at a time. One `flush` runs per user and tab (a call
 * while one runs makes it look again when done) and, with Web Locks, per browser.
 */
export function createOutboxSender(deps: OutboxSenderDeps) {
  const { db } = deps;
  const now = deps.now ?? Date.now;
  const random = deps.random ?? Math.random;
  const running = new Map<string, { again: boolean; done: Promise<FlushResult> }>();

  async function userEntries(userId: string): Promise<OutboxEntry[]> {
    return db.entries.where('[userId+seq]').between([userId, Dexie.minKey], [userId, Dexie.maxKey]).toArray();
  }

  /** The first entry that may go now, or when the first one that may go waits for the network. */
  function pick(entries: OutboxEntry[]): { next?: OutboxEntry; retryAt?: number } {
    const waiting = new Set(entries.map((e) => e.id));
    const held = new Set<string>();
    for (const entry of entries) {
      const chains = chainKeys(entry);
      const blocked =
        entry.state === 'conflict' ||
        entry.state === 'failed' ||
        chains.some((c) => held.has(c)) ||
        entry.dependsOn.some((d) => waiting.has(d));
      if (blocked) {
        chains.forEach((c) => held.add(c));
        continue;
      }
      // a network wait holds everything after it: the order the user typed is the order the server sees
      if (entry.nextAttemptAt > now()) return { retryAt: entry.nextAttemptAt };
      return { next: entry };
    }
    return {};
  }

  async function send(entry: OutboxEntry): Promise<'sent' | 'retry' | 'refused' | 'unauthorized'> {
    const seq = entry.seq!;
    const ids = new Map<string, string>();
    for (const dependency of entry.dependsOn) {
      const created = await db.createdIds.get(localId(dependency));
      if (!created) {
        await db.entries.update(seq, {
          state: 'conflict',
          lastError: { status: 0, code: DEPENDENCY_DROPPED },
        });
        return 'refused';
      }
      ids.set(created.localId, created.serverId);
    }
    const attempts = entry.attempts + 1;
    await db.entries.update(seq, { state: 'sending', attempts });

    let response: Response;
    try {
      response = await deps.fetch(`${API_BASE}${substitute(entry.path, ids)}`, {
        method: entry.method,
        headers: {
          Accept: 'application/json, application/problem+json',
          'Content-Type': 'application/json',
          'Idempotency-Key': entry.idempotencyKey,
        },
        body: JSON.stringify(substitute(entry.body, ids)),
        credentials: 'same-origin',
      });
    } catch {
      await db.entries.update(seq, {
        state: 'pending',
        nextAttemptAt: now() + backoffDelay(attempts, random),
        lastError: { status: 0, code: 'NETWORK_ERROR' },
      });
      return 'retry';
    }
    const answer = await readAnswer(response);

    if (response.ok) {
      const createdId = (answer as { id?: unknown } | undefined)?.id;
      await db.transaction('rw', db.entries, db.createdIds, async () => {
        if (CREATES.has(entry.kind) && typeof createdId === 'string') {
          await db.createdIds.put({ localId: localId(entry.id), serverId: createdId, createdAt: now() });
        }
        await db.entries.delete(seq);
      });
      deps.onSent?.(entry, answer);
      return 'sent';
    }
    const problem = problemOf(response.status, answer);
    // the same key still running on the server (the first attempt's answer was lost on the way): ask again later
    if (RETRY_STATUSES.has(response.status) || problem.code === 'IDEMPOTENCY_IN_PROGRESS') {
      await db.entries.update(seq, {
        state: 'pending',
        nextAttemptAt: now() + backoffDelay(attempts, random),
        lastError: problem,
      });
      return 'retry';
    }
    if (response.status === 401) {
      await db.entries.update(seq, { state: 'pending', lastError: problem });
      return 'unauthorized';
    }
    await db.entries.update(seq, { state: response.status >= 500 ? 'failed' : 'conflict', lastError: problem });
    return 'refused';
  }

  async function drain(userId: string): Promise<FlushResult> {
    for (;;) {
      const { next, retryAt } = pick(await userEntries(userId));
      if (!next) return retryAt === undefined ? { outcome: 'idle' } : { outcome: 'idle', retryAt };
      if ((await send(next)) === 'unauthorized') return { outcome: 'unauthorized' };
    }
  }

  async function locked(userId: string): Promise<FlushResult> {
    if (!deps.locks) return drain(userId);
    return deps.locks.request(`jv-outbox:${userId}`, { ifAvailable: true }, (lock) =>
      lock ? drain(userId) : ({ outcome: 'busy' } as const),
    );
  }

  /** Sends what may go now; resolves when nothing more can. */
  function flush(userId: string): Promise<FlushResult> {
    const current = running.get(userId);
    if (current) {
      current.again = true;
      return current.done;
    }
    const state = { again: false, done: Promise.resolve<FlushResult>({ outcome: 'idle' }) };
    state.done = (async () => {
      try {
        let result: FlushResult;
        do {
          state.again = false;
          result = await locked(userId);
        } while (state.again && result.outcome === 'idle');
        return result;
      } finally {
        running.delete(userId);
      }
    })();
    running.set(userId, state);
    return state.done;
  }

  return { flush };
}

export type OutboxSender = ReturnType<typeof createOutboxSender>;

import Dexie, { type EntityTable } from 'dexie';
import {
  dehydrate,
  hydrate,
  onlineManager,
  type DehydratedState,
  type Query,
  type QueryClient,
  type QueryKey,
} from '@tanstack/react-query';
import type { CurrentUser } from '@jv/contracts';
import { isApiError } from '../lib/is-api-error';
import { sessionKeys } from '../lib/query-keys';

type DehydratedQuery = DehydratedState['queries'][number];

/** The last-seen answers of one user, as react-query's own `dehydrate` writes them. */
export interface OfflineSnapshot {
  userId: string;
  savedAt: number;
  queries: DehydratedQuery[];
}

class OfflineCacheDb extends Dexie {
  snapshots!: EntityTable<OfflineSnapshot, 'userId'>;

  constructor() {
    super('jv-offline-cache');
    this.version(1).stores({ snapshots: 'userId, savedAt' });
  }
}

const db = new OfflineCacheDb();

/**
 * What a workshop needs on a tablet without a network: the user, the board, a job with its work logs and parts, a
 * system, the components that fit and the workshops. Lists, reports and audit stay online-only (large, and each
 * page of them is shown with its own offline notice).
 */
const KEPT: ReadonlyArray<(key: QueryKey) => boolean> = [
  (k) => k[0] === sessionKeys.all[0],
  (k) => k[0] === 'repair-jobs' && (k[1] === 'board' || k[1] === 'detail'),
  (k) => k[0] === 'systems' && k[1] === 'detail',
  (k) => (k[0] === 'components' || k[0] === 'facilities') && k[1] === 'options',
];
const kept = (query: Query) => query.state.status === 'success' && KEPT.some((test) => test(query.queryKey));

/** The most answers kept per user (newest first): a week of visits to jobs and systems stays well under a megabyte. */
export const MAX_QUERIES = 400;
/** Changes within this time are written together, once. */
const SAVE_DELAY_MS = 1_000;

const isMe = (query: Query) => query.queryHash === JSON.stringify(sessionKeys.me());

export interface OfflineCacheHandle {
  /** Settles once it is decided whose snapshot, if any, is given back (and it is). */
  restored: Promise<void>;
  /** Writes what waits to be written now rather than after SAVE_DELAY_MS. */
  flush: () => Promise<void>;
  stop: () => void;
}

/**
 * Keeps the query cache of the signed-in user in IndexedDB and gives it back at start, so the board, a job and a
 * system open without a network. The snapshot is keyed by the user's id and:
 * - restored when the server confirms that same user, or, offline (or when /auth/me fails by network), the last
 *   user's one; the session cookie is theirs, since signing out removes it (below);
 * - grows with what the user opened or the warm-up fetched (a query dropped from memory stays in the snapshot);
 * - deleted when the user signs out or the session ends (the app removes every query, the user among them), and
 *   every other user's one when a user signs in.
 */
export function startOfflineCache(client: QueryClient): OfflineCacheHandle {
  const cache = client.getQueryCache();
  let userId: string | null = null;
  let restored = false;
  let entries = new Map<string, DehydratedQuery>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let markRestored: () => void = () => undefined;
  const restoredPromise = new Promise<void>((resolve) => (markRestored = resolve));

  const save = async () => {
    timer = undefined;
    const owner = userId;
    if (!owner || stopped) return;
    const now = dehydrate(client, { shouldDehydrateQuery: kept }).queries;
    for (const q of now) entries.set(q.queryHash, q);
    const queries = [...entries.values()]
      .sort((a, b) => b.state.dataUpdatedAt - a.state.dataUpdatedAt)
      .slice(0, MAX_QUERIES);
    entries = new Map(queries.map((q) => [q.queryHash, q]));
    const savedAt = Date.now();
    await db.snapshots.put({ userId: owner, savedAt, queries });
    // when the device last kept this user's data (read by the browser tests instead of opening the app's database)
    document.documentElement.dataset.offlineSavedAt = String(savedAt);
  };
  const scheduleSave = () => {
    if (timer === undefined && !stopped) timer = setTimeout(() => void save().catch(() => undefined), SAVE_DELAY_MS);
  };

  const restore = (snapshot: OfflineSnapshot | undefined) => {
    if (snapshot && !stopped) {
      for (const q of snapshot.queries) if (!entries.has(q.queryHash)) entries.set(q.queryHash, q);
      // an answer already in memory is newer than the snapshot's and stays (hydrate compares dataUpdatedAt)
      hydrate(client, { queries: snapshot.queries, mutations: [] });
      // what came from the device is shown but never taken as fresh: a page mounting it (or the network returning)
      // asks the API again, so a reload right after a change cannot keep showing the state from before it
      const fromDevice = new Map(snapshot.queries.map((q) => [q.queryHash, q.state.dataUpdatedAt]));
      void client.invalidateQueries({
        predicate: (q) => fromDevice.get(q.queryHash) === q.state.dataUpdatedAt,
        refetchType: 'none',
      });
    }
    markRestored();
  };

  /** Called on every change to the signed-in user's query: decides whose snapshot, if any, is given back. */
  const onMe = async (query: Query | undefined) => {
    const me = query?.state.data as CurrentUser | undefined;
    if (me && me.id !== userId) {
      userId = me.id;
      await db.snapshots.where('userId').notEqual(me.id).delete();
    }
    if (restored) return;
    const error = query?.state.error;
    const offline = !onlineManager.isOnline() || (isApiError(error) && error.isNetworkError);
    if (me && !offline) {
      restored = true;
      restore(await db.snapshots.get(me.id));
    } else if (offline) {
      restored = true;
      const last = await db.snapshots.orderBy('savedAt').last();
      // offline, the snapshot also gives back who is signed in
      if (last && !userId) userId = last.userId;
      restore(last);
    }
  };

  const unsubscribe = cache.subscribe((event) => {
    if (event.type === 'removed' && isMe(event.query)) {
      // signed out, session ended, or another user signs in: nothing of this user stays on the device
      userId = null;
      restored = true;
      entries = new Map();
      clearTimeout(timer);
      timer = undefined;
      markRestored();
      delete document.documentElement.dataset.offlineSavedAt;
      void db.snapshots.clear().catch(() => undefined);
      return;
    }
    if (event.type !== 'updated' && event.type !== 'added') return;
    if (isMe(event.query)) void onMe(event.query).catch(() => undefined);
    if (event.type === 'updated' && event.action.type === 'success' && kept(event.query)) scheduleSave();
  });
  // started after the page's first answers (pwa/register.ts): those are kept too, not only the next ones
  void onMe(cache.find({ queryKey: sessionKeys.me(), exact: true }))
    .then(scheduleSave)
    .catch(() => undefined);
  // offline before the user's query has a state to tell
  const unsubscribeOnline = onlineManager.subscribe((online) => {
    if (!online) void onMe(cache.find({ queryKey: sessionKeys.me(), exact: true })).catch(() => undefined);
  });

  return {
    restored: restoredPromise,
    flush: () => {
      clearTimeout(timer);
      return save();
    },
    stop: () => {
      stopped = true;
      clearTimeout(timer);
      unsubscribe();
      unsubscribeOnline();
    },
  };
}

/** Deletes every user's last-seen data on this device. */
export function clearOfflineCache(): Promise<void> {
  return db.snapshots.clear();
}

/** The stored snapshot of one user (tests, diagnostics). */
export function readOfflineSnapshot(userId: string): Promise<OfflineSnapshot | undefined> {
  return db.snapshots.get(userId);
}

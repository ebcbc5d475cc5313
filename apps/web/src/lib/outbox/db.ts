import { Dexie, type EntityTable } from 'dexie';

/** What an entry records; each kind has its form, its place on screen and its endpoint. */
export type OutboxKind = 'workLog' | 'usageReport' | 'partUsed' | 'jobMove' | 'newJob' | 'componentRequest';

/**
 * `pending`: waits for its turn or for the network (`nextAttemptAt`); `sending`: on the wire (a reload meanwhile
 * sends it again with the same key, which the server answers from its idempotency record); `failed`: the server
 * broke (5xx), waits for "Retry"; `conflict`: the server refused it (4xx), waits for "Fix" or "Drop".
 */
export type OutboxState = 'pending' | 'sending' | 'failed' | 'conflict';

/** The server's answer to a refused entry, kept as sent (the UI words it from `code`; `status` 0 is the network). */
export interface OutboxProblem {
  status: number;
  code?: string;
  title?: string;
  detail?: string;
  errors?: { path: string; code?: string; params?: Record<string, unknown>; message?: string }[];
  [param: string]: unknown;
}

/** Where an entry belongs: the screens that show it pending, and the entries it must wait behind. */
export interface OutboxScope {
  jobId?: string;
  systemId?: string;
}

export interface OutboxEntry {
  /** creation order (IndexedDB's own counter): entries are sent in it */
  seq?: number;
  /** also the stand-in id (`local:<id>`) of what a create entry makes, until the server names it */
  id: string;
  userId: string;
  kind: OutboxKind;
  method: 'POST' | 'PATCH' | 'PUT';
  /** below `/api`, path parameters filled; may hold `local:<entry id>` of an entry not sent yet */
  path: string;
  body: unknown;
  /** made when the entry was typed; every attempt carries it, so the server stores it once */
  idempotencyKey: string;
  createdAt: number;
  state: OutboxState;
  attempts: number;
  nextAttemptAt: number;
  lastError?: OutboxProblem;
  /** what the UI shows beside the kind: the job number, the system serial… */
  label: string;
  scope: OutboxScope;
  /** ids of entries whose created object this one refers to (`local:<id>` in path or body) */
  dependsOn: string[];
}

/** The server id of an object an entry created, for entries typed against its stand-in. */
export interface OutboxCreatedId {
  localId: string;
  serverId: string;
  createdAt: number;
}

export type OutboxDb = Dexie & {
  entries: EntityTable<OutboxEntry, 'seq'>;
  createdIds: EntityTable<OutboxCreatedId, 'localId'>;
};

export const OUTBOX_DB_NAME = 'jv-outbox';

export function openOutboxDb(name = OUTBOX_DB_NAME): OutboxDb {
  const db = new Dexie(name) as OutboxDb;
  db.version(1).stores({
    entries: '++seq, &id, userId, [userId+seq]',
    createdIds: 'localId',
  });
  return db;
}

/** The stand-in id of the object a create entry will make. */
export const localId = (entryId: string) => `local:${entryId}`;
export const isLocalId = (id: string) => id.startsWith('local:');

let shared: OutboxDb | undefined;
/** The app's one outbox database (tests open their own). */
export function outboxDb(): OutboxDb {
  shared ??= openOutboxDb();
  return shared;
}

/** IndexedDB is missing in private modes of some browsers and in plain jsdom: then nothing is kept. */
export const outboxAvailable = () => typeof indexedDB !== 'undefined';

import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { CurrentUser } from '@jv/contracts';
import type { OutboxEntry, OutboxKind } from './db';
import { useOutboxStart } from './start';

export interface OutboxFilter {
  jobId?: string;
  systemId?: string;
  kinds?: readonly OutboxKind[];
}

/**
 * The signed-in user's id, from the cached "who am I" (mutation hooks run under the signed-in shell, which loads it):
 * entries belong to the user who typed them and are sent only while that user is signed in.
 */
export function useOutboxUserId(): string | undefined {
  return useQueryClient().getQueryData<CurrentUser>(ME_KEY)?.id;
}

// `sessionKeys.me()` (lib/query-keys.ts), spelled out: importing that module would put it in the outbox's chunk
// (Dexie), and every page that reads a list would then load IndexedDB code at start
const ME_KEY = ['session', 'me'] as const;

const matches = (entry: OutboxEntry, filter: OutboxFilter) =>
  (!filter.jobId || entry.scope.jobId === filter.jobId) &&
  (!filter.systemId || entry.scope.systemId === filter.systemId) &&
  (!filter.kinds || filter.kinds.includes(entry.kind));

/**
 * The signed-in user's entries not yet sent (in creation order), kept up to date as they are added, sent or refused
 * — in this tab or another (Dexie's live queries see every tab's writes).
 */
export function useOutboxEntries(filter: OutboxFilter = {}, { now = false }: { now?: boolean } = {}): OutboxEntry[] {
  const userId = useOutboxUserId();
  // (`now`: the outbox's own page, which shows nothing else, reads it at once)
  const started = useOutboxStart() || now;
  const [entries, setEntries] = useState<OutboxEntry[]>([]);
  const { jobId, systemId, kinds } = filter;
  const kindsKey = kinds?.join(',');
  useEffect(() => {
    if (!started || !userId || typeof indexedDB === 'undefined') return;
    const wanted: OutboxFilter = {
      jobId,
      systemId,
      kinds: kindsKey ? (kindsKey.split(',') as OutboxKind[]) : undefined,
    };
    let stop: (() => void) | undefined;
    let gone = false;
    // IndexedDB's code (Dexie) loads here, after the page has rendered, not with the page
    void import('./live')
      .then((m) => {
        if (gone) return;
        stop = m.watchEntries(userId, (all) => setEntries(all.filter((e) => matches(e, wanted))));
      })
      .catch(() => setEntries([]));
    return () => {
      gone = true;
      stop?.();
    };
  }, [started, userId, jobId, systemId, kindsKey]);
  return userId ? entries : [];
}

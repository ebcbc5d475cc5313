import { useLocation } from 'react-router';
import type { OutboxEntry, OutboxKind } from './db';

interface FixState {
  outboxFix: { kind: OutboxKind; body: unknown };
}

/** Navigation state that opens an entry's form with what was typed in it ("Fix" on the outbox page). */
export const outboxFixState = (entry: Pick<OutboxEntry, 'kind' | 'body'>): FixState => ({
  outboxFix: { kind: entry.kind, body: entry.body },
});

/** The values of the entry being fixed, when the form of that kind was opened by "Fix"; otherwise undefined. */
export function useOutboxFixValues<T>(kind: OutboxKind): Partial<T> | undefined {
  const state = useLocation().state as Partial<FixState> | null;
  const fix = state?.outboxFix;
  return fix?.kind === kind && fix.body && typeof fix.body === 'object' ? (fix.body as Partial<T>) : undefined;
}

import { lazy, Suspense } from 'react';
import { QuietBoundary } from '../../../components/quiet-boundary';
import { useOutboxStart } from '../../../lib/outbox/start';

// the outbox (IndexedDB through Dexie, a chunk of its own) is not needed for the first screen
const OutboxBadgeLive = lazy(() => import('./outbox-badge-live').then((m) => ({ default: m.OutboxBadgeLive })));

/**
 * The header's outbox: how many entries of the signed-in user wait to be sent (nothing when none), a link to the
 * outbox page; it also starts sending them (once the outbox starts, see lib/outbox/start.ts, and whenever the
 * browser is online again).
 */
export function OutboxBadge({ startDelayMs }: { startDelayMs?: number }) {
  const started = useOutboxStart(startDelayMs);
  if (!started) return null;
  return (
    <QuietBoundary>
      <Suspense fallback={null}>
        <OutboxBadgeLive />
      </Suspense>
    </QuietBoundary>
  );
}

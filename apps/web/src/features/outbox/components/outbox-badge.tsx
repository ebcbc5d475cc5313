import { lazy, Suspense } from 'react';

// the outbox (IndexedDB through Dexie) is loaded after the shell has painted: it is not needed for the first screen
const OutboxBadgeLive = lazy(() => import('./outbox-badge-live').then((m) => ({ default: m.OutboxBadgeLive })));

/**
 * The header's outbox: how many entries of the signed-in user wait to be sent (nothing when none), a link to the
 * outbox page; it also starts sending them (at once, and whenever the browser is online again).
 */
export function OutboxBadge() {
  return (
    <Suspense fallback={null}>
      <OutboxBadgeLive />
    </Suspense>
  );
}

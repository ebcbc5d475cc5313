import { onlineManager } from '@tanstack/react-query';
import { afterStart } from '../lib/after-start';
import { queryClient } from '../lib/query-client';
import { sessionKeys } from '../lib/query-keys';
import { offerUpdate } from './pwa-state';

/**
 * Starts what makes the app work without a network; called once from main.tsx, after the first render.
 *
 * The service worker (configured in apps/web/vite.config.mts, only in a built app):
 * - serves the app shell from its precache: index.html for every navigation outside /api/, and every hashed file
 *   of the build, so a reload offline opens the app;
 * - never touches /api/: API requests go to the network as if there were no worker, and fail (TypeError) offline.
 *   Whatever must survive offline is the app's to keep: last-seen data in IndexedDB (./offline-cache.ts), entries
 *   waiting to be sent in the outbox;
 * - controls the page from its first install on (clientsClaim), so a test may wait for
 *   `navigator.serviceWorker.controller` and then go offline;
 * - a new release installs beside it and waits: the header offers "New version — reload" (app/connection-status.tsx),
 *   which activates it and reloads the page once it controls it.
 */
/** After a signed-in page has loaded, online: the offline cache waits this long (see startPwa). */
const CACHE_DELAY_MS = 5_000;
/** After a page has loaded: the service worker's install (it downloads the whole build once) waits this long. */
const WORKER_DELAY_MS = 2_000;
const ME_HASH = JSON.stringify(sessionKeys.me());

export function startPwa(): void {
  // react-query assumes a network until an `offline` event: a reload without one must pause queries from the start
  onlineManager.setOnline(navigator.onLine);
  let started = false;
  let cacheArmed = false;
  const startCache = () => {
    if (started) return;
    started = true;
    stopWatching();
    import('./offline-cache')
      .then((m) => m.startOfflineCache(queryClient))
      .catch(() => {
        // its code could not be loaded (the connection went before it was): the next return online tries again
        started = false;
        window.addEventListener('online', startCache, { once: true });
      });
  };
  // Offline, a signed-in page needs its user and data from the cache before it can render: start at once. Online, the
  // network answers first, and the cache (IndexedDB through Dexie, a chunk of its own) starts some seconds after a
  // signed-in page has loaded, so that it never competes with the page's first render; it still keeps what the page
  // fetched, and gives the snapshot back should the network fail meanwhile.
  const stopWatching = queryClient.getQueryCache().subscribe((event) => {
    if (event.query.queryHash !== ME_HASH) return;
    // signed out before the cache started: what an earlier visit kept must not stay on the device either
    if (event.type === 'removed')
      void import('./offline-cache').then((m) => m.clearOfflineCache()).catch(() => undefined);
    else if (event.type === 'updated' && event.query.state.data && !cacheArmed) {
      cacheArmed = true;
      afterStart(startCache, CACHE_DELAY_MS);
    }
  });
  window.addEventListener('offline', startCache, { once: true });
  if (!navigator.onLine && window.location.pathname !== '/login') startCache();
  // after the page's own files and first render: the precache downloads the whole build once
  // (offline, a first visit cannot install it: the next visit online does)
  if (import.meta.env.PROD && 'serviceWorker' in navigator)
    afterStart(() => void registerWorker().catch(() => undefined), WORKER_DELAY_MS);
}

async function registerWorker(): Promise<void> {
  const { Workbox } = await import('workbox-window');
  const wb = new Workbox('/sw.js', { scope: '/' });
  wb.addEventListener('waiting', () =>
    offerUpdate(() => {
      wb.addEventListener('controlling', () => window.location.reload());
      wb.messageSkipWaiting();
    }),
  );
  // a first visit without a network cannot install the worker: the next visit online does
  await wb.register().catch(() => undefined);
}

import { useEffect, useSyncExternalStore } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { intlLocale } from '../lib/format';
import { useCurrentUser } from '../lib/session';
import { useOnline, useWaitingUpdate } from '../pwa/pwa-state';
import './connection-status.css';

/**
 * The warm-up waits this long after the header appears: the page's own requests and first render come first, and the
 * warm-up's code (the repair-jobs queries) is loaded only then.
 */
export const WARM_UP_DELAY_MS = 10_000;

/** The header's own queries (the user, the notification count): not the page's data the banner dates. */
const HEADER_ROOTS = new Set<unknown>(['session', 'notifications']);

/** When the oldest answer on screen was fetched (0 when the page shows none). */
function oldestShown(client: QueryClient): number {
  let oldest = 0;
  for (const query of client.getQueryCache().findAll({ type: 'active' })) {
    if (HEADER_ROOTS.has(query.queryKey[0]) || query.state.data === undefined || !query.state.dataUpdatedAt) continue;
    if (!oldest || query.state.dataUpdatedAt < oldest) oldest = query.state.dataUpdatedAt;
  }
  return oldest;
}

/**
 * The header's network indicator. While a workshop user is online, it fills the offline cache for their facility in
 * the background (app/warm-offline-cache.ts), starting some seconds after the page.
 */
export function ConnectionStatus({ warmUpDelayMs = WARM_UP_DELAY_MS }: { warmUpDelayMs?: number }) {
  const { t } = useTranslation();
  const online = useOnline();
  const user = useCurrentUser();
  const client = useQueryClient();

  // a workshop user's facilities, as a value: a refetched user with the same scope does not start it again
  const facilities = user.role === 'workshop' ? user.facilityIds.join(',') : '';
  useEffect(() => {
    if (!online || !facilities) return;
    const stop = new AbortController();
    const timer = setTimeout(() => {
      // a failure (the network dropped meanwhile) leaves what was fetched so far; the next return online tries again
      import('./warm-offline-cache')
        .then((m) => m.warmOfflineCache(client, facilities.split(','), stop.signal))
        .catch(() => undefined);
    }, warmUpDelayMs);
    return () => {
      clearTimeout(timer);
      stop.abort();
    };
  }, [client, facilities, online, warmUpDelayMs]);

  const state = online ? t('offline.online') : t('offline.offline');
  return (
    <span
      className={online ? 'connection-status is-online' : 'connection-status is-offline'}
      data-testid="connection-status"
      data-online={online}
      title={t('offline.connection', { state })}
    >
      <span className="connection-dot" aria-hidden="true" />
      <span className={online ? 'visually-hidden' : undefined}>{state}</span>
    </span>
  );
}

/**
 * Above the page: "New version — reload" once a new release waits (pwa/register.ts), and offline, over a page shown
 * from the cache, "Offline — data from HH:MM" (the oldest answer on the page).
 */
export function ConnectionBanners() {
  const { t } = useTranslation();
  const update = useWaitingUpdate();
  return (
    <>
      {update ? (
        <div className="update-banner" role="status">
          <button type="button" className="btn btn-primary" data-testid="app-update" onClick={update}>
            {t('offline.newVersion')}
          </button>
        </div>
      ) : null}
      <OfflineBanner />
    </>
  );
}

function OfflineBanner() {
  const { t, i18n } = useTranslation();
  const online = useOnline();
  const client = useQueryClient();
  const since = useSyncExternalStore(
    (onChange) => client.getQueryCache().subscribe(onChange),
    () => oldestShown(client),
  );
  if (online || !since) return null;
  const at = new Date(since);
  const today = at.toDateString() === new Date().toDateString();
  const time = new Intl.DateTimeFormat(
    intlLocale(i18n.resolvedLanguage ?? i18n.language),
    today ? { timeStyle: 'short' } : { dateStyle: 'short', timeStyle: 'short' },
  ).format(at);
  return (
    <div className="offline-banner" role="status" data-testid="offline-banner" data-since={since}>
      <strong>{t('offline.dataFrom', { time })}</strong> <span>{t('offline.dataFromHint')}</span>
    </div>
  );
}

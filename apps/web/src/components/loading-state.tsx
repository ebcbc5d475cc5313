import { useSyncExternalStore } from 'react';
import { onlineManager } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

const subscribe = (onChange: () => void) => onlineManager.subscribe(onChange);
const isOnline = () => onlineManager.isOnline();

/**
 * Announced to screen readers; also what a page shows while its code arrives (app/router.tsx). Offline, a query
 * without a cached answer waits for the network (react-query pauses it): that is said instead of spinning.
 */
export function LoadingState({ label }: { label?: string }) {
  const { t } = useTranslation();
  const online = useSyncExternalStore(subscribe, isOnline);
  if (!online) {
    return (
      <div className="state state-offline" role="status" aria-live="polite" data-testid="offline-notice">
        {t('offline.notCached')}
      </div>
    );
  }
  return (
    <div className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('common.loading')}
    </div>
  );
}

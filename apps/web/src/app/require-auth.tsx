import { useEffect, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { ErrorState, LoadingState } from '../components/states';
import { setUiLocale } from '../i18n/i18n';
import { isApiError } from '../lib/api-client';
import { meQueryOptions } from '../lib/me-query';
import { CurrentUserProvider } from '../lib/session';

/** Loads GET /auth/me; without a session, goes to the login page and comes back afterwards. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const location = useLocation();
  const me = useQuery(meQueryOptions());
  const locale = me.data?.locale;

  useEffect(() => {
    if (locale) setUiLocale(locale);
  }, [locale]);

  if (me.data) return <CurrentUserProvider user={me.data}>{children}</CurrentUserProvider>;
  if (me.isError && isApiError(me.error) && me.error.status === 401) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (me.isError) {
    return (
      <div className="page-center">
        <ErrorState error={me.error} onRetry={() => void me.refetch()} />
      </div>
    );
  }
  return (
    <div className="page-center">
      <LoadingState />
    </div>
  );
}

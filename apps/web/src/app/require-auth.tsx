import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { ErrorState, LoadingState } from '../components/states';
import { setUiLocale } from '../i18n/i18n';
import { isApiError } from '../lib/api-client';
import { meQueryOptions } from '../lib/me-query';
import { CurrentUserProvider } from '../lib/session';

/**
 * Loads GET /auth/me; without a session, goes to the login page and comes back afterwards. The first signed-in
 * render waits for the user's own language (on a device that last showed another one), so that no page shows
 * a moment in the wrong language; later switches (the account page) change the texts in place.
 */
export function RequireAuth({ children }: { children: ReactNode }) {
  const location = useLocation();
  const me = useQuery(meQueryOptions());
  const locale = me.data?.locale;
  // re-renders when the language changes
  const { i18n } = useTranslation();
  // once the page has shown, a later switch (the account page) changes its texts in place, never unmounts it
  const [shown, setShown] = useState(false);
  const [languageFailed, setLanguageFailed] = useState(false);
  const showsUserLanguage = shown || languageFailed || !locale || i18n.language === locale;

  useEffect(() => {
    if (!locale) return;
    let current = true;
    void setUiLocale(locale).then(() => {
      // offline, the texts of the user's language may be out of reach: the page shows in the language it has
      if (current && i18n.language !== locale) setLanguageFailed(true);
    });
    return () => {
      current = false;
    };
  }, [locale, i18n]);

  const showing = Boolean(me.data) && showsUserLanguage;
  useEffect(() => {
    if (showing) setShown(true);
  }, [showing]);

  if (me.data && showing) return <CurrentUserProvider user={me.data}>{children}</CurrentUserProvider>;
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

import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useCurrentUser } from '../../../lib/session';
import '../account.css';

export const ACCOUNT_PATH = '/account';

/**
 * While the signed-in user still has setup to do (`setupRequired`: enrol a second factor, replace a password an
 * administrator set), every page leads to "My account", which says why; the API refuses the rest meanwhile.
 */
export function SetupGate({ children }: { children: ReactNode }) {
  const user = useCurrentUser();
  const { pathname } = useLocation();
  if (user.setupRequired.length > 0 && pathname !== ACCOUNT_PATH) return <Navigate to={ACCOUNT_PATH} replace />;
  return children;
}

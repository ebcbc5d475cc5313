import type { RouteObject } from 'react-router';
import { lazyPage } from '../../lib/lazy-page';

/** /account — "My account", for every signed-in user (and the only page while setup is required). */
export const accountRoutes: RouteObject = {
  path: 'account',
  lazy: lazyPage(
    () => import('./routes/account-page'),
    (m) => <m.AccountPage />,
  ),
};

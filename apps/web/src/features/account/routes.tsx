import type { RouteObject } from 'react-router';
import { AccountPage } from './routes/account-page';

/** /account — "My account", for every signed-in user (and the only page while setup is required). */
export const accountRoutes: RouteObject = { path: 'account', element: <AccountPage /> };

import type { RouteObject } from 'react-router';
import { lazyPage } from '../../lib/lazy-page';
import './notifications.css';

/** /notifications — every signed-in user's inbox. */
export const notificationsRoutes: RouteObject = {
  path: 'notifications',
  lazy: lazyPage(
    () => import('./routes/inbox-page'),
    (m) => <m.InboxPage />,
  ),
};

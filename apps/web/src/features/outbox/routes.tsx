import type { RouteObject } from 'react-router';
import { lazyPage } from '../../lib/lazy-page';

/** /outbox — the signed-in user's entries waiting to be sent, refused ones with "Fix" and "Drop". */
export const outboxRoutes: RouteObject = {
  path: 'outbox',
  lazy: lazyPage(
    () => import('./routes/outbox-page'),
    (m) => <m.OutboxPage />,
  ),
};

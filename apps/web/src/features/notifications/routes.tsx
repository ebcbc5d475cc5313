import type { RouteObject } from 'react-router';
import { InboxPage } from './routes/inbox-page';
import './notifications.css';

/** /notifications — every signed-in user's inbox. */
export const notificationsRoutes: RouteObject = { path: 'notifications', element: <InboxPage /> };

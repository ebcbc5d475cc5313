import { createBrowserRouter } from 'react-router';
import { LoadingState } from '../components/loading-state';
import { NotFoundPage } from '../components/status-pages';
import { accountRoutes } from '../features/account/routes';
import { auditRoutes } from '../features/audit/routes';
import { componentRequestsRoutes, supplyPlansRoutes } from '../features/component-requests/routes';
import { notificationsRoutes } from '../features/notifications/routes';
import { outboxRoutes } from '../features/outbox/routes';
import { partnerReportsRoutes } from '../features/partner-reports/routes';
import { referenceRoutes } from '../features/reference-data/routes';
import { repairJobsRoutes } from '../features/repair-jobs/routes';
import { systemsRoutes } from '../features/systems/routes';
import { trainingRoutes } from '../features/training/routes';
import { usersRoutes } from '../features/users/routes';
import { lazyPage } from '../lib/lazy-page';
import { RouteErrorPage } from './route-error-page';

/**
 * Every page is a chunk of its own (`lazyPage` in the features' route tables); on the first load the matched
 * page's chunk is fetched as soon as this module runs, beside the language's texts, and until it arrives the
 * screen shows the (translated, announced) loading state.
 */
export const router = createBrowserRouter([
  {
    path: '/login',
    lazy: lazyPage(
      () => import('../features/auth/routes/login-page'),
      (m) => <m.LoginPage />,
    ),
    hydrateFallbackElement: <LoadingState />,
    errorElement: <RouteErrorPage />,
  },
  {
    path: '/',
    lazy: lazyPage(
      () => import('./shell'),
      (m) => <m.SignedInShell />,
    ),
    hydrateFallbackElement: <LoadingState />,
    errorElement: <RouteErrorPage />,
    children: [
      {
        index: true,
        lazy: lazyPage(
          () => import('../features/home/routes/home-page'),
          (m) => <m.HomePage />,
        ),
      },
      systemsRoutes,
      repairJobsRoutes,
      componentRequestsRoutes,
      supplyPlansRoutes,
      trainingRoutes,
      partnerReportsRoutes,
      notificationsRoutes,
      outboxRoutes,
      referenceRoutes,
      usersRoutes,
      auditRoutes,
      accountRoutes,
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

import { createBrowserRouter } from 'react-router';
import { NotFoundPage } from '../components/status-pages';
import { LoginPage } from '../features/auth/routes/login-page';
import { accountRoutes } from '../features/account/routes';
import { SetupGate } from '../features/account/components/setup-gate';
import { HomePage } from '../features/home/routes/home-page';
import { auditRoutes } from '../features/audit/routes';
import { componentRequestsRoutes, supplyPlansRoutes } from '../features/component-requests/routes';
import { notificationsRoutes } from '../features/notifications/routes';
import { partnerReportsRoutes } from '../features/partner-reports/routes';
import { referenceRoutes } from '../features/reference-data/routes';
import { repairJobsRoutes } from '../features/repair-jobs/routes';
import { systemsRoutes } from '../features/systems/routes';
import { trainingRoutes } from '../features/training/routes';
import { usersRoutes } from '../features/users/routes';
import { AppLayout } from './layout';
import { RequireAuth } from './require-auth';
import { RouteErrorPage } from './route-error-page';

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage />, errorElement: <RouteErrorPage /> },
  {
    path: '/',
    element: (
      <RequireAuth>
        <SetupGate>
          <AppLayout />
        </SetupGate>
      </RequireAuth>
    ),
    errorElement: <RouteErrorPage />,
    children: [
      { index: true, element: <HomePage /> },
      systemsRoutes,
      repairJobsRoutes,
      componentRequestsRoutes,
      supplyPlansRoutes,
      trainingRoutes,
      partnerReportsRoutes,
      notificationsRoutes,
      referenceRoutes,
      usersRoutes,
      auditRoutes,
      accountRoutes,
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

import { Navigate, type RouteObject } from 'react-router';
import { RequirePermission } from '../../components/require-permission';
import { lazyPage } from '../../lib/lazy-page';

/**
 * /repair-jobs/* — list, board, new job, job detail, dashboard and preventive plans. Read for every
 * role; create for admin and workshop users; metrics and plans as the permission table says.
 */
export const repairJobsRoutes: RouteObject = {
  path: 'repair-jobs',
  lazy: lazyPage(
    () => import('./components/repair-jobs-layout'),
    (m) => (
      <RequirePermission resource="repairJobs" action="read">
        <m.RepairJobsLayout />
      </RequirePermission>
    ),
  ),
  children: [
    {
      index: true,
      lazy: lazyPage(
        () => import('./routes/jobs-page'),
        (m) => <m.JobsPage />,
      ),
    },
    { path: 'list', element: <Navigate to="/repair-jobs?open=true" replace /> },
    {
      path: 'board',
      lazy: lazyPage(
        () => import('./routes/board-page'),
        (m) => <m.BoardPage />,
      ),
    },
    {
      path: 'new',
      lazy: lazyPage(
        () => import('./routes/job-new-page'),
        (m) => (
          <RequirePermission resource="repairJobs" action="write">
            <m.JobNewPage />
          </RequirePermission>
        ),
      ),
    },
    {
      path: 'dashboard',
      // the charts library is loaded only by the dashboard
      lazy: lazyPage(
        () => import('./routes/dashboard-page'),
        (m) => (
          <RequirePermission resource="repairMetrics" action="read">
            <m.DashboardPage />
          </RequirePermission>
        ),
      ),
    },
    {
      path: 'plans',
      lazy: lazyPage(
        () => import('./routes/plans-page'),
        (m) => (
          <RequirePermission resource="preventivePlans" action="read">
            <m.PlansPage />
          </RequirePermission>
        ),
      ),
    },
    {
      path: ':id',
      lazy: lazyPage(
        () => import('./routes/job-detail-page'),
        (m) => <m.JobDetailPage />,
      ),
    },
  ],
};

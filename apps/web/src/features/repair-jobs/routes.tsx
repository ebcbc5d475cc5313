import { lazy, Suspense } from 'react';
import { Navigate, type RouteObject } from 'react-router';
import { RequirePermission } from '../../components/require-permission';
import { LoadingState } from '../../components/states';
import { RepairJobsLayout } from './components/repair-jobs-layout';
import { BoardPage } from './routes/board-page';
import { JobDetailPage } from './routes/job-detail-page';
import { JobNewPage } from './routes/job-new-page';
import { JobsPage } from './routes/jobs-page';
import { PlansPage } from './routes/plans-page';

// the charts library is loaded only by the dashboard
const DashboardPage = lazy(() => import('./routes/dashboard-page').then((m) => ({ default: m.DashboardPage })));

/**
 * /repair-jobs/* — list, board, new job, job detail, dashboard and preventive plans. Read for every
 * role; create for admin and workshop users; metrics and plans as the permission table says.
 */
export const repairJobsRoutes: RouteObject = {
  path: 'repair-jobs',
  element: (
    <RequirePermission resource="repairJobs" action="read">
      <RepairJobsLayout />
    </RequirePermission>
  ),
  children: [
    { index: true, element: <JobsPage /> },
    { path: 'list', element: <Navigate to="/repair-jobs?open=true" replace /> },
    { path: 'board', element: <BoardPage /> },
    {
      path: 'new',
      element: (
        <RequirePermission resource="repairJobs" action="write">
          <JobNewPage />
        </RequirePermission>
      ),
    },
    {
      path: 'dashboard',
      element: (
        <RequirePermission resource="repairMetrics" action="read">
          <Suspense fallback={<LoadingState />}>
            <DashboardPage />
          </Suspense>
        </RequirePermission>
      ),
    },
    {
      path: 'plans',
      element: (
        <RequirePermission resource="preventivePlans" action="read">
          <PlansPage />
        </RequirePermission>
      ),
    },
    { path: ':id', element: <JobDetailPage /> },
  ],
};

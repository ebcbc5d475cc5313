import type { RouteObject } from 'react-router';
import { RequirePermission } from '../../components/require-permission';
import { lazyPage } from '../../lib/lazy-page';

/**
 * /component-requests/* — list, approval queue (logistics, admin), metrics, new request, request detail. Read
 * for every role; raising requests and approving them as the permission table says.
 */
export const componentRequestsRoutes: RouteObject = {
  path: 'component-requests',
  lazy: lazyPage(
    () => import('./components/layouts'),
    (m) => (
      <RequirePermission resource="componentRequests" action="read">
        <m.SupplyLayout />
      </RequirePermission>
    ),
  ),
  children: [
    {
      index: true,
      lazy: lazyPage(
        () => import('./routes/requests-page'),
        (m) => <m.RequestsPage />,
      ),
    },
    {
      path: 'approvals',
      lazy: lazyPage(
        () => import('./routes/approvals-page'),
        (m) => (
          <RequirePermission resource="requestApproval" action="write">
            <m.ApprovalsPage />
          </RequirePermission>
        ),
      ),
    },
    {
      path: 'metrics',
      lazy: lazyPage(
        () => import('./routes/metrics-page'),
        (m) => (
          <RequirePermission resource="requestMetrics" action="read">
            <m.MetricsPage />
          </RequirePermission>
        ),
      ),
    },
    {
      path: 'new',
      lazy: lazyPage(
        () => import('./routes/request-new-page'),
        (m) => (
          <RequirePermission resource="componentRequests" action="write">
            <m.RequestNewPage />
          </RequirePermission>
        ),
      ),
    },
    {
      path: ':id',
      lazy: lazyPage(
        () => import('./routes/request-detail-page'),
        (m) => <m.RequestDetailPage />,
      ),
    },
  ],
};

/** /supply-plans/* — the monthly plans of each partner, and plan vs actual (its chart loads recharts lazily). */
export const supplyPlansRoutes: RouteObject = {
  path: 'supply-plans',
  lazy: lazyPage(
    () => import('./components/layouts'),
    (m) => (
      <RequirePermission resource="supplyPlans" action="read">
        <m.SupplyLayout />
      </RequirePermission>
    ),
  ),
  children: [
    {
      index: true,
      lazy: lazyPage(
        () => import('./routes/supply-plans-page'),
        (m) => <m.SupplyPlansPage />,
      ),
    },
    {
      path: 'plan-vs-actual',
      lazy: lazyPage(
        () => import('./routes/plan-vs-actual-page'),
        (m) => <m.PlanVsActualPage />,
      ),
    },
  ],
};

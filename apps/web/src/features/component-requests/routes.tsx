import type { RouteObject } from 'react-router';
import { RequirePermission } from '../../components/require-permission';
import { SupplyLayout } from './components/layouts';
import { ApprovalsPage } from './routes/approvals-page';
import { MetricsPage } from './routes/metrics-page';
import { PlanVsActualPage } from './routes/plan-vs-actual-page';
import { RequestDetailPage } from './routes/request-detail-page';
import { RequestNewPage } from './routes/request-new-page';
import { RequestsPage } from './routes/requests-page';
import { SupplyPlansPage } from './routes/supply-plans-page';

/**
 * /component-requests/* — list, approval queue (logistics, admin), metrics, new request, request detail. Read
 * for every role; raising requests and approving them as the permission table says.
 */
export const componentRequestsRoutes: RouteObject = {
  path: 'component-requests',
  element: (
    <RequirePermission resource="componentRequests" action="read">
      <SupplyLayout />
    </RequirePermission>
  ),
  children: [
    { index: true, element: <RequestsPage /> },
    {
      path: 'approvals',
      element: (
        <RequirePermission resource="requestApproval" action="write">
          <ApprovalsPage />
        </RequirePermission>
      ),
    },
    {
      path: 'metrics',
      element: (
        <RequirePermission resource="requestMetrics" action="read">
          <MetricsPage />
        </RequirePermission>
      ),
    },
    {
      path: 'new',
      element: (
        <RequirePermission resource="componentRequests" action="write">
          <RequestNewPage />
        </RequirePermission>
      ),
    },
    { path: ':id', element: <RequestDetailPage /> },
  ],
};

/** /supply-plans/* — the monthly plans of each partner, and plan vs actual (its chart loads recharts lazily). */
export const supplyPlansRoutes: RouteObject = {
  path: 'supply-plans',
  element: (
    <RequirePermission resource="supplyPlans" action="read">
      <SupplyLayout />
    </RequirePermission>
  ),
  children: [
    { index: true, element: <SupplyPlansPage /> },
    { path: 'plan-vs-actual', element: <PlanVsActualPage /> },
  ],
};

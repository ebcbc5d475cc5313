import { Outlet, type RouteObject } from 'react-router';
import { RequirePermission } from '../../components/require-permission';
import { lazyPage } from '../../lib/lazy-page';
import './partner-reports.css';

/**
 * /partner-reports/* — the list, "prepare a report" (admin, logistics) and one report's page. Partner
 * users read their country's published reports; the API decides what each user sees.
 */
export const partnerReportsRoutes: RouteObject = {
  path: 'partner-reports',
  element: (
    <RequirePermission resource="partnerReports" action="read">
      <Outlet />
    </RequirePermission>
  ),
  children: [
    {
      index: true,
      lazy: lazyPage(
        () => import('./routes/reports-page'),
        (m) => <m.ReportsPage />,
      ),
    },
    {
      path: 'new',
      lazy: lazyPage(
        () => import('./routes/report-new-page'),
        (m) => (
          <RequirePermission resource="reportPreparation" action="write">
            <m.ReportNewPage />
          </RequirePermission>
        ),
      ),
    },
    {
      path: ':id',
      lazy: lazyPage(
        () => import('./routes/report-detail-page'),
        (m) => <m.ReportDetailPage />,
      ),
    },
  ],
};

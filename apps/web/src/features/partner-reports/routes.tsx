import { Outlet, type RouteObject } from 'react-router';
import { RequirePermission } from '../../components/require-permission';
import { ReportDetailPage } from './routes/report-detail-page';
import { ReportNewPage } from './routes/report-new-page';
import { ReportsPage } from './routes/reports-page';
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
    { index: true, element: <ReportsPage /> },
    {
      path: 'new',
      element: (
        <RequirePermission resource="reportPreparation" action="write">
          <ReportNewPage />
        </RequirePermission>
      ),
    },
    { path: ':id', element: <ReportDetailPage /> },
  ],
};

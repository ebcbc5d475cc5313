import type { RouteObject } from 'react-router';
import { RequirePermission } from '../../components/require-permission';
import { AuditPage } from './routes/audit-page';

/** /admin/audit — admins only. */
export const auditRoutes: RouteObject = {
  path: 'admin/audit',
  element: (
    <RequirePermission resource="audit" action="read">
      <AuditPage />
    </RequirePermission>
  ),
};

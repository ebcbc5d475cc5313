import type { RouteObject } from 'react-router';
import { RequirePermission } from '../../components/require-permission';
import { lazyPage } from '../../lib/lazy-page';

/** /admin/audit — admins only. */
export const auditRoutes: RouteObject = {
  path: 'admin/audit',
  lazy: lazyPage(
    () => import('./routes/audit-page'),
    (m) => (
      <RequirePermission resource="audit" action="read">
        <m.AuditPage />
      </RequirePermission>
    ),
  ),
};

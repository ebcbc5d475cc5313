import type { ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import type { Resource } from '@jv/domain';
import { RequirePermission } from '../../components/require-permission';
import { lazyPage } from '../../lib/lazy-page';
import './systems.css';

const writers = (resource: Resource, element: ReactNode) => (
  <RequirePermission resource={resource} action="write">
    {element}
  </RequirePermission>
);

/**
 * /systems/* — list, readiness, label sheet, label scanner and detail for every signed-in role (the API scopes
 * partner users to their country); new and edit for admin and logistics; the CSV import for admins.
 */
export const systemsRoutes: RouteObject = {
  path: 'systems',
  children: [
    {
      index: true,
      lazy: lazyPage(
        () => import('./routes/systems-page'),
        (m) => <m.SystemsPage />,
      ),
    },
    {
      path: 'readiness',
      lazy: lazyPage(
        () => import('./routes/readiness-page'),
        (m) => <m.ReadinessPage />,
      ),
    },
    {
      path: 'labels',
      lazy: lazyPage(
        () => import('./routes/labels-page'),
        (m) => <m.LabelsPage />,
      ),
    },
    {
      path: 'scan',
      lazy: lazyPage(
        () => import('./routes/scan-page'),
        (m) => <m.ScanPage />,
      ),
    },
    {
      path: 'import',
      lazy: lazyPage(
        () => import('./routes/import-page'),
        (m) => writers('systemImport', <m.ImportPage />),
      ),
    },
    {
      path: 'new',
      lazy: lazyPage(
        () => import('./routes/system-form-pages'),
        (m) => writers('systems', <m.SystemNewPage />),
      ),
    },
    {
      path: ':id',
      lazy: lazyPage(
        () => import('./routes/system-detail-page'),
        (m) => <m.SystemDetailPage />,
      ),
    },
    {
      path: ':id/edit',
      lazy: lazyPage(
        () => import('./routes/system-form-pages'),
        (m) => writers('systems', <m.SystemEditPage />),
      ),
    },
  ],
};

import type { ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import type { Resource } from '@jv/domain';
import { RequirePermission } from '../../components/require-permission';
import { ImportPage } from './routes/import-page';
import { ReadinessPage } from './routes/readiness-page';
import { SystemDetailPage } from './routes/system-detail-page';
import { SystemEditPage, SystemNewPage } from './routes/system-form-pages';
import { SystemsPage } from './routes/systems-page';
import './systems.css';

const writers = (resource: Resource, element: ReactNode) => (
  <RequirePermission resource={resource} action="write">
    {element}
  </RequirePermission>
);

/**
 * /systems/* — list, readiness and detail for every signed-in role (the API scopes partner users to
 * their country); new and edit for admin and logistics; the CSV import for admins.
 */
export const systemsRoutes: RouteObject = {
  path: 'systems',
  children: [
    { index: true, element: <SystemsPage /> },
    { path: 'readiness', element: <ReadinessPage /> },
    { path: 'import', element: writers('systemImport', <ImportPage />) },
    { path: 'new', element: writers('systems', <SystemNewPage />) },
    { path: ':id', element: <SystemDetailPage /> },
    { path: ':id/edit', element: writers('systems', <SystemEditPage />) },
  ],
};

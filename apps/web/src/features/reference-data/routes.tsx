import type { ReactNode } from 'react';
import { Navigate, type RouteObject } from 'react-router';
import { RequirePermission } from '../../components/require-permission';
import { lazyPage } from '../../lib/lazy-page';

const adminOnly = (element: ReactNode) => (
  <RequirePermission resource="referenceData" action="write">
    {element}
  </RequirePermission>
);

/** a list and its form page, both in one chunk (`load`) */
const section = <M extends object>(
  path: string,
  load: () => Promise<M>,
  list: (module: M) => ReactNode,
  form: (module: M) => ReactNode,
): RouteObject[] => [
  { path, lazy: lazyPage(load, list) },
  { path: `${path}/new`, lazy: lazyPage(load, (m) => adminOnly(form(m))) },
  { path: `${path}/:id/edit`, lazy: lazyPage(load, (m) => adminOnly(form(m))) },
];

/** /reference/* — lists for every signed-in role, new/edit pages for admins only. */
export const referenceRoutes: RouteObject = {
  path: 'reference',
  lazy: lazyPage(
    () => import('./components/reference-layout'),
    (m) => <m.ReferenceLayout />,
  ),
  children: [
    { index: true, element: <Navigate to="partners" replace /> },
    ...section(
      'partners',
      () => import('./routes/partners-page'),
      (m) => <m.PartnersPage />,
      (m) => <m.PartnerFormPage />,
    ),
    ...section(
      'joint-ventures',
      () => import('./routes/joint-ventures-page'),
      (m) => <m.JointVenturesPage />,
      (m) => <m.JointVentureFormPage />,
    ),
    ...section(
      'facilities',
      () => import('./routes/facilities-page'),
      (m) => <m.FacilitiesPage />,
      (m) => <m.FacilityFormPage />,
    ),
    ...section(
      'system-models',
      () => import('./routes/system-models-page'),
      (m) => <m.SystemModelsPage />,
      (m) => <m.SystemModelFormPage />,
    ),
    ...section(
      'components',
      () => import('./routes/components-page'),
      (m) => <m.ComponentsPage />,
      (m) => <m.ComponentFormPage />,
    ),
    ...section(
      'units',
      () => import('./routes/units-page'),
      (m) => <m.UnitsPage />,
      (m) => <m.UnitFormPage />,
    ),
  ],
};

import type { ReactNode } from 'react';
import { Navigate, type RouteObject } from 'react-router';
import { RequirePermission } from '../../components/require-permission';
import { ReferenceLayout } from './components/reference-layout';
import { ComponentFormPage, ComponentsPage } from './routes/components-page';
import { FacilitiesPage, FacilityFormPage } from './routes/facilities-page';
import { JointVentureFormPage, JointVenturesPage } from './routes/joint-ventures-page';
import { PartnerFormPage, PartnersPage } from './routes/partners-page';
import { SystemModelFormPage, SystemModelsPage } from './routes/system-models-page';
import { UnitFormPage, UnitsPage } from './routes/units-page';

const adminOnly = (element: ReactNode) => (
  <RequirePermission resource="referenceData" action="write">
    {element}
  </RequirePermission>
);

const section = (path: string, list: ReactNode, form: ReactNode): RouteObject[] => [
  { path, element: list },
  { path: `${path}/new`, element: adminOnly(form) },
  { path: `${path}/:id/edit`, element: adminOnly(form) },
];

/** /reference/* — lists for every signed-in role, new/edit pages for admins only. */
export const referenceRoutes: RouteObject = {
  path: 'reference',
  element: <ReferenceLayout />,
  children: [
    { index: true, element: <Navigate to="partners" replace /> },
    ...section('partners', <PartnersPage />, <PartnerFormPage />),
    ...section('joint-ventures', <JointVenturesPage />, <JointVentureFormPage />),
    ...section('facilities', <FacilitiesPage />, <FacilityFormPage />),
    ...section('system-models', <SystemModelsPage />, <SystemModelFormPage />),
    ...section('components', <ComponentsPage />, <ComponentFormPage />),
    ...section('units', <UnitsPage />, <UnitFormPage />),
  ],
};

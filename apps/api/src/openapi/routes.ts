import { authRoutes } from '../modules/auth/auth.routes';
import { auditRoutes } from '../modules/audit/audit.routes';
import { usersRoutes } from '../modules/users/users.routes';
import { partnersRoutes } from '../modules/partners/partners.routes';
import { jointVenturesRoutes } from '../modules/joint-ventures/joint-ventures.routes';
import { facilitiesRoutes } from '../modules/facilities/facilities.routes';
import { systemModelsRoutes } from '../modules/system-models/system-models.routes';
import { componentsRoutes } from '../modules/components/components.routes';
import { unitsRoutes } from '../modules/units/units.routes';
import { systemsRoutes } from '../modules/systems/systems.routes';
import { repairJobsRoutes } from '../modules/repair-jobs/repair-jobs.routes';
import type { RouteDoc } from './route';

/** Every documented route, feature by feature. A new feature adds its `<feature>.routes.ts` here. */
export const apiRoutes: RouteDoc[] = [...authRoutes, ...auditRoutes, ...usersRoutes,
  ...partnersRoutes,
  ...jointVenturesRoutes,
  ...facilitiesRoutes,
  ...systemModelsRoutes,
  ...componentsRoutes,
  ...unitsRoutes,
  ...repairJobsRoutes,
  ...systemsRoutes,
];

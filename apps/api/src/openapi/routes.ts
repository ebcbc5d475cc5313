import { authRoutes } from '../modules/auth/auth.routes';
import { auditRoutes } from '../modules/audit/audit.routes';
import type { RouteDoc } from './route';

/** Every documented route, feature by feature. A new feature adds its `<feature>.routes.ts` here. */
export const apiRoutes: RouteDoc[] = [...authRoutes, ...auditRoutes];

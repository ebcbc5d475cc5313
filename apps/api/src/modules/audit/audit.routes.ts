import { auditEntrySchema, listAuditQuerySchema, pageSchema } from '@jv/contracts';
import { rolesFor } from '@jv/domain';
import type { RouteDoc } from '../../openapi/route';

export const auditRoutes: RouteDoc[] = [
  { method: 'get', path: '/v1/audit-log', tag: 'audit', summary: 'Audit log, newest first', query: listAuditQuerySchema, response: pageSchema(auditEntrySchema), roles: rolesFor('audit', 'read') },
];

import { createUnitInputSchema, idParamSchema, listUnitsQuerySchema, pageSchema, unitResponseSchema, updateUnitInputSchema } from '@jv/contracts';
import { rolesFor } from '@jv/domain';
import type { RouteDoc } from '../../openapi/route';

const tag = 'units';
const read = rolesFor('referenceData', 'read');
const write = rolesFor('referenceData', 'write');

export const unitsRoutes: RouteDoc[] = [
  { method: 'get', path: '/v1/units', tag, summary: 'Military units, by code; `q` searches code and name', query: listUnitsQuerySchema, response: pageSchema(unitResponseSchema), roles: read },
  { method: 'get', path: '/v1/units/{id}', tag, summary: 'One unit', params: idParamSchema, response: unitResponseSchema, roles: read },
  { method: 'post', path: '/v1/units', tag, summary: 'Add a unit (409 DUPLICATE on a known code)', body: createUnitInputSchema, response: unitResponseSchema, roles: write },
  { method: 'patch', path: '/v1/units/{id}', tag, summary: 'Change a unit; send the version you edited (409 STALE_VERSION otherwise)', params: idParamSchema, body: updateUnitInputSchema, response: unitResponseSchema, roles: write },
];

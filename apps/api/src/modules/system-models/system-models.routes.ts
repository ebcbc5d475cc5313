import {
  createSystemModelInputSchema, idParamSchema, listSystemModelsQuerySchema, pageSchema, systemModelResponseSchema, updateSystemModelInputSchema,
} from '@jv/contracts';
import { rolesFor } from '@jv/domain';
import type { RouteDoc } from '../../openapi/route';

const tag = 'system-models';
const read = rolesFor('referenceData', 'read');
const write = rolesFor('referenceData', 'write');

export const systemModelsRoutes: RouteDoc[] = [
  { method: 'get', path: '/v1/system-models', tag, summary: 'System models, by designation; `q` searches the designation; filter by kind and origin partner', query: listSystemModelsQuerySchema, response: pageSchema(systemModelResponseSchema), roles: read },
  { method: 'get', path: '/v1/system-models/{id}', tag, summary: 'One system model', params: idParamSchema, response: systemModelResponseSchema, roles: read },
  { method: 'post', path: '/v1/system-models', tag, summary: 'Add a system model (409 DUPLICATE on a known designation; 400 on an unknown origin partner)', body: createSystemModelInputSchema, response: systemModelResponseSchema, roles: write },
  { method: 'patch', path: '/v1/system-models/{id}', tag, summary: 'Change a system model; send the version you edited (409 STALE_VERSION otherwise)', params: idParamSchema, body: updateSystemModelInputSchema, response: systemModelResponseSchema, roles: write },
];

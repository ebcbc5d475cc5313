import {
  createJointVentureInputSchema, idParamSchema, jointVentureResponseSchema, listJointVenturesQuerySchema, pageSchema,
  updateJointVentureInputSchema,
} from '@jv/contracts';
import { rolesFor } from '@jv/domain';
import type { RouteDoc } from '../../openapi/route';

const tag = 'joint-ventures';
const read = rolesFor('referenceData', 'read');
const write = rolesFor('referenceData', 'write');

export const jointVenturesRoutes: RouteDoc[] = [
  { method: 'get', path: '/v1/joint-ventures', tag, summary: 'Joint ventures with their foreign partners, by name; `q` searches name and Ukrainian company; filter by partner', query: listJointVenturesQuerySchema, response: pageSchema(jointVentureResponseSchema), roles: read },
  { method: 'get', path: '/v1/joint-ventures/{id}', tag, summary: 'One joint venture', params: idParamSchema, response: jointVentureResponseSchema, roles: read },
  { method: 'post', path: '/v1/joint-ventures', tag, summary: 'Add a joint venture (409 DUPLICATE on a known name; 400 on an unknown or host partner)', body: createJointVentureInputSchema, response: jointVentureResponseSchema, roles: write },
  { method: 'patch', path: '/v1/joint-ventures/{id}', tag, summary: 'Change a joint venture; `partners`, when sent, replaces the list; send the version you edited', params: idParamSchema, body: updateJointVentureInputSchema, response: jointVentureResponseSchema, roles: write },
];

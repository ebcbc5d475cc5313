import {
  createPartnerInputSchema, idParamSchema, listPartnersQuerySchema, pageSchema, partnerResponseSchema, updatePartnerInputSchema,
} from '@jv/contracts';
import { rolesFor } from '@jv/domain';
import type { RouteDoc } from '../../openapi/route';

const tag = 'partners';
const read = rolesFor('referenceData', 'read');
const write = rolesFor('referenceData', 'write');

export const partnersRoutes: RouteDoc[] = [
  { method: 'get', path: '/v1/partners', tag, summary: 'Partner countries, by code; `q` searches code and name', query: listPartnersQuerySchema, response: pageSchema(partnerResponseSchema), roles: read },
  { method: 'get', path: '/v1/partners/{id}', tag, summary: 'One partner country', params: idParamSchema, response: partnerResponseSchema, roles: read },
  { method: 'post', path: '/v1/partners', tag, summary: 'Add a partner country (409 DUPLICATE on a known code)', body: createPartnerInputSchema, response: partnerResponseSchema, roles: write },
  { method: 'patch', path: '/v1/partners/{id}', tag, summary: 'Change a partner country; send the version you edited (409 STALE_VERSION otherwise)', params: idParamSchema, body: updatePartnerInputSchema, response: partnerResponseSchema, roles: write },
];

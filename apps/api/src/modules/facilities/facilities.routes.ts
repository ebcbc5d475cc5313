import {
  createFacilityInputSchema, facilityResponseSchema, idParamSchema, listFacilitiesQuerySchema, pageSchema, updateFacilityInputSchema,
} from '@jv/contracts';
import { rolesFor } from '@jv/domain';
import type { RouteDoc } from '../../openapi/route';

const tag = 'facilities';
const read = rolesFor('referenceData', 'read');
const write = rolesFor('referenceData', 'write');

export const facilitiesRoutes: RouteDoc[] = [
  { method: 'get', path: '/v1/facilities', tag, summary: 'Facilities, by code; `q` searches code and name; filter by kind and joint venture', query: listFacilitiesQuerySchema, response: pageSchema(facilityResponseSchema), roles: read },
  { method: 'get', path: '/v1/facilities/{id}', tag, summary: 'One facility', params: idParamSchema, response: facilityResponseSchema, roles: read },
  { method: 'post', path: '/v1/facilities', tag, summary: 'Add a facility (a repair workshop needs repair bays, a training base needs seats)', body: createFacilityInputSchema, response: facilityResponseSchema, roles: write },
  { method: 'patch', path: '/v1/facilities/{id}', tag, summary: 'Change a facility; send the version you edited (409 STALE_VERSION otherwise)', params: idParamSchema, body: updateFacilityInputSchema, response: facilityResponseSchema, roles: write },
];

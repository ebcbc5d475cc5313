import {
  componentResponseSchema, createComponentInputSchema, idParamSchema, listComponentsQuerySchema, pageSchema, updateComponentInputSchema,
} from '@jv/contracts';
import { rolesFor } from '@jv/domain';
import type { RouteDoc } from '../../openapi/route';

const tag = 'components';
const read = rolesFor('referenceData', 'read');
const write = rolesFor('referenceData', 'write');

export const componentsRoutes: RouteDoc[] = [
  { method: 'get', path: '/v1/components', tag, summary: 'Component catalog, by part number; `q` searches part number and name; filter by category and compatible model', query: listComponentsQuerySchema, response: pageSchema(componentResponseSchema), roles: read },
  { method: 'get', path: '/v1/components/{id}', tag, summary: 'One component', params: idParamSchema, response: componentResponseSchema, roles: read },
  { method: 'post', path: '/v1/components', tag, summary: 'Add a component (409 DUPLICATE on a known part number; 400 on an unknown model)', body: createComponentInputSchema, response: componentResponseSchema, roles: write },
  { method: 'patch', path: '/v1/components/{id}', tag, summary: 'Change a component; `compatibleModelIds`, when sent, replaces the list; send the version you edited', params: idParamSchema, body: updateComponentInputSchema, response: componentResponseSchema, roles: write },
];

import {
  createUserInputSchema, idParamSchema, listUsersQuerySchema, pageSchema, resetPasswordInputSchema, updateUserInputSchema,
  userResponseSchema,
} from '@jv/contracts';
import { rolesFor } from '@jv/domain';
import type { RouteDoc } from '../../openapi/route';

const tag = 'users';
const read = rolesFor('users', 'read');
const write = rolesFor('users', 'write');

export const usersRoutes: RouteDoc[] = [
  { method: 'get', path: '/v1/users', tag, summary: 'Users, by email (filters: q, role, active)', query: listUsersQuerySchema, response: pageSchema(userResponseSchema), roles: read },
  { method: 'get', path: '/v1/users/{id}', tag, summary: 'One user', params: idParamSchema, response: userResponseSchema, roles: read },
  { method: 'post', path: '/v1/users', tag, summary: 'Create a user (accepts Idempotency-Key)', body: createUserInputSchema, response: userResponseSchema, roles: write },
  { method: 'patch', path: '/v1/users/{id}', tag, summary: 'Change a user (optimistic lock on version); disabling or changing role/scope ends their sessions', params: idParamSchema, body: updateUserInputSchema, response: userResponseSchema, roles: write },
  { method: 'post', path: '/v1/users/{id}/reset-password', tag, summary: 'Set a new password and end the user\'s sessions', params: idParamSchema, body: resetPasswordInputSchema, status: 204, roles: write },
  { method: 'post', path: '/v1/users/{id}/revoke-sessions', tag, summary: 'End every session of the user', params: idParamSchema, status: 204, roles: write },
];

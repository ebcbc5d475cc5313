import { idParamSchema, pageSchema } from '../common';
import { endpoint } from '../endpoint';
import { auditEntrySchema, listAuditQuerySchema } from '../audit';
import {
  createUserInputSchema,
  listUsersQuerySchema,
  resetPasswordInputSchema,
  updateUserInputSchema,
  userResponseSchema,
} from '../users';

const tag = 'users';
const read = { resource: 'users', action: 'read' } as const;
const write = { resource: 'users', action: 'write' } as const;

export const usersEndpoints = {
  list: endpoint({
    method: 'GET',
    path: '/v1/users',
    tag,
    permission: read,
    summary: 'Users, by email (filters: q, role, active)',
    query: listUsersQuerySchema,
    response: pageSchema(userResponseSchema),
  }),
  get: endpoint({
    method: 'GET',
    path: '/v1/users/{id}',
    tag,
    permission: read,
    summary: 'One user',
    params: idParamSchema,
    response: userResponseSchema,
    errors: ['NOT_FOUND'],
  }),
  create: endpoint({
    method: 'POST',
    path: '/v1/users',
    tag,
    permission: write,
    summary: 'Create a user (accepts Idempotency-Key)',
    body: createUserInputSchema,
    response: userResponseSchema,
    idempotent: true,
    errors: ['DUPLICATE'],
  }),
  update: endpoint({
    method: 'PATCH',
    path: '/v1/users/{id}',
    tag,
    permission: write,
    summary: 'Change a user (optimistic lock on version); disabling or changing role/scope ends their sessions',
    params: idParamSchema,
    body: updateUserInputSchema,
    response: userResponseSchema,
    errors: ['NOT_FOUND', 'STALE_VERSION', 'DUPLICATE'],
  }),
  resetPassword: endpoint({
    method: 'POST',
    path: '/v1/users/{id}/reset-password',
    tag,
    permission: write,
    summary:
      "Set a new password and end the user's sessions; the user must change it at the next sign-in. " +
      'A password on the common/breached list is refused (400, password: password_breached)',
    params: idParamSchema,
    body: resetPasswordInputSchema,
    output: 'none',
    errors: ['NOT_FOUND'],
  }),
  resetMfa: endpoint({
    method: 'POST',
    path: '/v1/users/{id}/mfa/reset',
    tag,
    permission: write,
    summary:
      "Remove the user's second factor and recovery codes (audited) and end its sessions; a user whose role " +
      'requires one enrols again at the next sign-in',
    params: idParamSchema,
    output: 'none',
    errors: ['NOT_FOUND'],
  }),
  revokeSessions: endpoint({
    method: 'POST',
    path: '/v1/users/{id}/revoke-sessions',
    tag,
    permission: write,
    summary: 'End every session of the user',
    params: idParamSchema,
    output: 'none',
    errors: ['NOT_FOUND'],
  }),
};

export const auditEndpoints = {
  list: endpoint({
    method: 'GET',
    path: '/v1/audit-log',
    tag: 'audit',
    permission: { resource: 'audit', action: 'read' },
    summary: 'Audit log, newest first',
    query: listAuditQuerySchema,
    response: pageSchema(auditEntrySchema),
  }),
};

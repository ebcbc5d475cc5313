import { currentUserSchema, loginInputSchema, updateMyPreferencesInputSchema } from '@jv/contracts';
import type { RouteDoc } from '../../openapi/route';

const tag = 'auth';
export const authRoutes: RouteDoc[] = [
  { method: 'post', path: '/v1/auth/login', tag, summary: 'Sign in; sets the httpOnly session cookie', body: loginInputSchema, response: currentUserSchema, status: 200 },
  { method: 'post', path: '/v1/auth/logout', tag, summary: 'Sign out; revokes the session', status: 204 },
  { method: 'get', path: '/v1/auth/me', tag, summary: 'The signed-in user with role and scopes', response: currentUserSchema },
  { method: 'patch', path: '/v1/auth/me/preferences', tag, summary: 'Change my language', body: updateMyPreferencesInputSchema, response: currentUserSchema },
];

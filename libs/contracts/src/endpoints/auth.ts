import { currentUserSchema, loginInputSchema, updateMyPreferencesInputSchema } from '../auth';
import { endpoint } from '../endpoint';

const tag = 'auth';

export const authEndpoints = {
  login: endpoint({
    method: 'POST',
    path: '/v1/auth/login',
    tag,
    permission: 'public',
    summary: 'Sign in; sets the httpOnly session cookie',
    body: loginInputSchema,
    response: currentUserSchema,
    status: 200,
    errors: ['BAD_CREDENTIALS', 'TOO_MANY_REQUESTS'],
  }),
  logout: endpoint({
    method: 'POST',
    path: '/v1/auth/logout',
    tag,
    permission: 'public',
    summary: 'Sign out; revokes the session',
    output: 'none',
  }),
  me: endpoint({
    method: 'GET',
    path: '/v1/auth/me',
    tag,
    permission: 'signedIn',
    summary: 'The signed-in user with role and scopes',
    response: currentUserSchema,
  }),
  updatePreferences: endpoint({
    method: 'PATCH',
    path: '/v1/auth/me/preferences',
    tag,
    permission: 'signedIn',
    summary: 'Change my language',
    body: updateMyPreferencesInputSchema,
    response: currentUserSchema,
  }),
};

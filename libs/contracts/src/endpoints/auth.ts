import {
  changePasswordInputSchema,
  currentUserSchema,
  loginInputSchema,
  loginMfaInputSchema,
  loginResultSchema,
  recoveryCodesSchema,
  totpConfirmInputSchema,
  totpSetupSchema,
  updateMyPreferencesInputSchema,
} from '../auth';
import { endpoint } from '../endpoint';

const tag = 'auth';

export const authEndpoints = {
  login: endpoint({
    method: 'POST',
    path: '/v1/auth/login',
    tag,
    permission: 'public',
    summary:
      'Sign in; sets the httpOnly session cookie. A user with a second factor gets `{ mfaRequired: true }` and ' +
      'no session: POST /v1/auth/login/mfa completes it',
    body: loginInputSchema,
    response: loginResultSchema,
    status: 200,
    errors: ['BAD_CREDENTIALS', 'TOO_MANY_REQUESTS'],
  }),
  loginMfa: endpoint({
    method: 'POST',
    path: '/v1/auth/login/mfa',
    tag,
    permission: 'public',
    summary:
      'The second step of sign-in: `{ code }` or `{ recoveryCode }` (each recovery code works once); wrong codes ' +
      'are throttled like passwords',
    body: loginMfaInputSchema,
    response: currentUserSchema,
    status: 200,
    errors: ['MFA_CODE_INVALID', 'MFA_NOT_STARTED', 'TOO_MANY_REQUESTS'],
  }),
  totpSetup: endpoint({
    method: 'POST',
    path: '/v1/auth/mfa/totp/setup',
    tag,
    permission: 'signedIn',
    summary: 'Start enrolling a TOTP second factor (RFC 6238): a new secret, not active until confirmed',
    response: totpSetupSchema,
    status: 200,
  }),
  totpConfirm: endpoint({
    method: 'POST',
    path: '/v1/auth/mfa/totp/confirm',
    tag,
    permission: 'signedIn',
    summary: 'Confirm enrolment with a code from the authenticator; answers the ten recovery codes, shown once',
    body: totpConfirmInputSchema,
    response: recoveryCodesSchema,
    status: 200,
    errors: ['MFA_CODE_INVALID', 'MFA_NOT_STARTED'],
  }),
  changePassword: endpoint({
    method: 'POST',
    path: '/v1/auth/password',
    tag,
    permission: 'signedIn',
    summary:
      'Change my own password (the current one is required; my other sessions end). A password on the ' +
      'common/breached list is refused (400, newPassword: password_breached)',
    body: changePasswordInputSchema,
    output: 'none',
    errors: ['TOO_MANY_REQUESTS'],
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

import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** POST /users/{id}/revoke-sessions (admin) → 204: every session of the user ends. */
export const revokeUserSessions = (id: string) => api.post<void>(`/users/${encodeURIComponent(id)}/revoke-sessions`);

export function useRevokeUserSessions() {
  return useMutation({ mutationFn: revokeUserSessions });
}

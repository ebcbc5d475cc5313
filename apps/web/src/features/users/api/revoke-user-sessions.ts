import { useMutation } from '@tanstack/react-query';
import { endpoints } from '@jv/contracts';
import { api } from '../../../lib/api-client';

/** `endpoints.users.revokeSessions` (admin) → 204: every session of the user ends. */
export function useRevokeUserSessions() {
  return useMutation({ mutationFn: (id: string) => api(endpoints.users.revokeSessions, { params: { id } }) });
}

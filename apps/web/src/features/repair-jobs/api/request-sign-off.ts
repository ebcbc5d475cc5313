import { useMutation } from '@tanstack/react-query';
import { endpoints } from '@jv/contracts';
import { api } from '../../../lib/api-client';

export interface RequestSignOffVariables {
  id: string;
  version: number;
  idempotencyKey: string;
}

/**
 * Asks the facility's colleagues who may sign the job off (four eyes) to do so. Answers how many were told;
 * a repeat within the quiet window tells nobody again (`repeated`). 409 NOT_AWAITING_SIGN_OFF once the job
 * has left quality check.
 */
export function useRequestSignOff() {
  return useMutation({
    mutationFn: ({ id, version, idempotencyKey }: RequestSignOffVariables) =>
      api(endpoints.repairJobs.requestSignOff, { params: { id }, body: { version } }, { idempotencyKey }),
  });
}

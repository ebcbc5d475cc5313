import { z } from 'zod';
import { endpoint } from '../endpoint';

const tag = 'platform';

export const healthEndpoints = {
  live: endpoint({
    method: 'GET',
    path: '/health',
    tag,
    permission: 'public',
    summary: 'Liveness: the process answers',
    response: z.object({ status: z.literal('ok') }),
  }),
  ready: endpoint({
    method: 'GET',
    path: '/health/ready',
    tag,
    permission: 'public',
    summary: 'Readiness: the database answers (503 otherwise)',
    response: z.object({ status: z.string(), database: z.string() }),
  }),
};

import { createDocument } from 'zod-openapi';
import { apiRoutes } from './routes';
import { toPaths } from './route';

let cached: object | undefined;

export function openApiDocument(): object {
  cached ??= createDocument({
    openapi: '3.1.0',
    info: {
      title: 'JV Tracker API',
      version: '1',
      description: 'Artillery systems, repairs, component supply, training and partner reporting. Errors are RFC 9457 problem details. Lists page by cursor: `?limit=&cursor=` answering `{ items, nextCursor }`. Creates accept an `Idempotency-Key` header.',
    },
    servers: [{ url: '/api' }],
    components: {
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'jv_session' } },
    },
    security: [{ session: [] }],
    paths: toPaths(apiRoutes),
  });
  return cached;
}

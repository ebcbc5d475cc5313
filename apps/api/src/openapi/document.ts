import {
  allEndpoints,
  commonErrorCodes,
  type EndpointDef,
  errorCatalog,
  photoContentTypes,
  type ErrorCode,
  problemDetailsSchema,
  successStatus,
} from '@jv/contracts';
import { rolesFor } from '@jv/domain';
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from 'zod-openapi';

const problem = { 'application/problem+json': { schema: problemDetailsSchema } };

function who(def: EndpointDef): string {
  if (def.permission === 'public') return 'Public.';
  if (def.permission === 'signedIn') return 'Any signed-in user.';
  const { resource, action } = def.permission;
  return `Roles: ${rolesFor(resource, action).join(', ')} (permission ${resource}.${action}).`;
}

/** The error responses of one endpoint, grouped by status, each naming its codes. */
function errorResponses(def: EndpointDef): ZodOpenApiOperationObject['responses'] {
  const codes = new Set<ErrorCode>([...(def.permission === 'public' ? [] : commonErrorCodes), ...(def.errors ?? [])]);
  if (def.params || def.query || def.body) codes.add('VALIDATION_FAILED');
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes) {
    const status = errorCatalog[code].status;
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  const responses: NonNullable<ZodOpenApiOperationObject['responses']> = {};
  for (const [status, list] of [...byStatus].sort(([a], [b]) => a - b)) {
    (responses as Record<string, unknown>)[String(status)] = {
      description: `Problem details; code ${list.join(' | ')}`,
      content: problem,
    };
  }
  return responses;
}

function operation(name: string, def: EndpointDef): ZodOpenApiOperationObject {
  const status = String(successStatus(def));
  const success =
    def.output === 'csv'
      ? { description: 'CSV file', content: { 'text/csv': { schema: { type: 'string' as const } } } }
      : def.output === 'pdf'
        ? {
            description: 'PDF document',
            content: { 'application/pdf': { schema: { type: 'string' as const, format: 'binary' } } },
          }
        : def.output === 'svg'
          ? { description: 'SVG image', content: { 'image/svg+xml': { schema: { type: 'string' as const } } } }
          : def.output === 'image'
            ? {
                description: 'The image',
                content: { 'image/*': { schema: { type: 'string' as const, format: 'binary' } } },
              }
            : def.response
              ? { description: 'OK', content: { 'application/json': { schema: def.response } } }
              : { description: 'No content' };
  return {
    operationId: name,
    summary: def.summary,
    description: `${who(def)}${def.idempotent ? ' Accepts an Idempotency-Key header.' : ''}`,
    tags: [def.tag],
    requestParams: { ...(def.params ? { path: def.params } : {}), ...(def.query ? { query: def.query } : {}) },
    requestBody:
      def.bodyType === 'csv'
        ? { content: { 'text/csv': { schema: { type: 'string' as const } } } }
        : def.bodyType === 'image'
          ? {
              content: Object.fromEntries(
                photoContentTypes.map((t) => [t, { schema: { type: 'string' as const, format: 'binary' } }]),
              ),
            }
          : def.body
            ? { content: { 'application/json': { schema: def.body } } }
            : undefined,
    responses: { [status]: success, ...errorResponses(def) },
  };
}

let cached: object | undefined;

/** The OpenAPI document, built from the endpoint table (libs/contracts/src/endpoints); never hand-edited. */
export function openApiDocument(): object {
  if (cached) return cached;
  const paths: ZodOpenApiPathsObject = {};
  for (const { name, def } of allEndpoints) {
    const item = (paths[def.path] ??= {}) as Record<string, unknown>;
    item[def.method.toLowerCase()] = operation(name, def);
  }
  cached = createDocument({
    openapi: '3.1.0',
    info: {
      title: 'JV Tracker API',
      version: '1',
      description:
        'Artillery systems, repairs, component supply, training and partner reporting. Errors are RFC 9457 problem ' +
        'details with a `code` from a fixed list and its parameters; field problems list `{ path, code, params }`. ' +
        'Lists page by cursor: `?limit=&cursor=` answering `{ items, nextCursor }`. Creates accept an ' +
        '`Idempotency-Key` header.',
    },
    servers: [{ url: '/api' }],
    components: {
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'jv_session' } },
    },
    security: [{ session: [] }],
    paths,
  });
  return cached;
}

import { problemDetailsSchema } from '@jv/contracts';
import type { z } from 'zod';
import type { ZodOpenApiOperationObject, ZodOpenApiPathsObject } from 'zod-openapi';

export interface RouteDoc {
  method: 'get' | 'post' | 'patch' | 'put' | 'delete';
  /** OpenAPI path under /api, e.g. `/v1/partners/{id}` */
  path: string;
  summary: string;
  tag: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  response?: z.ZodType;
  status?: number;
  /** roles allowed, for the description */
  roles?: readonly string[];
}

const problem = { content: { 'application/problem+json': { schema: problemDetailsSchema } } };

/** Turns the route descriptions of every feature into OpenAPI paths; the document is never hand-edited. */
export function toPaths(routes: RouteDoc[]): ZodOpenApiPathsObject {
  const paths: ZodOpenApiPathsObject = {};
  for (const r of routes) {
    const status = String(r.status ?? (r.method === 'post' ? 201 : 200));
    const op: ZodOpenApiOperationObject = {
      summary: r.summary,
      tags: [r.tag],
      description: r.roles ? `Roles: ${r.roles.join(', ')}` : undefined,
      requestParams: { ...(r.params ? { path: r.params } : {}), ...(r.query ? { query: r.query } : {}) },
      requestBody: r.body ? { content: { 'application/json': { schema: r.body } } } : undefined,
      responses: {
        [status]: r.response
          ? { description: 'OK', content: { 'application/json': { schema: r.response } } }
          : { description: 'OK' },
        '400': { description: 'Invalid input', ...problem },
        '401': { description: 'Not signed in', ...problem },
        '403': { description: 'Role may not do this', ...problem },
        '404': { description: 'Not found or outside your scope', ...problem },
        '409': { description: 'Conflict (stale version, invalid transition…)', ...problem },
      },
    };
    const item = (paths[r.path] ??= {});
    (item as Record<string, unknown>)[r.method] = op;
  }
  return paths;
}

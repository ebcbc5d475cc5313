import type { Action, Resource } from '@jv/domain';
import type { z } from 'zod';
import type { ErrorCode } from './errors';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/**
 * Who may call an endpoint: a cell of the permission table (role check in the API's guard; the
 * per-object facility/partner scope is checked by the service), any signed-in user, or anyone.
 */
export type EndpointPermission = { resource: Resource; action: Action } | 'signedIn' | 'public';

/**
 * What an endpoint answers when it succeeds: JSON described by `response` (the default), nothing
 * (204), a streamed CSV file, a PDF document, an SVG image, or a stored image's bytes (photos).
 */
export type EndpointOutput = 'json' | 'none' | 'csv' | 'pdf' | 'svg' | 'image';

/**
 * One endpoint, declared once: the API binds it (route, permission, zod validation), the OpenAPI
 * document is built from it, the web's typed client calls it, and the permission test walks it.
 */
export interface EndpointDef {
  method: HttpMethod;
  /** under `/api`, with `{name}` parameters: `/v1/repair-jobs/{id}/transitions` */
  path: string;
  summary: string;
  /** OpenAPI tag: the feature */
  tag: string;
  permission: EndpointPermission;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** the body is sent as `text/csv` (imports), or as the raw bytes of an image (photos), not JSON */
  bodyType?: 'json' | 'csv' | 'image';
  response?: z.ZodType;
  output?: EndpointOutput;
  /** the success status; 201 for POST, 200 otherwise, 204 when the output is `none` */
  status?: number;
  /** the error codes this endpoint may answer besides the common ones (401, 403, 400 validation, 429) */
  errors?: readonly ErrorCode[];
  /** the body may carry `Idempotency-Key` (every POST that creates) */
  idempotent?: boolean;
}

/** Keeps the literal types of a declaration (its schemas above all) so clients infer from it. */
export const endpoint = <const E extends EndpointDef>(def: E): E => def;

export const successStatus = (e: EndpointDef): number =>
  e.status ?? (e.output === 'none' ? 204 : e.method === 'POST' ? 201 : 200);

type Infer<S, Fallback = undefined> = S extends z.ZodType ? z.output<S> : Fallback;
type InferIn<S> = S extends z.ZodType ? z.input<S> : undefined;

/** What the API's handler receives, validated. */
export interface EndpointInput<E extends EndpointDef> {
  params: Infer<E['params']>;
  query: Infer<E['query']>;
  body: E['bodyType'] extends 'csv' ? string : E['bodyType'] extends 'image' ? Uint8Array : Infer<E['body']>;
}

/** Every property optional: a request may leave the part out. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- `{} extends T` is the test for "all optional"
type AllOptional<T> = {} extends T ? true : false;

type QueryPart<Q> = Q extends z.ZodType
  ? AllOptional<z.input<Q>> extends true
    ? { query?: z.input<Q> }
    : { query: z.input<Q> }
  : { query?: undefined };

/** What a client sends (before the schemas' defaults and coercions). */
export type EndpointRequest<E extends EndpointDef> = (E['params'] extends z.ZodType
  ? { params: InferIn<E['params']> }
  : { params?: undefined }) &
  QueryPart<E['query']> &
  (E['body'] extends z.ZodType
    ? { body: InferIn<E['body']> }
    : E['bodyType'] extends 'csv'
      ? { body: string }
      : E['bodyType'] extends 'image'
        ? { body: Blob }
        : { body?: undefined });

/** What a successful call answers. */
export type EndpointResponse<E extends EndpointDef> = E['output'] extends 'none' | 'csv' | 'pdf' | 'svg' | 'image'
  ? void
  : Infer<E['response'], void>;

/** `/v1/systems/{id}` with `{ id }` → `/v1/systems/4c…`; each value URL-encoded. */
export function fillPath(path: string, params: Record<string, unknown> | undefined): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null || value === '')
      throw new Error(`Missing path parameter ${name} for ${path}`);
    return encodeURIComponent(String(value));
  });
}

import {
  type EndpointDef,
  type EndpointRequest,
  type EndpointResponse,
  type ErrorCode,
  fillPath,
  isErrorCode,
  readProblemDetails,
  type ProblemDetails,
} from '@jv/contracts';
import { isApiError } from './is-api-error';
import { onUnauthorized } from './unauthorized';

/**
 * THE one API client of the web app. Feature code calls an endpoint of the contract table:
 * `api(endpoints.repairJobs.get, { params: { id } })` answers the declared response type; there is no
 * path string and no cast in feature code. It sends the session cookie and JSON (or CSV text), turns
 * RFC 9457 problem details into an `ApiError` with the catalogue's code and coded field errors, and
 * sends the user to the login page when the session has ended.
 */
export const API_BASE = '/api';

/** One refused field as the server names it: where, which rule, and the rule's parameters. */
export interface FieldError {
  path: string;
  code: string;
  params?: Record<string, unknown>;
}

export const NETWORK_ERROR_CODE = 'NETWORK_ERROR';
export type ClientErrorCode = ErrorCode | typeof NETWORK_ERROR_CODE;

export class ApiError extends Error {
  readonly status: number;
  /** the catalogue's code (libs/contracts/src/errors.ts), or NETWORK_ERROR; undefined for an unknown answer */
  readonly code: ClientErrorCode | undefined;
  readonly fieldErrors: FieldError[];
  /** the problem document, with the code's parameters beside `code` (`allowed`, `jobNumber`…) */
  readonly problem: ProblemDetails | undefined;

  constructor(status: number, problem: ProblemDetails | undefined) {
    super(problem?.code ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.code =
      problem?.code === NETWORK_ERROR_CODE ? NETWORK_ERROR_CODE : isErrorCode(problem?.code) ? problem.code : undefined;
    this.fieldErrors = (problem?.errors ?? []).map((e) => ({
      path: e.path,
      code: e.code ?? 'custom',
      ...(e.params ? { params: e.params } : {}),
    }));
  }

  /** A network failure (offline, connection reset): the request may be retried. */
  get isNetworkError(): boolean {
    return this.status === 0;
  }

  /** The parameters of the code, as the server sent them beside it. */
  get params(): Record<string, unknown> {
    return this.problem ?? {};
  }
}

export { isApiError } from './is-api-error';

export function isStaleVersion(error: unknown): boolean {
  return isApiError(error) && error.code === 'STALE_VERSION';
}

type QueryValue = string | number | boolean | null | undefined | readonly (string | number)[];

export { setUnauthorizedHandler } from './unauthorized';

function queryString(query: Record<string, QueryValue> | undefined): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) value.forEach((v) => params.append(key, String(v)));
    else params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `?${search}` : '';
}

/** The URL of an endpoint with its path parameters and query (for links such as CSV downloads). */
export function endpointUrl<E extends EndpointDef>(
  def: E,
  request: Pick<EndpointRequest<E>, 'params' | 'query'>,
): string {
  const { params, query } = request as { params?: Record<string, unknown>; query?: Record<string, QueryValue> };
  return `${API_BASE}${fillPath(def.path, params)}${queryString(query)}`;
}

async function readProblem(response: Response): Promise<ProblemDetails | undefined> {
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return undefined;
  try {
    return readProblemDetails(await response.json());
  } catch {
    return undefined;
  }
}

export interface CallOptions {
  /** Sent as `Idempotency-Key`; a retried create then returns the first result, never a duplicate. */
  idempotencyKey?: string;
  signal?: AbortSignal;
  /** The answer to this very request, asked for before this code had loaded (main.tsx): read instead of fetching. */
  response?: Promise<Response>;
}

/** How long after the page loaded an early answer may still be taken (a later visit asks afresh). */
const EARLY_ANSWER_MS = 20_000;

/**
 * The answer to a GET that index.html's start-up script asked for while the app's code loaded (the list is
 * apps/web/src/early-requests.ts): taken once, by exact URL, and only during the first seconds of the page.
 */
export function takeEarly(url: string): Promise<Response> | undefined {
  const early = (window as { __jvEarly?: Record<string, Promise<Response>> }).__jvEarly;
  const response = early?.[url];
  if (!early || !response) return undefined;
  delete early[url];
  return performance.now() < EARLY_ANSWER_MS ? response : undefined;
}

/**
 * Calls one endpoint of the contract table and answers its declared response type.
 * A 401 outside sign-in ends the session in the app (`setUnauthorizedHandler`).
 */
export async function api<E extends EndpointDef>(
  def: E,
  ...[request, options = {}]: Partial<EndpointRequest<E>> extends EndpointRequest<E>
    ? [request?: EndpointRequest<E>, options?: CallOptions]
    : [request: EndpointRequest<E>, options?: CallOptions]
): Promise<EndpointResponse<E>> {
  const { body } = (request ?? {}) as { body?: unknown };
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  // a photo is sent as its own bytes, typed as the image it is
  const image = def.bodyType === 'image' && body instanceof Blob ? body : undefined;
  if (body !== undefined)
    headers['Content-Type'] = image ? image.type : def.bodyType === 'csv' ? 'text/csv' : 'application/json';
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;

  let response: Response;
  try {
    const { params, query } = (request ?? {}) as {
      params?: Record<string, unknown>;
      query?: Record<string, QueryValue>;
    };
    const url = `${API_BASE}${fillPath(def.path, params)}${queryString(query)}`;
    response = await (options.response ??
      (def.method === 'GET' && !options.signal?.aborted ? takeEarly(url) : undefined) ??
      fetch(url, {
        method: def.method,
        headers,
        body: image ?? (body === undefined ? undefined : def.bodyType === 'csv' ? String(body) : JSON.stringify(body)),
        credentials: 'same-origin',
        signal: options.signal,
      }));
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, { type: 'about:blank', title: 'Network error', status: 0, code: NETWORK_ERROR_CODE });
  }

  if (!response.ok) {
    const problem = await readProblem(response);
    // 401 from signing in means wrong credentials; from "who am I" it means not signed in yet
    if (response.status === 401 && def.permission !== 'public' && def.path !== '/v1/auth/me') onUnauthorized();
    throw new ApiError(
      response.status,
      problem ?? { type: 'about:blank', title: response.statusText, status: response.status },
    );
  }

  if (response.status === 204 || def.output === 'none') return undefined as EndpointResponse<E>;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as EndpointResponse<E>;
}

/** A fresh key for one create; keep it for the retries of that same create. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

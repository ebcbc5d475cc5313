import { problemDetailsSchema, type ProblemDetails } from '@jv/contracts';

/**
 * THE one fetch wrapper of the web app: JSON in and out, the session cookie, RFC 9457 problem details
 * turned into an ApiError, and the trip to the login page when the session has ended.
 */
export const API_BASE = '/api/v1';

export interface FieldError {
  path: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string | undefined;
  readonly detail: string | undefined;
  readonly fieldErrors: FieldError[];
  readonly allowed: string[];
  readonly problem: ProblemDetails | undefined;

  constructor(status: number, problem: ProblemDetails | undefined, fallbackMessage: string) {
    super(problem?.detail ?? problem?.title ?? fallbackMessage);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.code = problem?.code;
    this.detail = problem?.detail;
    this.fieldErrors = problem?.errors ?? [];
    this.allowed = problem?.allowed ?? [];
  }

  /** A network failure (offline, connection reset): the request may be retried. */
  get isNetworkError(): boolean {
    return this.status === 0;
  }
}

export const NETWORK_ERROR_CODE = 'NETWORK_ERROR';
export const STALE_VERSION_CODE = 'STALE_VERSION';

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

export function isStaleVersion(error: unknown): boolean {
  return isApiError(error) && error.status === 409 && error.code === STALE_VERSION_CODE;
}

type QueryValue = string | number | boolean | null | undefined | readonly string[];
export type QueryParams = Record<string, QueryValue>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: QueryParams;
  /** Sent as `Idempotency-Key`; a retried create then returns the first result, never a duplicate. */
  idempotencyKey?: string;
  signal?: AbortSignal;
}

/** Paths whose 401 means "wrong credentials" or "not signed in yet", not "session ended". */
const UNAUTHORIZED_IS_EXPECTED = ['/auth/login', '/auth/me'];

let unauthorizedHandler: (() => void) | null = null;

/** The app registers what to do when the session ends (clear the cache, go to the login page). */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  unauthorizedHandler = handler;
}

export function buildUrl(path: string, query?: QueryParams): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) value.forEach((v) => params.append(key, v));
    else params.set(key, String(value));
  }
  const search = params.toString();
  return `${API_BASE}${path}${search ? `?${search}` : ''}`;
}

async function readProblem(response: Response): Promise<ProblemDetails | undefined> {
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return undefined;
  try {
    const parsed = problemDetailsSchema.safeParse(await response.json());
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, query, idempotencyKey, signal } = options;
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;

  let response: Response;
  try {
    response = await fetch(buildUrl(path, query), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, { type: 'about:blank', title: 'Network error', status: 0, code: NETWORK_ERROR_CODE }, 'Network error');
  }

  if (!response.ok) {
    const problem = await readProblem(response);
    if (response.status === 401 && !UNAUTHORIZED_IS_EXPECTED.includes(path)) unauthorizedHandler?.();
    throw new ApiError(response.status, problem, response.statusText || `HTTP ${response.status}`);
  }

  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, query?: QueryParams, signal?: AbortSignal) => apiRequest<T>(path, { query, signal }),
  post: <T>(path: string, body?: unknown, options: Pick<RequestOptions, 'idempotencyKey'> = {}) =>
    apiRequest<T>(path, { method: 'POST', body, ...options }),
  patch: <T>(path: string, body: unknown) => apiRequest<T>(path, { method: 'PATCH', body }),
  delete: <T>(path: string) => apiRequest<T>(path, { method: 'DELETE' }),
};

/** A fresh key for one create; keep it for the retries of that same create. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

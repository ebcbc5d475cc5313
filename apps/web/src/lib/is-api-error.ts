import type { ApiError } from './api-client';

/**
 * `error instanceof ApiError`, told by the name the class gives itself: the app's first chunk (query client,
 * loading and error states) asks this without loading the API client and the contracts (zod) with it.
 */
export function isApiError(error: unknown): error is ApiError {
  return error instanceof Error && error.name === 'ApiError';
}

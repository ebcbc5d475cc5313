import { useCallback, useState } from 'react';
import { isApiError, newIdempotencyKey } from './api-client';

/**
 * One Idempotency-Key per create attempt: kept while the request may not have reached the server
 * (network failure, so the retry returns the first result), renewed once the server has answered.
 */
export function useIdempotencyKey() {
  const [key, setKey] = useState(newIdempotencyKey);
  const renew = useCallback(() => setKey(newIdempotencyKey()), []);
  const renewAfter = useCallback(
    (error: unknown) => {
      if (!(isApiError(error) && error.isNetworkError)) renew();
    },
    [renew],
  );
  return { key, renew, renewAfter };
}

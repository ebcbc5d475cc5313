import { lazy, Suspense } from 'react';
import { useRouteError } from 'react-router';
import { LoadingState } from '../components/loading-state';

// the error state words the error through the contracts' catalogue (zod with it): not part of the first chunk
const ErrorState = lazy(() => import('../components/states').then((m) => ({ default: m.ErrorState })));

/** Last resort for an error thrown while rendering a route. */
export function RouteErrorPage() {
  const error = useRouteError();
  return (
    <div className="page-center">
      <Suspense fallback={<LoadingState />}>
        <ErrorState error={error} onRetry={() => window.location.reload()} />
      </Suspense>
    </div>
  );
}

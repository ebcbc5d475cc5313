import { useRouteError } from 'react-router';
import { ErrorState } from '../components/states';

/** Last resort for an error thrown while rendering a route. */
export function RouteErrorPage() {
  const error = useRouteError();
  return (
    <div className="page-center">
      <ErrorState error={error} onRetry={() => window.location.reload()} />
    </div>
  );
}

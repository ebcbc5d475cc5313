import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { setUnauthorizedHandler } from '../lib/unauthorized';
import { queryClient } from '../lib/query-client';
import { router } from './router';

export { router };

/**
 * The session ended (401 from any call but login and /auth/me): drop every cached answer, so nothing
 * of the last user stays in memory, and go to the login page, coming back here afterwards.
 */
setUnauthorizedHandler(() => {
  queryClient.removeQueries();
  const { pathname, search } = router.state.location;
  if (pathname === '/login') return;
  void router.navigate(`/login?next=${encodeURIComponent(`${pathname}${search}`)}`, { replace: true });
});

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}

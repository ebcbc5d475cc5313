import type { ReactNode } from 'react';

/**
 * `lazy` of a route whose page is a chunk of its own: React Router fetches it when the route first matches
 * (on the first load together with the language's texts; on a later navigation it keeps the old page until it
 * arrives), so a visit downloads only the pages it shows.
 *
 * `{ path: 'new', lazy: lazyPage(() => import('./routes/job-new-page'), (m) => <m.JobNewPage />) }`
 */
export function lazyPage<M>(load: () => Promise<M>, element: (module: M) => ReactNode) {
  return async (): Promise<{ element: ReactNode }> => ({ element: element(await load()) });
}

import type { ReactNode } from 'react';
import type { Params } from 'react-router';

/**
 * What a page module may export as `firstData`: its first screen's query, put in the cache before the app's first
 * render on a page's first load (main.tsx), so that the page renders once with its data instead of a loading state
 * and then, as one long task, the page. The answer is usually the start-up script's, already on its way
 * (early-requests.ts). The page's own query must use the same key, so nothing is asked for twice.
 */
export type FirstData = (match: { params: Params; search: URLSearchParams }) => Promise<unknown>;

/** The `handle` of a route whose page exports `firstData`. */
export interface PageHandle {
  firstData?: FirstData;
}

/**
 * `lazy` of a route whose page is a chunk of its own: React Router fetches it when the route first matches
 * (on the first load together with the language's texts; on a later navigation it keeps the old page until it
 * arrives), so a visit downloads only the pages it shows.
 *
 * `{ path: 'new', lazy: lazyPage(() => import('./routes/job-new-page'), (m) => <m.JobNewPage />) }`
 */
export function lazyPage<M extends object>(load: () => Promise<M>, element: (module: M) => ReactNode) {
  return async (): Promise<{ element: ReactNode; handle: PageHandle }> => {
    const module = await load();
    const firstData = 'firstData' in module ? (module.firstData as FirstData) : undefined;
    return { element: element(module), handle: { firstData } };
  };
}

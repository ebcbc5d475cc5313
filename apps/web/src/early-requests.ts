/**
 * What the first load of a page asks the API for, started by a small script that index.html loads first while the
 * app's code is still downloading (apps/web/build/early-start.mts), not one round trip after it. The typed client
 * takes an early answer for the very same URL (lib/api-client.ts `takeEarly`); a URL the page no longer asks for
 * just goes unused, and the browser test `tests/e2e/early-start.e2e-spec.ts` fails when the two drift apart.
 *
 * Only what the page cannot show without: lookups that the offline cache may already hold (facility names…) are
 * left to the page. Plain data: the build serialises it into the script. `$1` stands for the path's first group.
 */
export interface EarlyRoute {
  /** the page's modules (its layouts too) whose code, imports and styles are preloaded, relative to apps/web/src */
  pages: readonly string[];
  /** matched against `location.pathname` */
  path: string;
  /** GET requests of the first render, exactly as the page's queries send them (only when there is no `?search`) */
  api: readonly string[];
  signedIn: boolean;
}

/** Every signed-in page: who am I, and the header's unread notifications. */
export const SIGNED_IN_REQUESTS = ['/api/v1/auth/me', '/api/v1/notifications?unread=true&limit=1'] as const;

export const EARLY_ROUTES: readonly EarlyRoute[] = [
  { pages: ['features/auth/routes/login-page.tsx'], path: '^/login$', api: [], signedIn: false },
  {
    pages: ['features/systems/routes/systems-page.tsx'],
    path: '^/systems/?$',
    api: ['/api/v1/systems?limit=50'],
    signedIn: true,
  },
  {
    pages: [
      'features/repair-jobs/components/repair-jobs-layout.tsx',
      'features/repair-jobs/routes/job-detail-page.tsx',
    ],
    path: '^/repair-jobs/([0-9a-f-]{36})$',
    api: ['/api/v1/repair-jobs/$1', '/api/v1/repair-jobs/$1/work-logs', '/api/v1/repair-jobs/$1/parts-used'],
    signedIn: true,
  },
];

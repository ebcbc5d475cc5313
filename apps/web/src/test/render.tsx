import type { ReactElement } from 'react';
import { render, type RenderResult } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';
import type { CurrentUser, Locale } from '@jv/contracts';
import type { Role } from '@jv/domain';
import { setUiLocale } from '../i18n/i18n';
import { sessionKeys } from '../lib/query-keys';
import { CurrentUserProvider } from '../lib/session';
import { testUser } from './fixtures';

export interface RenderWithProvidersOptions {
  /**
   * The signed-in user: a role (→ `testUser(role)`), a whole `CurrentUser`, or `null` for the
   * signed-out part of the app (login page). Default: an admin.
   */
  user?: Role | CurrentUser | null;
  /** The UI language of the render (the app's i18n instance switches to it). Default: 'uk'. */
  locale?: Locale;
  /** The URL the memory router starts at, path and query, e.g. '/repair-jobs/board?facilityId=…'. Default: '/'. */
  route?: string;
  /** The route pattern `ui` is mounted at, so useParams works, e.g. '/repair-jobs/:id'. Default: '*' (any URL). */
  path?: string;
  /** More routes beside `ui`, e.g. the page a link or a redirect leads to. */
  routes?: RouteObject[];
  /** A query client of the test's own (e.g. pre-filled with setQueryData). Default: createTestQueryClient(). */
  queryClient?: QueryClient;
}

export interface RenderWithProvidersResult extends RenderResult {
  /** user-event, set up before the render: `await events.click(button)` */
  events: UserEvent;
  queryClient: QueryClient;
  /** the memory router: `router.state.location` tells where a link or navigate() went */
  router: ReturnType<typeof createMemoryRouter>;
  /** the signed-in user the providers were given (null when signed out) */
  currentUser: CurrentUser | null;
}

/**
 * The app's query client settings for tests: no retries (a failure shows at once), nothing
 * garbage-collected mid-test.
 */
export function createTestQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, gcTime: Infinity, staleTime: 30_000, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}

/**
 * Renders `ui` as the app would: inside QueryClientProvider, a data router (createMemoryRouter) at
 * `route`, the signed-in user's context (also cached as GET /auth/me) and the app's i18n in `locale`.
 */
export function renderWithProviders(
  ui: ReactElement,
  options: RenderWithProvidersOptions = {},
): RenderWithProvidersResult {
  const { locale = 'uk', route = '/', path = '*', routes = [], queryClient = createTestQueryClient() } = options;
  const userOption = options.user === undefined ? 'admin' : options.user;
  const currentUser = typeof userOption === 'string' ? testUser(userOption) : userOption;

  void setUiLocale(locale);
  if (currentUser) queryClient.setQueryData(sessionKeys.me(), currentUser);
  const events = userEvent.setup();
  const router = createMemoryRouter([{ path, element: ui }, ...routes], { initialEntries: [route] });

  const routerElement = <RouterProvider router={router} />;
  const result = render(
    <QueryClientProvider client={queryClient}>
      {currentUser ? <CurrentUserProvider user={currentUser}>{routerElement}</CurrentUserProvider> : routerElement}
    </QueryClientProvider>,
  );
  return { ...result, events, queryClient, router, currentUser };
}

/**
 * Answers the app's HTTP calls in web tests at the `fetch` level (jest.spyOn(globalThis, 'fetch')), so the
 * real API client, hooks and query cache run. Routes are keyed `"METHOD /path"`, the path without the
 * query string and without the API prefix (`/api/v1`), e.g. `'GET /repair-jobs'`.
 */
export interface FetchRequest {
  method: string;
  /** path below the API prefix, e.g. `/repair-jobs` */
  path: string;
  /** the full URL as requested, e.g. `/api/v1/repair-jobs?open=true` */
  url: string;
  query: URLSearchParams;
  /** the JSON body, parsed; other text as it is (undefined without a body) */
  body: unknown;
}

/** A route's answer: a Response, or any other value sent as a 200 JSON body; or a function returning either. */
export type FetchAnswer = Response | object | string | number | boolean | null;
export type FetchRoute = FetchAnswer | ((request: FetchRequest) => FetchAnswer | Promise<FetchAnswer>);

const API_PREFIX = /^\/api\/v\d+(?=\/)/;

/** A JSON answer (`application/json`, or `application/problem+json` for 4xx/5xx). */
export function jsonResponse(
  body: unknown,
  init: { status?: number; headers?: Record<string, string> } = {},
): Response {
  const status = init.status ?? 200;
  const contentType = status >= 400 ? 'application/problem+json' : 'application/json';
  return new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': contentType, ...init.headers },
  });
}

/** `{ items, nextCursor }`, the shape of every list endpoint. */
export const page = <T>(items: T[], nextCursor: string | null = null) => ({ items, nextCursor });

export interface MockedFetch {
  spy: jest.SpiedFunction<typeof fetch>;
  /** every request made, in order */
  requests: FetchRequest[];
  /** the requests not matched by any route (answered 404) */
  unhandled: FetchRequest[];
}

/**
 * Spies on `fetch` and answers from `routes`; anything else gets a 404 problem and is listed in
 * `unhandled`. The spy is restored after each test (restoreMocks in jest.web.config.cjs).
 */
export function mockFetch(routes: Record<string, FetchRoute>): MockedFetch {
  const requests: FetchRequest[] = [];
  const unhandled: FetchRequest[] = [];
  const spy = jest.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const raw = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const url = new URL(raw, 'http://localhost');
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    const text = typeof init?.body === 'string' ? init.body : undefined;
    const request: FetchRequest = {
      method,
      path: url.pathname.replace(API_PREFIX, ''),
      url: `${url.pathname}${url.search}`,
      query: url.searchParams,
      body: text === undefined ? undefined : parseBody(text),
    };
    requests.push(request);
    const route = routes[`${method} ${request.path}`];
    if (route === undefined) {
      unhandled.push(request);
      return jsonResponse(
        { type: 'about:blank', title: 'Not Found', status: 404, detail: `No test route for ${method} ${request.url}` },
        { status: 404 },
      );
    }
    const answer = typeof route === 'function' ? await route(request) : route;
    return answer instanceof Response ? answer : jsonResponse(answer);
  });
  return { spy, requests, unhandled };
}

/** A JSON body parsed; any other text (a CSV upload) as it is. */
function parseBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

import { endpoints } from '@jv/contracts';
import { jsonResponse, mockFetch } from '../test/fetch-mock';
import { api, ApiError, endpointUrl, isStaleVersion, setUnauthorizedHandler } from './api-client';

const JOB = '11111111-1111-4111-8111-111111111111';

/** The one API client: endpoint table in, declared answer or a coded ApiError out. */
describe('api()', () => {
  afterEach(() => setUnauthorizedHandler(null));

  it(
    'builds the URL from the endpoint, its path parameters and its query ' + '(arrays repeated, empty values left out)',
    async () => {
      const fetch = mockFetch({ 'GET /repair-jobs': { items: [], nextCursor: null } });
      await api(endpoints.repairJobs.list, { query: { status: ['reported', 'diagnosing'], q: '', limit: 20 } });
      expect(fetch.requests[0]!.url).toBe('/api/v1/repair-jobs?status=reported&status=diagnosing&limit=20');
      expect(endpointUrl(endpoints.repairJobs.get, { params: { id: JOB } })).toBe(`/api/v1/repair-jobs/${JOB}`);
      expect(endpointUrl(endpoints.systems.export, { query: { modelId: undefined, q: 'A 1' } })).toBe(
        '/api/v1/systems/export.csv?q=A+1',
      );
    },
  );

  it('sends the method, JSON body and Idempotency-Key, and answers the parsed body', async () => {
    const fetch = mockFetch({
      [`POST /repair-jobs/${JOB}/work-logs`]: jsonResponse({ id: 'w1', hours: 2 }, { status: 201 }),
    });
    const created = await api(
      endpoints.repairJobs.createWorkLog,
      { params: { id: JOB }, body: { date: '2026-11-30', hours: 2, note: 'seal' } },
      { idempotencyKey: 'key-12345678' },
    );
    expect(created).toEqual({ id: 'w1', hours: 2 });
    const [, init] = fetch.spy.mock.calls[0]!;
    expect(init?.method).toBe('POST');
    expect(init?.headers).toMatchObject({ 'Content-Type': 'application/json', 'Idempotency-Key': 'key-12345678' });
    expect(fetch.requests[0]!.body).toEqual({ date: '2026-11-30', hours: 2, note: 'seal' });
  });

  it('reads an answer already on its way instead of asking again, errors included', async () => {
    const fetch = mockFetch({});
    const me = { id: 'u1', role: 'viewer' };
    await expect(api(endpoints.auth.me, {}, { response: Promise.resolve(jsonResponse(me)) })).resolves.toEqual(me);
    const refused = api(endpoints.auth.me, {}, { response: Promise.resolve(jsonResponse({}, { status: 401 })) });
    await expect(refused).rejects.toMatchObject({ status: 401 });
    const offline = api(endpoints.auth.me, {}, { response: Promise.reject(new TypeError('Failed to fetch')) });
    await expect(offline).rejects.toMatchObject({ status: 0, code: 'NETWORK_ERROR' });
    expect(fetch.spy).not.toHaveBeenCalled();
  });

  it('sends a CSV import as text/csv, not JSON', async () => {
    const fetch = mockFetch({
      'POST /systems/import': { dryRun: true, totalRows: 0, validRows: 0, imported: 0, errors: [] },
    });
    await api(endpoints.systems.import, { query: { dryRun: 'true' }, body: 'model,serial_number\n' });
    const [, init] = fetch.spy.mock.calls[0]!;
    expect(init?.headers).toMatchObject({ 'Content-Type': 'text/csv' });
    expect(init?.body).toBe('model,serial_number\n');
  });

  it('answers nothing for a 204 endpoint', async () => {
    mockFetch({ 'POST /auth/logout': new Response(null, { status: 204 }) });
    await expect(api(endpoints.auth.logout)).resolves.toBeUndefined();
  });

  it(
    'turns problem details into an ApiError with the catalogue code, ' + 'coded field errors and the parameters',
    async () => {
      mockFetch({
        'POST /units': jsonResponse(
          {
            type: '/problems/validation-failed',
            title: 'Bad Request',
            status: 400,
            code: 'VALIDATION_FAILED',
            errors: [
              { path: 'code', code: 'code_chars', message: 'English' },
              { path: 'name', code: 'too_big', message: 'English', params: { maximum: 160, origin: 'string' } },
            ],
          },
          { status: 400 },
        ),
        [`POST /repair-jobs/${JOB}/transitions`]: jsonResponse(
          {
            type: '/problems/invalid-transition',
            title: 'Conflict',
            status: 409,
            code: 'INVALID_TRANSITION',
            from: 'reported',
            to: 'completed',
            allowed: ['diagnosing'],
          },
          { status: 409 },
        ),
      });
      const bad = await api(endpoints.units.create, { body: { code: 'x', name: 'y' } }).catch((e: unknown) => e);
      expect(bad).toBeInstanceOf(ApiError);
      expect((bad as ApiError).code).toBe('VALIDATION_FAILED');
      expect((bad as ApiError).fieldErrors).toEqual([
        { path: 'code', code: 'code_chars' },
        { path: 'name', code: 'too_big', params: { maximum: 160, origin: 'string' } },
      ]);
      const refused = (await api(endpoints.repairJobs.transition, {
        params: { id: JOB },
        body: { to: 'completed' },
      }).catch((e: unknown) => e)) as ApiError;
      expect([refused.status, refused.code, refused.params['allowed']]).toEqual([
        409,
        'INVALID_TRANSITION',
        ['diagnosing'],
      ]);
    },
  );

  it('marks a code outside the catalogue as unknown and recognises a stale version', async () => {
    mockFetch({
      'GET /units': jsonResponse({ type: 'about:blank', title: 'x', status: 418, code: 'TEAPOT' }, { status: 418 }),
      [`PATCH /units/${JOB}`]: jsonResponse(
        { type: '/problems/stale-version', title: 'Conflict', status: 409, code: 'STALE_VERSION', currentVersion: 3 },
        { status: 409 },
      ),
    });
    const odd = (await api(endpoints.units.list).catch((e: unknown) => e)) as ApiError;
    expect(odd.code).toBeUndefined();
    const stale = await api(endpoints.units.update, { params: { id: JOB }, body: { version: 1, name: 'n' } }).catch(
      (e: unknown) => e,
    );
    expect(isStaleVersion(stale)).toBe(true);
  });

  it('sends the user to sign-in on a 401, except for sign-in itself and "who am I"', async () => {
    const onUnauthorized = jest.fn();
    setUnauthorizedHandler(onUnauthorized);
    const unauthenticated = jsonResponse(
      { type: '/problems/unauthenticated', title: 'Unauthorized', status: 401, code: 'UNAUTHENTICATED' },
      { status: 401 },
    );
    mockFetch({
      'GET /systems': () => unauthenticated.clone(),
      'GET /auth/me': () => unauthenticated.clone(),
      'POST /auth/login': () =>
        jsonResponse(
          { type: '/problems/bad-credentials', title: 'Unauthorized', status: 401, code: 'BAD_CREDENTIALS' },
          { status: 401 },
        ),
    });
    await expect(api(endpoints.auth.login, { body: { email: 'a@b.example', password: 'x' } })).rejects.toMatchObject({
      code: 'BAD_CREDENTIALS',
    });
    await expect(api(endpoints.auth.me)).rejects.toMatchObject({ status: 401 });
    expect(onUnauthorized).not.toHaveBeenCalled();
    await expect(api(endpoints.systems.list)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it(
    'reports a network failure as a retryable NETWORK_ERROR, ' + 'and a retry carries the same Idempotency-Key',
    async () => {
      let calls = 0;
      const fetch = mockFetch({
        'POST /units': () => {
          calls += 1;
          if (calls === 1) throw new TypeError('Failed to fetch');
          return jsonResponse({ id: 'u1' }, { status: 201 });
        },
      });
      const first = (await api(
        endpoints.units.create,
        { body: { code: 'BR-1', name: 'Brigade' } },
        { idempotencyKey: 'same-key-1' },
      ).catch((e: unknown) => e)) as ApiError;
      expect([first.isNetworkError, first.code]).toEqual([true, 'NETWORK_ERROR']);
      await api(endpoints.units.create, { body: { code: 'BR-1', name: 'Brigade' } }, { idempotencyKey: 'same-key-1' });
      const keys = fetch.spy.mock.calls.map(([, init]) => (init?.headers as Record<string, string>)['Idempotency-Key']);
      expect(keys).toEqual(['same-key-1', 'same-key-1']);
    },
  );
});

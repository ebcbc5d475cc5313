import type { ArgumentsHost } from '@nestjs/common';
import { AppError } from './errors';
import { isDatabaseUnavailable } from './pg-errors';
import { ProblemDetailsFilter } from './problem-details.filter';

jest.mock('./logger', () => ({ rootLogger: () => ({ warn: jest.fn(), error: jest.fn() }) }));

function run(exception: unknown) {
  const headers: Record<string, string> = {};
  const out: { status?: number; body?: Record<string, unknown> } = {};
  const res = {
    headersSent: false,
    setHeader: (k: string, v: string) => (headers[k] = v),
    status(s: number) {
      out.status = s;
      return this;
    },
    type() {
      return this;
    },
    send(b: string) {
      out.body = JSON.parse(b);
      return this;
    },
  };
  const req = { headers: {}, method: 'POST', originalUrl: '/api/v1/x' };
  const host = { switchToHttp: () => ({ getRequest: () => req, getResponse: () => res }) } as unknown as ArgumentsHost;
  new ProblemDetailsFilter().catch(exception, host);
  return { ...out, headers };
}

const queryFailed = (driverError: object) => Object.assign(new Error('query failed'), { driverError });

describe('database unavailable → 503 DATABASE_UNAVAILABLE with Retry-After', () => {
  const lost: Array<[string, unknown]> = [
    ['ECONNREFUSED', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['ECONNRESET', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })],
    ['57P01 admin_shutdown', queryFailed({ code: '57P01', message: 'terminating connection' })],
    ['57P03 cannot_connect_now', queryFailed({ code: '57P03', message: 'the database system is starting up' })],
    ['08006 connection_failure', queryFailed({ code: '08006' })],
    ['08003 connection_does_not_exist', { code: '08003' }],
    ['Connection terminated', new Error('Connection terminated unexpectedly')],
    ['pool timeout', new Error('timeout exceeded when trying to connect')],
    ['AggregateError of refusals', Object.assign(new AggregateError([{ code: 'ECONNREFUSED' }]), { code: undefined })],
    ['wrapped cause', new Error('outer', { cause: { code: 'ECONNREFUSED' } })],
  ];
  it.each(lost)('%s', (_name, e) => {
    expect(isDatabaseUnavailable(e)).toBe(true);
    const r = run(e);
    expect(r.status).toBe(503);
    expect(r.headers['Retry-After']).toBe('5');
    expect(r.body).toMatchObject({
      status: 503,
      code: 'DATABASE_UNAVAILABLE',
      type: '/problems/database-unavailable',
      retryAfterSeconds: 5,
      instance: '/api/v1/x',
    });
  });

  it('an AppError DATABASE_UNAVAILABLE carries Retry-After too', () => {
    const r = run(new AppError('DATABASE_UNAVAILABLE', { retryAfterSeconds: 7 }, 'down'));
    expect([r.status, r.headers['Retry-After'], r.body?.retryAfterSeconds]).toEqual([503, '7', 7]);
  });

  it.each([
    ['a syntax error', queryFailed({ code: '42601', message: 'syntax error' })],
    ['a unique violation left untranslated', queryFailed({ code: '23505' })],
    ['a statement timeout', queryFailed({ code: '57014', message: 'canceling statement due to statement timeout' })],
    ['a plain bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
  ])('%s stays a bare 500', (_name, e) => {
    expect(isDatabaseUnavailable(e)).toBe(false);
    const r = run(e);
    expect(r.status).toBe(500);
    expect(r.body?.code).toBe('INTERNAL');
    expect(r.headers['Retry-After']).toBeUndefined();
  });
});

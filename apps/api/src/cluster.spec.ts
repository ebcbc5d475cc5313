import { CRASH_LIMIT, CRASH_WINDOW_MS, CrashLoopGuard, poolBudgetWarning } from './cluster';
import { InvalidEnvironmentError, loadEnv } from './config/env';

describe('WEB_CONCURRENCY', () => {
  it('is one process unless set', () => {
    expect(loadEnv({}).WEB_CONCURRENCY).toBe(1);
    expect(loadEnv({ WEB_CONCURRENCY: '' }).WEB_CONCURRENCY).toBe(1);
    expect(loadEnv({ WEB_CONCURRENCY: '4' }).WEB_CONCURRENCY).toBe(4);
  });

  it.each(['0', '-1', '33', '1.5', 'two'])('refuses %s', (value) => {
    expect(() => loadEnv({ WEB_CONCURRENCY: value })).toThrow(InvalidEnvironmentError);
    expect(() => loadEnv({ WEB_CONCURRENCY: value })).toThrow('WEB_CONCURRENCY');
  });
});

describe('CrashLoopGuard', () => {
  it('allows replacing workers until the limit of deaths falls within the window', () => {
    const guard = new CrashLoopGuard();
    const verdicts = Array.from({ length: CRASH_LIMIT }, (_, i) => guard.allow(1_000 + i));
    expect(verdicts).toEqual([...Array<boolean>(CRASH_LIMIT - 1).fill(true), false]);
  });

  it('forgets deaths older than the window', () => {
    const guard = new CrashLoopGuard(3, CRASH_WINDOW_MS);
    expect(guard.allow(0)).toBe(true);
    expect(guard.allow(10)).toBe(true);
    // the first two are out of the window by now: this is the only recent death
    expect(guard.allow(CRASH_WINDOW_MS + 10)).toBe(true);
    expect(guard.allow(CRASH_WINDOW_MS + 20)).toBe(true);
    expect(guard.allow(CRASH_WINDOW_MS + 30)).toBe(false);
  });
});

describe('poolBudgetWarning', () => {
  it('warns when the pools of the workers could exceed the connections of the embedded server', () => {
    expect(poolBudgetWarning(2, 10, true)).toBeNull();
    expect(poolBudgetWarning(9, 10, true)).toBeNull();
    expect(poolBudgetWarning(10, 10, true)).toMatch(/WEB_CONCURRENCY=10 .* 100 connections/);
    expect(poolBudgetWarning(4, 30, true)).toMatch(/DB_POOL_SIZE=30/);
  });

  it('says nothing about a server of its own (DATABASE_URL): its limit is not known here', () => {
    expect(poolBudgetWarning(10, 50, false)).toBeNull();
  });
});

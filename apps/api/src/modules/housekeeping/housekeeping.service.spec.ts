import type { DataSource } from 'typeorm';
import { loadEnv } from '../../config/env';
import { HOUSEKEEPING_INTERVAL_MS, HousekeepingService } from './housekeeping.service';

describe('HousekeepingService timer', () => {
  beforeEach(() => {
    jest.useFakeTimers();
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  const make = (nodeEnv: 'test' | 'production') => {
    const query = jest.fn().mockResolvedValue([{ n: 0 }]);
    const service = new HousekeepingService(
      { query } as unknown as DataSource,
      loadEnv({ NODE_ENV: nodeEnv, LOG_LEVEL: 'silent', APP_SECRET: 'a-test-secret-of-at-least-32-characters' }),
    );
    return { service, query };
  };

  it('runs every hour once the application has started, and stops on shutdown', async () => {
    const { service, query } = make('production');
    service.onApplicationBootstrap();
    expect(query).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(HOUSEKEEPING_INTERVAL_MS);
    expect(query).toHaveBeenCalledTimes(3);
    expect(query.mock.calls.map(([sql]) => sql).join('\n')).toMatch(
      /idempotency_keys[\s\S]*sessions[\s\S]*login_attempts/,
    );
    service.onModuleDestroy();
    await jest.advanceTimersByTimeAsync(3 * HOUSEKEEPING_INTERVAL_MS);
    expect(query).toHaveBeenCalledTimes(3);
  });

  it('does not start under NODE_ENV=test', async () => {
    const { service, query } = make('test');
    service.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(2 * HOUSEKEEPING_INTERVAL_MS);
    expect(query).not.toHaveBeenCalled();
    service.onModuleDestroy();
  });

  it('keeps going after a failed run', async () => {
    const { service, query } = make('production');
    query.mockRejectedValueOnce(new Error('database down'));
    service.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(HOUSEKEEPING_INTERVAL_MS);
    await jest.advanceTimersByTimeAsync(HOUSEKEEPING_INTERVAL_MS);
    expect(query.mock.calls.length).toBeGreaterThanOrEqual(4);
    service.onModuleDestroy();
  });
});

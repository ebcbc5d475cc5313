import type { DataSource } from 'typeorm';
import { rootLogger } from '../../common/logger';
import type { AuditService } from '../audit/audit.service';
import {
  PREVENTIVE_FIRST_RUN_MS,
  PREVENTIVE_INTERVAL_MS,
  PreventiveSchedulerService,
} from './preventive-scheduler.service';

describe('PreventiveSchedulerService timer', () => {
  beforeEach(() => {
    jest.useFakeTimers();
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  const make = (nodeEnv: 'test' | 'production') => {
    const query = jest.fn().mockResolvedValue([]);
    const transaction = jest.fn(async (fn: (m: unknown) => unknown) => fn({ query }));
    const service = new PreventiveSchedulerService({ transaction } as unknown as DataSource, {} as AuditService, {
      NODE_ENV: nodeEnv,
    });
    return { service, transaction, query };
  };

  it('runs a minute after start, then daily, under the advisory lock; stops on shutdown', async () => {
    const { service, transaction, query } = make('production');
    service.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(PREVENTIVE_FIRST_RUN_MS - 1);
    expect(transaction).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(1);
    expect(transaction).toHaveBeenCalledTimes(1);
    expect(query.mock.calls[0][0]).toMatch(/pg_advisory_xact_lock/);
    await jest.advanceTimersByTimeAsync(PREVENTIVE_INTERVAL_MS);
    expect(transaction).toHaveBeenCalledTimes(2);
    service.onModuleDestroy();
    await jest.advanceTimersByTimeAsync(3 * PREVENTIVE_INTERVAL_MS);
    expect(transaction).toHaveBeenCalledTimes(2);
  });

  it('does not start under NODE_ENV=test', async () => {
    const { service, transaction } = make('test');
    service.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(2 * PREVENTIVE_INTERVAL_MS);
    expect(transaction).not.toHaveBeenCalled();
    service.onModuleDestroy();
  });

  it('keeps going after a failed run', async () => {
    const { service, transaction } = make('production');
    const logged = jest.spyOn(rootLogger(), 'error').mockImplementation(() => undefined);
    transaction.mockRejectedValueOnce(new Error('database down'));
    service.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(PREVENTIVE_FIRST_RUN_MS + PREVENTIVE_INTERVAL_MS);
    expect(transaction).toHaveBeenCalledTimes(2);
    expect(logged).toHaveBeenCalledTimes(1);
    logged.mockRestore();
    service.onModuleDestroy();
  });
});

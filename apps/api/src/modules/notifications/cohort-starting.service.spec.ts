import type { DataSource } from 'typeorm';
import { rootLogger } from '../../common/logger';
import {
  addDays,
  COHORT_STARTING_FIRST_RUN_MS,
  COHORT_STARTING_INTERVAL_MS,
  CohortStartingService,
  cohortStartingKey,
} from './cohort-starting.service';

describe('cohort starting run', () => {
  it('adds days across months and years; one dedup key per cohort', () => {
    expect(addDays('2026-11-28', 7)).toBe('2026-12-05');
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(cohortStartingKey('c-1')).toBe('cohort_starting:c-1');
  });

  describe('timer', () => {
    beforeEach(() => jest.useFakeTimers());
    afterEach(() => jest.useRealTimers());

    const make = (nodeEnv: 'test' | 'production') => {
      const query = jest.fn().mockResolvedValue([]);
      const transaction = jest.fn(async (fn: (m: unknown) => unknown) => fn({ query }));
      const service = new CohortStartingService({ transaction } as unknown as DataSource, { NODE_ENV: nodeEnv });
      return { service, transaction, query };
    };

    it('runs a minute after start, then hourly, under the advisory lock; stops on shutdown', async () => {
      const { service, transaction, query } = make('production');
      service.onApplicationBootstrap();
      await jest.advanceTimersByTimeAsync(COHORT_STARTING_FIRST_RUN_MS - 1);
      expect(transaction).not.toHaveBeenCalled();
      await jest.advanceTimersByTimeAsync(1);
      expect(transaction).toHaveBeenCalledTimes(1);
      expect(query.mock.calls[0][0]).toMatch(/pg_advisory_xact_lock/);
      await jest.advanceTimersByTimeAsync(COHORT_STARTING_INTERVAL_MS);
      expect(transaction).toHaveBeenCalledTimes(2);
      service.onModuleDestroy();
      await jest.advanceTimersByTimeAsync(3 * COHORT_STARTING_INTERVAL_MS);
      expect(transaction).toHaveBeenCalledTimes(2);
    });

    it('does not start under NODE_ENV=test', async () => {
      const { service, transaction } = make('test');
      service.onApplicationBootstrap();
      await jest.advanceTimersByTimeAsync(2 * COHORT_STARTING_INTERVAL_MS);
      expect(transaction).not.toHaveBeenCalled();
      service.onModuleDestroy();
    });

    it('keeps going after a failed run', async () => {
      const { service, transaction } = make('production');
      const logged = jest.spyOn(rootLogger(), 'error').mockImplementation(() => undefined);
      transaction.mockRejectedValueOnce(new Error('database down'));
      service.onApplicationBootstrap();
      await jest.advanceTimersByTimeAsync(COHORT_STARTING_FIRST_RUN_MS + COHORT_STARTING_INTERVAL_MS);
      expect(transaction).toHaveBeenCalledTimes(2);
      expect(logged).toHaveBeenCalledTimes(1);
      logged.mockRestore();
      service.onModuleDestroy();
    });
  });
});

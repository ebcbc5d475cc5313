import { ValidationFailed } from '../../common/errors';
import { METRICS_MAX_DAYS, metricsPeriod } from './repair-metrics.service';

describe('metricsPeriod', () => {
  const now = new Date('2026-03-31T12:00:00Z');

  it('defaults to the 90 days up to today', () => {
    expect(metricsPeriod({}, now)).toEqual({ from: '2025-12-31', to: '2026-03-31' });
    expect(metricsPeriod({ to: '2026-01-31' }, now)).toEqual({ from: '2025-11-02', to: '2026-01-31' });
    expect(metricsPeriod({ from: '2026-03-01', to: '2026-03-01' }, now)).toEqual({
      from: '2026-03-01',
      to: '2026-03-01',
    });
  });

  it('refuses a period that ends before it starts or is too long, on `from`', () => {
    expect(() => metricsPeriod({ from: '2026-03-02', to: '2026-03-01' }, now)).toThrow(ValidationFailed);
    expect(() => metricsPeriod({ from: '2020-01-01', to: '2026-03-01' }, now)).toThrow(ValidationFailed);
    expect(METRICS_MAX_DAYS).toBeGreaterThan(365);
  });
});

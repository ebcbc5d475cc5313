import { ValidationFailed } from '../../common/errors';
import { METRICS_MAX_DAYS, metricsPeriod, periodMonths } from './repair-metrics.service';

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

describe('periodMonths', () => {
  it('splits a period into the whole months inside it and the days around them', () => {
    expect(periodMonths('2025-12-15', '2026-03-10')).toEqual({
      until: '2026-03-11',
      firstMonth: '2026-01-01',
      endMonth: '2026-03-01',
    });
    // starts on the 1st and ends on the last day of a month: whole months only (a leap February)
    expect(periodMonths('2024-01-01', '2024-02-29')).toEqual({
      until: '2024-03-01',
      firstMonth: '2024-01-01',
      endMonth: '2024-03-01',
    });
    // over a year's end
    expect(periodMonths('2025-11-30', '2026-01-31')).toEqual({
      until: '2026-02-01',
      firstMonth: '2025-12-01',
      endMonth: '2026-02-01',
    });
  });

  it('has no whole month when the period lies inside one or only touches two (an empty month range)', () => {
    expect(periodMonths('2026-03-05', '2026-03-20')).toEqual({
      until: '2026-03-21',
      firstMonth: '2026-04-01',
      endMonth: '2026-04-01',
    });
    expect(periodMonths('2026-01-31', '2026-02-27')).toEqual({
      until: '2026-02-28',
      firstMonth: '2026-02-01',
      endMonth: '2026-02-01',
    });
    expect(periodMonths('2026-03-01', '2026-03-01')).toEqual({
      until: '2026-03-02',
      firstMonth: '2026-03-01',
      endMonth: '2026-03-01',
    });
  });
});

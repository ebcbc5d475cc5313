import { barrelWear, firingRate, forecastBarrel, isWearFlagged } from './barrel-wear';

const today = '2026-06-30';

describe('barrel wear', () => {
  it('is barrel EFC over barrel life', () => {
    expect(barrelWear(900, 1800)).toBe(0.5);
    expect(barrelWear(0, 1800)).toBe(0);
  });
  it('flags strictly above 80 %', () => {
    expect(isWearFlagged(0.8)).toBe(false);
    expect(isWearFlagged(0.8001)).toBe(true);
  });
});

describe('forecast', () => {
  it('has no forecast without usage', () => {
    const f = forecastBarrel({ barrelEfc: 100, barrelLifeEfc: 1000, efcInWindow: 0, firstReportDate: null }, today);
    expect(f.forecastDate).toBeNull();
    expect(f.ratePerDay).toBe(0);
    expect(f.wear).toBeCloseTo(0.1);
  });

  it('has no forecast when the rate over the window is zero (old usage only)', () => {
    const f = forecastBarrel(
      { barrelEfc: 500, barrelLifeEfc: 1000, efcInWindow: 0, firstReportDate: '2025-01-01' },
      today,
    );
    expect(f.forecastDate).toBeNull();
  });

  it('uses the observed days when the only report is today (one report)', () => {
    // 10 EFC in one day → 10/day; 900 remaining → 90 days
    const f = forecastBarrel({ barrelEfc: 100, barrelLifeEfc: 1000, efcInWindow: 10, firstReportDate: today }, today);
    expect(f.ratePerDay).toBe(10);
    expect(f.forecastDate).toBe('2026-09-28');
  });

  it('averages over 90 days for a system reporting for longer', () => {
    expect(firingRate({ efcInWindow: 180, firstReportDate: '2025-01-01' }, today)).toBe(2);
    const f = forecastBarrel(
      { barrelEfc: 800, barrelLifeEfc: 1000, efcInWindow: 180, firstReportDate: '2025-01-01' },
      today,
    );
    expect(f.forecastDate).toBe('2026-10-08'); // 200 remaining / 2 per day = 100 days
  });

  it('forecasts a full life for a barrel just changed', () => {
    const f = forecastBarrel(
      { barrelEfc: 0, barrelLifeEfc: 1000, efcInWindow: 450, firstReportDate: '2025-01-01' },
      today,
    );
    expect(f.wear).toBe(0);
    expect(f.ratePerDay).toBe(5);
    expect(f.forecastDate).toBe('2027-01-16'); // 1000 / 5 = 200 days
  });

  it('forecasts today for a barrel at or past its life', () => {
    const f = forecastBarrel(
      { barrelEfc: 1100, barrelLifeEfc: 1000, efcInWindow: 90, firstReportDate: '2025-01-01' },
      today,
    );
    expect(f.flagged).toBe(true);
    expect(f.forecastDate).toBe(today);
  });

  it('rounds partial days up', () => {
    const f = forecastBarrel(
      { barrelEfc: 0, barrelLifeEfc: 10, efcInWindow: 270, firstReportDate: '2025-01-01' },
      today,
    );
    expect(f.forecastDate).toBe('2026-07-04'); // 10 / 3 per day = 3.33 → 4 days
  });
});

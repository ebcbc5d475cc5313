import {
  allowedReportMoves,
  checkReportMove,
  latestEndedPeriods,
  parseReportPeriod,
  partnerReportStatuses,
  periodInFuture,
  periodInProgress,
  periodsEndedOn,
} from './partner-reports';

describe('partner report workflow', () => {
  it('goes draft → approved → published; draft, approved may be discarded; published, discarded are final', () => {
    expect(allowedReportMoves('draft')).toEqual(['approved', 'discarded']);
    expect(allowedReportMoves('approved')).toEqual(['published', 'discarded']);
    expect(allowedReportMoves('published')).toEqual([]);
    expect(allowedReportMoves('discarded')).toEqual([]);
  });

  it('refuses every other move with the allowed ones', () => {
    const legal = [
      ['draft', 'approved'],
      ['draft', 'discarded'],
      ['approved', 'published'],
      ['approved', 'discarded'],
    ];
    for (const from of partnerReportStatuses) {
      for (const to of partnerReportStatuses) {
        const r = checkReportMove(from, to, { actorId: 'b', preparedById: 'a' });
        if (legal.some(([f, t]) => f === from && t === to)) expect(r).toEqual({ ok: true });
        else expect(r).toEqual({ ok: false, code: 'INVALID_TRANSITION', from, to, allowed: allowedReportMoves(from) });
      }
    }
  });

  it('four eyes: the preparer may not approve, anyone else may; an automatic draft (no preparer) anyone', () => {
    expect(checkReportMove('draft', 'approved', { actorId: 'a', preparedById: 'a' })).toEqual({
      ok: false,
      code: 'FOUR_EYES',
    });
    expect(checkReportMove('draft', 'approved', { actorId: 'b', preparedById: 'a' })).toEqual({ ok: true });
    expect(checkReportMove('draft', 'approved', { actorId: 'a', preparedById: null })).toEqual({ ok: true });
  });

  it('the preparer may publish an approved report and discard a draft (four eyes is on approval)', () => {
    expect(checkReportMove('approved', 'published', { actorId: 'a', preparedById: 'a' })).toEqual({ ok: true });
    expect(checkReportMove('draft', 'discarded', { actorId: 'a', preparedById: 'a' })).toEqual({ ok: true });
  });
});

describe('report periods', () => {
  it('reads a month', () => {
    expect(parseReportPeriod('2026-10')).toEqual({
      period: '2026-10',
      kind: 'month',
      start: '2026-10-01',
      end: '2026-10-31',
      months: ['2026-10'],
    });
    expect(parseReportPeriod('2026-04')?.end).toBe('2026-04-30');
    expect(parseReportPeriod('2026-12')?.end).toBe('2026-12-31');
  });

  it('knows February, in leap years and not', () => {
    expect(parseReportPeriod('2028-02')?.end).toBe('2028-02-29');
    expect(parseReportPeriod('2026-02')?.end).toBe('2026-02-28');
    expect(parseReportPeriod('2100-02')?.end).toBe('2100-02-28');
    expect(parseReportPeriod('2000-02')?.end).toBe('2000-02-29');
  });

  it('reads quarters', () => {
    expect(parseReportPeriod('2026-Q1')).toEqual({
      period: '2026-Q1',
      kind: 'quarter',
      start: '2026-01-01',
      end: '2026-03-31',
      months: ['2026-01', '2026-02', '2026-03'],
    });
    expect(parseReportPeriod('2026-Q2')).toMatchObject({ start: '2026-04-01', end: '2026-06-30' });
    expect(parseReportPeriod('2026-Q3')).toMatchObject({
      start: '2026-07-01',
      end: '2026-09-30',
      months: ['2026-07', '2026-08', '2026-09'],
    });
    expect(parseReportPeriod('2026-Q4')).toMatchObject({ start: '2026-10-01', end: '2026-12-31' });
  });

  it('refuses anything else', () => {
    for (const bad of ['2026-13', '2026-00', '2026-Q5', '2026-Q0', '2026-1', '26-10', '2026/10', '2026-10-01', ''])
      expect(parseReportPeriod(bad)).toBeNull();
  });

  it('a period is in the future when it starts after today, in progress until its last day has passed', () => {
    const oct = parseReportPeriod('2026-10')!;
    expect(periodInFuture(oct, '2026-09-30')).toBe(true);
    expect(periodInFuture(oct, '2026-10-01')).toBe(false);
    expect(periodInProgress(oct, '2026-10-31')).toBe(true);
    expect(periodInProgress(oct, '2026-11-01')).toBe(false);
  });

  it('periodsEndedOn: the month on the first of a month, plus the quarter on the first of a quarter', () => {
    expect(periodsEndedOn('2026-11-01')).toEqual(['2026-10']);
    expect(periodsEndedOn('2026-10-01')).toEqual(['2026-09', '2026-Q3']);
    expect(periodsEndedOn('2027-01-01')).toEqual(['2026-12', '2026-Q4']);
    expect(periodsEndedOn('2026-04-01')).toEqual(['2026-03', '2026-Q1']);
    expect(periodsEndedOn('2026-03-01')).toEqual(['2026-02']);
    expect(periodsEndedOn('2026-10-02')).toEqual([]);
    expect(periodsEndedOn('2026-11-30')).toEqual([]);
  });

  it('latestEndedPeriods: the previous month and the last quarter that has ended', () => {
    expect(latestEndedPeriods('2026-11-30')).toEqual({ month: '2026-10', quarter: '2026-Q3' });
    expect(latestEndedPeriods('2026-10-01')).toEqual({ month: '2026-09', quarter: '2026-Q3' });
    expect(latestEndedPeriods('2026-09-30')).toEqual({ month: '2026-08', quarter: '2026-Q2' });
    expect(latestEndedPeriods('2027-01-15')).toEqual({ month: '2026-12', quarter: '2026-Q4' });
    expect(latestEndedPeriods('2027-03-31')).toEqual({ month: '2027-02', quarter: '2026-Q4' });
    expect(latestEndedPeriods('2027-04-01')).toEqual({ month: '2027-03', quarter: '2027-Q1' });
  });
});

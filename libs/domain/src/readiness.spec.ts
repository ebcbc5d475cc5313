import {
  canChangeStatus,
  manualChangeNeedsJob,
  readinessOf,
  statusesOfReadiness,
  summarizeReadiness,
  writeOffStep,
} from './readiness';

describe('readiness', () => {
  it('maps statuses to the coalition readiness classes', () => {
    expect(readinessOf('operational')).toBe('FMC');
    expect(readinessOf('degraded')).toBe('PMC');
    expect(readinessOf('in_repair')).toBe('NMC-M');
    expect(readinessOf('awaiting_parts')).toBe('NMC-S');
    expect(readinessOf('in_transit')).toBeNull();
    expect(readinessOf('written_off')).toBeNull();
    expect(statusesOfReadiness('NMC-S')).toEqual(['awaiting_parts']);
  });

  it('computes availability over systems not written off', () => {
    const s = summarizeReadiness({
      operational: 6,
      degraded: 2,
      in_repair: 1,
      awaiting_parts: 1,
      in_transit: 0,
      written_off: 5,
    });
    expect(s.total).toBe(15);
    expect(s.availabilityRate).toBeCloseTo(0.8);
  });

  it('counts systems in transit as not available', () => {
    expect(summarizeReadiness({ operational: 1, in_transit: 1 }).availabilityRate).toBe(0.5);
  });

  it('has no availability rate without active systems', () => {
    expect(summarizeReadiness({ written_off: 3 }).availabilityRate).toBeNull();
    expect(summarizeReadiness({}).availabilityRate).toBeNull();
  });

  it('keeps written_off final', () => {
    expect(canChangeStatus('written_off', 'operational')).toBe(false);
    expect(canChangeStatus('operational', 'written_off')).toBe(true);
    expect(canChangeStatus('degraded', 'degraded')).toBe(false);
  });

  it('sends a return to service from degraded, in_repair or awaiting_parts through a repair job', () => {
    for (const from of ['degraded', 'in_repair', 'awaiting_parts'] as const)
      expect(manualChangeNeedsJob(from, 'operational')).toBe(true);
    expect(manualChangeNeedsJob('in_transit', 'operational')).toBe(false);
    expect(manualChangeNeedsJob('operational', 'degraded')).toBe(false);
    expect(manualChangeNeedsJob('degraded', 'in_repair')).toBe(false);
  });
});

describe('writeOffStep', () => {
  it('asks first, lets a second person confirm, and refuses the one who asked', () => {
    expect(writeOffStep(null, 'a')).toBe('request');
    expect(writeOffStep('a', 'b')).toBe('confirm');
    expect(writeOffStep('a', 'a')).toBe('FOUR_EYES');
  });
});

import { availabilityPercent, coverageGaps, fleetNow, percent, toTrend } from './dashboard.rules';

const coverage = (id: string, designation: string, systems: number, operator: number, commander: number) => ({
  system_model_id: id,
  model_designation: designation,
  crew_size: 2,
  systems_in_service: systems,
  operator,
  maintainer: commander,
  commander,
});

describe('dashboard rules', () => {
  it('percentages have one decimal; nothing in service is null', () => {
    expect(percent(2 / 3)).toBe(66.7);
    expect(percent(null)).toBeNull();
    expect(availabilityPercent(5, 6)).toBe(83.3);
    expect(availabilityPercent(0, 0)).toBeNull();
  });

  it('the fleet now: readiness classes in order, in transit apart, written off left out', () => {
    expect(
      fleetNow([
        { status: 'operational', n: 3 },
        { status: 'in_repair', n: 1 },
        { status: 'in_transit', n: 1 },
        { status: 'written_off', n: 4 },
      ]),
    ).toEqual({
      inService: 5,
      byReadiness: [
        { readiness: 'FMC', systems: 3 },
        { readiness: 'PMC', systems: 0 },
        { readiness: 'NMC-M', systems: 1 },
        { readiness: 'NMC-S', systems: 0 },
      ],
      inTransit: 1,
      availabilityRate: 60,
    });
    expect(fleetNow([])).toMatchObject({ inService: 0, availabilityRate: null });
  });

  it('the trend rows', () => {
    expect(toTrend([{ month: '2026-11', partial: true, available: 1, in_service: 3 }])).toEqual([
      { month: '2026-11', availabilityRate: 33.3, available: 1, inService: 3, partial: true },
    ]);
  });

  it('coverage gaps: only short models, largest first, then by designation, at most the maximum', () => {
    const rows = [
      coverage('m1', 'Bravo', 4, 8, 4), // covered
      coverage('m2', 'Charlie', 3, 2, 1), // gap 2
      coverage('m3', 'Alpha', 2, 0, 0), // gap 2
      coverage('m4', 'Delta', 5, 2, 1), // gap 4
      coverage('m5', 'Echo', 0, 0, 0), // nothing in service
    ];
    expect(coverageGaps(rows).map((g) => [g.designation, g.gap])).toEqual([
      ['Delta', 4],
      ['Alpha', 2],
      ['Charlie', 2],
    ]);
    expect(coverageGaps(rows, 1)).toEqual([
      { modelId: 'm4', designation: 'Delta', systemsInService: 5, crewsRequired: 5, crewsCovered: 1, gap: 4 },
    ]);
  });
});

import type { SystemResponse } from '@jv/contracts';

/** A system as GET /systems and GET /systems/{id} return it; `overrides` replace any field. */
export function testSystem(overrides: Partial<SystemResponse> = {}): SystemResponse {
  return {
    id: '0b6f3c1e-8a52-4d6e-9f2a-3c4d5e6f7a8b',
    modelId: '1c2d3e4f-0000-4000-8000-000000000001',
    modelDesignation: 'TH-155/52',
    serialNumber: 'TH-0001',
    donorPartnerId: '4d2b7f3c-5a1e-4b8e-8f0a-2c3d4e5f0001',
    donorPartnerCode: 'FR',
    unitId: null,
    unitName: null,
    facilityId: null,
    facilityCode: null,
    status: 'operational',
    readiness: 'FMC',
    totalEfc: 100,
    barrelEfc: 50,
    barrelLifeEfc: 2500,
    barrelSerial: null,
    barrelWear: 0.02,
    wearFlagged: false,
    firingRatePerDay: 0,
    barrelForecastDate: null,
    statusChangedAt: '2026-01-01T00:00:00Z',
    notes: null,
    deliveredOn: null,
    openRepairJob: null,
    writeOffRequest: null,
    version: 1,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    ...overrides,
  };
}

/** `n` systems with serials LBL-0001… and distinct ids. */
export const testSystems = (n: number, from = 0): SystemResponse[] =>
  Array.from({ length: n }, (_, i) => {
    const k = from + i + 1;
    return testSystem({
      id: `0b6f3c1e-8a52-4d6e-9f2a-${String(k).padStart(12, '0')}`,
      serialNumber: `LBL-${String(k).padStart(4, '0')}`,
    });
  });

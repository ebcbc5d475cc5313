import {
  createComponentInputSchema,
  createFacilityInputSchema,
  createJointVentureInputSchema,
  facilityCapacityIssues,
  updateFacilityInputSchema,
} from './reference-data';

const A = '0b6c5f8e-2a57-4c1e-9d0a-3f7b1c2d4e5f';
const B = '1c7d6a9f-3b68-4d2f-8e1b-4a8c2d3e5f60';
const paths = (r: { success: boolean; error?: { issues: Array<{ path: PropertyKey[] }> } }) =>
  (r.error?.issues ?? []).map((i) => i.path.join('.'));

describe('facility capacity rule', () => {
  it('needs bays for a repair workshop and seats for a training base; other kinds may have neither', () => {
    expect(facilityCapacityIssues({ kind: 'repair_workshop', repairBays: 0, trainingSeats: 5 })).toEqual([
      { path: 'repairBays', code: 'workshop_needs_bays' },
    ]);
    expect(facilityCapacityIssues({ kind: 'training_base', repairBays: 2, trainingSeats: 0 })).toEqual([
      { path: 'trainingSeats', code: 'training_base_needs_seats' },
    ]);
    expect(facilityCapacityIssues({ kind: 'repair_workshop', repairBays: 1, trainingSeats: 0 })).toEqual([]);
    expect(facilityCapacityIssues({ kind: 'depot', repairBays: 0, trainingSeats: 0 })).toEqual([]);
    expect(facilityCapacityIssues({ kind: 'production_plant', repairBays: 0, trainingSeats: 0 })).toEqual([]);
  });

  it('is part of the create schema (so the web form shows it too) but not of the partial update schema', () => {
    const base = { code: 'ws-1', name: 'W', oblast: 'lvivska', jointVentureId: null, trainingSeats: 0 };
    expect(paths(createFacilityInputSchema.safeParse({ ...base, kind: 'repair_workshop', repairBays: 0 }))).toEqual([
      'repairBays',
    ]);
    const ok = createFacilityInputSchema.safeParse({ ...base, kind: 'repair_workshop', repairBays: 3 });
    expect(ok.success && ok.data.code).toBe('WS-1');
    expect(updateFacilityInputSchema.safeParse({ version: 1, repairBays: 0 }).success).toBe(true);
  });
});

describe('lists without repeats', () => {
  it('refuses a JV partner listed twice, naming the second', () => {
    const r = createJointVentureInputSchema.safeParse({
      name: 'J',
      ukrainianCompany: 'U',
      scopes: ['repair', 'repair'],
      establishedOn: '2024-01-01',
      partners: [
        { partnerId: A, companyName: 'a' },
        { partnerId: B, companyName: 'b' },
        { partnerId: A, companyName: 'c' },
      ],
    });
    expect(paths(r).sort()).toEqual(['partners.2.partnerId', 'scopes.1']);
  });

  it('refuses a compatible model listed twice', () => {
    const r = createComponentInputSchema.safeParse({
      partNumber: 'x-1',
      name: 'n',
      category: 'other',
      unitOfIssue: 'ea',
      compatibleModelIds: [A, B, B],
    });
    expect(paths(r)).toEqual(['compatibleModelIds.2']);
  });
});

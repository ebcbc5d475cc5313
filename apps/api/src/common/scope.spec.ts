import { componentRequestScope, repairJobScope, systemScope, worksAt } from './scope';
import { SqlParams } from './sql';

const F1 = '0b6c5f8e-2a57-4c1e-9d0a-3f7b1c2d4e5f';
const F2 = '1b6c5f8e-2a57-4c1e-9d0a-3f7b1c2d4e5f';
const P = '7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f';

const partner = { role: 'partner' as const, partnerId: P as string | null, facilityIds: [] as string[] };
const workshop = { role: 'workshop' as const, partnerId: null, facilityIds: [F1] };
const others = ['admin', 'logistics', 'viewer', 'training'] as const;

describe('systemScope', () => {
  it('limits partner users to their country always, and workshop users to their facilities when acting', () => {
    const p = new SqlParams();
    expect(systemScope(partner, p)).toEqual(['s.donor_partner_id = $1::uuid']);
    expect(systemScope(partner, p, { purpose: 'act' })).toEqual(['s.donor_partner_id = $2::uuid']);
    expect(systemScope({ ...partner, partnerId: null }, p)).toEqual(['false']);
    expect(systemScope(workshop, p)).toEqual([]);
    expect(systemScope(workshop, p, { purpose: 'act' })).toEqual(['s.facility_id = ANY($3::uuid[])']);
    expect(p.values).toEqual([P, P, [F1]]);
    for (const role of others)
      expect(systemScope({ role, partnerId: null, facilityIds: [] }, new SqlParams(), { purpose: 'act' })).toEqual([]);
  });

  it('puts the conditions on the alias it is given, and refuses an alias that is not an identifier', () => {
    expect(systemScope(workshop, new SqlParams(), { alias: 'sys', purpose: 'act' })).toEqual([
      'sys.facility_id = ANY($1::uuid[])',
    ]);
    expect(() => systemScope(partner, new SqlParams(), { alias: 's; DROP TABLE systems' })).toThrow(/bad table alias/);
  });
});

describe('repairJobScope', () => {
  it("limits workshop users to their facilities' jobs and partner users to jobs on their country's systems", () => {
    const p = new SqlParams();
    expect(repairJobScope(workshop, p, { system: 's' })).toEqual(['j.facility_id = ANY($1::uuid[])']);
    expect(repairJobScope(partner, p, { system: 's' })).toEqual(['s.donor_partner_id = $2::uuid']);
    expect(repairJobScope({ ...partner, partnerId: null }, p, { system: 's' })).toEqual(['false']);
    expect(p.values).toEqual([[F1], P]);
    for (const role of others)
      expect(repairJobScope({ role, partnerId: null, facilityIds: [] }, new SqlParams())).toEqual([]);
  });

  it('looks the system up itself when the query does not join it', () => {
    const p = new SqlParams();
    expect(repairJobScope(partner, p, { job: 'rj' })).toEqual([
      'EXISTS (SELECT 1 FROM systems scope_s WHERE scope_s.id = rj.system_id AND scope_s.donor_partner_id = $1::uuid)',
    ]);
    expect(repairJobScope(workshop, p, { job: 'rj' })).toEqual(['rj.facility_id = ANY($2::uuid[])']);
    expect(p.values).toEqual([P, [F1]]);
  });
});

describe('worksAt', () => {
  it('lets workshop users act only at their facilities, every other role anywhere', () => {
    expect(worksAt(workshop, F1)).toBe(true);
    expect(worksAt(workshop, F2)).toBe(false);
    for (const role of others) expect(worksAt({ role, facilityIds: [] }, F2)).toBe(true);
  });
});

describe('componentRequestScope', () => {
  it('limits workshop users to requests to their facilities and partner users to requests they supply', () => {
    const p = new SqlParams();
    expect(componentRequestScope(workshop, p)).toEqual(['r.facility_id = ANY($1::uuid[])']);
    expect(componentRequestScope(partner, p, 'cr')).toEqual(['cr.supplier_partner_id = $2::uuid']);
    expect(componentRequestScope({ ...partner, partnerId: null }, p)).toEqual(['false']);
    expect(p.values).toEqual([[F1], P]);
    for (const role of others)
      expect(componentRequestScope({ role, partnerId: null, facilityIds: [] }, new SqlParams())).toEqual([]);
    expect(() => componentRequestScope(workshop, new SqlParams(), 'r; --')).toThrow(/bad table alias/);
  });
});

import { allEndpoints, type EndpointDef } from '@jv/contracts';
import type TestAgent from 'supertest/lib/agent';
import { createSystem, dayOffset } from './support/repair-fixtures';
import {
  buildScopeFixtures,
  reportProof,
  subjectKind,
  takesVersion,
  versionOf,
  type FixtureKind,
  type ScopeFixtures,
} from './support/scope-fixtures';
import { createTestApp, signedIn, type TestContext } from './support/test-app';

/**
 * Optimistic locking under a race, for every editable resource of the endpoint table: every PATCH/PUT and
 * every transition or status change whose body carries `version`. N requests on the same version at once →
 * exactly one succeeds, the others answer 409 STALE_VERSION, and the stored version moved by exactly one.
 * An endpoint of that kind without a case below fails the first test, by name.
 */
const N = 8;

interface RaceCase {
  /** the object raced on (a fresh one where the change needs a given state) */
  target: (fx: ScopeFixtures, admin: TestAgent, ctx: TestContext) => Promise<string> | string;
  /** the change every racer sends, `version` added */
  body: (fx: ScopeFixtures) => object;
}

async function created(res: { status: number; body: { id?: string } }, what: string): Promise<string> {
  if (res.status !== 201 || !res.body.id)
    throw new Error(`race fixture ${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

const draftRequest = async (fx: ScopeFixtures, admin: TestAgent) =>
  created(
    await admin.post('/api/v1/component-requests').send({
      componentId: fx.components.A,
      quantity: 2,
      priority: 'routine',
      neededBy: dayOffset(30),
      facilityId: fx.facilities.A,
      justification: 'Raced draft',
    }),
    'draft request',
  );

const CASES: Record<string, RaceCase> = {
  'partners.update': { target: (fx) => fx.ids.partner.A, body: () => ({ name: 'Partner raced' }) },
  'jointVentures.update': { target: (fx) => fx.ids.jointVenture.A, body: () => ({ name: 'JV raced' }) },
  'facilities.update': { target: (fx) => fx.ids.facility.A, body: () => ({ name: 'Facility raced' }) },
  'systemModels.update': { target: (fx) => fx.ids.systemModel.A, body: () => ({ designation: 'Model raced' }) },
  'components.update': { target: (fx) => fx.ids.component.A, body: () => ({ name: 'Component raced' }) },
  'units.update': { target: (fx) => fx.ids.unit.A, body: () => ({ name: 'Unit raced' }) },
  'systems.update': { target: (fx) => fx.ids.system.A, body: () => ({ notes: 'Raced notes' }) },
  'systems.changeStatus': {
    target: (fx, _admin, ctx) => createSystem(ctx.db, { modelId: fx.models.A, donorPartnerId: fx.partners.A }),
    body: () => ({ status: 'degraded', reason: 'Raced status' }),
  },
  'repairJobs.update': { target: (fx) => fx.ids.repairJob.A, body: () => ({ diagnosis: 'Raced diagnosis' }) },
  'repairJobs.transition': { target: (fx) => fx.ids.repairJob.B, body: () => ({ to: 'diagnosing' }) },
  'preventivePlans.update': { target: (fx) => fx.ids.preventivePlan.A, body: () => ({ name: 'Plan raced' }) },
  'componentRequests.update': { target: (fx, admin) => draftRequest(fx, admin), body: () => ({ quantity: 7 }) },
  'componentRequests.transition': { target: (fx, admin) => draftRequest(fx, admin), body: () => ({ to: 'submitted' }) },
  'supplyPlans.put': {
    target: (fx) => fx.partners.A,
    body: (fx) => ({ lines: [{ componentId: fx.components.A, quantity: 5 }] }),
  },
  'partnerReports.transition': {
    target: async (fx, admin) =>
      created(
        await admin.post('/api/v1/partner-reports').send({ partnerId: fx.partners.B, period: '2025-Q2' }),
        'draft',
      ),
    body: () => ({ to: 'discarded', comment: 'Raced' }),
  },
  'courses.update': { target: (fx) => fx.ids.course.A, body: () => ({ title: 'Course raced' }) },
  'personnel.update': { target: (fx) => fx.ids.person.A, body: () => ({ rank: 'Captain' }) },
  'cohorts.update': { target: (fx) => fx.ids.cohort.B, body: () => ({ seats: 4 }) },
  'cohorts.transition': { target: (fx) => fx.ids.cohort.A, body: () => ({ to: 'enrolling' }) },
  'enrollments.update': { target: (fx) => fx.ids.enrollment.A, body: () => ({ status: 'withdrawn' }) },
  'users.update': { target: (fx) => fx.ids.user.A, body: () => ({ displayName: 'User raced' }) },
};

/** Editable resources in the endpoint table: updates and moves that carry an optimistic lock. */
const isEditable = (def: EndpointDef) =>
  takesVersion(def) && (def.method === 'PATCH' || def.method === 'PUT' || /\/(transitions|status)$/.test(def.path));
const editable = allEndpoints.filter(({ def }) => isEditable(def));

let races = 0;

describe(`concurrency: ${N} parallel updates on one version (integration)`, () => {
  let ctx: TestContext;
  let fx: ScopeFixtures;
  let admin: TestAgent;

  beforeAll(async () => {
    ctx = await createTestApp();
    admin = (await signedIn(ctx, { role: 'admin' })).agent;
    fx = await buildScopeFixtures(ctx.db, admin, (await signedIn(ctx, { role: 'admin' })).agent);
  }, 60_000);
  afterAll(async () => {
    reportProof(`concurrency: ${editable.length} resources, ${races} races`);
    await ctx?.close();
  });

  it('has a race case for every editable endpoint of the table', () => {
    expect(editable.length).toBeGreaterThan(15);
    expect(editable.map(({ name }) => name).filter((name) => !CASES[name])).toEqual([]);
  });

  it.each(editable.map(({ name, def }) => ({ name, def })))(
    '$name: exactly one of the racers wins',
    async ({ name, def }) => {
      const race = CASES[name];
      if (!race) throw new Error(`no race case for ${name} (${def.method} ${def.path})`);
      const kind = subjectKind(name, def) as FixtureKind;
      const id = await race.target(fx, admin, ctx);
      const before = await versionOf(ctx.db, kind, id);
      const path = `/api${def.path.replace('{id}', id).replace('{partnerId}', id).replace('{month}', '2026-01')}`;
      const method = def.method.toLowerCase() as 'patch' | 'put' | 'post';
      const body = { ...race.body(fx), version: before };
      const results = await Promise.all(Array.from({ length: N }, () => admin[method](path).send(body)));
      races += 1;
      const won = results.filter((r) => r.status >= 200 && r.status < 300);
      const lost = results.filter((r) => !(r.status >= 200 && r.status < 300));
      expect({
        won: won.length,
        lost: lost.map((r) => `${r.status} ${r.body?.code}`),
      }).toEqual({ won: 1, lost: Array(N - 1).fill('409 STALE_VERSION') });
      expect(await versionOf(ctx.db, kind, id)).toBe(before + 1);
    },
  );
});

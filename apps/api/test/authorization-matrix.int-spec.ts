import { allEndpoints, type EndpointDef } from '@jv/contracts';
import { ALL_ROLES, can, type Role } from '@jv/domain';
import type { Response } from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { pngBytes } from './support/photo-fixtures';
import { dayOffset } from './support/repair-fixtures';
import {
  buildScopeFixtures,
  insertPhoto,
  reportProof,
  insertNotification,
  pathParams,
  subjectKind,
  takesVersion,
  versionOf,
  type FixtureKind,
  type ScopeFixtures,
  type Side,
} from './support/scope-fixtures';
import { createTestApp, signedIn, type TestContext } from './support/test-app';

/**
 * The authorization matrix, generated from the endpoint table: every endpoint × every role × own (A) and
 * foreign (B) scope. The object an `{id}` names comes from the path (`/v1/repair-jobs/{id}/…` → a repair job;
 * a path with no fixture fails `scope-fixtures.pathParams` by name). Expected:
 * - a role without the endpoint's permission → 403;
 * - with it, own scope (and any object for an unscoped role) → neither 403 nor 404 (2xx, or a 4xx about the
 *   input or the state: 400, 409, 422);
 * - foreign scope for a scoped role (workshop: another facility's jobs, requests and systems it writes to;
 *   partner: another country's systems, jobs, requests, reports, courses, cohorts, plans; anyone: another
 *   user's notification) → 404;
 * - 0 leaks: no response to a scoped role, whatever its status, carries an id, number, serial or code of an
 *   out-of-scope object.
 */

/** What each scoped role may only see or write in its own scope ('write': reads are not scoped). */
const SCOPED: Partial<Record<Role, Partial<Record<FixtureKind, 'all' | 'write'>>>> = {
  workshop: { repairJob: 'all', componentRequest: 'all', system: 'write' },
  partner: {
    system: 'all',
    repairJob: 'all',
    componentRequest: 'all',
    partnerReport: 'all',
    course: 'all',
    cohort: 'all',
    supplyPartner: 'all',
  },
};

/** Kinds whose side-B objects a scoped role must never see in any response (the leak check). */
const HIDDEN: Partial<Record<Role, readonly FixtureKind[]>> = {
  workshop: ['repairJob', 'repairJobPhoto', 'componentRequest'],
  partner: ['system', 'repairJob', 'repairJobPhoto', 'componentRequest', 'partnerReport', 'course', 'cohort', 'person'],
};

function scoped(role: Role, kind: FixtureKind | null, def: EndpointDef): boolean {
  if (!kind) return false;
  if (kind === 'notification') return true;
  const s = SCOPED[role]?.[kind];
  return s === 'all' || (s === 'write' && def.method !== 'GET');
}

function allowed(role: Role, def: EndpointDef): boolean {
  return def.permission === 'public' || def.permission === 'signedIn'
    ? true
    : can(role, def.permission.resource, def.permission.action);
}

/** Bodies valid enough to reach the service (so a foreign object answers 404, not 400); `version` is added. */
const BODIES: Record<string, (fx: ScopeFixtures, side: Side) => object> = {
  'repairJobs.update': () => ({ diagnosis: 'Checked by the matrix' }),
  'repairJobs.transition': () => ({ to: 'diagnosing' }),
  'repairJobs.createWorkLog': () => ({ date: dayOffset(0), hours: 1 }),
  'repairJobs.createPartUsed': (fx, side) => ({ componentId: fx.components[side], quantity: 1 }),
  'componentRequests.update': () => ({ quantity: 4 }),
  'componentRequests.transition': () => ({ to: 'cancelled', comment: 'Matrix' }),
  'componentRequests.createDelivery': () => ({ quantity: 1, receivedOn: dayOffset(0), waybill: 'WB-M' }),
  'systems.changeStatus': () => ({ status: 'degraded', reason: 'Matrix check' }),
  'systems.createUsageReport': () => ({ date: dayOffset(0), rounds: 10, efc: 1 }),
  'supplyPlans.put': () => ({ lines: [] }),
  'partnerReports.transition': () => ({ to: 'discarded', comment: 'Matrix' }),
  'partnerReports.recordRelease': () => ({ recipient: 'Ministry', channel: 'email' }),
};

let cells = 0;
/** what the cells answered, by class: the proof line shows that allowed calls reach the services */
const answered: Record<string, number> = {};
const leakLog: string[] = [];

describe('authorization matrix: endpoint × role × own/foreign scope (integration)', () => {
  let ctx: TestContext;
  let fx: ScopeFixtures;
  const agents = new Map<Role, TestAgent>();
  const users = new Map<Role, string>();
  const notifications = new Map<Role, string>();
  let foreignNotification: string;

  beforeAll(async () => {
    ctx = await createTestApp();
    const admin = await signedIn(ctx, { role: 'admin' });
    fx = await buildScopeFixtures(ctx.db, admin.agent, (await signedIn(ctx, { role: 'admin' })).agent);
    for (const role of ALL_ROLES) {
      const { agent, user } = await signedIn(ctx, scopeOf(role));
      agents.set(role, agent);
      users.set(role, user.id);
      notifications.set(role, await insertNotification(ctx.db, user.id, fx.ids.componentRequest.A));
    }
    foreignNotification = await insertNotification(ctx.db, fx.ids.user.A, fx.ids.componentRequest.A);
  }, 60_000);
  afterAll(async () => {
    reportProof(
      `authorization matrix: ${cells} cells, ${leakLog.length} leaks` +
        ` (answers: ${Object.entries(answered)
          .sort()
          .map(([k, n]) => `${k} ×${n}`)
          .join(', ')})`,
    );
    await ctx?.close();
  });

  function scopeOf(role: Role) {
    return {
      role,
      facilityIds: role === 'workshop' ? [fx.facilities.A] : [],
      partnerId: role === 'partner' ? fx.partners.A : null,
    };
  }

  /**
   * A delete consumes its object: each call deletes a photo of its own on that side's job, taken by the caller
   * (only the one who took it, or an admin, may delete: a colleague's 403 is in repair-job-photos.int-spec.ts).
   */
  const FRESH: Record<string, (role: Role, side: Side) => Promise<Record<string, string>>> = {
    'repairJobPhotos.remove': async (role, side) => ({
      photoId: await insertPhoto(ctx.db, fx.ids.repairJob[side], users.get(role)!),
    }),
  };

  /** The concrete path for one side, and the object the call is about. */
  async function pathFor(name: string, def: EndpointDef, role: Role, side: Side) {
    const values: Record<string, string> = {};
    for (const p of pathParams(name, def)) {
      if (p.kind === 'notification') values[p.name] = side === 'A' ? notifications.get(role)! : foreignNotification;
      else if (p.kind) values[p.name] = fx.ids[p.kind][side];
      else values[p.name] = p.value!;
    }
    Object.assign(values, await FRESH[name]?.(role, side));
    return `/api${def.path.replace(/\{(\w+)\}/g, (_, p: string) => values[p])}`;
  }

  async function call(agent: TestAgent, name: string, def: EndpointDef, side: Side, path: string): Promise<Response> {
    const method = def.method.toLowerCase() as 'get' | 'post' | 'patch' | 'put' | 'delete';
    const req = agent[method](path);
    if (def.method === 'GET') return req;
    if (def.bodyType === 'csv') return req.set('Content-Type', 'text/csv').send('');
    if (def.bodyType === 'image') return req.set('Content-Type', 'image/png').send(pngBytes(4, 4));
    const body: Record<string, unknown> = { ...(BODIES[name]?.(fx, side) ?? {}) };
    const kind = subjectKind(name, def);
    if (takesVersion(def) && kind && kind !== 'notification') {
      body.version = await versionOf(ctx.db, kind, fx.ids[kind][side]);
    }
    return req.send(body);
  }

  function text(res: Response): string {
    if (res.text) return res.text;
    if (Buffer.isBuffer(res.body)) return res.body.toString('latin1');
    return JSON.stringify(res.body ?? '');
  }

  /** The request's own path (problem details echo it as `instance`) is the caller's input, not a leak. */
  function checkLeaks(label: string, role: Role, res: Response, path: string) {
    const hidden = HIDDEN[role];
    if (!hidden) return;
    const body = text(res).split(path).join('');
    for (const { kind, value } of fx.identifying.B) {
      if (hidden.includes(kind) && body.includes(value)) {
        leakLog.push(`${label}: ${res.status} carries ${kind} ${value}`);
      }
    }
  }

  const walked = allEndpoints.filter(({ name }) => name !== 'auth.logout');

  it('derives a fixture for every path parameter of every endpoint', () => {
    const missing: string[] = [];
    for (const { name, def } of allEndpoints) {
      try {
        pathParams(name, def);
      } catch (e) {
        missing.push((e as Error).message);
      }
    }
    expect(missing).toEqual([]);
  });

  it.each(walked.map(({ name, def }) => ({ name, def })))('$name', async ({ name, def }) => {
    const kind = subjectKind(name, def);
    const sides: Side[] = kind ? ['B', 'A'] : ['A'];
    const failures: string[] = [];
    for (const role of ALL_ROLES) {
      for (const side of sides) {
        const path = await pathFor(name, def, role, side);
        const res = await call(agents.get(role)!, name, def, side, path);
        const label = `${name} as ${role} on ${side === 'A' ? 'own' : 'foreign'} scope`;
        cells += 1;
        const cls = res.status < 300 ? '2xx' : String(res.status);
        answered[cls] = (answered[cls] ?? 0) + 1;
        checkLeaks(label, role, res, path);
        let expected: string;
        let ok: boolean;
        if (!allowed(role, def)) {
          expected = '403';
          ok = res.status === 403;
        } else if (side === 'B' && scoped(role, kind, def)) {
          expected = '404';
          ok = res.status === 404;
        } else {
          expected = 'not 403/404';
          ok = res.status !== 403 && res.status !== 404;
        }
        if (res.status >= 500 || (res.status === 401 && def.permission !== 'public')) ok = false;
        if (!ok) failures.push(`${label}: ${res.status} (expected ${expected}) ${text(res).slice(0, 200)}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('auth.logout: every role may sign out (own session only)', async () => {
    for (const role of ALL_ROLES) {
      const { agent } = await signedIn(ctx, scopeOf(role));
      cells += 1;
      expect((await agent.post('/api/v1/auth/logout')).status).toBe(204);
    }
  });

  it('0 leaks: no response to a scoped role carries an out-of-scope object', () => {
    expect(leakLog).toEqual([]);
  });
});

import { partnerReportDetailSchema } from '@jv/contracts';
import { DEMO_PASSWORD, seedDemo } from '../src/database/seeds/demo-seed';
import { canonicalSha256 } from '../src/modules/partner-reports/canonical-json';
import { createTestApp, type TestContext } from './support/test-app';

describe('demo partner report (integration, real PostgreSQL)', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await createTestApp();
    await seedDemo(ctx.db);
  });

  afterAll(() => ctx.close());

  it('the demo partner user finds a published report of Latvia, by three different people', async () => {
    const agent = ctx.http();
    const login = await agent.post('/api/v1/auth/login').send({ email: 'partner@jv.example', password: DEMO_PASSWORD });
    expect(login.status).toBe(200);
    const list = await agent.get('/api/v1/partner-reports');
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({ partnerCode: 'LV', status: 'published' });
    const detail = partnerReportDetailSchema.parse(
      (await agent.get(`/api/v1/partner-reports/${list.body.items[0].id}`)).body,
    );
    expect(detail.figuresSha256).toBe(canonicalSha256(detail.figures));
    expect(detail.documents).toHaveLength(4);
    expect(detail.figures.fleet.systems).toBeGreaterThan(0);
    const [people] = await ctx.db.query(
      `SELECT pu.email AS preparer, au.email AS approver, bu.email AS publisher
         FROM partner_reports r JOIN users pu ON pu.id = r.prepared_by JOIN users au ON au.id = r.approved_by
         JOIN users bu ON bu.id = r.published_by WHERE r.id = $1`,
      [detail.id],
    );
    expect(people).toEqual({
      preparer: 'logistics@jv.example',
      approver: 'logistics2@jv.example',
      publisher: 'admin@jv.example',
    });
    const pdf = await agent.get(`/api/v1/partner-reports/${detail.id}/document.pdf`).query({ lang: 'uk' });
    expect(pdf.status).toBe(200);
  });
});
